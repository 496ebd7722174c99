// Bulk cleanup through the wire faults of the fault-injection issue, on a share of the listings
// and aborts: connections never answered (before and after the abort took effect), truncated XML,
// heads trickled beyond the read timeout, Content-Length longer and shorter than the body. Every
// selected upload must appear exactly once in the result, the exit code must say whether any
// failed, no upload may be removed twice, a re-run must finish the job, and each run must end
// within the bound its timeouts and retries give.
import { afterAll, describe, expect, it } from 'vitest';
import { startS3Sim, type FaultKind, type S3Sim, type SimOptions } from '../support/s3-sim.js';
import { cli, counts, expectUnique, summary, type Doc } from '../bulk/e2e-helpers.js';

// the tests run side by side: each simulator is stopped once all are done
const sims: S3Sim[] = [];
afterAll(async () => {
  await Promise.all(sims.map((s) => s.stop()));
});
async function sim(opts: SimOptions): Promise<S3Sim> {
  const s = await startS3Sim(opts);
  sims.push(s);
  return s;
}

const WIRE: readonly FaultKind[] = ['hang', 'hang-after', 'truncated-xml', 'slow-headers', 'long-length', 'short-length'];
const TIMEOUTS = ['--cli-read-timeout', '1', '--cli-connect-timeout', '1'];
const CONCURRENCY = 32;

/**
 * The longest one request can take: the client's 3 attempts, each waiting out the connect and read
 * timeouts, with its backoff of at most 1 + 2 s; the engine's 3 extra rounds after it, with their
 * sleeps of at most 1 + 2 + 4 s (src/bulk/run-bulk.ts).
 */
const CHAIN_S = 4 * (3 * (1 + 1) + 1 + 2) + 1 + 2 + 4;

/** A run of `pages` listings and `aborts` aborts may take one chain per page plus one per wave of aborts, and slack. */
function boundMs(pages: number, aborts: number): number {
  const waves = Math.ceil(aborts / CONCURRENCY);
  return (pages * CHAIN_S + CHAIN_S + waves * 0.25 + 10) * 1000;
}

function run(s: S3Sim, bucket: string, args: string[]) {
  return cli(s, bucket, ['--all-uploads', '--concurrency', String(CONCURRENCY), ...TIMEOUTS, ...args], { timeoutMs: 300_000 });
}

describe('bulk cleanup through wire faults', () => {
  // the three listing requests of a run draw few faults: one run per kind, side by side
  for (const kind of WIRE) {
    it.concurrent(`lists every upload exactly once through ${kind} on half the listing requests (dry run)`, async () => {
      const s = await sim({ faults: { share: 0.5, seed: 2, kinds: [kind], operations: ['ListMultipartUploads'] } });
      s.seedUploads(Array.from({ length: 2100 }, (_, i) => ({ bucket: 'lists', key: `k/${String(i % 700).padStart(3, '0')}` })));
      const r = await run(s, 'lists', ['--dry-run']);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      const doc = JSON.parse(r.stdout) as Doc;
      expectUnique(doc);
      expect(doc.Uploads.map((u) => u.UploadId)).toEqual(s.uploads('lists').map((u) => u.uploadId));
      expect(doc.Uploads.every((u) => u.Status === 'WouldAbort')).toBe(true);
      const stats = s.stats();
      expect(stats.faults[kind]).toBeGreaterThan(0);
      // three pages, a listing again for each fault; a body cut short by a clean close is whole to
      // the AWS CLI's urllib3, and to s3abort (src/aws/response-body.ts)
      expect(stats.requests.ListMultipartUploads).toBe(3 + (kind === 'long-length' ? 0 : stats.faults[kind]));
      expect(r.durationMs).toBeLessThanOrEqual(boundMs(3, 0));
    }, boundMs(3, 0) + 30_000);
  }

  it.concurrent('aborts every upload once through faults on 12% of the requests; the exit code reports the failures; a re-run finishes', async () => {
    const s = await sim({
      faults: { share: 0.12, seed: 5, kinds: WIRE },
      // permissions fixed between the runs: a failure the first run must report
      denyAbort: (_b, key) => key.startsWith('locked/'),
    });
    const n = 600;
    s.seedUploads(Array.from({ length: n }, (_, i) => ({ bucket: 'wire', key: `${i % 40 === 0 ? 'locked' : 'open'}/${String(i).padStart(4, '0')}` })));
    const all = s.uploads('wire');

    const first = await run(s, 'wire', []);
    const doc = JSON.parse(first.stdout) as Doc;
    expectUnique(doc);
    expect(doc.Uploads.map((u) => u.UploadId)).toEqual(all.map((u) => u.uploadId));
    const c = counts(doc);
    expect(summary(doc)).toEqual({ Selected: n, Aborted: c.Aborted ?? 0, AlreadyGone: 0, Unconfirmed: c.Unconfirmed ?? 0, Failed: c.Failed ?? 0 });
    expect((c.Aborted ?? 0) + (c.Failed ?? 0) + (c.Unconfirmed ?? 0)).toBe(n);
    expect(c.Failed).toBeGreaterThanOrEqual(n / 40 - (c.Unconfirmed ?? 0));
    expect(first.code).toBe(1);
    expect(first.stderr).toBe('');
    for (const u of doc.Uploads) {
      // the client's and the engine's retries get every permitted abort through, also one that took
      // effect without an answer and whose retry's NoSuchUpload came cut short (a bare 404); one
      // whose every attempt went unanswered (hangs past the read timeout) is Unconfirmed
      if (u.Key.startsWith('open/')) expect(['Aborted', 'Unconfirmed'], u.Key).toContain(u.Status);
      if (u.Status === 'Aborted') expect(s.upload(u.UploadId)?.state, u.Key).toBe('gone');
      // a denial whose XML was cut short is known by its status alone, as in the AWS CLI
      if (u.Status === 'Failed') expect(['AccessDenied', '403']).toContain(u.Error?.Code);
      if (u.Status === 'Failed') expect(u.Key.startsWith('locked/'), u.Key).toBe(true);
    }
    // every permitted upload was removed by this run unless its abort is Unconfirmed, the locked
    // ones not at all (the simulator counts removals: a second abort of a gone upload removes nothing)
    const unconfirmed = new Set(doc.Uploads.filter((u) => u.Status === 'Unconfirmed').map((u) => u.UploadId));
    expect(all.filter((u) => u.key.startsWith('open/') && !unconfirmed.has(u.uploadId)).every((u) => s.abortCount(u.uploadId) === 1)).toBe(true);
    expect(all.filter((u) => u.key.startsWith('locked/')).every((u) => s.abortCount(u.uploadId) === 0)).toBe(true);
    const stats = s.stats();
    expect(WIRE.filter((k) => stats.faults[k] === 0)).toEqual([]);
    expect(first.durationMs).toBeLessThanOrEqual(boundMs(1, n));

    // permissions fixed and the network mended
    s.configure({ denyAbort: null, faults: null });
    const left = s.liveUploads('wire').map((u) => u.uploadId);
    expect(left.length).toBeGreaterThanOrEqual(n / 40);
    const second = await run(s, 'wire', ['--ignore-missing']);
    expect(second).toMatchObject({ code: 0, stderr: '' });
    const doc2 = JSON.parse(second.stdout) as Doc;
    expectUnique(doc2);
    expect(doc2.Uploads.map((u) => u.UploadId)).toEqual(left);
    expect(doc2.Uploads.every((u) => u.Status === 'Aborted' || u.Status === 'AlreadyGone')).toBe(true);
    expect(s.liveUploads('wire')).toEqual([]);
    expect(all.every((u) => s.abortCount(u.uploadId) === 1)).toBe(true);
    expect(second.durationMs).toBeLessThanOrEqual(boundMs(1, left.length));
  }, 2 * boundMs(1, 600) + 30_000);
});
