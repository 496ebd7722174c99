// main() in-process with an in-memory Io and a fake S3 session: the pipeline's order, the
// stage each error comes from, and what reaches stdout and stderr.
import { describe, expect, it } from 'vitest';
import { main, type Deps } from '../../src/main.js';
import type { ClientConfig } from '../../src/aws/s3.js';
import { ServiceError } from '../../src/errors.js';
import { createMemoryIo, type MemoryIoOptions } from '../support/memory-io.js';

const SECRET = 'wJalrXUtnFEMIK7MDENGbPxRfiCYSECRETKEY';
const TOKEN = 'FwoGZXIvYXdzEXAMPLESESSIONTOKENvalue';
const ENV = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: SECRET,
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
};
const REQ = ['--endpoint-url', 'http://127.0.0.1:1', '--bucket', 'b', '--key', 'k', '--upload-id', 'u'];

interface Fake {
  calls: { op: string; input: unknown }[];
  configs: ClientConfig[];
  deps: Deps;
}

function fakeS3(behavior: (input: unknown) => Promise<{ RequestCharged?: string }> = async () => ({})): Fake {
  const calls: Fake['calls'] = [];
  const configs: ClientConfig[] = [];
  return {
    calls,
    configs,
    deps: {
      createSession: async (cfg) => {
        configs.push(cfg);
        return {
          abortMultipartUpload: async (input: unknown) => {
            calls.push({ op: 'abort', input });
            return behavior(input);
          },
          listMultipartUploads: async () => ({ uploads: [], truncated: false }),
          listParts: async () => ({ parts: 0 }),
          destroy: () => {},
        };
      },
    },
  };
}

async function run(argv: string[], opts: MemoryIoOptions = {}, fake = fakeS3()) {
  const m = createMemoryIo({ ...opts, argv, env: { ...ENV, ...(opts.env ?? {}) } });
  const code = await main(m.io, fake.deps);
  return { code, stdout: m.stdout(), stderr: m.stderr(), fake, abort: m.abort };
}

describe('main()', () => {
  it('sends one abort and prints nothing for an empty response', async () => {
    const r = await run(REQ);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(r.fake.calls).toEqual([{ op: 'abort', input: { Bucket: 'b', Key: 'k', UploadId: 'u' } }]);
    expect(r.fake.configs[0]).toMatchObject({ endpoint: 'http://127.0.0.1:1', forcePathStyle: true, region: 'us-east-1', maxAttempts: 3 });
  });

  it('formats RequestCharged with the output format from the environment', async () => {
    const r = await run(REQ, { env: { AWS_DEFAULT_OUTPUT: 'yaml' } }, fakeS3(async () => ({ RequestCharged: 'requester' })));
    expect(r.stdout).toBe('RequestCharged: requester\n');
  });

  it('sends the request before rejecting an unknown output type (exit 255)', async () => {
    const r = await run(REQ, { env: { AWS_DEFAULT_OUTPUT: 'xml' } });
    expect(r.fake.calls).toHaveLength(1);
    expect(r).toMatchObject({ code: 255, stdout: '', stderr: '\nUnknown output type: xml\n' });
  });

  it('compiles --query before any request (252) and evaluates it after (255)', async () => {
    const bad = await run([...REQ, '--query', 'a[']);
    expect(bad.code).toBe(252);
    expect(bad.fake.calls).toHaveLength(0);
    const runtime = await run([...REQ, '--query', 'length(RequestCharged)']);
    expect(runtime.fake.calls).toHaveLength(1);
    expect(runtime.code).toBe(255);
    expect(runtime.stderr).toBe(
      `\nIn function length(), invalid type for value: None, expected one of: ['string', 'array', 'object'], received: "null"\n`,
    );
  });

  it('reports a service error with exit 254 and its AWS text', async () => {
    const text = 'An error occurred (NoSuchUpload) when calling the AbortMultipartUpload operation: gone';
    const r = await run(REQ, {}, fakeS3(async () => {
      throw new ServiceError('NoSuchUpload', 'gone', 404, text);
    }));
    expect(r).toMatchObject({ code: 254, stdout: '', stderr: `\n${text}\n` });
  });

  it('never shows a stack trace for an unexpected failure', async () => {
    const r = await run(REQ, {}, fakeS3(async () => {
      throw new TypeError('something odd');
    }));
    expect(r.code).toBe(255);
    expect(r.stderr).toBe('\nsomething odd\n');
  });

  it('answers 130 with a newline on stdout when interrupted during the request', async () => {
    let release!: () => void;
    const fake = fakeS3(() => new Promise((resolve) => (release = () => resolve({}))));
    const m = createMemoryIo({ argv: REQ, env: ENV });
    const pending = main(m.io, fake.deps);
    await new Promise((r) => setTimeout(r, 20));
    m.abort();
    expect(await pending).toBe(130);
    expect(m.stdout()).toBe('\n');
    expect(m.stderr()).toBe('');
    release?.();
  });

  it('checks parameters before looking for credentials (252 wins over 253)', async () => {
    const noCreds = { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined };
    const r = await run(['--endpoint-url', 'http://x', '--bucket', 'b', '--key', '', '--upload-id', 'u'], { env: noCreds });
    expect(r.code).toBe(252);
    const r2 = await run(REQ, { env: noCreds });
    expect(r2).toMatchObject({ code: 253, stderr: '\nUnable to locate credentials. You can configure credentials by running "aws configure".\n' });
    expect(r2.fake.calls).toHaveLength(0);
  });

  it('reads --cli-input-json from standard input once, for file:///dev/stdin and for -', async () => {
    for (const where of ['file:///dev/stdin', '-']) {
      const r = await run(['--endpoint-url', 'http://x', '--cli-input-json', where], {
        stdin: '{"Bucket": "b", "Key": "k", "UploadId": "u"}',
      });
      expect(r.code).toBe(0);
      expect(r.fake.calls[0]?.input).toEqual({ Bucket: 'b', Key: 'k', UploadId: 'u' });
    }
  });

  it('keeps secrets and session tokens out of the --debug log', async () => {
    const r = await run([...REQ, '--debug'], { env: { AWS_SESSION_TOKEN: TOKEN } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Arguments entered to CLI:');
    expect(r.stderr).not.toContain(SECRET);
    expect(r.stderr).not.toContain(TOKEN);
  });

  it('prints the version and stops', async () => {
    const r = await run(['--version', '--output', 'xml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^s3abort\/\d+\.\d+\.\d+ Node\.js\/\d+\.\d+\.\d+ \S+\/\S+ \S+\n$/);
  });

  it('prints skeletons without credentials, profile or request', async () => {
    const r = await run(['--generate-cli-skeleton', '--profile', 'nope'], { env: { AWS_ACCESS_KEY_ID: undefined } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"IfMatchInitiatedTime": "1970-01-01T00:00:00"');
    expect(r.fake.calls).toHaveLength(0);
  });

  it('turns --no-sign-request into an unsigned client and needs no credentials', async () => {
    const r = await run([...REQ, '--no-sign-request'], { env: { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined } });
    expect(r.code).toBe(0);
    expect(r.fake.configs[0]?.credentials).toBeNull();
  });

  it('passes timeouts, retries and TLS settings to the client', async () => {
    const r = await run([...REQ, '--cli-read-timeout', '0', '--cli-connect-timeout', '7', '--no-verify-ssl'], {
      env: { AWS_MAX_ATTEMPTS: '5', AWS_RETRY_MODE: 'adaptive' },
    });
    expect(r.code).toBe(0);
    const cfg = r.fake.configs[0]!;
    expect(cfg.readTimeoutMs).toBeUndefined();
    expect(cfg.connectTimeoutMs).toBe(7000);
    expect(cfg).toMatchObject({ maxAttempts: 5, retryMode: 'adaptive', verifySsl: false });
  });

  it('takes region, credentials and endpoint from a profile chosen by AWS_PROFILE', async () => {
    const r = await run(['--bucket', 'b', '--key', 'k', '--upload-id', 'u'], {
      env: {
        AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_DEFAULT_REGION: undefined,
        AWS_PROFILE: 'dev', AWS_CONFIG_FILE: '/h/config', AWS_SHARED_CREDENTIALS_FILE: '/h/credentials',
      },
      files: {
        '/h/config': '[profile dev]\nregion = eu-west-1\nendpoint_url = http://127.0.0.1:2\ns3 =\n  addressing_style = virtual\n',
        '/h/credentials': `[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = ${SECRET}\n`,
      },
    });
    expect(r.code).toBe(0);
    expect(r.fake.configs[0]).toMatchObject({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:2', forcePathStyle: false });
    expect(await r.fake.configs[0]!.credentials!()).toMatchObject({ accessKeyId: 'AKIDDEV' });
  });

  it('shows the help page for help and --help (the AWS CLI answers --help with argparse usage)', async () => {
    for (const argv of [['help'], ['--help'], [...REQ, 'help']]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('\nNAME\n       abort-multipart-upload -\n');
      expect(r.stdout).toContain('\n       --all-uploads (boolean, s3abort)\n');
      expect(r.fake.calls).toHaveLength(0);
    }
  });
});

describe('hints after a usage error', () => {
  const usage = async (argv: string[]) => {
    const m = createMemoryIo({ argv, env: ENV, prog: 's3abort' });
    const code = await main(m.io, fakeS3().deps);
    return { code, stderr: m.stderr(), stdout: m.stdout() };
  };

  it.each([
    [['--bucket', 'b', '--all-upload'], "s3abort: did you mean --all-uploads? (s3abort's own options are not abbreviated)\n"],
    [[...REQ, '--dry-rn'], 's3abort: did you mean --dry-run?\n'],
    [[...REQ, '--ignore-mising'], 's3abort: did you mean --ignore-missing?\n'],
    [['--bucket', 'b', '--all-uploads', '--older-then', '7d'], 's3abort: did you mean --older-than?\n'],
    [['s3api', 'list-multipart-uploads', '--bucket', 'b'], "s3abort: s3abort runs only abort-multipart-upload, not 'list-multipart-uploads'\n"],
    [['s3', 'ls'], "s3abort: s3abort runs only abort-multipart-upload, not 's3'\n"],
  ])('%j ends with %j, after the AWS CLI text', async (argv, hint) => {
    const r = await usage(argv);
    expect(r.code).toBe(252);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith(`\n${hint}`)).toBe(true);
    // the AWS CLI's own text is all there, before it
    expect(r.stderr.slice(0, -hint.length)).toMatch(/(?:error: .*|Unknown options: .*)\n\n$/);
  });

  it.each([
    [[...REQ, '--foo']],
    [['--bucket', 'b', '--key', 'k']],
    [['s3api', 'abort-multipart-upload', '--bucket', 'b', '--key', 'k']],
    [[...REQ, '--request-pay', 'requester', '--bogus']],
  ])('adds nothing for %j, where nothing is close to an s3abort word', async (argv) => {
    const r = await usage(argv);
    expect(r.code).toBe(252);
    expect(r.stderr).not.toMatch(/did you mean|runs only/);
  });
});
