// HTTPS through a proxy: a CONNECT tunnel, then TLS to the target inside it, as urllib3 does for
// botocore. The CONNECT is the one the AWS CLI sends (its Python 3.11's http.client):
// `CONNECT host:port HTTP/1.0` with only Proxy-Authorization, no Host and no User-Agent.

import { Agent as HttpsAgent, type AgentOptions } from 'node:https';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { proxyErrorText, type ProxyRoute } from './proxy-env.js';

/** The proxy could not be reached, refused the tunnel (407, 403 ...) or closed it: botocore's ProxyConnectionError. */
export class ProxyConnectError extends Error {
  override name = 'ProxyConnectError';
  constructor(
    readonly route: ProxyRoute,
    /** what happened, for --debug: the system error or the proxy's status line */
    readonly reason: string,
  ) {
    super(proxyErrorText(route));
  }
}

/** The proxy accepted the connection and closed it without answering the CONNECT. */
export class ProxyClosedError extends Error {
  override name = 'ProxyClosedError';
  readonly code = 'ECONNRESET';
}

type Callback = (err: Error | null, stream: import('node:stream').Duplex) => void;

/** An https.Agent whose connections are CONNECT tunnels through `route`. */
export class TunnelAgent extends HttpsAgent {
  constructor(
    private readonly route: ProxyRoute,
    options: AgentOptions,
    /** TLS options for an https:// proxy: the same trust as the target's (botocore's one ca_bundle) */
    private readonly proxyTls: Pick<ConnectionOptions, 'ca' | 'rejectUnauthorized'> = {},
  ) {
    super(options);
  }

  override createConnection(requestOptions: import('node:https').RequestOptions, callback?: Callback): undefined {
    const options = requestOptions as ConnectionOptions & { host?: string; port?: number };
    const host = options.servername || options.host || 'localhost';
    const port = Number(options.port ?? 443);
    openTunnel(this.route, this.proxyTls, `${host.includes(':') ? `[${host}]` : host}:${port}`)
      .then((raw) => {
        // the request's own host/port/path are the tunnel's business now, not the socket's
        const { host: _h, port: _p, path: _path, ...tlsOptions } = options as ConnectionOptions & { path?: string };
        const tls = tlsConnect({ ...tlsOptions, socket: raw, servername: isIp(host) ? '' : host });
        callback?.(null, tls as TLSSocket);
      })
      .catch((err: Error) => callback?.(err, undefined as never));
    return undefined;
  }
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}

/** Connects to the proxy, asks for a tunnel to `authority`, and resolves to the raw socket. */
function openTunnel(route: ProxyRoute, proxyTls: Pick<ConnectionOptions, 'ca' | 'rejectUnauthorized'>, authority: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket: Socket =
      route.protocol === 'https:'
        ? tlsConnect({ host: route.hostname, port: route.port, servername: isIp(route.hostname) ? '' : route.hostname, ...proxyTls })
        : netConnect({ host: route.hostname, port: route.port });
    let head = Buffer.alloc(0);
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(err);
    };
    const onError = (e: NodeJS.ErrnoException) => fail(new ProxyConnectError(route, `${e.code ?? e.name}: ${e.message}`));
    const onEnd = () => fail(new ProxyClosedError('the proxy closed the connection before answering CONNECT'));
    socket.once('error', onError);
    socket.once('end', onEnd);
    socket.once(route.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
      const auth = route.authorization ? `Proxy-Authorization: ${route.authorization}\r\n` : '';
      socket.write(`CONNECT ${authority} HTTP/1.0\r\n${auth}\r\n`);
    });
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > 64 * 1024) fail(new ProxyConnectError(route, 'the proxy answered with an oversized head'));
        return;
      }
      socket.off('data', onData);
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(head.subarray(0, end).toString('latin1'))?.[1];
      if (status !== '200') {
        fail(new ProxyConnectError(route, `the proxy answered ${head.subarray(0, head.indexOf('\r\n')).toString('latin1')}`));
        return;
      }
      settled = true;
      socket.off('error', onError);
      socket.off('end', onEnd);
      // anything after the head belongs to the tunnel (a proxy sends nothing before TLS starts)
      const rest = head.subarray(end + 4);
      if (rest.length) socket.unshift(rest);
      resolve(socket);
    };
    socket.on('data', onData);
  });
}
