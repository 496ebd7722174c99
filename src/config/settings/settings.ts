// Every configuration value of one run, resolved the way AWS CLI v2 (botocore configprovider.py,
// awscli clidriver.py) resolves it: small chains of providers, flag → environment → profile →
// default, each reading only what it is handed (the injected env and files), never process.env.
//
// A bad value fails when it is first read, with the AWS CLI's text, and the pipeline reads each
// at the stage where the AWS CLI reads it (src/pipeline/): that order decides which error the user
// sees. Creating the settings reads nothing that can fail but the shared files.

import { ConfigError, GeneralError } from '../../errors.js';
import { pyRepr } from '../../py/repr.js';
import type { FileSystem } from '../../io.js';
import { type IniSection, loadSharedConfig, type SharedConfig } from '../ini.js';
import { readAutoPrompt } from './auto-prompt.js';
import { describeSettings, type SettingName } from './describe.js';
import { configuredEndpointUrl } from './endpoint-url.js';
import { type ImdsSettings, resolveImds } from './imds.js';
import { chain, type Env, type Found, fromEnv, fromFlag, fromProfile, fromProfileSection, type Lookup, originOf, type SettingOrigin, foundValue } from './lookup.js';
import { ensureBoolean, isValidEndpointUrl, pyInt, pyStrValue, validateRegionName } from './values.js';

export interface SettingsFlags {
  /** --profile (an empty value is ignored, as clidriver.py's `if args.profile` does) */
  profile?: string;
  /** --region (an empty value is kept: the client gets region '') */
  region?: string;
  endpointUrl?: string;
  output?: string;
  caBundle?: string;
  /** false for --no-verify-ssl */
  verifySsl: boolean;
  /** --cli-read-timeout, as typed */
  readTimeout?: string;
  /** --cli-connect-timeout, as typed */
  connectTimeout?: string;
  noSignRequest: boolean;
  /** --cli-binary-format; when given, the profile's cli_binary_format is not read */
  cliBinaryFormat?: string;
}

export interface SettingsInput {
  env: Env;
  fs: FileSystem;
  homedir: string;
  flags: SettingsFlags;
  /** The shared files, when the caller has read them already with loadSharedConfig(). */
  shared?: SharedConfig;
}

export interface S3Settings {
  /** `s3.addressing_style` as written (path, virtual, auto); not validated here. */
  readonly addressingStyle: string | undefined;
  readonly useAccelerateEndpoint: boolean;
  /** `s3.use_dualstack_endpoint` as botocore reads it for S3 (only 'true'/'True' count). */
  readonly useDualstackEndpoint: boolean;
  /** AWS_S3_USE_ARN_REGION > s3_use_arn_region > s3.use_arn_region; undefined when unset. */
  readonly useArnRegion: boolean | undefined;
  /** AWS_S3_DISABLE_MULTIREGION_ACCESS_POINTS > s3.s3_disable_multiregion_access_points */
  readonly disableMultiregionAccessPoints: boolean;
  readonly payloadSigningEnabled: boolean | undefined;
}

/** Seconds; null means no timeout (`0` on the command line). */
export interface Timeouts {
  readonly read: number | null;
  readonly connect: number | null;
}

export type { Env, ImdsSettings, SettingName, SettingOrigin };

const DEFAULT_TIMEOUT = 60;

/** botocore ProfileNotFound */
export function profileNotFoundError(profile: string): GeneralError {
  return new GeneralError(`The config profile (${profile}) could not be found`);
}

/** A value, or the error reading it raises (the value is then what the AWS CLI falls back to, for --debug). */
interface Resolved<T> {
  readonly value: T;
  readonly error?: Error;
}

function ok<T>(value: T): Resolved<T> {
  return { value };
}

function failed<T>(value: T, error: Error): Resolved<T> {
  return { value, error };
}

/** The value of a setting read for the first time: throws its error, every time. */
function read<T>(r: Resolved<T>): T {
  if (r.error) throw r.error;
  return r.value;
}

/** Computes a setting on first use, and keeps it (value and error alike). */
function memo<T>(compute: () => Resolved<T>): () => Resolved<T> {
  let done: Resolved<T> | undefined;
  return () => (done ??= compute());
}

export class Settings {
  /** The environment the values were read from (the credential chain reads it too). */
  readonly env: Env;
  /** Both shared files, parsed. */
  readonly shared: SharedConfig;
  /** --profile > AWS_PROFILE > AWS_DEFAULT_PROFILE > 'default' (may be '' from an empty AWS_PROFILE). */
  readonly profileName: string;
  /** True only for a non-empty --profile: it turns off the environment credential provider. */
  readonly profileExplicit: boolean;
  /** The profile is in the config or the credentials file (or none was named: then always true). */
  readonly profileExists: boolean;
  /** The profile's options (config file updated by the credentials file); empty if it does not exist. */
  readonly profile: IniSection;
  readonly verifySsl: boolean;
  readonly noSignRequest: boolean;
  /** Where each value read so far came from. */
  readonly origins: Partial<Record<SettingName, SettingOrigin>> = {};

  private readonly flags: SettingsFlags;
  private readonly lookup: Lookup;

  constructor(input: SettingsInput) {
    const { env, flags } = input;
    this.env = env;
    this.flags = flags;
    this.shared = input.shared ?? loadSharedConfig({ env, fs: input.fs, homedir: input.homedir });
    this.verifySsl = flags.verifySsl;
    this.noSignRequest = flags.noSignRequest;
    // profile: clidriver sets the session's profile only for a non-empty --profile
    const found = flags.profile ? fromFlag(flags.profile, '--profile') : fromEnv(env, 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE');
    this.profileName = found ? (found.value as string) : 'default';
    this.origins.profile = originOf(found);
    this.profileExplicit = Boolean(flags.profile);
    const named = this.shared.profiles.get(this.profileName);
    // session.get_scoped_config: an unnamed profile falls back to [default] or nothing
    this.profileExists = named !== undefined || found === undefined;
    this.profile = named ?? new Map();
    this.lookup = { env, shared: this.shared, profileName: this.profileName, profileExists: this.profileExists, profile: this.profile };
  }

  /** The profile in use exists (botocore raises ProfileNotFound at client creation, 255). */
  requireProfile(): void {
    if (!this.profileExists) throw profileNotFoundError(this.profileName);
  }

  /** A chain's value, its origin noted. */
  private find(name: SettingName | undefined, ...steps: Array<() => Found>): Found | 'missing' {
    const found = chain(...steps);
    if (name !== undefined && found !== 'missing') this.origins[name] = originOf(found);
    return found;
  }

  private readonly regionSetting = memo((): Resolved<string | undefined> => {
    // awscli clidriver _construct_cli_region_chain (IMDS is asked separately, asynchronously)
    const found = chain(
      () => fromFlag(this.flags.region, '--region'),
      () => fromEnv(this.env, 'AWS_REGION', 'AWS_DEFAULT_REGION'),
      () => fromProfile(this.lookup, 'region'),
    );
    if (found === undefined || found === 'missing' || typeof found.value !== 'string') return ok(undefined);
    this.origins.region = found.origin;
    try {
      validateRegionName(found.value);
      return ok(found.value);
    } catch (err) {
      return failed(found.value, err as Error);
    }
  });

  /** --region > AWS_REGION > AWS_DEFAULT_REGION > profile region; undefined if none (IMDS may still answer). Throws an invalid region name (255). */
  get region(): string | undefined {
    return read(this.regionSetting());
  }

  /** --output > AWS_DEFAULT_OUTPUT > profile output > 'json'; not validated here (the CLI checks it at display). */
  get output(): string {
    const v = foundValue(this.find('output', () => fromFlag(this.flags.output, '--output'), () => fromEnv(this.env, 'AWS_DEFAULT_OUTPUT'), () => fromProfile(this.lookup, 'output')));
    return v === undefined ? 'json' : pyStrValue(v);
  }

  /** AWS_IGNORE_CONFIGURED_ENDPOINT_URLS > ignore_configured_endpoint_urls */
  get ignoreConfiguredEndpointUrls(): boolean {
    return ensureBoolean(foundValue(this.find('ignoreConfiguredEndpointUrls', () => fromEnv(this.env, 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'), () => fromProfile(this.lookup, 'ignore_configured_endpoint_urls'))));
  }

  private readonly endpointSetting = memo((): Resolved<string | undefined> => {
    if (this.flags.endpointUrl !== undefined) {
      this.origins.endpointUrl = { kind: 'flag', name: '--endpoint-url' };
      return ok(this.flags.endpointUrl);
    }
    if (this.ignoreConfiguredEndpointUrls) return ok(undefined);
    try {
      const configured = configuredEndpointUrl(this, 's3');
      if (!configured) return ok(undefined);
      this.origins.endpointUrl = configured.origin;
      return ok(configured.url);
    } catch (err) {
      return failed(undefined, err as Error);
    }
  });

  /**
   * --endpoint-url > AWS_ENDPOINT_URL_S3 > AWS_ENDPOINT_URL > services s3.endpoint_url > profile
   * endpoint_url, unless configured ones are ignored. Throws for a missing services section (255).
   */
  get endpointUrl(): string | undefined {
    return read(this.endpointSetting());
  }

  /**
   * botocore endpoint.py EndpointCreator.create_endpoint: the client's endpoint URL needs a valid
   * host name (2.9.19 checks no IPv6 literal). Without --endpoint-url an empty region makes the
   * default endpoint https://s3..amazonaws.com. Throws `Invalid endpoint: ...` (255).
   */
  checkClientEndpoint(): void {
    const region = this.regionSetting().value;
    const url = this.endpointSetting().value ?? (region === '' ? 'https://s3..amazonaws.com' : undefined);
    if (url !== undefined && !isValidEndpointUrl(url)) throw new GeneralError(`Invalid endpoint: ${url}`);
  }

  /**
   * --ca-bundle > AWS_CA_BUNDLE > ca_bundle > REQUESTS_CA_BUNDLE (endpoint.py _get_verify_value),
   * unexpanded; ignored when verifySsl is false.
   */
  get caBundle(): string | undefined {
    const found = chain(
      () => fromFlag(this.flags.caBundle, '--ca-bundle'),
      () => fromEnv(this.env, 'AWS_CA_BUNDLE'),
      () => fromProfile(this.lookup, 'ca_bundle'),
      () => fromEnv(this.env, 'REQUESTS_CA_BUNDLE'),
    );
    if (found !== undefined && found !== 'missing') this.origins.caBundle = found.origin;
    const v = foundValue(found);
    return typeof v === 'string' ? v : undefined;
  }

  private readonly maxAttemptsSetting = memo((): Resolved<number> => {
    // botocore args._compute_retry_config, then Config._validate_retry_configuration
    const v = foundValue(this.find('maxAttempts', () => fromEnv(this.env, 'AWS_MAX_ATTEMPTS'), () => fromProfile(this.lookup, 'max_attempts')));
    if (v === undefined) return ok(3);
    try {
      const n = pyInt(v);
      if (n < 1) return failed(3, new GeneralError(`Value provided to "max_attempts": ${n} must be an integer greater than or equal to one.`));
      return ok(n);
    } catch (err) {
      return failed(3, err as Error);
    }
  });

  /** Total attempts: AWS_MAX_ATTEMPTS > max_attempts > 3. Throws a bad value (255). */
  get maxAttempts(): number {
    return read(this.maxAttemptsSetting());
  }

  private readonly retryModeSetting = memo((): Resolved<'standard' | 'adaptive'> => {
    const v = foundValue(this.find('retryMode', () => fromEnv(this.env, 'AWS_RETRY_MODE'), () => fromProfile(this.lookup, 'retry_mode')));
    if (v === undefined || v === 'standard' || v === 'adaptive') return ok(v ?? 'standard');
    return failed('standard', new GeneralError(`Invalid value provided to "mode": "${pyStrValue(v)}" must be one of: "standard" or "adaptive"`));
  });

  /** AWS_RETRY_MODE > retry_mode > standard. Throws a bad value (255). */
  get retryMode(): 'standard' | 'adaptive' {
    return read(this.retryModeSetting());
  }

  private timeoutSetting(name: 'readTimeout' | 'connectTimeout'): () => Resolved<number | null> {
    return memo(() => {
      // globalargs._resolve_timeout: int(), and 0 means none
      const flag = this.flags[name];
      if (flag === undefined) {
        this.origins[name] = { kind: 'default' };
        return ok(DEFAULT_TIMEOUT);
      }
      this.origins[name] = { kind: 'flag', name: name === 'readTimeout' ? '--cli-read-timeout' : '--cli-connect-timeout' };
      try {
        const n = pyInt(flag);
        return ok(n === 0 ? null : n);
      } catch (err) {
        return failed(DEFAULT_TIMEOUT, err as Error);
      }
    });
  }

  private readonly readTimeoutSetting = this.timeoutSetting('readTimeout');
  private readonly connectTimeoutSetting = this.timeoutSetting('connectTimeout');

  /** --cli-read-timeout in seconds (default 60, null for none). Throws int()'s error (255). */
  get readTimeout(): number | null {
    return read(this.readTimeoutSetting());
  }

  /** --cli-connect-timeout in seconds (default 60, null for none). Throws int()'s error (255). */
  get connectTimeout(): number | null {
    return read(this.connectTimeoutSetting());
  }

  /** Both timeouts as urllib3's Timeout(connect=..., read=...) takes them: it checks connect first (255). */
  get timeouts(): Timeouts {
    const t = { connect: this.connectTimeout, read: this.readTimeout };
    for (const [name, v] of [['connect', t.connect], ['read', t.read]] as const) {
      if (v !== null && v < 0) {
        throw new GeneralError(`Attempted to set ${name} timeout to ${v}, but the timeout cannot be set to a value less than or equal to 0.`);
      }
    }
    return t;
  }

  /** botocore SectionConfigProvider('s3') with its override chains. */
  get s3(): S3Settings {
    const l = this.lookup;
    const bool = (found: Found | 'missing') => ensureBoolean(foundValue(found));
    const addressing = chain(() => fromProfileSection(l, 's3', 'addressing_style'));
    if (addressing !== undefined && addressing !== 'missing') this.origins['s3.addressingStyle'] = addressing.origin;
    const accelerate = this.find('s3.useAccelerateEndpoint', () => fromProfileSection(l, 's3', 'use_accelerate_endpoint'));
    const dualstack = foundValue(this.find('s3.useDualstackEndpoint', () => fromProfileSection(l, 's3', 'use_dualstack_endpoint')));
    const arn = chain(() => fromEnv(this.env, 'AWS_S3_USE_ARN_REGION'), () => fromProfile(l, 's3_use_arn_region'), () => fromProfileSection(l, 's3', 'use_arn_region'));
    if (arn !== undefined && arn !== 'missing') this.origins['s3.useArnRegion'] = arn.origin;
    const mrap = this.find('s3.disableMultiregionAccessPoints', () => fromEnv(this.env, 'AWS_S3_DISABLE_MULTIREGION_ACCESS_POINTS'), () => fromProfileSection(l, 's3', 's3_disable_multiregion_access_points'));
    const payload = chain(() => fromProfileSection(l, 's3', 'payload_signing_enabled'));
    const addressingValue = foundValue(addressing);
    return {
      addressingStyle: typeof addressingValue === 'string' ? addressingValue : undefined,
      useAccelerateEndpoint: bool(accelerate),
      // client.py _is_s3_dualstack_mode: only True/'True'/'true'
      useDualstackEndpoint: dualstack === 'true' || dualstack === 'True',
      useArnRegion: foundValue(arn) === undefined ? undefined : bool(arn),
      disableMultiregionAccessPoints: bool(mrap),
      payloadSigningEnabled: foundValue(payload) === undefined ? undefined : bool(payload),
    };
  }

  /** AWS_USE_FIPS_ENDPOINT > use_fips_endpoint as configured (what other clients, e.g. STS, use). */
  get fipsEndpointConfigured(): boolean {
    return ensureBoolean(foundValue(this.find('useFipsEndpoint', () => fromEnv(this.env, 'AWS_USE_FIPS_ENDPOINT'), () => fromProfile(this.lookup, 'use_fips_endpoint'))));
  }

  /** AWS_USE_DUALSTACK_ENDPOINT > use_dualstack_endpoint as configured. */
  get dualstackEndpointConfigured(): boolean {
    return ensureBoolean(foundValue(this.find('useDualstackEndpoint', () => fromEnv(this.env, 'AWS_USE_DUALSTACK_ENDPOINT'), () => fromProfile(this.lookup, 'use_dualstack_endpoint'))));
  }

  /**
   * FIPS for the S3 endpoint, false whenever an endpoint URL is set (botocore args.py:
   * SDK::Endpoint cannot be combined with AWS::UseFIPS).
   */
  get useFipsEndpoint(): boolean {
    return this.endpointSetting().value === undefined && this.fipsEndpointConfigured;
  }

  /** Dual-stack for the S3 endpoint: `s3.use_dualstack_endpoint = true` or the configured one; false with an endpoint URL. */
  get useDualstackEndpoint(): boolean {
    return this.endpointSetting().value === undefined && (this.s3.useDualstackEndpoint || this.dualstackEndpointConfigured);
  }

  private readonly expressSessionAuthSetting = memo((): Resolved<boolean> => {
    const v = foundValue(chain(() => fromEnv(this.env, 'AWS_S3_DISABLE_EXPRESS_SESSION_AUTH'), () => fromProfile(this.lookup, 's3_disable_express_session_auth')));
    if (v === undefined) return ok(false);
    // botocore args.py: only a boolean's text, any case
    const text = pyStrValue(v).toLowerCase();
    if (text === 'true' || text === 'false') return ok(text === 'true');
    return failed(false, new GeneralError(`Invalid value "${pyStrValue(v)}" for s3_disable_express_session_auth. Value must be a boolean`));
  });

  /**
   * AWS_S3_DISABLE_EXPRESS_SESSION_AUTH > s3_disable_express_session_auth: directory buckets are
   * signed with the caller's own credentials, without CreateSession. Throws a non-boolean (255).
   */
  get disableS3ExpressSessionAuth(): boolean {
    return read(this.expressSessionAuthSetting());
  }

  /** profile parameter_validation (default true) */
  get parameterValidation(): boolean {
    const v = foundValue(this.find('parameterValidation', () => fromProfile(this.lookup, 'parameter_validation')));
    return v === undefined ? true : ensureBoolean(v);
  }

  /** profile tcp_keepalive (default false) */
  get tcpKeepalive(): boolean {
    return ensureBoolean(foundValue(chain(() => fromProfile(this.lookup, 'tcp_keepalive'))));
  }

  private readonly timestampFormatSetting = memo((): Resolved<'iso8601' | 'wire'> => {
    const v = foundValue(this.find('cliTimestampFormat', () => fromProfile(this.lookup, 'cli_timestamp_format')));
    if (v === undefined || v === 'iso8601' || v === 'wire') return ok(v ?? 'iso8601');
    // customizations/timestampformat.py
    return failed('iso8601', new ConfigError(`Unknown cli_timestamp_format value: ${pyStrValue(v)}, valid values are "wire" or "iso8601"`));
  });

  /** profile cli_timestamp_format: iso8601 (default) or wire. Throws another value (253). */
  get cliTimestampFormat(): 'iso8601' | 'wire' {
    return read(this.timestampFormatSetting());
  }

  private readonly binaryFormatSetting = memo((): Resolved<'base64' | 'raw-in-base64-out'> => {
    const flag = this.flags.cliBinaryFormat;
    const v = foundValue(flag !== undefined ? this.find('cliBinaryFormat', () => fromFlag(flag, '--cli-binary-format')) : this.find('cliBinaryFormat', () => fromProfile(this.lookup, 'cli_binary_format')));
    if (v === undefined || v === 'base64' || v === 'raw-in-base64-out') return ok(v ?? 'base64');
    // customizations/binaryformat.py: a KeyError from the formats table, printed as its repr
    return failed('base64', new GeneralError(typeof v === 'string' ? pyRepr(v) : "unhashable type: 'dict'"));
  });

  /** --cli-binary-format > profile cli_binary_format > base64. Throws another value (255). */
  get cliBinaryFormat(): 'base64' | 'raw-in-base64-out' {
    return read(this.binaryFormatSetting());
  }

  private readonly imdsSetting = memo((): Resolved<ImdsSettings> => {
    const r = resolveImds(this.lookup);
    Object.assign(this.origins, r.origins);
    return r.error ? failed(r.settings, r.error) : ok(r.settings);
  });

  /** The instance metadata settings; throws the first bad one (255). */
  get imds(): ImdsSettings {
    return read(this.imdsSetting());
  }

  /** AWS_PAGER > cli_pager > PAGER > 'less'; '' means no pager. */
  get pager(): string {
    const v = foundValue(this.find('pager', () => fromEnv(this.env, 'AWS_PAGER'), () => fromProfile(this.lookup, 'cli_pager'), () => fromEnv(this.env, 'PAGER')));
    return v === undefined ? 'less' : pyStrValue(v);
  }

  /** AWS_CLI_AUTO_PROMPT > cli_auto_prompt of the AWS_PROFILE profile > 'off', lower-cased (not validated). */
  get autoPrompt(): string {
    const r = readAutoPrompt(this.env, this.shared);
    this.origins.autoPrompt = originOf(r.found);
    return r.value;
  }

  /**
   * One line per setting and its origin, for --debug (never secret values). A value that fails to
   * read shows what the AWS CLI falls back to; reading here raises nothing.
   */
  describe(): string[] {
    return describeSettings(this, {
      region: this.regionSetting().value,
      endpointUrl: this.endpointSetting().value,
      maxAttempts: this.maxAttemptsSetting().value,
      retryMode: this.retryModeSetting().value,
      readTimeout: this.readTimeoutSetting().value,
      connectTimeout: this.connectTimeoutSetting().value,
      cliTimestampFormat: this.timestampFormatSetting().value,
      cliBinaryFormat: this.binaryFormatSetting().value,
      imds: this.imdsSetting().value,
    });
  }
}

/** Resolves the settings of a run from the flags, the injected environment and the shared files. */
export function createSettings(input: SettingsInput): Settings {
  return new Settings(input);
}
