// Self-tests of the end-to-end infrastructure: moto helpers, the scripted stub, runCli's clean
// environment, and the harness rules in conformance.ts. They need no built CLI.
import { request } from 'node:http';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  abortUpload,
  createBucket,
  createUpload,
  listParts,
  listUploads,
  makeS3Client,
  startMoto,
  uploadExists,
  type MotoServer,
} from './moto.js';
import { startStub, type StubServer } from './stub-server.js';
import { ACCESS_KEY, SECRET_KEY, runCli } from './run-cli.js';
import { runEnv, testTmpDir } from './tmp.js';
import {
  compare,
  harnessView,
  significantStderr,
  subst,
  unsubst,
  unsubstRequest,
  type ConformanceCase,
  type Observation,
} from './conformance.js';
import { ListBucketsCommand } from '@aws-sdk/client-s3';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  url: string,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: opts.method ?? 'GET', headers: opts.headers, timeout: opts.timeoutMs ?? 5_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('moto helpers', () => {
  let moto: MotoServer;
  let startError: unknown;
  // a failing beforeAll would only skip the tests: every test fails with the error instead
  beforeAll(async () => {
    try {
      moto = await startMoto();
    } catch (e) {
      startError = e;
    }
  });
  beforeEach(() => {
    if (startError !== undefined) throw startError;
  });
  afterAll(async () => {
    await moto?.stop();
  });

  it('creates a bucket and an upload with parts, lists them, and sees an abort', async () => {
    const bucket = 'selftest-moto';
    const key = 'dir/with space/ümläut.bin';
    await createBucket(moto, bucket);
    const id = await createUpload(moto, bucket, key, { parts: 3 });
    const other = await createUpload(moto, bucket, 'other');
    expect(await listUploads(moto, bucket)).toEqual(
      expect.arrayContaining([
        { key, uploadId: id },
        { key: 'other', uploadId: other },
      ]),
    );
    const parts = await listParts(moto, bucket, key, id);
    expect(parts.map((p) => [p.partNumber, p.size])).toEqual([
      [1, 16],
      [2, 16],
      [3, 16],
    ]);
    expect(await uploadExists(moto, bucket, id)).toBe(true);
    await abortUpload(moto, bucket, key, id);
    expect(await uploadExists(moto, bucket, id)).toBe(false);
    expect(await uploadExists(moto, bucket, other)).toBe(true);
  });

  it('builds a client that ignores the ambient environment and ~/.aws', async () => {
    const dir = testTmpDir('selftest');
    const config = join(dir, 'config');
    writeFileSync(config, '[default]\nregion = eu-west-1\nuse_fips_endpoint = true\nmax_attempts = nope\n');
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_CONFIG_FILE: config,
      AWS_SHARED_CREDENTIALS_FILE: config,
      AWS_REGION: 'eu-west-1',
      AWS_USE_FIPS_ENDPOINT: 'true',
      AWS_USE_DUALSTACK_ENDPOINT: 'true',
      AWS_MAX_ATTEMPTS: 'nope',
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9',
      AWS_ACCESS_KEY_ID: 'AKIAWRONG',
      AWS_SECRET_ACCESS_KEY: 'wrong',
    });
    try {
      const client = makeS3Client(moto.url);
      const r = await client.send(new ListBucketsCommand({}));
      client.destroy();
      expect(r.Buckets?.map((b) => b.Name)).toContain('selftest-moto');
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('stub server', () => {
  let stub: StubServer;
  beforeAll(async () => {
    stub = await startStub();
  });
  afterAll(async () => {
    await stub?.stop();
  });

  it('serves a bucket its script in order, repeating the last response', async () => {
    stub.script('b1', [
      { status: 500, headers: { 'Content-Type': 'application/xml' }, body: '<Error/>' },
      { status: 200, headers: { 'x-amz-request-charged': 'requester' }, body: 'ok' },
    ]);
    const r1 = await send(stub.url, '/b1/k');
    const r2 = await send(stub.url, '/b1/k');
    const r3 = await send(stub.url, '/b1/k');
    expect([r1.status, r2.status, r3.status]).toEqual([500, 200, 200]);
    expect(r1.body).toBe('<Error/>');
    expect(r1.headers['content-type']).toBe('application/xml');
    expect(r2.headers['x-amz-request-charged']).toBe('requester');
    for (const r of [r1, r2]) {
      expect(r.headers['x-amz-request-id']).toBe('REQ123');
      expect(r.headers['x-amz-id-2']).toBe('HOSTID456');
      expect(r.headers['content-length']).toBe(String(Buffer.byteLength(r.body)));
    }
  });

  it('answers 204 with Content-Length 0 when a bucket has no script', async () => {
    const r = await send(stub.url, '/unscripted/x', { method: 'DELETE' });
    expect(r.status).toBe(204);
    expect(r.headers['content-length']).toBe('0');
    expect(r.headers['x-amz-request-id']).toBe('REQ123');
  });

  it('logs the raw path, query, lower-cased headers and whether the request was signed', async () => {
    await send(stub.url, '/b2/dir/with%20space/%C3%BC%23?uploadId=a%2Bb&x', {
      method: 'DELETE',
      headers: { Authorization: 'AWS4-HMAC-SHA256 ...', 'X-Amz-Request-Payer': 'requester', 'Content-Length': '0' },
    });
    await send(stub.url, '/b2/k', { method: 'PUT', body: 'hello' });
    const [first, second] = stub.requests('b2');
    expect(first).toEqual({
      method: 'DELETE',
      path: '/b2/dir/with%20space/%C3%BC%23',
      query: 'uploadId=a%2Bb&x',
      headers: expect.objectContaining({
        authorization: 'AWS4-HMAC-SHA256 ...',
        'x-amz-request-payer': 'requester',
        'content-length': '0',
      }),
      signed: true,
      body: '',
    });
    expect(second).toMatchObject({ method: 'PUT', path: '/b2/k', query: '', signed: false, body: 'hello' });
    expect(harnessView(first!)).toEqual({
      method: 'DELETE',
      path: '/b2/dir/with%20space/%C3%BC%23',
      query: 'uploadId=a%2Bb&x',
      headers: { 'x-amz-request-payer': 'requester', 'content-length': '0', signed: true },
    });
    expect(stub.requests('nobody')).toEqual([]);
  });

  it('delays, drops and hangs on request', async () => {
    stub.script('slow', [{ status: 200, delayMs: 300 }]);
    const t0 = Date.now();
    expect((await send(stub.url, '/slow/k')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);

    stub.script('dropped', [{ drop: true }, { status: 204 }]);
    await expect(send(stub.url, '/dropped/k')).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await send(stub.url, '/dropped/k')).status).toBe(204);
    expect(stub.requests('dropped')).toHaveLength(2);

    stub.script('hung', [{ hang: true }]);
    await expect(send(stub.url, '/hung/k', { timeoutMs: 300 })).rejects.toThrow(/client timeout/);
    expect(stub.requests('hung')).toHaveLength(1);
  });

  it('stops with a request still hanging', async () => {
    const own = await startStub();
    own.script('h', [{ hang: true }]);
    const pending = send(own.url, '/h/k', { timeoutMs: 10_000 }).catch((e: Error) => e);
    while (own.requests('h').length === 0) await new Promise((r) => setTimeout(r, 10));
    const t0 = Date.now();
    await own.stop();
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(await pending).toBeInstanceOf(Error);
  });
});

describe('runCli', () => {
  const printEnv = [process.execPath, '-e', 'process.stdout.write(JSON.stringify({env: process.env, cwd: process.cwd()}))'];

  it('runs with the harness environment only, HOME in tmp, cwd tmp', async () => {
    const r = await runCli([], { command: printEnv, env: { AWS_PROFILE: 'dev', AWS_DEFAULT_REGION: null } });
    expect(r.code).toBe(0);
    const { env, cwd } = JSON.parse(r.stdout) as { env: Record<string, string>; cwd: string };
    expect(cwd).toBe(r.tmp);
    // the run's temporary folder and marker (test/support/global-setup.ts), then the harness's
    expect(runEnv()).toEqual({ TMPDIR: expect.stringMatching(/\/s3abort-test-run-\w+$/), S3ABORT_TEST_RUN: expect.stringMatching(/^s3abort-test-run-\w+$/) });
    expect(env).toEqual({
      ...runEnv(),
      PATH: process.env.PATH,
      HOME: join(r.tmp, 'home'),
      LANG: 'C.UTF-8',
      TERM: 'dumb',
      AWS_ACCESS_KEY_ID: ACCESS_KEY,
      AWS_SECRET_ACCESS_KEY: SECRET_KEY,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
      AWS_PROFILE: 'dev',
    });
  });

  it('writes files under tmp, feeds stdin, and reports exit codes', async () => {
    const script =
      "const fs=require('fs');let i='';process.stdin.on('data',d=>i+=d).on('end',()=>{" +
      "process.stdout.write(fs.readFileSync(process.env.HOME+'/.aws/config','utf8')+'|'+i);" +
      "process.stderr.write('err');process.exit(7)})";
    const r = await runCli([], {
      command: [process.execPath, '-e', script],
      files: { 'home/.aws/config': '[default]\nregion = x\n' },
      stdin: 'piped',
    });
    expect(r).toMatchObject({ code: 7, signal: null, stdout: '[default]\nregion = x\n|piped', stderr: 'err', timedOut: false });
  });

  it('kills a run that outlives its timeout', async () => {
    const r = await runCli([], { command: [process.execPath, '-e', 'setTimeout(() => {}, 60000)'], timeoutMs: 300 });
    expect(r).toMatchObject({ code: null, signal: 'SIGKILL', timedOut: true });
  });
});

describe('harness rules', () => {
  const ctx = {
    tmp: '/tmp/conf-abc',
    bucket: 'conf-0123456789ab',
    key: 'k/object.bin',
    endpoint: 'http://127.0.0.1:5000',
    access: ACCESS_KEY,
    secret: SECRET_KEY,
    upload_id: 'NO-UPLOAD',
    upload_id2: 'NO-UPLOAD',
  };

  it('substitutes placeholders and reverses them, longest value first', () => {
    expect(subst({ a: ['{endpoint}/{bucket}', null], b: '{tmp}/in.json' }, ctx)).toEqual({
      a: ['http://127.0.0.1:5000/conf-0123456789ab', null],
      b: '/tmp/conf-abc/in.json',
    });
    expect(unsubst('Could not connect: "http://127.0.0.1:5000/conf-0123456789ab/k/object.bin?uploadId=NO-UPLOAD"', ctx)).toBe(
      'Could not connect: "{endpoint}/{bucket}/{key}?uploadId={upload_id}"',
    );
    // as in harness.py, reverse substitution runs over the JSON text: non-ASCII never matches
    const q = { method: 'DELETE', path: '/conf-0123456789ab/ü', query: 'uploadId=NO-UPLOAD', headers: { signed: true } };
    expect(unsubstRequest(q, { ...ctx, key: 'ü' })).toEqual({ ...q, path: '/{bucket}/ü', query: 'uploadId={upload_id}' });
  });

  it('compares stderr without blank lines, usage block, or the program name', () => {
    expect(
      significantStderr('\nusage: aws [options]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n\naws: error: x  \n'),
    ).toEqual(['PROG: error: x']);
    const c: ConformanceCase = { id: 'x', args: [] };
    const gold: Observation = { rc: 252, stdout: '', stderr: '\naws: error: bad\n', secret_leaked: false };
    expect(compare(c, gold, { ...gold, stderr: 's3abort: error: bad\n\n' })).toEqual([]);
    expect(compare(c, gold, { ...gold, rc: 255, stdout: "it's", secret_leaked: true })).toEqual([
      'exit code 255, want 252',
      `stdout differs:\n    want ''\n    got  "it's"`,
      'the secret access key appears in the output',
    ]);
    const upto: ConformanceCase = { id: 'u', args: [], compare: { stderr: 'upto', upto: ': [Errno' } };
    const g2 = { ...gold, stderr: '\nUnable to load paramfile x: [Errno 2] No such file\n' };
    expect(compare(upto, g2, { ...g2, stderr: 'Unable to load paramfile x: ENOENT\n' })).toEqual([]);
    expect(compare(upto, g2, { ...g2, stderr: 'Unable to load x\n' })).toHaveLength(1);
  });

  it('compares requests and their count', () => {
    const req = { method: 'DELETE', path: '/{bucket}/{key}', query: 'uploadId={upload_id}', headers: { 'content-length': '0', signed: true } };
    const gold: Observation = { rc: 0, stdout: '', stderr: '', secret_leaked: false, requests: [req, req] };
    const c: ConformanceCase = { id: 'r', args: [] };
    expect(compare(c, gold, { ...gold, requests: [req, req] })).toEqual([]);
    const [p] = compare(c, gold, { ...gold, requests: [{ ...req, headers: { signed: true } }] });
    expect(p).toContain("got  [('DELETE', '/{bucket}/{key}', 'uploadId={upload_id}', {'signed': True})]");
    expect(compare({ ...c, compare: { requests: 'count' } }, gold, { ...gold, requests: [req] })).toEqual([
      'requests differ:\n    want 2\n    got  1',
    ]);
  });
});
