// The conformance harness (../shared/conformance/harness.py) in TypeScript: the same case format,
// placeholders, servers, observations and comparison rules, so that a case passes here exactly
// when `harness.py check` passes it. defineConformanceSuite() turns a cases file and its goldens
// into one vitest test per case; the public cases use it, and so can any later case file.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { setupUploads, startMoto, uploadExists, type MotoServer } from './moto.js';
import { startStub, type StubRequest, type StubResponse, type StubServer } from './stub-server.js';
import { runMain } from './run-main.js';
import {
  ACCESS_KEY,
  BUILT_ENTRY,
  SECRET_KEY,
  makeTmp,
  runCli,
  signalNumber,
  writeFiles,
} from './run-cli.js';

// ---------------------------------------------------------------- the case format

/** A response in a case's `stub` script (harness.py's Stub: `delay` is in seconds). */
export interface CaseStubResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  delay?: number;
  drop?: boolean;
  /** Extensions of this runner (the Python stub has neither). */
  delayMs?: number;
  hang?: boolean;
}

export interface CompareSpec {
  stdout?: 'exact' | 'json' | false;
  stderr?: 'lines' | 'first' | 'upto' | 'nonempty' | false;
  upto?: string;
  rc?: boolean;
  effect?: boolean;
  requests?: boolean | 'count';
}

export interface ConformanceCase {
  id: string;
  doc?: string;
  args: string[];
  /** moto (default), stub, or none (endpoint http://127.0.0.1:9). */
  server?: 'moto' | 'stub' | 'none';
  /** Object key; default `k/object.bin`. */
  key?: string;
  /** moto: create the bucket and upload(s) first (default true). */
  upload?: boolean;
  /** moto: parts of 16 bytes per upload (default 0). */
  parts?: number;
  /** moto: how many uploads of the key (default 1). */
  uploads?: number;
  /** Files written under {tmp} (after placeholder substitution). */
  files?: Record<string, string>;
  env?: Record<string, string | null>;
  stdin?: string;
  stub?: CaseStubResponse[];
  /** Seconds before the run is killed and recorded as rc "timeout"; default 60. */
  timeout?: number;
  compare?: CompareSpec;
  /** Which reference recorded the golden (record mode only). */
  ref?: string;
  /** Record mode only: what s3abort does where the AWS CLI is plainly wrong. */
  expect?: Partial<Observation>;
}

/** A request as the harness records it: the filtered headers plus `signed`. */
export interface ObservedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | boolean>;
}

/** What one run showed; the goldens hold the reference's. */
export interface Observation {
  rc: number | 'timeout';
  stdout: string;
  stderr: string;
  wall?: number;
  secret_leaked: boolean;
  upload_after?: 'present' | 'absent';
  requests?: ObservedRequest[];
  deliberate_difference?: string;
}

export type Goldens = Record<string, Observation>;

export function loadCases(...paths: string[]): ConformanceCase[] {
  return paths.flatMap((p) => JSON.parse(readFileSync(p, 'utf8')) as ConformanceCase[]);
}

export function loadGoldens(path: string): Goldens {
  return JSON.parse(readFileSync(path, 'utf8')) as Goldens;
}

// ---------------------------------------------------------------- placeholders

/** Placeholder → value, in the harness's insertion order (substitution is sequential). */
export type Context = Record<string, string>;

/** harness.py subst(): replaces {name} in every string of a JSON-like value, in ctx order. */
export function subst<T>(v: T, ctx: Context): T {
  if (typeof v === 'string') {
    let s: string = v;
    for (const [k, val] of Object.entries(ctx)) s = s.split(`{${k}}`).join(val);
    return s as T;
  }
  if (Array.isArray(v)) return v.map((x: unknown) => subst(x, ctx)) as T;
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, subst(x, ctx)])) as T;
  }
  return v;
}

/** harness.py unsubst(): values back to {name}, longest values first, empty values skipped. */
export function unsubst(text: string, ctx: Context): string {
  const keys = Object.keys(ctx).sort((a, b) => ctx[b]!.length - ctx[a]!.length);
  for (const k of keys) {
    const val = ctx[k]!;
    if (val) text = text.split(val).join(`{${k}}`);
  }
  return text;
}

/** A string as Python's json.dumps writes it (ensure_ascii), without the quotes. */
function pyJsonEscape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c >= 0x20 && c <= 0x7e) out += ch;
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return out;
}

/** harness.py subst_req(): unsubst over the request's JSON text, string by string. */
function unsubstJsonString(s: string, ctx: Context): string {
  return JSON.parse(`"${unsubst(pyJsonEscape(s), ctx)}"`) as string;
}

export function unsubstRequest(r: ObservedRequest, ctx: Context): ObservedRequest {
  const u = (s: string): string => unsubstJsonString(s, ctx);
  return {
    method: u(r.method),
    path: u(r.path),
    query: u(r.query),
    headers: Object.fromEntries(
      Object.entries(r.headers).map(([k, v]) => [u(k), typeof v === 'string' ? u(v) : v]),
    ),
  };
}

// ---------------------------------------------------------------- servers

/** Headers the harness leaves out: they change on every run or say nothing about parameters. */
const UNRECORDED = new Set([
  'x-amz-date',
  'x-amz-content-sha256',
  'x-amz-user-agent',
  'x-amz-security-token',
  'x-amz-checksum-crc32',
]);

/** What harness.py's Stub logs for a request: x-amz-* parameter headers, content-length, signed. */
export function harnessView(r: StubRequest): ObservedRequest {
  const headers: Record<string, string | boolean> = {};
  for (const [k, v] of Object.entries(r.headers)) {
    if ((k.startsWith('x-amz-') && !UNRECORDED.has(k)) || k === 'content-length') headers[k] = v;
  }
  headers.signed = r.signed;
  return { method: r.method, path: r.path, query: r.query, headers };
}

export function toStubResponse(r: CaseStubResponse): StubResponse {
  const out: StubResponse = {};
  if (r.status !== undefined) out.status = r.status;
  if (r.headers !== undefined) out.headers = r.headers;
  if (r.body !== undefined) out.body = r.body;
  const delayMs = r.delayMs ?? (r.delay ? r.delay * 1000 : undefined);
  if (delayMs !== undefined) out.delayMs = delayMs;
  if (r.drop) out.drop = true;
  if (r.hang) out.hang = true;
  return out;
}

export interface ConformanceServers {
  moto?: MotoServer;
  stub?: StubServer;
  stop(): Promise<void>;
}

/** Starts what the cases need, like harness.py's with_servers(): moto and/or the stub. */
export async function startServers(cases: readonly ConformanceCase[]): Promise<ConformanceServers> {
  const needMoto = cases.some((c) => (c.server ?? 'moto') === 'moto');
  const needStub = cases.some((c) => c.server === 'stub');
  const [moto, stub] = await Promise.all([
    needMoto ? startMoto() : Promise.resolve(undefined),
    needStub ? startStub() : Promise.resolve(undefined),
  ]);
  return {
    ...(moto ? { moto } : {}),
    ...(stub ? { stub } : {}),
    async stop() {
      await Promise.all([moto?.stop(), stub?.stop()]);
    },
  };
}

// ---------------------------------------------------------------- running

export interface RunCaseOptions {
  /**
   * How the CLI runs: `spawn` (the default, as harness.py runs it) starts the command as a process;
   * `inprocess` calls main() from src/main.ts in this process with an Io built as src/cli.ts builds
   * it (test/support/run-main.ts): the same environment, files, standard input, working folder,
   * servers, observations and comparison.
   */
  mode?: 'spawn' | 'inprocess';
  /** The command to test (spawn only); default `node bin/s3abort.js`. */
  command?: readonly string[];
  /** Set before the case's own env (the harness gives the reference AWS_DATA_PATH this way). */
  extraEnv?: Record<string, string>;
  /**
   * At most this long for the run (ms), whatever the case's own `timeout`: a run must end (and be
   * reported as rc `timeout`, the harness's way) before the vitest test around it times out.
   */
  maxRunMs?: number;
}

const NO_LISTENER = 'http://127.0.0.1:9';

/** harness.py run_case(): one run of the CLI, observed and reverse-substituted. */
export async function runCase(
  c: ConformanceCase,
  servers: ConformanceServers,
  opts: RunCaseOptions = {},
): Promise<Observation> {
  const tmp = makeTmp();
  try {
    const bucket = `conf-${randomBytes(6).toString('hex')}`;
    const key = c.key ?? 'k/object.bin';
    const server = c.server ?? 'moto';
    const withUpload = server === 'moto' && c.upload !== false;
    const endpoint =
      server === 'moto' ? (servers.moto?.url ?? '') : server === 'stub' ? (servers.stub?.url ?? '') : NO_LISTENER;
    if (server === 'moto' && !servers.moto) throw new Error(`case ${c.id} needs moto, which was not started`);
    if (server === 'stub' && !servers.stub) throw new Error(`case ${c.id} needs the stub, which was not started`);
    const ctx: Context = {
      tmp,
      bucket,
      key,
      endpoint,
      access: ACCESS_KEY,
      secret: SECRET_KEY,
      upload_id: 'NO-UPLOAD',
      upload_id2: 'NO-UPLOAD',
    };
    if (withUpload) {
      const ids = await setupUploads(servers.moto!, bucket, key, { parts: c.parts ?? 0, uploads: c.uploads ?? 1 });
      ctx.upload_id = ids[0] ?? 'NO-UPLOAD';
      if (ids.length > 1) ctx.upload_id2 = ids[1]!;
    }
    if (server === 'stub') {
      servers.stub!.script(bucket, subst(c.stub ?? [{ status: 204 }], ctx).map(toStubResponse));
    }
    writeFiles(tmp, subst(c.files ?? {}, ctx));

    const timeoutMs = Math.min((c.timeout ?? 60) * 1000, opts.maxRunMs ?? Infinity);
    const run = {
      tmp,
      env: { ...opts.extraEnv, ...subst(c.env ?? {}, ctx) },
      ...(c.stdin !== undefined ? { stdin: subst(c.stdin, ctx) } : {}),
      timeoutMs,
    };
    if (opts.mode === 'inprocess' && opts.command) throw new Error(`case ${c.id}: a command runs as a process, not in-process`);
    const r =
      opts.mode === 'inprocess'
        ? await runMain(subst(c.args, ctx), run)
        : await runCli(subst(c.args, ctx), { ...run, ...(opts.command ? { command: opts.command } : {}) });
    const rc: number | 'timeout' = r.timedOut
      ? 'timeout'
      : r.code ?? (r.signal ? -signalNumber(r.signal) : -1);
    const obs: Observation = {
      rc,
      stdout: unsubst(r.stdout, ctx),
      stderr: unsubst(r.stderr, ctx),
      wall: Math.round(r.durationMs) / 1000,
      secret_leaked: (r.stdout + r.stderr).includes(SECRET_KEY),
    };
    if (withUpload) {
      obs.upload_after = (await uploadExists(servers.moto!, bucket, ctx.upload_id!)) ? 'present' : 'absent';
    }
    if (server === 'stub') {
      obs.requests = servers.stub!.requests(bucket).map((q) => unsubstRequest(harnessView(q), ctx));
    }
    return obs;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- comparing

const USAGE_NOISE =
  /^(usage: |To see help text|  \S+ help$|  \S+ <command> help$|  \S+ <command> <subcommand> help$)/;

/** Python's str.splitlines() boundaries. */
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/** harness.py significant_stderr(): no blank lines, no usage block, `aws: `/`s3abort: ` → `PROG: `. */
export function significantStderr(text: string): string[] {
  return text
    .split(LINE_BREAK)
    .map((l) => l.trimEnd())
    .filter((l) => l !== '' && !USAGE_NOISE.test(l))
    .map((l) => l.replace(/^(aws|s3abort): /, 'PROG: '));
}

/** A tuple, for repr(). */
class Tuple {
  constructor(readonly items: unknown[]) {}
}

const NONPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's repr() for the values compare() prints, so messages read like the harness's. */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    const q = v.includes("'") && !v.includes('"') ? '"' : "'";
    let out = q;
    for (const ch of v) {
      const cp = ch.codePointAt(0)!;
      if (ch === '\\') out += '\\\\';
      else if (ch === q) out += `\\${q}`;
      else if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else if (ch !== ' ' && NONPRINTABLE.test(ch)) {
        if (cp < 0x100) out += `\\x${cp.toString(16).padStart(2, '0')}`;
        else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
        else out += `\\U${cp.toString(16).padStart(8, '0')}`;
      } else out += ch;
    }
    return out + q;
  }
  if (v instanceof Tuple) return `(${v.items.map(pyRepr).join(', ')}${v.items.length === 1 ? ',' : ''})`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (typeof v === 'object') {
    return `{${Object.entries(v)
      .map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`)
      .join(', ')}}`;
  }
  return String(v);
}

function parseJsonOr(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text || 'null') };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** harness.py compare(): what differs between the golden and this run ([] when it passes). */
export function compare(c: ConformanceCase, gold: Observation, got: Observation): string[] {
  const how: Required<Omit<CompareSpec, 'upto'>> & { upto?: string } = {
    stdout: 'exact',
    stderr: 'lines',
    rc: true,
    effect: true,
    requests: true,
    ...c.compare,
  };
  const probs: string[] = [];
  if (how.rc && gold.rc !== got.rc) probs.push(`exit code ${pyRepr(got.rc)}, want ${pyRepr(gold.rc)}`);
  if (how.stdout === 'exact' && gold.stdout !== got.stdout) {
    probs.push(`stdout differs:\n    want ${pyRepr(gold.stdout)}\n    got  ${pyRepr(got.stdout)}`);
  }
  if (how.stdout === 'json') {
    const w = parseJsonOr(gold.stdout);
    const g = parseJsonOr(got.stdout);
    if (!w.ok || !g.ok || !isDeepStrictEqual(w.value, g.value)) {
      const why = !g.ok ? ` (not JSON: ${g.error})` : '';
      probs.push(`stdout JSON differs${why}:\n    want ${pyRepr(gold.stdout)}\n    got  ${pyRepr(got.stdout)}`);
    }
  }
  const ws = significantStderr(gold.stderr);
  const gs = significantStderr(got.stderr);
  if (how.stderr === 'lines' && !isDeepStrictEqual(ws, gs)) {
    probs.push(`stderr differs:\n    want ${pyRepr(ws)}\n    got  ${pyRepr(gs)}`);
  }
  if (how.stderr === 'first' && !isDeepStrictEqual(ws.slice(0, 1), gs.slice(0, 1))) {
    probs.push(`stderr first line differs:\n    want ${pyRepr(ws.slice(0, 1))}\n    got  ${pyRepr(gs.slice(0, 1))}`);
  }
  if (how.stderr === 'upto') {
    // the reference's text past this marker names Python internals; the rest must match
    const want = ws.join('\n').split(how.upto ?? '')[0] ?? '';
    if (!gs.join('\n').startsWith(want)) {
      probs.push(`stderr differs before ${pyRepr(how.upto)}:\n    want ${pyRepr(want)}...\n    got  ${pyRepr(gs)}`);
    }
  }
  if (how.stderr === 'nonempty' && ws.length > 0 !== gs.length > 0) {
    probs.push(`stderr emptiness differs: want ${pyRepr(ws.slice(0, 2))} got ${pyRepr(gs.slice(0, 2))}`);
  }
  if (got.secret_leaked) probs.push('the secret access key appears in the output');
  if (how.effect && gold.upload_after !== got.upload_after) {
    probs.push(`upload afterwards ${got.upload_after ?? 'None'}, want ${gold.upload_after ?? 'None'}`);
  }
  if (how.requests && gold.requests !== undefined) {
    const tuples = (rs: readonly ObservedRequest[]): Tuple[] =>
      rs.map((r) => new Tuple([r.method, r.path, r.query, r.headers]));
    let want: unknown = tuples(gold.requests);
    let have: unknown = tuples(got.requests ?? []);
    if (how.requests === 'count') {
      want = gold.requests.length;
      have = (got.requests ?? []).length;
    }
    if (!isDeepStrictEqual(want, have)) probs.push(`requests differ:\n    want ${pyRepr(want)}\n    got  ${pyRepr(have)}`);
  }
  return probs;
}

/** The harness's report for a failed case. */
export function formatFailure(c: ConformanceCase, probs: readonly string[]): string {
  return [`FAIL ${c.id}: ${c.doc ?? ''}`, ...probs.map((p) => `  - ${p}`)].join('\n');
}

// ---------------------------------------------------------------- the vitest suite

/** An Error without a stack: the report says everything, a code frame of this file would not. */
function failure(message: string): Error {
  const e = new Error(message);
  e.stack = `Error: ${message}`;
  return e;
}

export interface ConformanceSuiteOptions extends RunCaseOptions {
  /** The describe() title. */
  name: string;
  cases: readonly ConformanceCase[];
  goldens: Goldens;
  /** Only cases whose id matches. */
  only?: RegExp;
  /**
   * Run the cases side by side (vitest's it.concurrent, at most `maxConcurrency` at a time, 5 by
   * default): each has its own bucket, so only time is shared. The runs mostly wait (moto, retries,
   * backoff, read timeouts).
   */
  concurrent?: boolean;
}

/** A conformance case's vitest timeout unless its golden says the AWS CLI took long: one run of the CLI, and moto around it. */
export const CASE_TIMEOUT_MS = 15_000;

/**
 * The longest a case's retries can sleep: botocore's backoff waits up to min(2^(n-1), 20) s before
 * retry n (a random share of it), for max_attempts from AWS_MAX_ATTEMPTS or the config file, 3 by
 * default.
 */
export function worstBackoffMs(c: ConformanceCase): number {
  const fromFile = /^\s*max_attempts\s*=\s*(\d+)/m.exec(c.files?.['home/.aws/config'] ?? '')?.[1];
  const attempts = Number(c.env?.AWS_MAX_ATTEMPTS ?? fromFile ?? 3) || 3;
  let s = 0;
  for (let n = 1; n < attempts; n++) s += Math.min(2 ** (n - 1), 20);
  return s * 1000;
}

/**
 * The vitest timeout of a case. A case takes as long as its retries, backoff and read timeouts
 * make it take: three times the AWS CLI's own time for it (the golden's wall), or three times its
 * longest possible backoff (the golden's run drew one random backoff), plus 5 s for setup and
 * checks; CASE_TIMEOUT_MS at least.
 */
export function caseTestTimeout(c: ConformanceCase, gold: Observation | undefined): number {
  const fromGolden = gold?.wall !== undefined ? 3 * gold.wall * 1000 : 0;
  return Math.ceil(Math.max(CASE_TIMEOUT_MS, fromGolden + 5_000, 3 * worstBackoffMs(c) + 5_000));
}

/** Room a test keeps after its run's own limit: the moto check afterwards, and the report. */
const CHECK_MS = 5_000;

/**
 * One vitest test per case, run one after another (or side by side: `concurrent`) against one
 * moto and one stub for the file.
 * A test fails with the harness's report (`FAIL <id>` and what differs); a case without a golden
 * fails too, rather than being skipped.
 */
export function defineConformanceSuite(opts: ConformanceSuiteOptions): void {
  const cases = opts.cases.filter((c) => !opts.only || opts.only.test(c.id));
  describe(opts.name, () => {
    let servers: ConformanceServers | undefined;
    let startError: unknown;
    // a failing beforeAll would mark every case skipped: keep the error and fail each case with it
    beforeAll(async () => {
      try {
        servers = await startServers(cases);
      } catch (e) {
        startError = e;
      }
    });
    afterAll(async () => {
      await servers?.stop();
    });
    for (const c of cases) {
      const gold = opts.goldens[c.id];
      (opts.concurrent ? it.concurrent : it)(c.id, async (ctx) => {
        if (!gold) throw failure(`FAIL ${c.id}: no golden for this case`);
        if (opts.mode !== 'inprocess' && !opts.command && !existsSync(BUILT_ENTRY)) {
          throw failure(`FAIL ${c.id}: ${BUILT_ENTRY} is missing: build first with \`node scripts/build.mjs\``);
        }
        if (startError !== undefined) throw startError;
        if (!servers) throw new Error(`FAIL ${c.id}: the test servers did not start`);
        const got = await runCase(c, servers, { ...opts, maxRunMs: ctx.task.timeout - CHECK_MS });
        const probs = compare(c, gold, got);
        if (probs.length > 0) throw failure(formatFailure(c, probs));
      }, caseTestTimeout(c, gold));
    }
  });
}
