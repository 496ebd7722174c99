// Directory buckets (S3 Express) through a custom endpoint, as botocore 1.43 sends them (measured
// with `python3 -m awscli` on botocore 1.43.11): CreateSession `GET /<bucket>?session`, then the
// abort signed with the session's credentials; a CreateSession that cannot connect names its URL.
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { startStub } from '../support/stub-server.js';

const BUCKET = 'bkt--usw2-az1--x-s3';
const SESSION = (expires: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<CreateSessionResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Credentials>' +
  '<SessionToken>TESTSESSIONTOKEN</SessionToken><SecretAccessKey>TESTSESSIONSECRET</SecretAccessKey>' +
  `<AccessKeyId>ASIASESSIONKEY000000</AccessKeyId><Expiration>${expires}</Expiration></Credentials></CreateSessionResult>`;

describe('a directory bucket', () => {
  it('asks CreateSession first (GET /bucket?session), then aborts with the session token', async () => {
    const stub = await startStub();
    try {
      const expires = new Date(Date.now() + 300_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      stub.script(BUCKET, [{ status: 200, body: SESSION(expires), headers: { 'Content-Type': 'application/xml' } }, { status: 204 }]);
      const r = await runCli(['--endpoint-url', stub.url, '--region', 'us-west-2', '--bucket', BUCKET, '--key', 'k', '--upload-id', 'u']);
      expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
      const [session, abort] = stub.requests(BUCKET);
      expect([session?.method, session?.path, session?.query]).toEqual(['GET', `/${BUCKET}`, 'session']);
      expect(session?.headers.authorization).toMatch(/Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-west-2\/s3express\/aws4_request/);
      expect([abort?.method, abort?.path, abort?.query]).toEqual(['DELETE', `/${BUCKET}/k`, 'uploadId=u']);
      expect(abort?.headers['x-amz-s3session-token']).toBe('TESTSESSIONTOKEN');
      expect(abort?.headers.authorization).toMatch(/Credential=ASIASESSIONKEY000000\//);
    } finally {
      await stub.stop();
    }
  });

  it('names the CreateSession URL when it cannot connect (255)', async () => {
    const r = await runCli(['--endpoint-url', 'http://127.0.0.1:9', '--region', 'us-west-2', '--bucket', BUCKET, '--key', 'k', '--upload-id', 'u'], {
      env: { AWS_MAX_ATTEMPTS: '1' },
    });
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: `\nCould not connect to the endpoint URL: "http://127.0.0.1:9/${BUCKET}?session"\n` });
  });

  it('skips CreateSession with AWS_S3_DISABLE_EXPRESS_SESSION_AUTH=true, and refuses a value that is no boolean', async () => {
    const stub = await startStub();
    try {
      stub.script(BUCKET, [{ status: 204 }]);
      const r = await runCli(['--endpoint-url', stub.url, '--region', 'us-west-2', '--bucket', BUCKET, '--key', 'k', '--upload-id', 'u'], {
        env: { AWS_S3_DISABLE_EXPRESS_SESSION_AUTH: 'True' },
      });
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(stub.requests(BUCKET).map((q) => q.method)).toEqual(['DELETE']);
      const bad = await runCli(['--endpoint-url', stub.url, '--bucket', BUCKET, '--key', 'k', '--upload-id', 'u'], { env: { AWS_S3_DISABLE_EXPRESS_SESSION_AUTH: 'yes' } });
      expect(bad).toMatchObject({ code: 255, stderr: '\nInvalid value "yes" for s3_disable_express_session_auth. Value must be a boolean\n' });
    } finally {
      await stub.stop();
    }
  });
});
