// A bulk run pointed at production, as whole processes against the S3 simulator: it never selects
// an upload younger than its cutoff (measured on S3's clock), and whatever ends it (a listing page
// that fails, SIGTERM, kill -9, a full disk, an endpoint that stops answering) the operator learns
// exactly what was aborted. Each time the simulator's own record of what it removed is compared
// with what s3abort reported.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startStub } from '../support/stub-server.js';
import { BIN, cleanEnv, makeTmp } from '../support/run-cli.js';
import type { S3Sim } from '../support/s3-sim.js';
import { cli, counts, expectUnique, sim, stopSimsAfterEach, type Doc } from './e2e-helpers.js';

stopSimsAfterEach();

const HOUR = 3600_000;

interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

/**
 * Runs s3abort as its own process in a fresh temporary folder (removed afterwards); `during` may
 * signal it. `stdoutFile` sends stdout to that file (/dev/full) instead of a pipe.
 */
async function spawnCli(
  args: string[],
  opts: {
    stdoutFile?: string;
    env?: Record<string, string>;
    during?: (kill: (s: NodeJS.Signals) => void, tmp: string) => void;
    /** another program to run instead of s3abort (a reference CLI) */
    command?: readonly string[];
  } = {},
): Promise<Spawned & { tmp: string; cleanup: () => void }> {
  const tmp = makeTmp();
  const out = opts.stdoutFile !== undefined ? openSync(opts.stdoutFile, 'w') : 'pipe';
  const [program, ...pre] = opts.command ?? [process.execPath, BIN];
  const child = spawn(program!, [...pre, ...args], { env: cleanEnv(tmp, opts.env), cwd: tmp, stdio: ['ignore', out, 'pipe'] });
  if (typeof out === 'number') closeSync(out);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const started = Date.now();
  opts.during?.((s) => child.kill(s), tmp);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  return { code, signal, stdout, stderr, elapsedMs: Date.now() - started, tmp, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}

/** Calls f once the simulator has seen n aborts. */
function afterAborts(s: S3Sim, n: number, f: () => void): void {
  let fired = false;
  s.onRequest((r) => {
    if (r.operation === 'AbortMultipartUpload' && !fired && s.stats().requests.AbortMultipartUpload >= n) {
      fired = true;
      f();
    }
  });
}

function logRecords(path: string): Record<string, unknown>[] {
  const text = readFileSync(path, 'utf8');
  // every record is a whole line: nothing half-written, whatever ended the process
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('selection', () => {
  const seedAged = (s: S3Sim, bucket: string, now: number) =>
    s.seedUploads([
      { bucket, key: 'a/30h', initiated: new Date(now - 30 * HOUR) },
      { bucket, key: 'b/23h', initiated: new Date(now - 23 * HOUR) },
      { bucket, key: 'c/1s', initiated: new Date(now - 1000) },
    ]);

  it('leaves alone uploads initiated in the last 24 hours unless told otherwise; --older-than 0s takes every one', async () => {
    const s = await sim();
    const [old, young, fresh] = seedAged(s, 'ages', Date.now());
    const r = await cli(s, 'ages', ['--all-uploads']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.Uploads.map((u) => u.UploadId)).toEqual([old]);
    expect(Math.abs(Date.parse(doc.Cutoff!) - (Date.now() - 24 * HOUR))).toBeLessThan(60_000);
    expect(s.touched(young!) || s.touched(fresh!)).toBe(false);

    const all = await cli(s, 'ages', ['--all-uploads', '--older-than', '0s']);
    expect(JSON.parse(all.stdout).Summary).toMatchObject({ Selected: 2, Aborted: 2 });
    expect(s.liveUploads('ages')).toEqual([]);
  });

  it.each(['23:59', 'Friday', '2099-12-31', '30'])('refuses --older-than %j without sending a request (exit 252)', async (value) => {
    const s = await sim();
    seedAged(s, 'ages', Date.now());
    const r = await cli(s, 'ages', ['--all-uploads', '--older-than', value]);
    if (value === 'Friday' && new Date().getUTCDay() === 5) {
      // midnight of today, when today is a Friday: a time in the past
      expect(r.code).toBe(0);
      return;
    }
    expect(r.code).toBe(252);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(value === '30' ? /a number needs a unit: s \(seconds\), m \(minutes\)/ : /is \d{4}-\d\d-\d\dT[\d:]+\+00:00, after now \(/);
    expect(s.log()).toEqual([]);
  });

  it("measures ages on S3's clock: a local clock two days fast cannot make a fresh upload look old", async () => {
    const s = await sim({ clockOffsetMs: -48 * HOUR });
    const serverNow = Date.now() - 48 * HOUR;
    const [old] = seedAged(s, 'skew', serverNow);
    const r = await cli(s, 'skew', ['--all-uploads']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    // by the local clock all three would be over a day old
    expect(doc.Uploads.map((u) => u.UploadId)).toEqual([old]);
    expect(Math.abs(Date.parse(doc.Cutoff!) - (serverNow - 24 * HOUR))).toBeLessThan(60_000);
    expect(r.stderr).toMatch(/^s3abort: warning: this machine's clock is 4[78]h\d\dm ahead of S3's \(S3's Date: .* GMT\); ages are measured against S3's clock\n$/);
  });
});

describe('a report that survives', () => {
  it('says the listing stopped when page 2 fails (403), with its error; exits with it', async () => {
    const s = await sim({ denyListing: (_b, page) => page === 2 });
    const ids = s.seedUploads(Array.from({ length: 1500 }, (_, i) => ({ bucket: 'pages', key: `k/${String(i).padStart(4, '0')}` })));
    const r = await cli(s, 'pages', ['--all-uploads', '--concurrency', '32']);
    expect(r.code).toBe(254);
    expect(r.stderr).toBe('\nAn error occurred (AccessDenied) when calling the ListMultipartUploads operation: Access Denied\n');
    const doc = JSON.parse(r.stdout) as Doc;
    expectUnique(doc);
    expect(doc.Listing).toEqual({ Complete: false, Pages: 1, Error: { Code: 'AccessDenied', Message: 'Access Denied' } });
    expect(doc.Summary).toMatchObject({ Selected: 1000, Aborted: 1000, Failed: 0 });
    expect(ids.slice(0, 1000).every((id) => s.abortCount(id) === 1)).toBe(true);
    expect(s.liveUploads('pages')).toHaveLength(500);
  });

  it('--log keeps a whole line per finished upload through kill -9, each matching what the server did', async () => {
    const s = await sim({ delay: { ms: 20, operations: ['AbortMultipartUpload'] } });
    s.seedUploads(Array.from({ length: 400 }, (_, i) => ({ bucket: 'kill', key: `k/${String(i).padStart(3, '0')}` })));
    const r = await spawnCli(['--endpoint-url', s.url, '--bucket', 'kill', '--all-uploads', '--concurrency', '8', '--log', 'run.log'], {
      during: (kill) => afterAborts(s, 60, () => kill('SIGKILL')),
    });
    try {
      expect(r.signal).toBe('SIGKILL');
      expect(r.stdout).toBe('');
      const records = logRecords(join(r.tmp, 'run.log'));
      const removed = s.uploads('kill').filter((u) => s.abortCount(u.uploadId) === 1).map((u) => u.uploadId);
      // each record is an abort the server carried out; at most the ones in flight at the kill are missing
      expect(records.length).toBeGreaterThanOrEqual(50);
      for (const rec of records) {
        expect(rec).toMatchObject({ Bucket: 'kill', Status: 'Aborted' });
        expect(s.abortCount(String(rec.UploadId))).toBe(1);
        expect(Object.keys(rec)).toEqual(['Time', 'Bucket', 'Key', 'UploadId', 'Initiated', 'Status']);
      }
      expect(new Set(records.map((x) => x.UploadId)).size).toBe(records.length);
      expect(removed.length - records.length).toBeGreaterThanOrEqual(0);
      expect(removed.length - records.length).toBeLessThanOrEqual(8);
    } finally {
      r.cleanup();
    }
  });

  it('--log accounts for every selected upload of a run stopped by SIGTERM, as the document does', async () => {
    const s = await sim({ delay: { ms: 20, operations: ['AbortMultipartUpload'] } });
    s.seedUploads(Array.from({ length: 300 }, (_, i) => ({ bucket: 'term', key: `k/${String(i).padStart(3, '0')}` })));
    const r = await spawnCli(['--endpoint-url', s.url, '--bucket', 'term', '--all-uploads', '--concurrency', '4', '--log', 'run.log'], {
      during: (kill) => afterAborts(s, 30, () => kill('SIGTERM')),
    });
    try {
      expect(r.code).toBe(143);
      const doc = JSON.parse(r.stdout) as Doc;
      expectUnique(doc);
      const records = logRecords(join(r.tmp, 'run.log'));
      expect(records.map((x) => `${x.UploadId}:${x.Status}`).sort()).toEqual(doc.Uploads.map((u) => `${u.UploadId}:${u.Status}`).sort());
      const c = counts(doc);
      expect(c.Aborted).toBe(s.stats().requests.AbortMultipartUpload);
      expect(c.Aborted! + c.Skipped!).toBe(doc.Uploads.length);
    } finally {
      r.cleanup();
    }
  });

  it('on a full disk gives one line naming the error and the Summary on stderr, exit 120, every upload still aborted once', async () => {
    const s = await sim();
    const ids = s.seedUploads(Array.from({ length: 50 }, (_, i) => ({ bucket: 'full', key: `k/${i}` })));
    const r = await spawnCli(['--endpoint-url', s.url, '--bucket', 'full', '--all-uploads'], { stdoutFile: '/dev/full' });
    r.cleanup();
    expect(r.code).toBe(120);
    expect(r.stderr).toBe(
      's3abort: the result could not be written to standard output: [Errno 28] No space left on device\n' +
        's3abort: Summary: {"Selected":50,"Aborted":50,"AlreadyGone":0,"Unconfirmed":0,"Failed":0,"Skipped":0}\n',
    );
    expect(ids.every((id) => s.abortCount(id) === 1)).toBe(true);
  });

  it('fails within one call when the endpoint stops answering: what was not tried is Skipped, exit 255', async () => {
    // the listing answers; every abort hangs past the read timeout
    const s = await sim({ delay: { ms: 60_000, operations: ['AbortMultipartUpload'] } });
    s.seedUploads(Array.from({ length: 40 }, (_, i) => ({ bucket: 'hang', key: `k/${String(i).padStart(2, '0')}` })));
    const r = await spawnCli(['--endpoint-url', s.url, '--bucket', 'hang', '--all-uploads', '--concurrency', '2', '--cli-read-timeout', '1'], {
      env: { AWS_MAX_ATTEMPTS: '2' },
    });
    r.cleanup();
    expect(r.code).toBe(255);
    // two attempts of one second and a backoff of at most a second, not 20 rounds of them
    expect(r.elapsedMs).toBeLessThan(10_000);
    const doc = JSON.parse(r.stdout) as Doc;
    expectUnique(doc);
    const c = counts(doc);
    expect(c.Unconfirmed).toBe(2);
    // the listing selects as the aborts go: it stopped with the run
    expect(c.Skipped).toBe(doc.Uploads.length - 2);
    expect(doc.Listing?.Complete).toBe(false);
    expect(doc.Stopped).toMatch(/^the endpoint stopped answering: Read timeout on endpoint URL: "http:\/\/127\.0\.0\.1:\d+\/hang\/k\/0[01]\?uploadId=/);
    expect(r.stderr).toMatch(/^\nRead timeout on endpoint URL: "http:\/\/127\.0\.0\.1:\d+\/hang\/k\/0[01]\?uploadId=[^"]+"\n$/);
    expect(s.stats().requests.AbortMultipartUpload).toBe(4);
  });
});

describe('the single operation', () => {
  it('--dry-run on an upload that does not exist asks S3 (ListParts) and answers NoSuchUpload, exit 254', async () => {
    const s = await sim();
    const [id] = s.seedUploads([{ bucket: 'one', key: 'k' }]);
    const missing = await cli(s, 'one', ['--key', 'k', '--upload-id', 'nope', '--dry-run']);
    expect(missing.code).toBe(254);
    expect((JSON.parse(missing.stdout) as Doc).Uploads).toEqual([
      { Key: 'k', UploadId: 'nope', Status: 'Failed', Error: { Code: 'NoSuchUpload', Message: expect.stringMatching(/^The specified upload does not exist/) } },
    ]);
    const there = await cli(s, 'one', ['--key', 'k', '--upload-id', id!, '--dry-run']);
    expect(there.code).toBe(0);
    expect((JSON.parse(there.stdout) as Doc).Uploads[0]?.Status).toBe('WouldAbort');
    expect(s.stats().requests).toMatchObject({ ListParts: 2, AbortMultipartUpload: 0 });
    expect(s.upload(id!)?.state).toBe('live');
  });

  describe('standard output on a full disk, as the AWS CLI', () => {
    it("prints CPython's two lines at exit and exits 120 (recorded from AWS CLI 2.9.19)", async () => {
      const stub = await startStub();
      try {
        stub.script('b', [{ status: 204, headers: { 'x-amz-request-charged': 'requester' } }]);
        const abort = await spawnCli(['--endpoint-url', stub.url, '--bucket', 'b', '--key', 'k', '--upload-id', 'u'], { stdoutFile: '/dev/full' });
        abort.cleanup();
        const version = await spawnCli(['--version'], { stdoutFile: '/dev/full' });
        version.cleanup();
        for (const r of [abort, version]) {
          expect(r.code).toBe(120);
          expect(r.stderr).toBe("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\nOSError: [Errno 28] No space left on device\n");
        }
        expect(stub.requests('b')).toHaveLength(1);
      } finally {
        await stub.stop();
      }
    });

    it('gives what the AWS CLI v2 itself gives there, run side by side (/usr/bin/aws)', async () => {
      if (!existsSync('/usr/bin/aws')) throw new Error('the AWS CLI v2 reference is missing: apt-get install awscli');
      const stub = await startStub();
      try {
        stub.script('b', [{ status: 204, headers: { 'x-amz-request-charged': 'requester' } }]);
        const args = ['--endpoint-url', stub.url, '--bucket', 'b', '--key', 'k', '--upload-id', 'u'];
        const aws = await spawnCli(['s3api', 'abort-multipart-upload', ...args], { stdoutFile: '/dev/full', command: ['/usr/bin/aws'] });
        aws.cleanup();
        const ours = await spawnCli(args, { stdoutFile: '/dev/full' });
        ours.cleanup();
        expect(ours.code).toBe(aws.code);
        expect(ours.stderr).toBe(aws.stderr);
      } finally {
        await stub.stop();
      }
    });
  });

  it('still ends on SIGTERM as the AWS CLI does when it is not a bulk run (killed by the signal)', async () => {
    const stub = await startStub();
    try {
      stub.script('b', [{ status: 204, delayMs: 5000 }]);
      const r = await spawnCli(['--endpoint-url', stub.url, '--bucket', 'b', '--key', 'k', '--upload-id', 'u'], {
        during: (kill) => setTimeout(() => kill('SIGTERM'), 500),
      });
      r.cleanup();
      expect(r.signal).toBe('SIGTERM');
      expect(r.stdout + r.stderr).toBe('');
    } finally {
      await stub.stop();
    }
  });
});
