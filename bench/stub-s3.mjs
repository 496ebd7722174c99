// A tiny S3 stand-in for the bench, on 127.0.0.1 only. Every bucket holds the same N in-progress
// uploads (keys obj/0000000 … in order, one upload each), listed 1000 per page with key and
// upload-id markers like ListMultipartUploads; DELETE ?uploadId= aborts one (204, then 404
// NoSuchUpload); ListParts answers an empty list or 404. DELETEs to the bucket `loadgen` are
// answered 204 whatever the path, so one command can be timed again and again.
// Control (answered at once): GET /__stub/stats, POST /__stub/reset?uploads=N[&delay-ms=D][&page-limit=P].
// A reset forgets every abort and sets the latency and the largest page for the runs that follow.
// The stats count every request by its shape (method, bucket or key, the names of its query
// parameters), so the bench can show which requests a peer made and check that it really aborted
// every upload it was given: a tool that exits 0 having aborted nothing shows here.
//
// Run it as a child: `node bench/stub-s3.mjs [--uploads N] [--delay-ms D]` prints {"port":…} on its
// first line and stops on SIGTERM, on stdin closing, or after --max-seconds (default 1800) whatever
// happens. --delay-ms holds every answer that long, like a server across a network: with it the
// request rate at a given concurrency is bounded by the server's latency, not by the client's CPU.
import { createServer } from 'node:http';
import { idOf, keyOf } from './uploads.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
let uploads = arg('--uploads', 5000);
const maxSeconds = arg('--max-seconds', 1800);
let delayMs = Math.max(0, arg('--delay-ms', 0));
// at most this many uploads a page, whatever max-uploads asks (S3 too may answer fewer than asked,
// with IsTruncated): a small limit makes a small run list several pages
let pageLimit = 1000;

const INITIATED = '2026-01-01T00:00:00.000Z';

/** bucket -> one byte per upload: 1 once aborted */
let gone = new Map();
const newStats = () => ({ deletes: 0, aborted: 0, missing: 0, lists: 0, listParts: 0, other: 0, requests: {} });
let stats = newStats();
/** The shape of a request, e.g. `GET /bucket?max-uploads&prefix&uploads` or `DELETE /bucket/key?uploadId`. */
function census(method, bucket, key, q) {
  let names = '';
  for (const k of q.keys()) names += names ? `&${k}` : k;
  if (names.includes('&')) names = names.split('&').sort().join('&');
  const shape = `${method} ${bucket ? (key ? '/bucket/key' : '/bucket') : '/'}${names ? `?${names}` : ''}`;
  stats.requests[shape] = (stats.requests[shape] ?? 0) + 1;
}
const goneOf = (bucket) => {
  let g = gone.get(bucket);
  if (!g) gone.set(bucket, (g = new Uint8Array(uploads)));
  return g;
};

const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Index of the first upload after the markers (keys are unique and sorted, one upload per key). */
function startIndex(keyMarker, uploadIdMarker) {
  if (!keyMarker) return 0;
  const m = /^obj\/(\d{7})$/.exec(keyMarker);
  if (!m) return keyMarker < keyOf(0) ? 0 : uploads;
  const i = Number(m[1]);
  // S3: with an upload-id-marker, uploads of the marker key after that id are listed too
  return uploadIdMarker && uploadIdMarker < idOf(i) ? i : i + 1;
}

function listPage(bucket, q) {
  const max = Math.min(Math.max(Number(q.get('max-uploads') ?? 1000) || 1000, 1), 1000);
  const limit = Math.min(max, pageLimit);
  const prefix = q.get('prefix') ?? '';
  const g = goneOf(bucket);
  let i = startIndex(q.get('key-marker') ?? '', q.get('upload-id-marker') ?? '');
  const parts = [];
  let last = -1;
  while (i < uploads && parts.length < limit) {
    if (!g[i] && keyOf(i).startsWith(prefix)) {
      parts.push(
        `<Upload><Key>${keyOf(i)}</Key><UploadId>${idOf(i)}</UploadId>` +
          '<Initiator><ID>arn:aws:iam::111122223333:user/bench</ID><DisplayName>bench</DisplayName></Initiator>' +
          '<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID><DisplayName>bench</DisplayName></Owner>' +
          `<StorageClass>STANDARD</StorageClass><Initiated>${INITIATED}</Initiated></Upload>`,
      );
      last = i;
    }
    i++;
  }
  let more = false;
  for (let j = i; j < uploads; j++) {
    if (!g[j] && keyOf(j).startsWith(prefix)) {
      more = true;
      break;
    }
  }
  const next = more && last >= 0 ? `<NextKeyMarker>${keyOf(last)}</NextKeyMarker><NextUploadIdMarker>${idOf(last)}</NextUploadIdMarker>` : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
    `<Bucket>${xmlEscape(bucket)}</Bucket><KeyMarker>${xmlEscape(q.get('key-marker') ?? '')}</KeyMarker>` +
    `<UploadIdMarker>${xmlEscape(q.get('upload-id-marker') ?? '')}</UploadIdMarker>${next}` +
    `<MaxUploads>${max}</MaxUploads><IsTruncated>${more}</IsTruncated>${parts.join('')}</ListMultipartUploadsResult>`
  );
}

const NO_SUCH_UPLOAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist. ' +
  'The upload ID may be invalid, or the upload may have been aborted or completed.</Message><RequestId>REQ123</RequestId></Error>';

function send(res, status, body = '', type) {
  if (delayMs > 0) {
    setTimeout(() => reply(res, status, body, type), delayMs);
    return;
  }
  reply(res, status, body, type);
}

function reply(res, status, body, type) {
  if (res.destroyed) return;
  res.statusCode = status;
  res.setHeader('x-amz-request-id', 'REQ123');
  res.setHeader('x-amz-id-2', 'HOSTID456');
  if (type) res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** The upload index a path and uploadId name, or -1. */
function uploadIndex(key, uploadId) {
  const m = /^obj\/(\d{7})$/.exec(key);
  if (!m) return -1;
  const i = Number(m[1]);
  return i < uploads && uploadId === idOf(i) ? i : -1;
}

function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname.replace(/^\/+/, '');
  const slash = path.indexOf('/');
  const bucket = slash < 0 ? path : path.slice(0, slash);
  const key = slash < 0 ? '' : decodeURIComponent(path.slice(slash + 1));
  const q = url.searchParams;

  if (bucket === '__stub') {
    // control requests are answered at once, whatever the delay
    if (key === 'stats') return reply(res, 200, JSON.stringify({ uploads, delayMs, ...stats }), 'application/json');
    if (key === 'reset') {
      if (q.has('uploads')) uploads = Math.max(0, Math.min(Number(q.get('uploads')) || 0, 10_000_000));
      if (q.has('page-limit')) pageLimit = Math.max(1, Math.min(Number(q.get('page-limit')) || 1000, 1000));
      if (q.has('delay-ms')) delayMs = Math.max(0, Math.min(Number(q.get('delay-ms')) || 0, 10_000));
      gone = new Map();
      stats = newStats();
      return reply(res, 200, '{}', 'application/json');
    }
    return reply(res, 404, '');
  }
  census(req.method, bucket, key, q);

  if (req.method === 'DELETE' && q.has('uploadId')) {
    stats.deletes++;
    if (bucket === 'loadgen') return send(res, 204);
    const i = uploadIndex(key, q.get('uploadId'));
    const g = goneOf(bucket);
    if (i < 0 || g[i]) {
      stats.missing++;
      return send(res, 404, NO_SUCH_UPLOAD, 'application/xml');
    }
    g[i] = 1;
    stats.aborted++;
    return send(res, 204);
  }
  if (req.method === 'GET' && key === '' && q.has('uploads')) {
    stats.lists++;
    return send(res, 200, listPage(bucket, q), 'application/xml');
  }
  if (req.method === 'GET' && q.has('uploadId')) {
    stats.listParts++;
    const i = uploadIndex(key, q.get('uploadId'));
    if (i < 0 || goneOf(bucket)[i]) return send(res, 404, NO_SUCH_UPLOAD, 'application/xml');
    return send(
      res,
      200,
      '<?xml version="1.0" encoding="UTF-8"?>\n<ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        `<Bucket>${xmlEscape(bucket)}</Bucket><Key>${xmlEscape(key)}</Key><UploadId>${idOf(i)}</UploadId>` +
        '<MaxParts>1000</MaxParts><IsTruncated>false</IsTruncated></ListPartsResult>',
      'application/xml',
    );
  }
  stats.other++;
  return send(res, 400, '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidRequest</Code><Message>not in the stub</Message></Error>', 'application/xml');
}

const server = createServer((req, res) => {
  // the body (there is none in this API) must be drained before the answer on a kept-alive socket
  req.resume();
  req.on('end', () => handle(req, res));
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});

const stop = () => {
  server.close();
  server.closeAllConnections?.();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// the parent going away (stdin closes) stops the stub, and so does a hard time limit
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
setTimeout(stop, maxSeconds * 1000).unref();
