// An S3 stand-in for multipart-upload cleanup at scale: ListMultipartUploads with S3's pagination
// (prefix, max-uploads, key-marker, upload-id-marker), ListParts and AbortMultipartUpload over
// path-style HTTP on 127.0.0.1. Uploads are seeded through the API, not over HTTP. It counts what
// happened to every upload (to prove "aborted exactly once"), can let a part land after the first
// abort (the in-flight UploadPart race that --verify exists for), and injects faults and delays on
// a share of requests drawn from a seeded generator, so a failing run can be replayed.
// Anything that is not one of the three operations gets a 400: the sim never guesses.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { closeLocal, listenLocal } from './listen.js';

export type SimOperation = 'ListMultipartUploads' | 'ListParts' | 'AbortMultipartUpload';

/**
 * internal-error: 500 InternalError; slow-down: 503 SlowDown; reset: the socket is destroyed
 * before the request has any effect; reset-after: the request takes effect, then the socket is
 * destroyed (the client never learns that its abort succeeded).
 * Wire faults (fault-injection tests): hang: no effect and no answer, the connection left open;
 * hang-after: the request takes effect and is never answered; truncated-xml: the XML cut in half
 * with a matching Content-Length (a listing's 200; for an abort, whose success has no body, a 500
 * InternalError before any effect); slow-headers: the request takes effect, then the status line
 * and the rest of the head a few bytes every `slowHeadersMs`, then the connection closes;
 * long-length: the request takes effect and the answer declares 50 bytes more than it sends, then
 * the connection closes (a 204 has no body: clients ignore its length); short-length: the request
 * takes effect and the answer declares half its body, the rest left on the kept-alive connection
 * (after a 204, a few bytes of junk).
 */
export type FaultKind =
  | 'internal-error' | 'slow-down' | 'reset' | 'reset-after'
  | 'hang' | 'hang-after' | 'truncated-xml' | 'slow-headers' | 'long-length' | 'short-length';

export interface SimFaults {
  /** Share of requests that fail, 0..1. */
  share: number;
  /** Seed of the generator that picks the failing requests and the kind of fault; default 1. */
  seed?: number;
  /** Default: internal-error, slow-down, reset. */
  kinds?: readonly FaultKind[];
  /** Default: all three operations. */
  operations?: readonly SimOperation[];
  /** slow-headers: the gap between the bytes of the head; default 1500 ms. */
  slowHeadersMs?: number;
}

export interface SimDelay {
  ms: number;
  /** Share of requests delayed, 0..1; default 1 (all). Drawn from the faults' generator. */
  share?: number;
  /** Default: all three operations. */
  operations?: readonly SimOperation[];
}

export interface SimOptions {
  faults?: SimFaults | null;
  delay?: SimDelay | null;
  /** AbortMultipartUpload of these keys always fails with 403 AccessDenied. */
  denyAbort?: ((bucket: string, key: string) => boolean) | null;
  /** ListMultipartUploads fails with 403 AccessDenied when this says so (page counts from 1 per bucket). */
  denyListing?: ((bucket: string, page: number, key: string | null) => boolean) | null;
  /** The server's clock (its Date header) runs this far ahead of the machine's; default 0. */
  clockOffsetMs?: number;
}

export interface SeedUpload {
  bucket: string;
  key: string;
  /** Default: an opaque id derived from bucket, key and a sequence number (not in sort order). */
  uploadId?: string;
  /** Default: 2026-11-20T10:00:00Z plus one second per seeded upload. */
  initiated?: Date;
  /** Parts uploaded before the cleanup starts; default 1. */
  parts?: number;
  /** Parts of an in-flight UploadPart that land after the first abort: the upload survives it. */
  partsAfterAbort?: number;
}

export interface SimUpload {
  bucket: string;
  key: string;
  uploadId: string;
  initiated: Date;
  /** Parts ListParts would list now. */
  parts: number;
  /**
   * live: listed everywhere; survivor: aborted once but a late part landed (ListParts still
   * answers, ListMultipartUploads no longer lists it); gone: aborted for good.
   */
  state: 'live' | 'survivor' | 'gone';
}

export interface SimRequest {
  method: string;
  /** Raw path before '?'. */
  path: string;
  /** Raw query string. */
  query: string;
  operation: SimOperation | 'Unsupported';
  /**
   * Status sent, or 'reset' when the socket was destroyed, 'cancelled' when the client left first,
   * 'hang' when it was never answered.
   */
  outcome: number | 'reset' | 'cancelled' | 'hang';
  fault?: FaultKind;
  uploadId?: string;
}

export interface S3Sim {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  createBucket(bucket: string): void;
  /** Seeds one upload (its bucket is created if needed); returns its UploadId. */
  seedUpload(seed: SeedUpload): string;
  seedUploads(seeds: readonly SeedUpload[]): string[];
  /** Replaces fault, delay and deny settings (fields left out are kept; null clears one). */
  configure(opts: SimOptions): void;
  /** Every seeded upload, in S3's listing order, with its current state. */
  uploads(bucket: string): SimUpload[];
  /** Uploads ListMultipartUploads would list now, in order. */
  liveUploads(bucket: string): SimUpload[];
  upload(uploadId: string): SimUpload | undefined;
  /** AbortMultipartUpload requests answered 204 for this upload (each one removed something). */
  abortCount(uploadId: string): number;
  /** Every AbortMultipartUpload request that named this upload, whatever the answer. */
  abortRequests(uploadId: string): number;
  /** Whether any ListParts or AbortMultipartUpload request named this upload. */
  touched(uploadId: string): boolean;
  /** Requests per operation, faults injected per kind, most requests of one operation in flight at once. */
  stats(): {
    requests: Record<SimOperation | 'Unsupported', number>;
    faults: Record<FaultKind, number>;
    maxInFlight: Record<SimOperation, number>;
    /** Most ListParts + AbortMultipartUpload requests in flight at once. */
    maxInFlightPerUpload: number;
  };
  log(): SimRequest[];
  /** Called for every request once it is classified (before faults and delays). */
  onRequest(listener: ((r: { operation: SimOperation | 'Unsupported'; uploadId?: string }) => void) | null): void;
  stop(): Promise<void>;
}

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const OWNER_ID = '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a';
const BASE_TIME = Date.UTC(2026, 10, 20, 10, 0, 0);
const DEFAULT_KINDS: readonly FaultKind[] = ['internal-error', 'slow-down', 'reset'];
const ALL_OPS: readonly SimOperation[] = ['ListMultipartUploads', 'ListParts', 'AbortMultipartUpload'];

const MESSAGES = {
  NoSuchUpload: 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
  NoSuchBucket: 'The specified bucket does not exist',
  InternalError: 'We encountered an internal error. Please try again.',
  SlowDown: 'Please reduce your request rate.',
  AccessDenied: 'Access Denied',
};

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** S3's Initiated form: 2026-11-20T10:00:00.000Z */
function s3Time(d: Date): string {
  return d.toISOString();
}

/** S3 orders keys by their UTF-8 bytes, which is not JavaScript's UTF-16 order. */
function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

interface StoredUpload extends SimUpload {
  seq: number;
  partsAfterAbort: number;
  aborts: number;
  abortRequests: number;
  touched: boolean;
}

/** S3's listing order: key, then initiation time; the seeding order breaks ties. */
function listingOrder(a: StoredUpload, b: StoredUpload): number {
  return compareKeys(a.key, b.key) || a.initiated.getTime() - b.initiated.getTime() || a.seq - b.seq;
}

export async function startS3Sim(opts: SimOptions = {}): Promise<S3Sim> {
  const buckets = new Map<string, StoredUpload[]>();
  const sortedBuckets = new Set<string>();
  const byId = new Map<string, StoredUpload>();
  const log: SimRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let seq = 0;
  let faults: SimFaults | null = opts.faults ?? null;
  let delay: SimDelay | null = opts.delay ?? null;
  let denyAbort = opts.denyAbort ?? null;
  let denyListing = opts.denyListing ?? null;
  let clockOffsetMs = opts.clockOffsetMs ?? 0;
  const listingPages = new Map<string, number>();
  let random = seededRandom(faults?.seed ?? 1);
  let listener: ((r: { operation: SimOperation | 'Unsupported'; uploadId?: string }) => void) | null = null;
  const requests: Record<SimOperation | 'Unsupported', number> = { ListMultipartUploads: 0, ListParts: 0, AbortMultipartUpload: 0, Unsupported: 0 };
  const faultCounts: Record<FaultKind, number> = {
    'internal-error': 0, 'slow-down': 0, reset: 0, 'reset-after': 0,
    hang: 0, 'hang-after': 0, 'truncated-xml': 0, 'slow-headers': 0, 'long-length': 0, 'short-length': 0,
  };
  const inFlight: Record<SimOperation, number> = { ListMultipartUploads: 0, ListParts: 0, AbortMultipartUpload: 0 };
  const maxInFlight: Record<SimOperation, number> = { ListMultipartUploads: 0, ListParts: 0, AbortMultipartUpload: 0 };
  let maxInFlightPerUpload = 0;

  const sorted = (bucket: string): StoredUpload[] => {
    const list = buckets.get(bucket) ?? [];
    if (!sortedBuckets.has(bucket)) {
      list.sort(listingOrder);
      sortedBuckets.add(bucket);
    }
    return list;
  };

  const createBucket = (bucket: string) => {
    if (!buckets.has(bucket)) buckets.set(bucket, []);
  };

  const seedUpload = (s: SeedUpload): string => {
    createBucket(s.bucket);
    const n = seq++;
    const uploadId =
      s.uploadId ?? createHash('sha256').update(`${s.bucket}\0${s.key}\0${n}`).digest('base64url').slice(0, 43);
    if (byId.has(uploadId)) throw new Error(`s3-sim: upload id ${uploadId} seeded twice`);
    const rec: StoredUpload = {
      bucket: s.bucket,
      key: s.key,
      uploadId,
      initiated: s.initiated ?? new Date(BASE_TIME + n * 1000),
      parts: s.parts ?? 1,
      state: 'live',
      seq: n,
      partsAfterAbort: s.partsAfterAbort ?? 0,
      aborts: 0,
      abortRequests: 0,
      touched: false,
    };
    buckets.get(s.bucket)!.push(rec);
    sortedBuckets.delete(s.bucket);
    byId.set(uploadId, rec);
    return uploadId;
  };

  const view = (r: StoredUpload): SimUpload => ({
    bucket: r.bucket, key: r.key, uploadId: r.uploadId, initiated: r.initiated, parts: r.parts, state: r.state,
  });

  // ---- responses -------------------------------------------------------------------------

  const send = (res: ServerResponse, status: number, body: string, entry: SimRequest) => {
    const bytes = Buffer.from(body, 'utf8');
    res.statusCode = status;
    res.setHeader('x-amz-request-id', `SIM${log.length.toString(16).toUpperCase().padStart(12, '0')}`);
    res.setHeader('x-amz-id-2', 'c2ltLWhvc3QtaWQ=');
    if (bytes.length) res.setHeader('Content-Type', 'application/xml');
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Server', 'AmazonS3');
    if (clockOffsetMs !== 0) res.setHeader('Date', new Date(Date.now() + clockOffsetMs).toUTCString());
    entry.outcome = status;
    res.end(bytes);
  };

  /** The first half of a body (an XML document cut short). */
  const halve = (body: string): string => body.slice(0, Math.floor(body.length / 2));

  /** An answer whose Content-Length lies: longer (then the connection closes) or shorter (kept alive). */
  const sendWrongLength = (res: ServerResponse, status: number, body: string, declared: number, entry: SimRequest) => {
    const bytes = Buffer.from(body, 'utf8');
    const socket = res.socket;
    // Node's ServerResponse does not enforce the declared length (strictContentLength is off)
    res.statusCode = status;
    res.setHeader('x-amz-request-id', `SIM${log.length.toString(16).toUpperCase().padStart(12, '0')}`);
    if (bytes.length) res.setHeader('Content-Type', 'application/xml');
    res.setHeader('Content-Length', String(declared));
    entry.outcome = status;
    res.end(bytes, () => {
      if (declared > bytes.length) socket?.end();
      // an abort's 204 has no body to cut: the extra bytes follow it on the kept-alive connection
      else if (bytes.length === 0 && socket && !socket.destroyed) socket.write('<Junk>after the response</Junk>');
    });
  };

  /** The status line, then the rest of the head a few bytes every gapMs, then the connection closes. */
  const trickleHead = (res: ServerResponse, status: number, gapMs: number, entry: SimRequest) => {
    const socket = res.socket;
    if (!socket) return;
    entry.outcome = status;
    const head = `x-amz-request-id: SIMSLOW${log.length}\r\nServer: AmazonS3\r\nContent-Length: 0\r\n\r\n`;
    socket.write(`HTTP/1.1 ${status} ${status === 204 ? 'No Content' : 'OK'}\r\n`);
    let at = 0;
    const tick = () => {
      if (socket.destroyed) return;
      if (at >= head.length) {
        socket.destroy();
        return;
      }
      socket.write(head.slice(at, at + 8));
      at += 8;
      const t = setTimeout(() => {
        timers.delete(t);
        tick();
      }, gapMs);
      timers.add(t);
    };
    tick();
  };

  const errorBody = (code: string, message: string, extra: Record<string, string> = {}) =>
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code}</Code><Message>${xml(message)}</Message>` +
    Object.entries(extra).map(([k, v]) => `<${k}>${xml(v)}</${k}>`).join('') +
    `<RequestId>SIMREQ${log.length}</RequestId><HostId>c2ltLWhvc3QtaWQ=</HostId></Error>`;

  // ---- operations ------------------------------------------------------------------------

  const listUploads = (bucket: string, q: URLSearchParams): { status: number; body: string } => {
    const prefix = q.get('prefix') ?? '';
    const keyMarker = q.get('key-marker') ?? '';
    const uploadIdMarker = q.get('upload-id-marker') ?? '';
    const encoding = q.get('encoding-type');
    if (q.has('delimiter')) {
      return { status: 400, body: errorBody('InvalidRequest', 's3-sim does not implement delimiter') };
    }
    if (encoding !== null && encoding !== 'url') {
      return { status: 400, body: errorBody('InvalidArgument', 'Invalid Encoding Method specified in Request', { ArgumentName: 'encoding-type', ArgumentValue: encoding }) };
    }
    let max = 1000;
    const rawMax = q.get('max-uploads');
    if (rawMax !== null) {
      if (!/^\d+$/.test(rawMax) || Number(rawMax) > 2147483647) {
        return {
          status: 400,
          body: errorBody('InvalidArgument', 'Argument max-uploads must be an integer between 0 and 2147483647', { ArgumentName: 'max-uploads', ArgumentValue: rawMax }),
        };
      }
      max = Math.min(Number(rawMax), 1000);
    }
    const pageNo = (listingPages.get(bucket) ?? 0) + 1;
    listingPages.set(bucket, pageNo);
    if (denyListing?.(bucket, pageNo, q.get('key-marker'))) return { status: 403, body: errorBody('AccessDenied', MESSAGES.AccessDenied) };
    const all = sorted(bucket);
    // where the listing starts: after the marker upload's place in the order (found even when it
    // has since been aborted); without upload-id-marker, after every upload of key-marker
    let start = 0;
    if (keyMarker !== '') {
      const marker = uploadIdMarker !== '' ? all.find((r) => r.key === keyMarker && r.uploadId === uploadIdMarker) : undefined;
      start = all.findIndex((r) => {
        const c = compareKeys(r.key, keyMarker);
        if (c !== 0) return c > 0;
        if (uploadIdMarker === '') return false;
        if (marker) return listingOrder(r, marker) > 0;
        // an upload id this server never issued: S3 compares upload ids as strings
        return r.uploadId > uploadIdMarker;
      });
      if (start < 0) start = all.length;
    }
    const page: StoredUpload[] = [];
    let truncated = false;
    for (let i = start; i < all.length; i++) {
      const r = all[i]!;
      if (r.state !== 'live' || !r.key.startsWith(prefix)) continue;
      if (page.length >= max) {
        truncated = true;
        break;
      }
      page.push(r);
    }
    const enc = (s: string) => (encoding === 'url' ? encodeURIComponent(s).replace(/%2F/g, '/') : s);
    const last = page.at(-1);
    const el = (name: string, v: string) => `<${name}>${xml(v)}</${name}>`;
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<ListMultipartUploadsResult xmlns="${NS}">` +
      el('Bucket', bucket) +
      el('KeyMarker', enc(keyMarker)) +
      el('UploadIdMarker', uploadIdMarker) +
      el('NextKeyMarker', last ? enc(last.key) : '') +
      el('NextUploadIdMarker', last ? last.uploadId : '') +
      (encoding === 'url' ? el('EncodingType', 'url') : '') +
      el('Prefix', enc(prefix)) +
      el('MaxUploads', String(max)) +
      el('IsTruncated', String(truncated)) +
      page
        .map(
          (r) =>
            '<Upload>' +
            el('Key', enc(r.key)) +
            el('UploadId', r.uploadId) +
            `<Initiator><ID>arn:aws:iam::111122223333:user/sim</ID><DisplayName>sim</DisplayName></Initiator>` +
            `<Owner><ID>${OWNER_ID}</ID><DisplayName>sim</DisplayName></Owner>` +
            el('StorageClass', 'STANDARD') +
            el('Initiated', s3Time(r.initiated)) +
            '</Upload>',
        )
        .join('') +
      '</ListMultipartUploadsResult>';
    return { status: 200, body };
  };

  const findUpload = (bucket: string, key: string, uploadId: string): StoredUpload | undefined => {
    const r = byId.get(uploadId);
    return r && r.bucket === bucket && r.key === key && r.state !== 'gone' ? r : undefined;
  };

  const listParts = (bucket: string, key: string, q: URLSearchParams): { status: number; body: string } => {
    const uploadId = q.get('uploadId') ?? '';
    const r = findUpload(bucket, key, uploadId);
    if (!r) return { status: 404, body: errorBody('NoSuchUpload', MESSAGES.NoSuchUpload, { UploadId: uploadId }) };
    const marker = Number(q.get('part-number-marker') ?? '0') || 0;
    const maxParts = Math.min(Number(q.get('max-parts') ?? '1000') || 1000, 1000);
    const numbers = Array.from({ length: r.parts }, (_, i) => i + 1).filter((n) => n > marker);
    const page = numbers.slice(0, maxParts);
    const truncated = numbers.length > page.length;
    const etag = (n: number) => createHash('md5').update(`${r.uploadId}:${n}`).digest('hex');
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<ListPartsResult xmlns="${NS}">` +
      `<Bucket>${xml(bucket)}</Bucket><Key>${xml(key)}</Key><UploadId>${xml(uploadId)}</UploadId>` +
      `<Initiator><ID>arn:aws:iam::111122223333:user/sim</ID><DisplayName>sim</DisplayName></Initiator>` +
      `<Owner><ID>${OWNER_ID}</ID><DisplayName>sim</DisplayName></Owner>` +
      '<StorageClass>STANDARD</StorageClass>' +
      `<PartNumberMarker>${marker}</PartNumberMarker>` +
      `<NextPartNumberMarker>${page.at(-1) ?? 0}</NextPartNumberMarker>` +
      `<MaxParts>${maxParts}</MaxParts><IsTruncated>${truncated}</IsTruncated>` +
      page
        .map(
          (n) =>
            `<Part><PartNumber>${n}</PartNumber><LastModified>${s3Time(r.initiated)}</LastModified>` +
            `<ETag>&quot;${etag(n)}&quot;</ETag><Size>5242880</Size></Part>`,
        )
        .join('') +
      '</ListPartsResult>';
    return { status: 200, body };
  };

  const abort = (bucket: string, key: string, q: URLSearchParams): { status: number; body: string } => {
    const uploadId = q.get('uploadId') ?? '';
    const r = findUpload(bucket, key, uploadId);
    if (!r) return { status: 404, body: errorBody('NoSuchUpload', MESSAGES.NoSuchUpload, { UploadId: uploadId }) };
    if (denyAbort?.(bucket, key)) return { status: 403, body: errorBody('AccessDenied', MESSAGES.AccessDenied) };
    r.aborts++;
    if (r.state === 'live' && r.partsAfterAbort > 0) {
      // the abort removed what was there, then a part that was being uploaded landed
      r.state = 'survivor';
      r.parts = r.partsAfterAbort;
    } else {
      r.state = 'gone';
      r.parts = 0;
    }
    return { status: 204, body: '' };
  };

  // ---- routing ---------------------------------------------------------------------------

  interface Route {
    operation: SimOperation | 'Unsupported';
    bucket: string;
    key: string;
    query: URLSearchParams;
  }

  const route = (method: string, rawPath: string, rawQuery: string): Route => {
    const query = new URLSearchParams(rawQuery);
    const trimmed = rawPath.replace(/^\//, '');
    const slash = trimmed.indexOf('/');
    let bucket: string;
    let key: string;
    try {
      bucket = decodeURIComponent(slash < 0 ? trimmed : trimmed.slice(0, slash));
      key = slash < 0 ? '' : decodeURIComponent(trimmed.slice(slash + 1));
    } catch {
      return { operation: 'Unsupported', bucket: '', key: '', query };
    }
    let operation: Route['operation'] = 'Unsupported';
    if (bucket !== '' && key === '' && method === 'GET' && query.has('uploads')) operation = 'ListMultipartUploads';
    else if (bucket !== '' && key !== '' && query.has('uploadId') && !query.has('partNumber')) {
      if (method === 'GET') operation = 'ListParts';
      else if (method === 'DELETE') operation = 'AbortMultipartUpload';
    }
    return { operation, bucket, key, query };
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const target = req.url ?? '/';
    const qi = target.indexOf('?');
    const rawPath = qi < 0 ? target : target.slice(0, qi);
    const rawQuery = qi < 0 ? '' : target.slice(qi + 1);
    const rt = route(req.method ?? '', rawPath, rawQuery);
    const uploadId = rt.query.get('uploadId') ?? undefined;
    const entry: SimRequest = {
      method: req.method ?? '',
      path: rawPath,
      query: rawQuery,
      operation: rt.operation,
      outcome: 'cancelled',
      ...(uploadId !== undefined ? { uploadId } : {}),
    };
    log.push(entry);
    requests[rt.operation]++;
    listener?.({ operation: rt.operation, ...(uploadId !== undefined ? { uploadId } : {}) });

    if (rt.operation === 'Unsupported') {
      send(res, 400, errorBody('InvalidRequest', `s3-sim does not implement ${req.method} ${rawPath}${rawQuery ? `?${rawQuery}` : ''}`), entry);
      return;
    }
    const op = rt.operation;
    const rec = uploadId !== undefined ? byId.get(uploadId) : undefined;
    if (rec && rt.bucket === rec.bucket) {
      rec.touched = true;
      if (op === 'AbortMultipartUpload') rec.abortRequests++;
    }

    inFlight[op]++;
    maxInFlight[op] = Math.max(maxInFlight[op], inFlight[op]);
    maxInFlightPerUpload = Math.max(maxInFlightPerUpload, inFlight.ListParts + inFlight.AbortMultipartUpload);
    let settled = false;
    const settle = () => {
      if (!settled) {
        settled = true;
        inFlight[op]--;
      }
    };
    res.on('close', settle);

    let fault: FaultKind | undefined;
    if (faults && faults.share > 0 && (faults.operations ?? ALL_OPS).includes(op) && random() < faults.share) {
      const kinds = faults.kinds ?? DEFAULT_KINDS;
      fault = kinds[Math.floor(random() * kinds.length)] ?? kinds[0];
      if (fault) {
        faultCounts[fault]++;
        entry.fault = fault;
      }
    }
    const wait =
      delay && (delay.operations ?? ALL_OPS).includes(op) && (delay.share === undefined || random() < delay.share) ? delay.ms : 0;

    const respond = () => {
      // a client that gave up (SIGINT, timeout) never sent its request as far as S3 knows
      if (res.socket === null || res.socket.destroyed) {
        settle();
        return;
      }
      if (fault === 'reset') {
        entry.outcome = 'reset';
        res.socket.destroy();
        return;
      }
      if (fault === 'internal-error') return send(res, 500, errorBody('InternalError', MESSAGES.InternalError), entry);
      if (fault === 'hang') {
        entry.outcome = 'hang';
        return;
      }
      if (fault === 'truncated-xml' && op === 'AbortMultipartUpload') {
        return send(res, 500, halve(errorBody('InternalError', MESSAGES.InternalError)), entry);
      }
      if (fault === 'slow-down') return send(res, 503, errorBody('SlowDown', MESSAGES.SlowDown), entry);
      let answer: { status: number; body: string };
      if (!buckets.has(rt.bucket)) {
        answer = { status: 404, body: errorBody('NoSuchBucket', MESSAGES.NoSuchBucket, { BucketName: rt.bucket }) };
      } else if (op === 'ListMultipartUploads') {
        answer = listUploads(rt.bucket, rt.query);
      } else if (op === 'ListParts') {
        answer = listParts(rt.bucket, rt.key, rt.query);
      } else {
        answer = abort(rt.bucket, rt.key, rt.query);
      }
      if (fault === 'reset-after') {
        entry.outcome = 'reset';
        res.socket.destroy();
        return;
      }
      if (fault === 'hang-after') {
        entry.outcome = 'hang';
        return;
      }
      if (fault === 'truncated-xml') return send(res, answer.status, halve(answer.body), entry);
      if (fault === 'slow-headers') return trickleHead(res, answer.status, faults?.slowHeadersMs ?? 1500, entry);
      if (fault === 'long-length') return sendWrongLength(res, answer.status, answer.body, Buffer.byteLength(answer.body) + 50, entry);
      if (fault === 'short-length') {
        return sendWrongLength(res, answer.status, answer.body, Math.floor(Buffer.byteLength(answer.body) / 2), entry);
      }
      send(res, answer.status, answer.body, entry);
    };
    if (wait > 0) {
      const t = setTimeout(() => {
        timers.delete(t);
        respond();
      }, wait);
      timers.add(t);
    } else {
      respond();
    }
  };

  const server: Server = createServer((req, res) => {
    // requests of these operations have no body; drain whatever comes, then answer
    req.on('error', () => undefined);
    req.resume();
    req.on('end', () => handle(req, res));
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('clientError', (_e, s: Socket) => s.destroy());
  server.keepAliveTimeout = 30_000;

  const port = await listenLocal(server);

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    createBucket,
    seedUpload,
    seedUploads: (seeds) => seeds.map(seedUpload),
    configure(o) {
      if (o.faults !== undefined) {
        faults = o.faults;
        random = seededRandom(faults?.seed ?? 1);
      }
      if (o.delay !== undefined) delay = o.delay;
      if (o.denyAbort !== undefined) denyAbort = o.denyAbort;
      if (o.denyListing !== undefined) denyListing = o.denyListing;
      if (o.clockOffsetMs !== undefined) clockOffsetMs = o.clockOffsetMs;
    },
    uploads: (bucket) => sorted(bucket).map(view),
    liveUploads: (bucket) => sorted(bucket).filter((r) => r.state === 'live').map(view),
    upload(uploadId) {
      const r = byId.get(uploadId);
      return r ? view(r) : undefined;
    },
    abortCount: (uploadId) => byId.get(uploadId)?.aborts ?? 0,
    abortRequests: (uploadId) => byId.get(uploadId)?.abortRequests ?? 0,
    touched: (uploadId) => byId.get(uploadId)?.touched ?? false,
    stats: () => ({
      requests: { ...requests },
      faults: { ...faultCounts },
      maxInFlight: { ...maxInFlight },
      maxInFlightPerUpload,
    }),
    log: () => [...log],
    onRequest(l) {
      listener = l;
    },
    stop: () => closeLocal(server, sockets, timers),
  };
}
