// The only module that imports the AWS SDK. It is loaded lazily (dynamic import) once a request is
// really going to be sent, so --version, skeletons and usage errors never pay for it.
//
// The SDK is given explicit values for everything, so it never reads process.env or ~/.aws itself;
// a few middlewares make the request on the wire equal the AWS CLI's (no `x-id` query parameter,
// `Content-Length: 0`, unsigned with --no-sign-request) and record each attempt's raw response so
// that errors can be worded exactly as botocore words them.

import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { AdaptiveRetryStrategy, ConfiguredRetryStrategy } from '@smithy/core/retry';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type {
  DeserializeHandler, DeserializeHandlerArguments, FinalizeHandler, FinalizeHandlerArguments, HandlerExecutionContext,
} from '@smithy/types';
import type { DebugLog } from '../debug.js';
import { GeneralError, ServiceError } from '../errors.js';
import { reasonPhrase } from './http-status.js';
import { parseXmlError } from './xml-error.js';

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
  /** null: send unsigned requests (--no-sign-request) */
  credentials: (() => Promise<Credentials>) | null;
  maxAttempts: number;
  retryMode: 'standard' | 'adaptive';
  /** undefined: no timeout */
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
  ca?: string;
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
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What one call saw on the wire: the URL of the last attempt and its raw response. */
interface CallTrace {
  url?: string;
  response?: RawResponse;
  attempts: number;
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
  if ([500, 502, 503, 504].includes(r.status)) return true;
  const code = parseXmlError(r.body)?.code;
  return code !== undefined && (THROTTLING.has(code) || TRANSIENT.has(code));
}

async function readBody(body: unknown): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  const chunks: Buffer[] = [];
  for await (const c of body as AsyncIterable<Buffer | string>) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks);
}

function requestUrl(req: { protocol: string; hostname: string; port?: number; path: string; query?: Record<string, unknown> }): string {
  const q = Object.entries(req.query ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))
    .map(([k, v]) => (v === null || v === undefined ? encodeQ(String(k)) : `${encodeQ(String(k))}=${encodeQ(String(v))}`))
    .join('&');
  const port = req.port ? `:${req.port}` : '';
  return `${req.protocol}//${req.hostname}${port}${req.path}${q ? `?${q}` : ''}`;
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

  constructor(private readonly cfg: ClientConfig) {
    const agentOptions = {
      keepAlive: cfg.keepAlive,
      maxSockets: cfg.maxSockets ?? 50,
    };
    const httpsAgent = new HttpsAgent({
      ...agentOptions,
      rejectUnauthorized: cfg.verifySsl,
      ...(cfg.ca !== undefined ? { ca: cfg.ca } : {}),
    });
    const backoff = (attempt: number) => Math.min(Math.random() * 2 ** (attempt - 1), 20) * 1000;
    this.client = new S3Client({
      region: cfg.region,
      ...(cfg.endpoint !== undefined ? { endpoint: cfg.endpoint } : {}),
      forcePathStyle: cfg.forcePathStyle,
      useFipsEndpoint: cfg.useFipsEndpoint,
      useDualstackEndpoint: cfg.useDualstackEndpoint,
      useAccelerateEndpoint: cfg.useAccelerateEndpoint,
      useArnRegion: cfg.useArnRegion ?? false,
      disableMultiregionAccessPoints: cfg.disableMultiregionAccessPoints,
      followRegionRedirects: true,
      credentials: cfg.credentials ?? (async () => ({ accessKeyId: 'anonymous', secretAccessKey: 'anonymous' })),
      maxAttempts: cfg.maxAttempts,
      // botocore standard mode: wait random() * 2**(attempt-1) seconds, at most 20
      retryStrategy:
        cfg.retryMode === 'adaptive'
          ? new AdaptiveRetryStrategy(async () => cfg.maxAttempts)
          : new ConfiguredRetryStrategy(cfg.maxAttempts, backoff),
      requestHandler: new NodeHttpHandler({
        httpAgent: new HttpAgent(agentOptions),
        httpsAgent,
        ...(cfg.connectTimeoutMs !== undefined ? { connectionTimeout: cfg.connectTimeoutMs } : {}),
        ...(cfg.readTimeoutMs !== undefined ? { requestTimeout: cfg.readTimeoutMs } : {}),
      }),
      customUserAgent: cfg.userAgent,
      defaultsMode: 'legacy',
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      disableS3ExpressSessionAuth: false,
      // settings the SDK would otherwise look up in process.env and ~/.aws by itself
      ignoreConfiguredEndpointUrls: true,
      authSchemePreference: [],
      sigv4aSigningRegionSet: [],
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
    // the AWS CLI's model has no `x-id` query parameter; the SDK's does
    stack.add(
      (next) => async (args) => {
        const req = args.request as { query?: Record<string, unknown> };
        if (req.query && 'x-id' in req.query) delete req.query['x-id'];
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
        trace.url = requestUrl(req);
        trace.response = undefined;
        if (cfg.debug.enabled) {
          cfg.debug.log('botocore.endpoint', `Sending http request: <AWSPreparedRequest stream_output=False, method=${req.method}, url=${trace.url}, headers=${headerText(req.headers)}>`);
        }
        if (req.protocol === 'https:' && !cfg.verifySsl) cfg.onInsecureRequest?.(req.hostname);
        try {
          return await next(args);
        } catch (e) {
          if (cfg.debug.enabled && !trace.response) {
            cfg.debug.log('botocore.endpoint', `Exception received when sending HTTP request: ${(e as Error).name}: ${(e as Error).message}`);
          }
          throw e;
        }
      },
      { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 's3abortWire', override: true },
    );
    // inside the deserializer: the raw response of every attempt, before the SDK parses it
    stack.add(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (next: DeserializeHandler<any, any>, context: HandlerExecutionContext) => async (args: DeserializeHandlerArguments<any>) => {
        const out = await next(args);
        const trace = traces.get(context as object);
        const res = out.response as { statusCode: number; headers: Record<string, string>; body?: unknown };
        const bytes = await readBody(res.body);
        res.body = Readable.from(bytes.length ? [Buffer.from(bytes)] : []);
        const raw = { status: res.statusCode, headers: res.headers, body: Buffer.from(bytes).toString('utf8') };
        if (trace) trace.response = raw;
        if (cfg.debug.enabled) {
          cfg.debug.log('botocore.parsers', `Response headers: ${headerText(res.headers)}`);
          cfg.debug.log('botocore.parsers', `Response body:\n${raw.body}`);
          if (res.statusCode >= 300 && isRetryableResponse(raw) && trace && trace.attempts < cfg.maxAttempts) {
            cfg.debug.log('botocore.retries.standard', `Retry needed, retrying request after delay (attempt ${trace.attempts} of ${cfg.maxAttempts})`);
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
      const parsed = parseXmlError(res.body);
      const code = parsed ? parsed.code ?? 'Unknown' : String(res.status);
      let message = parsed ? parsed.message ?? 'Unknown' : reasonPhrase(res.status);
      if (parsed && code === 'PermanentRedirect' && parsed.fields.Endpoint !== undefined) {
        // awscli customizations/s3errormsg.py
        message =
          `${message.slice(0, -1)}: ${parsed.fields.Endpoint}\n` +
          'You can fix this issue by explicitly providing the correct region location using the --region argument, ' +
          'the AWS_DEFAULT_REGION environment variable, or the region variable in the AWS CLI configuration file.  ' +
          'You can get the bucket\'s location by running "aws s3api get-bucket-location --bucket BUCKET".';
      } else if (message.includes('Please use AWS4-HMAC-SHA256')) {
        message =
          'You are attempting to operate on a bucket in a region that requires Signature Version 4.  ' +
          'You can fix this issue by explicitly providing the correct region location using the --region argument, ' +
          'the AWS_DEFAULT_REGION environment variable, or the region variable in the AWS CLI configuration file.  ' +
          'You can get the bucket\'s location by running "aws s3api get-bucket-location --bucket BUCKET".';
      }
      const attempts = trace?.attempts ?? 1;
      const exhausted = isRetryableResponse(res) && attempts >= this.cfg.maxAttempts;
      const retry = exhausted ? ` (reached max retries: ${attempts - 1})` : '';
      return new ServiceError(code, message, res.status,
        `An error occurred (${code}) when calling the ${operation} operation${retry}: ${message}`);
    }
    const url = trace?.url ?? '';
    const sysCode = (e as { code?: string }).code ?? '';
    const name = e.name ?? '';
    if (name === 'AbortError') return e;
    if (name === 'TimeoutError' || /timeout/i.test(e.message ?? '')) {
      if (/connect/i.test(e.message ?? '') || sysCode === 'ETIMEDOUT') return new GeneralError(`Connect timeout on endpoint URL: "${url}"`);
      return new GeneralError(`Read timeout on endpoint URL: "${url}"`);
    }
    const ssl = sslReason(sysCode, e.message ?? '');
    if (ssl) return new GeneralError(`SSL validation failed for ${url} ${ssl}`);
    if (['ECONNRESET', 'EPIPE'].includes(sysCode) || /socket hang up/i.test(e.message ?? '')) {
      return new GeneralError(`Connection was closed before we received a valid response from endpoint URL: "${url}".`);
    }
    if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL'].includes(sysCode)) {
      return new GeneralError(`Could not connect to the endpoint URL: "${url}"`);
    }
    if (res && res.status < 300) {
      // a success status whose body could not be parsed
      return new GeneralError(`Unable to parse response (${(e.message || name).split('\n')[0]}), invalid XML received. Further retries may succeed:\n${res.body}`);
    }
    if (url) return new GeneralError(`Could not connect to the endpoint URL: "${url}"`);
    return new GeneralError(e.message || name);
  }

  private async call<T>(operation: string, command: { middlewareStack: unknown }, signal?: AbortSignal): Promise<T> {
    let trace: CallTrace | undefined;
    type Handler = (a: unknown) => Promise<unknown>;
    const stack = (command as unknown as {
      middlewareStack: { add: (mw: (next: Handler, context: object) => Handler, opts: object) => void };
    }).middlewareStack;
    stack.add(
      (next: Handler, context: object) => async (args: unknown) => {
        try {
          return await next(args);
        } finally {
          trace = this.traces.get(context);
        }
      },
      { step: 'initialize', name: 's3abortTrace', priority: 'high' },
    );
    try {
      return (await this.client.send(command as never, signal ? { abortSignal: signal } : {})) as T;
    } catch (err) {
      throw this.toCliError(err, operation, trace);
    }
  }

  async abortMultipartUpload(input: AbortInput, signal?: AbortSignal): Promise<{ RequestCharged?: string }> {
    const out = await this.call<{ RequestCharged?: string }>('AbortMultipartUpload', new AbortMultipartUploadCommand(input as never), signal);
    return out.RequestCharged !== undefined ? { RequestCharged: out.RequestCharged } : {};
  }

  async listMultipartUploads(
    input: { Bucket: string; Prefix?: string; KeyMarker?: string; UploadIdMarker?: string; MaxUploads?: number; RequestPayer?: string; ExpectedBucketOwner?: string },
    signal?: AbortSignal,
  ): Promise<UploadPage> {
    const out = await this.call<{
      Uploads?: { Key?: string; UploadId?: string; Initiated?: Date }[];
      IsTruncated?: boolean; NextKeyMarker?: string; NextUploadIdMarker?: string;
    }>('ListMultipartUploads', new ListMultipartUploadsCommand(input as never), signal);
    return {
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
