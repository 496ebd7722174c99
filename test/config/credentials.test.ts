// The credential chain: every source, its order, and the AWS CLI's error texts (checked against
// AWS CLI 2.9.19). Files are in memory; credential_process runs small node scripts; the container,
// IMDS, STS and SSO endpoints are local servers on 127.0.0.1. The ambient process.env is never read.

import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testTmpDir } from '../support/tmp.js';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type CredentialDeps,
  type CredentialProvider,
  createCredentialProvider,
  resolveImdsRegion,
  type SsoApi,
  type StsApi,
} from '../../src/config/credentials.js';
import { createSettings, type SettingsFlags } from '../../src/config/settings/settings.js';
import { ConfigError, GeneralError, ServiceError } from '../../src/errors.js';
import { memFs } from './memfs.js';

const HOME = '/h';
const NOW = Date.parse('2030-01-01T00:00:00Z');

interface Setup {
  env?: Record<string, string>;
  config?: string;
  credentials?: string;
  files?: Record<string, string>;
  flags?: Partial<SettingsFlags>;
  deps?: Partial<CredentialDeps>;
}

function setup({ env = {}, config, credentials, files = {}, flags = {}, deps = {} }: Setup = {}) {
  const all: Record<string, string> = { ...files };
  if (config !== undefined) all[`${HOME}/.aws/config`] = config;
  if (credentials !== undefined) all[`${HOME}/.aws/credentials`] = credentials;
  const fs = memFs(all);
  const fullEnv = { HOME, AWS_EC2_METADATA_DISABLED: 'true', ...env };
  const settings = createSettings({ env: fullEnv, fs, homedir: HOME, flags: { verifySsl: true, noSignRequest: false, ...flags } });
  const logs: string[] = [];
  const provider = createCredentialProvider(settings, {
    fs,
    homedir: HOME,
    now: () => NOW,
    sleep: async () => {},
    debug: (m, level = 'DEBUG') => logs.push(`${level} ${m}`),
    ...deps,
  });
  return { provider, logs, settings, fs };
}

async function failure(p: Promise<unknown>): Promise<{ message: string; exitCode: number; type: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as Error & { exitCode: number };
    return { message: e.message, exitCode: e.exitCode, type: e.constructor.name };
  }
  throw new Error('expected a failure');
}

const KEYS = { AWS_ACCESS_KEY_ID: 'AKENV', AWS_SECRET_ACCESS_KEY: 'SKENV' };
const FILE_KEYS = '[default]\naws_access_key_id = AKFILE\naws_secret_access_key = SKFILE\n';
const NO_CREDS = 'Unable to locate credentials. You can configure credentials by running "aws configure".';

describe('environment variables', () => {
  it('finds the keys, with the session token from AWS_SECURITY_TOKEN first', async () => {
    const { provider, logs } = setup({ env: { ...KEYS, AWS_SESSION_TOKEN: 'ST', AWS_SECURITY_TOKEN: 'SEC' } });
    expect(await provider()).toEqual({ accessKeyId: 'AKENV', secretAccessKey: 'SKENV', sessionToken: 'SEC' });
    expect(provider.method).toBe('env');
    expect(logs).toEqual(['DEBUG Looking for credentials via: env', 'INFO Found credentials in environment variables.']);
  });

  it('raises partial credentials when only the key id is set (255)', async () => {
    for (const env of [{ AWS_ACCESS_KEY_ID: 'AK' }, { AWS_ACCESS_KEY_ID: 'AK', AWS_SECRET_ACCESS_KEY: '' }] as Array<Record<string, string>>) {
      const { provider } = setup({ env, credentials: FILE_KEYS });
      expect(await failure(provider.load())).toMatchObject({
        message: 'Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY',
        exitCode: 255,
      });
    }
  });

  it('moves on when only the secret is set, or the key id is empty', async () => {
    for (const env of [{ AWS_SECRET_ACCESS_KEY: 'SK' }, { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: 'SK' }] as Array<Record<string, string>>) {
      const { provider } = setup({ env, credentials: FILE_KEYS });
      expect((await provider()).accessKeyId).toBe('AKFILE');
    }
  });

  it('beats the shared files, and AWS_PROFILE does not turn it off', async () => {
    const credentials = `${FILE_KEYS}[other]\naws_access_key_id = AKOTHER\naws_secret_access_key = S\n`;
    expect((await setup({ env: KEYS, credentials }).provider()).accessKeyId).toBe('AKENV');
    expect((await setup({ env: { ...KEYS, AWS_PROFILE: 'other' }, credentials }).provider()).accessKeyId).toBe('AKENV');
  });

  it('is skipped for an explicit --profile', async () => {
    const credentials = `[other]\naws_access_key_id = AKOTHER\naws_secret_access_key = S\n`;
    const { provider, logs } = setup({ env: KEYS, credentials, flags: { profile: 'other' } });
    expect((await provider()).accessKeyId).toBe('AKOTHER');
    expect(logs[0]).toBe('DEBUG Skipping environment variable credential check because profile name was explicitly set.');
    expect(logs).not.toContain('DEBUG Looking for credentials via: env');
  });

  it('honours AWS_CREDENTIAL_EXPIRATION', async () => {
    const ok = setup({ env: { ...KEYS, AWS_CREDENTIAL_EXPIRATION: '2031-01-01T00:00:00Z' } });
    expect((await ok.provider()).expiration).toEqual(new Date('2031-01-01T00:00:00Z'));
    const expired = setup({ env: { ...KEYS, AWS_CREDENTIAL_EXPIRATION: '2000-01-01T00:00:00Z' } });
    expect(await failure(expired.provider())).toMatchObject({
      message: 'Credentials were refreshed, but the refreshed credentials are still expired.',
      exitCode: 255,
    });
    const garbage = setup({ env: { ...KEYS, AWS_CREDENTIAL_EXPIRATION: 'garbage' } });
    expect(await failure(garbage.provider.load())).toMatchObject({ message: 'Unknown string format: garbage', exitCode: 255 });
  });
});

describe('shared credentials and config files', () => {
  it('reads the credentials file, logging its name as configured', async () => {
    const { provider, logs } = setup({ credentials: `${FILE_KEYS}aws_session_token = TOK\n` });
    expect(await provider()).toEqual({ accessKeyId: 'AKFILE', secretAccessKey: 'SKFILE', sessionToken: 'TOK' });
    expect(provider.method).toBe('shared-credentials-file');
    expect(logs).toContain('INFO Found credentials in shared credentials file: ~/.aws/credentials');
  });

  it('prefers aws_security_token to aws_session_token', async () => {
    const { provider } = setup({ credentials: `${FILE_KEYS}aws_session_token = B\naws_security_token = A\n` });
    expect((await provider()).sessionToken).toBe('A');
  });

  it('uses the profile by its section name in the credentials file', async () => {
    const { provider } = setup({
      env: { AWS_PROFILE: 'dev' },
      credentials: `${FILE_KEYS}[dev]\naws_access_key_id = AKDEV\naws_secret_access_key = SKDEV\n`,
    });
    expect((await provider()).accessKeyId).toBe('AKDEV');
  });

  it('reads keys in the config profile after credential_process', async () => {
    const { provider, logs } = setup({ config: '[profile dev]\naws_access_key_id = AKCFG\naws_secret_access_key = SKCFG\n', flags: { profile: 'dev' } });
    expect((await provider()).accessKeyId).toBe('AKCFG');
    expect(provider.method).toBe('config-file');
    expect(logs).toContain('INFO Credentials found in config file: ~/.aws/config');
  });

  it.each<[string, Setup, string]>([
    ['credentials file', { credentials: '[default]\naws_access_key_id = a\n' }, 'Partial credentials found in shared-credentials-file, missing: aws_secret_access_key'],
    ['config file', { config: '[default]\naws_access_key_id = a\n' }, 'Partial credentials found in config-file, missing: aws_secret_access_key'],
  ])('raises partial credentials in the %s (255)', async (_name, s, message) => {
    expect(await failure(setup(s).provider.load())).toMatchObject({ message, exitCode: 255 });
  });

  it('walks the chain in botocore order and logs each step', async () => {
    const { provider, logs } = setup({});
    expect(await failure(provider())).toMatchObject({ message: NO_CREDS, exitCode: 253, type: 'ConfigError' });
    expect(logs.filter((l) => l.includes('Looking for'))).toEqual(
      [
        'env',
        'assume-role',
        'assume-role-with-web-identity',
        'sso',
        'shared-credentials-file',
        'custom-process',
        'config-file',
        'ec2-credentials-file',
        'boto-config',
        'container-role',
        'iam-role',
      ].map((m) => `DEBUG Looking for credentials via: ${m}`),
    );
  });

  it('finds nothing without error at load(); the error waits for the first call (253)', async () => {
    const { provider } = setup({});
    await expect(provider.load()).resolves.toBeUndefined();
    await expect(provider()).rejects.toBeInstanceOf(ConfigError);
  });

  it('reads AWS_CREDENTIAL_FILE and the boto config', async () => {
    const ec2 = setup({ env: { AWS_CREDENTIAL_FILE: '~/ec2' }, files: { [`${HOME}/ec2`]: 'junk\nAWSAccessKeyId = AKEC2\nAWSSecretKey=SKEC2\n' } });
    expect(await ec2.provider()).toEqual({ accessKeyId: 'AKEC2', secretAccessKey: 'SKEC2' });
    expect(ec2.provider.method).toBe('ec2-credentials-file');
    const missing = setup({ env: { AWS_CREDENTIAL_FILE: '/nonexist' } });
    expect(await failure(missing.provider.load())).toMatchObject({ message: 'The specified config file (/nonexist) could not be found.', exitCode: 255 });
    const boto = setup({ files: { [`${HOME}/.boto`]: '[Credentials]\naws_access_key_id = AKBOTO\naws_secret_access_key = SKBOTO\n' } });
    expect((await boto.provider()).accessKeyId).toBe('AKBOTO');
    const botoEnv = setup({ env: { BOTO_CONFIG: '/etc/other.cfg' }, files: { '/etc/other.cfg': '[Credentials]\naws_access_key_id = B\naws_secret_access_key = S\n' } });
    expect((await botoEnv.provider()).accessKeyId).toBe('B');
  });
});

describe('credential_process', () => {
  let dir: string;
  const node = JSON.stringify(process.execPath);
  const script = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, body);
    return `${node} ${JSON.stringify(path)}`;
  };
  const profile = (command: string) => `[default]\ncredential_process = ${command}\n`;
  beforeAll(() => {
    dir = testTmpDir('cred');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the command without a shell, with the injected environment', async () => {
    const cmd = script(
      'ok.cjs',
      `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: process.argv.slice(2).join('|'), SecretAccessKey: String(process.env.MARK) + '/' + String(process.env.PATH_UNSET_MARKER), SessionToken: 'T' }))`,
    );
    const { provider } = setup({ env: { MARK: 'injected' }, config: profile(`${cmd} "two words" 'single $HOME' \\* ;`) });
    expect(await provider()).toEqual({ accessKeyId: 'two words|single $HOME|*|;', secretAccessKey: 'injected/undefined', sessionToken: 'T' });
    expect(provider.method).toBe('custom-process');
  });

  it('also finds credential_process in the credentials file, after the static keys there', async () => {
    const cmd = script('ok2.cjs', `process.stdout.write('{"Version": 1, "AccessKeyId": "AKP", "SecretAccessKey": "S"}')`);
    expect((await setup({ credentials: profile(cmd) }).provider()).accessKeyId).toBe('AKP');
    expect((await setup({ credentials: `${FILE_KEYS}credential_process = ${cmd}\n` }).provider()).accessKeyId).toBe('AKFILE');
    expect((await setup({ config: '[default]\naws_access_key_id = AKC\naws_secret_access_key = S\n', credentials: profile(cmd) }).provider()).accessKeyId).toBe('AKP');
  });

  it.each<[string, string, string]>([
    ['a non-zero exit: its stderr verbatim', `process.stderr.write('boom\\n'); process.stdout.write('out'); process.exit(3)`, 'Error when retrieving credentials from custom-process: boom\n'],
    ['output that is not JSON', `process.stdout.write('not json')`, 'Expecting value: line 1 column 1 (char 0)'],
    ['empty output', ``, 'Expecting value: line 1 column 1 (char 0)'],
    ['a JSON list', `process.stdout.write('[1]')`, "'list' object has no attribute 'get'"],
    ['version 2', `process.stdout.write('{"Version": 2, "AccessKeyId": "a", "SecretAccessKey": "b"}')`, "Error when retrieving credentials from custom-process: Unsupported version '2' for credential process provider, supported versions: 1"],
    ['a string version', `process.stdout.write('{"Version": "1", "AccessKeyId": "a", "SecretAccessKey": "b"}')`, "Error when retrieving credentials from custom-process: Unsupported version '1' for credential process provider, supported versions: 1"],
    ['no version', `process.stdout.write('{"AccessKeyId": "a", "SecretAccessKey": "b"}')`, "Error when retrieving credentials from custom-process: Unsupported version '<Version key not provided>' for credential process provider, supported versions: 1"],
    ['no secret', `process.stdout.write('{"Version": 1, "AccessKeyId": "a"}')`, "Error when retrieving credentials from custom-process: Missing required key in response: 'SecretAccessKey'"],
    ['an expiry in the past', `process.stdout.write('{"Version": 1, "AccessKeyId": "a", "SecretAccessKey": "b", "Expiration": "2000-01-01T00:00:00Z"}')`, 'Credentials were refreshed, but the refreshed credentials are still expired.'],
    ['invalid UTF-8', `process.stdout.write(Buffer.from([0x7b, 0xff]))`, "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte"],
  ])('fails with the CLI text for %s (255)', async (_name, body, message) => {
    const { provider } = setup({ config: profile(script(`f${Math.random()}.cjs`, body)) });
    expect(await failure(provider())).toMatchObject({ message, exitCode: 255 });
  });

  it('accepts Version 1.0 and true as Python does', async () => {
    for (const v of ['1.0', 'true']) {
      const cmd = script(`v${v}.cjs`, `process.stdout.write('{"Version": ${v}, "AccessKeyId": "a", "SecretAccessKey": "b"}')`);
      expect((await setup({ config: profile(cmd) }).provider()).accessKeyId).toBe('a');
    }
  });

  it.each<[string, string]>([
    ['/nonexistent/cmd --x', "[Errno 2] No such file or directory: '/nonexistent/cmd'"],
    ['', 'list index out of range'],
    ["'unterminated", 'No closing quotation'],
    ['cmd\\', 'No escaped character'],
  ])('fails to start %j (255)', async (command, message) => {
    expect(await failure(setup({ config: `[default]\ncredential_process = ${command}\n` }).provider.load())).toMatchObject({ message, exitCode: 255 });
  });

  it('runs at load(), before anything is signed', async () => {
    const cmd = script('boom.cjs', `process.stderr.write('early'); process.exit(1)`);
    expect(await failure(setup({ config: profile(cmd) }).provider.load())).toMatchObject({
      message: 'Error when retrieving credentials from custom-process: early',
    });
  });

  it('runs the command again when the credentials are about to expire', async () => {
    const counter = join(dir, 'count');
    writeFileSync(counter, '0');
    const cmd = script(
      'refresh.cjs',
      `const fs=require('fs');const n=Number(fs.readFileSync(${JSON.stringify(counter)},'utf8'))+1;fs.writeFileSync(${JSON.stringify(counter)},String(n));` +
        `process.stdout.write(JSON.stringify({Version:1,AccessKeyId:'AK'+n,SecretAccessKey:'S',SessionToken:'T',Expiration:'2030-01-01T00:20:00Z'}))`,
    );
    let now = NOW;
    const { provider } = setup({ config: profile(cmd), deps: { now: () => now } });
    expect((await provider()).accessKeyId).toBe('AK1');
    expect((await provider()).accessKeyId).toBe('AK1');
    now += 6 * 60 * 1000; // 14 minutes left: inside the 15-minute advisory window
    expect((await provider()).accessKeyId).toBe('AK2');
  });
});

describe('assume-role', () => {
  const ROLE = 'arn:aws:iam::123456789012:role/r';
  function fakeSts() {
    const calls: Array<{ op: string; params: Record<string, unknown>; source?: unknown; endpoint?: string; region?: string }> = [];
    const sts: StsApi = {
      async assumeRole(params, source, context) {
        calls.push({ op: 'AssumeRole', params, source, ...(context.endpoint ? { endpoint: context.endpoint } : {}), ...(context.region ? { region: context.region } : {}) });
        return { AccessKeyId: `AK-${calls.length}`, SecretAccessKey: 'SK-role', SessionToken: 'TOK', Expiration: new Date('2030-01-01T01:00:00Z') };
      },
      async assumeRoleWithWebIdentity(params, context) {
        calls.push({ op: 'AssumeRoleWithWebIdentity', params, ...(context.endpoint ? { endpoint: context.endpoint } : {}) });
        return { AccessKeyId: 'AK-web', SecretAccessKey: 'SK-web', SessionToken: 'TOK', Expiration: new Date('2030-01-01T01:00:00Z') };
      },
    };
    return { sts, calls };
  }

  it.each<[string, string, string]>([
    ['neither source', `[default]\nrole_arn = ${ROLE}\n`, 'Partial credentials found in assume-role, missing: source_profile or credential_source'],
    ['both sources', `[default]\nrole_arn = ${ROLE}\nsource_profile = a\ncredential_source = Environment\n`, 'The profile "default" contains both source_profile and credential_source.'],
    ['an unknown credential_source', `[default]\nrole_arn = ${ROLE}\ncredential_source = Bogus\n`, 'The credential source "Bogus" referenced in profile "default" is not valid.'],
    ['a credential_source in the wrong case', `[default]\nrole_arn = ${ROLE}\ncredential_source = environment\n`, 'The credential source "environment" referenced in profile "default" is not valid.'],
    ['an empty credential_source', `[default]\nrole_arn = ${ROLE}\ncredential_source = Environment\n`, 'Error when retrieving credentials from Environment: No credentials found in credential_source referenced in profile default'],
    ['a missing source profile', `[profile arbad]\nrole_arn = ${ROLE}\nsource_profile = missing\n[default]\nsource_profile = arbad\nrole_arn = ${ROLE}\n`, 'The source_profile "missing" referenced in the profile "arbad" does not exist.'],
    ['a source profile without credentials', `[default]\nrole_arn = ${ROLE}\nsource_profile = a\n[profile a]\nregion = x\n`, 'The source profile "a" must have credentials.'],
    ['a loop', `[default]\nrole_arn = ${ROLE}\nsource_profile = a\n[profile a]\nrole_arn = ${ROLE}\nsource_profile = default\n`, "Infinite loop in credential configuration detected. Attempting to load from profile default which has already been visited. Visited profiles: ['default', 'a']"],
    ['itself without static keys', `[default]\nrole_arn = ${ROLE}\nsource_profile = default\n`, "Infinite loop in credential configuration detected. Attempting to load from profile default which has already been visited. Visited profiles: ['default']"],
    ['a half-configured source profile', `[default]\nrole_arn = ${ROLE}\nsource_profile = a\n[profile a]\naws_access_key_id = x\n`, 'Partial credentials found in config-file, missing: aws_secret_access_key'],
  ])('validates at load(): %s (255)', async (_name, config, message) => {
    const { sts, calls } = fakeSts();
    expect(await failure(setup({ config, deps: { sts } }).provider.load())).toMatchObject({ message, exitCode: 255 });
    expect(calls).toEqual([]);
  });

  it('resolves the source profile at load() and calls STS on first use', async () => {
    const { sts, calls } = fakeSts();
    const { provider } = setup({
      config: `[profile dev]\nrole_arn = ${ROLE}\nsource_profile = base\nexternal_id = ext\nduration_seconds = 900\nrole_session_name = me\n`,
      credentials: '[base]\naws_access_key_id = AKBASE\naws_secret_access_key = SKBASE\n',
      env: { AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:1' },
      flags: { profile: 'dev' },
      deps: { sts },
    });
    await provider.load();
    expect(provider.method).toBe('assume-role');
    expect(calls).toEqual([]);
    expect(await provider()).toEqual({ accessKeyId: 'AK-1', secretAccessKey: 'SK-role', sessionToken: 'TOK', expiration: new Date('2030-01-01T01:00:00Z') });
    expect(calls).toEqual([
      {
        op: 'AssumeRole',
        params: { RoleArn: ROLE, RoleSessionName: 'me', ExternalId: 'ext', DurationSeconds: 900 },
        source: { accessKeyId: 'AKBASE', secretAccessKey: 'SKBASE' },
        endpoint: 'http://127.0.0.1:1',
        region: 'eu-west-1',
      },
    ]);
    await provider();
    expect(calls).toHaveLength(1);
  });

  it('names the session botocore-session-<seconds> and chains roles', async () => {
    const { sts, calls } = fakeSts();
    const { provider } = setup({
      config: `[default]\nrole_arn = ${ROLE}2\nsource_profile = mid\n[profile mid]\nrole_arn = ${ROLE}\ncredential_source = Environment\n`,
      env: KEYS,
      // an explicit profile takes the environment provider out of the chain (not credential_source)
      flags: { profile: 'default' },
      deps: { sts },
    });
    expect((await provider()).accessKeyId).toBe('AK-2');
    expect(calls.map((c) => [c.params['RoleArn'], c.params['RoleSessionName'], (c.source as { accessKeyId: string }).accessKeyId])).toEqual([
      [ROLE, `botocore-session-${NOW / 1000}`, 'AKENV'],
      [`${ROLE}2`, `botocore-session-${NOW / 1000}`, 'AK-1'],
    ]);
  });

  it('uses unexpired credentials from ~/.aws/cli/cache instead of calling STS', async () => {
    const { sts, calls } = fakeSts();
    // sha1 of json.dumps({"RoleArn": ROLE}, sort_keys=True), computed with Python
    const key = '6dc9e6e1e186b9f293814df3266de783142c48a2';
    const cached = JSON.stringify({ Credentials: { AccessKeyId: 'AKCACHE', SecretAccessKey: 'S', SessionToken: 'T', Expiration: '2030-01-01T02:00:00+00:00' } });
    const { provider, logs } = setup({
      config: `[default]\nrole_arn = ${ROLE}\ncredential_source = Environment\n`,
      env: KEYS,
      flags: { profile: 'default' },
      files: { [`${HOME}/.aws/cli/cache/${key}.json`]: cached },
      deps: { sts },
    });
    expect((await provider()).accessKeyId).toBe('AKCACHE');
    expect(calls).toEqual([]);
    expect(logs).toContain('DEBUG Credentials for role retrieved from cache.');
  });

  it('finds the cache file of a role ARN holding DEL under the key botocore computes', async () => {
    const { sts, calls } = fakeSts();
    // sha1 of json.dumps({"RoleArn": 'arn:aws:iam::1:role/R\x7f'}, sort_keys=True): ensure_ascii writes \u007f
    const key = '498db5ff2019adcf1e4156b8b012e3f8e88c77b4';
    const cached = JSON.stringify({ Credentials: { AccessKeyId: 'AKCACHE', SecretAccessKey: 'S', SessionToken: 'T', Expiration: '2030-01-01T02:00:00+00:00' } });
    const { provider } = setup({
      config: '[default]\nrole_arn = arn:aws:iam::1:role/R\x7f\ncredential_source = Environment\n',
      env: KEYS,
      flags: { profile: 'default' },
      files: { [`${HOME}/.aws/cli/cache/${key}.json`]: cached },
      deps: { sts },
    });
    expect((await provider()).accessKeyId).toBe('AKCACHE');
    expect(calls).toEqual([]);
  });

  it('calls STS again when the cached credentials expire within 15 minutes, and writes the cache', async () => {
    const { sts, calls } = fakeSts();
    const key = '6dc9e6e1e186b9f293814df3266de783142c48a2';
    const cached = JSON.stringify({ Credentials: { AccessKeyId: 'AKCACHE', SecretAccessKey: 'S', SessionToken: 'T', Expiration: '2030-01-01T00:10:00Z' } });
    const written: Record<string, string> = {};
    const { provider } = setup({
      config: `[default]\nrole_arn = ${ROLE}\ncredential_source = Environment\n`,
      env: KEYS,
      flags: { profile: 'default' },
      files: { [`${HOME}/.aws/cli/cache/${key}.json`]: cached },
      deps: { sts, writeFile: (p, t) => (written[p] = t) },
    });
    expect((await provider()).accessKeyId).toBe('AK-1');
    expect(calls).toHaveLength(1);
    expect(Object.keys(written)).toEqual([`${HOME}/.aws/cli/cache/${key}.json`]);
    expect(JSON.parse(Object.values(written)[0]!)).toEqual({
      Credentials: { AccessKeyId: 'AK-1', SecretAccessKey: 'SK-role', SessionToken: 'TOK', Expiration: '2030-01-01T01:00:00+00:00' },
    });
  });

  it('asks for an MFA code with the CLI prompt', async () => {
    const { sts, calls } = fakeSts();
    const prompts: string[] = [];
    const { provider } = setup({
      config: `[default]\nrole_arn = ${ROLE}\ncredential_source = Environment\nmfa_serial = arn:mfa\n`,
      env: KEYS,
      flags: { profile: 'default' },
      deps: { sts, prompt: async (t) => (prompts.push(t), '123456') },
    });
    await provider();
    expect(prompts).toEqual(['Enter MFA code for arn:mfa: ']);
    expect(calls[0]?.params).toMatchObject({ SerialNumber: 'arn:mfa', TokenCode: '123456' });
  });
});

describe('assume-role-with-web-identity', () => {
  const ROLE = 'arn:aws:iam::123456789012:role/web';
  const sts = (calls: unknown[]): StsApi => ({
    assumeRole: async () => {
      throw new Error('unexpected');
    },
    async assumeRoleWithWebIdentity(params) {
      calls.push(params);
      return { AccessKeyId: 'AK-web', SecretAccessKey: 'SK', SessionToken: 'T', Expiration: new Date('2030-01-01T01:00:00Z') };
    },
  });

  it('reads AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN and AWS_ROLE_SESSION_NAME', async () => {
    const calls: unknown[] = [];
    const { provider } = setup({
      env: { AWS_WEB_IDENTITY_TOKEN_FILE: '/tok', AWS_ROLE_ARN: ROLE, AWS_ROLE_SESSION_NAME: 'sess' },
      files: { '/tok': 'jwt-token' },
      deps: { sts: sts(calls) },
    });
    expect((await provider()).accessKeyId).toBe('AK-web');
    expect(provider.method).toBe('assume-role-with-web-identity');
    expect(calls).toEqual([{ RoleArn: ROLE, RoleSessionName: 'sess', WebIdentityToken: 'jwt-token' }]);
  });

  it('reads the profile, and only the profile for an explicit --profile', async () => {
    const calls: unknown[] = [];
    const { provider } = setup({
      env: { AWS_WEB_IDENTITY_TOKEN_FILE: '/env-tok', AWS_ROLE_ARN: 'arn:env' },
      config: `[profile w]\nweb_identity_token_file = /tok\nrole_arn = ${ROLE}\n`,
      files: { '/tok': 'from-profile' },
      flags: { profile: 'w' },
      deps: { sts: sts(calls) },
    });
    await provider();
    expect(calls).toEqual([{ RoleArn: ROLE, RoleSessionName: `botocore-session-${NOW / 1000}`, WebIdentityToken: 'from-profile' }]);
  });

  it('needs a role ARN (255, at load)', async () => {
    const { provider } = setup({ env: { AWS_WEB_IDENTITY_TOKEN_FILE: '/nonexist' } });
    expect(await failure(provider.load())).toMatchObject({
      message:
        'The provided profile or the current environment is configured to assume role with web identity but has no role ARN configured. Ensure that the profile has the role_arnconfiguration set or the AWS_ROLE_ARN env var is set.',
      exitCode: 255,
    });
  });

  it('reads the token file only when the credentials are used', async () => {
    const { provider } = setup({ env: { AWS_WEB_IDENTITY_TOKEN_FILE: '/nonexist', AWS_ROLE_ARN: ROLE }, deps: { sts: sts([]) } });
    await expect(provider.load()).resolves.toBeUndefined();
    expect(await failure(provider())).toMatchObject({ message: "[Errno 2] No such file or directory: '/nonexist'", exitCode: 255 });
  });
});

describe('sso', () => {
  const base = '[default]\nsso_account_id = 111\nsso_role_name = Admin\n';
  const token = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({ startUrl: 'https://x', region: 'us-east-1', accessToken: 'ACCESS', expiresAt: '2030-01-01T08:00:00Z', ...extra });
  const fakeSso = (calls: unknown[], fail?: Error): SsoApi => ({
    async getRoleCredentials(params, context) {
      calls.push({ ...params, region: context.region });
      if (fail) throw fail;
      return { accessKeyId: 'AKSSO', secretAccessKey: 'SKSSO', sessionToken: 'TSSO', expiration: Date.parse('2030-01-01T01:00:00.500Z') };
    },
    async createToken(params) {
      calls.push({ createToken: params });
      return { accessToken: 'REFRESHED', expiresIn: 3600 };
    },
  });

  it.each<[string, string, string]>([
    ['missing settings', '[default]\nsso_account_id = 1\n', 'The profile "default" is configured to use SSO but is missing required configuration: sso_role_name, sso_start_url, sso_region'],
    ['a missing sso-session', `${base}sso_session = s\n`, 'The specified sso-session does not exist: "s"'],
    ['an incomplete sso-session', `${base}sso_session = s\n[sso-session s]\nsso_start_url = https://x\n`, 'The profile "default" is configured to use SSO but is missing required configuration: sso_region'],
    ['a conflicting value', `${base}sso_session = s\nsso_region = us-west-2\n[sso-session s]\nsso_start_url = https://x\nsso_region = us-east-1\n`, 'The value for sso_region is inconsistent between profile (us-west-2) and sso-session (us-east-1).'],
  ])('validates at load(): %s (255)', async (_name, config, message) => {
    expect(await failure(setup({ config }).provider.load())).toMatchObject({ message, exitCode: 255 });
  });

  it.each<[string, string]>([
    [`${base}sso_start_url = https://x\nsso_region = us-east-1\n`, 'Error loading SSO Token: Token for https://x does not exist'],
    [`${base}sso_session = s\n[sso-session s]\nsso_start_url = https://x\nsso_region = us-east-1\n`, 'Error loading SSO Token: Token for s does not exist'],
  ])('names the missing token when the credentials are used (255) %#', async (config, message) => {
    const { provider } = setup({ config, deps: { sso: fakeSso([]) } });
    await provider.load();
    expect(provider.method).toBe('sso');
    expect(await failure(provider())).toMatchObject({ message, exitCode: 255 });
  });

  it('trades the cached token for role credentials (legacy profile)', async () => {
    const calls: unknown[] = [];
    // sha1('https://x')
    const { provider } = setup({
      config: `${base}sso_start_url = https://x\nsso_region = eu-west-1\n`,
      files: { [`${HOME}/.aws/sso/cache/98383e6608d65e46b24bbd92582bc8d916605a21.json`]: token() },
      deps: { sso: fakeSso(calls) },
    });
    expect(await provider()).toEqual({ accessKeyId: 'AKSSO', secretAccessKey: 'SKSSO', sessionToken: 'TSSO', expiration: new Date('2030-01-01T01:00:00Z') });
    expect(calls).toEqual([{ roleName: 'Admin', accountId: '111', accessToken: 'ACCESS', region: 'eu-west-1' }]);
  });

  it('uses the sso-session token, refreshing it when it expires within 15 minutes', async () => {
    const calls: unknown[] = [];
    const written: Record<string, string> = {};
    // sha1('s')
    const path = `${HOME}/.aws/sso/cache/a0f1490a20d0211c997b44bc357e1972deab8ae3.json`;
    const { provider } = setup({
      config: `${base}sso_session = s\n[sso-session s]\nsso_start_url = https://x\nsso_region = us-east-1\n`,
      files: {
        [path]: token({ expiresAt: '2030-01-01T00:05:00Z', refreshToken: 'R', clientId: 'C', clientSecret: 'CS', registrationExpiresAt: '2031-01-01T00:00:00Z' }),
      },
      deps: { sso: fakeSso(calls), writeFile: (p, t) => (written[p] = t) },
    });
    await provider();
    expect(calls).toEqual([
      { createToken: { clientId: 'C', clientSecret: 'CS', refreshToken: 'R' } },
      { roleName: 'Admin', accountId: '111', accessToken: 'REFRESHED', region: 'us-east-1' },
    ]);
    // botocore keeps the registration; the refresh token only if CreateToken returned a new one
    const saved = JSON.parse(written[path]!);
    expect(saved).toMatchObject({ accessToken: 'REFRESHED', expiresAt: '2030-01-01T01:00:00Z', clientId: 'C', registrationExpiresAt: '2031-01-01T00:00:00Z' });
    expect(saved.refreshToken).toBeUndefined();
  });

  it('fails for an expired sso-session token that cannot be refreshed', async () => {
    const { provider } = setup({
      config: `${base}sso_session = s\n[sso-session s]\nsso_start_url = https://x\nsso_region = us-east-1\n`,
      files: { [`${HOME}/.aws/sso/cache/a0f1490a20d0211c997b44bc357e1972deab8ae3.json`]: token({ expiresAt: '2029-01-01T00:00:00Z' }) },
      deps: { sso: fakeSso([]) },
    });
    expect(await failure(provider())).toMatchObject({ message: 'Error when retrieving token from sso: Token has expired and refresh failed', exitCode: 255 });
  });

  it('explains an unauthorized token', async () => {
    const { provider } = setup({
      config: `${base}sso_start_url = https://x\nsso_region = us-east-1\n`,
      files: { [`${HOME}/.aws/sso/cache/98383e6608d65e46b24bbd92582bc8d916605a21.json`]: token() },
      deps: { sso: fakeSso([], new ServiceError('UnauthorizedException', 'no', 401, 'x')) },
    });
    expect(await failure(provider())).toMatchObject({
      message: 'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
      exitCode: 255,
    });
  });

  it('rejects a cached token without accessToken', async () => {
    const { provider } = setup({
      config: `${base}sso_start_url = https://x\nsso_region = us-east-1\n`,
      files: { [`${HOME}/.aws/sso/cache/98383e6608d65e46b24bbd92582bc8d916605a21.json`]: '{"expiresAt": "2030-01-02T00:00:00Z"}' },
      deps: { sso: fakeSso([]) },
    });
    expect(await failure(provider())).toMatchObject({ message: 'Error loading SSO Token: Token for https://x is invalid' });
  });
});

// ---------------------------------------------------------------------------------------------
// HTTP sources against local servers

interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}
type Handler = (req: IncomingMessage, body: string) => { status: number; body?: string; headers?: Record<string, string> } | 'hang';

async function serve(handler: Handler): Promise<{ url: string; requests: Recorded[]; server: Server }> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      const out = handler(req, Buffer.concat(chunks).toString('utf8'));
      if (out === 'hang') return;
      res.writeHead(out.status, out.headers ?? {});
      res.end(out.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, server };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});
async function server(handler: Handler) {
  const s = await serve(handler);
  servers.push(s.server);
  return s;
}

const CONTAINER_BODY = JSON.stringify({ AccessKeyId: 'AKC', SecretAccessKey: 'SKC', Token: 'TKC', Expiration: '2030-01-01T06:00:00Z' });

describe('container-role', () => {
  it('GETs AWS_CONTAINER_CREDENTIALS_FULL_URI with the authorization token', async () => {
    const srv = await server(() => ({ status: 200, body: CONTAINER_BODY }));
    const { provider } = setup({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${srv.url}/creds?x=1`, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'Basic abc' } });
    expect(await provider()).toEqual({ accessKeyId: 'AKC', secretAccessKey: 'SKC', sessionToken: 'TKC', expiration: new Date('2030-01-01T06:00:00Z') });
    expect(provider.method).toBe('container-role');
    expect(srv.requests).toHaveLength(1);
    expect(srv.requests[0]).toMatchObject({ method: 'GET', url: '/creds?x=1', headers: { accept: 'application/json', authorization: 'Basic abc' } });
  });

  it('reads the token from AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE first', async () => {
    const srv = await server(() => ({ status: 200, body: CONTAINER_BODY }));
    const { provider } = setup({
      env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${srv.url}/c`, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'env', AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '/tokfile' },
      files: { '/tokfile': 'from-file\n' },
    });
    await provider();
    expect(srv.requests[0]?.headers.authorization).toBe('from-file');
  });

  it('comes before IMDS and after the shared files', async () => {
    const srv = await server(() => ({ status: 200, body: CONTAINER_BODY }));
    expect((await setup({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${srv.url}/c` }, credentials: FILE_KEYS }).provider()).accessKeyId).toBe('AKFILE');
    expect(srv.requests).toHaveLength(0);
  });

  it('only talks to the hosts botocore allows (255)', async () => {
    for (const [uri, host] of [
      ['http://example.com/creds', 'example.com'],
      ['', 'None'],
    ]) {
      expect(await failure(setup({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: uri! } }).provider.load())).toMatchObject({
        message: `Unsupported host '${host}'.  Can only retrieve metadata from these hosts: 169.254.170.2, localhost, 127.0.0.1`,
        exitCode: 255,
      });
    }
  });

  it('tries three times, a second apart, then gives the CLI error (255)', async () => {
    const srv = await server(() => ({ status: 500, body: 'oops' }));
    const sleeps: number[] = [];
    const { provider } = setup({
      env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${srv.url}/c` },
      deps: { sleep: async (ms) => void sleeps.push(ms) },
    });
    expect(await failure(provider.load())).toMatchObject({
      message: 'Error when retrieving credentials from container-role: Error retrieving metadata: Received non 200 response (500) from ECS metadata: oops',
      exitCode: 255,
    });
    expect(srv.requests).toHaveLength(3);
    expect(sleeps).toEqual([1000, 1000, 1000]);
  });

  it('reports JSON it cannot parse and a refused connection', async () => {
    const srv = await server(() => ({ status: 200, body: 'notjson' }));
    expect(await failure(setup({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${srv.url}/c` } }).provider.load())).toMatchObject({
      message: 'Error when retrieving credentials from container-role: Error retrieving metadata: Unable to parse JSON returned from ECS metadata services',
    });
    const closed = await serve(() => ({ status: 200 }));
    await new Promise((resolve) => closed.server.close(resolve));
    expect(await failure(setup({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${closed.url}/creds` } }).provider.load())).toMatchObject({
      message: `Error when retrieving credentials from container-role: Error retrieving metadata: Received error when attempting to retrieve ECS metadata: Could not connect to the endpoint URL: "${closed.url}/creds"`,
    });
  });

  it('names a missing field by its KeyError text', async () => {
    const srv = await server(() => ({ status: 200, body: '{"AccessKeyId": "a", "SecretAccessKey": "b", "Expiration": "2030-01-02T00:00:00Z"}' }));
    expect(await failure(setup({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${srv.url}/c` } }).provider.load())).toMatchObject({ message: "'Token'" });
  });
});

describe('iam-role (IMDS)', () => {
  const imds = (tokenStatus = 200) =>
    server((req) => {
      const p = req.url ?? '';
      if (p === '/latest/api/token') return tokenStatus === 200 ? { status: 200, body: 'TOKEN123' } : { status: tokenStatus };
      if (p === '/latest/meta-data/iam/security-credentials/') return { status: 200, body: 'myrole' };
      if (p === '/latest/meta-data/iam/security-credentials/myrole') return { status: 200, body: CONTAINER_BODY.replace('AKC', 'AKIMDS') };
      if (p === '/latest/meta-data/placement/availability-zone/') return { status: 200, body: 'eu-west-3a' };
      return { status: 404 };
    });

  it('uses IMDSv2: a token PUT, then the role and its credentials', async () => {
    const srv = await imds();
    const { provider, logs } = setup({ env: { AWS_EC2_METADATA_DISABLED: 'false', AWS_EC2_METADATA_SERVICE_ENDPOINT: `${srv.url}/` } });
    expect((await provider()).accessKeyId).toBe('AKIMDS');
    expect(provider.method).toBe('iam-role');
    expect(srv.requests.map((r) => [r.method, r.url, r.headers['x-aws-ec2-metadata-token'] ?? r.headers['x-aws-ec2-metadata-token-ttl-seconds']])).toEqual([
      ['PUT', '/latest/api/token', '21600'],
      ['GET', '/latest/meta-data/iam/security-credentials/', 'TOKEN123'],
      ['GET', '/latest/meta-data/iam/security-credentials/myrole', 'TOKEN123'],
    ]);
    expect(srv.requests[0]?.headers['user-agent']).toBe('aws-cli/2.9.19');
    expect(logs).toContain('DEBUG Found credentials from IAM Role: myrole');
  });

  it('falls back to IMDSv1 when the token PUT is refused', async () => {
    const srv = await imds(404);
    const { provider } = setup({ env: { AWS_EC2_METADATA_DISABLED: 'false', AWS_EC2_METADATA_SERVICE_ENDPOINT: `${srv.url}/` } });
    expect((await provider()).accessKeyId).toBe('AKIMDS');
    expect(srv.requests[1]?.headers['x-aws-ec2-metadata-token']).toBeUndefined();
  });

  it('finds nothing when IMDS is disabled, without a request', async () => {
    const srv = await imds();
    const { provider, logs } = setup({ env: { AWS_EC2_METADATA_DISABLED: 'TRUE', AWS_EC2_METADATA_SERVICE_ENDPOINT: `${srv.url}/` } });
    expect(await failure(provider())).toMatchObject({ message: NO_CREDS, exitCode: 253 });
    expect(srv.requests).toHaveLength(0);
    expect(logs).toContain('DEBUG Access to EC2 metadata has been disabled.');
  });

  it('gives up after one attempt on a 500 and finds nothing', async () => {
    const srv = await server(() => ({ status: 500 }));
    const { provider } = setup({ env: { AWS_EC2_METADATA_DISABLED: 'false', AWS_EC2_METADATA_SERVICE_ENDPOINT: `${srv.url}/` } });
    expect(await failure(provider())).toMatchObject({ message: NO_CREDS });
    expect(srv.requests.map((r) => r.method)).toEqual(['PUT', 'GET']);
  });

  it("logs a refused response's body as Python's repr() of bytes (double quotes around a ')", async () => {
    const srv = await server(() => ({ status: 500, body: "<Error>'x'</Error>" }));
    const { provider, logs } = setup({ env: { AWS_EC2_METADATA_DISABLED: 'false', AWS_EC2_METADATA_SERVICE_ENDPOINT: `${srv.url}/` } });
    expect(await failure(provider())).toMatchObject({ message: NO_CREDS });
    // botocore IMDSFetcher._log_imds_response: "content body: %s" % response.content
    expect(logs).toContain(
      `DEBUG Metadata service returned non-200 response with status code of 500 for url: ${srv.url}/latest/meta-data/iam/security-credentials/, content body: b"<Error>'x'</Error>"`,
    );
  });

  it('reads the region from the availability zone', async () => {
    const srv = await imds();
    const { settings, fs } = setup({ env: { AWS_EC2_METADATA_DISABLED: 'false', AWS_EC2_METADATA_SERVICE_ENDPOINT: `${srv.url}/` } });
    expect(await resolveImdsRegion(settings, { fs, homedir: HOME })).toBe('eu-west-3');
    const off = setup({ env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: `${srv.url}/` } });
    expect(await resolveImdsRegion(off.settings, { fs, homedir: HOME })).toBeUndefined();
  });

  it('joins the endpoint and path as botocore does (no slash added)', async () => {
    const srv = await imds();
    const { provider } = setup({ env: { AWS_EC2_METADATA_DISABLED: 'false', AWS_EC2_METADATA_SERVICE_ENDPOINT: srv.url } });
    expect(await failure(provider.load())).toMatchObject({
      message: `Invalid endpoint EC2 Instance Metadata endpoint: ${srv.url}latest/api/token`,
      exitCode: 255,
    });
  });

  it('gives up on a hung server after the metadata timeout', async () => {
    const srv = await server(() => 'hang');
    const start = Date.now();
    const { provider } = setup({ env: { AWS_EC2_METADATA_DISABLED: 'false', AWS_EC2_METADATA_SERVICE_ENDPOINT: `${srv.url}/` } });
    expect(await failure(provider())).toMatchObject({ message: NO_CREDS });
    // token PUT read timeout (no retry), then the GET times out once
    expect(Date.now() - start).toBeLessThan(5000);
    expect(srv.requests.map((r) => r.method)).toEqual(['PUT', 'GET']);
  });
});

describe('STS and SSO through the SDK, against local endpoints', () => {
  const stsXml = (op: string) =>
    `<${op}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><${op}Result><Credentials>` +
    '<AccessKeyId>AKSTS</AccessKeyId><SecretAccessKey>SKSTS</SecretAccessKey><SessionToken>TSTS</SessionToken>' +
    `<Expiration>2030-01-01T01:00:00Z</Expiration></Credentials></${op}Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${op}Response>`;

  it('assumes a role with AWS_ENDPOINT_URL_STS, signed with the source keys', async () => {
    let body = '';
    const srv = await server((_req, b) => {
      body = b;
      return { status: 200, headers: { 'content-type': 'text/xml' }, body: stsXml('AssumeRole') };
    });
    const { provider } = setup({
      env: { ...KEYS, AWS_ENDPOINT_URL_STS: srv.url, AWS_REGION: 'us-west-2' },
      flags: { profile: 'default' },
      config: '[default]\nrole_arn = arn:aws:iam::123456789012:role/r\ncredential_source = Environment\nrole_session_name = s1\n',
      deps: { now: () => Date.now() },
    });
    expect(await provider()).toMatchObject({ accessKeyId: 'AKSTS', secretAccessKey: 'SKSTS', sessionToken: 'TSTS' });
    expect(srv.requests[0]?.method).toBe('POST');
    expect(String(srv.requests[0]?.headers.authorization)).toContain('Credential=AKENV/');
    expect(String(srv.requests[0]?.headers.authorization)).toContain('/us-west-2/sts/aws4_request');
    expect(new URLSearchParams(body).get('Action')).toBe('AssumeRole');
    expect(new URLSearchParams(body).get('RoleSessionName')).toBe('s1');
  });

  it('never lets the SDK read the ambient environment', async () => {
    const srv = await server(() => ({ status: 200, headers: { 'content-type': 'text/xml' }, body: stsXml('AssumeRole') }));
    const poison: Record<string, string> = {
      AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:1',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:1',
      AWS_REGION: 'zz-poison-9',
      AWS_USE_FIPS_ENDPOINT: 'true',
      AWS_DEFAULTS_MODE: 'not-a-mode',
      AWS_MAX_ATTEMPTS: 'not-a-number',
      AWS_CONFIG_FILE: '/nonexistent/poison',
    };
    const saved = Object.fromEntries(Object.keys(poison).map((k) => [k, process.env[k]]));
    Object.assign(process.env, poison);
    try {
      const { provider } = setup({
        env: { ...KEYS, AWS_ENDPOINT_URL_STS: srv.url, AWS_REGION: 'us-west-2' },
        flags: { profile: 'default' },
        config: '[default]\nrole_arn = arn:aws:iam::123456789012:role/r\ncredential_source = Environment\n',
        deps: { now: () => Date.now() },
      });
      expect((await provider()).accessKeyId).toBe('AKSTS');
      expect(String(srv.requests[0]?.headers.authorization)).toContain('/us-west-2/sts/aws4_request');
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('turns an STS error response into the CLI service error (254)', async () => {
    const srv = await server(() => ({
      status: 403,
      headers: { 'content-type': 'text/xml' },
      body: '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not allowed</Message></Error><RequestId>r</RequestId></ErrorResponse>',
    }));
    const { provider } = setup({
      env: { ...KEYS, AWS_ENDPOINT_URL: srv.url },
      flags: { profile: 'default' },
      config: '[default]\nrole_arn = arn:aws:iam::123456789012:role/r\ncredential_source = Environment\n',
      deps: { now: () => Date.now() },
    });
    expect(await failure(provider())).toMatchObject({
      message: 'An error occurred (AccessDenied) when calling the AssumeRole operation: not allowed',
      exitCode: 254,
    });
  });

  it('calls AssumeRoleWithWebIdentity unsigned', async () => {
    let body = '';
    const srv = await server((_req, b) => {
      body = b;
      return { status: 200, headers: { 'content-type': 'text/xml' }, body: stsXml('AssumeRoleWithWebIdentity') };
    });
    const { provider } = setup({
      env: { AWS_WEB_IDENTITY_TOKEN_FILE: '/tok', AWS_ROLE_ARN: 'arn:aws:iam::1:role/w', AWS_ENDPOINT_URL_STS: srv.url },
      files: { '/tok': 'the-jwt' },
      deps: { now: () => Date.now() },
    });
    expect((await provider()).accessKeyId).toBe('AKSTS');
    expect(srv.requests[0]?.headers.authorization).toBeUndefined();
    expect(new URLSearchParams(body).get('WebIdentityToken')).toBe('the-jwt');
  });

  it('gets SSO role credentials with the bearer token', async () => {
    const srv = await server(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roleCredentials: { accessKeyId: 'AKSSO', secretAccessKey: 'SKSSO', sessionToken: 'T', expiration: Date.now() + 3_600_000 } }),
    }));
    const { provider } = setup({
      env: { AWS_ENDPOINT_URL_SSO: srv.url },
      config: '[default]\nsso_account_id = 111\nsso_role_name = Admin\nsso_start_url = https://x\nsso_region = us-east-1\n',
      files: {
        [`${HOME}/.aws/sso/cache/98383e6608d65e46b24bbd92582bc8d916605a21.json`]: JSON.stringify({ accessToken: 'BEARER', expiresAt: '2099-01-01T00:00:00Z' }),
      },
      deps: { now: () => Date.now() },
    });
    expect((await provider()).accessKeyId).toBe('AKSSO');
    const req = srv.requests[0]!;
    expect(req.method).toBe('GET');
    expect(req.url).toMatch(/^\/federation\/credentials\?/);
    expect(new URLSearchParams(req.url.split('?')[1]).get('role_name')).toBe('Admin');
    expect(new URLSearchParams(req.url.split('?')[1]).get('account_id')).toBe('111');
    expect(req.headers['x-amz-sso_bearer_token']).toBe('BEARER');
  });
});

describe('errors are the CLI classes', () => {
  it('uses GeneralError for a broken source and ConfigError for none', async () => {
    await expect(setup({ env: { AWS_ACCESS_KEY_ID: 'x' } }).provider.load()).rejects.toBeInstanceOf(GeneralError);
    await expect(setup({}).provider()).rejects.toBeInstanceOf(ConfigError);
  });

  it('memoizes the chain', async () => {
    const cmdCalls: string[][] = [];
    const { provider } = setup({
      config: '[default]\ncredential_process = fake-cmd a\n',
      deps: {
        runProcess: async (argv) => {
          cmdCalls.push([...argv]);
          return { status: 0, stdout: new TextEncoder().encode('{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S"}'), stderr: new Uint8Array() };
        },
      },
    });
    const p: CredentialProvider = provider;
    await Promise.all([p(), p(), p.load()]);
    expect(cmdCalls).toEqual([['fake-cmd', 'a']]);
  });
});
