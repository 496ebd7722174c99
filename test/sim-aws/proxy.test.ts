// The logging proxy: absolute-form forwarding for http://, CONNECT tunnels for https://, Basic
// authentication with 407s, each request line and Proxy-Authorization logged; a proxy that is
// "down" has nothing listening on its port.
import { describe, expect, it } from 'vitest';
import { runProbe } from '../support/aws-sim/run-probe.js';

const HOST = 'bucket.s3.us-west-2.amazonaws.com';
const BASIC = `Basic ${Buffer.from('u:p').toString('base64')}`;

describe('the proxy', () => {
  it('forwards, tunnels, demands its password, and logs every hop', async () => {
    const { results, log } = await runProbe(
      { hosts: [HOST], services: { proxies: [{ port: 3128 }, { port: 3129, auth: 'u:p' }] } },
      [
        { op: 'request', host: '127.0.0.1', port: 3128, method: 'DELETE', target: `http://${HOST}/k?uploadId=U`, headers: { Host: HOST } },
        { op: 'request', host: '127.0.0.1', port: 3128, connectTo: `${HOST}:443`, tls: { servername: HOST, ca: '{ca}' }, method: 'DELETE', target: '/k?uploadId=U' },
        { op: 'request', host: '127.0.0.1', port: 3129, connectTo: `${HOST}:443`, method: 'GET', target: '/' },
        { op: 'request', host: '127.0.0.1', port: 3129, connectTo: `${HOST}:443`, proxyAuthorization: `Basic ${Buffer.from('u:wrong').toString('base64')}`, method: 'GET', target: '/' },
        { op: 'request', host: '127.0.0.1', port: 3129, connectTo: `${HOST}:443`, proxyAuthorization: BASIC, tls: { servername: HOST, ca: '{ca}' }, method: 'DELETE', target: '/k?uploadId=U' },
        { op: 'request', host: '127.0.0.1', port: 3129, method: 'GET', target: `http://${HOST}/`, headers: { Host: HOST } },
        { op: 'request', host: '127.0.0.1', port: 3128, connectTo: 'unmapped.example.com:443', method: 'GET', target: '/' },
        { op: 'connect', host: '127.0.0.1', port: 3130 },
      ],
    );
    expect(results.map((r) => r.status ?? r.connectStatus ?? r.error)).toEqual([
      204,
      204,
      'HTTP/1.1 407 Proxy Authentication Required',
      'HTTP/1.1 407 Proxy Authentication Required',
      204,
      407,
      'HTTP/1.1 502 Bad Gateway',
      'ECONNREFUSED',
    ]);
    expect(log.proxy.map((p) => [p.port, p.kind, p.requestLine, p.proxyAuthorization, p.status])).toEqual([
      [3128, 'forward', `DELETE http://${HOST}/k?uploadId=U HTTP/1.1`, '', 204],
      [3128, 'connect', `CONNECT ${HOST}:443 HTTP/1.1`, '', 200],
      [3129, 'connect', `CONNECT ${HOST}:443 HTTP/1.1`, '', 407],
      [3129, 'connect', `CONNECT ${HOST}:443 HTTP/1.1`, `Basic ${Buffer.from('u:wrong').toString('base64')}`, 407],
      [3129, 'connect', `CONNECT ${HOST}:443 HTTP/1.1`, BASIC, 200],
      [3129, 'forward', `GET http://${HOST}/ HTTP/1.1`, '', 407],
      [3128, 'connect', 'CONNECT unmapped.example.com:443 HTTP/1.1', '', 502],
    ]);
    // what reached S3: the forwarded request on the plain-HTTP front, the tunnelled ones over TLS
    expect(log.requests.map((r) => `${r.listener} ${r.sni ?? '-'} ${r.method} ${r.path}?${r.query}`)).toEqual([
      'http 127.0.0.1:80 - DELETE /k?uploadId=U',
      `https 127.0.0.1:443 ${HOST} DELETE /k?uploadId=U`,
      `https 127.0.0.1:443 ${HOST} DELETE /k?uploadId=U`,
    ]);
    // the proxy looked the unmapped name up, and got NXDOMAIN
    expect(log.dns.map((q) => q.name)).toContain('unmapped.example.com');
    // the Proxy-Authorization header stays with the proxy
    expect(log.requests.every((r) => !('proxy-authorization' in r.headers))).toBe(true);
  });
});
