// The CA bundle as load_verify_locations takes it (docs/aws-cli-today.md §2): Python's texts for a
// bundle that cannot be used, and today's refusal of a blank setting at client creation.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { NO_CERTIFICATE, readCaBundle } from '../../src/net/ca-bundle.js';
import { createMemoryIo } from '../support/memory-io.js';

const dir = mkdtempSync(join(tmpdir(), 's3abort-test-ca-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'k.pem', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=t'], { cwd: dir, stdio: 'pipe' });
const PEM = readFileSync(join(dir, 'ca.pem'), 'utf8');

describe('readCaBundle', () => {
  const io = createMemoryIo({
    files: { '/b/good.pem': PEM, '/b/two.pem': `# comment\n${PEM}\nnoise\n${PEM}`, '/b/junk.pem': 'this is not a certificate\n', '/b/empty.pem': '', '/b/broken.pem': '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n' },
    dirs: ['/b/dir'],
    unreadable: ['/b/secret.pem'],
  }).io;

  it.each([
    ['/b/missing.pem', '[Errno 2] No such file or directory'],
    ['/b/dir', '[Errno 21] Is a directory'],
    ['/b/secret.pem', '[Errno 13] Permission denied'],
    ['/b/junk.pem', NO_CERTIFICATE],
    ['/b/empty.pem', NO_CERTIFICATE],
    ['/b/broken.pem', NO_CERTIFICATE],
  ])('%s cannot be used: %s', (path, problem) => {
    expect(readCaBundle(io.fs, path)).toEqual({ problem });
  });

  it('takes the certificates of a PEM file, whatever surrounds them', () => {
    expect(readCaBundle(io.fs, '/b/good.pem')).toEqual({ pem: PEM.trim() });
    const two = readCaBundle(io.fs, '/b/two.pem');
    expect('pem' in two && two.pem.match(/BEGIN CERTIFICATE/g)?.length).toBe(2);
  });
});

describe('a blank CA bundle setting', () => {
  const ENV = {
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMIK7MDENGbPxRfiCYSECRETKEY', AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
  };
  const argv = ['--bucket', 'b', '--key', 'k', '--upload-id', 'u'];
  const text =
    'Invalid CA bundle: the configured value (ca_bundle, AWS_CA_BUNDLE, REQUESTS_CA_BUNDLE, or verify) resolved to an empty or whitespace-only string. Provide a valid path to a CA bundle file.';

  it.each([[{ AWS_CA_BUNDLE: '' }], [{ AWS_CA_BUNDLE: '  ' }], [{ REQUESTS_CA_BUNDLE: '' }]])('fails at client creation, before any connection: %o', async (env) => {
    const m = createMemoryIo({ argv, env: { ...ENV, ...env } });
    let sessions = 0;
    const code = await main(m.io, { createSession: async () => { sessions++; throw new Error('no session expected'); } });
    expect(code).toBe(255);
    expect(m.stderr()).toBe(`\n${text}\n`);
    expect(sessions).toBe(0);
  });

  it('is not read with --no-verify-ssl', async () => {
    const m = createMemoryIo({ argv: [...argv, '--no-verify-ssl'], env: { ...ENV, AWS_CA_BUNDLE: '' } });
    const code = await main(m.io, {
      resolveEndpoint: async () => {},
      createSession: async () => ({ abortMultipartUpload: async () => ({}), listMultipartUploads: async () => ({ uploads: [], truncated: false }), listParts: async () => ({ parts: 0 }), destroy: () => {} }),
    });
    expect(code).toBe(0);
  });
});
