// The built CLI in bulk mode against the S3 simulator: exit codes 1, 254 and 255, listing errors
// worded as the single operation words them, --ignore-missing, and SIGINT on a real process.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, makeTmp } from '../support/run-cli.js';
import { removeTmp } from '../support/tmp.js';
import { cli, counts, expectUnique, sim, stopSimsAfterEach, summary, type Doc } from './e2e-helpers.js';

stopSimsAfterEach();
let ownTmp: string | undefined;
afterEach(() => {
  removeTmp(ownTmp);
  ownTmp = undefined;
});

describe('exit codes', () => {
  it('exits 1 when some uploads fail, with each failure in the result', async () => {
    const s = await sim({ denyAbort: (_b, key) => key.startsWith('locked/') });
    s.seedUploads(['locked/1', 'open/1', 'open/2', 'locked/2'].map((key) => ({ bucket: 'part', key })));
    const r = await cli(s, 'part', ['--all-uploads']);
    expect(r).toMatchObject({ code: 1, stderr: '' });
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.Uploads.map((u) => [u.Key, u.Status, u.Error])).toEqual([
      ['locked/1', 'Failed', { Code: 'AccessDenied', Message: 'Access Denied' }],
      ['locked/2', 'Failed', { Code: 'AccessDenied', Message: 'Access Denied' }],
      ['open/1', 'Aborted', undefined],
      ['open/2', 'Aborted', undefined],
    ]);
    expect(summary(doc)).toEqual({ Selected: 4, Aborted: 2, AlreadyGone: 0, Failed: 2 });
  });

  it('exits 254 when every upload fails with a service error', async () => {
    const s = await sim({ denyAbort: () => true });
    s.seedUploads(['a', 'b', 'c'].map((key) => ({ bucket: 'deny', key })));
    const r = await cli(s, 'deny', ['--all-uploads']);
    expect(r).toMatchObject({ code: 254, stderr: '' });
    expect(summary(JSON.parse(r.stdout) as Doc)).toEqual({ Selected: 3, Aborted: 0, AlreadyGone: 0, Failed: 3 });
  });

  it('exits 255 when every upload fails to connect, reported as RequestFailed', async () => {
    const s = await sim({ faults: { share: 1, kinds: ['reset'], operations: ['AbortMultipartUpload'] } });
    s.seedUploads([{ bucket: 'down', key: 'k' }]);
    const r = await cli(s, 'down', ['--all-uploads'], { env: { AWS_MAX_ATTEMPTS: '1' } });
    expect(r).toMatchObject({ code: 255, stderr: '' });
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.Uploads[0]?.Error?.Code).toBe('RequestFailed');
    expect(doc.Uploads[0]?.Error?.Message).toMatch(
      /^Connection was closed before we received a valid response from endpoint URL: "http:\/\/127\.0\.0\.1:\d+\/down\/k\?uploadId=[^"]+"\.$/,
    );
    expect(s.stats().requests.AbortMultipartUpload).toBe(4);
  });

  it('exits 254 on a listing error, worded as the single operation words it', async () => {
    const s = await sim();
    const r = await cli(s, 'missing-bucket', ['--all-uploads']);
    expect(r).toMatchObject({
      code: 254,
      stdout: '',
      stderr: '\nAn error occurred (NoSuchBucket) when calling the ListMultipartUploads operation: The specified bucket does not exist\n',
    });
  });

  it('keeps the AWS CLI behaviour for one missing upload without --ignore-missing, and AlreadyGone with it', async () => {
    const s = await sim();
    s.createBucket('one');
    const plain = await cli(s, 'one', ['--key', 'k', '--upload-id', 'gone', '--verify']);
    expect(plain.code).toBe(254);
    expect((JSON.parse(plain.stdout) as Doc).Uploads[0]?.Error?.Code).toBe('NoSuchUpload');
    const ignoring = await cli(s, 'one', ['--key', 'k', '--upload-id', 'gone', '--ignore-missing']);
    expect(ignoring.code).toBe(0);
    expect(JSON.parse(ignoring.stdout)).toEqual({
      DryRun: false,
      Uploads: [{ Key: 'k', UploadId: 'gone', Status: 'AlreadyGone' }],
      Summary: { Selected: 1, Aborted: 0, AlreadyGone: 1, Failed: 0 },
    });
  });
});

describe('SIGINT', () => {
  it('stops starting aborts, cancels those in flight, prints the partial result and a newline, exits 130', async () => {
    const s = await sim({ delay: { ms: 150, operations: ['AbortMultipartUpload'] } });
    s.seedUploads(Array.from({ length: 300 }, (_, i) => ({ bucket: 'slow', key: `k/${String(i).padStart(3, '0')}` })));
    // spawned directly (with runCli's clean environment) because the test must signal the process
    const tmp = (ownTmp = makeTmp());
    const child = spawn(process.execPath, [BIN, '--endpoint-url', s.url, '--bucket', 'slow', '--all-uploads', '--concurrency', '4'], {
      env: cleanEnv(tmp),
      cwd: tmp,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    let sentAt = -1;
    s.onRequest((r) => {
      if (r.operation !== 'AbortMultipartUpload') return;
      const n = s.stats().requests.AbortMultipartUpload;
      if (n === 14 && sentAt < 0) {
        sentAt = n;
        child.kill('SIGINT');
      }
    });
    const before = Date.now();
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    const sent = s.stats().requests.AbortMultipartUpload;

    expect(code).toBe(130);
    expect(Date.now() - before).toBeLessThan(10_000);
    expect(stderr).toBe('');
    expect(stdout.endsWith('}\n\n')).toBe(true);
    const doc = JSON.parse(stdout) as Doc;
    expectUnique(doc);
    const c = counts(doc);
    expect(c.Aborted).toBeGreaterThanOrEqual(9);
    expect(c.Skipped).toBeGreaterThan(0);
    expect(doc.Summary).toEqual({ Selected: doc.Uploads.length, Aborted: c.Aborted, AlreadyGone: 0, Failed: c.Failed ?? 0, Skipped: c.Skipped });
    // the signal is handled within a turn of the event loop: at most the workers' next aborts
    // start after it, and nothing after that; the ones in flight were cancelled
    expect(sent - sentAt).toBeLessThanOrEqual(4);
    for (const u of doc.Uploads) {
      if (u.Status === 'Aborted') expect(s.abortCount(u.UploadId)).toBe(1);
      if (u.Status === 'Failed') {
        expect(u.Error).toEqual({ Code: 'Interrupted', Message: 'interrupted before S3 confirmed the abort' });
        // the request was cancelled, but S3 may have applied it already: hence "not confirmed"
        expect(s.abortCount(u.UploadId)).toBeLessThanOrEqual(1);
      }
      if (u.Status === 'Skipped') expect(s.abortRequests(u.UploadId)).toBe(0);
    }
    expect((c.Aborted ?? 0) + (c.Failed ?? 0)).toBe(sent);
    const applied = doc.Uploads.filter((u) => u.Status === 'Failed' && s.abortCount(u.UploadId) === 1).length;
    expect(s.liveUploads('slow').length).toBe(300 - (c.Aborted ?? 0) - applied);
  });
});
