// One request path for every simulated service: read the whole body, log the request before
// answering (a request that is never answered is still seen), pick the handler, answer it. The
// servers differ only in where they listen and how they pick: by Host behind the front, by the
// address for IMDS and the container endpoints, as AWS does.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { closeLocal } from '../listen.js';
import { lowerHeaders, type SimLog, type SimRequest } from './sim-log.js';

export interface SimIncoming {
  method: string;
  /** The Host header without its port, lower-cased. */
  hostname: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string;
  /** The log entry, for the handler's notes. */
  entry: SimRequest;
}

export type SimAnswer =
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Destroy the connection without answering. */
  | { drop: true }
  /** Never answer; the socket is destroyed when the simulation stops. */
  | { hang: true };

export type Handler = (req: SimIncoming) => SimAnswer | Promise<SimAnswer>;

export interface Route {
  service: string;
  handler: Handler;
}

export interface ServedServer {
  stop(): Promise<void>;
}

/** The host name of a Host header: no port, no IPv6 brackets, lower case. */
export function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return h.slice(1, end < 0 ? undefined : end);
  }
  const colon = h.lastIndexOf(':');
  return colon < 0 ? h : h.slice(0, colon);
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): SimAnswer {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

export function xml(status: number, body: string, headers: Record<string, string> = {}): SimAnswer {
  return { status, headers: { 'Content-Type': 'text/xml', ...headers }, body };
}

export function text(status: number, body: string, headers: Record<string, string> = {}): SimAnswer {
  return { status, headers: { 'Content-Type': 'text/plain', ...headers }, body };
}

function answer(res: ServerResponse, entry: SimRequest, a: SimAnswer): void {
  if ('drop' in a) {
    entry.status = -1;
    res.socket?.destroy();
    return;
  }
  if ('hang' in a) return;
  const body = Buffer.from(a.body ?? '', 'utf8');
  entry.status = a.status;
  res.statusCode = a.status;
  for (const [k, v] of Object.entries(a.headers ?? {})) res.setHeader(k, v);
  res.setHeader('Content-Length', String(body.length));
  res.end(body);
}

/**
 * Serves `server` (http or https, not yet listening) through `pick`: every request is logged with
 * `listener` and, over TLS, the server name the client sent.
 */
export function serve(server: Server, log: SimLog, listener: string, pick: (hostname: string) => Route): ServedServer {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => undefined);
    req.on('end', () => {
      const target = req.url ?? '/';
      const q = target.indexOf('?');
      const headers = lowerHeaders(req);
      const hostname = hostnameOf(headers.host ?? '');
      const route = pick(hostname);
      const tls = req.socket as Partial<TLSSocket>;
      const entry = log.addRequest({
        service: route.service,
        listener,
        ...(tls.encrypted ? { sni: typeof tls.servername === 'string' ? tls.servername : '' } : {}),
        method: req.method ?? '',
        host: headers.host ?? '',
        path: q < 0 ? target : target.slice(0, q),
        query: q < 0 ? '' : target.slice(q + 1),
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const incoming: SimIncoming = {
        method: entry.method,
        hostname,
        path: entry.path,
        query: entry.query,
        headers,
        body: entry.body,
        entry,
      };
      Promise.resolve()
        .then(() => route.handler(incoming))
        .catch((e: unknown): SimAnswer => {
          entry.notes.push(`handler failed: ${e instanceof Error ? e.message : String(e)}`);
          return text(500, 'simulated AWS handler failed');
        })
        .then((a) => {
          if (!res.socket?.destroyed) answer(res, entry, a);
        });
    });
  });
  const track = (s: Socket): void => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  server.on('connection', track);
  server.on('secureConnection', track);
  // clients that give up hang up mid-reply, and a client that rejects our certificate closes the
  // handshake: neither is the simulation's failure
  server.on('clientError', (_e, s: Socket) => s.destroy());
  server.on('tlsClientError', () => undefined);
  return { stop: () => closeLocal(server, sockets, timers) };
}
