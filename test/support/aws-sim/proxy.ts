// A logging HTTP proxy on 127.0.0.1 inside the namespace: absolute-form forwarding for http://
// targets, CONNECT tunnels for https://, optional Basic authentication (407 when the
// Proxy-Authorization header is missing or wrong). Targets are resolved through the namespace's
// /etc/hosts, so they reach the simulated services like a real proxy would reach AWS. A proxy
// that is "down" is simply one that was not started: nothing listens on its port.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { closeLocal } from '../listen.js';
import { listenAt } from './listen-at.js';
import type { SimLog } from './sim-log.js';
import type { ProxyConfig } from './spec.js';

export interface SimProxy {
  stop(): Promise<void>;
}

const STRIPPED = new Set(['proxy-authorization', 'proxy-connection', 'connection', 'keep-alive']);

function authorized(config: ProxyConfig, header: string | undefined): boolean {
  if (config.auth === undefined) return true;
  return header === `Basic ${Buffer.from(config.auth, 'utf8').toString('base64')}`;
}

/** host and port of `host:port` / `[v6]:port`. */
function splitTarget(target: string, defaultPort: number): { host: string; port: number } {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(target) ?? /^([^:]+)(?::(\d+))?$/.exec(target);
  return { host: m?.[1] ?? target, port: m?.[2] ? Number(m[2]) : defaultPort };
}

export async function startProxy(config: ProxyConfig, log: SimLog): Promise<SimProxy> {
  const sockets = new Set<Socket | Duplex>();
  const track = <T extends Socket | Duplex>(s: T): T => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    return s;
  };
  const server = createServer();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const entry = log.addProxy({
      port: config.port,
      kind: 'forward',
      requestLine: `${req.method ?? ''} ${req.url ?? ''} HTTP/${req.httpVersion}`,
      proxyAuthorization: req.headers['proxy-authorization'] ?? '',
      status: 0,
    });
    const reply = (status: number, headers: Record<string, string> = {}): void => {
      entry.status = status;
      res.writeHead(status, { 'Content-Length': '0', ...headers });
      res.end();
      req.resume();
    };
    if (!authorized(config, req.headers['proxy-authorization'])) {
      reply(407, { 'Proxy-Authenticate': 'Basic realm="sim-aws proxy"' });
      return;
    }
    const m = /^http:\/\/([^/?#]+)(.*)$/i.exec(req.url ?? '');
    if (!m) {
      reply(400);
      return;
    }
    const { host, port } = splitTarget(m[1]!, 80);
    const headers: Record<string, string> = {};
    const raw = req.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2) if (!STRIPPED.has(raw[i]!.toLowerCase())) headers[raw[i]!] = raw[i + 1]!;
    const upstream = request({ host, port, method: req.method, path: m[2] || '/', headers, setHost: false }, (up) => {
      entry.status = up.statusCode ?? 0;
      res.writeHead(up.statusCode ?? 502, up.rawHeaders);
      up.pipe(res);
    });
    upstream.on('socket', (s) => track(s));
    upstream.on('error', () => {
      if (!res.headersSent) reply(502);
      else res.destroy();
    });
    req.pipe(upstream);
  });

  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    track(client);
    const entry = log.addProxy({
      port: config.port,
      kind: 'connect',
      requestLine: `${req.method ?? ''} ${req.url ?? ''} HTTP/${req.httpVersion}`,
      proxyAuthorization: req.headers['proxy-authorization'] ?? '',
      status: 0,
    });
    client.on('error', () => undefined);
    if (!authorized(config, req.headers['proxy-authorization'])) {
      entry.status = 407;
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="sim-aws proxy"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const { host, port } = splitTarget(req.url ?? '', 443);
    const upstream = track(connect({ host, port }));
    upstream.on('connect', () => {
      entry.status = 200;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => {
      if (entry.status === 0) {
        entry.status = 502;
        client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      } else {
        client.destroy();
      }
    });
    client.on('close', () => upstream.destroy());
  });

  server.on('connection', (s: Socket) => track(s));
  server.on('clientError', (_e, s: Duplex) => s.destroy());
  await listenAt(server, '127.0.0.1', config.port);
  return { stop: () => closeLocal(server, sockets, new Set()) };
}
