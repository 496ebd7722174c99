// The CONNECT tunnel against a real proxy and a real TLS server on 127.0.0.1: the CONNECT the AWS
// CLI sends, TLS to the target inside it, and botocore's proxy failures (down, 407, closed).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest, type Server as HttpsServer } from 'node:https';
import { connect, createServer as createNetServer, type AddressInfo, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyRoute } from '../../src/net/proxy-env.js';
import { ProxyClosedError, ProxyConnectError, TunnelAgent } from '../../src/net/tunnel.js';
import { makePki } from '../support/aws-sim/pki.js';

let dir: string;
let ca: string;
let target: HttpsServer;
let targetPort: number;

const port = (s: { address(): AddressInfo | string | null }) => (s.address() as AddressInfo).port;
const listen = <T extends HttpServer | HttpsServer | NetServer>(s: T) => new Promise<T>((r) => s.listen(0, '127.0.0.1', () => r(s)));
const close = (s: { close(cb: () => void): void; closeAllConnections?: () => void }) =>
  new Promise<void>((r) => {
    s.close(() => r());
    s.closeAllConnections?.();
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 's3abort-test-tunnel-'));
  const pki = makePki(dir, ['bkt.s3.us-west-2.amazonaws.com']);
  ca = readFileSync(pki.caCert, 'utf8');
  target = await listen(
    createHttpsServer({ cert: readFileSync(pki.cert), key: readFileSync(pki.key) }, (req, res) => {
      res.end(`${req.method} ${req.url} host=${req.headers.host}`);
    }),
  );
  targetPort = port(target);
});

afterAll(async () => {
  await close(target);
  rmSync(dir, { recursive: true, force: true });
});

/** A CONNECT proxy that logs what it was asked and answers as `mode` says. */
async function proxy(mode: 'tunnel' | '407' | 'close') {
  const seen: string[] = [];
  const server = createHttpServer();
  // the tunnels are the server's no longer: close() would wait for them
  const tunnels = new Set<{ destroy(): void }>();
  server.on('connect', (req, socket) => {
    tunnels.add(socket);
    seen.push([`${req.method} ${req.url} HTTP/${req.httpVersion}`, ...Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`)].join('\n'));
    if (mode === '407') return void socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n');
    if (mode === 'close') return void socket.destroy();
    // every name maps to the local target
    const upstream = connect(targetPort, '127.0.0.1', () => {
      tunnels.add(upstream);
      socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await listen(server);
  const stop = () => {
    for (const t of tunnels) t.destroy();
    return close(server);
  };
  return { server, seen, stop, url: `http://user:pw@127.0.0.1:${port(server)}` };
}

function get(agent: TunnelAgent): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: 'bkt.s3.us-west-2.amazonaws.com', port: 443, path: '/k?uploadId=u', method: 'DELETE', agent, ca, lookup: () => {} }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('TunnelAgent', () => {
  it('sends the CONNECT the AWS CLI sends, then TLS to the target inside the tunnel, verified by name', async () => {
    const p = await proxy('tunnel');
    try {
      const route = proxyRoute({ HTTPS_PROXY: p.url }, 'https', 's3.us-west-2.amazonaws.com')!;
      const agent = new TunnelAgent(route, { keepAlive: false, ca });
      expect(await get(agent)).toBe('DELETE /k?uploadId=u host=bkt.s3.us-west-2.amazonaws.com');
      expect(p.seen).toEqual(['CONNECT bkt.s3.us-west-2.amazonaws.com:443 HTTP/1.0\nproxy-authorization: Basic dXNlcjpwdw==']);
      agent.destroy();
    } finally {
      await p.stop();
    }
  });

  it('fails as ProxyConnectionError when the proxy refuses the tunnel (407)', async () => {
    const p = await proxy('407');
    try {
      const route = proxyRoute({ HTTPS_PROXY: p.url }, 'https', 'x')!;
      const err = await get(new TunnelAgent(route, { ca })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProxyConnectError);
      expect((err as Error).message).toBe(`Failed to connect to proxy URL: "http://***:***@127.0.0.1:${port(p.server)}"`);
    } finally {
      await p.stop();
    }
  });

  it('fails as ProxyConnectionError when nothing listens on the proxy port', async () => {
    const p = await proxy('tunnel');
    const dead = port(p.server);
    await p.stop();
    const route = proxyRoute({ HTTPS_PROXY: `http://127.0.0.1:${dead}` }, 'https', 'x')!;
    const err = await get(new TunnelAgent(route, { ca })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProxyConnectError);
    expect((err as ProxyConnectError).reason).toMatch(/^ECONNREFUSED/);
  });

  it('fails as a closed connection when the proxy closes without answering', async () => {
    const p = await proxy('close');
    try {
      const route = proxyRoute({ HTTPS_PROXY: p.url }, 'https', 'x')!;
      const err = await get(new TunnelAgent(route, { ca })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProxyClosedError);
    } finally {
      await p.stop();
    }
  });
});
