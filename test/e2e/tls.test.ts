// TLS against a local HTTPS endpoint whose certificate comes from a CA made here: default
// verification fails as the AWS CLI fails; --ca-bundle, AWS_CA_BUNDLE and ca_bundle make it
// pass; --no-verify-ssl passes with a warning for each request.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { removeTmp, testTmpDir } from '../support/tmp.js';

let dir: string;
let server: https.Server;
let url: string;
let requests = 0;

function openssl(args: string[]) {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

beforeAll(async () => {
  // (holds a CA key: removed after the tests, however they end)
  dir = testTmpDir('tls');
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=s3abort test CA']);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'srv.key', '-out', 'srv.csr', '-subj', '/CN=127.0.0.1']);
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(['x509', '-req', '-in', 'srv.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'srv.pem', '-days', '2', '-extfile', 'ext.cnf']);
  server = https.createServer({ key: readFileSync(join(dir, 'srv.key')), cert: readFileSync(join(dir, 'srv.pem')) }, (req, res) => {
    requests++;
    req.resume();
    res.writeHead(204, { 'x-amz-request-id': 'REQ' });
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  removeTmp(dir);
});

const args = () => ['--endpoint-url', url, '--bucket', 'b', '--key', 'k', '--upload-id', 'u'];

describe('TLS', () => {
  it('fails verification against an unknown CA with the CLI message and exit 255', async () => {
    const r = await runCli([...args(), '--cli-connect-timeout', '5']);
    expect(r.code).toBe(255);
    expect(r.stderr).toBe(
      `\nSSL validation failed for ${url}/b/k?uploadId=u [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:992)\n`,
    );
  });

  it('trusts the CA from --ca-bundle, AWS_CA_BUNDLE and the profile ca_bundle', async () => {
    const ca = join(dir, 'ca.pem');
    const before = requests;
    expect((await runCli([...args(), '--ca-bundle', ca])).code).toBe(0);
    expect((await runCli(args(), { env: { AWS_CA_BUNDLE: ca } })).code).toBe(0);
    const viaProfile = await runCli(args(), { files: { 'home/.aws/config': `[default]\nca_bundle = ${ca}\n` } });
    expect(viaProfile).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(requests - before).toBe(3);
  });

  it('lets --ca-bundle win over AWS_CA_BUNDLE', async () => {
    const r = await runCli([...args(), '--ca-bundle', join(dir, 'ca.pem')], { env: { AWS_CA_BUNDLE: join(dir, 'srv.key') } });
    expect(r.code).toBe(0);
  });

  it('passes with --no-verify-ssl and warns once per request', async () => {
    const r = await runCli([...args(), '--no-verify-ssl']);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/InsecureRequestWarning: Unverified HTTPS request is being made to host '127\.0\.0\.1'/g)).toHaveLength(1);
  });
});
