// Every configuration value of one run, resolved the way AWS CLI v2 (botocore configprovider.py,
// awscli clidriver.py) resolves it: small chains of providers, flag → environment → profile →
// default, each reading only what it is handed (the injected env and files), never process.env.
//
// The AWS CLI raises a bad value at the pipeline stage that first reads it, and that order decides
// which error the user sees. So resolveSettings() only throws for a config file that cannot be
// parsed (the CLI reads the files before anything else); every other bad value is kept with its
// stage and raised by the matching check method, which the caller runs when its pipeline gets there:
//   checkTopLevelSettings()  step 4, top-level-args-parsed: int() of --cli-read/connect-timeout
//   checkSessionSettings()   step 5, session-initialized: cli_timestamp_format (253),
//                            cli_binary_format, IMDS settings read when the credential chain is built
//   checkClientSettings()    step 9, client creation: region name, missing profile, services section,
//                            max_attempts, retry_mode, negative timeouts. botocore resolves the
//                            credential chain in the middle of this (after the profile, before the
//                            services section); a caller that wants that order exactly runs
//                            checkRegionAndProfile(), then the credential chain's load(), then
//                            checkClientConfig().

import { type CliError, ConfigError, GeneralError } from '../errors.js';
import type { FileSystem } from '../io.js';
import { pyRepr } from '../py/repr.js';
import { pyIntError, pyInt as pyIntOfText } from '../py/int.js';
import { urlsplitHostnameBracketed as urlHostname } from '../py/urllib.js';
import { type IniSection, type IniValue, loadSharedConfig, type SharedConfig } from './ini.js';

export type Env = Readonly<Record<string, string | undefined>>;

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

/** Where a value came from, for --debug. */
export type SettingOrigin =
  | { readonly kind: 'flag'; readonly name: string }
  | { readonly kind: 'env'; readonly name: string }
  /** `name` is the option (`region`, `s3.addressing_style`); `file` is `config` or `credentials`. */
  | { readonly kind: 'profile'; readonly name: string; readonly profile: string; readonly file: 'config' | 'credentials' }
  | { readonly kind: 'services'; readonly name: string; readonly section: string }
  | { readonly kind: 'default' };

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

export interface ImdsSettings {
  /** AWS_EC2_METADATA_DISABLED=true (environment only, case-insensitive) */
  readonly disabled: boolean;
  /** seconds; AWS_METADATA_SERVICE_TIMEOUT > metadata_service_timeout > 1 */
  readonly timeoutSeconds: number;
  /** AWS_METADATA_SERVICE_NUM_ATTEMPTS > metadata_service_num_attempts > 1 */
  readonly numAttempts: number;
  /** AWS_EC2_METADATA_SERVICE_ENDPOINT > ec2_metadata_service_endpoint */
  readonly endpoint: string | undefined;
  /** AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE > ec2_metadata_service_endpoint_mode, else ipv6 if AWS_IMDS_USE_IPV6 / imds_use_ipv6 */
  readonly endpointMode: 'ipv4' | 'ipv6';
  /** The base URL requests are made against: the custom endpoint as written, or the default for the mode (ends in '/'). */
  readonly baseUrl: string;
}

export type SettingName =
  | 'profile'
  | 'region'
  | 'output'
  | 'endpointUrl'
  | 'ignoreConfiguredEndpointUrls'
  | 'caBundle'
  | 'maxAttempts'
  | 'retryMode'
  | 'readTimeout'
  | 'connectTimeout'
  | 'useFipsEndpoint'
  | 'useDualstackEndpoint'
  | 'parameterValidation'
  | 'cliTimestampFormat'
  | 'cliBinaryFormat'
  | 'pager'
  | 'autoPrompt'
  | 's3.addressingStyle'
  | 's3.useAccelerateEndpoint'
  | 's3.useDualstackEndpoint'
  | 's3.useArnRegion'
  | 's3.disableMultiregionAccessPoints'
  | 'imds.timeoutSeconds'
  | 'imds.numAttempts'
  | 'imds.endpoint'
  | 'imds.endpointMode';

export interface Settings {
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
  /** --region > AWS_REGION > AWS_DEFAULT_REGION > profile region; undefined if none (IMDS may still answer). */
  readonly region: string | undefined;
  /** --output > AWS_DEFAULT_OUTPUT > profile output > 'json'; not validated here (the CLI checks it at display). */
  readonly output: string;
  /** --endpoint-url > AWS_ENDPOINT_URL_S3 > AWS_ENDPOINT_URL > services s3.endpoint_url > profile endpoint_url. */
  readonly endpointUrl: string | undefined;
  /** AWS_IGNORE_CONFIGURED_ENDPOINT_URLS > ignore_configured_endpoint_urls */
  readonly ignoreConfiguredEndpointUrls: boolean;
  /** --ca-bundle > AWS_CA_BUNDLE > ca_bundle (unexpanded); ignored when verifySsl is false. */
  readonly caBundle: string | undefined;
  readonly verifySsl: boolean;
  readonly noSignRequest: boolean;
  /** Total attempts: AWS_MAX_ATTEMPTS > max_attempts > 3. */
  readonly maxAttempts: number;
  /** AWS_RETRY_MODE > retry_mode > standard. */
  readonly retryMode: 'standard' | 'adaptive';
  /** Seconds; null means no timeout (`0` on the command line). Default 60. */
  readonly readTimeout: number | null;
  readonly connectTimeout: number | null;
  /**
   * FIPS for the S3 endpoint: AWS_USE_FIPS_ENDPOINT > use_fips_endpoint, and false whenever an
   * endpoint URL is set (botocore args.py: SDK::Endpoint cannot be combined with AWS::UseFIPS).
   */
  readonly useFipsEndpoint: boolean;
  /**
   * Dual-stack for the S3 endpoint: `s3.use_dualstack_endpoint = true`, else AWS_USE_DUALSTACK_ENDPOINT >
   * use_dualstack_endpoint; false whenever an endpoint URL is set.
   */
  readonly useDualstackEndpoint: boolean;
  /** AWS_USE_FIPS_ENDPOINT > use_fips_endpoint as configured (what other clients, e.g. STS, use). */
  readonly fipsEndpointConfigured: boolean;
  /** AWS_USE_DUALSTACK_ENDPOINT > use_dualstack_endpoint as configured. */
  readonly dualstackEndpointConfigured: boolean;
  readonly s3: S3Settings;
  /** profile parameter_validation (default true) */
  readonly parameterValidation: boolean;
  /** profile tcp_keepalive (default false) */
  readonly tcpKeepalive: boolean;
  /** profile cli_timestamp_format: iso8601 (default) or wire */
  readonly cliTimestampFormat: 'iso8601' | 'wire';
  /** --cli-binary-format > profile cli_binary_format > base64 */
  readonly cliBinaryFormat: 'base64' | 'raw-in-base64-out';
  /** AWS_PAGER > cli_pager > PAGER > 'less'; '' means no pager. */
  readonly pager: string;
  /** AWS_CLI_AUTO_PROMPT > cli_auto_prompt of the AWS_PROFILE profile > 'off', lower-cased (not validated). */
  readonly autoPrompt: string;
  readonly imds: ImdsSettings;
  /** Where each value came from. */
  readonly origins: Readonly<Partial<Record<SettingName, SettingOrigin>>>;
  /** Step 4: `invalid literal for int() ...` for --cli-read-timeout, then --cli-connect-timeout (255). */
  checkTopLevelSettings(): void;
  /** Step 5: cli_timestamp_format (253), cli_binary_format (255), IMDS timeout/attempts/endpoint (255). */
  checkSessionSettings(): void;
  /** Step 9, every client-creation error in the CLI's order (checkRegionAndProfile, then checkClientConfig). */
  checkClientSettings(): void;
  /** Step 9 before credentials: an invalid region name, then a missing profile (255). */
  checkRegionAndProfile(): void;
  /** The missing-profile error alone (255). */
  checkProfile(): void;
  /** Step 9 after credentials: services section, max_attempts, retry_mode, negative timeouts (255). */
  checkClientConfig(): void;
  /** One line per setting and its origin, for --debug (never secret values). */
  describe(): string[];
}

/** botocore ProfileNotFound */
export function profileNotFoundError(profile: string): GeneralError {
  return new GeneralError(`The config profile (${profile}) could not be found`);
}

/** Python's str() of a config value (a nested block prints as a dict). */
export function pyStrValue(value: IniValue): string {
  return typeof value === 'string' ? value : pyRepr(new Map(value));
}

/** botocore utils.ensure_boolean: only the text 'true' (any case) is true. */
export function ensureBoolean(value: IniValue | undefined): boolean {
  return typeof value === 'string' && value.toLowerCase() === 'true';
}

/**
 * Python's int() of a config value (src/py/int.ts). Its ValueError or TypeError text (255) is
 * thrown as GeneralError: `invalid literal for int() with base 10: 'abc'`.
 */
export function pyInt(value: IniValue): number {
  if (typeof value !== 'string') {
    throw new GeneralError("int() argument must be a string, a bytes-like object or a real number, not 'dict'");
  }
  const n = pyIntOfText(value);
  if (n === undefined) throw new GeneralError(pyIntError(value));
  return Number(n);
}

const REGION_RE = /^(?![0-9]+\n?$)(?!-)[a-zA-Z0-9-]{0,63}(?<!-)\n?$/;

/** botocore utils.validate_region_name (a host label; Python's `$` also allows one final newline). */
export function validateRegionName(region: string): void {
  if (!REGION_RE.test(region)) {
    throw new GeneralError(`Provided region_name '${region}' doesn't match a supported format.`);
  }
}

/** Lookup of one value along a chain; 'profile-missing' when the chain had to read a missing profile. */
type Found = { value: IniValue; origin: SettingOrigin } | undefined;

interface Lookup {
  readonly env: Env;
  readonly shared: SharedConfig;
  readonly profileName: string;
  readonly profileExists: boolean;
  readonly profile: IniSection;
}

class ProfileMissing extends Error {}

function fromEnv(env: Env, ...names: string[]): Found {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && Object.hasOwn(env, name)) return { value, origin: { kind: 'env', name } };
  }
  return undefined;
}

// botocore ScopedConfigProvider: reading the profile raises ProfileNotFound when a named profile is missing
function fromProfile(l: Lookup, key: string): Found {
  if (!l.profileExists) throw new ProfileMissing();
  const value = l.profile.get(key);
  if (value === undefined) return undefined;
  const file = l.shared.fromCredentialsFile.get(l.profileName)?.has(key) ? 'credentials' : 'config';
  return { value, origin: { kind: 'profile', name: key, profile: l.profileName, file } };
}

function fromProfileSection(l: Lookup, section: string, key: string): Found {
  const found = fromProfile(l, section);
  if (found === undefined || typeof found.value === 'string') return undefined;
  const value = found.value.get(key);
  if (value === undefined) return undefined;
  return { value, origin: { ...(found.origin as { kind: 'profile'; profile: string; file: 'config' | 'credentials' }), name: `${section}.${key}` } };
}

/**
 * The configured endpoint URL of a service (botocore ConfiguredEndpointProvider, 1.31+):
 * AWS_ENDPOINT_URL_<SERVICE> > AWS_ENDPOINT_URL > the profile's `services` section > profile
 * endpoint_url, empty values skipped. `serviceKey` is the snake-case service id (`s3`, `sts`,
 * `sso`, `sso_oidc`). Throws GeneralError when the profile names a services section that does not
 * exist. Does not look at the ignore flag or at --endpoint-url (see Settings.endpointUrl).
 */
export function configuredEndpointUrl(
  l: Pick<Settings, 'env' | 'shared' | 'profile' | 'profileName'>,
  serviceKey: string,
): { url: string; origin: SettingOrigin } | undefined {
  for (const name of [`AWS_ENDPOINT_URL_${serviceKey.toUpperCase()}`, 'AWS_ENDPOINT_URL']) {
    const value = l.env[name];
    if (value) return { url: value, origin: { kind: 'env', name } };
  }
  const sectionName = l.profile.get('services');
  if (sectionName !== undefined) {
    const section = typeof sectionName === 'string' ? l.shared.config.services.get(sectionName) : undefined;
    if (section === undefined || section.size === 0) {
      throw new GeneralError(
        `The profile is configured to use the services section but the "${pyStrValue(sectionName)}" services configuration does not exist.`,
      );
    }
    const service = section.get(serviceKey);
    if (typeof service === 'string') throw new GeneralError("'str' object has no attribute 'get'");
    const url = service?.get('endpoint_url');
    if (url) return { url, origin: { kind: 'services', name: `${serviceKey}.endpoint_url`, section: sectionName as string } };
  }
  const url = l.profile.get('endpoint_url');
  if (typeof url === 'string' && url) {
    const file = l.shared.fromCredentialsFile.get(l.profileName)?.has('endpoint_url') ? 'credentials' : 'config';
    return { url, origin: { kind: 'profile', name: 'endpoint_url', profile: l.profileName, file } };
  }
  return undefined;
}

const DEFAULT_TIMEOUT = 60;
const IMDS_BASE_URL = 'http://169.254.169.254/';
const IMDS_BASE_URL_IPV6 = 'http://[fd00:ec2::254]/';

/**
 * Resolves every setting from the flags, the injected environment and the shared files.
 * Throws only `Unable to parse config file: <path>` (255); other bad values wait for their check.
 */
export function resolveSettings(input: SettingsInput): Settings {
  const { env, flags } = input;
  const shared = input.shared ?? loadSharedConfig({ env, fs: input.fs, homedir: input.homedir });
  const origins: Partial<Record<SettingName, SettingOrigin>> = {};
  const topLevel: CliError[] = [];
  const session: CliError[] = [];
  const clientBefore: CliError[] = [];
  const clientAfter: CliError[] = [];

  // profile: clidriver sets the session's profile only for a non-empty --profile
  let profileName = 'default';
  let profileNamed = true;
  if (flags.profile) {
    profileName = flags.profile;
    origins.profile = { kind: 'flag', name: '--profile' };
  } else {
    const found = fromEnv(env, 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE');
    if (found) {
      profileName = found.value as string;
      origins.profile = found.origin;
    } else {
      profileNamed = false;
      origins.profile = { kind: 'default' };
    }
  }
  const named = shared.profiles.get(profileName);
  // session.get_scoped_config: an unnamed profile falls back to [default] or nothing
  const profileExists = named !== undefined || !profileNamed;
  const profile: IniSection = named ?? new Map();
  const lookup: Lookup = { env, shared, profileName, profileExists, profile };
  const profileError = profileExists ? undefined : profileNotFoundError(profileName);

  // Runs a chain; a missing profile makes it yield `missing` (the caller decides what the CLI did).
  const chain = (...steps: Array<() => Found>): Found | 'missing' => {
    try {
      for (const step of steps) {
        const found = step();
        if (found !== undefined) return found;
      }
      return undefined;
    } catch (err) {
      if (err instanceof ProfileMissing) return 'missing';
      throw err;
    }
  };
  const value = (found: Found | 'missing'): IniValue | undefined =>
    found === undefined || found === 'missing' ? undefined : found.value;
  const note = (name: SettingName, found: Found | 'missing', fallback = true): void => {
    if (found !== undefined && found !== 'missing') origins[name] = found.origin;
    else if (fallback) origins[name] = { kind: 'default' };
  };

  // region: awscli clidriver _construct_cli_region_chain (IMDS is asked separately, asynchronously)
  let region: string | undefined;
  const regionFound = chain(
    () => (flags.region !== undefined ? { value: flags.region, origin: { kind: 'flag', name: '--region' } } : undefined),
    () => fromEnv(env, 'AWS_REGION', 'AWS_DEFAULT_REGION'),
    () => fromProfile(lookup, 'region'),
  );
  if (regionFound !== undefined && regionFound !== 'missing' && typeof regionFound.value === 'string') {
    region = regionFound.value;
    origins.region = regionFound.origin;
    try {
      validateRegionName(region);
    } catch (err) {
      clientBefore.push(err as CliError);
    }
  }
  if (profileError) clientBefore.push(profileError);

  // output: clidriver _construct_cli_output_chain
  const outputFound = chain(
    () => (flags.output !== undefined ? { value: flags.output, origin: { kind: 'flag', name: '--output' } } : undefined),
    () => fromEnv(env, 'AWS_DEFAULT_OUTPUT'),
    () => fromProfile(lookup, 'output'),
  );
  const outputValue = value(outputFound);
  const output = outputValue === undefined ? 'json' : pyStrValue(outputValue);
  note('output', outputFound);

  // endpoint URL: --endpoint-url, else the configured ones unless ignored (botocore args.py)
  const ignoreFound = chain(() => fromEnv(env, 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'), () => fromProfile(lookup, 'ignore_configured_endpoint_urls'));
  const ignoreConfiguredEndpointUrls = ensureBoolean(value(ignoreFound));
  note('ignoreConfiguredEndpointUrls', ignoreFound);
  let endpointUrl: string | undefined;
  if (flags.endpointUrl !== undefined) {
    endpointUrl = flags.endpointUrl;
    origins.endpointUrl = { kind: 'flag', name: '--endpoint-url' };
  } else if (!ignoreConfiguredEndpointUrls) {
    try {
      const configured = configuredEndpointUrl({ env, shared, profile, profileName }, 's3');
      if (configured) {
        endpointUrl = configured.url;
        origins.endpointUrl = configured.origin;
      }
    } catch (err) {
      clientAfter.push(err as CliError);
    }
  }

  // ca bundle: globalargs.resolve_verify_ssl, then the ca_bundle chain at client creation
  const caFound = chain(
    () => (flags.caBundle !== undefined ? { value: flags.caBundle, origin: { kind: 'flag', name: '--ca-bundle' } } : undefined),
    () => fromEnv(env, 'AWS_CA_BUNDLE'),
    () => fromProfile(lookup, 'ca_bundle'),
  );
  const caValue = value(caFound);
  const caBundle = typeof caValue === 'string' ? caValue : undefined;
  note('caBundle', caFound, false);

  // retries: botocore args._compute_retry_config, then Config._validate_retry_configuration
  let maxAttempts = 3;
  const attemptsFound = chain(() => fromEnv(env, 'AWS_MAX_ATTEMPTS'), () => fromProfile(lookup, 'max_attempts'));
  note('maxAttempts', attemptsFound);
  const attemptsValue = value(attemptsFound);
  if (attemptsValue !== undefined) {
    try {
      const n = pyInt(attemptsValue);
      if (n < 1) {
        clientAfter.push(new GeneralError(`Value provided to "max_attempts": ${n} must be an integer greater than or equal to one.`));
      } else {
        maxAttempts = n;
      }
    } catch (err) {
      clientAfter.push(err as CliError);
    }
  }
  let retryMode: 'standard' | 'adaptive' = 'standard';
  const modeFound = chain(() => fromEnv(env, 'AWS_RETRY_MODE'), () => fromProfile(lookup, 'retry_mode'));
  note('retryMode', modeFound);
  const modeValue = value(modeFound);
  if (modeValue !== undefined) {
    if (modeValue === 'standard' || modeValue === 'adaptive') retryMode = modeValue;
    else {
      clientAfter.push(
        new GeneralError(`Invalid value provided to "mode": "${pyStrValue(modeValue)}" must be one of: "standard" or "adaptive"`),
      );
    }
  }

  // botocore endpoint.py EndpointCreator.create_endpoint (after the retry config, before urllib3's
  // timeouts): the client's endpoint URL needs a valid host name; 2.9.19 checks no IPv6 literal.
  // Without --endpoint-url an empty region makes the default endpoint https://s3..amazonaws.com
  const clientEndpoint = endpointUrl ?? (region === '' ? 'https://s3..amazonaws.com' : undefined);
  if (clientEndpoint !== undefined && !isValidEndpointUrl(clientEndpoint)) {
    clientAfter.push(new GeneralError(`Invalid endpoint: ${clientEndpoint}`));
  }

  // timeouts: globalargs._resolve_timeout (int(), 0 means none), urllib3 Timeout validation later
  const timeout = (flag: string | undefined, name: 'readTimeout' | 'connectTimeout'): number | null => {
    if (flag === undefined) {
      origins[name] = { kind: 'default' };
      return DEFAULT_TIMEOUT;
    }
    origins[name] = { kind: 'flag', name: name === 'readTimeout' ? '--cli-read-timeout' : '--cli-connect-timeout' };
    try {
      const n = pyInt(flag);
      return n === 0 ? null : n;
    } catch (err) {
      topLevel.push(err as CliError);
      return DEFAULT_TIMEOUT;
    }
  };
  const readTimeout = timeout(flags.readTimeout, 'readTimeout');
  const connectTimeout = timeout(flags.connectTimeout, 'connectTimeout');
  // urllib3 Timeout(connect=..., read=...) validates connect first
  for (const [name, t] of [
    ['connect', connectTimeout],
    ['read', readTimeout],
  ] as const) {
    if (t !== null && t < 0) {
      clientAfter.push(
        new GeneralError(`Attempted to set ${name} timeout to ${t}, but the timeout cannot be set to a value less than or equal to 0.`),
      );
    }
  }

  // s3: botocore SectionConfigProvider('s3') with its override chains
  const s3Bool = (found: Found | 'missing'): boolean => ensureBoolean(value(found));
  const addressingFound = chain(() => fromProfileSection(lookup, 's3', 'addressing_style'));
  note('s3.addressingStyle', addressingFound, false);
  const addressingValue = value(addressingFound);
  const accelerateFound = chain(() => fromProfileSection(lookup, 's3', 'use_accelerate_endpoint'));
  note('s3.useAccelerateEndpoint', accelerateFound);
  const s3DualFound = chain(() => fromProfileSection(lookup, 's3', 'use_dualstack_endpoint'));
  note('s3.useDualstackEndpoint', s3DualFound);
  const arnFound = chain(
    () => fromEnv(env, 'AWS_S3_USE_ARN_REGION'),
    () => fromProfile(lookup, 's3_use_arn_region'),
    () => fromProfileSection(lookup, 's3', 'use_arn_region'),
  );
  note('s3.useArnRegion', arnFound, false);
  const mrapFound = chain(
    () => fromEnv(env, 'AWS_S3_DISABLE_MULTIREGION_ACCESS_POINTS'),
    () => fromProfileSection(lookup, 's3', 's3_disable_multiregion_access_points'),
  );
  note('s3.disableMultiregionAccessPoints', mrapFound);
  const payloadFound = chain(() => fromProfileSection(lookup, 's3', 'payload_signing_enabled'));
  const s3DualRaw = value(s3DualFound);
  const s3: S3Settings = {
    addressingStyle: typeof addressingValue === 'string' ? addressingValue : undefined,
    useAccelerateEndpoint: s3Bool(accelerateFound),
    // client.py _is_s3_dualstack_mode: only True/'True'/'true'
    useDualstackEndpoint: s3DualRaw === 'true' || s3DualRaw === 'True',
    useArnRegion: value(arnFound) === undefined ? undefined : s3Bool(arnFound),
    disableMultiregionAccessPoints: s3Bool(mrapFound),
    payloadSigningEnabled: value(payloadFound) === undefined ? undefined : s3Bool(payloadFound),
  };

  const fipsFound = chain(() => fromEnv(env, 'AWS_USE_FIPS_ENDPOINT'), () => fromProfile(lookup, 'use_fips_endpoint'));
  note('useFipsEndpoint', fipsFound);
  const dualFound = chain(() => fromEnv(env, 'AWS_USE_DUALSTACK_ENDPOINT'), () => fromProfile(lookup, 'use_dualstack_endpoint'));
  note('useDualstackEndpoint', dualFound);
  const customEndpoint = endpointUrl !== undefined;
  const fipsEndpointConfigured = ensureBoolean(value(fipsFound));
  const dualstackEndpointConfigured = ensureBoolean(value(dualFound));
  const useFipsEndpoint = !customEndpoint && fipsEndpointConfigured;
  const useDualstackEndpoint = !customEndpoint && (s3.useDualstackEndpoint || dualstackEndpointConfigured);

  const validationFound = chain(() => fromProfile(lookup, 'parameter_validation'));
  note('parameterValidation', validationFound);
  const validationValue = value(validationFound);
  const parameterValidation = validationValue === undefined ? true : ensureBoolean(validationValue);
  const tcpKeepalive = ensureBoolean(value(chain(() => fromProfile(lookup, 'tcp_keepalive'))));

  // session-initialized handlers, in their order; each swallows ProfileNotFound on its own
  let cliTimestampFormat: 'iso8601' | 'wire' = 'iso8601';
  const tsFound = chain(() => fromProfile(lookup, 'cli_timestamp_format'));
  note('cliTimestampFormat', tsFound);
  const tsValue = value(tsFound);
  if (tsValue !== undefined) {
    if (tsValue === 'iso8601' || tsValue === 'wire') cliTimestampFormat = tsValue;
    else {
      // customizations/timestampformat.py
      session.push(
        new ConfigError(`Unknown cli_timestamp_format value: ${pyStrValue(tsValue)}, valid values are "wire" or "iso8601"`),
      );
    }
  }
  let cliBinaryFormat: 'base64' | 'raw-in-base64-out' = 'base64';
  const binFound =
    flags.cliBinaryFormat !== undefined
      ? ({ value: flags.cliBinaryFormat, origin: { kind: 'flag', name: '--cli-binary-format' } } as const)
      : chain(() => fromProfile(lookup, 'cli_binary_format'));
  note('cliBinaryFormat', binFound);
  const binValue = value(binFound);
  if (binValue !== undefined) {
    if (binValue === 'base64' || binValue === 'raw-in-base64-out') cliBinaryFormat = binValue;
    // customizations/binaryformat.py: a KeyError from the formats table, printed as its repr
    else session.push(new GeneralError(typeof binValue === 'string' ? pyRepr(binValue) : "unhashable type: 'dict'"));
  }

  // IMDS: read when the credential chain is built (customizations/assumerole.py at session-initialized)
  const imds = resolveImds(lookup, chain, value, note, session);

  // pager and auto-prompt (awscli clidriver chains)
  const pagerFound = chain(() => fromEnv(env, 'AWS_PAGER'), () => fromProfile(lookup, 'cli_pager'), () => fromEnv(env, 'PAGER'));
  note('pager', pagerFound);
  const pagerValue = value(pagerFound);
  const pager = pagerValue === undefined ? 'less' : pyStrValue(pagerValue);
  // autoprompt/core.py runs before --profile is applied: the profile here comes from the environment
  const autoPrompt = resolveAutoPrompt(env, shared, note);

  const throwFirst = (errors: readonly CliError[]): void => {
    if (errors[0] !== undefined) throw errors[0];
  };

  const settings: Settings = {
    env,
    shared,
    profileName,
    profileExplicit: Boolean(flags.profile),
    profileExists,
    profile,
    region,
    output,
    endpointUrl,
    ignoreConfiguredEndpointUrls,
    caBundle,
    verifySsl: flags.verifySsl,
    noSignRequest: flags.noSignRequest,
    maxAttempts,
    retryMode,
    readTimeout,
    connectTimeout,
    useFipsEndpoint,
    useDualstackEndpoint,
    fipsEndpointConfigured,
    dualstackEndpointConfigured,
    s3,
    parameterValidation,
    tcpKeepalive,
    cliTimestampFormat,
    cliBinaryFormat,
    pager,
    autoPrompt,
    imds,
    origins,
    checkTopLevelSettings: () => throwFirst(topLevel),
    checkSessionSettings: () => throwFirst(session),
    checkClientSettings: () => throwFirst([...clientBefore, ...clientAfter]),
    checkRegionAndProfile: () => throwFirst(clientBefore),
    checkProfile: () => {
      if (profileError) throw profileError;
    },
    checkClientConfig: () => throwFirst(clientAfter),
    describe: () => describeSettings(settings),
  };
  return settings;
}

function resolveImds(
  lookup: Lookup,
  chain: (...steps: Array<() => Found>) => Found | 'missing',
  value: (found: Found | 'missing') => IniValue | undefined,
  note: (name: SettingName, found: Found | 'missing', fallback?: boolean) => void,
  errors: CliError[],
): ImdsSettings {
  const { env } = lookup;
  const disabled = (env['AWS_EC2_METADATA_DISABLED'] ?? 'false').toLowerCase() === 'true';
  const settings = {
    disabled,
    timeoutSeconds: 1,
    numAttempts: 1,
    endpoint: undefined as string | undefined,
    endpointMode: 'ipv4' as 'ipv4' | 'ipv6',
    baseUrl: IMDS_BASE_URL,
  };
  const intSetting = (name: SettingName, envName: string, key: string, set: (n: number) => void): boolean => {
    const found = chain(() => fromEnv(env, envName), () => fromProfile(lookup, key));
    if (found === 'missing') return false;
    note(name, found);
    if (found === undefined) return true;
    try {
      set(pyInt(found.value));
      return true;
    } catch (err) {
      errors.push(err as CliError);
      return false;
    }
  };
  // botocore create_credential_resolver reads these in this order; the first ProfileNotFound
  // ends the handler quietly (assumerole.py), a bad value ends it with an error
  const steps: Array<() => boolean> = [
    () => intSetting('imds.timeoutSeconds', 'AWS_METADATA_SERVICE_TIMEOUT', 'metadata_service_timeout', (n) => (settings.timeoutSeconds = n)),
    () => intSetting('imds.numAttempts', 'AWS_METADATA_SERVICE_NUM_ATTEMPTS', 'metadata_service_num_attempts', (n) => (settings.numAttempts = n)),
    () => {
      const found = chain(() => fromEnv(env, 'AWS_EC2_METADATA_SERVICE_ENDPOINT'), () => fromProfile(lookup, 'ec2_metadata_service_endpoint'));
      if (found === 'missing') return false;
      note('imds.endpoint', found, false);
      const v = value(found);
      if (v !== undefined) settings.endpoint = pyStrValue(v);
      return true;
    },
    () => {
      // utils.resolve_imds_endpoint_mode
      const found = chain(
        () => fromEnv(env, 'AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE'),
        () => fromProfile(lookup, 'ec2_metadata_service_endpoint_mode'),
      );
      if (found === 'missing') return false;
      note('imds.endpointMode', found);
      const v = value(found);
      if (v !== undefined) {
        const mode = pyStrValue(v).toLowerCase();
        if (mode !== 'ipv4' && mode !== 'ipv6') {
          errors.push(
            new GeneralError(
              `Invalid EC2 Instance Metadata endpoint mode: ${pyStrValue(v)} Valid endpoint modes (case-insensitive): ('ipv4', 'ipv6').`,
            ),
          );
          return false;
        }
        settings.endpointMode = mode;
        return true;
      }
      const ipv6 = chain(() => fromEnv(env, 'AWS_IMDS_USE_IPV6'), () => fromProfile(lookup, 'imds_use_ipv6'));
      if (ipv6 === 'missing') return false;
      if (ensureBoolean(value(ipv6))) settings.endpointMode = 'ipv6';
      return true;
    },
    () => {
      // IMDSFetcher._select_base_url
      const base = settings.endpoint ?? (settings.endpointMode === 'ipv6' ? IMDS_BASE_URL_IPV6 : IMDS_BASE_URL);
      settings.baseUrl = base;
      if (!isValidUri(base)) {
        errors.push(new GeneralError(`Invalid endpoint EC2 Instance Metadata endpoint: ${base}`));
        return false;
      }
      return true;
    },
  ];
  for (const step of steps) if (!step()) break;
  return settings;
}

// botocore utils.is_valid_uri: is_valid_endpoint_url or is_valid_ipv6_endpoint_url
function isValidUri(url: string): boolean {
  if (/[\t\r\n]/.test(url)) return false;
  const host = urlHostname(url);
  if (host === undefined) return false;
  if (host.startsWith('[')) return /^\[[0-9a-f:.]+(%25[\w.~-]+)?\]$/i.test(host);
  return isValidEndpointUrl(url);
}

/** botocore utils.is_valid_endpoint_url: no CR/LF/tab, and a host name of DNS labels. */
export function isValidEndpointUrl(url: string): boolean {
  if (/[\t\r\n]/.test(url)) return false;
  const host = urlHostname(url);
  if (host === undefined) return false;
  let h = host;
  if (h.length > 255) return false;
  if (h.endsWith('.')) h = h.slice(0, -1);
  return /^((?!-)[A-Z\d-]{1,63}(?<!-)\.)*((?!-)[A-Z\d-]{1,63}(?<!-))$/i.test(h);
}

/**
 * autoprompt/core.py resolve_mode's configuration chain alone (AWS_CLI_AUTO_PROMPT, then the
 * cli_auto_prompt of the AWS_PROFILE/AWS_DEFAULT_PROFILE/default profile), lower-cased; 'off' when
 * unset. It runs before the command line is parsed, so --profile plays no part.
 */
export function autoPromptSetting(env: Env, shared: SharedConfig): string {
  return resolveAutoPrompt(env, shared, () => {});
}

function resolveAutoPrompt(
  env: Env,
  shared: SharedConfig,
  note: (name: SettingName, found: Found | 'missing', fallback?: boolean) => void,
): string {
  const fromEnvVar = fromEnv(env, 'AWS_CLI_AUTO_PROMPT');
  if (fromEnvVar) {
    note('autoPrompt', fromEnvVar);
    return pyStrValue(fromEnvVar.value).toLowerCase();
  }
  const envProfile = fromEnv(env, 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE');
  const name = envProfile ? (envProfile.value as string) : 'default';
  const section = shared.profiles.get(name);
  const value = section?.get('cli_auto_prompt');
  if (value === undefined) {
    // autoprompt/core.py: ProfileNotFound means off
    note('autoPrompt', undefined);
    return 'off';
  }
  const file = shared.fromCredentialsFile.get(name)?.has('cli_auto_prompt') ? 'credentials' : 'config';
  note('autoPrompt', { value, origin: { kind: 'profile', name: 'cli_auto_prompt', profile: name, file } });
  return typeof value === 'string' ? value.toLowerCase() : 'off';
}

function originText(origin: SettingOrigin | undefined): string {
  if (origin === undefined) return 'unset';
  switch (origin.kind) {
    case 'flag':
      return `command line ${origin.name}`;
    case 'env':
      return `environment variable ${origin.name}`;
    case 'profile':
      return `${origin.file === 'credentials' ? 'credentials' : 'config'} file, profile "${origin.profile}", ${origin.name}`;
    case 'services':
      return `config file, services section "${origin.section}", ${origin.name}`;
    case 'default':
      return 'default';
  }
}

function describeSettings(s: Settings): string[] {
  const show = (v: unknown): string => (v === undefined ? 'None' : v === null ? 'None (no timeout)' : JSON.stringify(v));
  const rows: Array<[SettingName, unknown]> = [
    ['profile', s.profileName],
    ['region', s.region],
    ['output', s.output],
    ['endpointUrl', s.endpointUrl],
    ['ignoreConfiguredEndpointUrls', s.ignoreConfiguredEndpointUrls],
    ['caBundle', s.caBundle],
    ['maxAttempts', s.maxAttempts],
    ['retryMode', s.retryMode],
    ['readTimeout', s.readTimeout],
    ['connectTimeout', s.connectTimeout],
    ['useFipsEndpoint', s.useFipsEndpoint],
    ['useDualstackEndpoint', s.useDualstackEndpoint],
    ['s3.addressingStyle', s.s3.addressingStyle],
    ['s3.useAccelerateEndpoint', s.s3.useAccelerateEndpoint],
    ['s3.useArnRegion', s.s3.useArnRegion],
    ['s3.disableMultiregionAccessPoints', s.s3.disableMultiregionAccessPoints],
    ['parameterValidation', s.parameterValidation],
    ['cliTimestampFormat', s.cliTimestampFormat],
    ['cliBinaryFormat', s.cliBinaryFormat],
    ['pager', s.pager],
    ['autoPrompt', s.autoPrompt],
    ['imds.timeoutSeconds', s.imds.timeoutSeconds],
    ['imds.numAttempts', s.imds.numAttempts],
    ['imds.endpoint', s.imds.endpoint],
    ['imds.endpointMode', s.imds.endpointMode],
  ];
  const lines = [
    `Config file: ${s.shared.configPath}${s.shared.configFound ? '' : ' (not found)'}`,
    `Credentials file: ${s.shared.credentialsPath}${s.shared.credentialsFound ? '' : ' (not found)'}`,
  ];
  if (!s.profileExists) lines.push(`Profile "${s.profileName}" does not exist`);
  for (const [name, v] of rows) lines.push(`Setting ${name} = ${show(v)} (from ${originText(s.origins[name])})`);
  if (s.imds.disabled) lines.push('Access to EC2 metadata has been disabled (AWS_EC2_METADATA_DISABLED).');
  return lines;
}
