// main() in bulk mode, in-process with a fake session: what reaches stdout and stderr, exit codes,
// listing errors worded as the single operation words them, SIGINT, the progress line.
import { describe, expect, it } from 'vitest';
import { main, type Deps } from '../../src/main.js';
import { LARGE_RUN } from '../../src/modes/bulk.js';
import type { ClientConfig } from '../../src/aws/s3.js';
import { createMemoryIo, type MemoryIoOptions } from '../support/memory-io.js';
import { FakeSession, accessDenied, manyUploads, wait, type FakeUpload } from './fake-session.js';

const ENV = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMIK7MDENGbPxRfiCYSECRETKEY',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
};
const BULK = ['--endpoint-url', 'http://127.0.0.1:1', '--bucket', 'b', '--all-uploads'];
const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);

function deps(session: FakeSession, configs: ClientConfig[] = []): Deps {
  return {
    createSession: async (cfg) => {
      configs.push(cfg);
      return Object.assign(session, { destroy: () => {} });
    },
  };
}

async function run(argv: string[], session: FakeSession, opts: MemoryIoOptions & { onIo?: (abort: () => void) => void } = {}) {
  // a clock after the fake uploads' initiation (2026-11-20), which the default cutoff needs a day behind
  const m = createMemoryIo({ now: NOW, ...opts, argv, env: { ...ENV, ...(opts.env ?? {}) } });
  opts.onIo?.(m.abort);
  const configs: ClientConfig[] = [];
  const code = await main(m.io, deps(session, configs));
  return { code, stdout: m.stdout(), stderr: m.stderr(), configs };
}

const uploads: FakeUpload[] = manyUploads(3, (i) => `k${i}`, (i) => `u${i}`);

describe('main() in bulk mode', () => {
  it('prints the result document and exits 0; the client keeps sockets alive for the run', async () => {
    const s = new FakeSession(uploads);
    const r = await run([...BULK, '--concurrency', '8'], s);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      DryRun: false,
      // a day before the local clock: the fake session sends no Date
      Cutoff: '2026-12-01T12:00:00+00:00',
      Uploads: [0, 1, 2].map((i) => ({ Key: `k${i}`, UploadId: `u${i}`, Initiated: `2026-11-20T10:00:0${i}+00:00`, Status: 'Aborted' })),
      Listing: { Complete: true, Pages: 1 },
      Summary: { Selected: 3, Aborted: 3, AlreadyGone: 0, Unconfirmed: 0, Failed: 0 },
    });
    expect(r.configs[0]).toMatchObject({ keepAlive: true, maxSockets: 10 });
  });

  it('exits 1 when some failed and 254 when all failed with service errors', async () => {
    const some = new FakeSession(uploads);
    some.hooks.abort = (input) => {
      if (input.UploadId === 'u1') throw accessDenied();
    };
    expect((await run(BULK, some)).code).toBe(1);
    const all = new FakeSession(uploads);
    all.hooks.abort = () => {
      throw accessDenied();
    };
    const r = await run(BULK, all);
    expect(r.code).toBe(254);
    expect(JSON.parse(r.stdout).Summary).toEqual({ Selected: 3, Aborted: 0, AlreadyGone: 0, Unconfirmed: 0, Failed: 3 });
    expect(r.stderr).toBe('');
  });

  it('exits as the single operation would when the listing fails before anything was selected', async () => {
    const r = await run(BULK, new FakeSession([], false));
    expect(r).toMatchObject({
      code: 254,
      stdout: '',
      stderr: '\nAn error occurred (NoSuchBucket) when calling the ListMultipartUploads operation: The specified bucket does not exist\n',
    });
  });

  it('prints what it did, then the listing error, when a later page fails', async () => {
    const s = new FakeSession(manyUploads(1200, (i) => `k${String(i).padStart(4, '0')}`));
    let n = 0;
    s.hooks.list = () => {
      if (n++ === 1) throw accessDenied('ListMultipartUploads');
    };
    const r = await run(BULK, s);
    expect(r.code).toBe(254);
    const doc = JSON.parse(r.stdout);
    expect(doc.Summary).toEqual({ Selected: 1000, Aborted: 1000, AlreadyGone: 0, Unconfirmed: 0, Failed: 0 });
    // the document says the listing stopped, and why
    expect(doc.Listing).toEqual({ Complete: false, Pages: 1, Error: { Code: 'AccessDenied', Message: 'Access Denied' } });
    expect(r.stderr).toBe('\nAn error occurred (AccessDenied) when calling the ListMultipartUploads operation: Access Denied\n');
  });

  it('on SIGINT prints the partial result followed by a newline and exits 130', async () => {
    const s = new FakeSession(manyUploads(50, (i) => `k${String(i).padStart(2, '0')}`));
    let abort = () => {};
    let done = 0;
    s.hooks.abort = async (_i, signal) => {
      await wait(5, signal);
      if (++done === 5) setImmediate(abort);
    };
    const r = await run([...BULK, '--concurrency', '2'], s, { onIo: (a) => (abort = a) });
    expect(r.code).toBe(130);
    expect(r.stdout.endsWith('}\n\n')).toBe(true);
    const doc = JSON.parse(r.stdout);
    expect(doc.Summary.Selected).toBe(doc.Uploads.length);
    expect(doc.Summary.Aborted).toBeGreaterThanOrEqual(5);
    expect(doc.Summary.Skipped).toBeGreaterThan(0);
    // the aborts in flight finished: nothing failed, nothing is unconfirmed
    expect(doc.Summary.Aborted + doc.Summary.Skipped).toBe(doc.Summary.Selected);
    expect(doc.Stopped).toBe('signal SIGINT');
    expect(r.stderr).toBe('');
  });

  it('draws a progress line on a terminal stderr, and nothing otherwise', async () => {
    const tty = await run(BULK, new FakeSession(uploads), { stderrTTY: true });
    expect(tty.stderr).toMatch(/\r\x1b\[Kinitiated before 2026-12-01T12:00:00Z: selected 3, aborted 3, failed 0, \d+\/s\n$/);
    const pipe = await run(BULK, new FakeSession(uploads), { stderrTTY: false });
    expect(pipe.stderr).toBe('');
  });

  it('applies --query and --output to the result', async () => {
    const r = await run([...BULK, '--query', 'Uploads[].[UploadId,Status]', '--output', 'text'], new FakeSession(uploads));
    expect(r.stdout).toBe('u0\tAborted\nu1\tAborted\nu2\tAborted\n');
  });

  it('refuses one IfMatchInitiatedTime for every upload, from argv or from --cli-input-json', async () => {
    const s = new FakeSession(uploads);
    const flag = await run([...BULK, '--if-match-initiated-time', '2026-11-20T10:00:00Z'], s);
    expect(flag.code).toBe(252);
    expect(flag.stderr).toContain('argument --if-match-initiated-time: not allowed with argument --all-uploads');
    const input = await run([...BULK, '--cli-input-json', '{"IfMatchInitiatedTime": "2026-11-20T10:00:00Z"}'], s);
    expect(input).toMatchObject({ code: 252, stdout: '', stderr: '\nIfMatchInitiatedTime cannot be used with --all-uploads\n' });
    expect(s.calls).toEqual([]);
  });

  it('--key with --all-uploads needs no --upload-id and selects that key only', async () => {
    const s = new FakeSession([...uploads, { Key: 'k1x', UploadId: 'other' }]);
    const r = await run([...BULK, '--key', 'k1'], s);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).Uploads.map((u: { UploadId: string }) => u.UploadId)).toEqual(['u1']);
    expect(s.remaining()).toContain('other');
  });
});

describe('selection that cannot hit a live upload by accident', () => {
  const aged = (hours: number, id: string): FakeUpload => ({ Key: `k/${id}`, UploadId: id, Initiated: new Date(NOW - hours * 3600_000) });
  const mixed = [aged(49, 'two-days'), aged(25, 'a-day'), aged(23, 'hours'), aged(0.001, 'just-now')];

  it('without --older-than leaves alone what was initiated in the last 24 hours', async () => {
    const s = new FakeSession(mixed);
    const r = await run(BULK, s);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.Uploads.map((u: { UploadId: string }) => u.UploadId)).toEqual(['a-day', 'two-days']);
    expect(doc.Cutoff).toBe('2026-12-01T12:00:00+00:00');
    expect(s.remaining()).toEqual(['hours', 'just-now']);
  });

  it('with --older-than 0s selects every upload', async () => {
    const s = new FakeSession(mixed);
    const r = await run([...BULK, '--older-than', '0s'], s);
    expect(JSON.parse(r.stdout).Summary.Aborted).toBe(4);
    expect(s.remaining()).toEqual([]);
  });

  it.each([['23:59'], ['2026-12-31'], ['Friday']])('refuses --older-than %s (after now) before any request, exit 252', async (value) => {
    const s = new FakeSession(mixed);
    const r = await run([...BULK, '--older-than', value], s);
    expect(r.code).toBe(252);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`s3abort|aws: error: argument --older-than: '${value}' is 20\\d\\d-\\d\\d-\\d\\dT[\\d:]+\\+00:00, after now`));
    expect(s.calls).toEqual([]);
  });

  it('refuses a bare number, naming the units', async () => {
    const s = new FakeSession(mixed);
    const r = await run([...BULK, '--older-than', '30'], s);
    expect(r.code).toBe(252);
    expect(r.stderr).toContain("argument --older-than: invalid value '30': a number needs a unit: s (seconds), m (minutes), h (hours), d (days) or w (weeks), as in 7d");
    expect(s.calls).toEqual([]);
  });

  it("measures ages against S3's clock and warns of a local clock more than five minutes off", async () => {
    // the local clock is a day fast: on it, 'hours' (23 h old by S3's clock) would look 47 h old
    const s = new FakeSession(mixed);
    s.serverClock = () => new Date(NOW - 24 * 3600_000);
    const r = await run([...BULK, '--older-than', '24h'], s, { now: NOW, prog: 's3abort' });
    const doc = JSON.parse(r.stdout);
    expect(doc.Cutoff).toBe('2026-11-30T12:00:00+00:00');
    expect(doc.Uploads.map((u: { UploadId: string }) => u.UploadId)).toEqual(['two-days']);
    expect(r.stderr).toBe(
      "s3abort: warning: this machine's clock is 24h00m ahead of S3's (S3's Date: Tue, 01 Dec 2026 12:00:00 GMT); ages are measured against S3's clock\n",
    );
  });
});

describe('a --query that cannot apply', () => {
  it('fails before anything is aborted, with the text and exit code it would have had after', async () => {
    const s = new FakeSession(uploads);
    const r = await run([...BULK, '--query', 'length(Summary.Selected)'], s);
    expect(r.code).toBe(255);
    expect(r.stdout).toBe('');
    // the value in the text is the sample's: the real one is not known before the run
    expect(r.stderr).toMatch(/^\nIn function length\(\), invalid type for value: \d+, expected one of: \['string', 'array', 'object'\], received: "number"\n$/);
    expect(s.calls).toEqual([]);
  });

  it('runs a query that applies, on the real result', async () => {
    const s = new FakeSession(uploads);
    const r = await run([...BULK, '--query', 'length(Uploads[?Status==`Aborted`])'], s);
    expect(r).toMatchObject({ code: 0, stdout: '3\n', stderr: '' });
  });
});

describe('--log FILE', () => {
  it('appends one JSON line per upload as its outcome is known, with the bucket and the time', async () => {
    const s = new FakeSession(uploads);
    s.hooks.abort = (input) => {
      if (input.UploadId === 'u1') throw accessDenied();
    };
    const m = createMemoryIo({ now: NOW, argv: [...BULK, '--log', 'run.log'], env: ENV, files: { 'run.log': '{"earlier": "run"}\n' } });
    const code = await main(m.io, deps(s));
    expect(code).toBe(1);
    const lines = Buffer.from(m.files.get('/work/run.log')!).toString('utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('{"earlier": "run"}');
    const records = lines.slice(1, -1).map((l) => JSON.parse(l));
    expect(records.map((r) => [r.Bucket, r.UploadId, r.Status]).sort()).toEqual([['b', 'u0', 'Aborted'], ['b', 'u1', 'Failed'], ['b', 'u2', 'Aborted']]);
    expect(records.find((r) => r.UploadId === 'u1')).toMatchObject({ Key: 'k1', Error: { Code: 'AccessDenied', Message: 'Access Denied' } });
    for (const r of records) expect(r.Time).toBe('2026-12-02T12:00:00+00:00');
  });

  it('logs every selected upload of a dry run', async () => {
    const s = new FakeSession(uploads);
    const m = createMemoryIo({ now: NOW, argv: [...BULK, '--dry-run', '--log', '/var/log/s3abort.log'], env: ENV });
    expect(await main(m.io, deps(s))).toBe(0);
    const text = Buffer.from(m.files.get('/var/log/s3abort.log')!).toString('utf8');
    expect(text.trim().split('\n').map((l) => JSON.parse(l).Status)).toEqual(['WouldAbort', 'WouldAbort', 'WouldAbort']);
  });

  it('refuses a log file that cannot be opened before any request, exit 252', async () => {
    const s = new FakeSession(uploads);
    const m = createMemoryIo({ now: NOW, argv: [...BULK, '--log', '/ro/run.log'], env: ENV, appendFails: { '/ro/run.log': 'EACCES' } });
    expect(await main(m.io, deps(s))).toBe(252);
    expect(m.stderr()).toBe("\nUnable to open the --log file: [Errno 13] Permission denied: '/ro/run.log'\n");
    expect(s.calls).toEqual([]);
  });
});

describe('standard output that cannot be written', () => {
  it('gives one line naming the error and the Summary on stderr, exit 120, in a bulk run', async () => {
    const s = new FakeSession(uploads);
    const m = createMemoryIo({ now: NOW, argv: BULK, env: ENV, stdoutFails: 'ENOSPC', prog: 's3abort' });
    expect(await main(m.io, deps(s))).toBe(120);
    expect(m.stderr()).toBe(
      's3abort: the result could not be written to standard output: [Errno 28] No space left on device\n' +
        's3abort: Summary: {"Selected":3,"Aborted":3,"AlreadyGone":0,"Unconfirmed":0,"Failed":0,"Skipped":0}\n',
    );
    expect(s.remaining()).toEqual([]);
  });

  it("prints CPython's text at exit and exits 120 for the single operation, as the AWS CLI does", async () => {
    const m = createMemoryIo({ argv: ['--version'], env: ENV, stdoutFails: 'EIO' });
    expect(await main(m.io, {})).toBe(120);
    expect(m.stderr()).toBe("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\nOSError: [Errno 5] Input/output error\n");
  });
});

describe('a dry run of one upload', () => {
  it('asks S3 whether it exists, and reports NoSuchUpload as the abort would (exit 254)', async () => {
    const s = new FakeSession(uploads);
    const r = await run(['--endpoint-url', 'http://127.0.0.1:1', '--bucket', 'b', '--key', 'k0', '--upload-id', 'nope', '--dry-run'], s);
    expect(r.code).toBe(254);
    expect(JSON.parse(r.stdout).Uploads).toEqual([{ Key: 'k0', UploadId: 'nope', Status: 'Failed', Error: { Code: 'NoSuchUpload', Message: expect.any(String) } }]);
    expect(s.calls.map((c) => c.op)).toEqual(['parts']);
    const ok = await run(['--endpoint-url', 'http://127.0.0.1:1', '--bucket', 'b', '--key', 'k0', '--upload-id', 'u0', '--dry-run'], s);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).Uploads).toEqual([{ Key: 'k0', UploadId: 'u0', Status: 'WouldAbort' }]);
    expect(s.count('abort')).toBe(0);
  });
});

describe('a large bulk run', () => {
  it(`asks once, at ${LARGE_RUN.toLocaleString('en')} selected uploads, to keep the heap small; a smaller run never asks`, async () => {
    for (const [n, calls] of [[LARGE_RUN - 1, 0], [LARGE_RUN + 5, 1]] as const) {
      const s = new FakeSession(manyUploads(n, (i) => `k${String(i).padStart(6, '0')}`, (i) => `u${i}`));
      const seen: number[] = [];
      const m = createMemoryIo({ argv: [...BULK, '--dry-run'], env: ENV, now: NOW });
      const code = await main(m.io, { ...deps(s), largeRun: () => void seen.push(s.calls.filter((c) => c.op === 'list').length) });
      expect(code).toBe(0);
      expect(JSON.parse(m.stdout()).Summary.Selected).toBe(n);
      expect(seen.length, `${n} uploads`).toBe(calls);
      // it happens while the listing is still going on (page 11 of 11), not after the run
      if (calls) expect(seen[0]).toBeLessThanOrEqual(11);
    }
  });
});
