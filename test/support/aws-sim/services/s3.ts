// S3 under its real names: virtual-host buckets, path style, accelerate, dual stack, FIPS, access
// points, multi-region access points and directory buckets. The bucket (or access point) comes from
// the host's labels before the S3 service label, else from the path; the request then goes on,
// path style, to the stub of stub-server.ts, whose per-bucket scripts (and faults) answer it, or to
// moto_server (which is then told nothing of the AWS name: Host becomes moto's own address).
// Directory buckets' CreateSession is answered here, as S3 Express would, with session keys.
import { request } from 'node:http';
import { FAKE } from '../fake-credentials.js';
import { xml, type Handler, type SimAnswer } from '../handler.js';

/** Where S3 requests go on, path style, on 127.0.0.1. */
export interface S3Backend {
  port: number;
  /** Send moto's own host:port as Host (moto would read a bucket from a virtual-host name). */
  ownHost: boolean;
}

/**
 * The bucket or access point a request to `hostname` is for, or '' for path style: the labels
 * before the first one naming the service (`s3`, `s3-accelerate`, `s3express-usw2-az1`,
 * `s3-accesspoint`, or MRAP's `accesspoint`). A bucket whose own name starts with `s3` would be
 * misread; the cases use none.
 */
export function s3HostBucket(hostname: string): string {
  const labels = hostname.split('.');
  const i = labels.findIndex((l) => l.startsWith('s3') || l === 'accesspoint');
  return i > 0 ? labels.slice(0, i).join('.') : '';
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'expect', 'proxy-connection']);

function createSessionXml(): string {
  const c = FAKE.s3express;
  const expiration = new Date(Date.now() + 300_000).toISOString().replace(/\.\d+Z$/, 'Z');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<CreateSessionResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Credentials><SessionToken>${c.sessionToken}</SessionToken><SecretAccessKey>${c.secretAccessKey}</SecretAccessKey><AccessKeyId>${c.accessKeyId}</AccessKeyId><Expiration>${expiration}</Expiration></Credentials></CreateSessionResult>`;
}

function forward(backend: S3Backend, method: string, path: string, headers: Record<string, string>, body: string): Promise<SimAnswer> {
  return new Promise((resolve) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) if (!HOP_BY_HOP.has(k)) out[k] = v;
    out['content-length'] = String(Buffer.byteLength(body));
    if (backend.ownHost) out.host = `127.0.0.1:${backend.port}`;
    const req = request({ host: '127.0.0.1', port: backend.port, method, path, headers: out }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => resolve({ drop: true }));
      res.on('end', () => {
        const h: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) {
          if (v !== undefined && !HOP_BY_HOP.has(k)) h[k] = Array.isArray(v) ? v.join(', ') : v;
        }
        resolve({ status: res.statusCode ?? 500, headers: h, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    // the stub dropped the connection (a scripted fault) or stopped while hanging
    req.on('error', () => resolve({ drop: true }));
    req.end(body);
  });
}

export function s3Handler(backend: S3Backend): Handler {
  return (req) => {
    const bucket = s3HostBucket(req.hostname);
    if (req.hostname.includes('.s3express-') && req.method === 'GET' && /^session(&|=|$)/.test(req.query) && (req.path === '/' || req.path === '')) {
      req.entry.notes.push(`CreateSession for ${bucket}`);
      return xml(200, createSessionXml(), { 'x-amz-request-id': 'REQ123', 'x-amz-id-2': 'HOSTID456' });
    }
    if (req.hostname.includes('.s3express-')) {
      const t = req.headers['x-amz-s3session-token'];
      req.entry.notes.push(t === undefined ? 'no x-amz-s3session-token' : t === FAKE.s3express.sessionToken ? 'session token from CreateSession' : 'unknown session token');
    }
    const path = bucket ? `/${bucket}${req.path.startsWith('/') ? '' : '/'}${req.path}` : req.path;
    return forward(backend, req.method, req.query ? `${path}?${req.query}` : path, req.headers, req.body);
  };
}
