// A scripted S3 endpoint, the twin of the conformance harness's Stub: per bucket (the first path
// segment, path style), a list of responses served in order with the last one repeating, and a
// log of what every request carried. Faults are part of the script: a delay, a dropped
// connection, or a request that is never answered.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { closeLocal, listenLocal } from './listen.js';

export interface StubResponse {
  /** HTTP status; 204 when absent. */
  status?: number;
  /** Extra response headers, sent in this order before the stub's own. */
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering (or dropping). */
  delayMs?: number;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** Never answer (the socket stays open until the client gives up or the stub stops). */
  hang?: boolean;
}

export interface StubRequest {
  method: string;
  /** The path as received, before `?`, not decoded. */
  path: string;
  /** The raw query string after the first `?` ('' when none). */
  query: string;
  /** Every request header, names lower-cased (a repeated header keeps its last value). */
  headers: Record<string, string>;
  /** Whether an Authorization header was present. */
  signed: boolean;
  body: string;
}

export interface StubServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Sets the responses for a bucket (replacing any earlier script; the log is kept). */
  script(bucket: string, responses: StubResponse[]): void;
  /** What reached the server for this bucket, in arrival order. */
  requests(bucket: string): StubRequest[];
  /** Forgets every script and log. */
  reset(): void;
  /** Closes the server, destroying open sockets (hung or kept-alive) and pending delays. */
  stop(): Promise<void>;
}

const DEFAULT_SCRIPT: readonly StubResponse[] = [{ status: 204 }];

/** The bucket a path-style request is for: the first segment of the raw path. */
export function bucketOf(rawPath: string): string {
  return rawPath.replace(/^\/+/, '').split('/', 1)[0] ?? '';
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) out[raw[i]!.toLowerCase()] = raw[i + 1]!;
  return out;
}

export async function startStub(): Promise<StubServer> {
  const scripts = new Map<string, StubResponse[]>();
  const logs = new Map<string, StubRequest[]>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const answer = (res: ServerResponse, r: StubResponse): void => {
    if (r.drop) {
      res.socket?.destroy();
      return;
    }
    if (r.hang) return;
    const body = Buffer.from(r.body ?? '', 'utf8');
    res.statusCode = r.status ?? 204;
    for (const [k, v] of Object.entries(r.headers ?? {})) res.setHeader(k, v);
    res.setHeader('x-amz-request-id', 'REQ123');
    res.setHeader('x-amz-id-2', 'HOSTID456');
    res.setHeader('Content-Length', String(body.length));
    res.end(body);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => undefined);
    req.on('end', () => {
      const target = req.url ?? '/';
      const q = target.indexOf('?');
      const path = q < 0 ? target : target.slice(0, q);
      const query = q < 0 ? '' : target.slice(q + 1);
      const headers = lowerHeaders(req);
      const bucket = bucketOf(path);
      const log = logs.get(bucket) ?? [];
      logs.set(bucket, log);
      log.push({
        method: req.method ?? '',
        path,
        query,
        headers,
        signed: 'authorization' in headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const script = scripts.get(bucket);
      const list = script && script.length > 0 ? script : DEFAULT_SCRIPT;
      const r = list[Math.min(log.length, list.length) - 1]!;
      if (r.delayMs && r.delayMs > 0) {
        const t = setTimeout(() => {
          timers.delete(t);
          if (!res.socket?.destroyed) answer(res, r);
        }, r.delayMs);
        timers.add(t);
      } else {
        answer(res, r);
      }
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // a client that times out hangs up mid-reply; that is not the stub's failure
  server.on('clientError', (_e, s: Socket) => s.destroy());

  const port = await listenLocal(server);

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    script(bucket, responses) {
      scripts.set(bucket, responses.map((r) => ({ ...r })));
    },
    requests(bucket) {
      return [...(logs.get(bucket) ?? [])];
    },
    reset() {
      scripts.clear();
      logs.clear();
    },
    stop: () => closeLocal(server, sockets, timers),
  };
}
