// The built CLI in bulk mode against the S3 simulator: exit codes 1, 254 and 255, listing errors
// worded as the single operation words them, --ignore-missing, and SIGINT on a real process.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, makeTmp } from '../support/run-cli.js';
import { removeTmp } from '../support/tmp.js';
import { cli, counts, expectUnique, sim, stopSimsAfterEach, summary, type Doc } from './e2e-helpers.js';

stopSimsAfterEach();

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
    expect(summary(doc)).toEqual({ Selected: 4, Aborted: 2, AlreadyGone: 0, Unconfirmed: 0, Failed: 2 });
  });

  it('exits 254 when every upload fails with a service error', async () => {
    const s = await sim({ denyAbort: () => true });
    s.seedUploads(['a', 'b', 'c'].map((key) => ({ bucket: 'deny', key })));
    const r = await cli(s, 'deny', ['--all-uploads']);
    expect(r).toMatchObject({ code: 254, stderr: '' });
    expect(summary(JSON.parse(r.stdout) as Doc)).toEqual({ Selected: 3, Aborted: 0, AlreadyGone: 0, Unconfirmed: 0, Failed: 3 });
  });

  it('exits 255 when no abort got an answer: Unconfirmed, RequestFailed, no rounds on top of the client', async () => {
    const s = await sim({ faults: { share: 1, kinds: ['reset'], operations: ['AbortMultipartUpload'] } });
    s.seedUploads([{ bucket: 'down', key: 'k' }]);
    const r = await cli(s, 'down', ['--all-uploads'], { env: { AWS_MAX_ATTEMPTS: '2' } });
    expect(r).toMatchObject({ code: 255, stderr: '' });
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.Uploads[0]?.Status).toBe('Unconfirmed');
    expect(doc.Uploads[0]?.Error?.Code).toBe('RequestFailed');
    expect(doc.Uploads[0]?.Error?.Message).toMatch(
      /^Connection was closed before we received a valid response from endpoint URL: "http:\/\/127\.0\.0\.1:\d+\/down\/k\?uploadId=[^"]+"\.$/,
    );
    // the client's two attempts and nothing more: a bulk run fails within a single abort's bound
    expect(s.stats().requests.AbortMultipartUpload).toBe(2);
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
      Summary: { Selected: 1, Aborted: 0, AlreadyGone: 1, Unconfirmed: 0, Failed: 0 },
    });
  });
});

describe('SIGINT', () => {
  it('on SIGINT stops starting aborts, lets those in flight finish, prints the partial result and a newline, exits 130', async () => {
    const s = await sim({ delay: { ms: 150, operations: ['AbortMultipartUpload'] } });
    s.seedUploads(Array.from({ length: 300 }, (_, i) => ({ bucket: 'slow', key: `k/${String(i).padStart(3, '0')}` })));
    const { code, stdout, stderr, sentAt, elapsedMs } = await signalled(s, 'slow', [['SIGINT', 14]]);
    const sent = s.stats().requests.AbortMultipartUpload;

    expect(code).toBe(130);
    expect(elapsedMs).toBeLessThan(10_000);
    expect(stderr).toBe('');
    expect(stdout.endsWith('}\n\n')).toBe(true);
    const doc = JSON.parse(stdout) as Doc;
    expectUnique(doc);
    const c = counts(doc);
    expect(c.Skipped).toBeGreaterThan(0);
    expect(doc.Summary).toEqual({ Selected: doc.Uploads.length, Aborted: c.Aborted, AlreadyGone: 0, Unconfirmed: 0, Failed: 0, Skipped: c.Skipped });
    expect(doc.Stopped).toBe('signal SIGINT');
    // the signal is handled within a turn of the event loop: at most the workers' next aborts
    // start after it, and nothing after that; every abort sent finished and was confirmed
    expect(sent - sentAt).toBeLessThanOrEqual(4);
    expect(c.Aborted).toBe(sent);
    expect(c.Aborted).toBeGreaterThanOrEqual(14);
    for (const u of doc.Uploads) {
      if (u.Status === 'Aborted') expect(s.abortCount(u.UploadId)).toBe(1);
      if (u.Status === 'Skipped') expect(s.abortRequests(u.UploadId)).toBe(0);
    }
    expect(s.liveUploads('slow').length).toBe(300 - c.Aborted!);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('on %s does what SIGINT does (without the newline) and exits %i', async (signal, exitCode) => {
    const s = await sim({ delay: { ms: 100, operations: ['AbortMultipartUpload'] } });
    s.seedUploads(Array.from({ length: 200 }, (_, i) => ({ bucket: 'term', key: `k/${String(i).padStart(3, '0')}` })));
    const { code, stdout, stderr } = await signalled(s, 'term', [[signal, 10]]);
    expect(code).toBe(exitCode);
    expect(stderr).toBe('');
    expect(stdout.endsWith('}\n')).toBe(true);
    const doc = JSON.parse(stdout) as Doc;
    expectUnique(doc);
    const c = counts(doc);
    expect(doc.Stopped).toBe(`signal ${signal}`);
    expect(c.Aborted).toBe(s.stats().requests.AbortMultipartUpload);
    expect(doc.Uploads.filter((u) => u.Status === 'Aborted').every((u) => s.abortCount(u.UploadId) === 1)).toBe(true);
    expect(c.Skipped).toBe(doc.Uploads.length - c.Aborted!);
    expect(s.liveUploads('term').length).toBe(200 - c.Aborted!);
  });

  it('on a second signal cancels the aborts in flight at once: Unconfirmed, with what the server did', async () => {
    // the server answers after 20 s: only cancelling ends the run soon
    const s = await sim({ delay: { ms: 20_000, operations: ['AbortMultipartUpload'] } });
    s.seedUploads(Array.from({ length: 50 }, (_, i) => ({ bucket: 'hang', key: `k/${String(i).padStart(2, '0')}` })));
    const { code, stdout, stderr, elapsedMs } = await signalled(s, 'hang', [['SIGTERM', 4], ['SIGTERM', 4]]);
    expect(code).toBe(143);
    expect(stderr).toBe('');
    expect(elapsedMs).toBeLessThan(10_000);
    const doc = JSON.parse(stdout) as Doc;
    expectUnique(doc);
    const c = counts(doc);
    expect(c.Unconfirmed).toBe(4);
    expect(c.Skipped).toBe(doc.Uploads.length - 4);
    for (const u of doc.Uploads.filter((x) => x.Status === 'Unconfirmed')) {
      expect(u.Error).toEqual({ Code: 'Interrupted', Message: 'cancelled before S3 answered' });
      expect(s.abortRequests(u.UploadId)).toBe(1);
    }
  });
});

/**
 * Runs a bulk abort of `bucket` as its own process and sends each signal once the server has seen
 * that many aborts; resolves when the process has exited.
 */
async function signalled(
  s: Awaited<ReturnType<typeof sim>>,
  bucket: string,
  signals: readonly (readonly [NodeJS.Signals, number])[],
): Promise<{ code: number | null; stdout: string; stderr: string; sentAt: number; elapsedMs: number }> {
  // spawned directly (with runCli's clean environment) because the test must signal the process
  const tmp = makeTmp();
  const child = spawn(process.execPath, [BIN, '--endpoint-url', s.url, '--bucket', bucket, '--all-uploads', '--concurrency', '4'], {
    env: cleanEnv(tmp),
    cwd: tmp,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  let next = 0;
  let sentAt = -1;
  s.onRequest((r) => {
    if (r.operation !== 'AbortMultipartUpload') return;
    const n = s.stats().requests.AbortMultipartUpload;
    // later signals follow in later turns, once the earlier one has been taken
    while (next < signals.length && n >= signals[next]![1]) {
      const [signal] = signals[next]!;
      if (next === 0) sentAt = n;
      setTimeout(() => child.kill(signal), next * 200);
      next++;
    }
  });
  const before = Date.now();
  try {
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    return { code, stdout, stderr, sentAt, elapsedMs: Date.now() - before };
  } finally {
    removeTmp(tmp);
  }
}
