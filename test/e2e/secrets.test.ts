// Secrets on the wire and in the output: the built CLI with --debug, against a stub that records
// what it received. Each test first proves the secret material was really used (the server saw
// the token and a signature), then that none of it reached stdout or stderr.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_KEY, makeTmp, runCli } from '../support/run-cli.js';
import { registerSecret } from '../support/secrets.js';
import { removeTmp } from '../support/tmp.js';
import { startStub, type StubServer } from '../support/stub-server.js';

const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLETOKENforSecretsTest0123456789';
const PROCESS_SECRET = 'procSECRETfromCredentialProcess0123456789abcd';
const PROCESS_TOKEN = 'procTOKENfromCredentialProcess9876543210zyxw';
registerSecret(TOKEN);
registerSecret(PROCESS_SECRET);
registerSecret(PROCESS_TOKEN);

let stub: StubServer;
beforeAll(async () => {
  stub = await startStub();
});
afterAll(async () => {
  await stub.stop();
});
let ownTmp: string | undefined;
afterEach(() => {
  removeTmp(ownTmp);
  ownTmp = undefined;
});

/** The hex signature the server received; it must not be printed either. */
function signatureOf(authorization: string | undefined): string {
  const m = /Signature=([0-9a-f]{64})/.exec(authorization ?? '');
  expect(m, `a SigV4 Authorization header: ${authorization}`).not.toBeNull();
  return m![1]!;
}

function expectClean(text: string, secrets: string[]): void {
  for (const s of secrets) expect(text.includes(s), `output contains ${s.slice(0, 6)}...`).toBe(false);
}

describe('--debug keeps secrets out of the log', () => {
  it('redacts the signature and the session token from the environment', async () => {
    stub.script('env-token', [{ status: 204 }]);
    const r = await runCli(['--endpoint-url', stub.url, '--bucket', 'env-token', '--key', 'k', '--upload-id', 'u', '--debug'], {
      env: { AWS_SESSION_TOKEN: TOKEN },
    });
    expect(r.code).toBe(0);
    const [req] = stub.requests('env-token');
    expect(req?.headers['x-amz-security-token']).toBe(TOKEN);
    const signature = signatureOf(req?.headers.authorization);
    expect(r.stderr).toContain('Sending http request:');
    expect(r.stderr).toMatch(/Signature=\*\*\*/);
    expectClean(r.stdout + r.stderr, [SECRET_KEY, TOKEN, signature]);
  });

  it('redacts what credential_process returned, and never shows its output', async () => {
    const tmp = (ownTmp = makeTmp());
    const script = join(tmp, 'creds.cjs');
    const output = JSON.stringify({ Version: 1, AccessKeyId: 'AKIAPROCESSEXAMPLE', SecretAccessKey: PROCESS_SECRET, SessionToken: PROCESS_TOKEN });
    writeFileSync(script, `process.stdout.write(${JSON.stringify(output)})`);
    stub.script('proc', [{ status: 204 }]);
    const r = await runCli(['--endpoint-url', stub.url, '--bucket', 'proc', '--key', 'k', '--upload-id', 'u', '--debug'], {
      tmp,
      env: { AWS_ACCESS_KEY_ID: null, AWS_SECRET_ACCESS_KEY: null },
      files: { 'home/.aws/config': `[default]\ncredential_process = ${JSON.stringify(process.execPath)} ${JSON.stringify(script)}\n` },
    });
    expect(r.code).toBe(0);
    const [req] = stub.requests('proc');
    expect(req?.headers['x-amz-security-token']).toBe(PROCESS_TOKEN);
    expect(req?.headers.authorization).toContain('Credential=AKIAPROCESSEXAMPLE/');
    const signature = signatureOf(req?.headers.authorization);
    expect(r.stderr).toContain('custom-process');
    expectClean(r.stdout + r.stderr, [PROCESS_SECRET, PROCESS_TOKEN, signature, output]);
  });

  it('keeps them out of a failed request with retries and its error line', async () => {
    stub.script('fail-token', [{ status: 503, body: '<Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message></Error>' }]);
    const r = await runCli(['--endpoint-url', stub.url, '--bucket', 'fail-token', '--key', 'k', '--upload-id', 'u', '--debug'], {
      env: { AWS_SESSION_TOKEN: TOKEN, AWS_MAX_ATTEMPTS: '2', AWS_RETRY_MODE: 'standard' },
    });
    expect(r.code).toBe(254);
    const reqs = stub.requests('fail-token');
    expect(reqs).toHaveLength(2);
    const signatures = reqs.map((q) => signatureOf(q.headers.authorization));
    expect(r.stderr).toContain('An error occurred (SlowDown) when calling the AbortMultipartUpload operation (reached max retries: 1)');
    expectClean(r.stdout + r.stderr, [SECRET_KEY, TOKEN, ...signatures]);
  });

  it('keeps them out of a bulk run', async () => {
    stub.script('bulk-token', [
      {
        status: 200,
        body: '<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult><Bucket>bulk-token</Bucket><IsTruncated>false</IsTruncated>'
          + '<Upload><Key>a</Key><UploadId>u1</UploadId><Initiated>2020-01-01T00:00:00.000Z</Initiated></Upload></ListMultipartUploadsResult>',
      },
      { status: 204 },
    ]);
    const r = await runCli(['--endpoint-url', stub.url, '--bucket', 'bulk-token', '--all-uploads', '--debug'], {
      env: { AWS_SESSION_TOKEN: TOKEN },
    });
    expect(r.code).toBe(0);
    const reqs = stub.requests('bulk-token');
    expect(reqs.map((q) => q.method)).toEqual(['GET', 'DELETE']);
    expect(reqs.every((q) => q.headers['x-amz-security-token'] === TOKEN)).toBe(true);
    expectClean(r.stdout + r.stderr, [SECRET_KEY, TOKEN, ...reqs.map((q) => signatureOf(q.headers.authorization))]);
  });
});
