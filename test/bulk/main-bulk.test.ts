// main() in bulk mode, in-process with a fake session: what reaches stdout and stderr, exit codes,
// listing errors worded as the single operation words them, SIGINT, the progress line.
import { describe, expect, it } from 'vitest';
import { LARGE_RUN, main, type Deps } from '../../src/main.js';
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

function deps(session: FakeSession, configs: ClientConfig[] = []): Deps {
  return {
    createSession: async (cfg) => {
      configs.push(cfg);
      return Object.assign(session, { destroy: () => {} });
    },
  };
}

async function run(argv: string[], session: FakeSession, opts: MemoryIoOptions & { onIo?: (abort: () => void) => void } = {}) {
  const m = createMemoryIo({ ...opts, argv, env: { ...ENV, ...(opts.env ?? {}) } });
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
      Uploads: [0, 1, 2].map((i) => ({ Key: `k${i}`, UploadId: `u${i}`, Initiated: `2026-11-20T10:00:0${i}+00:00`, Status: 'Aborted' })),
      Summary: { Selected: 3, Aborted: 3, AlreadyGone: 0, Failed: 0 },
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
    expect(JSON.parse(r.stdout).Summary).toEqual({ Selected: 3, Aborted: 0, AlreadyGone: 0, Failed: 3 });
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
    expect(JSON.parse(r.stdout).Summary).toEqual({ Selected: 1000, Aborted: 1000, AlreadyGone: 0, Failed: 0 });
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
    expect(doc.Summary.Aborted + doc.Summary.Failed + doc.Summary.Skipped).toBe(doc.Summary.Selected);
    expect(r.stderr).toBe('');
  });

  it('draws a progress line on a terminal stderr, and nothing otherwise', async () => {
    const tty = await run(BULK, new FakeSession(uploads), { stderrTTY: true });
    expect(tty.stderr).toMatch(/\r\x1b\[Kselected 3, aborted 3, failed 0, \d+\/s\n$/);
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

describe('a large bulk run', () => {
  it(`asks once, at ${LARGE_RUN.toLocaleString('en')} selected uploads, to keep the heap small; a smaller run never asks`, async () => {
    for (const [n, calls] of [[LARGE_RUN - 1, 0], [LARGE_RUN + 5, 1]] as const) {
      const s = new FakeSession(manyUploads(n, (i) => `k${String(i).padStart(6, '0')}`, (i) => `u${i}`));
      const seen: number[] = [];
      const m = createMemoryIo({ argv: [...BULK, '--dry-run'], env: ENV });
      const code = await main(m.io, { ...deps(s), largeRun: () => void seen.push(s.calls.filter((c) => c.op === 'list').length) });
      expect(code).toBe(0);
      expect(JSON.parse(m.stdout()).Summary.Selected).toBe(n);
      expect(seen.length, `${n} uploads`).toBe(calls);
      // it happens while the listing is still going on (page 11 of 11), not after the run
      if (calls) expect(seen[0]).toBeLessThanOrEqual(11);
    }
  });
});
