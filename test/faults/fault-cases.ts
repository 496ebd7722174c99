// The single-request faults that only the raw-socket fault server can produce, shared by the
// recorder (scripts/record-faults.ts runs the AWS CLI against them into
// test/fixtures/faults-recorded.json) and the replay test (fault-replay.test.ts runs s3abort against
// the same faults and compares). Every case runs with --cli-read-timeout 1 --cli-connect-timeout 1.
import { responseBytes, type FaultStep } from '../support/fault-server.js';

export interface FaultCase {
  id: string;
  doc: string;
  steps: FaultStep[];
  /** Environment on top of the harness's clean one. */
  env?: Record<string, string>;
  /** Where s3abort differs on purpose: what it does instead, and why (doc). */
  expect?: { rc?: number; stderr?: string[]; attempts?: number; doc: string };
}

export const BUCKET = 'fault-bucket';
export const KEY = 'k/object.bin';
export const UPLOAD_ID = 'UPLOAD-123';
export const READ_TIMEOUT_S = 1;
export const CONNECT_TIMEOUT_S = 1;

/** The CLI's arguments against the server at `url` (after `s3api abort-multipart-upload` for the AWS CLI). */
export function faultArgs(url: string): string[] {
  return [
    '--endpoint-url', url,
    '--bucket', BUCKET, '--key', KEY, '--upload-id', UPLOAD_ID,
    '--cli-read-timeout', String(READ_TIMEOUT_S), '--cli-connect-timeout', String(CONNECT_TIMEOUT_S),
  ];
}

const xmlError = (code: string, message: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>REQ123</RequestId><HostId>HOSTID456</HostId></Error>`;
const INTERNAL = xmlError('InternalError', 'We encountered an internal error. Please try again.');
const NO_SUCH_UPLOAD = xmlError('NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.');
const RESULT = '<?xml version="1.0" encoding="UTF-8"?>\n<AbortMultipartUploadResult><RequestCharged>requester</RequestCharged></AbortMultipartUploadResult>';
const XML = { 'Content-Type': 'application/xml' };
const OK: FaultStep = { status: 204 };

export const FAULT_CASES: FaultCase[] = [
  // ---- reset during the response: the head is out, the body is cut, then RST
  { id: 'reset-mid-body-500', doc: '500 head and 40 body bytes, then a reset', steps: [{ status: 500, headers: XML, body: INTERNAL, bodyBytes: 40, then: 'reset' }] },
  { id: 'reset-mid-body-404', doc: 'NoSuchUpload head and 40 body bytes, then a reset', steps: [{ status: 404, headers: XML, body: NO_SUCH_UPLOAD, bodyBytes: 40, then: 'reset' }] },
  { id: 'reset-mid-body-200', doc: 'a 200 with an XML body cut after 50 bytes, then a reset', steps: [{ status: 200, headers: XML, body: RESULT, bodyBytes: 50, then: 'reset' }] },
  { id: 'reset-after-head-200', doc: 'a 200 head announcing a body, then a reset before any of it', steps: [{ status: 200, headers: XML, body: RESULT, bodyBytes: 0, then: 'reset' }] },
  { id: 'reset-mid-body-then-ok', doc: 'a body cut by a reset, then a 204', steps: [{ status: 500, headers: XML, body: INTERNAL, bodyBytes: 40, then: 'reset' }, OK] },
  { id: 'rst-before-response', doc: 'an RST (not a FIN) as soon as the request arrives', steps: [{ resetBeforeResponse: true }], env: { AWS_MAX_ATTEMPTS: '2' } },
  { id: 'rst-before-response-then-ok', doc: 'an RST, then a 204', steps: [{ resetBeforeResponse: true }, OK] },
  // ---- slow headers: the status line at once, the rest of the head trickled
  { id: 'slow-headers-below', doc: 'head bytes 8 at a time every 0.3 s: slower than the read timeout in all, never idle that long', steps: [{ status: 204, trickle: { bytes: 8, everyMs: 300 } }] },
  { id: 'slow-headers-above', doc: 'head bytes every 1.5 s: idle beyond the read timeout', steps: [{ status: 204, trickle: { bytes: 8, everyMs: 1500 } }], env: { AWS_MAX_ATTEMPTS: '2' } },
  { id: 'slow-headers-above-then-ok', doc: 'one trickled head beyond the read timeout, then a 204', steps: [{ status: 204, trickle: { bytes: 8, everyMs: 1500 } }, OK] },
  { id: 'slow-status-line', doc: 'nothing for 1.5 s, then a trickled head', steps: [{ status: 204, delayMs: 1500, trickle: { bytes: 40, everyMs: 200 } }], env: { AWS_MAX_ATTEMPTS: '1' } },
  // ---- Content-Length longer than the body
  { id: 'long-length-close-200', doc: 'a 200 declaring 100 bytes more than it sends, then a FIN', steps: [{ status: 200, headers: XML, body: RESULT, contentLength: RESULT.length + 100, then: 'close' }] },
  { id: 'long-length-close-404', doc: 'a NoSuchUpload declaring 50 bytes more than it sends, then a FIN', steps: [{ status: 404, headers: XML, body: NO_SUCH_UPLOAD, contentLength: NO_SUCH_UPLOAD.length + 50, then: 'close' }] },
  { id: 'long-length-close-500-then-ok', doc: 'a 500 declaring more than it sends, a FIN, then a 204', steps: [{ status: 500, headers: XML, body: INTERNAL, contentLength: INTERNAL.length + 50, then: 'close' }, OK] },
  { id: 'long-length-hold-404', doc: 'a NoSuchUpload declaring more than it sends, the connection held open and silent', steps: [{ status: 404, headers: XML, body: NO_SUCH_UPLOAD, contentLength: NO_SUCH_UPLOAD.length + 50, then: 'hold' }], env: { AWS_MAX_ATTEMPTS: '2' } },
  // ---- Content-Length shorter than the body, the extra bytes left on a kept-alive connection
  { id: 'short-length-404', doc: 'a NoSuchUpload declaring 60 bytes: the XML read is cut, the rest is left on the connection', steps: [{ status: 404, headers: XML, body: NO_SUCH_UPLOAD, contentLength: 60 }] },
  { id: 'short-length-500-keepalive', doc: 'a 500 declaring 60 bytes; the retry on the same connection reads the rest as its answer', steps: [{ status: 500, headers: XML, body: INTERNAL, contentLength: 60 }, OK] },
  { id: 'short-length-200', doc: 'a 200 declaring a complete prefix of its XML, then more bytes', steps: [{ status: 200, headers: XML, body: RESULT, contentLength: RESULT.indexOf('<AbortMultipartUploadResult>') }] },
  { id: 'extra-after-204', doc: 'junk after a complete 204 on the kept-alive connection', steps: [{ status: 204, extra: 'junk after the response' }] },
  { id: 'no-length-close-404', doc: 'a NoSuchUpload without Content-Length, ended by a FIN', steps: [{ status: 404, headers: XML, body: NO_SUCH_UPLOAD, contentLength: null, then: 'close' }] },
  // ---- accepted, never read
  { id: 'never-read', doc: 'the connection is accepted and never read or answered', steps: [{ neverRead: true }], env: { AWS_MAX_ATTEMPTS: '2' } },
  { id: 'never-read-default', doc: 'the same with the default three attempts', steps: [{ neverRead: true }] },
  { id: 'never-read-then-ok', doc: 'one connection never read, then a 204', steps: [{ neverRead: true }, OK] },
  // ---- truncated XML with a correct Content-Length
  { id: 'truncated-xml-404', doc: 'a NoSuchUpload cut at 90 bytes, Content-Length matching', steps: [{ status: 404, headers: XML, body: NO_SUCH_UPLOAD.slice(0, 90), then: 'close' }] },
  { id: 'truncated-xml-500', doc: 'a 500 cut at 90 bytes, Content-Length matching', steps: [{ status: 500, headers: XML, body: INTERNAL.slice(0, 90) }], env: { AWS_MAX_ATTEMPTS: '2' } },
  { id: 'truncated-xml-200', doc: 'a 200 cut at 90 bytes, Content-Length matching', steps: [{ status: 200, headers: XML, body: RESULT.slice(0, 90) }] },
];

/** The configured number of attempts of a case (AWS_MAX_ATTEMPTS, else the default 3). */
export function maxAttempts(c: FaultCase): number {
  const n = Number(c.env?.AWS_MAX_ATTEMPTS ?? '3');
  return Number.isInteger(n) && n > 0 ? n : 3;
}

/** How long a step itself takes to answer in full (delay plus trickle), in seconds. */
function stepSeconds(s: FaultStep): number {
  const trickle = s.trickle ? Math.ceil(responseBytes(s).headerBlock.length / s.trickle.bytes) * s.trickle.everyMs : 0;
  return ((s.delayMs ?? 0) + trickle) / 1000;
}

/**
 * The time a run may take: every attempt may wait out the connect and the read timeout (or a slower
 * answer the step sends in time), the standard backoff before each retry is at most
 * min(2^(n-1), 20) s, plus slack for starting the process on a busy machine.
 */
export function timeBoundMs(c: FaultCase, slackS = 8): number {
  const attempts = maxAttempts(c);
  let s = slackS;
  for (let n = 0; n < attempts; n++) {
    const step = c.steps[Math.min(n, c.steps.length - 1)]!;
    s += CONNECT_TIMEOUT_S + Math.max(READ_TIMEOUT_S, stepSeconds(step));
    if (n > 0) s += Math.min(2 ** (n - 1), 20);
  }
  return s * 1000;
}
