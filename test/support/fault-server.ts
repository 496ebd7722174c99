// A raw-socket HTTP/1.1 endpoint for the faults an HTTP server library will not produce: a reset in
// the middle of a body, a head trickled byte by byte, a Content-Length that lies (longer than the
// body, or shorter with extra bytes left on a kept-alive connection), a connection that is accepted
// and never read. It speaks just enough HTTP to read request heads (the CLI's DELETE has no body)
// and writes every response byte itself. A script of steps is served in order, one per attempt, the
// last repeating; the server counts connections, request heads and attempts.
import { STATUS_CODES } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { closeLocal, listenLocal } from './listen.js';

export interface FaultStep {
  /** Accept the connection (or take the request) and never read, answer or close. */
  neverRead?: boolean;
  /** Reset the connection (RST) as soon as the request head has arrived. */
  resetBeforeResponse?: boolean;
  /** Wait this long after the request head before the first byte of the answer. */
  delayMs?: number;
  /** Default 200. */
  status?: number;
  /** The reason phrase; default Node's for the status. */
  reason?: string;
  /** Headers before the server's own (x-amz-request-id, x-amz-id-2, Content-Length). */
  headers?: Record<string, string>;
  body?: string;
  /** The Content-Length to declare; default the body's length; null sends none. */
  contentLength?: number | null;
  /** Send only the first bytes of the body. */
  bodyBytes?: number;
  /** Written right after the body, outside the declared length. */
  extra?: string;
  /** Send the status line, then the rest of the head `bytes` at a time, `everyMs` apart. */
  trickle?: { bytes: number; everyMs: number };
  /**
   * After the answer: keep the connection for another request (default), close it (FIN), reset it
   * (RST), or hold it open without another byte.
   */
  then?: 'keep' | 'close' | 'reset' | 'hold';
}

export interface FaultStats {
  /** TCP connections accepted. */
  connections: number;
  /** Request heads read in full. */
  requests: number;
  /** Steps served: request heads plus connections that were never read. */
  attempts: number;
}

export interface FaultServer {
  readonly url: string;
  readonly port: number;
  /** Replaces the script and zeroes the counters. */
  script(steps: readonly FaultStep[]): void;
  stats(): FaultStats;
  /** Destroys every socket and pending timer, then closes the listener. */
  stop(): Promise<void>;
}

const HEAD_END = '\r\n\r\n';

/** The bytes of a step's answer: the head (status line first) and the body as sent. */
export function responseBytes(step: FaultStep): { statusLine: string; headerBlock: string; body: Buffer } {
  const status = step.status ?? 200;
  const reason = step.reason ?? STATUS_CODES[status] ?? 'Unknown';
  const full = Buffer.from(step.body ?? '', 'utf8');
  const declared = step.contentLength === undefined ? full.length : step.contentLength;
  const lines: string[] = [];
  for (const [k, v] of Object.entries(step.headers ?? {})) lines.push(`${k}: ${v}`);
  lines.push('x-amz-request-id: REQ123', 'x-amz-id-2: HOSTID456');
  if (declared !== null) lines.push(`Content-Length: ${declared}`);
  const body = step.bodyBytes === undefined ? full : full.subarray(0, step.bodyBytes);
  return {
    statusLine: `HTTP/1.1 ${status} ${reason}\r\n`,
    headerBlock: `${lines.join('\r\n')}${HEAD_END}`,
    body: Buffer.concat([body, Buffer.from(step.extra ?? '', 'utf8')]),
  };
}

export async function startFaultServer(): Promise<FaultServer> {
  let steps: readonly FaultStep[] = [{ status: 204 }];
  let stats: FaultStats = { connections: 0, requests: 0, attempts: 0 };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const later = (ms: number, fn: () => void): void => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const nextStep = (): FaultStep => {
    const step = steps[Math.min(stats.attempts, steps.length - 1)] ?? { status: 204 };
    stats.attempts++;
    return step;
  };
  const write = (s: Socket, data: string | Buffer): void => {
    if (!s.destroyed) s.write(data);
  };

  /** Answers one request; `done` is called when the connection may carry another. */
  const answer = (s: Socket, step: FaultStep, done: () => void): void => {
    if (step.neverRead) {
      s.pause();
      return;
    }
    if (step.resetBeforeResponse) {
      s.resetAndDestroy();
      return;
    }
    const { statusLine, headerBlock, body } = responseBytes(step);
    const finish = (): void => {
      const then = step.then ?? 'keep';
      if (then === 'close') s.end();
      else if (then === 'reset') {
        // let the bytes leave before the RST, or the peer may see the reset alone
        later(50, () => s.resetAndDestroy());
      } else if (then === 'keep') done();
    };
    const send = (): void => {
      if (s.destroyed) return;
      if (!step.trickle) {
        // one write: the bytes a client finds after the declared length arrive with the rest
        write(s, Buffer.concat([Buffer.from(statusLine + headerBlock, 'latin1'), body]));
        finish();
        return;
      }
      write(s, statusLine);
      const { bytes, everyMs } = step.trickle;
      let at = 0;
      const tick = (): void => {
        if (s.destroyed) return;
        write(s, headerBlock.slice(at, at + bytes));
        at += bytes;
        if (at < headerBlock.length) later(everyMs, tick);
        else {
          write(s, body);
          finish();
        }
      };
      later(everyMs, tick);
    };
    if (step.delayMs) later(step.delayMs, send);
    else send();
  };

  const server: Server = createServer((s) => {
    sockets.add(s);
    stats.connections++;
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    // a step that never reads applies to the connection before any byte arrives
    const first = steps[Math.min(stats.attempts, steps.length - 1)];
    if (first?.neverRead) {
      nextStep();
      s.pause();
      return;
    }
    let buffered = '';
    let busy = false;
    const serveNext = (): void => {
      const end = buffered.indexOf(HEAD_END);
      if (busy || end < 0) return;
      buffered = buffered.slice(end + HEAD_END.length);
      stats.requests++;
      busy = true;
      answer(s, nextStep(), () => {
        busy = false;
        serveNext();
      });
    };
    s.on('data', (d: Buffer) => {
      buffered += d.toString('latin1');
      serveNext();
    });
  });

  const port = await listenLocal(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    script(next) {
      steps = next.length > 0 ? next.map((x) => ({ ...x })) : [{ status: 204 }];
      stats = { connections: 0, requests: 0, attempts: 0 };
    },
    stats: () => ({ ...stats }),
    stop: () => closeLocal(server, sockets, timers),
  };
}
