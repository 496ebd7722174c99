// The built CLI in bulk mode against the S3 simulator: thousands of uploads over several pages
// (one key straddling page boundaries), filters, --verify against the late-part race, random
// faults, dry runs, every output format, the concurrency bound.
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { isoTimestamp } from '../../src/bulk/bulk-result.js';
import type { S3Sim, SeedUpload } from '../support/s3-sim.js';
import { cli, counts, expectUnique, sim, stopSimsAfterEach, summary, type Doc } from './e2e-helpers.js';

stopSimsAfterEach();

const DAY = 86_400_000;

describe('bulk cleanup, end to end', () => {
  it('aborts 2,500-upload selections exactly once across pages, one key straddling two page boundaries', async () => {
    const s = await sim();
    const now = Date.now();
    const seeds: SeedUpload[] = [];
    // listing positions under data/: 0..149 keys, 150..2249 one key (crossing 1000 and 2000), 2250..2349
    for (let i = 0; i < 150; i++) seeds.push({ bucket: 'big', key: `data/a/${String(i).padStart(4, '0')}`, initiated: new Date(now - 30 * DAY + i * 1000) });
    for (let i = 0; i < 2100; i++) {
      // every 20th upload of the key is recent: --older-than leaves it alone
      const recent = i % 20 === 7;
      seeds.push({ bucket: 'big', key: 'data/same key+ü.bin', initiated: new Date(recent ? now - 3600_000 + i : now - 20 * DAY + i * 1000 + (i % 3)) });
    }
    for (let i = 0; i < 100; i++) seeds.push({ bucket: 'big', key: `data/z/${i}`, initiated: new Date(now - 10 * DAY) });
    for (let i = 0; i < 150; i++) seeds.push({ bucket: 'big', key: `logs/${i}`, initiated: new Date(now - 90 * DAY) });
    s.seedUploads(seeds);
    const all = s.uploads('big');
    expect(all).toHaveLength(2500);
    const selected = all.filter((u) => u.key.startsWith('data/') && u.initiated.getTime() < now - 7 * DAY);
    const others = all.filter((u) => !selected.includes(u));
    expect(selected).toHaveLength(2245);

    const r = await cli(s, 'big', ['--all-uploads', '--prefix', 'data/', '--older-than', '7d', '--concurrency', '32']);
    expect(r.stderr).toBe(''); // no progress line off a terminal, no MaxListenersExceededWarning
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(Object.keys(doc)).toEqual(['DryRun', 'Cutoff', 'Uploads', 'Listing', 'Summary']);
    expect(doc.DryRun).toBe(false);
    // seven days before S3's clock (the simulator's Date header), in the AWS CLI's timestamp form
    expect(doc.Cutoff).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(Math.abs(Date.parse(doc.Cutoff!) - (now - 7 * DAY))).toBeLessThan(60_000);
    expect(doc.Listing).toEqual({ Complete: true, Pages: 3 });
    expect(summary(doc)).toEqual({ Selected: 2245, Aborted: 2245, AlreadyGone: 0, Unconfirmed: 0, Failed: 0 });
    expect(Object.keys(doc.Summary)).toEqual(['Selected', 'Aborted', 'AlreadyGone', 'Unconfirmed', 'Failed']);
    // listing order, with the simulator's Initiated printed as the AWS CLI prints timestamps
    expect(doc.Uploads).toEqual(
      selected.map((u) => ({ Key: u.key, UploadId: u.uploadId, Initiated: isoTimestamp(u.initiated), Status: 'Aborted' })),
    );
    for (const u of doc.Uploads) expect(Object.keys(u)).toEqual(['Key', 'UploadId', 'Initiated', 'Status']);
    expect(doc.Uploads.some((u) => /\.\d{6}\+00:00$/.test(u.Initiated ?? ''))).toBe(true);

    expect(selected.every((u) => s.abortCount(u.uploadId) === 1 && s.abortRequests(u.uploadId) === 1)).toBe(true);
    expect(others.every((u) => !s.touched(u.uploadId) && s.upload(u.uploadId)?.state === 'live')).toBe(true);
    expect(s.liveUploads('big')).toHaveLength(255);

    // three pages, each continuing from both markers of the last; the key's uploads span them
    const lists = s.log().filter((q) => q.operation === 'ListMultipartUploads');
    expect(lists).toHaveLength(3);
    const q = lists.map((l) => new URLSearchParams(l.query));
    expect(q.map((p) => p.get('prefix'))).toEqual(['data/', 'data/', 'data/']);
    expect(q.map((p) => p.get('max-uploads'))).toEqual(['1000', '1000', '1000']);
    const sameKey = all.filter((u) => u.key === 'data/same key+ü.bin').map((u) => u.uploadId);
    expect(q.map((p) => [p.get('key-marker'), p.get('upload-id-marker')])).toEqual([
      [null, null],
      ['data/same key+ü.bin', sameKey[849]],
      ['data/same key+ü.bin', sameKey[1849]],
    ]);
    expect(s.stats().requests).toMatchObject({ AbortMultipartUpload: 2245, ListParts: 0, Unsupported: 0 });
    // 2,245 aborts cost the CLI about 7 s of CPU on the 2-core test machine (8-35 s of wall time
    // while the other projects run beside it): more than the e2e project's 60 s allows for
  }, 120_000);

  it('--verify aborts again the uploads a late part survived; without it they stay, Aborted and unverified', async () => {
    const seeds = (s: S3Sim) =>
      s.seedUploads(Array.from({ length: 30 }, (_, i) => ({ bucket: 'race', key: `k/${i}`, parts: 3, ...(i % 3 === 0 ? { partsAfterAbort: 2 } : {}) })));
    const racing = (i: number) => i % 3 === 0;

    const v = await sim();
    const ids = seeds(v);
    const r = await cli(v, 'race', ['--all-uploads', '--verify']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.Uploads.map((u) => [u.UploadId, u.Status, u.Verified])).toEqual(v.uploads('race').map((u) => [u.uploadId, 'Aborted', true]));
    for (const u of doc.Uploads) expect(Object.keys(u)).toEqual(['Key', 'UploadId', 'Initiated', 'Status', 'Verified']);
    ids.forEach((id, i) => expect(v.abortCount(id)).toBe(racing(i) ? 2 : 1));
    expect(v.uploads('race').every((u) => u.state === 'gone')).toBe(true);
    const partsCalls = v.log().filter((q) => q.operation === 'ListParts');
    expect(partsCalls).toHaveLength(40); // one check each, and a second for the ten racing uploads

    const n = await sim();
    const ids2 = seeds(n);
    const plain = await cli(n, 'race', ['--all-uploads']);
    expect(plain).toMatchObject({ code: 0, stderr: '' });
    const doc2 = JSON.parse(plain.stdout) as Doc;
    expect(doc2.Uploads.every((u) => u.Status === 'Aborted' && !('Verified' in u))).toBe(true);
    expect(n.stats().requests.ListParts).toBe(0);
    ids2.forEach((id, i) => {
      expect(n.abortCount(id)).toBe(1);
      expect(n.upload(id)).toMatchObject(racing(i) ? { state: 'survivor', parts: 2 } : { state: 'gone' });
    });
  });

  it('finishes through 10% faults (500, SlowDown, resets) accounting for every upload once; a second run with --ignore-missing completes the rest', async () => {
    const s = await sim({
      faults: { share: 0.1, seed: 42, kinds: ['internal-error', 'slow-down', 'reset', 'reset-after'] },
      // permissions fixed between the runs
      denyAbort: (_b, key) => key.startsWith('locked/'),
    });
    const seeds: SeedUpload[] = [];
    for (let i = 0; i < 1100; i++) seeds.push({ bucket: 'flaky', key: `${i % 25 === 0 ? 'locked' : 'open'}/${String(i).padStart(4, '0')}` });
    s.seedUploads(seeds);
    const all = s.uploads('flaky');

    const first = await cli(s, 'flaky', ['--all-uploads', '--concurrency', '48']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    const doc = JSON.parse(first.stdout) as Doc;
    expectUnique(doc);
    expect(doc.Uploads.map((u) => u.UploadId)).toEqual(all.map((u) => u.uploadId));
    const c = counts(doc);
    expect(summary(doc)).toEqual({ Selected: 1100, Aborted: c.Aborted, AlreadyGone: 0, Unconfirmed: c.Unconfirmed ?? 0, Failed: c.Failed });
    expect((c.Aborted ?? 0) + (c.Failed ?? 0) + (c.Unconfirmed ?? 0)).toBe(1100);
    for (const u of doc.Uploads) {
      if (u.Status === 'Aborted') {
        expect(s.abortCount(u.UploadId)).toBe(1);
      } else if (u.Status === 'Failed') {
        // S3 said no: only the denied keys. An abort whose reply was lost (reset after S3 applied
        // it) and whose retry inside the client found NoSuchUpload is reported Aborted
        expect(u.Key.startsWith('locked/')).toBe(true);
        expect(u.Error).toEqual({ Code: 'AccessDenied', Message: 'Access Denied' });
        expect(s.upload(u.UploadId)?.state).toBe('live');
      } else {
        // every attempt reset: S3 may or may not have applied it, and says which on a re-run
        expect(u.Status).toBe('Unconfirmed');
        expect(s.abortCount(u.UploadId)).toBeLessThanOrEqual(1);
      }
    }
    const stats = s.stats();
    expect(stats.faults['internal-error'] + stats.faults['slow-down'] + stats.faults.reset + stats.faults['reset-after']).toBeGreaterThan(80);

    // permissions fixed, and only answered faults left (the run's own rounds get past them)
    s.configure({ denyAbort: null, faults: { share: 0.1, seed: 43, kinds: ['internal-error', 'slow-down'] } });
    const left = s.liveUploads('flaky').map((u) => u.uploadId);
    // what is left is what S3 refused, and the unconfirmed ones S3 had not applied
    const expectedLeft = doc.Uploads.filter((u) => u.Status === 'Failed' || (u.Status === 'Unconfirmed' && s.upload(u.UploadId)?.state === 'live'));
    expect(new Set(left)).toEqual(new Set(expectedLeft.map((u) => u.UploadId)));
    expect(left.length).toBeGreaterThanOrEqual(c.Failed ?? 0);
    const second = await cli(s, 'flaky', ['--all-uploads', '--ignore-missing', '--concurrency', '48']);
    expect(second).toMatchObject({ code: 0, stderr: '' });
    const doc2 = JSON.parse(second.stdout) as Doc;
    expectUnique(doc2);
    expect(doc2.Uploads.map((u) => u.UploadId)).toEqual(left);
    expect(doc2.Uploads.every((u) => u.Status === 'Aborted' || u.Status === 'AlreadyGone')).toBe(true);
    expect(s.liveUploads('flaky')).toEqual([]);
    expect(all.every((u) => s.abortCount(u.uploadId) === 1)).toBe(true);
    // two runs over 1,100 uploads with retries: like the 2,500-upload run, CPU-bound in the CLI
  }, 120_000);

  it("counts an abort whose reply was lost as Aborted when the client's own retry finds the upload gone", async () => {
    const s = await sim({ faults: { share: 0.3, seed: 3, kinds: ['reset-after'], operations: ['AbortMultipartUpload'] } });
    const ids = s.seedUploads(Array.from({ length: 40 }, (_, i) => ({ bucket: 'lost', key: `k${i}` })));
    const r = await cli(s, 'lost', ['--all-uploads', '--concurrency', '40'], { env: { AWS_MAX_ATTEMPTS: '5' } });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(s.stats().faults['reset-after']).toBeGreaterThan(5);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(summary(doc)).toEqual({ Selected: 40, Aborted: 40, AlreadyGone: 0, Unconfirmed: 0, Failed: 0 });
    expect(ids.every((id) => s.abortCount(id) === 1)).toBe(true);
  });

  it('reports an abort whose only reply was lost as Unconfirmed (never Failed); a re-run settles it', async () => {
    const s = await sim({ faults: { share: 0.3, seed: 3, kinds: ['reset-after'], operations: ['AbortMultipartUpload'] } });
    const ids = s.seedUploads(Array.from({ length: 40 }, (_, i) => ({ bucket: 'lost', key: `k${i}` })));
    // no retries inside the client, and the run adds none for an unanswered request
    const r = await cli(s, 'lost', ['--all-uploads', '--concurrency', '40'], { env: { AWS_MAX_ATTEMPTS: '1' } });
    expect(r).toMatchObject({ code: 1, stderr: '' });
    const doc = JSON.parse(r.stdout) as Doc;
    const c = counts(doc);
    expect(c.Unconfirmed).toBe(s.stats().faults['reset-after']);
    expect(summary(doc)).toEqual({ Selected: 40, Aborted: 40 - c.Unconfirmed!, AlreadyGone: 0, Unconfirmed: c.Unconfirmed, Failed: 0 });
    // the server did remove them: Unconfirmed, not Failed, because S3 may have applied it
    for (const u of doc.Uploads.filter((x) => x.Status === 'Unconfirmed')) {
      expect(s.abortCount(u.UploadId)).toBe(1);
      expect(u.Error?.Message).toMatch(/^Connection was closed before we received a valid response/);
    }
    expect(s.stats().requests.AbortMultipartUpload).toBe(40);
    s.configure({ faults: null });
    const again = await cli(s, 'lost', ['--all-uploads', '--ignore-missing']);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(summary(JSON.parse(again.stdout) as Doc).Selected).toBe(0);
    expect(ids.every((id) => s.abortCount(id) === 1)).toBe(true);
  });

  it('--dry-run reports WouldAbort and sends nothing but the listing', async () => {
    const s = await sim();
    const ids = s.seedUploads(Array.from({ length: 1003 }, (_, i) => ({ bucket: 'dry', key: `k/${i % 3}`, parts: 2 })));
    const r = await cli(s, 'dry', ['--all-uploads', '--dry-run', '--verify']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.DryRun).toBe(true);
    expect(doc.Uploads.map((u) => u.UploadId).sort()).toEqual([...ids].sort());
    expect(doc.Uploads.every((u) => u.Status === 'WouldAbort' && !('Verified' in u))).toBe(true);
    expect(summary(doc)).toEqual({ Selected: 1003, Aborted: 0, AlreadyGone: 0, Unconfirmed: 0, Failed: 0 });
    expect(s.stats().requests).toEqual({ ListMultipartUploads: 2, ListParts: 0, AbortMultipartUpload: 0, Unsupported: 0 });
    expect(s.liveUploads('dry')).toHaveLength(1003);
  });

  it('prints the result with --output text, table and yaml, and through --query', async () => {
    const s = await sim();
    const t0 = new Date(Date.UTC(2026, 10, 20, 10, 0, 0));
    const [a, b] = s.seedUploads([
      { bucket: 'fmt', key: 'a b', uploadId: 'ua', initiated: t0 },
      { bucket: 'fmt', key: 'c', uploadId: 'ub', initiated: new Date(t0.getTime() + 1500) },
    ]);
    // without --older-than the cutoff is 24 hours before S3's clock
    const byDefault = await cli(s, 'fmt', ['--all-uploads', '--dry-run']);
    expect(Math.abs(Date.parse((JSON.parse(byDefault.stdout) as Doc).Cutoff!) - (Date.now() - DAY))).toBeLessThan(60_000);
    // a fixed cutoff, so that every run prints the same document
    const dry = ['--all-uploads', '--dry-run', '--older-than', '2026-11-25T00:00:00Z'];

    const json = await cli(s, 'fmt', [...dry, '--output', 'json']);
    const expected: Doc = {
      DryRun: true,
      Cutoff: '2026-11-25T00:00:00+00:00',
      Uploads: [
        { Key: 'a b', UploadId: a!, Initiated: '2026-11-20T10:00:00+00:00', Status: 'WouldAbort' },
        { Key: 'c', UploadId: b!, Initiated: '2026-11-20T10:00:01.500000+00:00', Status: 'WouldAbort' },
      ],
      Listing: { Complete: true, Pages: 1 },
      Summary: { Selected: 2, Aborted: 0, AlreadyGone: 0, Unconfirmed: 0, Failed: 0 },
    };
    expect(JSON.parse(json.stdout)).toEqual(expected);

    const yaml = await cli(s, 'fmt', [...dry, '--output', 'yaml']);
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toContain("- Initiated: '2026-11-20T10:00:00+00:00'\n  Key: a b\n  Status: WouldAbort\n");
    expect(loadYaml(yaml.stdout)).toEqual(expected);

    const text = await cli(s, 'fmt', [...dry, '--output', 'text', '--query', 'Uploads[].[Key,Status]']);
    expect(text).toMatchObject({ code: 0, stdout: 'a b\tWouldAbort\nc\tWouldAbort\n', stderr: '' });

    const textDoc = await cli(s, 'fmt', [...dry, '--output', 'text']);
    expect(textDoc.stdout).toContain('SUMMARY\t0\t0\t0\t2\t0\n');
    expect(textDoc.stdout).toContain('LISTING\tTrue\t1\n');

    const table = await cli(s, 'fmt', [...dry, '--output', 'table']);
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[1]).toMatch(/^\|\s+AbortMultipartUpload\s+\|$/);
    expect(table.stdout).toMatch(/\|\s+Summary\s+\|/);
    expect(table.stdout).toMatch(/\|\|\s+Aborted\s+\|\s+AlreadyGone\s+\|\s+Failed\s+\|\s+Selected\s+\|\s+Unconfirmed\s+\|\|/);
    expect(table.stdout).toMatch(/\|\|\s+2026-11-20T10:00:00\+00:00\s+\|\s+a b\s+\|\s+WouldAbort\s+\|\s+ua\s+\|\|/);

    const q = await cli(s, 'fmt', [...dry, '--query', 'Summary.Selected']);
    expect(q).toMatchObject({ code: 0, stdout: '2\n' });
    expect(s.stats().requests.AbortMultipartUpload).toBe(0);
  });

  it('never has more than --concurrency uploads in flight at the server', async () => {
    const s = await sim({ delay: { ms: 25, operations: ['AbortMultipartUpload', 'ListParts'] } });
    s.seedUploads(Array.from({ length: 60 }, (_, i) => ({ bucket: 'conc', key: `k${i}` })));
    const r = await cli(s, 'conc', ['--all-uploads', '--verify', '--concurrency', '5']);
    expect(r.code).toBe(0);
    expect(s.stats().maxInFlightPerUpload).toBe(5);
  });
});

