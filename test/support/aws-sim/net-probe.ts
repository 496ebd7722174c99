// A probe the self-tests run inside the namespace (runSim's `probe`): a list of network operations,
// each answered with what happened, so one namespace run checks many things. Requests are raw
// HTTP/1.1 over a socket the probe opens itself (directly, through a proxy's CONNECT, or as an
// absolute-form request to a proxy), so nothing about them is left to a client library.
import { createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

export type ProbeOp =
  | { op: 'interfaces' }
  | { op: 'connect'; host: string; port: number }
  | { op: 'udp'; host: string; port: number }
  | { op: 'lookup'; name: string }
  | {
      op: 'request';
      /** Where the TCP connection goes (a name resolves through /etc/hosts). */
      host: string;
      port: number;
      /** TLS with this server name; absent: plain HTTP. */
      tls?: { servername: string; ca?: string };
      /** Send `CONNECT <target>` first (to a proxy at host:port), then TLS/HTTP inside the tunnel. */
      connectTo?: string;
      proxyAuthorization?: string;
      method: string;
      /** The request target: a path, or an absolute URL for a proxy. */
      target: string;
      headers?: Record<string, string>;
      body?: string;
    };

export interface ProbeResult {
  ok: boolean;
  /** The error's code (ENETUNREACH...) or message. */
  error?: string;
  ms: number;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** The peer certificate's subjectaltname and issuer CN, over TLS. */
  cert?: { subjectaltname: string; issuer: string };
  /** The CONNECT answer's status line. */
  connectStatus?: string;
  value?: unknown;
}

function errorOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ?? err.message ?? String(e);
}

function open(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = netConnect({ host, port });
    s.setTimeout(5_000, () => s.destroy(new Error('probe timeout')));
    s.once('connect', () => resolve(s));
    s.once('error', reject);
  });
}

/** Reads until the end of an HTTP head; resolves to it and whatever came after. */
function readHead(s: Socket | TLSSocket): Promise<{ head: string; rest: Buffer }> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const onData = (d: Buffer): void => {
      buf = Buffer.concat([buf, d]);
      const i = buf.indexOf('\r\n\r\n');
      if (i >= 0) {
        s.off('data', onData);
        s.pause();
        resolve({ head: buf.subarray(0, i).toString('latin1'), rest: buf.subarray(i + 4) });
      }
    };
    s.on('data', onData);
    s.once('error', reject);
    s.once('end', () => reject(new Error(`connection closed after ${buf.length} bytes`)));
  });
}

async function readResponse(s: Socket | TLSSocket): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const { head, rest } = await readHead(s);
  const [statusLine, ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const c = l.indexOf(':');
    if (c > 0) headers[l.slice(0, c).trim().toLowerCase()] = l.slice(c + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  let body = rest;
  while (body.length < length) {
    const more = await new Promise<Buffer>((resolve, reject) => {
      s.once('data', resolve);
      s.once('error', reject);
      s.resume();
    });
    body = Buffer.concat([body, more]);
  }
  return { status: Number(statusLine?.split(' ')[1] ?? 0), headers, body: body.subarray(0, length).toString('utf8') };
}

async function request(op: Extract<ProbeOp, { op: 'request' }>): Promise<Omit<ProbeResult, 'ms'>> {
  let sock: Socket | TLSSocket = await open(op.host, op.port);
  const out: Omit<ProbeResult, 'ms'> = { ok: true };
  try {
    if (op.connectTo !== undefined) {
      const auth = op.proxyAuthorization !== undefined ? `Proxy-Authorization: ${op.proxyAuthorization}\r\n` : '';
      sock.write(`CONNECT ${op.connectTo} HTTP/1.1\r\nHost: ${op.connectTo}\r\n${auth}\r\n`);
      const { head } = await readHead(sock);
      out.connectStatus = head.split('\r\n')[0] ?? '';
      if (!/^HTTP\/1\.[01] 200/.test(out.connectStatus)) return { ...out, ok: false };
      sock.resume();
    }
    if (op.tls) {
      const tls = op.tls;
      const raw = sock;
      sock = await new Promise<TLSSocket>((resolve, reject) => {
        const t = tlsConnect({ socket: raw, servername: tls.servername, ...(tls.ca ? { ca: readFileSync(tls.ca) } : {}) }, () => resolve(t));
        t.once('error', reject);
      });
      const cert = (sock as TLSSocket).getPeerCertificate();
      out.cert = { subjectaltname: cert.subjectaltname ?? '', issuer: String(cert.issuer?.CN ?? '') };
    }
    const body = op.body ?? '';
    const headers = { Host: op.tls?.servername ?? op.host, ...(op.headers ?? {}), 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' };
    const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    sock.write(`${op.method} ${op.target} HTTP/1.1\r\n${head}\r\n${body}`);
    const res = await readResponse(sock);
    return { ...out, ...res };
  } finally {
    sock.destroy();
  }
}

async function run(op: ProbeOp): Promise<Omit<ProbeResult, 'ms'>> {
  switch (op.op) {
    case 'interfaces':
      return { ok: true, value: networkInterfaces() };
    case 'connect': {
      const s = await open(op.host, op.port);
      s.destroy();
      return { ok: true };
    }
    case 'udp':
      return new Promise((resolve) => {
        const family = op.host.includes(':') ? 'udp6' : 'udp4';
        const s = createSocket(family);
        s.send(Buffer.from('probe'), op.port, op.host, (e) => {
          s.close();
          resolve(e ? { ok: false, error: errorOf(e) } : { ok: true });
        });
      });
    case 'lookup':
      return { ok: true, value: await lookup(op.name, { all: true }) };
    case 'request':
      return request(op);
  }
}

export default async function probe(ops: ProbeOp[]): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  for (const op of ops) {
    const t = Date.now();
    try {
      results.push({ ...(await run(op)), ms: Date.now() - t });
    } catch (e) {
      results.push({ ok: false, error: errorOf(e), ms: Date.now() - t });
    }
  }
  return results;
}
