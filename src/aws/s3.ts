// The only module that imports the AWS SDK. It is loaded lazily (dynamic import) once a request is
// really going to be sent, so --version, skeletons and usage errors never pay for it.
//
// The SDK is given explicit values for everything, so it never reads process.env or ~/.aws itself;
// a few middlewares make the request on the wire equal the AWS CLI's (no `x-id` query parameter,
// `Content-Length: 0`, unsigned with --no-sign-request) and record each attempt's raw response so
// that errors can be worded exactly as botocore words them.

import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import {
  AbortMultipartUploadCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { constructStack } from '@smithy/core/client';
import { resolveParams } from '@smithy/core/endpoints';
import { AdaptiveRetryStrategy, ConfiguredRetryStrategy } from '@smithy/core/retry';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type {
  DeserializeHandler, DeserializeHandlerArguments, FinalizeHandler, FinalizeHandlerArguments, HandlerExecutionContext,
  RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryToken,
} from '@smithy/types';
import { SMITHY_CONTEXT_KEY } from '@smithy/types';
import type { DebugLog } from '../debug.js';
import { type CliError, GeneralError, ServiceError, TransportError, UnreadableResponseError, UsageError } from '../errors.js';
import { pyBytesRepr } from '../py/bytes.js';
import { continueAttempts, keepSuccessStatus, resumeToken } from './botocore-attempts.js';
import { UnusableCaAgent } from '../net/unusable-ca-agent.js';
import { readResponseBody } from './response-body.js';
import { errorCodeOf, parseS3Error, type XmlValue } from './xml-error.js';
import { parseXml } from './xml.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export interface ClientConfig {
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  useFipsEndpoint: boolean;
  useDualstackEndpoint: boolean;
  useAccelerateEndpoint: boolean;
  useArnRegion?: boolean;
  disableMultiregionAccessPoints: boolean;
  /** directory buckets signed with the caller's credentials, without CreateSession */
  disableS3ExpressSessionAuth?: boolean;
  /** null: send unsigned requests (--no-sign-request) */
  credentials: (() => Promise<Credentials>) | null;
  maxAttempts: number;
  retryMode: 'standard' | 'adaptive';
  /** undefined: no timeout */
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
  ca?: string;
  /** the CA bundle cannot be used: every https connection fails with this (Python's text) */
  caProblem?: string;
  verifySsl: boolean;
  userAgent: string;
  /** Keep-alive sockets, for many requests in one run. */
  keepAlive: boolean;
  maxSockets?: number;
  debug: DebugLog;
  /** Called once per HTTPS attempt when verification is off (the CLI's InsecureRequestWarning). */
  onInsecureRequest?: (host: string) => void;
  /** Stops a pending backoff or request (SIGINT). */
  signal?: AbortSignal;
  /** Once aborted, no call starts another attempt (a bulk run that is stopping). */
  stopRetries?: AbortSignal;
}

type MiddlewareHandler = (args: unknown) => Promise<unknown>;
type MiddlewareFactory = (next: MiddlewareHandler, context: Record<string, unknown>) => MiddlewareHandler;
interface MiddlewareStackLike {
  add(mw: MiddlewareFactory, options: object): void;
  addRelativeTo(mw: MiddlewareFactory, options: object): void;
  concat(from: MiddlewareStackLike): MiddlewareStackLike;
  applyToStack(to: Pick<MiddlewareStackLike, 'add' | 'addRelativeTo'>): void;
  resolve(handler: MiddlewareHandler, context: Record<string, unknown>): MiddlewareHandler;
}
/** A command's middleware, innermost first, and the context send() would start each call with. */
interface ResolvedCommand {
  factories: MiddlewareFactory[];
  context: Record<string, unknown>;
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as text (for --debug) and as the bytes botocore parses. */
  body: string;
  bytes: Uint8Array;
}

/** What one call saw on the wire: the URL of the last attempt and its raw response. */
interface CallTrace {
  url?: string;
  /** the last attempt's request, whose URL is worked out only when shown (errors, --debug) */
  request?: WireRequest;
  response?: RawResponse;
  attempts: number;
  /** an attempt ended in a way that S3 may still have carried out (reset, timeout, 500/502/504) */
  maybeApplied?: boolean;
}

export interface AbortInput {
  Bucket: string;
  Key: string;
  UploadId: string;
  RequestPayer?: string;
  ExpectedBucketOwner?: string;
  IfMatchInitiatedTime?: Date;
}

export interface UploadSummary {
  Key: string;
  UploadId: string;
  Initiated?: Date;
}

export interface UploadPage {
  uploads: UploadSummary[];
  /** the response's Date header */
  serverDate?: Date;
  nextKeyMarker?: string;
  nextUploadIdMarker?: string;
  truncated: boolean;
}

// botocore retries these error codes (retries/standard.py) besides 500/502/503/504
const THROTTLING = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottledException', 'TooManyRequestsException',
  'ProvisionedThroughputExceededException', 'TransactionInProgressException', 'RequestLimitExceeded',
  'BandwidthLimitExceeded', 'LimitExceededException', 'RequestThrottled', 'SlowDown', 'PriorRequestNotComplete',
  'EC2ThrottledException',
]);
const TRANSIENT = new Set(['RequestTimeout', 'RequestTimeoutException', 'PriorRequestNotComplete']);

function isRetryableResponse(r: RawResponse | undefined): boolean {
  if (!r) return false;
  return isRetryableStatusOrCode(r.status, errorCodeOf(r.status, r.bytes));
}

function isRetryableStatusOrCode(status: number, code: string | undefined): boolean {
  if ([500, 502, 503, 504].includes(status)) return true;
  return code !== undefined && (THROTTLING.has(code) || TRANSIENT.has(code));
}

/** A failure of the HTTP client before anything was sent (botocore HTTPClientError: retried). */
class HttpClientError extends Error {
  readonly code = 'S3ABORT_HTTP_CLIENT';
}

/** Transport failures that reach no server: no InsecureRequestWarning for them (urllib3 warns after connecting). */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EPROTO']);

/**
 * botocore retries/standard.py decides what is retried, not the SDK: a response with status
 * 500/502/503/504 or a transient/throttling error code, or a transport failure (ConnectionError,
 * HTTPClientError). The SDK would also retry 429 and any other 5xx, and its clock-skew errors.
 */
function botocoreRetryable(error: unknown): boolean {
  const e = error as { name?: string; code?: unknown; Code?: unknown; $metadata?: { httpStatusCode?: number }; $response?: unknown };
  if (error instanceof GeneralError || error instanceof UsageError || (e as { exitCode?: number }).exitCode !== undefined) return false;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined) {
    const code = typeof e.Code === 'string' ? e.Code : e.name;
    return isRetryableStatusOrCode(status, code);
  }
  if (e.name === 'AbortError') return false;
  return typeof e.code === 'string' || e.name === 'TimeoutError';
}

/** Wraps the SDK's strategy (its backoff and retry quota) with botocore's retry decision. */
class BotocoreRetryStrategy implements RetryStrategyV2 {
  constructor(
    private readonly inner: RetryStrategyV2,
    private readonly stop?: AbortSignal,
  ) {}
  async acquireInitialRetryToken(scope: string): Promise<RetryToken> {
    return resumeToken(await this.inner.acquireInitialRetryToken(scope), scope);
  }
  refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    // the retry middleware then fails the call with the attempt's own error
    if (this.stop?.aborted) return Promise.reject(info.error);
    const errorType = botocoreRetryable(info.error) ? 'TRANSIENT' : 'CLIENT_ERROR';
    return this.inner.refreshRetryTokenForRetry(token, { ...info, errorType });
  }
  recordSuccess(token: StandardRetryToken): void {
    this.inner.recordSuccess(token);
  }
}

/** botocore utils.ArnParser.is_arn: "arn:" and at least six ':'-separated parts. */
export function isArn(bucket: string): boolean {
  return bucket.startsWith('arn:') && bucket.split(':').length >= 6;
}

/** The parameter headers in model order first, as botocore serializes them; the rest after. */
const PARAMETER_HEADERS = ['x-amz-request-payer', 'x-amz-expected-bucket-owner', 'x-amz-if-match-initiated-time'];
function headerRank(name: string): number {
  const i = PARAMETER_HEADERS.indexOf(name.toLowerCase());
  return i < 0 ? PARAMETER_HEADERS.length : i;
}

/** A header value that is the same in UTF-8 and latin-1 and that no check below refuses. */
const PLAIN_HEADER_VALUE = /^[\t\x20-\x7e]*$/;

/** Python http.client: a header value may not hold CR or LF unless a space or tab follows (folding). */
function isIllegalHeaderValue(v: string): boolean {
  return /\n(?![ \t])|\r(?![ \t\n])/.test(v);
}

/** str() of a parsed XML value: None for an empty element, a dict repr for a nested one. */
function xmlStr(v: XmlValue): string {
  if (v === null) return 'None';
  if (typeof v === 'string') return v;
  const repr = (x: XmlValue): string =>
    x === null ? 'None' : typeof x === 'string' ? `'${x.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : xmlStr(x);
  return `{${Object.entries(v).map(([k, x]) => `${repr(k)}: ${repr(x)}`).join(', ')}}`;
}

// awscli customizations/s3errormsg.py
const REGION_ERROR_MSG =
  'You can fix this issue by explicitly providing the correct region location using the --region argument, ' +
  'the AWS_DEFAULT_REGION environment variable, or the region variable in the AWS CLI configuration file.  ' +
  'You can get the bucket\'s location by running "aws s3api get-bucket-location --bucket BUCKET".';
const ENABLE_SIGV4_MSG = ' You can enable AWS Signature Version 4 by running the command: \naws configure set s3.signature_version s3v4';

/**
 * An endpoint ruleset failure as botocore reports it (regions.py ruleset_error_to_botocore_exception):
 * ARN format errors are parameter validation errors (252), the rest general errors (255).
 */
export function endpointRulesetError(msg: string, endpointUrl: string | undefined): CliError {
  if (msg.startsWith('Invalid region in ARN: ')) {
    const label = msg.split('`')[1] ?? msg;
    return new GeneralError(`Invalid host label to be bound to the hostname of the endpoint: "${label}".`);
  }
  if (msg === 'S3 Object Lambda does not support S3 Accelerate' || msg === 'Accelerate cannot be used with FIPS') {
    return new GeneralError(`Unsupported configuration when using S3: ${msg}`);
  }
  if (
    ['S3 Outposts does not support', 'S3 MRAP does not support', 'S3 Object Lambda does not support', 'Access Points do not support',
      'Invalid configuration:', 'Client was configured for partition'].some((p) => msg.startsWith(p))
  ) {
    return new GeneralError(`Unsupported configuration when using S3 access-points: ${msg}`);
  }
  if (msg.toLowerCase().startsWith('invalid arn:')) return new UsageError(`Parameter validation failed:\n${msg}`);
  // the ruleset quotes the endpoint as given; the SDK hands it a normalized URL
  if (/^Custom endpoint `[\s\S]*` was not a valid URI$/.test(msg) && endpointUrl !== undefined) {
    return new GeneralError(`Custom endpoint \`${endpointUrl}\` was not a valid URI`);
  }
  return new GeneralError(msg);
}


type WireRequest = { protocol: string; hostname: string; port?: number; path: string; query?: Record<string, unknown> };

/** The URL of a call's last attempt as errors show it ('' before any attempt). */
function traceUrl(trace: CallTrace, endpoint: string | undefined): string {
  if (trace.url === undefined && trace.request) trace.url = displayUrl(requestUrl(trace.request), endpoint);
  return trace.url ?? '';
}

function requestUrl(req: WireRequest): string {
  const q = Object.entries(req.query ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))
    .map(([k, v]) => (v === null || v === undefined ? encodeQ(String(k)) : `${encodeQ(String(k))}=${encodeQ(String(v))}`))
    .join('&');
  const port = req.port ? `:${req.port}` : '';
  return `${req.protocol}//${req.hostname}${port}${req.path}${q ? `?${q}` : ''}`;
}

/**
 * The request URL as botocore shows it in errors: the ruleset keeps the endpoint's authority as
 * written (user info, upper case), where Node's URL parser normalizes it.
 */
function displayUrl(url: string, endpoint: string | undefined): string {
  if (endpoint === undefined) return url;
  const raw = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(endpoint)?.[1];
  const sent = /^([a-z]+:\/\/)([^/?#]*)(.*)$/s.exec(url);
  if (raw === undefined || !sent) return url;
  const hostPort = raw.slice(raw.lastIndexOf('@') + 1);
  return hostPort.toLowerCase() === sent[2]!.toLowerCase() ? `${sent[1]}${raw}${sent[3]}` : url;
}

/** botocore _urljoin of the endpoint and the key path (percent-encoded, '/' and '~' kept). */
function joinUrl(base: string, key: string): string {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)/.exec(base);
  const origin = m?.[1] ?? base;
  const basePath = m?.[2] ?? '';
  if (key === '') return origin + (basePath || '/');
  const keyPath = `/${key.split('/').map(encodeQ).join('/')}`;
  return origin + (basePath.endsWith('/') ? basePath.slice(0, -1) : basePath) + keyPath;
}

function encodeQ(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function headerText(h: Record<string, string>): string {
  return `{${Object.entries(h).map(([k, v]) => `'${k}': '${v}'`).join(', ')}}`;
}

export class S3Session {
  private readonly client: S3Client;
  private readonly traces = new WeakMap<object, CallTrace>();
  /** the trace of the request sent last: a call that failed inside a call of the SDK's own (S3 Express's CreateSession) shows its URL */
  private readonly lastSent: { trace?: CallTrace } = {};
  private readonly resolvedCommands = new Map<unknown, ResolvedCommand>();
  private readonly rulesets = new Map<string, { url?: string; unconstructable?: string }>();

  constructor(private readonly cfg: ClientConfig) {
    const agentOptions = {
      keepAlive: cfg.keepAlive,
      maxSockets: cfg.maxSockets ?? 50,
    };
    const httpsAgent =
      cfg.verifySsl && cfg.caProblem !== undefined
        ? new UnusableCaAgent(cfg.caProblem, agentOptions)
        : new HttpsAgent({
            ...agentOptions,
            rejectUnauthorized: cfg.verifySsl,
            ...(cfg.ca !== undefined ? { ca: cfg.ca } : {}),
          });
    const backoff = (attempt: number) => Math.min(Math.random() * 2 ** (attempt - 1), 20) * 1000;
    this.client = new S3Client({
      // an empty region (--region '' or AWS_DEFAULT_REGION='') reaches here only with an endpoint
      // URL, which botocore then uses as is; the SDK refuses an empty region, so it signs for us-east-1
      region: cfg.region || 'us-east-1',
      ...(cfg.endpoint !== undefined ? { endpoint: cfg.endpoint } : {}),
      forcePathStyle: cfg.forcePathStyle,
      useFipsEndpoint: cfg.useFipsEndpoint,
      useDualstackEndpoint: cfg.useDualstackEndpoint,
      useAccelerateEndpoint: cfg.useAccelerateEndpoint,
      // botocore 2.9.19 args.py: AWS::S3::UseArnRegion defaults to true for S3
      useArnRegion: cfg.useArnRegion ?? true,
      disableMultiregionAccessPoints: cfg.disableMultiregionAccessPoints,
      // botocore's S3RegionRedirectorv2 replaces the SDK's redirect handling (see installMiddleware)
      followRegionRedirects: true,
      credentials: cfg.credentials ?? (async () => ({ accessKeyId: 'anonymous', secretAccessKey: 'anonymous' })),
      maxAttempts: cfg.maxAttempts,
      // botocore standard mode: wait random() * 2**(attempt-1) seconds, at most 20
      retryStrategy: new BotocoreRetryStrategy(
        cfg.retryMode === 'adaptive'
          ? new AdaptiveRetryStrategy(async () => cfg.maxAttempts)
          : new ConfiguredRetryStrategy(cfg.maxAttempts, backoff),
        cfg.stopRetries,
      ),
      requestHandler: new NodeHttpHandler({
        httpAgent: new HttpAgent(agentOptions),
        httpsAgent,
        ...(cfg.connectTimeoutMs !== undefined ? { connectionTimeout: cfg.connectTimeoutMs } : {}),
        // botocore's read timeout is the socket's inactivity timeout (urllib3 read timeout), not a
        // limit on the whole request
        ...(cfg.readTimeoutMs !== undefined ? { socketTimeout: cfg.readTimeoutMs } : {}),
      }),
      customUserAgent: cfg.userAgent,
      defaultsMode: 'legacy',
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      disableS3ExpressSessionAuth: cfg.disableS3ExpressSessionAuth === true,
      // settings the SDK would otherwise look up in process.env and ~/.aws by itself
      ignoreConfiguredEndpointUrls: true,
      authSchemePreference: [],
      // undefined: the endpoint's own region set (`*` for a multi-region access point)
      sigv4aSigningRegionSet: async () => undefined,
      userAgentAppId: async () => undefined,
      profile: '__s3abort_resolved_explicitly__',
      logger: { debug() {}, info() {}, warn() {}, error() {}, trace() {} },
    });
    this.installMiddleware();
  }

  private installMiddleware(): void {
    const stack = this.client.middlewareStack;
    const cfg = this.cfg;
    const traces = this.traces;
    const lastSent = this.lastSent;
    // the AWS CLI's model has no `x-id` query parameter; the SDK's does
    stack.add(
      (next) => async (args) => {
        const req = args.request as { query?: Record<string, unknown>; path?: string };
        if (req.query && 'x-id' in req.query) delete req.query['x-id'];
        // a directory bucket through a custom endpoint: the SDK joins the endpoint's `/` and the
        // operation's `/{Key}` into `/bucket//key`; botocore's _urljoin gives `/bucket/key`
        const bucket = (args.input as { Bucket?: unknown }).Bucket;
        if (cfg.endpoint !== undefined && typeof bucket === 'string' && bucket.endsWith('--x-s3') && req.path?.startsWith(`/${bucket}//`)) {
          req.path = `/${bucket}${req.path.slice(bucket.length + 2)}`;
        }
        // botocore writes CreateSession's flag as `?session`, the SDK as `?session=`; and on a
        // path-style endpoint its path as the bucket's, `/bucket` (the SDK sends `/bucket//`)
        if (req.query && req.query.session === '') {
          req.query.session = null;
          if (req.path !== undefined && req.path.length > 1) req.path = req.path.replace(/\/+$/, '') || '/';
        }
        // botocore _urljoin: an empty Key (parameter_validation = false) leaves the endpoint's path
        // as it is, `/bucket` rather than `/bucket/`
        if ((args.input as { Key?: unknown }).Key === '' && req.path !== undefined && req.path.length > 1 && req.path.endsWith('/')) {
          req.path = req.path.slice(0, -1);
        }
        return next(args);
      },
      { step: 'build', name: 's3abortDropXId', priority: 'low' },
    );
    stack.addRelativeTo(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (next: FinalizeHandler<any, any>, context: HandlerExecutionContext) => async (args: FinalizeHandlerArguments<any>) => {
        const req = args.request as {
          method: string; protocol: string; hostname: string; port?: number; path: string;
          query?: Record<string, unknown>; headers: Record<string, string>;
        };
        const trace = traces.get(context as object) ?? { attempts: 0 };
        traces.set(context as object, trace);
        lastSent.trace = trace;
        trace.attempts++;
        if (cfg.credentials === null) {
          // --no-sign-request: botocore's disable_signing sends no signature headers at all
          for (const h of Object.keys(req.headers)) {
            if (['authorization', 'x-amz-date', 'x-amz-content-sha256', 'x-amz-security-token'].includes(h.toLowerCase())) {
              delete req.headers[h];
            }
          }
        }
        // botocore sends Content-Length: 0 on a DELETE without a body
        if (!Object.keys(req.headers).some((h) => h.toLowerCase() === 'content-length')) req.headers['content-length'] = '0';
        trace.url = undefined;
        trace.request = req;
        trace.response = undefined;
        if (cfg.debug.enabled) {
          trace.url = traceUrl(trace, cfg.endpoint);
          cfg.debug.log('botocore.endpoint', `Sending http request: <AWSPreparedRequest stream_output=False, method=${req.method}, url=${trace.url}, headers=${headerText(req.headers)}>`);
        }
        // http.client refuses a value with a bare CR/LF (the parameter headers first, in model order);
        // the AWS CLI sends header values as UTF-8 bytes, Node as latin-1 characters
        // (a value of printable ASCII passes both checks as it is: most, so they are left out)
        const headerNames = Object.keys(req.headers)
          .filter((h) => typeof req.headers[h] !== 'string' || !PLAIN_HEADER_VALUE.test(req.headers[h]))
          .sort((a, b) => headerRank(a) - headerRank(b));
        for (const h of headerNames) {
          const v = String(req.headers[h]);
          if (isIllegalHeaderValue(v)) {
            throw new HttpClientError(`An HTTP Client raised an unhandled exception: Invalid header value ${pyBytesRepr(Buffer.from(v, 'utf8'))}`);
          }
        }
        for (const h of headerNames) {
          const bytes = Buffer.from(String(req.headers[h]), 'utf8');
          // s3abort difference: control characters http.client would send (a folded "\n ", \x01)
          // cannot go through Node's HTTP client, which refuses them; report them like the above
          if (/[^\t\x20-\x7e\x80-\xff]/.test(bytes.toString('latin1'))) {
            throw new HttpClientError(`An HTTP Client raised an unhandled exception: Invalid header value ${pyBytesRepr(bytes)}`);
          }
          req.headers[h] = bytes.toString('latin1');
        }
        const insecure = req.protocol === 'https:' && !cfg.verifySsl;
        try {
          const result = await next(args);
          if (insecure) cfg.onInsecureRequest?.(req.hostname);
          return result;
        } catch (e) {
          const code = (e as { code?: unknown }).code;
          const connected = !(typeof code === 'string' && (NOT_CONNECTED.has(code) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /CERT|SIGNATURE/.test(code)))
            && !/did not establish a connection/.test((e as Error).message ?? '');
          if (insecure && connected) cfg.onInsecureRequest?.(req.hostname);
          // sent and never answered: S3 may have carried it out (a refused connection was not sent)
          if (!trace.response && connected) trace.maybeApplied = true;
          if (cfg.debug.enabled && !trace.response) {
            cfg.debug.log('botocore.endpoint', `Exception received when sending HTTP request: ${(e as Error).name}: ${(e as Error).message}`);
          }
          throw e;
        }
      },
      { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 's3abortWire', override: true },
    );
    // botocore utils.py S3RegionRedirectorv2.redirect_from_error, in place of the SDK's handler (which
    // follows only a 301 with x-amz-bucket-region): a 301/302/307, a PermanentRedirect, or an
    // AuthorizationHeaderMalformed naming the Region is sent again once, for the region the
    // x-amz-bucket-region header or the error's <Region> names. s3abort difference: with neither,
    // botocore asks HEAD /bucket for it, and as that answers with the same redirect it recurses until
    // Python's recursion limit (~100-150 HEAD requests, then "maximum recursion depth exceeded");
    // s3abort reports the redirect as the service error it is.
    stack.add(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (next: any, context: HandlerExecutionContext & { __s3RegionRedirect?: string }) => async (args: any) => {
        try {
          return await next(args);
        } catch (err) {
          const res = traces.get(context as object)?.response;
          const bucket = (args.input as { Bucket?: unknown }).Bucket;
          if (context.__s3RegionRedirect !== undefined || !res || res.status < 300 || (typeof bucket === 'string' && isArn(bucket))) throw err;
          const parsed = parseS3Error(res.status, res.bytes);
          const redirect =
            [301, 302, 307].includes(res.status) ||
            parsed.code === 'PermanentRedirect' ||
            (parsed.code === 'AuthorizationHeaderMalformed' && parsed.fields.Region !== undefined);
          if (!redirect) throw err;
          const header = res.headers['x-amz-bucket-region'];
          const region = header ?? (parsed.fields.Region !== undefined && parsed.fields.Region !== null ? parsed.fields.Region : undefined);
          if (typeof region !== 'string') throw err;
          context.__s3RegionRedirect = region;
          continueAttempts(context, traces.get(context as object)?.attempts ?? 1);
          return next(args);
        }
      },
      { step: 'initialize', name: 'regionRedirectMiddleware', override: true, tags: ['REGION_REDIRECT', 'S3'] },
    );
    // inside the deserializer: the raw response of every attempt, before the SDK parses it
    stack.add(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (next: DeserializeHandler<any, any>, context: HandlerExecutionContext) => async (args: DeserializeHandlerArguments<any>) => {
        const out = await next(args);
        const trace = traces.get(context as object);
        const res = out.response as { statusCode: number; headers: Record<string, string>; body?: unknown };
        const bytes = await readResponseBody(res.body);
        // the SDK takes the bytes as they are (its collectBody): a view of our own, because it
        // changes the prototype of what it is given
        res.body = bytes.length ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) : new Uint8Array();
        const raw = { status: res.statusCode, headers: res.headers, body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'), bytes };
        if (trace) {
          trace.response = raw;
          if ([500, 502, 504].includes(raw.status)) trace.maybeApplied = true;
        }
        if (cfg.debug.enabled) {
          cfg.debug.log('botocore.parsers', `Response headers: ${headerText(res.headers)}`);
          cfg.debug.log('botocore.parsers', `Response body:\n${raw.body}`);
          if (res.statusCode >= 300 && isRetryableResponse(raw) && trace && trace.attempts < cfg.maxAttempts) {
            cfg.debug.log('botocore.retries.standard', `Retry needed, retrying request after delay (attempt ${trace.attempts} of ${cfg.maxAttempts})`);
          }
        }
        if (res.statusCode < 300 && bytes.length > 0) {
          // botocore parses every non-empty body of a success as XML (RestXMLParser._initial_body_parse)
          const doc = parseXml(bytes);
          if (!doc.ok) {
            throw new UnreadableResponseError(`Unable to parse response (${doc.error}), invalid XML received. Further retries may succeed:\n${pyBytesRepr(bytes)}`, res.statusCode);
          }
        }
        return out;
      },
      { step: 'deserialize', name: 's3abortRawResponse', priority: 'low' },
    );
  }

  /** Translates an SDK failure into the AWS CLI's error and exit code. */
  private toCliError(err: unknown, operation: string, trace: CallTrace | undefined): Error {
    const e = err as Error & { $metadata?: { attempts?: number; httpStatusCode?: number }; code?: string; name: string };
    if (e instanceof GeneralError || (e as { exitCode?: number }).exitCode !== undefined) return e;
    const res = trace?.response;
    if (res && res.status >= 300) {
      const parsed = parseS3Error(res.status, res.bytes);
      // awscli customizations/s3errormsg.py runs on every error (after-call): it reads
      // Error.get('Message', '') with `in`, so an empty <Message/> (None) crashes it
      const checked = parsed.fields.Message === undefined ? '' : parsed.fields.Message;
      if (checked === null) return new GeneralError("argument of type 'NoneType' is not iterable");
      let messageValue: XmlValue | undefined = parsed.message;
      if (typeof checked === 'string' && checked.includes('Please use AWS4-HMAC-SHA256')) {
        messageValue = `You are attempting to operate on a bucket in a region that requires Signature Version 4.  ${REGION_ERROR_MSG}`;
      } else if (parsed.code === 'PermanentRedirect') {
        // parsed['Error']['Endpoint'] and ['Message']: a KeyError when missing
        if (parsed.fields.Endpoint === undefined) return new GeneralError("'Endpoint'");
        const m = parsed.fields.Message;
        if (m === undefined) return new GeneralError("'Message'");
        messageValue = `${Array.from(xmlStr(m)).slice(0, -1).join('')}: ${xmlStr(parsed.fields.Endpoint)}\n${REGION_ERROR_MSG}`;
      } else if (typeof checked === 'string' && checked.includes('AWS KMS managed keys require AWS Signature Version 4')) {
        messageValue = `${checked}${ENABLE_SIGV4_MSG}`;
      }
      // client.py: exceptions.from_code(code) looks the code up in a dict
      if (parsed.code !== undefined && parsed.code !== null && typeof parsed.code === 'object') {
        return new GeneralError("unhashable type: 'dict'");
      }
      // ClientError: Error.get('Code', 'Unknown'), Error.get('Message', 'Unknown')
      const code = parsed.code === undefined ? 'Unknown' : xmlStr(parsed.code);
      const message = messageValue === undefined ? 'Unknown' : xmlStr(messageValue);
      const attempts = trace?.attempts ?? 1;
      const exhausted = isRetryableResponse(res) && attempts >= this.cfg.maxAttempts;
      const retry = exhausted ? ` (reached max retries: ${attempts - 1})` : '';
      return new ServiceError(code, message, res.status,
        `An error occurred (${code}) when calling the ${operation} operation${retry}: ${message}`,
        attempts, trace?.maybeApplied === true);
    }
    const url = trace ? traceUrl(trace, this.cfg.endpoint) : '';
    const sysCode = (e as { code?: string }).code ?? '';
    const name = e.name ?? '';
    const applied = trace?.maybeApplied === true;
    if (name === 'AbortError') return new TransportError('The request was cancelled.', 'cancelled', applied);
    if (e instanceof HttpClientError) return new GeneralError(e.message);
    // the HTTP handler names a reset connection TimeoutError too: look at the system code first
    if (['ECONNRESET', 'EPIPE'].includes(sysCode) || /socket hang up/i.test(e.message ?? '')) {
      return new TransportError(`Connection was closed before we received a valid response from endpoint URL: "${url}".`, 'reset', applied);
    }
    if (name === 'TimeoutError' || /timeout|timed out/i.test(e.message ?? '')) {
      if (/did not establish a connection/i.test(e.message ?? '') || sysCode === 'ETIMEDOUT') {
        return new TransportError(`Connect timeout on endpoint URL: "${url}"`, 'connect', applied);
      }
      return new TransportError(`Read timeout on endpoint URL: "${url}"`, 'timeout', applied);
    }
    const ssl = sysCode === 'S3ABORT_CA_BUNDLE' ? e.message : sslReason(sysCode, e.message ?? '');
    if (ssl) return new TransportError(`SSL validation failed for ${url} ${ssl}`, 'tls', applied);
    if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL'].includes(sysCode)) {
      return new TransportError(`Could not connect to the endpoint URL: "${url}"`, 'connect', applied);
    }
    if (res && res.status < 300) {
      // a success status whose body could not be parsed
      return new UnreadableResponseError(`Unable to parse response (${(e.message || name).split('\n')[0]}), invalid XML received. Further retries may succeed:\n${res.body}`, res.status);
    }
    if (url) return new TransportError(`Could not connect to the endpoint URL: "${url}"`, 'connect', applied);
    return new GeneralError(e.message || name);
  }

  private async call<T>(operation: string, command: object, signal?: AbortSignal): Promise<T> {
    return (await this.callTraced<T>(operation, command, signal)).output;
  }

  /** call(), with what the last attempt saw on the wire. */
  private async callTraced<T>(operation: string, command: object, signal?: AbortSignal): Promise<{ output: T; trace: CallTrace | undefined }> {
    const { factories, context: template } = this.resolveCommand(command);
    // what client.send() builds for every call: its own context (the middleware keep per-call
    // state there: endpoint, auth scheme, region redirect, our trace) and the abort signal
    const smithy = template[SMITHY_CONTEXT_KEY] as Record<string, unknown> | undefined;
    const context: Record<string, unknown> = {
      ...template,
      [SMITHY_CONTEXT_KEY]: { ...smithy, commandInstance: command, ...(signal ? { abortSignal: signal } : {}) },
    };
    const requestOptions = signal ? { abortSignal: signal } : {};
    const requestHandler = this.client.config.requestHandler as { handle: (r: unknown, o: object) => Promise<unknown> };
    let handler: MiddlewareHandler = (args) => requestHandler.handle((args as { request: unknown }).request, requestOptions);
    for (const factory of factories) handler = factory(handler, context);
    try {
      const { output } = (await handler(command)) as { output: T };
      return { output, trace: this.traces.get(context) };
    } catch (err) {
      // nothing of this call was sent: it failed in one the SDK made for it (CreateSession)
      throw this.toCliError(err, operation, this.traces.get(context) ?? this.lastSent.trace);
    }
  }

  /**
   * The command's middleware in the order client.send() would run them, worked out once per
   * command class: send() concatenates and sorts the client's and the command's stacks on every
   * call (a tenth of a bulk run's CPU), and its own handler cache (cacheMiddleware) would share one
   * context between concurrent calls and take no abort signal. The stacks are not changed after the
   * first call, so the order cannot change; every call still gets fresh middleware closures.
   */
  private resolveCommand(command: object): ResolvedCommand {
    const ctor = command.constructor;
    const known = this.resolvedCommands.get(ctor);
    if (known) return known;
    let resolved: ResolvedCommand | undefined;
    const clientStack = this.client.middlewareStack as unknown as MiddlewareStackLike;
    // send() calls command.resolveMiddleware(clientStack, config, options), which adds the
    // command's plugins to its own stack, concatenates that to the client's and resolves it
    // with the context it built: this stand-in for the client's stack records both instead
    const recordingStack = new Proxy(clientStack, {
      get: (target, prop, receiver) => {
        if (prop !== 'concat') return Reflect.get(target, prop, receiver);
        return (from: MiddlewareStackLike) => {
          const combined = target.concat(from);
          const order: MiddlewareFactory[] = [];
          const recorder = constructStack() as unknown as MiddlewareStackLike;
          const tag = (mw: MiddlewareFactory): MiddlewareFactory => (next) => {
            order.push(mw);
            return next;
          };
          // the options carry the middleware too, and win over the first argument
          combined.applyToStack({
            add: (mw: MiddlewareFactory, o: object) => {
              const t = tag(mw);
              recorder.add(t, { ...o, middleware: t });
            },
            addRelativeTo: (mw: MiddlewareFactory, o: object) => {
              const t = tag(mw);
              recorder.addRelativeTo(t, { ...o, middleware: t });
            },
          });
          return {
            resolve: (terminal: MiddlewareHandler, context: Record<string, unknown>) => {
              recorder.resolve(terminal, context);
              resolved = { factories: order, context };
              return terminal;
            },
          };
        };
      },
    });
    // botocore keeps the status of a 200 that carries <Error> for this operation (botocore-attempts.ts);
    // added to the first command of its class, it is recorded with the rest and used by every call
    keepSuccessStatus((command as { middlewareStack: unknown }).middlewareStack as never);
    (command as { resolveMiddleware: (s: unknown, c: unknown, o: unknown) => unknown }).resolveMiddleware(recordingStack, this.client.config, undefined);
    if (!resolved) throw new Error(`the middleware stack of ${String((ctor as { name?: string }).name)} could not be resolved`);
    this.resolvedCommands.set(ctor, resolved);
    return resolved;
  }

  /**
   * botocore handlers.py customize_endpoint_resolver_builtins: an ARN bucket never uses path-style
   * addressing, whatever the configuration or a custom endpoint says.
   */
  private useAddressingFor(bucket: string): void {
    (this.client.config as { forcePathStyle?: boolean }).forcePathStyle = this.cfg.forcePathStyle && !isArn(bucket);
  }

  /**
   * The endpoint ruleset run the way botocore runs it: the parameters of the call and the client
   * (an ARN bucket never path-style, the endpoint URL as the user wrote it), without the SDK's own
   * S3 pre-checks, whose ARN messages differ from the ruleset's. Returns the URL the ruleset built,
   * or `unconstructable` when it is one Python accepts and Node's URL parser refuses (an access
   * point host prefixed to an IP address endpoint): botocore then fails to connect to it.
   */
  private async runRuleset(input: { Bucket: string; Key?: string }): Promise<{ url?: string; unconstructable?: string }> {
    this.useAddressingFor(input.Bucket);
    // the rest of the parameters come from the session's configuration, and the ruleset reads no
    // Key (the SDK's own endpoint cache leaves it out of its key): one run per bucket is enough
    const known = this.rulesets.get(input.Bucket);
    if (known) return known;
    // a multi-region access point or an Outposts ARN is signed with SigV4a (AWS CLI 2.36): the
    // SDK's pure-JavaScript signer registers itself when it is imported
    if (isArn(input.Bucket)) await import('@aws-sdk/signature-v4a');
    const result = await this.runRulesetOnce(input);
    this.rulesets.set(input.Bucket, result);
    return result;
  }

  private async runRulesetOnce(input: { Bucket: string; Key?: string }): Promise<{ url?: string; unconstructable?: string }> {
    const config = this.client.config as unknown as Record<string, unknown> & { endpointProvider: (p: object) => { url: URL } };
    // the endpoint URL goes to the ruleset as written (its parseURL refuses what Python cannot read)
    const params = (await resolveParams(input, AbortMultipartUploadCommand as never, {
      ...config,
      serviceId: 'botocore-s3',
      endpoint: undefined,
    } as never)) as Record<string, unknown>;
    if (this.cfg.endpoint !== undefined) params.Endpoint = this.cfg.endpoint;
    // the SDK's URL builder logs to console.error before it throws
    const consoleError = console.error;
    console.error = () => {};
    try {
      return { url: config.endpointProvider(params).url.href };
    } catch (e) {
      if ((e as { code?: unknown }).code === 'ERR_INVALID_URL') return { unconstructable: String((e as { input?: unknown }).input ?? '') };
      throw endpointRulesetError((e as Error).message ?? String(e), this.cfg.endpoint);
    } finally {
      console.error = consoleError;
    }
  }

  /**
   * Runs the endpoint ruleset for these parameters, as botocore does before it builds and validates
   * the request (client.py _make_api_call); its failures are worded as the AWS CLI words them.
   */
  async resolveEndpoint(input: { Bucket: string; Key?: string }): Promise<void> {
    await this.runRuleset(input);
  }

  async abortMultipartUpload(input: AbortInput, signal?: AbortSignal): Promise<{ RequestCharged?: string }> {
    const ruleset = await this.runRuleset(input);
    if (ruleset.unconstructable !== undefined) {
      throw new GeneralError(`Could not connect to the endpoint URL: "${joinUrl(ruleset.unconstructable, input.Key)}?uploadId=${encodeQ(input.UploadId)}"`);
    }
    const out = await this.call<{ RequestCharged?: string }>('AbortMultipartUpload', new AbortMultipartUploadCommand(input as never), signal);
    return out.RequestCharged !== undefined ? { RequestCharged: out.RequestCharged } : {};
  }

  async listMultipartUploads(
    input: { Bucket: string; Prefix?: string; KeyMarker?: string; UploadIdMarker?: string; MaxUploads?: number; RequestPayer?: string; ExpectedBucketOwner?: string },
    signal?: AbortSignal,
  ): Promise<UploadPage> {
    this.useAddressingFor(input.Bucket);
    const { output: out, trace } = await this.callTraced<{
      Uploads?: { Key?: string; UploadId?: string; Initiated?: Date }[];
      IsTruncated?: boolean; NextKeyMarker?: string; NextUploadIdMarker?: string;
    }>('ListMultipartUploads', new ListMultipartUploadsCommand(input as never), signal);
    // S3's clock, against which the bulk run measures ages (HTTP dates have whole seconds)
    const date = trace?.response?.headers.date;
    const serverDate = date !== undefined ? new Date(date) : undefined;
    return {
      ...(serverDate && !Number.isNaN(serverDate.getTime()) ? { serverDate } : {}),
      uploads: (out.Uploads ?? []).map((u) => ({ Key: u.Key ?? '', UploadId: u.UploadId ?? '', ...(u.Initiated ? { Initiated: u.Initiated } : {}) })),
      truncated: out.IsTruncated === true,
      ...(out.NextKeyMarker !== undefined ? { nextKeyMarker: out.NextKeyMarker } : {}),
      ...(out.NextUploadIdMarker !== undefined ? { nextUploadIdMarker: out.NextUploadIdMarker } : {}),
    };
  }

  async listParts(
    input: { Bucket: string; Key: string; UploadId: string; RequestPayer?: string; ExpectedBucketOwner?: string },
    signal?: AbortSignal,
  ): Promise<{ parts: number }> {
    this.useAddressingFor(input.Bucket);
    const out = await this.call<{ Parts?: unknown[] }>('ListParts', new ListPartsCommand(input as never), signal);
    return { parts: out.Parts?.length ?? 0 };
  }

  destroy(): void {
    this.client.destroy();
  }
}

function sslReason(code: string, message: string): string | undefined {
  // the OpenSSL reason as Python's ssl module words it
  const verify = (why: string) => `[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${why} (_ssl.c:992)`;
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return verify('self-signed certificate');
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return verify('self-signed certificate in certificate chain');
    // a leaf whose issuer is unknown: Node reports error 21, Python's ssl module error 20
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return verify('unable to get local issuer certificate');
    case 'CERT_HAS_EXPIRED':
      return verify('certificate has expired');
    case 'CERT_NOT_YET_VALID':
      return verify('certificate is not yet valid');
    case 'ERR_TLS_CERT_ALTNAME_INVALID': {
      const host = /Host: ([^ .]+(?:\.[^ .]+)*)\. /.exec(message)?.[1] ?? '';
      return `[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for '${host}'. (_ssl.c:992)`;
    }
    case 'EPROTO':
      if (/wrong version number/i.test(message)) return '[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:992)';
      return `[SSL] ${message}`;
    default:
      if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return `[SSL] ${message}`;
      return undefined;
  }
}
