// What only a real process shows: signals, closed pipes, stdin, and that nothing from the SDK or
// Node leaks onto stderr.
import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, makeTmp, runCli } from '../support/run-cli.js';
import { startStub, type StubServer } from '../support/stub-server.js';
import { removeTmp } from '../support/tmp.js';

let stub: StubServer;
beforeAll(async () => {
  stub = await startStub();
});
afterAll(async () => {
  await stub.stop();
});
// the runs these tests spawn themselves: their folders go however the test ends
const tmps: string[] = [];
afterEach(() => {
  for (const t of tmps.splice(0)) removeTmp(t);
});
function tmpFor(): string {
  const t = makeTmp();
  tmps.push(t);
  return t;
}

describe('the built CLI as a process', () => {
  it('exits 130 with a newline on stdout when SIGINT arrives during a request', async () => {
    stub.script('sigint', [{ hang: true }]);
    const tmp = tmpFor();
    const child = spawn(process.execPath, [BIN, '--endpoint-url', stub.url, '--bucket', 'sigint', '--key', 'k', '--upload-id', 'u'], {
      env: cleanEnv(tmp),
      cwd: tmp,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    for (let i = 0; i < 100 && stub.requests('sigint').length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(stub.requests('sigint')).toHaveLength(1);
    const started = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stdout).toBe('\n');
    expect(stderr).toBe('');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('exits 0 silently when stdout is closed early', async () => {
    stub.script('pipe', [{ status: 204, headers: { 'x-amz-request-charged': 'requester' } }]);
    const tmp = tmpFor();
    const child = spawn(process.execPath, [BIN, '--endpoint-url', stub.url, '--bucket', 'pipe', '--key', 'k', '--upload-id', 'u'], {
      env: cleanEnv(tmp),
      cwd: tmp,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('takes --cli-input-json from a pipe through file:///dev/stdin', async () => {
    const r = await runCli(['--endpoint-url', stub.url, '--cli-input-json', 'file:///dev/stdin'], {
      stdin: '{"Bucket": "stdin", "Key": "a b", "UploadId": "u1"}',
    });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(stub.requests('stdin').map((q) => `${q.method} ${q.path}?${q.query}`)).toEqual(['DELETE /stdin/a%20b?uploadId=u1']);
  });

  it('never prints the SDK NodeVersionSupportWarning or any Node warning', async () => {
    const r = await runCli(['--endpoint-url', stub.url, '--bucket', 'warn', '--key', 'k', '--upload-id', 'u', '--debug']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/NodeVersionSupportWarning|\(node:\d+\)|Warning:/);
  });
});
