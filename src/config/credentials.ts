// The AWS CLI's credential chain (botocore credentials.py create_credential_resolver), in its order:
//   env → assume-role → assume-role-with-web-identity → sso → shared-credentials-file →
//   custom-process → config-file → ec2-credentials-file → boto-config → container-role → iam-role
// Everything comes from the Settings and the injected deps: the environment, the files (read through
// the injected fs), credential_process (spawned without a shell), and the container and instance
// metadata endpoints (plain HTTP written here). Only STS and SSO calls use the SDK (nested clients,
// loaded lazily and given explicit values for every setting, so they never read process.env or
// ~/.aws themselves); both can be replaced through deps.
//
// Like botocore, the chain runs in two parts. `load()` is what client creation does: it walks the
// chain, runs credential_process, asks the container or IMDS, validates assume-role and SSO profiles,
// and raises their errors (255). The STS/SSO calls, the web identity token file, and "Unable to
// locate credentials" (253) wait for the first call of the provider, which is signing time.

import { createHash } from 'node:crypto';
import { CliError, ConfigError, GeneralError, ServiceError } from '../errors.js';
import type { FileSystem } from '../io.js';
import { pyBytesRepr } from '../py/bytes.js';
import { pyDecodeUtf8 } from '../py/codecs.js';
import { pyIsoformat } from '../py/datetime.js';
import { pyOsErrorText } from '../py/errno.js';
import { PyError } from '../py/error.js';
import { type JsonDumpsOptions, pyJsonDumps } from '../py/json-dumps.js';
import { pyJsonLoads } from '../py/json-loads.js';
import { expandUser } from '../py/posixpath.js';
import { pyRepr, pyStr } from '../py/repr.js';
import { ShlexError, shlexSplit } from '../py/shlex.js';
import { pySplitlines, pyStrip } from '../py/str.js';
import { urlparseHostname } from '../py/urllib.js';
import { fromPlain, pyTypeName, type PyValue } from '../py/value.js';
import { type IniSection, type IniValue, readIniFile } from './ini.js';
import { configuredEndpointUrl } from './settings/endpoint-url.js';
import type { Env } from './settings/lookup.js';
import type { Settings } from './settings/settings.js';
import { pyInt } from './settings/values.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export type LogLevel = 'DEBUG' | 'INFO' | 'WARNING';

/** A function that returns credentials (memoized, refreshed before they expire). */
export interface CredentialProvider {
  (): Promise<Credentials>;
  /**
   * Walks the chain the way botocore does at client creation and raises its errors. Called by the
   * provider itself when needed; call it earlier to get the CLI's error order.
   */
  load(): Promise<void>;
  /** The botocore METHOD of the provider that answered (`env`, `shared-credentials-file`, ...), after load(). */
  readonly method: string | undefined;
}

/** An HTTP exchange for the container and instance metadata providers. */
export interface HttpRequest {
  method: 'GET' | 'PUT';
  url: string;
  headers: Record<string, string>;
  /** urllib3-style: for the connection, and for each wait on the response */
  timeoutMs: number;
  signal?: AbortSignal;
}
export interface HttpResponse {
  status: number;
  body: Uint8Array;
}
/** Rejects with HttpError for a connection failure or a timeout. */
export type HttpRequester = (request: HttpRequest) => Promise<HttpResponse>;

export class HttpError extends Error {
  constructor(
    readonly kind: 'connect' | 'connect-timeout' | 'read-timeout' | 'invalid-url',
    readonly url: string,
  ) {
    super(
      kind === 'connect'
        ? `Could not connect to the endpoint URL: "${url}"`
        : kind === 'connect-timeout'
          ? `Connect timeout on endpoint URL: "${url}"`
          : kind === 'read-timeout'
            ? `Read timeout on endpoint URL: "${url}"`
            : `Invalid URL: ${url}`,
    );
  }
}

export interface ProcessResult {
  /** null when killed by a signal */
  status: number | null;
  stdout: Uint8Array;
  stderr: Uint8Array;
}
/** Runs argv without a shell; rejects with a Node spawn error (with `code`) if it cannot start. */
export type ProcessRunner = (
  argv: readonly string[],
  options: { env: Record<string, string>; cwd?: string; signal?: AbortSignal },
) => Promise<ProcessResult>;

/** Where and how an STS / SSO client is to be built (the values botocore's session would use). */
export interface ServiceCallContext {
  region: string | undefined;
  endpoint: string | undefined;
  useFipsEndpoint: boolean;
  useDualstackEndpoint: boolean;
  maxAttempts: number;
  retryMode: 'standard' | 'adaptive';
  connectTimeoutMs: number | undefined;
  readTimeoutMs: number | undefined;
  signal?: AbortSignal;
}

/** The temporary credentials an STS call returns. */
export interface StsCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: Date;
}

export interface StsApi {
  assumeRole(
    params: { RoleArn: string; RoleSessionName: string; ExternalId?: string; SerialNumber?: string; TokenCode?: string; DurationSeconds?: number },
    source: Credentials,
    context: ServiceCallContext,
  ): Promise<StsCredentials>;
  assumeRoleWithWebIdentity(
    params: { RoleArn: string; RoleSessionName: string; WebIdentityToken: string },
    context: ServiceCallContext,
  ): Promise<StsCredentials>;
}

export interface SsoApi {
  getRoleCredentials(
    params: { roleName: string; accountId: string; accessToken: string },
    context: ServiceCallContext,
  ): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: number }>;
  /** sso-oidc CreateToken with grant type refresh_token */
  createToken(
    params: { clientId: string; clientSecret: string; refreshToken: string },
    context: ServiceCallContext,
  ): Promise<{ accessToken: string; expiresIn: number; refreshToken?: string }>;
}

export interface CredentialDeps {
  fs: FileSystem;
  homedir: string;
  /** Defaults to settings.env. */
  env?: Env;
  /** botocore.credentials log lines (never secret values). */
  debug?: (message: string, level?: LogLevel) => void;
  /** Milliseconds since the epoch. */
  now?: () => number;
  signal?: AbortSignal;
  /** Working directory for credential_process. */
  cwd?: string;
  runProcess?: ProcessRunner;
  http?: HttpRequester;
  sleep?: (ms: number) => Promise<void>;
  sts?: StsApi;
  sso?: SsoApi;
  /** Asks for an MFA code (assume-role with mfa_serial); without it such a profile fails. */
  prompt?: (text: string) => Promise<string>;
  /** Writes a cache file (~/.aws/cli/cache, ~/.aws/sso/cache); without it nothing is cached. */
  writeFile?: (path: string, text: string) => void;
  /** The User-Agent for the instance metadata service (botocore sends the short CLI one). */
  userAgent?: string;
}

const NO_CREDENTIALS = 'Unable to locate credentials. You can configure credentials by running "aws configure".';
const ADVISORY_REFRESH_S = 15 * 60;
const MANDATORY_REFRESH_S = 10 * 60;
const CACHE_EXPIRY_WINDOW_S = 15 * 60;

// ---------------------------------------------------------------------------------------------
// botocore error texts

/** botocore PartialCredentialsError */
function partialCredentials(provider: string, missing: string): GeneralError {
  return new GeneralError(`Partial credentials found in ${provider}, missing: ${missing}`);
}

/** botocore CredentialRetrievalError */
function retrievalError(provider: string, message: string): GeneralError {
  return new GeneralError(`Error when retrieving credentials from ${provider}: ${message}`);
}

/** Python's str(KeyError(key)) */
function keyError(key: string): GeneralError {
  return new GeneralError(pyRepr(key));
}

/** Python OSError text for a file that could not be opened. */
function osError(err: unknown, path: string): GeneralError {
  return new GeneralError(pyOsErrorText(err, path, [5, 'Input/output error']));
}

// ---------------------------------------------------------------------------------------------
// Python helpers: json.dumps for the cache, dateutil parse

/** bytes.decode('utf-8'); a UnicodeDecodeError fails the run with its text (255). */
function decodeUtf8OrFail(bytes: Uint8Array): string {
  const text = pyDecodeUtf8(bytes);
  if (typeof text !== 'string') throw new GeneralError(text.error);
  return text;
}

/**
 * json.dumps of a cache document or key, as botocore writes them: JSONFileCache passes
 * default=_serialize_if_needed (a datetime becomes its isoformat()).
 */
function cacheJson(value: unknown, options: JsonDumpsOptions = {}): string {
  const toPy = (v: unknown): PyValue => {
    if (v instanceof Date) return pyIsoformat(v);
    if (Array.isArray(v)) return v.map(toPy);
    if (v !== null && typeof v === 'object') {
      return new Map(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).map(([k, x]) => [k, toPy(x)]));
    }
    return fromPlain(v);
  };
  return pyJsonDumps(toPy(value), options);
}

/** An expiry time as dateutil.parser.parse reads the ISO forms AWS sends. */
interface Expiry {
  date: Date;
  /** No time zone: botocore then fails comparing it with an aware "now". */
  naive: boolean;
}

function parseExpiry(value: unknown): Expiry {
  if (value instanceof Date) return { date: value, naive: false };
  if (typeof value !== 'string') {
    throw new GeneralError(`Parser must be a string or character stream, not ${pyTypeName(value as PyValue)}`);
  }
  const m =
    /^\s*(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$/.exec(value);
  if (!m) throw new GeneralError(value.trim() === '' ? `String does not contain a date: ${value}` : `Unknown string format: ${value}`);
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', tz] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), Number((frac + '000').slice(0, 3)));
  if (tz && /^[+-]/.test(tz)) {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')) * 60_000;
  }
  if (Number.isNaN(ms)) throw new GeneralError(`Unknown string format: ${value}`);
  return { date: new Date(ms), naive: tz === undefined };
}

function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Credentials that may refresh (botocore RefreshableCredentials / DeferredRefreshableCredentials)

interface Fetched {
  credentials: Credentials;
  expiry?: Expiry;
}

/** The keys a provider found, with the optional token and expiry in place. */
function fetched(accessKeyId: string, secretAccessKey: string, token: string | undefined, expiry: Expiry | undefined): Fetched {
  return {
    credentials: {
      accessKeyId,
      secretAccessKey,
      ...(token !== undefined ? { sessionToken: token } : {}),
      ...(expiry ? { expiration: expiry.date } : {}),
    },
    ...(expiry ? { expiry } : {}),
  };
}

class ResolvedCredentials {
  private inflight: Promise<Credentials> | undefined;
  constructor(
    readonly method: string,
    private current: Fetched | undefined,
    private readonly refresher: (() => Promise<Fetched>) | undefined,
    private readonly ctx: Ctx,
  ) {}

  get(): Promise<Credentials> {
    this.inflight ??= this.resolve().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private remaining(f: Fetched): number | undefined {
    if (f.expiry === undefined) return undefined;
    if (f.expiry.naive) throw new GeneralError("can't subtract offset-naive and offset-aware datetimes");
    return (f.expiry.date.getTime() - this.ctx.now()) / 1000;
  }

  private needed(refreshIn: number): boolean {
    if (this.current === undefined) return true;
    const left = this.remaining(this.current);
    return left !== undefined && left < refreshIn;
  }

  private async resolve(): Promise<Credentials> {
    if (this.refresher === undefined || !this.needed(ADVISORY_REFRESH_S)) {
      if (this.current === undefined) throw new ConfigError(NO_CREDENTIALS);
      return this.current.credentials;
    }
    if (this.current !== undefined) this.ctx.log('Credentials need to be refreshed.');
    const mandatory = this.needed(MANDATORY_REFRESH_S);
    let fresh: Fetched;
    try {
      fresh = await this.refresher();
    } catch (err) {
      this.ctx.log(`Refreshing temporary credentials failed during ${mandatory ? 'mandatory' : 'advisory'} refresh period.`, 'WARNING');
      if (mandatory || this.current === undefined) throw err;
      return this.current.credentials;
    }
    this.current = fresh;
    const left = this.remaining(fresh);
    if (left !== undefined && left < 0) {
      const msg = 'Credentials were refreshed, but the refreshed credentials are still expired.';
      this.ctx.log(msg, 'WARNING');
      throw new GeneralError(msg);
    }
    return fresh.credentials;
  }
}

// ---------------------------------------------------------------------------------------------
// Context and defaults

interface Ctx {
  readonly settings: Settings;
  readonly env: Env;
  readonly fs: FileSystem;
  readonly homedir: string;
  readonly deps: CredentialDeps;
  now(): number;
  log(message: string, level?: LogLevel): void;
  http: HttpRequester;
  sleep(ms: number): Promise<void>;
  runProcess: ProcessRunner;
  sts(): Promise<StsApi>;
  sso(): Promise<SsoApi>;
}

function makeCtx(settings: Settings, deps: CredentialDeps): Ctx {
  let sts: StsApi | undefined = deps.sts;
  let sso: SsoApi | undefined = deps.sso;
  return {
    settings,
    env: deps.env ?? settings.env,
    fs: deps.fs,
    homedir: deps.homedir,
    deps,
    now: deps.now ?? (() => Date.now()),
    log: (message, level = 'DEBUG') => deps.debug?.(message, level),
    http: deps.http ?? nodeHttpRequest,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    runProcess: deps.runProcess ?? spawnProcess,
    sts: async () => (sts ??= await sdkSts()),
    sso: async () => (sso ??= await sdkSso()),
  };
}

type Located = ResolvedCredentials | undefined;
interface Provider {
  readonly method: string;
  load(): Promise<Located>;
}

/** Static credentials (no expiry). */
function fixed(ctx: Ctx, method: string, credentials: Credentials): ResolvedCredentials {
  return new ResolvedCredentials(method, { credentials }, undefined, ctx);
}

/** botocore CredentialResolver.load_credentials */
async function firstOf(ctx: Ctx, providers: readonly Provider[]): Promise<Located> {
  for (const provider of providers) {
    ctx.log(`Looking for credentials via: ${provider.method}`);
    const found = await provider.load();
    if (found !== undefined) return found;
  }
  return undefined;
}

function str(value: IniValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : pyRepr(new Map(value));
}

function profiles(ctx: Ctx): ReadonlyMap<string, IniSection> {
  return ctx.settings.shared.profiles;
}

// ---------------------------------------------------------------------------------------------
// env

function envProvider(ctx: Ctx): Provider {
  const method = 'env';
  const fetch = (requireExpiry: boolean): Fetched => {
    const env = ctx.env;
    const accessKeyId = env['AWS_ACCESS_KEY_ID'] ?? '';
    if (!accessKeyId) throw partialCredentials(method, 'AWS_ACCESS_KEY_ID');
    const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'] ?? '';
    if (!secretAccessKey) throw partialCredentials(method, 'AWS_SECRET_ACCESS_KEY');
    const token = env['AWS_SECURITY_TOKEN'] || env['AWS_SESSION_TOKEN'] || undefined;
    const expiryText = env['AWS_CREDENTIAL_EXPIRATION'] ?? '';
    if (requireExpiry && !expiryText) throw partialCredentials(method, 'AWS_CREDENTIAL_EXPIRATION');
    const expiry = expiryText ? parseExpiry(expiryText) : undefined;
    return fetched(accessKeyId, secretAccessKey, token, expiry);
  };
  return {
    method,
    async load() {
      if (!ctx.env['AWS_ACCESS_KEY_ID']) return undefined;
      ctx.log('Found credentials in environment variables.', 'INFO');
      const first = fetch(false);
      if (first.expiry === undefined) return fixed(ctx, method, first.credentials);
      return new ResolvedCredentials(method, first, async () => fetch(true), ctx);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// shared-credentials-file, config-file, ec2-credentials-file, boto-config

function staticFromSection(
  ctx: Ctx,
  method: string,
  section: IniSection,
  accessName: string,
  secretName: string,
  tokenNames: readonly string[],
): ResolvedCredentials {
  const accessKeyId = str(section.get(accessName))!;
  const secret = section.get(secretName);
  if (secret === undefined) throw partialCredentials(method, secretName);
  const tokenName = tokenNames.find((t) => section.has(t));
  const token = tokenName === undefined ? undefined : str(section.get(tokenName));
  return fixed(ctx, method, { accessKeyId, secretAccessKey: str(secret)!, ...(token !== undefined ? { sessionToken: token } : {}) });
}

const TOKEN_KEYS = ['aws_security_token', 'aws_session_token'] as const;

function sharedCredentialsProvider(ctx: Ctx, profileName: string): Provider {
  const method = 'shared-credentials-file';
  return {
    method,
    async load() {
      const shared = ctx.settings.shared;
      if (!shared.credentialsFound) return undefined;
      const section = shared.credentials.get(profileName);
      if (section === undefined || !section.has('aws_access_key_id')) return undefined;
      ctx.log(`Found credentials in shared credentials file: ${shared.credentialsFile}`, 'INFO');
      return staticFromSection(ctx, method, section, 'aws_access_key_id', 'aws_secret_access_key', TOKEN_KEYS);
    },
  };
}

function configFileProvider(ctx: Ctx, profileName: string): Provider {
  const method = 'config-file';
  return {
    method,
    async load() {
      const shared = ctx.settings.shared;
      if (!shared.configFound) return undefined;
      const section = shared.config.profiles.get(profileName);
      if (section === undefined || !section.has('aws_access_key_id')) return undefined;
      ctx.log(`Credentials found in config file: ${shared.configFile}`, 'INFO');
      return staticFromSection(ctx, method, section, 'aws_access_key_id', 'aws_secret_access_key', TOKEN_KEYS);
    },
  };
}

function ec2CredentialsFileProvider(ctx: Ctx): Provider {
  const method = 'ec2-credentials-file';
  return {
    method,
    async load() {
      const raw = ctx.env['AWS_CREDENTIAL_FILE'];
      if (raw === undefined) return undefined;
      const path = expandUser(raw, ctx.env, ctx.homedir);
      let text: string;
      try {
        text = new TextDecoder().decode(ctx.fs.readFile(path));
      } catch {
        throw new GeneralError(`The specified config file (${path}) could not be found.`);
      }
      // botocore utils.parse_key_val_file_contents
      const values = new Map<string, string>();
      for (const line of pySplitlines(text)) {
        const eq = line.indexOf('=');
        if (eq < 0) continue;
        values.set(pyStrip(line.slice(0, eq)), pyStrip(line.slice(eq + 1)));
      }
      const accessKeyId = values.get('AWSAccessKeyId');
      if (accessKeyId === undefined) return undefined;
      ctx.log('Found credentials in AWS_CREDENTIAL_FILE.', 'INFO');
      const secretAccessKey = values.get('AWSSecretKey');
      if (secretAccessKey === undefined) throw keyError('AWSSecretKey');
      return fixed(ctx, method, { accessKeyId, secretAccessKey });
    },
  };
}

function botoConfigProvider(ctx: Ctx): Provider {
  const method = 'boto-config';
  return {
    method,
    async load() {
      const fromEnv = ctx.env['BOTO_CONFIG'];
      const locations = fromEnv !== undefined ? [fromEnv] : ['/etc/boto.cfg', '~/.boto'];
      for (const location of locations) {
        const file = readIniFile(location, { env: ctx.env, fs: ctx.fs, homedir: ctx.homedir });
        if (!file.found) continue;
        const section = file.doc.get('Credentials');
        if (section !== undefined && section.has('aws_access_key_id')) {
          ctx.log(`Found credentials in boto config file: ${location}`, 'INFO');
          return staticFromSection(ctx, method, section, 'aws_access_key_id', 'aws_secret_access_key', []);
        }
      }
      return undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// custom-process (credential_process)

function processProvider(ctx: Ctx, profileName: string): Provider {
  const method = 'custom-process';
  const run = async (command: string): Promise<Fetched> => {
    let argv: string[];
    try {
      argv = shlexSplit(command);
    } catch (err) {
      if (err instanceof ShlexError) throw new GeneralError(err.message);
      throw err;
    }
    // subprocess.Popen([]) fails on args[0]
    if (argv.length === 0) throw new GeneralError('list index out of range');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(ctx.env)) if (v !== undefined) env[k] = v;
    let result: ProcessResult;
    try {
      result = await ctx.runProcess(argv, {
        env,
        ...(ctx.deps.cwd !== undefined ? { cwd: ctx.deps.cwd } : {}),
        ...(ctx.deps.signal ? { signal: ctx.deps.signal } : {}),
      });
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw osError(err, argv[0]!);
    }
    if (result.status !== 0) throw retrievalError(method, decodeUtf8OrFail(result.stderr));
    let parsed: PyValue;
    try {
      parsed = pyJsonLoads(decodeUtf8OrFail(result.stdout));
    } catch (err) {
      // JSONDecodeError, or RecursionError/ValueError: str(exc), exit 255
      if (err instanceof PyError) throw new GeneralError(err.message);
      throw err;
    }
    if (!(parsed instanceof Map)) throw new GeneralError(`'${pyTypeName(parsed)}' object has no attribute 'get'`);
    const version = parsed.has('Version') ? parsed.get('Version')! : '<Version key not provided>';
    // Python's `version != 1` is also false for 1.0 and True
    if (!(version === 1n || version === 1 || version === true)) {
      throw retrievalError(method, `Unsupported version '${pyStr(version)}' for credential process provider, supported versions: 1`);
    }
    for (const key of ['AccessKeyId', 'SecretAccessKey']) {
      if (!parsed.has(key)) throw retrievalError(method, `Missing required key in response: ${pyRepr(key)}`);
    }
    const text = (v: PyValue | undefined): string | undefined => (v === undefined || v === null ? undefined : typeof v === 'string' ? v : pyStr(v));
    const token = text(parsed.get('SessionToken'));
    const expirationValue = parsed.get('Expiration');
    const expiry = expirationValue === undefined || expirationValue === null ? undefined : parseExpiry(expirationValue);
    return fetched(text(parsed.get('AccessKeyId'))!, text(parsed.get('SecretAccessKey'))!, token, expiry);
  };
  return {
    method,
    async load() {
      const command = profiles(ctx).get(profileName)?.get('credential_process');
      if (command === undefined) return undefined;
      const first = await run(str(command)!);
      if (first.expiry === undefined) return fixed(ctx, method, first.credentials);
      return new ResolvedCredentials(method, first, () => run(str(command)!), ctx);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// STS / SSO plumbing shared by assume-role, web identity and SSO

function serviceContext(ctx: Ctx, serviceKey: string, region: string | undefined): ServiceCallContext {
  const s = ctx.settings;
  const endpoint = s.ignoreConfiguredEndpointUrls ? undefined : configuredEndpointUrl(s, serviceKey)?.url;
  const ms = (t: number | null): number | undefined => (t === null ? undefined : t * 1000);
  return {
    region: region || undefined,
    endpoint,
    // botocore args.py: a custom endpoint cannot be combined with FIPS / dual-stack
    useFipsEndpoint: endpoint === undefined && s.fipsEndpointConfigured,
    useDualstackEndpoint: endpoint === undefined && s.dualstackEndpointConfigured,
    maxAttempts: s.maxAttempts,
    retryMode: s.retryMode,
    connectTimeoutMs: ms(s.connectTimeout),
    readTimeoutMs: ms(s.readTimeout),
    ...(ctx.deps.signal ? { signal: ctx.deps.signal } : {}),
  };
}

/** The JSON file cache the CLI keeps in ~/.aws/cli/cache (awscli customizations/assumerole.py). */
function cliCache(ctx: Ctx) {
  const dir = expandUser('~/.aws/cli/cache', ctx.env, ctx.homedir);
  const path = (key: string) => `${dir}/${key}.json`;
  return {
    /** botocore CachedCredentialFetcher._load_from_cache */
    load(key: string): StsCredentials | undefined {
      const file = path(key);
      if (!ctx.fs.exists(file)) return undefined;
      let doc: unknown;
      try {
        doc = JSON.parse(new TextDecoder().decode(ctx.fs.readFile(file)));
      } catch {
        throw keyError(key);
      }
      const creds = (doc as { Credentials?: Record<string, unknown> } | null)?.Credentials;
      if (creds === undefined || typeof creds !== 'object' || creds === null) return undefined;
      const expiry = parseExpiry(creds['Expiration']);
      if (expiry.naive) throw new GeneralError("can't subtract offset-naive and offset-aware datetimes");
      if ((expiry.date.getTime() - ctx.now()) / 1000 < CACHE_EXPIRY_WINDOW_S) {
        ctx.log('Credentials were found in cache, but they are expired.');
        return undefined;
      }
      ctx.log('Credentials for role retrieved from cache.');
      return {
        AccessKeyId: String(creds['AccessKeyId']),
        SecretAccessKey: String(creds['SecretAccessKey']),
        SessionToken: String(creds['SessionToken']),
        Expiration: expiry.date,
      };
    },
    save(key: string, document: unknown): void {
      if (!ctx.deps.writeFile) return;
      try {
        ctx.deps.writeFile(path(key), cacheJson(document));
      } catch {
        // a cache that cannot be written only costs another call next time
      }
    },
  };
}

function fromSts(c: StsCredentials): Fetched {
  const expiry = { date: c.Expiration, naive: false };
  return {
    credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration },
    expiry,
  };
}

/** botocore BaseAssumeRoleCredentialFetcher._create_cache_key */
function assumeRoleCacheKey(args: Record<string, unknown>, defaultSessionName: boolean): string {
  const copy = { ...args };
  if (defaultSessionName) delete copy['RoleSessionName'];
  return sha1Hex(cacheJson(copy, { sortKeys: true })).replace(/[:/]/g, '_');
}

// ---------------------------------------------------------------------------------------------
// assume-role

const CREDENTIAL_SOURCES = ['Environment', 'EcsContainer', 'Ec2InstanceMetadata'] as const;

function hasStatic(profile: IniSection): boolean {
  return profile.has('aws_secret_access_key') || profile.has('aws_access_key_id');
}
function hasAssumeRole(profile: IniSection): boolean {
  return profile.has('role_arn') && !profile.has('web_identity_token_file');
}

function assumeRoleProvider(ctx: Ctx, profileName: string): Provider {
  const method = 'assume-role';
  const visited = [profileName];
  const loadVia = async (name: string): Promise<ResolvedCredentials> => {
    const profile = profiles(ctx).get(name)!;
    const roleArn = str(profile.get('role_arn'))!;
    const sourceProfile = str(profile.get('source_profile'));
    const credentialSource = str(profile.get('credential_source'));
    const externalId = str(profile.get('external_id'));
    const mfaSerial = str(profile.get('mfa_serial'));
    const sessionName = str(profile.get('role_session_name'));
    // int(duration_seconds); a ValueError leaves it out
    let duration: number | undefined;
    const durationValue = profile.get('duration_seconds');
    if (durationValue !== undefined) {
      try {
        duration = pyInt(durationValue);
      } catch {
        duration = undefined;
      }
    }

    if (credentialSource !== undefined && sourceProfile !== undefined) {
      throw new GeneralError(`The profile "${name}" contains both source_profile and credential_source.`);
    } else if (credentialSource === undefined && sourceProfile === undefined) {
      throw partialCredentials(method, 'source_profile or credential_source');
    } else if (credentialSource !== undefined) {
      if (!(CREDENTIAL_SOURCES as readonly string[]).includes(credentialSource)) {
        throw new GeneralError(`The credential source "${credentialSource}" referenced in profile "${name}" is not valid.`);
      }
    } else {
      validateSourceProfile(name, sourceProfile!);
    }

    let source: ResolvedCredentials;
    if (credentialSource !== undefined) {
      const found = await sourceByName(ctx, credentialSource);
      if (found === undefined) {
        throw retrievalError(credentialSource, `No credentials found in credential_source referenced in profile ${name}`);
      }
      source = found;
    } else {
      visited.push(sourceProfile!);
      source = await fromProfile(sourceProfile!);
    }

    const args: Record<string, unknown> = { RoleArn: roleArn };
    if (sessionName !== undefined) args['RoleSessionName'] = sessionName;
    if (externalId !== undefined) args['ExternalId'] = externalId;
    if (mfaSerial !== undefined) args['SerialNumber'] = mfaSerial;
    if (duration !== undefined) args['DurationSeconds'] = duration;
    const defaultSessionName = !sessionName;
    const cacheKey = assumeRoleCacheKey(args, defaultSessionName);
    let mfaUsed = false;
    const refresh = async (): Promise<Fetched> => {
      const cache = cliCache(ctx);
      const cached = cache.load(cacheKey);
      if (cached) return fromSts(cached);
      if (mfaSerial !== undefined && mfaUsed) throw new GeneralError('Cannot refresh credentials: MFA token required.');
      const params = {
        RoleArn: roleArn,
        RoleSessionName: sessionName || `botocore-session-${Math.floor(ctx.now() / 1000)}`,
        ...(externalId !== undefined ? { ExternalId: externalId } : {}),
        ...(mfaSerial !== undefined ? { SerialNumber: mfaSerial } : {}),
        ...(duration !== undefined ? { DurationSeconds: duration } : {}),
      };
      if (mfaSerial !== undefined) {
        if (!ctx.deps.prompt) throw new GeneralError(`Enter MFA code for ${mfaSerial}: no terminal to ask on`);
        mfaUsed = true;
        (params as { TokenCode?: string }).TokenCode = await ctx.deps.prompt(`Enter MFA code for ${mfaSerial}: `);
      }
      const sourceCredentials = await source.get();
      const sts = await ctx.sts();
      const result = await sts.assumeRole(params, sourceCredentials, serviceContext(ctx, 'sts', ctx.settings.region));
      cache.save(cacheKey, { Credentials: result });
      return fromSts(result);
    };
    // the STS call waits until the credentials are first used
    return new ResolvedCredentials(method, undefined, refresh, ctx);
  };

  const validateSourceProfile = (parent: string, source: string): void => {
    const all = profiles(ctx);
    if (!all.has(source)) {
      throw new GeneralError(`The source_profile "${source}" referenced in the profile "${parent}" does not exist.`);
    }
    if (!visited.includes(source)) return;
    // a profile may name itself to take static keys from its own section, nothing else loops
    if (source !== parent || !hasStatic(all.get(source)!)) {
      throw new GeneralError(
        `Infinite loop in credential configuration detected. Attempting to load from profile ${source} which has already been visited. Visited profiles: ${pyRepr(visited)}`,
      );
    }
  };

  const fromProfile = async (name: string): Promise<ResolvedCredentials> => {
    const profile = profiles(ctx).get(name)!;
    if (hasStatic(profile) || !hasAssumeRole(profile)) {
      const found = await firstOf(ctx, profileProviders(ctx, name, true));
      if (found === undefined) throw new GeneralError(`The source profile "${name}" must have credentials.`);
      return found;
    }
    return loadVia(name);
  };

  return {
    method,
    async load() {
      const profile = profiles(ctx).get(profileName);
      if (profile === undefined || !hasAssumeRole(profile)) return undefined;
      return loadVia(profileName);
    },
  };
}

/** botocore CanonicalNameCredentialSourcer.source_credentials */
async function sourceByName(ctx: Ctx, name: string): Promise<Located> {
  switch (name.toLowerCase()) {
    case 'environment':
      return envProvider(ctx).load();
    case 'ecscontainer':
      return containerProvider(ctx).load();
    default:
      return instanceMetadataProvider(ctx).load();
  }
}

// ---------------------------------------------------------------------------------------------
// assume-role-with-web-identity

function webIdentityProvider(ctx: Ctx, profileName: string, disableEnvVars: boolean): Provider {
  const method = 'assume-role-with-web-identity';
  const ENV: Record<string, string> = {
    web_identity_token_file: 'AWS_WEB_IDENTITY_TOKEN_FILE',
    role_session_name: 'AWS_ROLE_SESSION_NAME',
    role_arn: 'AWS_ROLE_ARN',
  };
  const get = (key: string): string | undefined => {
    if (!disableEnvVars) {
      const v = ctx.env[ENV[key]!];
      if (v !== undefined) return v;
    }
    return str(profiles(ctx).get(profileName)?.get(key));
  };
  return {
    method,
    async load() {
      const tokenPath = get('web_identity_token_file');
      if (!tokenPath) return undefined;
      const roleArn = get('role_arn');
      if (!roleArn) {
        throw new GeneralError(
          'The provided profile or the current environment is configured to assume role with web identity but has no role ARN configured. Ensure that the profile has the role_arnconfiguration set or the AWS_ROLE_ARN env var is set.',
        );
      }
      const sessionName = get('role_session_name');
      const args: Record<string, unknown> = { RoleArn: roleArn };
      if (sessionName !== undefined) args['RoleSessionName'] = sessionName;
      const cacheKey = assumeRoleCacheKey(args, !sessionName);
      const refresh = async (): Promise<Fetched> => {
        const cache = cliCache(ctx);
        const cached = cache.load(cacheKey);
        if (cached) return fromSts(cached);
        // botocore FileWebIdentityTokenLoader: the file as it is, read when needed
        let token: string;
        try {
          token = new TextDecoder().decode(ctx.fs.readFile(tokenPath));
        } catch (err) {
          throw osError(err, tokenPath);
        }
        const sts = await ctx.sts();
        const result = await sts.assumeRoleWithWebIdentity(
          {
            RoleArn: roleArn,
            RoleSessionName: sessionName || `botocore-session-${Math.floor(ctx.now() / 1000)}`,
            WebIdentityToken: token,
          },
          serviceContext(ctx, 'sts', ctx.settings.region),
        );
        cache.save(cacheKey, { Credentials: result });
        return fromSts(result);
      };
      return new ResolvedCredentials(method, undefined, refresh, ctx);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// sso

function ssoProvider(ctx: Ctx, profileName: string): Provider {
  const method = 'sso';
  return {
    method,
    async load() {
      const profile = profiles(ctx).get(profileName) ?? new Map<string, IniValue>();
      if (!profile.has('sso_role_name') && !profile.has('sso_account_id')) return undefined;
      const config = new Map<string, IniValue>(profile);
      const required = ['sso_role_name', 'sso_account_id', 'sso_start_url', 'sso_region'];
      const sessionName = str(profile.get('sso_session'));
      if (sessionName !== undefined) {
        const session = ctx.settings.shared.config.ssoSessions.get(sessionName);
        if (session === undefined) throw new GeneralError(`The specified sso-session does not exist: "${sessionName}"`);
        for (const [key, value] of session) {
          const mine = config.get(key);
          if (mine !== undefined && str(mine) !== str(value)) {
            throw new GeneralError(`The value for ${key} is inconsistent between profile (${str(mine)}) and sso-session (${str(value)}).`);
          }
          config.set(key, value);
        }
        required.push('sso_session');
      }
      const missing = required.filter((key) => !config.has(key));
      if (missing.length > 0) {
        throw new GeneralError(`The profile "${profileName}" is configured to use SSO but is missing required configuration: ${missing.join(', ')}`);
      }
      const startUrl = str(config.get('sso_start_url'))!;
      const region = str(config.get('sso_region'))!;
      const roleName = str(config.get('sso_role_name'))!;
      const accountId = str(config.get('sso_account_id'))!;

      const keyArgs: Record<string, string> = { roleName, accountId };
      if (sessionName !== undefined) keyArgs['sessionName'] = sessionName;
      else keyArgs['startUrl'] = startUrl;
      const cacheKey = sha1Hex(cacheJson(keyArgs, { sortKeys: true, separators: [',', ':'] }));

      const refresh = async (): Promise<Fetched> => {
        const cache = cliCache(ctx);
        const cached = cache.load(cacheKey);
        if (cached) return fromSts(cached);
        const accessToken =
          sessionName === undefined ? loadSsoToken(ctx, startUrl, undefined).accessToken : await ssoSessionToken(ctx, profileName, sessionName);
        const sso = await ctx.sso();
        let role: Awaited<ReturnType<SsoApi['getRoleCredentials']>>;
        try {
          role = await sso.getRoleCredentials({ roleName, accountId, accessToken }, serviceContext(ctx, 'sso', region));
        } catch (err) {
          if (err instanceof ServiceError && err.code === 'UnauthorizedException') {
            throw new GeneralError(
              'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
            );
          }
          throw err;
        }
        // SSOCredentialFetcher: whole seconds, as '%Y-%m-%dT%H:%M:%SZ'
        const expiration = new Date(Math.floor(role.expiration / 1000) * 1000);
        const result: StsCredentials = {
          AccessKeyId: role.accessKeyId,
          SecretAccessKey: role.secretAccessKey,
          SessionToken: role.sessionToken,
          Expiration: expiration,
        };
        cache.save(cacheKey, {
          ProviderType: 'sso',
          Credentials: { ...result, Expiration: `${expiration.toISOString().slice(0, 19)}Z` },
        });
        return fromSts(result);
      };
      return new ResolvedCredentials(method, undefined, refresh, ctx);
    },
  };
}

interface SsoToken {
  accessToken: string;
  expiresAt: string;
  [key: string]: unknown;
}

/** botocore SSOTokenLoader over ~/.aws/sso/cache/<sha1>.json */
function loadSsoToken(ctx: Ctx, startUrl: string, sessionName: string | undefined): SsoToken {
  const key = sha1Hex(sessionName ?? startUrl);
  ctx.log(`Checking for cached token at: ${key}`);
  const path = `${ssoCacheDir(ctx)}/${key}.json`;
  if (!ctx.fs.exists(path)) {
    throw new GeneralError(`Error loading SSO Token: Token for ${sessionName ?? startUrl} does not exist`);
  }
  let token: unknown;
  try {
    token = JSON.parse(new TextDecoder().decode(ctx.fs.readFile(path)));
  } catch {
    throw keyError(key);
  }
  if (typeof token !== 'object' || token === null || !('accessToken' in token) || !('expiresAt' in token)) {
    throw new GeneralError(`Error loading SSO Token: Token for ${startUrl} is invalid`);
  }
  return token as SsoToken;
}

function ssoCacheDir(ctx: Ctx): string {
  return expandUser('~/.aws/sso/cache', ctx.env, ctx.homedir);
}

/** botocore tokens.SSOTokenProvider: the cached token of an sso-session, refreshed when near expiry. */
async function ssoSessionToken(ctx: Ctx, profileName: string, sessionName: string): Promise<string> {
  const session = ctx.settings.shared.config.ssoSessions.get(sessionName);
  if (session === undefined) {
    throw new GeneralError(
      `The profile "${profileName}" is configured to use the SSO token provider but the "${sessionName}" sso_session configuration does not exist.`,
    );
  }
  const missing = ['sso_start_url', 'sso_region'].filter((k) => !session.has(k));
  if (missing.length > 0) {
    throw new GeneralError(
      `The profile "${profileName}" is configured to use the SSO token provider but is missing the following configuration: ${pyRepr(missing)}.`,
    );
  }
  const startUrl = str(session.get('sso_start_url'))!;
  const region = str(session.get('sso_region'))!;
  ctx.log(`Loading cached SSO token for ${sessionName}`, 'INFO');
  let token = loadSsoToken(ctx, startUrl, sessionName);
  let expiry = parseExpiry(token.expiresAt);
  const now = ctx.now();
  if ((expiry.date.getTime() - now) / 1000 < 15 * 60) {
    const refreshed = await refreshSsoToken(ctx, token, startUrl, region);
    if (refreshed) {
      token = refreshed;
      expiry = parseExpiry(refreshed.expiresAt);
      if (ctx.deps.writeFile) {
        try {
          ctx.deps.writeFile(`${ssoCacheDir(ctx)}/${sha1Hex(sessionName)}.json`, cacheJson(refreshed));
        } catch {
          // the refreshed token is still good for this run
        }
      }
    }
  }
  if (expiry.date.getTime() - ctx.now() <= 0) {
    throw new GeneralError('Error when retrieving token from sso: Token has expired and refresh failed');
  }
  return token.accessToken;
}

async function refreshSsoToken(ctx: Ctx, token: SsoToken, startUrl: string, region: string): Promise<SsoToken | undefined> {
  const keys = ['refreshToken', 'clientId', 'clientSecret', 'registrationExpiresAt'];
  const missing = keys.filter((k) => !(k in token));
  if (missing.length > 0) {
    ctx.log(`Unable to refresh SSO token: missing keys: ${pyRepr(missing)}`, 'INFO');
    return undefined;
  }
  const registration = parseExpiry(token['registrationExpiresAt']);
  if (registration.date.getTime() - ctx.now() <= 0) {
    ctx.log(`SSO token registration expired at ${String(token['registrationExpiresAt'])}`, 'INFO');
    return undefined;
  }
  try {
    const sso = await ctx.sso();
    const response = await sso.createToken(
      { clientId: String(token['clientId']), clientSecret: String(token['clientSecret']), refreshToken: String(token['refreshToken']) },
      serviceContext(ctx, 'sso_oidc', region),
    );
    ctx.log('SSO Token refresh succeeded', 'INFO');
    const expiresAt = new Date(ctx.now() + response.expiresIn * 1000);
    return {
      startUrl,
      region,
      accessToken: response.accessToken,
      expiresAt: `${expiresAt.toISOString().slice(0, 19)}Z`,
      clientId: token['clientId'],
      clientSecret: token['clientSecret'],
      registrationExpiresAt: token['registrationExpiresAt'],
      ...(response.refreshToken !== undefined ? { refreshToken: response.refreshToken } : {}),
    };
  } catch (err) {
    if (err instanceof ServiceError) {
      ctx.log('SSO token refresh attempt failed', 'WARNING');
      return undefined;
    }
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// container-role

const CONTAINER_HOSTS = ['169.254.170.2', 'localhost', '127.0.0.1'];

function containerProvider(ctx: Ctx): Provider {
  const method = 'container-role';
  return {
    method,
    async load() {
      const env = ctx.env;
      const relative = env['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'];
      const full = env['AWS_CONTAINER_CREDENTIALS_FULL_URI'];
      if (relative === undefined && full === undefined) return undefined;
      let url: string;
      if (relative !== undefined) {
        url = `http://169.254.170.2${relative}`;
      } else {
        url = full!;
        const host = urlparseHostname(url);
        if (host === undefined || !CONTAINER_HOSTS.includes(host)) {
          throw new GeneralError(
            `Unsupported host '${host ?? 'None'}'.  Can only retrieve metadata from these hosts: ${CONTAINER_HOSTS.join(', ')}`,
          );
        }
      }
      const headers: Record<string, string> = { Accept: 'application/json' };
      // botocore >= 1.32 also reads the token from a file; the file wins
      const tokenFile = env['AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE'];
      if (tokenFile !== undefined) {
        try {
          headers['Authorization'] = new TextDecoder().decode(ctx.fs.readFile(tokenFile)).trim();
        } catch (err) {
          throw osError(err, tokenFile);
        }
      } else if (env['AWS_CONTAINER_AUTHORIZATION_TOKEN'] !== undefined) {
        headers['Authorization'] = env['AWS_CONTAINER_AUTHORIZATION_TOKEN'];
      }
      const fetch = () => fetchContainerCredentials(ctx, url, headers);
      return new ResolvedCredentials(method, await fetch(), fetch, ctx);
    },
  };
}

/** botocore ContainerMetadataFetcher: 3 attempts, 1 s apart, 2 s timeout. */
async function fetchContainerCredentials(ctx: Ctx, url: string, headers: Record<string, string>): Promise<Fetched> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await containerAttempt(ctx, url, headers);
    if (typeof outcome !== 'string') return outcome;
    // a MetadataRetrievalError: logged, slept on, retried
    ctx.log(`Received error when attempting to retrieve container metadata: Error retrieving metadata: ${outcome}`);
    await ctx.sleep(1000);
    if (attempt >= 3) throw retrievalError('container-role', `Error retrieving metadata: ${outcome}`);
  }
}

/** One GET: the credentials, or the text of the MetadataRetrievalError that asks for a retry. */
async function containerAttempt(ctx: Ctx, url: string, headers: Record<string, string>): Promise<Fetched | string> {
  let response: HttpResponse;
  try {
    response = await ctx.http({ method: 'GET', url, headers, timeoutMs: 2000, ...(ctx.deps.signal ? { signal: ctx.deps.signal } : {}) });
  } catch (err) {
    if (!(err instanceof HttpError) || err.kind === 'invalid-url') throw err;
    return `Received error when attempting to retrieve ECS metadata: ${err.message}`;
  }
  const text = new TextDecoder().decode(response.body);
  if (response.status !== 200) return `Received non 200 response (${response.status}) from ECS metadata: ${text}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'Unable to parse JSON returned from ECS metadata services';
  }
  // ContainerProvider._create_fetcher: response['AccessKeyId'] ... a missing key is a KeyError
  const doc = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  for (const key of ['AccessKeyId', 'SecretAccessKey', 'Token', 'Expiration']) if (!(key in doc)) throw keyError(key);
  const expiry = parseExpiry(doc['Expiration']);
  return {
    credentials: {
      accessKeyId: String(doc['AccessKeyId']),
      secretAccessKey: String(doc['SecretAccessKey']),
      sessionToken: String(doc['Token']),
      expiration: expiry.date,
    },
    expiry,
  };
}

// ---------------------------------------------------------------------------------------------
// iam-role (instance metadata, IMDSv2 then v1)

class RetriesExceeded extends Error {}

function imdsClient(ctx: Ctx) {
  const imds = ctx.settings.imds;
  const timeoutMs = imds.timeoutSeconds * 1000;
  const attempts = imds.numAttempts;
  const userAgent = ctx.deps.userAgent ?? 'aws-cli/2.9.19';
  const request = (method: 'GET' | 'PUT', url: string, headers: Record<string, string>) =>
    ctx.http({ method, url, headers: { ...headers, 'User-Agent': userAgent }, timeoutMs, ...(ctx.deps.signal ? { signal: ctx.deps.signal } : {}) });
  const assertEnabled = (): void => {
    if (imds.disabled) {
      ctx.log('Access to EC2 metadata has been disabled.');
      throw new RetriesExceeded();
    }
  };
  const invalid = (url: string) => new GeneralError(`Invalid endpoint EC2 Instance Metadata endpoint: ${url}`);
  const logResponse = (status: number, url: string, reason: string, body: Uint8Array) =>
    ctx.log(
      `Metadata service returned ${reason} response with status code of ${status} for url: ${url}, content body: ${pyBytesRepr(body)}`,
    );
  return {
    /** IMDSFetcher._fetch_metadata_token: undefined means "carry on without a token" (IMDSv1). */
    async token(): Promise<string | undefined> {
      assertEnabled();
      const url = `${imds.baseUrl}latest/api/token`;
      for (let i = 0; i < attempts; i++) {
        try {
          const response = await request('PUT', url, { 'x-aws-ec2-metadata-token-ttl-seconds': '21600' });
          if (response.status === 200) return new TextDecoder().decode(response.body);
          if ([404, 403, 405].includes(response.status)) return undefined;
          if (response.status === 400) throw new BadImdsRequest('PUT', url);
        } catch (err) {
          if (err instanceof HttpError) {
            if (err.kind === 'invalid-url') throw invalid(url);
            if (err.kind === 'read-timeout') return undefined;
            ctx.log(`Caught retryable HTTP exception while making metadata service request to ${url}: ${err.message}`);
            continue;
          }
          throw err;
        }
      }
      return undefined;
    },
    /** IMDSFetcher._get_request: retried while `retry` says so, then RetriesExceeded. */
    async get(path: string, token: string | undefined, retry: (status: number, body: Uint8Array, url: string) => boolean): Promise<Uint8Array> {
      assertEnabled();
      const url = `${imds.baseUrl}${path}`;
      const headers: Record<string, string> = token !== undefined ? { 'x-aws-ec2-metadata-token': token } : {};
      for (let i = 0; i < attempts; i++) {
        try {
          const response = await request('GET', url, headers);
          if (!retry(response.status, response.body, url)) return response.body;
        } catch (err) {
          if (err instanceof HttpError) {
            if (err.kind === 'invalid-url') throw invalid(url);
            ctx.log(`Caught retryable HTTP exception while making metadata service request to ${url}: ${err.message}`);
            continue;
          }
          throw err;
        }
      }
      throw new RetriesExceeded();
    },
    defaultRetry(status: number, body: Uint8Array, url: string): boolean {
      if (status !== 200) {
        logResponse(status, url, 'non-200', body);
        return true;
      }
      if (body.length === 0) {
        logResponse(status, url, 'no body', body);
        return true;
      }
      return false;
    },
    attempts,
  };
}

class BadImdsRequest extends Error {
  constructor(method: string, url: string) {
    super(`<AWSRequest method=${method}, url=${url}>`);
  }
}

const IMDS_CREDENTIALS_PATH = 'latest/meta-data/iam/security-credentials/';

/** botocore InstanceMetadataFetcher.retrieve_iam_role_credentials; undefined when there are none. */
async function fetchImdsCredentials(ctx: Ctx): Promise<(Fetched & { roleName: string }) | undefined> {
  const client = imdsClient(ctx);
  try {
    const token = await client.token();
    const roleName = new TextDecoder().decode(await client.get(IMDS_CREDENTIALS_PATH, token, client.defaultRetry));
    const body = await client.get(IMDS_CREDENTIALS_PATH + roleName, token, (status, bytes, url) => {
      if (client.defaultRetry(status, bytes, url)) return true;
      try {
        JSON.parse(new TextDecoder().decode(bytes));
        return false;
      } catch {
        ctx.log(`Metadata service returned invalid json response with status code of ${status} for url: ${url}`);
        return true;
      }
    });
    const doc = JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>;
    for (const field of ['AccessKeyId', 'SecretAccessKey', 'Token', 'Expiration']) {
      if (typeof doc !== 'object' || doc === null || !(field in doc)) {
        ctx.log(`Retrieved credentials is missing required field: ${field}`);
        return undefined;
      }
    }
    let expiry = parseExpiry(doc['Expiration']);
    // _evaluate_expiration: stale credentials are stretched while the service is unavailable
    const windowS = ADVISORY_REFRESH_S + 120 + Math.floor(Math.random() * 481);
    if (ctx.now() >= expiry.date.getTime() - windowS * 1000) {
      expiry = { date: new Date(Math.floor((ctx.now() + windowS * 1000) / 1000) * 1000), naive: false };
      ctx.log(
        `Attempting credential expiration extension due to a credential service availability issue. A refresh of these credentials will be attempted again within the next ${Math.round(windowS / 60)} minutes.`,
        'INFO',
      );
    }
    return {
      roleName,
      credentials: {
        accessKeyId: String(doc['AccessKeyId']),
        secretAccessKey: String(doc['SecretAccessKey']),
        sessionToken: String(doc['Token']),
        expiration: expiry.date,
      },
      expiry,
    };
  } catch (err) {
    if (err instanceof RetriesExceeded) {
      ctx.log(`Max number of attempts exceeded (${client.attempts}) when attempting to retrieve data from metadata service.`);
      return undefined;
    }
    if (err instanceof BadImdsRequest) {
      ctx.log(`Bad IMDS request: ${err.message}`);
      return undefined;
    }
    throw err;
  }
}

function instanceMetadataProvider(ctx: Ctx): Provider {
  const method = 'iam-role';
  return {
    method,
    async load() {
      const first = await fetchImdsCredentials(ctx);
      if (first === undefined) return undefined;
      ctx.log(`Found credentials from IAM Role: ${first.roleName}`);
      const refresh = async (): Promise<Fetched> => {
        const next = await fetchImdsCredentials(ctx);
        if (next === undefined) {
          throw retrievalError(method, 'Credential refresh failed, response did not contain: access_key, secret_key, token, expiry_time');
        }
        return next;
      };
      return new ResolvedCredentials(method, first, refresh, ctx);
    },
  };
}

/**
 * The region from the instance metadata service (awscli IMDSRegionProvider), asked when nothing
 * else names one: the availability zone without its last letter. Undefined when IMDS is disabled
 * or does not answer (1 s timeout, 1 attempt by default).
 */
export async function resolveImdsRegion(settings: Settings, deps: CredentialDeps): Promise<string | undefined> {
  const ctx = makeCtx(settings, deps);
  const client = imdsClient(ctx);
  try {
    const token = await client.token();
    const zone = new TextDecoder().decode(await client.get('latest/meta-data/placement/availability-zone/', token, client.defaultRetry));
    return zone.slice(0, -1);
  } catch (err) {
    if (err instanceof RetriesExceeded) {
      ctx.log(`Max number of attempts exceeded (${client.attempts}) when attempting to retrieve data from metadata service.`);
      return undefined;
    }
    if (err instanceof BadImdsRequest) throw new GeneralError(err.message);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// The chain

/** botocore ProfileProviderBuilder.providers */
function profileProviders(ctx: Ctx, profileName: string, disableEnvVars: boolean): Provider[] {
  return [
    webIdentityProvider(ctx, profileName, disableEnvVars),
    ssoProvider(ctx, profileName),
    sharedCredentialsProvider(ctx, profileName),
    processProvider(ctx, profileName),
    configFileProvider(ctx, profileName),
  ];
}

/**
 * The AWS CLI's credential chain over the resolved settings. The returned function resolves the
 * credentials (once; refreshed before they expire) or throws the CLI's error:
 * ConfigError 253 `Unable to locate credentials...` when no source has any, GeneralError 255 for a
 * source that is misconfigured or fails, ServiceError 254 for an STS/SSO error response.
 */
export function createCredentialProvider(settings: Settings, deps: CredentialDeps): CredentialProvider {
  const ctx = makeCtx(settings, deps);
  // botocore: `session.get_config_variable('profile') or 'default'`
  const profileName = settings.profileName || 'default';
  const providers: Provider[] = [];
  if (settings.profileExplicit) {
    ctx.log('Skipping environment variable credential check because profile name was explicitly set.');
  } else {
    providers.push(envProvider(ctx));
  }
  providers.push(
    assumeRoleProvider(ctx, profileName),
    ...profileProviders(ctx, profileName, settings.profileExplicit),
    ec2CredentialsFileProvider(ctx),
    botoConfigProvider(ctx),
    containerProvider(ctx),
    instanceMetadataProvider(ctx),
  );

  let loading: Promise<Located> | undefined;
  let method: string | undefined;
  const load = (): Promise<Located> => {
    loading ??= firstOf(ctx, providers).then((found) => {
      method = found?.method;
      return found;
    });
    return loading;
  };
  const provider = async (): Promise<Credentials> => {
    const found = await load();
    if (found === undefined) throw new ConfigError(NO_CREDENTIALS);
    return found.get();
  };
  return Object.defineProperties(provider, {
    load: { value: async () => void (await load()) },
    method: { get: () => method },
  }) as CredentialProvider;
}

// ---------------------------------------------------------------------------------------------
// Defaults: node:http, child_process, the SDK's nested STS / SSO clients

async function nodeHttpRequest(request: HttpRequest): Promise<HttpResponse> {
  let url: URL;
  try {
    url = new URL(request.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw new HttpError('invalid-url', request.url);
  }
  const mod = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise<HttpResponse>((resolve, reject) => {
    let connected = false;
    const req = mod.request(
      url,
      { method: request.method, headers: { ...request.headers, ...(request.method === 'PUT' ? { 'Content-Length': '0' } : {}) }, ...(request.signal ? { signal: request.signal } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: new Uint8Array(Buffer.concat(chunks)) }));
        res.on('error', () => reject(new HttpError('connect', request.url)));
      },
    );
    req.on('socket', (socket) => {
      if (!socket.connecting) connected = true;
      socket.once('connect', () => {
        connected = true;
      });
    });
    req.setTimeout(request.timeoutMs, () => {
      req.destroy(new HttpError(connected ? 'read-timeout' : 'connect-timeout', request.url));
    });
    req.on('error', (err) => {
      if (err instanceof HttpError) reject(err);
      else if ((err as { name?: string }).name === 'AbortError') reject(err);
      else reject(new HttpError('connect', request.url));
    });
    req.end();
  });
}

async function spawnProcess(
  argv: readonly string[],
  options: { env: Record<string, string>; cwd?: string; signal?: AbortSignal },
): Promise<ProcessResult> {
  const { spawn } = await import('node:child_process');
  return new Promise<ProcessResult>((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      env: options.env,
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      stdio: ['inherit', 'pipe', 'pipe'],
      shell: false,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, stdout: new Uint8Array(Buffer.concat(out)), stderr: new Uint8Array(Buffer.concat(err)) }),
    );
  });
}

// Explicit values for every setting the nested clients would otherwise look up in process.env
// or ~/.aws (region, retries, FIPS/dual-stack, defaults mode, configured endpoints, app id ...).
function sdkClientConfig(context: ServiceCallContext, useGlobal = false) {
  return {
    region: context.region ?? 'us-east-1',
    ...(context.endpoint !== undefined ? { endpoint: context.endpoint } : {}),
    useFipsEndpoint: context.useFipsEndpoint,
    useDualstackEndpoint: context.useDualstackEndpoint,
    ...(useGlobal ? { useGlobalEndpoint: true } : {}),
    maxAttempts: context.maxAttempts,
    retryMode: context.retryMode,
    defaultsMode: 'legacy' as const,
    ignoreConfiguredEndpointUrls: true,
    authSchemePreference: [] as string[],
    sigv4aSigningRegionSet: [] as string[],
    userAgentAppId: async () => undefined,
    requestHandler: {
      ...(context.connectTimeoutMs !== undefined ? { connectionTimeout: context.connectTimeoutMs } : {}),
      ...(context.readTimeoutMs !== undefined ? { requestTimeout: context.readTimeoutMs } : {}),
    },
    logger: { debug() {}, info() {}, warn() {}, error() {}, trace() {} },
  };
}

/** An SDK error as the AWS CLI words it. */
function sdkError(err: unknown, operation: string, url: string): unknown {
  const e = err as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number }; $fault?: string };
  if (e && e.$metadata && e.$fault) {
    const code = e.name ?? 'Unknown';
    const message = e.message ?? '';
    return new ServiceError(code, message, e.$metadata.httpStatusCode, `An error occurred (${code}) when calling the ${operation} operation: ${message}`);
  }
  if (e && (e.name === 'TimeoutError' || e.code === 'ETIMEDOUT')) return new GeneralError(`Read timeout on endpoint URL: "${url}"`);
  if (e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) return new GeneralError(`Could not connect to the endpoint URL: "${url}"`);
  return err;
}

function defaultUrl(context: ServiceCallContext, host: (region: string) => string, path: string): string {
  if (context.endpoint !== undefined) return context.endpoint.replace(/\/+$/, '') + path;
  return `https://${host(context.region ?? 'us-east-1')}${path}`;
}

async function sdkSts(): Promise<StsApi> {
  const { STSClient, AssumeRoleCommand, AssumeRoleWithWebIdentityCommand } = await import('@aws-sdk/nested-clients/sts');
  const stsHost = (context: ServiceCallContext) => (r: string) => (context.region === undefined ? 'sts.amazonaws.com' : `sts.${r}.amazonaws.com`);
  const toCredentials = (c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string; Expiration?: Date } | undefined): StsCredentials => ({
    AccessKeyId: c?.AccessKeyId ?? '',
    SecretAccessKey: c?.SecretAccessKey ?? '',
    SessionToken: c?.SessionToken ?? '',
    Expiration: c?.Expiration ?? new Date(0),
  });
  return {
    async assumeRole(params, source, context) {
      const client = new STSClient({ ...sdkClientConfig(context, context.region === undefined), credentials: source });
      try {
        const out = await client.send(new AssumeRoleCommand(params), context.signal ? { abortSignal: context.signal } : {});
        return toCredentials(out.Credentials);
      } catch (err) {
        throw sdkError(err, 'AssumeRole', defaultUrl(context, stsHost(context), '/'));
      } finally {
        client.destroy();
      }
    },
    async assumeRoleWithWebIdentity(params, context) {
      const client = new STSClient({
        ...sdkClientConfig(context, context.region === undefined),
        credentials: async () => {
          throw new GeneralError('AssumeRoleWithWebIdentity is not signed');
        },
      });
      try {
        const out = await client.send(new AssumeRoleWithWebIdentityCommand(params), context.signal ? { abortSignal: context.signal } : {});
        return toCredentials(out.Credentials);
      } catch (err) {
        throw sdkError(err, 'AssumeRoleWithWebIdentity', defaultUrl(context, stsHost(context), '/'));
      } finally {
        client.destroy();
      }
    },
  };
}

async function sdkSso(): Promise<SsoApi> {
  const { SSOClient, GetRoleCredentialsCommand } = await import('@aws-sdk/nested-clients/sso');
  const unsigned = async () => {
    throw new GeneralError('SSO calls are not signed');
  };
  return {
    async getRoleCredentials(params, context) {
      const client = new SSOClient({ ...sdkClientConfig(context), credentials: unsigned });
      const query = `?role_name=${encodeURIComponent(params.roleName)}&account_id=${encodeURIComponent(params.accountId)}`;
      try {
        const out = await client.send(new GetRoleCredentialsCommand(params), context.signal ? { abortSignal: context.signal } : {});
        const c = out.roleCredentials;
        return {
          accessKeyId: c?.accessKeyId ?? '',
          secretAccessKey: c?.secretAccessKey ?? '',
          sessionToken: c?.sessionToken ?? '',
          expiration: c?.expiration ?? 0,
        };
      } catch (err) {
        throw sdkError(err, 'GetRoleCredentials', defaultUrl(context, (r) => `portal.sso.${r}.amazonaws.com`, `/federation/credentials${query}`));
      } finally {
        client.destroy();
      }
    },
    async createToken(params, context) {
      const { SSOOIDCClient, CreateTokenCommand } = await import('@aws-sdk/nested-clients/sso-oidc');
      const client = new SSOOIDCClient({ ...sdkClientConfig(context), credentials: unsigned });
      try {
        const out = await client.send(
          new CreateTokenCommand({ grantType: 'refresh_token', ...params }),
          context.signal ? { abortSignal: context.signal } : {},
        );
        return {
          accessToken: out.accessToken ?? '',
          expiresIn: out.expiresIn ?? 0,
          ...(out.refreshToken !== undefined ? { refreshToken: out.refreshToken } : {}),
        };
      } catch (err) {
        throw sdkError(err, 'CreateToken', defaultUrl(context, (r) => `oidc.${r}.amazonaws.com`, '/token'));
      } finally {
        client.destroy();
      }
    },
  };
}
