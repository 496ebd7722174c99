// A peer for the bench: what a user writes with the AWS SDK for JavaScript v3 alone to abort every
// in-progress multipart upload of a bucket. ListMultipartUploads page after page (key and upload-id
// markers), AbortMultipartUpload with C in flight while the listing goes on, then one line of JSON:
// {"listed":N,"aborted":N,"failed":N}. Exit 1 when any abort failed.
//   node bench/peers/sdk-bulk.mjs <endpoint> <bucket> <concurrency>
// The credentials are the bench's fake keys, read from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY and
// passed explicitly, like every other setting: nothing comes from the SDK's default chains.
import { Agent } from 'node:http';
import { AbortMultipartUploadCommand, ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3';

// the SDK warns once per process that its releases after January 2027 need Node 22: noise here
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const [endpoint, bucket, concurrencyArg] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
if (!endpoint || !bucket || !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 256)) {
  process.stderr.write('usage: sdk-bulk.mjs <endpoint> <bucket> <concurrency 1-256>\n');
  process.exit(2);
}
const MAX_PAGES = 100_000; // a bounded loop: at most 100 million uploads

const s3 = new S3Client({
  region: 'us-east-1',
  endpoint,
  forcePathStyle: true,
  credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '' },
  maxAttempts: 3,
  // one kept-alive socket per request in flight
  requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: concurrency }) },
});

async function* uploads() {
  let KeyMarker;
  let UploadIdMarker;
  for (let page = 0; page < MAX_PAGES; page++) {
    const r = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, KeyMarker, UploadIdMarker }));
    yield* r.Uploads ?? [];
    if (!r.IsTruncated) return;
    KeyMarker = r.NextKeyMarker;
    UploadIdMarker = r.NextUploadIdMarker;
  }
  throw new Error(`more than ${MAX_PAGES} pages`);
}

const it = uploads();
let listed = 0;
let aborted = 0;
let failed = 0;
let firstError;
async function worker() {
  // an async generator queues concurrent next() calls: each upload goes to exactly one worker
  for (;;) {
    const { value: u, done } = await it.next();
    if (done) return;
    listed++;
    try {
      await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }));
      aborted++;
    } catch (e) {
      failed++;
      firstError ??= e;
    }
  }
}

try {
  await Promise.all(Array.from({ length: concurrency }, worker));
} finally {
  s3.destroy();
}
if (firstError) process.stderr.write(`first failure: ${firstError.name}: ${firstError.message}\n`);
process.stdout.write(`${JSON.stringify({ listed, aborted, failed })}\n`);
process.exitCode = failed ? 1 : 0;
