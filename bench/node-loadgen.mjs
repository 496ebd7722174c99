// A load generator in plain Node, no SDK: N DELETEs of uploads 0..N-1 (uploads.mjs) over C kept-alive
// connections to one bucket, then one line of JSON. It shows what Node's own HTTP client costs,
// between wrk (C) and s3abort (the SDK's signing, middleware and parsing on top).
//   node bench/node-loadgen.mjs <url> <bucket> <requests> <concurrency>
import http from 'node:http';
import { idOf, keyOf } from './uploads.mjs';

const [url, bucket, total, concurrency] = process.argv.slice(2);
const n = Math.min(Number(total), 10_000_000);
const c = Math.min(Math.max(Number(concurrency), 1), 256);
const { hostname, port } = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: c });
const statuses = {};
let next = 0;

const one = (i) =>
  new Promise((resolve, reject) => {
    const req = http.request(
      { hostname, port, agent, method: 'DELETE', path: `/${bucket}/${keyOf(i)}?uploadId=${idOf(i)}`, headers: { 'content-length': '0' } },
      (res) => {
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        res.resume();
        res.on('end', resolve);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });

const worker = async () => {
  while (next < n) await one(next++);
};
const t0 = process.hrtime.bigint();
await Promise.all(Array.from({ length: c }, worker));
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
agent.destroy();
process.stdout.write(`${JSON.stringify({ requests: n, seconds, rps: n / seconds, statuses })}\n`);
