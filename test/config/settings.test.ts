// Precedence of every setting and the error each bad value raises, at its stage. Expected texts
// are the AWS CLI's (2.9.19, checked by running it; configured endpoints from botocore 1.31+).

import { describe, expect, it } from 'vitest';
import { ConfigError, GeneralError } from '../../src/errors.js';
import { configuredEndpointUrl } from '../../src/config/settings/endpoint-url.js';
import { createSettings, type Settings, type SettingsFlags } from '../../src/config/settings/settings.js';
import { pyInt, validateRegionName } from '../../src/config/settings/values.js';
import { readClientConfig, readRegionAndProfile } from '../../src/pipeline/client.js';
import { readSessionSettings, readTopLevelSettings } from '../../src/pipeline/session.js';

// the reads of each pipeline stage, in the order the stage makes them (src/pipeline/)
const topLevel = (s: Settings) => readTopLevelSettings(s);
const session = (s: Settings) => readSessionSettings(s);
const regionAndProfile = (s: Settings) => void readRegionAndProfile(s);
const clientConfig = (s: Settings) => void readClientConfig(s);
const client = (s: Settings) => {
  regionAndProfile(s);
  clientConfig(s);
};
import { memFs } from './memfs.js';

interface Setup {
  env?: Record<string, string>;
  config?: string;
  credentials?: string;
  flags?: Partial<SettingsFlags>;
}

function settingsFor({ env = {}, config, credentials, flags = {} }: Setup = {}): Settings {
  const files: Record<string, string> = {};
  if (config !== undefined) files['/h/.aws/config'] = config;
  if (credentials !== undefined) files['/h/.aws/credentials'] = credentials;
  return createSettings({
    env: { HOME: '/h', ...env },
    fs: memFs(files),
    homedir: '/h',
    flags: { verifySsl: true, noSignRequest: false, ...flags },
  });
}

function errorOf(fn: () => void): CliErrorShape | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    const e = err as Error & { exitCode?: number };
    return { message: e.message, exitCode: e.exitCode };
  }
}
interface CliErrorShape {
  message: string;
  exitCode: number | undefined;
}

describe('profile', () => {
  it.each<[string, Setup, string, boolean]>([
    ['default when nothing names one', {}, 'default', false],
    ['AWS_DEFAULT_PROFILE', { env: { AWS_DEFAULT_PROFILE: 'b' } }, 'b', false],
    ['AWS_PROFILE wins over AWS_DEFAULT_PROFILE', { env: { AWS_PROFILE: 'a', AWS_DEFAULT_PROFILE: 'b' } }, 'a', false],
    ['--profile wins', { env: { AWS_PROFILE: 'a' }, flags: { profile: 'c' } }, 'c', true],
    ['an empty --profile is ignored (clidriver: if args.profile)', { env: { AWS_PROFILE: 'a' }, flags: { profile: '' } }, 'a', false],
    ['an empty AWS_PROFILE is a profile named ""', { env: { AWS_PROFILE: '' } }, '', false],
  ])('%s', (_name, setup, name, explicit) => {
    const s = settingsFor({ config: '[profile a]\n[profile b]\n[profile c]\n', ...setup });
    expect(s.profileName).toBe(name);
    expect(s.profileExplicit).toBe(explicit);
  });

  it('exists when it is in either file; an unnamed missing default is fine', () => {
    expect(settingsFor({ flags: { profile: 'x' }, credentials: '[x]\n' }).profileExists).toBe(true);
    expect(settingsFor({ flags: { profile: 'x' }, config: '[profile x]\n' }).profileExists).toBe(true);
    const none = settingsFor();
    expect(none.profileExists).toBe(true);
    expect(() => client(none)).not.toThrow();
  });

  it.each<[string, Setup, string]>([
    ['--profile nope', { flags: { profile: 'nope' } }, 'The config profile (nope) could not be found'],
    ['AWS_PROFILE=default without a [default]', { env: { AWS_PROFILE: 'default' } }, 'The config profile (default) could not be found'],
    ['AWS_PROFILE=""', { env: { AWS_PROFILE: '' } }, 'The config profile () could not be found'],
    ['[profile x] in the credentials file is not profile x', { flags: { profile: 'x' }, credentials: '[profile x]\n' }, 'The config profile (x) could not be found'],
  ])('a missing profile fails at client creation (255): %s', (_name, setup, message) => {
    const s = settingsFor(setup);
    expect(s.profileExists).toBe(false);
    expect(() => session(s)).not.toThrow();
    expect(errorOf(() => client(s))).toEqual({ message, exitCode: 255 });
    expect(errorOf(() => s.requireProfile())).toEqual({ message, exitCode: 255 });
  });
});

describe('region', () => {
  const config = '[default]\nregion = from-config\n';
  it.each<[string, Setup, string | undefined, string | undefined]>([
    ['none anywhere', {}, undefined, undefined],
    ['profile region', { config }, 'from-config', 'profile'],
    ['AWS_DEFAULT_REGION beats the profile', { config, env: { AWS_DEFAULT_REGION: 'dr' } }, 'dr', 'env'],
    ['AWS_REGION beats AWS_DEFAULT_REGION', { config, env: { AWS_DEFAULT_REGION: 'dr', AWS_REGION: 'r' } }, 'r', 'env'],
    ['--region beats all', { config, env: { AWS_REGION: 'r' }, flags: { region: 'f' } }, 'f', 'flag'],
    ['an empty --region is kept', { env: { AWS_REGION: 'r' }, flags: { region: '' } }, '', 'flag'],
    ['an empty AWS_DEFAULT_REGION is kept', { config, env: { AWS_DEFAULT_REGION: '' } }, '', 'env'],
    ['the credentials file can set it', { credentials: '[default]\nregion = from-creds\n' }, 'from-creds', 'profile'],
  ])('%s', (_name, setup, region, kind) => {
    const s = settingsFor(setup);
    expect(s.region).toBe(region);
    expect(s.origins.region?.kind).toBe(kind);
  });

  it('records which file a profile value came from', () => {
    const s = settingsFor({ config: '[default]\nregion = a\n', credentials: '[default]\nregion = b\n' });
    expect(s.region).toBe('b');
    expect(s.origins.region).toEqual({ kind: 'profile', name: 'region', profile: 'default', file: 'credentials' });
  });

  it.each([
    ['bad region!', false],
    ['us-east-1', true],
    ['', true],
    ['-bad', false],
    ['bad-', false],
    ['12345', false],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['us-east-1\n', true],
  ])('validates %j like botocore', (region, ok) => {
    if (ok) expect(() => validateRegionName(region)).not.toThrow();
    else expect(() => validateRegionName(region)).toThrow(`Provided region_name '${region}' doesn't match a supported format.`);
  });

  it('raises a bad region name at client creation, before a missing profile', () => {
    const s = settingsFor({ flags: { region: 'bad region!', profile: 'nope' } });
    expect(() => session(s)).not.toThrow();
    expect(errorOf(() => client(s))).toEqual({
      message: "Provided region_name 'bad region!' doesn't match a supported format.",
      exitCode: 255,
    });
  });
});

describe('output, ca bundle, pager, auto-prompt', () => {
  it.each<[Setup, string]>([
    [{}, 'json'],
    [{ config: '[default]\noutput = table\n' }, 'table'],
    [{ config: '[default]\noutput = table\n', env: { AWS_DEFAULT_OUTPUT: 'text' } }, 'text'],
    [{ env: { AWS_DEFAULT_OUTPUT: '' } }, ''],
    [{ env: { AWS_DEFAULT_OUTPUT: 'xml' } }, 'xml'],
    [{ env: { AWS_DEFAULT_OUTPUT: 'text' }, flags: { output: 'yaml' } }, 'yaml'],
  ])('output %#', (setup, output) => {
    expect(settingsFor(setup).output).toBe(output);
  });

  it.each<[Setup, string | undefined]>([
    [{}, undefined],
    [{ config: '[default]\nca_bundle = /c\n' }, '/c'],
    [{ config: '[default]\nca_bundle = /c\n', env: { AWS_CA_BUNDLE: '/e' } }, '/e'],
    [{ env: { AWS_CA_BUNDLE: '/e' }, flags: { caBundle: '/f' } }, '/f'],
  ])('ca bundle %#', (setup, ca) => {
    expect(settingsFor(setup).caBundle).toBe(ca);
  });

  it.each<[Setup, string]>([
    [{}, 'less'],
    [{ env: { PAGER: 'more' } }, 'more'],
    [{ env: { PAGER: 'more' }, config: '[default]\ncli_pager = most\n' }, 'most'],
    [{ env: { PAGER: 'more', AWS_PAGER: 'cat -v' }, config: '[default]\ncli_pager = most\n' }, 'cat -v'],
    [{ env: { AWS_PAGER: '' }, config: '[default]\ncli_pager = most\n' }, ''],
    [{ config: '[default]\ncli_pager =\n' }, ''],
  ])('pager %#', (setup, pager) => {
    expect(settingsFor(setup).pager).toBe(pager);
  });

  it.each<[Setup, string]>([
    [{}, 'off'],
    [{ config: '[default]\ncli_auto_prompt = On-Partial\n' }, 'on-partial'],
    [{ env: { AWS_CLI_AUTO_PROMPT: 'ON' }, config: '[default]\ncli_auto_prompt = off\n' }, 'on'],
    // autoprompt runs before --profile is applied: the flag's profile is not read
    [{ flags: { profile: 'p' }, config: '[default]\ncli_auto_prompt = on\n[profile p]\ncli_auto_prompt = off\n' }, 'on'],
    [{ env: { AWS_PROFILE: 'p' }, config: '[default]\ncli_auto_prompt = on\n[profile p]\ncli_auto_prompt = off\n' }, 'off'],
    [{ env: { AWS_PROFILE: 'missing' }, config: '[default]\ncli_auto_prompt = on\n' }, 'off'],
  ])('auto-prompt %#', (setup, mode) => {
    expect(settingsFor(setup).autoPrompt).toBe(mode);
  });
});

describe('endpoint URL (configured endpoints, botocore 1.31+)', () => {
  const config = [
    '[default]',
    'endpoint_url = http://profile:1',
    'services = local',
    '[services local]',
    's3 =',
    '  endpoint_url = http://services-s3:1',
    'sts =',
    '  endpoint_url = http://services-sts:1',
    '',
  ].join('\n');
  it.each<[string, Setup, string | undefined]>([
    ['none', {}, undefined],
    ['profile endpoint_url', { config: '[default]\nendpoint_url = http://profile:1\n' }, 'http://profile:1'],
    ['services section beats profile endpoint_url', { config }, 'http://services-s3:1'],
    ['AWS_ENDPOINT_URL beats the files', { config, env: { AWS_ENDPOINT_URL: 'http://global:1' } }, 'http://global:1'],
    [
      'AWS_ENDPOINT_URL_S3 beats AWS_ENDPOINT_URL',
      { config, env: { AWS_ENDPOINT_URL: 'http://global:1', AWS_ENDPOINT_URL_S3: 'http://s3env:1' } },
      'http://s3env:1',
    ],
    ['empty values are skipped', { config, env: { AWS_ENDPOINT_URL_S3: '', AWS_ENDPOINT_URL: '' } }, 'http://services-s3:1'],
    ['--endpoint-url beats everything', { config, env: { AWS_ENDPOINT_URL_S3: 'http://s3env:1' }, flags: { endpointUrl: 'http://flag:1' } }, 'http://flag:1'],
    ['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true ignores them all', { config, env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'TRUE', AWS_ENDPOINT_URL: 'http://g:1' } }, undefined],
    ['ignore_configured_endpoint_urls = true in the profile', { config: `${config}\n`.replace('services = local', 'services = local\nignore_configured_endpoint_urls = true'), env: { AWS_ENDPOINT_URL: 'http://g:1' } }, undefined],
    [
      'an env ignore=false beats the profile true',
      { config: config.replace('services = local', 'services = local\nignore_configured_endpoint_urls = true'), env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false' } },
      'http://services-s3:1',
    ],
    ['--endpoint-url still counts when ignoring', { env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, flags: { endpointUrl: 'http://flag:1' } }, 'http://flag:1'],
  ])('%s', (_name, setup, url) => {
    const s = settingsFor(setup);
    expect(s.endpointUrl).toBe(url);
    expect(() => clientConfig(s)).not.toThrow();
  });

  it('names a missing services section at client creation (255)', () => {
    const s = settingsFor({ config: '[default]\nservices = nope\n' });
    // the setting fails when it is first read, and the client's config reads it first
    const message = 'The profile is configured to use the services section but the "nope" services configuration does not exist.';
    expect(errorOf(() => s.endpointUrl)).toEqual({ message, exitCode: 255 });
    expect(errorOf(() => clientConfig(s))).toEqual({
      message: 'The profile is configured to use the services section but the "nope" services configuration does not exist.',
      exitCode: 255,
    });
    // an environment variable answers before the section is looked at
    expect(() => clientConfig(settingsFor({ config: '[default]\nservices = nope\n', env: { AWS_ENDPOINT_URL: 'http://x:1' } }))).not.toThrow();
  });

  it('resolves other services for the credential clients', () => {
    const s = settingsFor({ config, env: { AWS_ENDPOINT_URL_SSO_OIDC: 'http://oidc:1' } });
    expect(configuredEndpointUrl(s, 'sts')?.url).toBe('http://services-sts:1');
    expect(configuredEndpointUrl(s, 'sso')?.url).toBe('http://profile:1');
    expect(configuredEndpointUrl(s, 'sso_oidc')?.url).toBe('http://oidc:1');
  });

  it('turns FIPS and dual-stack off for a custom endpoint, as the S3 ruleset builtins do', () => {
    const env = { AWS_USE_FIPS_ENDPOINT: 'true', AWS_USE_DUALSTACK_ENDPOINT: 'true' };
    const plain = settingsFor({ env });
    expect([plain.useFipsEndpoint, plain.useDualstackEndpoint]).toEqual([true, true]);
    const custom = settingsFor({ env, flags: { endpointUrl: 'http://x:1' } });
    expect([custom.useFipsEndpoint, custom.useDualstackEndpoint]).toEqual([false, false]);
    expect([custom.fipsEndpointConfigured, custom.dualstackEndpointConfigured]).toEqual([true, true]);
  });
});

describe('retries', () => {
  it.each<[Setup, number, string]>([
    [{}, 3, 'standard'],
    [{ config: '[default]\nmax_attempts = 5\nretry_mode = adaptive\n' }, 5, 'adaptive'],
    [{ config: '[default]\nmax_attempts = 5\nretry_mode = adaptive\n', env: { AWS_MAX_ATTEMPTS: ' 7 ', AWS_RETRY_MODE: 'standard' } }, 7, 'standard'],
    [{ env: { AWS_MAX_ATTEMPTS: '1_0' } }, 10, 'standard'],
  ])('%#', (setup, attempts, mode) => {
    const s = settingsFor(setup);
    expect(s.maxAttempts).toBe(attempts);
    expect(s.retryMode).toBe(mode);
    expect(() => clientConfig(s)).not.toThrow();
  });

  it.each<[Setup, string]>([
    [{ env: { AWS_MAX_ATTEMPTS: 'abc' } }, "invalid literal for int() with base 10: 'abc'"],
    [{ env: { AWS_MAX_ATTEMPTS: '' } }, "invalid literal for int() with base 10: ''"],
    [{ config: '[default]\nmax_attempts = x\n' }, "invalid literal for int() with base 10: 'x'"],
    [{ env: { AWS_MAX_ATTEMPTS: '0' } }, 'Value provided to "max_attempts": 0 must be an integer greater than or equal to one.'],
    [{ env: { AWS_MAX_ATTEMPTS: '-1' } }, 'Value provided to "max_attempts": -1 must be an integer greater than or equal to one.'],
    [{ env: { AWS_RETRY_MODE: 'legacy' } }, 'Invalid value provided to "mode": "legacy" must be one of: "standard" or "adaptive"'],
    [{ env: { AWS_RETRY_MODE: 'Standard' } }, 'Invalid value provided to "mode": "Standard" must be one of: "standard" or "adaptive"'],
    [{ env: { AWS_RETRY_MODE: 'legacy', AWS_MAX_ATTEMPTS: 'abc' } }, "invalid literal for int() with base 10: 'abc'"],
  ])('rejects %j after credentials (255)', (setup, message) => {
    const s = settingsFor(setup);
    expect(() => session(s)).not.toThrow();
    expect(() => regionAndProfile(s)).not.toThrow();
    expect(errorOf(() => clientConfig(s))).toEqual({ message, exitCode: 255 });
    expect(errorOf(() => client(s))).toEqual({ message, exitCode: 255 });
  });
});

describe('timeouts', () => {
  it.each<[Partial<SettingsFlags>, number | null, number | null]>([
    [{}, 60, 60],
    [{ readTimeout: '0', connectTimeout: '0' }, null, null],
    [{ readTimeout: ' 5 ', connectTimeout: '+7' }, 5, 7],
  ])('%j', (flags, read, connect) => {
    const s = settingsFor({ flags });
    expect([s.readTimeout, s.connectTimeout]).toEqual([read, connect]);
  });

  it.each<[Partial<SettingsFlags>, string]>([
    [{ readTimeout: 'xyz', connectTimeout: 'abc' }, "invalid literal for int() with base 10: 'xyz'"],
    [{ connectTimeout: "a'b" }, `invalid literal for int() with base 10: "a'b"`],
    [{ readTimeout: '1__0' }, "invalid literal for int() with base 10: '1__0'"],
    [{ readTimeout: '1.5' }, "invalid literal for int() with base 10: '1.5'"],
  ])('int() errors come at top-level-args-parsed: %j', (flags, message) => {
    expect(errorOf(() => topLevel(settingsFor({ flags })))).toEqual({ message, exitCode: 255 });
  });

  it('cuts the repr at 200 characters, as %.200R does', () => {
    const message = errorOf(() => topLevel(settingsFor({ flags: { readTimeout: 'a'.repeat(300) } })))!.message;
    expect(message).toBe(`invalid literal for int() with base 10: '${'a'.repeat(199)}`);
  });

  it('raises a negative timeout after the retry settings, connect before read', () => {
    expect(errorOf(() => clientConfig(settingsFor({ flags: { readTimeout: '-2', connectTimeout: '-1' } })))?.message).toBe(
      'Attempted to set connect timeout to -1, but the timeout cannot be set to a value less than or equal to 0.',
    );
    expect(errorOf(() => clientConfig(settingsFor({ flags: { readTimeout: '-1' } })))?.message).toBe(
      'Attempted to set read timeout to -1, but the timeout cannot be set to a value less than or equal to 0.',
    );
    expect(errorOf(() => clientConfig(settingsFor({ flags: { readTimeout: '-1' }, env: { AWS_RETRY_MODE: 'x' } })))?.message).toBe(
      'Invalid value provided to "mode": "x" must be one of: "standard" or "adaptive"',
    );
  });

  it('pyInt follows Python int()', () => {
    expect(pyInt('\t+0012\n')).toBe(12);
    expect(pyInt('-0')).toBe(0);
    expect(() => pyInt('')).toThrow(GeneralError);
    expect(() => pyInt('_1')).toThrow("invalid literal for int() with base 10: '_1'");
    // CPython strips ASCII whitespace only, reads other decimal digits, and stops at 4300 digits
    expect(() => pyInt('\x1c12')).toThrow("invalid literal for int() with base 10: '\\x1c12'");
    expect(pyInt('\u0661\u0662')).toBe(12);
    expect(() => pyInt('9'.repeat(4301))).toThrow(
      'Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit',
    );
    expect(() => pyInt('x'.repeat(300))).toThrow(/^invalid literal for int\(\) with base 10: 'x{199}$/);
  });
});

describe('S3 and endpoint variant settings', () => {
  it('reads the s3 block and its overrides', () => {
    const s = settingsFor({
      config: [
        '[default]',
        's3 =',
        '  addressing_style = path',
        '  use_accelerate_endpoint = TRUE',
        '  use_arn_region = false',
        '  s3_disable_multiregion_access_points = true',
        's3_use_arn_region = true',
        '',
      ].join('\n'),
    });
    expect(s.s3).toEqual({
      addressingStyle: 'path',
      useAccelerateEndpoint: true,
      useDualstackEndpoint: false,
      useArnRegion: true,
      disableMultiregionAccessPoints: true,
      payloadSigningEnabled: undefined,
    });
  });

  it.each<[Setup, boolean | undefined]>([
    [{}, undefined],
    [{ config: '[default]\ns3 =\n  use_arn_region = true\n' }, true],
    [{ config: '[default]\ns3_use_arn_region = false\ns3 =\n  use_arn_region = true\n' }, false],
    [{ config: '[default]\ns3_use_arn_region = true\n', env: { AWS_S3_USE_ARN_REGION: 'no' } }, false],
  ])('use_arn_region %#', (setup, value) => {
    expect(settingsFor(setup).s3.useArnRegion).toBe(value);
  });

  it.each<[Setup, boolean, boolean]>([
    [{}, false, false],
    [{ config: '[default]\nuse_fips_endpoint = true\nuse_dualstack_endpoint = true\n' }, true, true],
    [{ config: '[default]\nuse_fips_endpoint = true\n', env: { AWS_USE_FIPS_ENDPOINT: '' } }, false, false],
    // client.py _is_s3_dualstack_mode: only 'true'/'True' in the s3 block, else the top-level setting
    [{ config: '[default]\ns3 =\n  use_dualstack_endpoint = True\n' }, false, true],
    [{ config: '[default]\ns3 =\n  use_dualstack_endpoint = TRUE\n' }, false, false],
    [{ config: '[default]\nuse_dualstack_endpoint = true\ns3 =\n  use_dualstack_endpoint = false\n' }, false, true],
  ])('FIPS / dual-stack %#', (setup, fips, dual) => {
    const s = settingsFor(setup);
    expect([s.useFipsEndpoint, s.useDualstackEndpoint]).toEqual([fips, dual]);
  });

  it('reads parameter_validation and tcp_keepalive', () => {
    expect(settingsFor().parameterValidation).toBe(true);
    expect(settingsFor({ config: '[default]\nparameter_validation = false\n' }).parameterValidation).toBe(false);
    expect(settingsFor({ config: '[default]\nparameter_validation = yes\n' }).parameterValidation).toBe(false);
    expect(settingsFor({ config: '[default]\ntcp_keepalive = true\n' }).tcpKeepalive).toBe(true);
  });
});

describe('session-initialized settings', () => {
  it('reads cli_timestamp_format and cli_binary_format', () => {
    const s = settingsFor({ config: '[default]\ncli_timestamp_format = wire\ncli_binary_format = raw-in-base64-out\n' });
    expect([s.cliTimestampFormat, s.cliBinaryFormat]).toEqual(['wire', 'raw-in-base64-out']);
    expect(settingsFor({ flags: { cliBinaryFormat: 'raw-in-base64-out' } }).cliBinaryFormat).toBe('raw-in-base64-out');
  });

  it('rejects a bad cli_timestamp_format with 253, before a bad cli_binary_format', () => {
    const s = settingsFor({ config: '[default]\ncli_binary_format = foo\ncli_timestamp_format = foo\n' });
    const err = errorOf(() => session(s));
    expect(err).toEqual({ message: 'Unknown cli_timestamp_format value: foo, valid values are "wire" or "iso8601"', exitCode: 253 });
    try {
      session(s);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
    }
  });

  it("rejects a bad cli_binary_format with its KeyError text ('foo', 255)", () => {
    expect(errorOf(() => session(settingsFor({ config: '[default]\ncli_binary_format = foo\n' })))).toEqual({
      message: "'foo'",
      exitCode: 255,
    });
    // the flag is chosen from a list elsewhere; with it the profile is not read
    expect(() => session(settingsFor({ config: '[default]\ncli_binary_format = foo\n', flags: { cliBinaryFormat: 'base64' } }))).not.toThrow();
  });

  it('uses the defaults quietly when the profile is missing', () => {
    const s = settingsFor({ flags: { profile: 'nope' }, config: '[default]\ncli_timestamp_format = foo\n' });
    expect(() => session(s)).not.toThrow();
    expect(s.cliTimestampFormat).toBe('iso8601');
  });
});

describe('instance metadata settings', () => {
  it('has the botocore defaults', () => {
    expect(settingsFor().imds).toEqual({
      disabled: false,
      timeoutSeconds: 1,
      numAttempts: 1,
      endpoint: undefined,
      endpointMode: 'ipv4',
      baseUrl: 'http://169.254.169.254/',
    });
  });

  it.each<[Setup, Partial<Settings['imds']>]>([
    [{ env: { AWS_EC2_METADATA_DISABLED: 'True' } }, { disabled: true }],
    [{ env: { AWS_EC2_METADATA_DISABLED: 'yes' } }, { disabled: false }],
    [{ config: '[default]\nmetadata_service_timeout = 3\nmetadata_service_num_attempts = 2\n' }, { timeoutSeconds: 3, numAttempts: 2 }],
    [{ config: '[default]\nmetadata_service_timeout = 3\n', env: { AWS_METADATA_SERVICE_TIMEOUT: '5' } }, { timeoutSeconds: 5 }],
    [{ env: { AWS_IMDS_USE_IPV6: 'true' } }, { endpointMode: 'ipv6', baseUrl: 'http://[fd00:ec2::254]/' }],
    [{ env: { AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'IPv6' } }, { endpointMode: 'ipv6', baseUrl: 'http://[fd00:ec2::254]/' }],
    [{ env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9/', AWS_IMDS_USE_IPV6: 'true' } }, { baseUrl: 'http://127.0.0.1:9/' }],
    [{ config: '[default]\nec2_metadata_service_endpoint = http://localhost:1\n' }, { endpoint: 'http://localhost:1', baseUrl: 'http://localhost:1' }],
  ])('%#', (setup, expected) => {
    expect(settingsFor(setup).imds).toMatchObject(expected);
  });

  it.each<[Setup, string]>([
    [{ env: { AWS_METADATA_SERVICE_TIMEOUT: 'abc' } }, "invalid literal for int() with base 10: 'abc'"],
    [{ config: '[default]\nmetadata_service_num_attempts = two\n' }, "invalid literal for int() with base 10: 'two'"],
    [
      { env: { AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'foo' } },
      "Invalid EC2 Instance Metadata endpoint mode: foo Valid endpoint modes (case-insensitive): ('ipv4', 'ipv6').",
    ],
    [{ env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: 'foo' } }, 'Invalid endpoint EC2 Instance Metadata endpoint: foo'],
    // the env value is read even when the profile is missing
    [{ env: { AWS_METADATA_SERVICE_TIMEOUT: 'abc' }, flags: { profile: 'nope' } }, "invalid literal for int() with base 10: 'abc'"],
  ])('rejects at session-initialized (255) %#', (setup, message) => {
    expect(errorOf(() => session(settingsFor(setup)))).toEqual({ message, exitCode: 255 });
  });

  it('stops quietly at the first setting that needs a missing profile', () => {
    const s = settingsFor({ flags: { profile: 'nope' }, env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: 'foo' } });
    expect(() => session(s)).not.toThrow();
  });
});

describe('client-creation order', () => {
  it('raises region, then profile, then services, retries and timeouts', () => {
    const env = { AWS_MAX_ATTEMPTS: 'x', AWS_RETRY_MODE: 'legacy' };
    const flags = { readTimeout: '-1' };
    const steps: Array<[Setup, string]> = [
      [{ env, flags: { ...flags, region: 'bad!', profile: 'nope' } }, "Provided region_name 'bad!' doesn't match a supported format."],
      [{ env, flags: { ...flags, profile: 'nope' } }, 'The config profile (nope) could not be found'],
      [{ env, flags, config: '[default]\nservices = gone\n' }, 'The profile is configured to use the services section but the "gone" services configuration does not exist.'],
      [{ env, flags }, "invalid literal for int() with base 10: 'x'"],
      [{ env: { AWS_RETRY_MODE: 'legacy' }, flags }, 'Invalid value provided to "mode": "legacy" must be one of: "standard" or "adaptive"'],
      [{ flags }, 'Attempted to set read timeout to -1, but the timeout cannot be set to a value less than or equal to 0.'],
    ];
    for (const [setup, message] of steps) expect(errorOf(() => client(settingsFor(setup)))?.message).toBe(message);
  });

  it('splits into the part before and after credentials', () => {
    const s = settingsFor({ env: { AWS_RETRY_MODE: 'legacy' }, flags: { profile: 'nope' } });
    expect(errorOf(() => regionAndProfile(s))?.message).toBe('The config profile (nope) could not be found');
    expect(errorOf(() => clientConfig(s))?.message).toBe('Invalid value provided to "mode": "legacy" must be one of: "standard" or "adaptive"');
  });
});

describe('describe()', () => {
  it('names each value and where it came from, and never a secret', () => {
    const s = settingsFor({
      env: { AWS_REGION: 'eu-west-1' },
      credentials: '[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = SECRETVALUE\n',
      flags: { readTimeout: '0' },
    });
    const lines = s.describe();
    expect(lines).toContain('Setting region = "eu-west-1" (from environment variable AWS_REGION)');
    expect(lines).toContain('Setting readTimeout = None (no timeout) (from command line --cli-read-timeout)');
    expect(lines).toContain('Setting output = "json" (from default)');
    expect(lines.join('\n')).not.toContain('SECRETVALUE');
  });
});

// botocore endpoint.py EndpointCreator.create_endpoint, as the AWS CLI 2.9.19 words it (cases
// endpoint-*, region-empty-* of test/conformance/cases-extra.json)
describe('the client endpoint URL', () => {
  it('needs a host name: "Invalid endpoint: <url>" at client creation (255)', () => {
    for (const url of ['file:///tmp', 'localhost:9000', 'http://', 'http://[::1]:9', 'http://-bad-:9', 'http://my_host:9']) {
      const s = settingsFor({ flags: { endpointUrl: url } });
      expect(errorOf(() => clientConfig(s))).toEqual({ message: `Invalid endpoint: ${url}`, exitCode: 255 });
    }
  });
  it('accepts host names, IPv4 addresses and a trailing dot', () => {
    for (const url of ['http://127.0.0.1:9', 'HTTP://LOCALHOST', 'http://localhost.:9/base', 'ftp://127.0.0.1/', 'http://h?a=b']) {
      expect(() => clientConfig(settingsFor({ flags: { endpointUrl: url } }))).not.toThrow();
    }
  });
  it('an empty region without an endpoint URL gives the default endpoint https://s3..amazonaws.com', () => {
    const s = settingsFor({ env: { AWS_DEFAULT_REGION: '' } });
    expect(errorOf(() => clientConfig(s))).toEqual({ message: 'Invalid endpoint: https://s3..amazonaws.com', exitCode: 255 });
    expect(() => clientConfig(settingsFor({ env: { AWS_DEFAULT_REGION: '' }, flags: { endpointUrl: 'http://127.0.0.1:9' } }))).not.toThrow();
  });
  it('comes after the retry settings', () => {
    const s = settingsFor({ env: { AWS_MAX_ATTEMPTS: 'abc' }, flags: { endpointUrl: 'file:///tmp' } });
    expect(errorOf(() => clientConfig(s))?.message).toBe("invalid literal for int() with base 10: 'abc'");
  });
});
