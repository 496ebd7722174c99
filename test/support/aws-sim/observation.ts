// What a golden holds for one command of a case, made from the namespace's result: exit code,
// stdout, stderr, and every request each service and proxy saw, with what changes from run to run
// (dates, signatures, invocation ids, DPoP proofs) masked and the signing facts pulled out of
// the Authorization header: algorithm, key id, scope, signed headers, region set.
import { FAKE } from './fake-credentials.js';
import type { DnsQuery, ProxyEntry, SimRequest } from './sim-log.js';
import type { CommandResult } from './spec.js';

export interface SigningView {
  /** AWS4-HMAC-SHA256 (SigV4), AWS4-ECDSA-P256-SHA256 (SigV4a), or another scheme's first word. */
  algorithm: string;
  accessKeyId: string;
  /** SigV4: region/service; SigV4a: service (the region set is in X-Amz-Region-Set). */
  scope: string;
  signedHeaders: string;
}

export interface RequestRecord {
  service: string;
  listener: string;
  sni?: string;
  method: string;
  host: string;
  path: string;
  query: string;
  status: number;
  /** Headers, lower-cased, volatile values masked. */
  headers: Record<string, string>;
  body: string;
  signing?: SigningView;
  /** Which fake source's session token the request carried (x-amz-security-token). */
  securityTokenOf?: string;
  notes: string[];
}

export interface SimObservation {
  command: string;
  code: number | null;
  timedOut: boolean;
  stdout: string;
  /** The whole stderr, or only the lines matching the case's stderrKeep. */
  stderr: string;
  /** How many lines stderr had before any filtering. */
  stderrLines: number;
  /** Which of the case's watched strings (a proxy password...) appear in stdout or stderr. */
  watchedSeen: string[];
  requests: RequestRecord[];
  proxy: ProxyEntry[];
  /** With S3 from moto: whether each of the case's uploads was still there afterwards. */
  uploadsAfter?: Array<'present' | 'absent'>;
  /** Names the CLI looked up that the hosts file did not map. */
  dns: Array<Omit<DnsQuery, 'seq'>>;
  durationMs: number;
}

const AUTH = /^(\S+) Credential=([^/,]+)\/(\d{8})\/([^,]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/;

export function parseAuthorization(h: string): SigningView | undefined {
  const m = AUTH.exec(h.trim());
  if (!m) return undefined;
  return { algorithm: m[1]!, accessKeyId: m[2]!, scope: m[4]!, signedHeaders: m[5]! };
}

function tokenSource(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  for (const [name, c] of Object.entries(FAKE)) if (c.sessionToken === token) return name;
  return 'unknown';
}

const MASKED: Record<string, (v: string) => string> = {
  'x-amz-date': () => '{amz-date}',
  date: () => '{date}',
  'amz-sdk-invocation-id': () => '{invocation-id}',
  dpop: () => '{dpop}',
  authorization: (v) => v.replace(/\/\d{8}\//, '/{yyyymmdd}/').replace(/Signature=[0-9a-f]+/, 'Signature={signature}'),
};

export function recordRequest(r: SimRequest): RequestRecord {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) headers[k] = MASKED[k]?.(v) ?? v;
  const signing = r.headers.authorization !== undefined ? parseAuthorization(r.headers.authorization) : undefined;
  const token = tokenSource(r.headers['x-amz-security-token']);
  return {
    service: r.service,
    listener: r.listener,
    ...(r.sni !== undefined ? { sni: r.sni } : {}),
    method: r.method,
    host: r.host,
    path: r.path,
    query: r.query,
    status: r.status,
    headers,
    body: r.body,
    ...(signing ? { signing } : {}),
    ...(token ? { securityTokenOf: token } : {}),
    notes: r.notes,
  };
}

export interface ObserveOptions {
  stderrKeep?: string;
  watch?: readonly string[];
}

export function observe(
  command: string,
  r: CommandResult,
  log: { requests: SimRequest[]; proxy: ProxyEntry[]; dns: DnsQuery[] },
  opts: ObserveOptions = {},
  uploadsAfter?: Array<'present' | 'absent'>,
): SimObservation {
  if (r.error) throw new Error(`${command} could not run: ${r.error}`);
  const lines = r.stderr.split('\n');
  const keep = opts.stderrKeep !== undefined ? new RegExp(opts.stderrKeep, 'i') : undefined;
  const everything = r.stdout + r.stderr;
  return {
    command,
    code: r.code,
    timedOut: r.timedOut,
    stdout: r.stdout,
    stderr: keep ? lines.filter((l) => keep.test(l)).join('\n') : r.stderr,
    stderrLines: r.stderr === '' ? 0 : lines.length - (r.stderr.endsWith('\n') ? 1 : 0),
    watchedSeen: (opts.watch ?? []).filter((w) => everything.includes(w)),
    requests: log.requests.map(recordRequest),
    proxy: log.proxy.map((p) => ({ ...p })),
    ...(uploadsAfter ? { uploadsAfter } : {}),
    dns: log.dns.map(({ name, type }) => ({ name, type })),
    durationMs: r.durationMs,
  };
}
