// runBulk against an in-memory session: selection (pages, markers, filters), exactly-once
// accounting whatever fails, the concurrency bound, --verify, --ignore-missing, retries, SIGINT.
import { getEventListeners } from 'node:events';
import { ServiceError } from '../../src/errors.js';
import { describe, expect, it } from 'vitest';
import { runBulk, type BulkDeps, type BulkOptions, type BulkProgress, type BulkResult, type UploadOutcome } from '../../src/bulk/run-bulk.js';
import {
  FakeSession,
  NO_SUCH_UPLOAD,
  accessDenied,
  connectionRefused,
  connectionReset,
  internalError,
  manyUploads,
  serviceError,
  slowDown,
  wait,
  type FakeUpload,
} from './fake-session.js';

function options(o: Partial<BulkOptions> = {}): BulkOptions {
  return { bucket: 'b', allUploads: true, dryRun: false, concurrency: 4, verify: false, verifyAttempts: 5, ignoreMissing: false, ...o };
}

interface Run {
  result: BulkResult;
  sleeps: number[];
}

async function run(session: FakeSession, o: Partial<BulkOptions> = {}, deps: Partial<BulkDeps> = {}): Promise<Run> {
  const sleeps: number[] = [];
  const result = await runBulk(session, options(o), {
    signal: new AbortController().signal,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...deps,
  });
  return { result, sleeps };
}

const ids = (us: readonly { UploadId: string }[]) => us.map((u) => u.UploadId);
const statuses = (r: BulkResult) => r.uploads.map((u) => u.Status);
const byId = (r: BulkResult, id: string): UploadOutcome => {
  const u = r.uploads.find((x) => x.UploadId === id);
  if (!u) throw new Error(`${id} not in the result`);
  return u;
};

/** Every upload appears once, and the result holds exactly the expected ones. */
function expectEachOnce(r: BulkResult, expected: readonly string[]): void {
  const got = ids(r.uploads);
  expect(new Set(got).size).toBe(got.length);
  expect([...got].sort()).toEqual([...expected].sort());
}

describe('listing', () => {
  it('follows both markers over 2,500 uploads, one key straddling two page boundaries, each aborted once in listing order', async () => {
    // 300 keys, then 1,500 uploads of one key (listing positions 300..1799: across 1000), then 700 keys
    const uploads = [
      ...manyUploads(300, (i) => `a/${String(i).padStart(4, '0')}`, (i) => `a-${i}`),
      ...manyUploads(1500, () => 'b/same key', (i) => `same-${(i * 7919) % 1500}`),
      ...manyUploads(700, (i) => `c/${String(i).padStart(4, '0')}`, (i) => `c-${i}`),
    ];
    const s = new FakeSession(uploads);
    const order = s.remaining();
    const { result } = await run(s, { concurrency: 16 });

    expect(ids(result.uploads)).toEqual(order);
    expect(statuses(result).every((x) => x === 'Aborted')).toBe(true);
    expect(order.every((id) => s.abortsOf(id) === 1)).toBe(true);
    expect(s.count('abort')).toBe(2500);
    expect(s.remaining()).toEqual([]);
    const lists = s.calls.filter((c) => c.op === 'list').map((c) => c.input);
    expect(lists).toEqual([
      { Bucket: 'b', MaxUploads: 1000 },
      { Bucket: 'b', MaxUploads: 1000, KeyMarker: 'b/same key', UploadIdMarker: order[999] },
      { Bucket: 'b', MaxUploads: 1000, KeyMarker: 'c/0199', UploadIdMarker: 'c-199' },
    ]);
    expect(result).toMatchObject({ dryRun: false, listing: { complete: true, pages: 3 } });
    expect(result.listing?.error).toBeUndefined();
    expect(result.stopped).toBeUndefined();
  });

  it('keeps each upload exactly once with tiny pages of one key while aborts remove the marker uploads', async () => {
    const uploads = [...manyUploads(53, () => 'k', (i) => `k-${i}`), ...manyUploads(5, (i) => `z${i}`, (i) => `z-${i}`)];
    const s = new FakeSession(uploads);
    const order = s.remaining();
    const { result } = await run(s, { pageSize: 4, concurrency: 3 });
    expect(ids(result.uploads)).toEqual(order);
    expect(order.every((id) => s.abortsOf(id) === 1)).toBe(true);
    expect(s.count('list')).toBe(Math.ceil(58 / 4));
  });

  it('pages a directory bucket by key-marker only', async () => {
    const s = new FakeSession(manyUploads(25, (i) => `k${String(i).padStart(2, '0')}`));
    const { result } = await run(s, { bucket: 'data--usw2-az1--x-s3', pageSize: 10 });
    expect(result.uploads).toHaveLength(25);
    const lists = s.calls.filter((c) => c.op === 'list').map((c) => c.input);
    expect(lists.map((i) => i.KeyMarker)).toEqual([undefined, 'k09', 'k19']);
    expect(lists.every((i) => !('UploadIdMarker' in i))).toBe(true);
  });

  it('stops with an error instead of looping when a truncated page gives nothing to continue from', async () => {
    const s = new FakeSession(manyUploads(3, (i) => `k${i}`));
    s.listMultipartUploads = async () => ({ uploads: [], truncated: true });
    const { result } = await run(s);
    expect(result.uploads).toEqual([]);
    expect(String(result.listing?.error)).toMatch(/gave no marker/);
    expect(result.listing).toMatchObject({ complete: false, pages: 1 });
  });

  it('sends RequestPayer and ExpectedBucketOwner with every call', async () => {
    const s = new FakeSession(manyUploads(2, (i) => `k${i}`));
    await run(s, { requestPayer: 'requester', expectedBucketOwner: '111122223333', verify: true });
    for (const c of s.calls) expect(c.input).toMatchObject({ RequestPayer: 'requester', ExpectedBucketOwner: '111122223333' });
    expect(new Set(s.calls.map((c) => c.op))).toEqual(new Set(['list', 'abort', 'parts']));
  });

  it('aborts a single upload without listing when --all-uploads is absent', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u' }]);
    const { result } = await run(s, { allUploads: false, key: 'k', uploadId: 'u', verify: true });
    expect(s.count('list')).toBe(0);
    expect(result.uploads).toEqual([{ Key: 'k', UploadId: 'u', Status: 'Aborted', Verified: true }]);
  });
});

describe('filters', () => {
  const now = Date.UTC(2026, 10, 27, 10, 0, 0);
  const day = 86_400_000;
  const uploads: FakeUpload[] = [
    { Key: 'a/1', UploadId: 'a1', Initiated: new Date(now - 10 * day) },
    { Key: 'a/1', UploadId: 'a1-new', Initiated: new Date(now - 1 * day) },
    { Key: 'a/10', UploadId: 'a10', Initiated: new Date(now - 10 * day) },
    { Key: 'a/2', UploadId: 'a2', Initiated: new Date(now - 7 * day) },
    { Key: 'ab', UploadId: 'ab', Initiated: new Date(now - 30 * day) },
    { Key: 'b/1', UploadId: 'b1', Initiated: new Date(now - 30 * day) },
    { Key: 'a/3', UploadId: 'a3-undated' },
  ];

  const touched = (s: FakeSession) => new Set(s.calls.filter((c) => c.op !== 'list').map((c) => c.input.UploadId));

  it('--prefix lists with Prefix and touches nothing else', async () => {
    const s = new FakeSession(uploads);
    const { result } = await run(s, { prefix: 'a/' });
    expect(ids(result.uploads)).toEqual(['a1', 'a1-new', 'a10', 'a2', 'a3-undated']);
    expect(s.calls[0]?.input).toMatchObject({ Prefix: 'a/' });
    expect(touched(s)).toEqual(new Set(ids(result.uploads)));
    expect(s.remaining().sort()).toEqual(['ab', 'b1']);
  });

  it('--key selects that exact key only (not keys it is a prefix of)', async () => {
    const s = new FakeSession(uploads);
    const { result } = await run(s, { key: 'a/1' });
    expect(ids(result.uploads)).toEqual(['a1', 'a1-new']);
    expect(s.calls[0]?.input).toMatchObject({ Prefix: 'a/1' });
    expect(touched(s)).toEqual(new Set(['a1', 'a1-new']));
  });

  it('--older-than keeps uploads initiated strictly before the instant; undated ones are left alone', async () => {
    const s = new FakeSession(uploads);
    const { result } = await run(s, { cutoff: { before: new Date(now - 7 * day) } });
    expect(ids(result.uploads)).toEqual(['a1', 'a10', 'ab', 'b1']);
    expect(touched(s)).toEqual(new Set(['a1', 'a10', 'ab', 'b1']));
  });

  it('combines --prefix, --key and --older-than', async () => {
    const s = new FakeSession(uploads);
    expect(ids((await run(s, { prefix: 'a/', cutoff: { before: new Date(now - 5 * day) } })).result.uploads)).toEqual(['a1', 'a10', 'a2']);
    const t = new FakeSession(uploads);
    expect(ids((await run(t, { prefix: 'a/', key: 'a/1', cutoff: { before: new Date(now - 5 * day) } })).result.uploads)).toEqual(['a1']);
    const u = new FakeSession(uploads);
    expect((await run(u, { prefix: 'b/', key: 'a/1' })).result.uploads).toEqual([]);
    expect(u.count('abort')).toBe(0);
  });
});

describe('dry run', () => {
  it('selects and reports WouldAbort, sending no abort and no ListParts', async () => {
    const s = new FakeSession(manyUploads(30, (i) => `k${i}`));
    const { result } = await run(s, { dryRun: true, verify: true, pageSize: 7 });
    expect(result.dryRun).toBe(true);
    expect(result.uploads).toHaveLength(30);
    expect(statuses(result).every((x) => x === 'WouldAbort')).toBe(true);
    expect(result.uploads.every((u) => u.Verified === undefined && u.Error === undefined)).toBe(true);
    expect(s.count('abort') + s.count('parts')).toBe(0);
    expect(s.remaining()).toHaveLength(30);
  });
});

describe('dry run of one upload', () => {
  it('asks ListParts (read-only) whether the upload exists: WouldAbort when it does', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u' }]);
    const { result } = await run(s, { allUploads: false, key: 'k', uploadId: 'u', dryRun: true });
    expect(result.uploads).toEqual([{ Key: 'k', UploadId: 'u', Status: 'WouldAbort' }]);
    expect(s.calls.map((c) => c.op)).toEqual(['parts']);
    expect(s.count('abort')).toBe(0);
  });

  it('reports NoSuchUpload as the abort would (Failed, a service error) for one that does not exist', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u' }]);
    const { result } = await run(s, { allUploads: false, key: 'k', uploadId: 'nope', dryRun: true });
    expect(result.uploads).toEqual([
      { Key: 'k', UploadId: 'nope', Status: 'Failed', Error: { Code: 'NoSuchUpload', Message: NO_SUCH_UPLOAD }, errorExit: 254 },
    ]);
  });

  it('with --ignore-missing, reports one that does not exist AlreadyGone', async () => {
    const s = new FakeSession([]);
    const { result } = await run(s, { allUploads: false, key: 'k', uploadId: 'nope', dryRun: true, ignoreMissing: true });
    expect(result.uploads).toEqual([{ Key: 'k', UploadId: 'nope', Status: 'AlreadyGone' }]);
  });
});

describe('the cutoff', () => {
  const base = Date.UTC(2026, 11, 2, 12, 0, 0);
  const aged = (ageMs: number, id: string): FakeUpload => ({ Key: `k/${id}`, UploadId: id, Initiated: new Date(base - ageMs) });
  const uploads = [aged(30 * 3600_000, 'old'), aged(23 * 3600_000, 'young'), aged(1000, 'fresh')];

  it("measures an age against S3's clock (the listing's Date), not the local one", async () => {
    // the local clock runs two days ahead: on it, even the fresh upload looks a day old
    const s = new FakeSession(uploads);
    s.serverClock = () => new Date(base);
    const skews: number[] = [];
    const { result } = await run(s, { cutoff: { ageMs: 24 * 3600_000 } }, { now: () => base + 48 * 3600_000, onClockSkew: (ms) => skews.push(ms) });
    expect(ids(result.uploads)).toEqual(['old']);
    expect(result.cutoff).toEqual(new Date(base - 24 * 3600_000));
    expect(skews).toEqual([-48 * 3600_000]);
  });

  it('uses the local clock when S3 sends no Date, and says nothing of a skew', async () => {
    const s = new FakeSession(uploads);
    const skews: number[] = [];
    const { result } = await run(s, { cutoff: { ageMs: 12 * 3600_000 } }, { now: () => base, onClockSkew: (ms) => skews.push(ms) });
    expect(ids(result.uploads)).toEqual(['old', 'young']);
    expect(result.cutoff).toEqual(new Date(base - 12 * 3600_000));
    expect(skews).toEqual([]);
  });

  it('reports a skew above five minutes only, in either direction', async () => {
    for (const [skew, warned] of [[4 * 60_000, false], [6 * 60_000, true], [-6 * 60_000, true]] as const) {
      const s = new FakeSession(uploads);
      s.serverClock = () => new Date(base);
      const skews: number[] = [];
      await run(s, { cutoff: { ageMs: 0 } }, { now: () => base - skew, onClockSkew: (ms) => skews.push(ms) });
      expect(skews).toEqual(warned ? [skew] : []);
    }
  });

  it('selects every upload with an age of 0, even one initiated after the Date of the listing', async () => {
    const s = new FakeSession([...uploads, { Key: 'k/later', UploadId: 'later', Initiated: new Date(base + 500) }]);
    s.serverClock = () => new Date(base);
    const { result } = await run(s, { cutoff: { ageMs: 0 } }, { now: () => base });
    expect(result.uploads).toHaveLength(4);
    expect(result.cutoff).toEqual(new Date(base));
  });

  it("refuses a time after S3's clock before anything is selected", async () => {
    const s = new FakeSession(uploads);
    s.serverClock = () => new Date(base);
    const { result } = await run(s, { cutoff: { before: new Date(base + 3600_000) } }, { now: () => base + 2 * 3600_000 });
    expect(result.uploads).toEqual([]);
    expect(result.listing?.error).toMatchObject({ exitCode: 252 });
    expect(String((result.listing?.error as Error).message)).toMatch(/after S3's clock/);
    expect(s.count('abort')).toBe(0);
  });
});

describe('an endpoint that stops answering', () => {
  it('ends the run within one call: the uploads not yet tried are Skipped', async () => {
    const s = new FakeSession(manyUploads(100, (i) => `k${String(i).padStart(3, '0')}`, (i) => `u${i}`));
    let n = 0;
    s.hooks.abort = () => {
      if (n++ >= 5) throw connectionRefused();
    };
    const { result } = await run(s, { concurrency: 1 });
    const count = (st: string) => result.uploads.filter((u) => u.Status === st).length;
    expect(count('Aborted')).toBe(5);
    // the first call that got no answer, while nothing else was answered since it started
    expect(count('Failed')).toBe(1);
    expect(count('Skipped')).toBe(result.uploads.length - 6);
    expect(s.count('abort')).toBe(6);
    expect(result.stopped).toMatchObject({ endpointDown: { failure: 'connect' } });
  });

  it('carries on when a call fails while other calls are answered (a passing fault)', async () => {
    const s = new FakeSession(manyUploads(40, (i) => `k${String(i).padStart(3, '0')}`, (i) => `u${i}`));
    s.hooks.abort = async (input) => {
      if (input.UploadId === 'u7') {
        await wait(20, undefined);
        throw connectionRefused();
      }
    };
    const { result } = await run(s, { concurrency: 4 });
    expect(result.stopped).toBeUndefined();
    expect(result.uploads.filter((u) => u.Status === 'Aborted')).toHaveLength(39);
  });

  it('does not stop for resets: the server is there, it dropped one connection', async () => {
    const s = new FakeSession(manyUploads(10, (i) => `k${i}`, (i) => `u${i}`));
    s.hooks.abort = () => {
      throw connectionReset();
    };
    const { result } = await run(s, { concurrency: 1 });
    expect(result.stopped).toBeUndefined();
    expect(result.uploads.every((u) => u.Status === 'Unconfirmed')).toBe(true);
  });
});

describe('outcomes as they are known', () => {
  it('hands each upload to onOutcome once, when it settles (Skipped ones at the end)', async () => {
    const controller = new AbortController();
    const s = new FakeSession(manyUploads(30, (i) => `k${String(i).padStart(2, '0')}`, (i) => `u${i}`));
    let n = 0;
    s.hooks.abort = () => {
      if (++n === 10) controller.abort('SIGTERM');
    };
    const seen: string[] = [];
    const { result } = await run(s, { concurrency: 2, pageSize: 5 }, { signal: controller.signal, onOutcome: (u) => seen.push(`${u.UploadId}:${u.Status}`) });
    expect(seen).toHaveLength(result.uploads.length);
    expect(new Set(seen)).toEqual(new Set(result.uploads.map((u) => `${u.UploadId}:${u.Status}`)));
  });

  it('stops the run as on a signal when onOutcome throws (the record cannot be kept)', async () => {
    const s = new FakeSession(manyUploads(30, (i) => `k${String(i).padStart(2, '0')}`, (i) => `u${i}`));
    let n = 0;
    const { result } = await run(s, { concurrency: 2 }, {
      onOutcome: () => {
        if (++n === 3) throw new Error('disk full');
      },
    });
    expect(result.stopped).toMatchObject({ error: { message: 'disk full' } });
    expect(s.count('abort')).toBeLessThanOrEqual(5);
    expect(result.uploads.filter((u) => u.Status === 'Skipped').length).toBeGreaterThan(0);
  });

  it('hands every selected upload of a dry run to onOutcome', async () => {
    const s = new FakeSession(manyUploads(12, (i) => `k${i}`));
    const seen: string[] = [];
    await run(s, { dryRun: true, pageSize: 5 }, { onOutcome: (u) => seen.push(u.Status) });
    expect(seen).toEqual(Array(12).fill('WouldAbort'));
  });
});

describe('concurrency', () => {
  for (const n of [1, 5, 16]) {
    it(`never has more than ${n} uploads in flight, and does reach ${n}`, async () => {
      const s = new FakeSession(manyUploads(60, (i) => `k${String(i).padStart(2, '0')}`, (i) => `u${i}`));
      s.hooks.abort = (input) => wait(1 + (Number(String(input.UploadId).slice(1)) % 4), undefined);
      s.hooks.parts = () => wait(1, undefined);
      const { result } = await run(s, { concurrency: n, verify: true, pageSize: 9 });
      expect(s.maxInFlight).toBe(n);
      expect(statuses(result).every((x) => x === 'Aborted')).toBe(true);
    });
  }

  it('reports in listing order although aborts finish in another order', async () => {
    const s = new FakeSession(manyUploads(40, (i) => `k${String(i).padStart(2, '0')}`, (i) => `u${i}`));
    // early uploads are slow, later ones fast
    s.hooks.abort = (input) => wait(40 - Number(String(input.UploadId).slice(1)), undefined);
    const finished: string[] = [];
    const orig = s.abortMultipartUpload.bind(s);
    s.abortMultipartUpload = async (input, signal) => {
      const r = await orig(input, signal);
      finished.push(input.UploadId);
      return r;
    };
    const { result } = await run(s, { concurrency: 8 });
    expect(ids(result.uploads)).toEqual(Array.from({ length: 40 }, (_, i) => `u${i}`));
    expect(finished).not.toEqual(ids(result.uploads));
  });

  it('adds at most one abort listener to the caller signal, whatever the concurrency', async () => {
    const controller = new AbortController();
    const s = new FakeSession(manyUploads(50, (i) => `k${i}`));
    let most = 0;
    s.hooks.abort = async () => {
      most = Math.max(most, getEventListeners(controller.signal, 'abort').length);
      await wait(2, undefined);
    };
    await run(s, { concurrency: 32 }, { signal: controller.signal });
    expect(most).toBe(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('reports progress up to the final counts', async () => {
    const s = new FakeSession(manyUploads(10, (i) => `k${i}`));
    s.hooks.abort = (input) => {
      if (input.Key === 'k3') throw accessDenied();
    };
    const seen: BulkProgress[] = [];
    await run(s, {}, { onProgress: (p) => seen.push({ ...p }) });
    expect(seen.at(-1)).toEqual({ selected: 10, aborted: 9, failed: 1, unconfirmed: 0, listingDone: true });
    expect(seen.some((p) => !p.listingDone)).toBe(true);
  });
});

describe('--verify', () => {
  it('aborts again when a part landed after the abort, then reports Verified true', async () => {
    const s = new FakeSession([
      { Key: 'k1', UploadId: 'plain' },
      { Key: 'k2', UploadId: 'racing', partsAfterAbort: 2 },
    ]);
    const { result, sleeps } = await run(s, { verify: true });
    expect(result.uploads).toEqual([
      { Key: 'k1', UploadId: 'plain', Status: 'Aborted', Verified: true },
      { Key: 'k2', UploadId: 'racing', Status: 'Aborted', Verified: true },
    ]);
    expect(s.abortsOf('plain')).toBe(1);
    expect(s.abortsOf('racing')).toBe(2);
    expect(s.calls.filter((c) => c.op === 'parts').map((c) => c.input.UploadId)).toEqual(['plain', 'racing', 'racing']);
    // one backoff before the second abort (200 ms, with jitter 0.75)
    expect(sleeps).toEqual([150]);
  });

  it('counts an empty part list as verified', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u', partsAfterAbort: 1 }]);
    s.listParts = async () => ({ parts: 0 });
    const { result } = await run(s, { verify: true });
    expect(result.uploads[0]).toMatchObject({ Status: 'Aborted', Verified: true });
    expect(s.abortsOf('u')).toBe(1);
  });

  it('fails an upload whose parts keep coming back, after --verify-attempts checks', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u', stubborn: true }, { Key: 'l', UploadId: 'v' }]);
    const { result, sleeps } = await run(s, { verify: true, verifyAttempts: 3 });
    expect(byId(result, 'u')).toEqual({
      Key: 'k', UploadId: 'u', Status: 'Failed', Verified: false,
      Error: { Code: 'PartsRemain', Message: 'parts were still listed after 3 checks' },
    });
    expect(byId(result, 'v')).toMatchObject({ Status: 'Aborted', Verified: true });
    expect(s.abortsOf('u')).toBe(3);
    expect(s.calls.filter((c) => c.op === 'parts' && c.input.UploadId === 'u')).toHaveLength(3);
    expect(sleeps).toEqual([150, 300]);
  });

  it('fails the upload when ListParts is refused', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u', partsAfterAbort: 1 }]);
    s.hooks.parts = () => {
      throw accessDenied('ListParts');
    };
    const { result } = await run(s, { verify: true });
    expect(result.uploads[0]).toEqual({
      Key: 'k', UploadId: 'u', Status: 'Failed', Verified: false, Error: { Code: 'AccessDenied', Message: 'Access Denied' }, errorExit: 254,
    });
  });

  it('retries a ListParts that failed transiently', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u' }]);
    let n = 0;
    s.hooks.parts = () => {
      if (n++ < 2) throw slowDown('ListParts');
    };
    const { result } = await run(s, { verify: true });
    expect(result.uploads[0]).toMatchObject({ Status: 'Aborted', Verified: true });
    expect(s.count('parts')).toBe(3);
  });

  it('without --verify, reports the racing upload Aborted with no Verified key and never calls ListParts', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'racing', partsAfterAbort: 2 }]);
    const { result } = await run(s);
    expect(result.uploads).toEqual([{ Key: 'k', UploadId: 'racing', Status: 'Aborted' }]);
    expect(s.count('parts')).toBe(0);
    expect(s.abortsOf('racing')).toBe(1);
  });
});

describe('missing uploads', () => {
  it('without --ignore-missing, NoSuchUpload fails with S3 own message', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u' }]);
    const { result } = await run(s, { allUploads: false, key: 'k', uploadId: 'nope' });
    expect(result.uploads).toEqual([
      { Key: 'k', UploadId: 'nope', Status: 'Failed', Error: { Code: 'NoSuchUpload', Message: NO_SUCH_UPLOAD }, errorExit: 254 },
    ]);
  });

  it('with --ignore-missing, NoSuchUpload counts as AlreadyGone (and verifies)', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u' }]);
    const { result } = await run(s, { allUploads: false, key: 'k', uploadId: 'nope', ignoreMissing: true, verify: true });
    expect(result.uploads).toEqual([{ Key: 'k', UploadId: 'nope', Status: 'AlreadyGone', Verified: true }]);
  });

  it("counts NoSuchUpload after the client's own unanswered attempt as Aborted: that attempt took effect", async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u' }, { Key: 'l', UploadId: 'v' }]);
    s.hooks.abort = (input) => {
      if (input.UploadId === 'u') {
        s.applyAbort('u'); // S3 applied attempt 1; its answer was lost, and attempt 2 found nothing
        throw new ServiceError('NoSuchUpload', NO_SUCH_UPLOAD, 404, 'An error occurred (NoSuchUpload)', 2, true);
      }
    };
    const { result } = await run(s);
    expect(statuses(result)).toEqual(['Aborted', 'Aborted']);
    expect(s.abortsOf('u')).toBe(1);
  });

  it('counts NoSuchUpload after a round of its own that S3 answered "later" as AlreadyGone, not Aborted', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u' }]);
    let n = 0;
    s.hooks.abort = () => {
      if (n++ === 0) throw slowDown();
      throw serviceError('NoSuchUpload', 404, NO_SUCH_UPLOAD);
    };
    const { result } = await run(s, { ignoreMissing: true });
    expect(statuses(result)).toEqual(['AlreadyGone']);
  });
});

describe('transient errors', () => {
  it('retries 500s with growing backoff and succeeds', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u' }]);
    let n = 0;
    s.hooks.abort = () => {
      if (n++ < 3) throw internalError();
    };
    const { result, sleeps } = await run(s);
    expect(result.uploads[0]).toMatchObject({ Status: 'Aborted' });
    expect(s.abortsOf('u')).toBe(1);
    expect(sleeps).toEqual([750, 1500, 3000]);
  });

  it('gives up after three extra rounds of SlowDown: Failed, a service error', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u' }]);
    s.hooks.abort = () => {
      throw slowDown();
    };
    const { result } = await run(s);
    expect(result.uploads[0]).toEqual({
      Key: 'k', UploadId: 'u', Status: 'Failed', Error: { Code: 'SlowDown', Message: 'Please reduce your request rate.' }, errorExit: 254,
    });
    expect(s.count('abort')).toBe(4);
  });

  it('reports an abort sent and never answered (a reset that outlived the retries) as Unconfirmed, not tried again', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u' }]);
    s.hooks.abort = () => {
      throw connectionReset();
    };
    const { result, sleeps } = await run(s);
    expect(result.uploads[0]).toMatchObject({ Status: 'Unconfirmed', Error: { Code: 'RequestFailed' }, errorExit: 255 });
    expect(result.uploads[0]?.Error?.Message).toMatch(/^Connection was closed before we received a valid response/);
    // the client's own attempts bound it: no rounds of the run's own on top
    expect(s.count('abort')).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('reports an abort that never reached S3 (connection refused) as Failed', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u' }]);
    s.hooks.abort = () => {
      throw connectionRefused();
    };
    const { result } = await run(s, { allUploads: false, key: 'k', uploadId: 'u' });
    expect(result.uploads[0]).toMatchObject({ Status: 'Failed', Error: { Code: 'RequestFailed' }, errorExit: 255 });
    expect(s.count('abort')).toBe(1);
  });

  it('reports a 500 after an attempt that was never answered as Unconfirmed', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u' }]);
    s.hooks.abort = () => {
      // attempt 1 timed out after it was sent, attempt 2 got a 500
      throw new ServiceError('InternalError', 'We encountered an internal error.', 500, 'An error occurred (InternalError)', 2, true);
    };
    const { result } = await run(s, { allUploads: false, key: 'k', uploadId: 'u' });
    expect(result.uploads[0]).toMatchObject({ Status: 'Unconfirmed', Error: { Code: 'InternalError' } });
  });

  it('does not retry AccessDenied, and the others carry on', async () => {
    const s = new FakeSession(manyUploads(5, (i) => `k${i}`, (i) => `u${i}`));
    s.hooks.abort = (input) => {
      if (input.UploadId === 'u2') throw accessDenied();
    };
    const { result } = await run(s);
    expect(statuses(result)).toEqual(['Aborted', 'Aborted', 'Failed', 'Aborted', 'Aborted']);
    expect(s.calls.filter((c) => c.input.UploadId === 'u2')).toHaveLength(1);
  });

  it('retries a listing page that failed transiently', async () => {
    const s = new FakeSession(manyUploads(12, (i) => `k${String(i).padStart(2, '0')}`));
    let n = 0;
    s.hooks.list = () => {
      if (n++ === 1) throw internalError('ListMultipartUploads');
    };
    const { result } = await run(s, { pageSize: 5 });
    expect(result.listing).toEqual({ complete: true, pages: 3 });
    expect(result.uploads).toHaveLength(12);
    expect(s.count('list')).toBe(4);
  });

  it('stops at a listing error: NoSuchBucket is not retried and nothing is selected', async () => {
    const s = new FakeSession([], false);
    const { result } = await run(s);
    expect(result.uploads).toEqual([]);
    expect(result.listing?.error).toMatchObject({ code: 'NoSuchBucket', exitCode: 254 });
    expect(result.listing).toMatchObject({ complete: false, pages: 0 });
    expect(s.count('list')).toBe(1);
  });

  it('keeps what page 1 selected when page 2 fails', async () => {
    const s = new FakeSession(manyUploads(8, (i) => `k${i}`));
    let n = 0;
    s.hooks.list = () => {
      if (n++ === 1) throw accessDenied('ListMultipartUploads');
    };
    const { result } = await run(s, { pageSize: 5 });
    expect(result.uploads).toHaveLength(5);
    expect(statuses(result).every((x) => x === 'Aborted')).toBe(true);
    expect(result.listing?.error).toMatchObject({ code: 'AccessDenied' });
    expect(result.listing).toMatchObject({ complete: false, pages: 1 });
  });
});

describe('signals', () => {
  it('on the first signal starts nothing new, lets the aborts in flight finish, and reports queued uploads Skipped', async () => {
    const controller = new AbortController();
    const s = new FakeSession(manyUploads(60, (i) => `k${String(i).padStart(2, '0')}`, (i) => `u${i}`)).watchStop(controller.signal);
    let done = 0;
    s.hooks.abort = async (_input, signal) => {
      await wait(10, signal);
      if (++done === 8) setImmediate(() => controller.abort('SIGTERM'));
    };
    const { result } = await run(s, { concurrency: 4, pageSize: 20 }, { signal: controller.signal });

    expect(result.stopped).toEqual({ signal: 'SIGTERM' });
    expect(result.listing?.error).toBeUndefined();
    const got = ids(result.uploads);
    expect(new Set(got).size).toBe(got.length);
    expect(got).toEqual(Array.from({ length: got.length }, (_, i) => `u${i}`));
    const count = (st: string) => result.uploads.filter((u) => u.Status === st).length;
    // every abort that was sent finished and is reported as what it was
    expect(count('Aborted')).toBeGreaterThanOrEqual(8);
    expect(count('Aborted')).toBe(s.aborts.size);
    expect(count('Aborted')).toBe(s.count('abort'));
    expect(count('Skipped')).toBeGreaterThan(0);
    expect(count('Aborted') + count('Skipped')).toBe(got.length);
    expect(got.length).toBeLessThan(60);
    expect(s.startedAfterSignal).toBe(0);
  });

  it('on the second signal cancels the aborts in flight: Unconfirmed, since S3 may have applied them', async () => {
    const stop = new AbortController();
    const cancel = new AbortController();
    const s = new FakeSession(manyUploads(20, (i) => `k${String(i).padStart(2, '0')}`, (i) => `u${i}`)).watchStop(stop.signal);
    let started = 0;
    s.hooks.abort = async (_input, signal) => {
      if (++started === 6) {
        setImmediate(() => {
          stop.abort('SIGINT');
          setImmediate(() => cancel.abort('SIGINT'));
        });
      }
      await wait(started <= 2 ? 0 : 10_000, signal);
    };
    const began = Date.now();
    const { result } = await run(s, { concurrency: 4 }, { signal: stop.signal, cancel: cancel.signal });
    expect(Date.now() - began).toBeLessThan(5000);
    const count = (st: string) => result.uploads.filter((u) => u.Status === st).length;
    expect(result.stopped).toEqual({ signal: 'SIGINT' });
    expect(count('Aborted')).toBe(2);
    expect(count('Unconfirmed')).toBe(4);
    for (const u of result.uploads.filter((x) => x.Status === 'Unconfirmed')) {
      expect(u.Error).toEqual({ Code: 'Interrupted', Message: 'cancelled before S3 answered' });
    }
    expect(count('Aborted') + count('Unconfirmed') + count('Skipped')).toBe(result.uploads.length);
    expect(s.startedAfterSignal).toBe(0);
  });

  it('lets a listing page in flight finish on the first signal, then selects nothing from it', async () => {
    const controller = new AbortController();
    const s = new FakeSession(manyUploads(5, (i) => `k${i}`));
    s.hooks.list = (_i, signal) => {
      setImmediate(() => controller.abort('SIGHUP'));
      return wait(30, signal);
    };
    const { result } = await run(s, {}, { signal: controller.signal });
    expect(result).toEqual({ dryRun: false, uploads: [], listing: { complete: false, pages: 1 }, stopped: { signal: 'SIGHUP' } });
    expect(s.count('abort')).toBe(0);
  });

  it('cancels a listing page in flight on the second signal, with no listing error', async () => {
    const stop = new AbortController();
    const cancel = new AbortController();
    const s = new FakeSession(manyUploads(5, (i) => `k${i}`));
    s.hooks.list = (_i, signal) => {
      setImmediate(() => {
        stop.abort('SIGINT');
        cancel.abort('SIGINT');
      });
      return wait(10_000, signal);
    };
    const { result } = await run(s, {}, { signal: stop.signal, cancel: cancel.signal });
    expect(result).toEqual({ dryRun: false, uploads: [], listing: { complete: false, pages: 0 }, stopped: { signal: 'SIGINT' } });
  });

  it('sends nothing when the signal fired before the run', async () => {
    const controller = new AbortController();
    controller.abort('SIGINT');
    const s = new FakeSession(manyUploads(5, (i) => `k${i}`));
    const { result } = await run(s, {}, { signal: controller.signal });
    expect(s.calls).toEqual([]);
    expect(result.stopped).toEqual({ signal: 'SIGINT' });
  });

  it('cuts a retry backoff short and does not retry: the upload keeps what S3 last said', async () => {
    const controller = new AbortController();
    const s = new FakeSession([{ Key: 'k', UploadId: 'u' }]);
    s.hooks.abort = () => {
      setTimeout(() => controller.abort('SIGINT'), 20);
      throw internalError();
    };
    const started = Date.now();
    // the real sleep: the first backoff would be 500..1000 ms
    const result = await runBulk(s, options(), { signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(400);
    expect(result.uploads[0]).toMatchObject({ Status: 'Failed', Error: { Code: 'InternalError' } });
    expect(s.count('abort')).toBe(1);
  });

  it('keeps an abort that was confirmed Aborted when a signal stops its verification', async () => {
    const stop = new AbortController();
    const cancel = new AbortController();
    const s = new FakeSession([{ Key: 'k', UploadId: 'u' }]);
    s.hooks.parts = (_i, signal) => {
      setImmediate(() => {
        stop.abort('SIGINT');
        cancel.abort('SIGINT');
      });
      return wait(10_000, signal);
    };
    const { result } = await run(s, { verify: true }, { signal: stop.signal, cancel: cancel.signal });
    expect(result.uploads[0]).toEqual({ Key: 'k', UploadId: 'u', Status: 'Aborted', Verified: false });
    expect(s.abortsOf('u')).toBe(1);
  });
});

describe('service errors of every kind', () => {
  it('keeps the code and message of an unexpected service error', async () => {
    const s = new FakeSession([{ Key: 'k', UploadId: 'u' }]);
    s.hooks.abort = () => {
      throw serviceError('PreconditionFailed', 412, 'At least one of the pre-conditions you specified did not hold');
    };
    const { result } = await run(s);
    expect(result.uploads[0]?.Error).toEqual({ Code: 'PreconditionFailed', Message: 'At least one of the pre-conditions you specified did not hold' });
  });
});
