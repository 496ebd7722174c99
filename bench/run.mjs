#!/usr/bin/env node
// npm run bench: s3abort against its baselines and its peers, side by side in one run, medians over
// repeated runs.
//   startup   s3abort --version, --generate-cli-skeleton, a usage error and one abort against a local
//             stub S3, each against `node -e 0`, interleaved round by round
//   one abort the same abort with the AWS CLI v2 (/usr/bin/aws) and v1 (python3 -m awscli), when
//             installed (skipped with a note otherwise)
//   bulk      aborting 5,000 uploads, on a stub answering at once, after 5 ms and after 25 ms (as a
//             server across a network does), round by round, every tool in turn within a round:
//               s3abort --all-uploads --older-than 0s, with the default --concurrency and with 32
//               a bare AWS SDK v3 script (bench/peers/sdk-bulk.mjs), 32 in flight
//               a bare botocore script (bench/peers/botocore-bulk.py), 32 threads
//               rclone backend cleanup -o max-age=0 (it aborts one upload at a time)
//               plain node:http sending the same DELETEs, no SDK, 32 in flight
//               wrk sending the same DELETEs on 32 connections: the server's ceiling
//             each one's aborts/s (whole run: startup, listing, aborts) and CPU time per abort
//             (user + sys of its whole process tree); after each run the stub's own counters must
//             show every upload aborted (a peer that silently aborts nothing is not timed as fast);
//             a peer that is not installed is reported so, with its install hint. Plus the
//             `xargs -P 8` loop over the AWS CLI (timed on a sample, extrapolated)
//   memory    peak RSS of `node -e 0`, one abort, and a bulk run of 100,000 selected uploads
// It prints the ratios and a table for the README, writes bench/results/latest.json and draws
// bench/results/latest.svg (a --smoke run keeps them only with --out DIR). Every CLI runs with a
// clean explicit environment (fake keys, HOME in a temporary folder), never the ambient one; every
// server listens on 127.0.0.1 and stops with the bench; every loop is bounded. Times are never a
// pass/fail: the exit code is non-zero only when a command misbehaves.
//
//   node bench/run.mjs [--runs 21] [--smoke] [--out DIR] [--skip-aws] [--bulk-uploads 5000]
//                      [--rounds 3] [--latencies 0,5,25] [--concurrency 32]
//                      [--without rclone,botocore,sdk-v3,wrk] [--mem-uploads 100000] [--sample 40]
// --without treats those peers as not installed (to check the bench on a machine without them).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { drawChart } from './chart.mjs';
import { ID_TAIL, idOf, keyOf } from './uploads.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const BIN = join(ROOT, 'bin', 's3abort.js');
const NODE = process.execPath;

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    out: { type: 'string' },
    'skip-aws': { type: 'boolean', default: false },
    'bulk-uploads': { type: 'string' },
    'mem-uploads': { type: 'string' },
    sample: { type: 'string' },
    rounds: { type: 'string' },
    latencies: { type: 'string' },
    concurrency: { type: 'string' },
    without: { type: 'string' },
  },
});
const smoke = flags.smoke;
const num = (v, dflt, lo, hi) => {
  const n = v === undefined ? dflt : Number(v);
  if (!Number.isInteger(n) || n < lo || n > hi) throw new Error(`expected a whole number from ${lo} to ${hi}, got ${v}`);
  return n;
};
const cfg = {
  runs: num(flags.runs, smoke ? 3 : 21, 1, 200),
  warmup: smoke ? 1 : 3,
  awsRuns: smoke ? 1 : 7,
  bulkUploads: num(flags['bulk-uploads'], smoke ? 500 : 5000, 1, 1_000_000),
  rounds: num(flags.rounds, smoke ? 1 : 3, 1, 50),
  latenciesMs: (flags.latencies ?? '0,5,25').split(',').map((v) => num(v.trim(), 0, 0, 1000)),
  // the in-flight count of s3abort's second run, the SDK and botocore scripts, node:http and wrk
  concurrency: num(flags.concurrency, 32, 1, 256),
  // at most this many uploads a listing page: a smoke run still lists several pages
  pageLimit: smoke ? 100 : 1000,
  without: (flags.without ?? '').split(',').map((v) => v.trim()).filter(Boolean),
  xargsP: 8,
  sample: num(flags.sample, smoke ? 8 : 40, 1, 1000),
  wrkSeconds: smoke ? 1 : 3,
  memUploads: num(flags['mem-uploads'], smoke ? 2000 : 100_000, 1, 1_000_000),
  memRuns: smoke ? 1 : 5,
};
// a smoke run (CI) keeps the committed results as they are: it writes them into the temporary
// folder, removed at the end, unless --out names a folder
const OUT_KEPT = flags.out !== undefined || !smoke;

const TARGETS = {
  startup: 1.2, // --version, skeletons, usage errors: at most 1.2 x node -e 0
  abort: 1.6, // one abort: at most 1.6 x node -e 0
  vsAwsV2: 6, // one abort: at least 6 x faster than the AWS CLI v2
  vsLoadgen: 0.5, // bulk: s3abort --concurrency 32 at least 50 % of wrk's rate on 32 connections
  vsXargs: 100, // bulk: at least 100 x faster than the xargs loop
  memAbort: 1.5, // one abort: peak RSS at most 1.5 x node -e 0
  memBulkMiB: 250, // 100,000 selected uploads: under 250 MiB
};

// ---------------------------------------------------------------------------------------------
// the clean environment

const tmp = mkdtempSync(join(os.tmpdir(), 's3abort-bench-'));
const OUT = flags.out !== undefined ? resolve(flags.out) : smoke ? join(tmp, 'results') : join(HERE, 'results');
const home = join(tmp, 'home');
mkdirSync(join(home, '.aws'), { recursive: true });
const ENV = {
  PATH: [dirname(NODE), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
  HOME: home,
  LANG: 'C.UTF-8',
  TERM: 'dumb',
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMIK7MDENGbPxRfiCYSECRETKEY',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_PAGER: '',
};
const notes = [];
const children = new Set();
const cleanup = () => {
  for (const c of children) c.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
};
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

const log = (s = '') => process.stdout.write(`${s}\n`);
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const fmtX = (x) => `${x >= 10 ? x.toFixed(0) : x.toFixed(2)}x`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
};
const summary = (xs) => ({ median: median(xs), p25: quantile(xs, 0.25), p75: quantile(xs, 0.75), min: Math.min(...xs), runs: xs.length });

// ---------------------------------------------------------------------------------------------
// running commands

let outSeq = 0;
/**
 * Runs a command to completion with the clean environment, stdout and stderr to files; returns the
 * wall time and what it printed. Throws when it exits otherwise than expected.
 */
function run(label, cmd, args, { expect = 0, timeoutMs = 120_000, input } = {}) {
  const n = outSeq++ % 4;
  const outPath = join(tmp, `out-${n}.txt`);
  const errPath = join(tmp, `err-${n}.txt`);
  const out = openSync(outPath, 'w');
  const err = openSync(errPath, 'w');
  const t0 = process.hrtime.bigint();
  let r;
  try {
    r = spawnSync(cmd, args, {
      env: ENV,
      cwd: tmp,
      stdio: [input === undefined ? 'ignore' : 'pipe', out, err],
      ...(input !== undefined ? { input } : {}),
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
  } finally {
    closeSync(out);
    closeSync(err);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const stdout = () => readFileSync(outPath, 'utf8');
  const stderr = readFileSync(errPath, 'utf8');
  if (r.error || r.status !== expect) {
    const why = r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit ${r.status}`;
    throw new Error(`${label}: ${why} (expected exit ${expect})\n${cmd} ${args.join(' ')}\n${stderr.slice(0, 2000)}`);
  }
  return { ms, stdout, stderr };
}

/**
 * Like run(), and also the CPU time (user + sys) of the command's whole process tree, read from the
 * OS: the command runs under `bash -c '"$@"; times'`, and bash's `times` prints the rusage of the
 * children it has reaped (getrusage RUSAGE_CHILDREN), which counts every thread of the child and
 * every descendant that was itself reaped in the tree, at 1 ms resolution. That is how GNU time
 * counts too, without needing it installed. Between bash and the command sits coreutils `timeout`,
 * so that a command past its time is killed itself, not only the shell; its own CPU (about a
 * millisecond) is counted with the command's.
 */
const BASH = ['/bin/bash', '/usr/bin/bash'].find((p) => existsSync(p));
function runTimed(label, cmd, args, { timeoutMs = 120_000, ...opts } = {}) {
  const file = join(tmp, 'times.txt');
  rmSync(file, { force: true });
  const secs = String(Math.ceil(timeoutMs / 1000));
  const script = '"$@"; rc=$?; times > "$0"; exit $rc';
  const r = run(label, BASH, ['-c', script, file, 'timeout', '-s', 'KILL', secs, cmd, ...args], { ...opts, timeoutMs: timeoutMs + 30_000 });
  // two lines, "0m0.002s 0m0.000s" for the shell itself, then the same for its children
  const kids = readFileSync(file, 'utf8').trim().split('\n').at(-1) ?? '';
  const secsOf = [...kids.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (secsOf.length !== 2 || secsOf.some((x) => !Number.isFinite(x))) throw new Error(`${label}: unexpected output of bash's times: ${kids}`);
  return { ...r, userMs: secsOf[0] * 1000, sysMs: secsOf[1] * 1000, cpuMs: (secsOf[0] + secsOf[1]) * 1000 };
}

/** Rounds of every case in turn (so drift hits all of them alike); the warm-up rounds are dropped. */
function interleaved(cases, runs, warmup) {
  const times = new Map(cases.map((c) => [c.name, []]));
  for (let round = 0; round < warmup + runs; round++) {
    for (const c of cases) {
      c.before?.();
      const { ms } = run(c.name, c.cmd, c.args, { expect: c.expect ?? 0 });
      if (round >= warmup) times.get(c.name).push(ms);
    }
  }
  return Object.fromEntries([...times].map(([k, v]) => [k, summary(v)]));
}

/** Peak resident set (KiB) of a command, by GNU time or, without it, getrusage in Python. */
const TIME_BIN = ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p));
const PYTHON = findPython();
function peakKiB(label, cmd, args, opts) {
  const file = join(tmp, 'maxrss.txt');
  if (TIME_BIN) {
    const r = run(label, TIME_BIN, ['-f', '%M', '-o', file, cmd, ...args], opts);
    return { kib: Number(readFileSync(file, 'utf8').trim().split('\n').at(-1)), ms: r.ms, stdout: r.stdout };
  }
  if (PYTHON) {
    const py =
      'import resource,subprocess,sys\n' +
      'r=subprocess.run(sys.argv[2:]).returncode\n' +
      'open(sys.argv[1],"w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n' +
      'sys.exit(r)';
    const r = run(label, PYTHON.exe, ['-c', py, file, cmd, ...args], opts);
    return { kib: Number(readFileSync(file, 'utf8').trim()), ms: r.ms, stdout: r.stdout };
  }
  return null;
}

function findPython() {
  // located with the ambient PATH (pyenv shims need it); run with the clean environment
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8', timeout: 20_000 });
    if (r.status === 0 && r.stdout.trim()) {
      const exe = r.stdout.trim();
      const v1 = spawnSync(exe, ['-m', 'awscli', '--version'], { env: ENV, cwd: tmp, encoding: 'utf8', timeout: 30_000 });
      const text = `${v1.stdout}${v1.stderr}`.trim();
      return { exe, awscliV1: v1.status === 0 && /^aws-cli\/1\./.test(text) ? text.split(' ')[0] : null };
    }
  }
  return null;
}

function findAwsV2() {
  const exe = '/usr/bin/aws';
  if (!existsSync(exe)) return null;
  const r = spawnSync(exe, ['--version'], { env: ENV, cwd: tmp, encoding: 'utf8', timeout: 30_000 });
  const text = `${r.stdout}${r.stderr}`.trim();
  return r.status === 0 && /^aws-cli\/2\./.test(text) ? { exe, version: text.split(' ')[0] } : null;
}

function which(name) {
  for (const d of ENV.PATH.split(':')) if (existsSync(join(d, name))) return join(d, name);
  return null;
}

// ---------------------------------------------------------------------------------------------
// the stub server, in its own process

async function startStub(extra = []) {
  const child = spawn(NODE, [join(HERE, 'stub-s3.mjs'), '--max-seconds', '7200', ...extra], {
    env: ENV,
    cwd: tmp,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  const port = await new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error('the stub did not start within 10 s')), 10_000);
    let buf = '';
    child.stdout.on('data', (c) => {
      buf += c;
      const nl = buf.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolvePort(JSON.parse(buf.slice(0, nl)).port);
      }
    });
    child.on('exit', (code) => reject(new Error(`the stub exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const control = (method, path) =>
    new Promise((ok, fail) => {
      const req = http.request(`${url}/__stub/${path}`, { method, agent: false }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => ok(JSON.parse(body || '{}')));
      });
      req.setTimeout(10_000, () => req.destroy(new Error('stub control request timed out')));
      req.on('error', fail);
      req.end();
    });
  return {
    url,
    // every reset sets the delay and the page limit too, so that no run inherits another's
    reset: (uploads, { delayMs = 0, pageLimit = 1000 } = {}) => control('POST', `reset?uploads=${uploads}&delay-ms=${delayMs}&page-limit=${pageLimit}`),
    stats: () => control('GET', 'stats'),
    stop: () => {
      child.stdin.end();
      child.kill('SIGTERM');
    },
  };
}

// ---------------------------------------------------------------------------------------------
// the measurements

const s3abort = (...args) => ({ cmd: NODE, args: [BIN, ...args] });
const nodeBare = { name: 'node -e 0', cmd: NODE, args: ['-e', '0'] };
const abortArgs = (url, bucket = 'loadgen', i = 1) => [
  '--endpoint-url', url, '--bucket', bucket, '--key', keyOf(i), '--upload-id', idOf(i),
];

const results = {
  date: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '',
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
  },
  config: cfg,
  dist: distSize(),
  startup: {},
  oneAbort: {},
  bulk: {},
  memory: {},
  targets: [],
  notes,
};

function distSize() {
  const dir = join(ROOT, 'dist');
  if (!existsSync(join(dir, 'cli.js'))) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first (npm run bench does)');
  const files = spawnSync('ls', [dir], { encoding: 'utf8' }).stdout.split('\n').filter((f) => f.endsWith('.js'));
  return { files: files.length, bytes: files.reduce((n, f) => n + statSync(join(dir, f)).size, 0) };
}

function target(name, value, limit, kind, unit = 'x') {
  const met = kind === 'max' ? value <= limit : value >= limit;
  results.targets.push({ name, value: Number(value.toFixed(3)), limit, kind, unit, met });
  return met;
}

const line = (label, value, base, extra = '') => log(`  ${label.padEnd(36)}${value.padStart(11)}${base.padStart(14)}${extra}`);
const verdict = (met) => (met ? 'ok' : 'MISSED');

// ---------------------------------------------------------------------------------------------
// bulk: s3abort and its peers

/** s3abort's selection of every upload: --older-than 0s, unless this build rejects it (see bulkTools). */
let olderThan = ['--older-than', '0s'];

const rcloneConf = join(tmp, 'rclone.conf');
const commandText = (cmd, args) =>
  [cmd, ...args].map((a) => String(a).replaceAll(tmp, '$TMP').replaceAll(`${ROOT}/`, '')).join(' ');

function versionOf(cmd, args, re) {
  const r = spawnSync(cmd, args, { env: ENV, cwd: tmp, encoding: 'utf8', timeout: 30_000 });
  return re.exec(`${r.stdout ?? ''}${r.stderr ?? ''}`)?.[1] ?? null;
}

/** The Python that has botocore: the pyenv one, the one on the ambient PATH, Debian's. */
function findBotocore() {
  const candidates = ['/root/.pyenv/versions/3.11.7/bin/python3', PYTHON?.exe, '/usr/bin/python3'].filter((p) => p && existsSync(p));
  for (const exe of new Set(candidates)) {
    const v = versionOf(exe, ['-c', 'import botocore, sys; print("botocore", botocore.__version__, "python", sys.version.split()[0])'], /^(botocore \S+ python \S+)/);
    if (v) return { exe, version: v };
  }
  return null;
}

/**
 * The tools of the bulk comparison. Each one aborts all the stub's uploads of one bucket (wrk sends
 * DELETEs for a fixed time instead); `reported` reads the count the tool itself claims, which must
 * agree with the stub's. A peer that is not installed (or left out by --without) has `missing`, its
 * install hint.
 */
async function bulkTools(stub) {
  const C = String(cfg.concurrency);
  // this build's default --concurrency, from its help page, for the label
  const help = spawnSync(NODE, [BIN, 'help'], { env: ENV, cwd: tmp, encoding: 'utf8', timeout: 30_000 }).stdout ?? '';
  const dflt = /in flight at once[^.]*\.\s+The\s+default\s+is\s+(\d+)/.exec(help)?.[1];
  // --older-than 0s selects every upload started before now; a build that rejects it selects them
  // all with --all-uploads alone (a pending change makes that mean "older than 24 hours", which the
  // stub's uploads, initiated 2026-01-01, are too)
  await stub.reset(1);
  const probe = spawnSync(NODE, [BIN, '--endpoint-url', stub.url, '--bucket', 'probe', '--all-uploads', ...olderThan, '--dry-run'], { env: ENV, cwd: tmp, encoding: 'utf8', timeout: 60_000 });
  if (probe.status !== 0) {
    notes.push(`s3abort rejected --older-than 0s (exit ${probe.status}): the bulk runs use --all-uploads alone`);
    olderThan = [];
  }
  const s3abortArgs = (url, bucket) => [BIN, '--endpoint-url', url, '--bucket', bucket, '--all-uploads', ...olderThan];
  const summaryAborted = (res) => JSON.parse(res.stdout()).Summary?.Aborted;
  const sdkPkg = join(ROOT, 'node_modules', '@aws-sdk', 'client-s3', 'package.json');
  const sdkVersion = existsSync(sdkPkg) ? JSON.parse(readFileSync(sdkPkg, 'utf8')).version : null;
  const boto = findBotocore();
  const rclone = which('rclone');
  const rcloneVersion = rclone ? versionOf(rclone, ['version'], /^rclone (\S+)/m) : null;
  writeFileSync(rcloneConf, ''); // an empty config file of its own: nothing from HOME
  const wrk = which('wrk');
  const wrkVersion = wrk ? versionOf(wrk, ['-v'], /^wrk (\S+)/m) : null;
  const list = [
    {
      id: 's3abort',
      label: `s3abort, default --concurrency${dflt ? ` (${dflt})` : ''}`,
      version: `s3abort ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}`,
      cmd: NODE,
      args: s3abortArgs,
      reported: summaryAborted,
    },
    {
      id: `s3abort-c${C}`,
      label: `s3abort --concurrency ${C}`,
      cmd: NODE,
      args: (url, bucket) => [...s3abortArgs(url, bucket), '--concurrency', C],
      reported: summaryAborted,
    },
    {
      id: 'sdk-v3',
      label: `AWS SDK v3 script, ${C} in flight`,
      version: sdkVersion && `@aws-sdk/client-s3 ${sdkVersion}`,
      installed: Boolean(sdkVersion),
      hint: 'npm ci (the devDependency @aws-sdk/client-s3)',
      cmd: NODE,
      args: (url, bucket) => [join(HERE, 'peers', 'sdk-bulk.mjs'), url, bucket, C],
      reported: (res) => JSON.parse(res.stdout()).aborted,
    },
    {
      id: 'botocore',
      label: `botocore script, ${C} threads`,
      version: boto?.version,
      installed: Boolean(boto),
      hint: 'pip install botocore',
      cmd: boto?.exe,
      args: (url, bucket) => [join(HERE, 'peers', 'botocore-bulk.py'), url, bucket, C],
      reported: (res) => JSON.parse(res.stdout()).aborted,
    },
    {
      id: 'rclone',
      label: 'rclone backend cleanup',
      version: rcloneVersion && `rclone ${rcloneVersion}`,
      installed: Boolean(rclone && rcloneVersion),
      hint: 'apt-get install rclone',
      cmd: rclone,
      // an on-the-fly remote (`:s3:`) set up by flags alone, path style, fake keys, no env or EC2
      // credentials; max-age=0 makes every upload old enough (the default is 24 hours). rclone
      // prints nothing on success and still exits 0 when aborts fail (it logs them): only the
      // stub's counters tell that it did the job.
      args: (url, bucket) => [
        '--config', rcloneConf, '--cache-dir', join(tmp, 'rclone-cache'), '-q',
        'backend', 'cleanup', `:s3:${bucket}`, '-o', 'max-age=0',
        '--s3-provider', 'Other', '--s3-endpoint', url, '--s3-region', 'us-east-1', '--s3-force-path-style=true',
        '--s3-env-auth=false', '--s3-access-key-id', ENV.AWS_ACCESS_KEY_ID, '--s3-secret-access-key', ENV.AWS_SECRET_ACCESS_KEY,
      ],
      reported: null,
    },
    {
      id: 'node-http',
      label: `plain node:http, no SDK, ${C} in flight`,
      version: `node ${process.version}`,
      cmd: NODE,
      // the same DELETEs (upload 0..N-1), unsigned: what the SDK layer costs
      args: (url, bucket) => [join(HERE, 'node-loadgen.mjs'), url, bucket, String(cfg.bulkUploads), C],
      reported: (res) => JSON.parse(res.stdout()).statuses['204'],
    },
    {
      id: 'wrk',
      label: `wrk -t1 -c${C}, the server's ceiling`,
      version: wrkVersion && `wrk ${wrkVersion}`,
      installed: Boolean(wrk),
      hint: 'apt-get install wrk',
      cmd: wrk,
      // the same DELETEs (upload i, path style, same header names and sizes as the SDK's), for a
      // fixed time: its rate is its own Requests/sec, its CPU per abort is per request sent
      args: (url, bucket) => ['-t1', `-c${C}`, `-d${cfg.wrkSeconds}s`, '-s', join(HERE, 'loadgen.lua'), url, '--', bucket, ID_TAIL],
      fixedTime: true,
    },
  ];
  for (const id of cfg.without) if (!list.some((t) => t.id === id && t.hint)) throw new Error(`--without: ${id} is not one of the peers (${list.filter((t) => t.hint).map((t) => t.id).join(', ')})`);
  for (const t of list) t.missing = t.hint && (!t.installed || cfg.without.includes(t.id)) ? t.hint : null;
  return list;
}

/** One run of one tool against the stub at one latency, checked against the stub's counters. */
async function bulkRun(tool, stub, delayMs, round) {
  const bucket = `r${round}-${tool.id}`;
  const n = cfg.bulkUploads;
  if (tool.fixedTime) {
    await stub.reset(10_000_000, { delayMs });
    const res = runTimed(tool.label, tool.cmd, tool.args(stub.url, bucket), { timeoutMs: (cfg.wrkSeconds + 30) * 1000 });
    const text = res.stdout();
    const rate = Number(/Requests\/sec:\s*([\d.]+)/.exec(text)?.[1]);
    const sent = Number(/(\d+) requests in/.exec(text)?.[1]);
    const stats = await stub.stats();
    if (!(rate > 0) || !(sent > 0) || /Non-2xx|Socket errors/.test(text) || stats.missing || stats.other || stats.aborted < sent) {
      throw new Error(`${tool.label}: unexpected output, or the stub counted ${stats.aborted} aborted, ${stats.missing} missing, ${stats.other} unknown\n${text}`);
    }
    return { rate, cpuMs: res.cpuMs, aborts: sent, wallMs: res.ms, requests: stats.requests };
  }
  await stub.reset(n, { delayMs, pageLimit: cfg.pageLimit });
  // sequential tools (rclone) need about n x the delay; 3 x that and 2 minutes more is the bound
  const timeoutMs = 120_000 + n * (delayMs + 5) * 3;
  const res = runTimed(tool.label, tool.cmd, tool.args(stub.url, bucket), { timeoutMs });
  const stats = await stub.stats();
  const said = tool.reported ? tool.reported(res) : n;
  if (stats.aborted !== n || stats.missing !== 0 || stats.other !== 0 || said !== n) {
    throw new Error(
      `${tool.label}: the stub counted ${stats.aborted} of ${n} uploads aborted, ${stats.missing} missing, ${stats.other} unknown requests` +
        `${tool.reported ? `; the tool reported ${said}` : ''}\n${commandText(tool.cmd, tool.args(stub.url, bucket))}\n${res.stderr.slice(0, 2000)}`,
    );
  }
  return { rate: n / (res.ms / 1000), cpuMs: res.cpuMs, aborts: n, wallMs: res.ms, requests: stats.requests };
}

const spread = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/**
 * Every tool at every latency, round after round; within a round the latencies in turn and, at each,
 * the tools in an order rotated by one each round, so that drift and position hit all alike.
 */
async function bulkMatrix(stub, tools) {
  const present = tools.filter((t) => !t.missing);
  log(`\nbulk: ${cfg.bulkUploads} uploads (pages of at most ${cfg.pageLimit}), server latency ${cfg.latenciesMs.join(' / ')} ms, ${cfg.rounds} round${cfg.rounds > 1 ? 's' : ''}, interleaved`);
  for (const t of tools) {
    if (t.missing) {
      const n = `${t.label}: ${cfg.without.includes(t.id) ? 'left out (--without)' : 'not installed'} (${t.missing}); not in the comparison`;
      notes.push(n);
      log(`  note: ${n}`);
    }
  }
  const raw = new Map(cfg.latenciesMs.map((d) => [d, new Map(present.map((t) => [t.id, []]))]));
  const lastRequests = {};
  for (let round = 0; round < cfg.rounds; round++) {
    for (const delayMs of cfg.latenciesMs) {
      const k = round % present.length;
      for (const t of [...present.slice(k), ...present.slice(0, k)]) {
        const r = await bulkRun(t, stub, delayMs, round);
        raw.get(delayMs).get(t.id).push(r);
        lastRequests[t.id] = r.requests;
        log(`  round ${round + 1}/${cfg.rounds}  ${`${delayMs} ms`.padStart(5)}  ${t.label.padEnd(40)}${`${r.rate.toFixed(0)}/s`.padStart(9)}${`${(r.cpuMs / r.aborts).toFixed(3)} ms CPU/abort`.padStart(24)}`);
      }
    }
  }
  const out = {
    uploads: cfg.bulkUploads,
    rounds: cfg.rounds,
    concurrency: cfg.concurrency,
    pageLimit: cfg.pageLimit,
    latenciesMs: cfg.latenciesMs,
    rate: 'aborts per second over the whole run of the tool (process start, listing, aborts); wrk: its own Requests/sec over a fixed time',
    cpuPerAbortMs: "user + sys CPU time of the tool's process tree (every thread, every reaped descendant; bash's times, RUSAGE_CHILDREN) divided by the aborts it made, in ms",
    verified: 'after every run the stub counted exactly the uploads aborted, none missing, no unknown request, and the tool reported the same count (rclone reports none)',
    tools: Object.fromEntries(
      tools.map((t) => [
        t.id,
        t.missing
          ? { label: t.label, installed: false, hint: t.missing, ...(cfg.without.includes(t.id) ? { leftOut: '--without' } : {}) }
          : { label: t.label, installed: true, version: t.version ?? null, command: commandText(t.cmd, t.args('http://127.0.0.1:PORT', 'BUCKET')), requests: lastRequests[t.id] },
      ]),
    ),
    latencies: [],
  };
  for (const delayMs of cfg.latenciesMs) {
    const byTool = {};
    for (const t of present) {
      const runs = raw.get(delayMs).get(t.id);
      byTool[t.id] = {
        rate: spread(runs.map((r) => r.rate)),
        cpuPerAbortMs: spread(runs.map((r) => r.cpuMs / r.aborts)),
        wallMs: spread(runs.map((r) => r.wallMs)),
        runs: runs.length,
      };
    }
    for (const t of present) {
      byTool[t.id].vsRclone = byTool.rclone ? byTool[t.id].rate.median / byTool.rclone.rate.median : null;
      byTool[t.id].vsWrk = byTool.wrk ? byTool[t.id].rate.median / byTool.wrk.rate.median : null;
    }
    out.latencies.push({ delayMs, ceiling: delayMs > 0 ? (cfg.concurrency * 1000) / delayMs : null, tools: byTool });
  }

  // the medians, latency by latency
  for (const l of out.latencies) {
    log(`\nbulk, stub answering ${l.delayMs ? `after ${l.delayMs} ms` : 'at once'}${l.ceiling ? ` (at most ${l.ceiling.toFixed(0)}/s at ${cfg.concurrency} in flight)` : ''}: median (min-max)`);
    log(`  ${''.padEnd(40)}${'aborts/s'.padStart(20)}${'CPU ms/abort'.padStart(14)}${'vs rclone'.padStart(11)}${'vs wrk'.padStart(9)}`);
    for (const t of present) {
      const r = l.tools[t.id];
      const rate = `${r.rate.median.toFixed(0)} (${r.rate.min.toFixed(0)}-${r.rate.max.toFixed(0)})`;
      log(`  ${t.label.padEnd(40)}${rate.padStart(20)}${r.cpuPerAbortMs.median.toFixed(3).padStart(14)}${(r.vsRclone ? fmtX(r.vsRclone) : '-').padStart(11)}${(r.vsWrk ? fmtX(r.vsWrk) : '-').padStart(9)}`);
    }
    const same = l.tools[`s3abort-c${cfg.concurrency}`];
    if (same && l.tools.wrk) {
      const met = target(`bulk (${l.delayMs} ms): s3abort --concurrency ${cfg.concurrency}, share of wrk's rate`, same.vsWrk, TARGETS.vsLoadgen, 'min');
      log(`  s3abort --concurrency ${cfg.concurrency} reaches ${(same.vsWrk * 100).toFixed(1)}% of wrk at the same concurrency, target >= ${TARGETS.vsLoadgen * 100}% ${verdict(met)}`);
    }
  }
  log('\nrequests each tool made (the last run):');
  for (const t of present) log(`  ${t.label.padEnd(40)}${Object.entries(lastRequests[t.id]).map(([k, v]) => `${k} x${v}`).join(', ')}`);
  return out;
}

/** The bulk medians as a Markdown table. */
function markdownTable(bulk) {
  const rows = ['| tool | latency | aborts/s | CPU ms per abort | ratio to rclone | ratio to wrk |', '|---|---|---|---|---|---|'];
  const n0 = (x) => Math.round(x).toLocaleString('en-US');
  for (const l of bulk.latencies) {
    for (const [id, t] of Object.entries(bulk.tools)) {
      const r = l.tools[id];
      if (!r) continue;
      const ratio = (x) => (x === null ? '-' : `${x >= 10 ? x.toFixed(0) : x.toFixed(2)}x`);
      rows.push(`| ${t.label} | ${l.delayMs} ms | ${n0(r.rate.median)} | ${r.cpuPerAbortMs.median.toFixed(3)} | ${ratio(r.vsRclone)} | ${ratio(r.vsWrk)} |`);
    }
  }
  for (const t of Object.values(bulk.tools)) if (!t.installed) rows.push(`| ${t.label} | - | not installed (\`${t.hint}\`) | | | |`);
  return rows.join('\n');
}

async function main() {
  log(`s3abort bench${smoke ? ' (smoke: small counts, results not kept)' : ''}: ${results.machine.node}, ${results.machine.cpus} cores, load ${results.machine.loadavg.join(' ')}`);
  log(`dist: ${results.dist.files} .js files, ${(results.dist.bytes / 1024).toFixed(0)} KiB`);

  const stub = await startStub();
  await stub.reset(cfg.bulkUploads);

  // --- startup -------------------------------------------------------------------------------
  const startupCases = [
    nodeBare,
    { name: '--version', ...s3abort('--version') },
    { name: '--generate-cli-skeleton', ...s3abort('--generate-cli-skeleton') },
    { name: 'usage error (exit 252)', ...s3abort('--bucket', 'b'), expect: 252 },
    { name: 'one abort (stub, 204)', ...s3abort(...abortArgs(stub.url)) },
  ];
  log(`\nstartup: median wall time of ${cfg.runs} runs (after ${cfg.warmup} warm-up), interleaved`);
  line('', 's3abort', 'node -e 0', '   ratio  target');
  const st = interleaved(startupCases, cfg.runs, cfg.warmup);
  const base = st['node -e 0'].median;
  results.startup = { baseline: st['node -e 0'], cases: {} };
  for (const c of startupCases.slice(1)) {
    const ratio = st[c.name].median / base;
    const limit = c.name.startsWith('one abort') ? TARGETS.abort : TARGETS.startup;
    const met = target(`startup: ${c.name}`, ratio, limit, 'max');
    results.startup.cases[c.name] = { ...st[c.name], ratio };
    line(c.name, fmtMs(st[c.name].median), fmtMs(base), `   ${fmtX(ratio).padStart(5)}  <= ${limit}x ${verdict(met)}`);
  }

  // --- one abort against the AWS CLIs -----------------------------------------------------------
  const awsV2 = flags['skip-aws'] ? null : findAwsV2();
  const awsV1 = flags['skip-aws'] || !PYTHON?.awscliV1 ? null : { exe: PYTHON.exe, version: PYTHON.awscliV1 };
  const awsCases = [nodeBare, { name: 's3abort', ...s3abort(...abortArgs(stub.url)) }];
  const awsArgs = ['s3api', 'abort-multipart-upload', ...abortArgs(stub.url)];
  if (awsV2) awsCases.push({ name: `AWS CLI v2 (${awsV2.version})`, cmd: awsV2.exe, args: awsArgs });
  else notes.push(flags['skip-aws'] ? 'AWS CLIs skipped (--skip-aws)' : 'AWS CLI v2 not installed at /usr/bin/aws: skipped');
  if (awsV1) awsCases.push({ name: `AWS CLI v1 (${awsV1.version})`, cmd: awsV1.exe, args: ['-m', 'awscli', ...awsArgs] });
  else if (!flags['skip-aws']) notes.push('AWS CLI v1 (python3 -m awscli) not installed: skipped');
  log(`\none abort against the stub: median of ${cfg.awsRuns} runs, interleaved`);
  const ab = interleaved(awsCases, cfg.awsRuns, 1);
  results.oneAbort = { cases: ab };
  line('', 'time', 'vs node -e 0', '  s3abort is');
  for (const c of awsCases) {
    const m = ab[c.name].median;
    const faster = m / ab.s3abort.median;
    line(c.name, fmtMs(m), fmtX(m / ab['node -e 0'].median), c.name.startsWith('AWS') ? `  ${fmtX(faster)} faster` : '');
    if (c.name.startsWith('AWS CLI v2')) {
      const met = target('one abort: times faster than AWS CLI v2', faster, TARGETS.vsAwsV2, 'min');
      log(`${''.padEnd(63)}target >= ${TARGETS.vsAwsV2}x ${verdict(met)}`);
    }
  }
  for (const n of notes) log(`  note: ${n}`);

  // --- bulk --------------------------------------------------------------------------------------
  const aws = awsV2 ?? awsV1;
  const awsCmd = awsV2 ? [awsV2.exe] : awsV1 ? [awsV1.exe, '-m', 'awscli'] : null;
  const tools = await bulkTools(stub);
  results.bulk = await bulkMatrix(stub, tools);
  const atOnce = results.bulk.latencies.find((l) => l.delayMs === 0)?.tools.s3abort;

  // the xargs loop people write today, timed on a sample and extrapolated (on the stub answering at once)
  if (awsCmd) {
    await stub.reset(cfg.sample);
    const lines = Array.from({ length: cfg.sample }, (_, i) => `--key ${keyOf(i)} --upload-id ${idOf(i)}`).join('\n');
    const res = run('xargs loop', 'xargs', ['-P', String(cfg.xargsP), '-L', '1', ...awsCmd, 's3api', 'abort-multipart-upload', '--endpoint-url', stub.url, '--bucket', 'xargs'], {
      input: `${lines}\n`,
      timeoutMs: 600_000,
    });
    const stats = await stub.stats();
    if (stats.aborted !== cfg.sample) throw new Error(`xargs loop: the server saw ${stats.aborted} aborts of ${cfg.sample}`);
    const rps = cfg.sample / (res.ms / 1000);
    const extrapolated = (res.ms / cfg.sample) * cfg.bulkUploads;
    results.bulk.xargs = { cli: aws.version, parallel: cfg.xargsP, sample: cfg.sample, sampleMs: res.ms, rps, extrapolatedMs: extrapolated };
    log(`\nxargs -P ${cfg.xargsP} over ${aws.version}, ${cfg.sample} aborts timed, stub answering at once`);
    if (atOnce) {
      const times = atOnce.rate.median / rps;
      results.bulk.vsXargs = times;
      const met = target('bulk: times faster than the xargs loop', times, TARGETS.vsXargs, 'min');
      line(`xargs -P ${cfg.xargsP} ${aws.version}`, `${rps.toFixed(1)}/s`, fmtMs(extrapolated), `  ${cfg.bulkUploads} extrapolated; s3abort ${fmtX(times)} faster, target >= ${TARGETS.vsXargs}x ${verdict(met)}`);
    } else {
      line(`xargs -P ${cfg.xargsP} ${aws.version}`, `${rps.toFixed(1)}/s`, fmtMs(extrapolated), `  ${cfg.bulkUploads} extrapolated`);
    }
  } else {
    notes.push('no AWS CLI installed: the xargs loop is skipped');
    log('  note: no AWS CLI installed: the xargs loop is skipped');
  }

  // --- memory ------------------------------------------------------------------------------------
  log(`\npeak memory (max RSS), median of ${cfg.memRuns} runs`);
  const rss = (label, cmd, args, runs, opts) => {
    const xs = [];
    let last;
    for (let r = 0; r < runs; r++) {
      last = peakKiB(label, cmd, args, opts);
      if (!last) return null;
      xs.push(last.kib);
    }
    return { kib: median(xs), mib: median(xs) / 1024, runs, last };
  };
  const memBase = rss('node -e 0', NODE, ['-e', '0'], cfg.memRuns);
  if (!memBase) {
    notes.push('neither /usr/bin/time nor python3 is there to read the peak RSS: memory skipped');
    log('  note: neither /usr/bin/time nor python3: skipped');
  } else {
    const memAbort = rss('one abort', NODE, [BIN, ...abortArgs(stub.url)], cfg.memRuns);
    const ratio = memAbort.kib / memBase.kib;
    const metA = target('memory: one abort vs node -e 0', ratio, TARGETS.memAbort, 'max');
    line('node -e 0', `${memBase.mib.toFixed(1)} MiB`, '');
    line('one abort', `${memAbort.mib.toFixed(1)} MiB`, '', `  ${fmtX(ratio)} node -e 0, target <= ${TARGETS.memAbort}x ${verdict(metA)}`);
    await stub.reset(cfg.memUploads);
    const memBulk = rss(`bulk ${cfg.memUploads}`, NODE, [BIN, '--endpoint-url', stub.url, '--bucket', 'mem', '--all-uploads', ...olderThan], 1, { timeoutMs: 900_000 });
    const doc = JSON.parse(memBulk.last.stdout());
    if (doc.Summary?.Aborted !== cfg.memUploads) throw new Error(`memory bulk run: aborted ${doc.Summary?.Aborted} of ${cfg.memUploads}`);
    const metB = target(`memory: ${cfg.memUploads} selected uploads (MiB)`, memBulk.mib, TARGETS.memBulkMiB, 'max', 'MiB');
    line(`bulk, ${cfg.memUploads} uploads aborted`, `${memBulk.mib.toFixed(1)} MiB`, fmtMs(memBulk.last.ms), `  target < ${TARGETS.memBulkMiB} MiB ${verdict(metB)}`);
    results.memory = {
      tool: TIME_BIN ? 'GNU time %M' : 'python getrusage(RUSAGE_CHILDREN)',
      nodeBareMiB: memBase.mib,
      oneAbortMiB: memAbort.mib,
      oneAbortRatio: ratio,
      bulk: { uploads: cfg.memUploads, mib: memBulk.mib, ms: memBulk.last.ms },
    };
  }
  stub.stop();

  // --- results -----------------------------------------------------------------------------------
  results.machine.loadavgAfter = os.loadavg().map((x) => Number(x.toFixed(2)));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(OUT, 'latest.svg'), drawChart(results, TARGETS));
  log(`\nbulk, for the README (${results.bulk.uploads} uploads, median of ${results.bulk.rounds} round${results.bulk.rounds > 1 ? 's' : ''}; ratios of the medians):\n`);
  log(markdownTable(results.bulk));
  const missed = results.targets.filter((t) => !t.met);
  log(`\ntargets: ${results.targets.length - missed.length} met, ${missed.length} missed${missed.length ? `: ${missed.map((t) => t.name).join('; ')}` : ''}`);
  log(`load average before ${results.machine.loadavg.join(' ')}, after ${results.machine.loadavgAfter.join(' ')} (other work on the machine inflates the times)`);
  log(OUT_KEPT ? `wrote ${join(OUT, 'latest.json')} and latest.svg` : 'results not kept (a smoke run; --out DIR keeps them)');
}

try {
  await main();
} catch (e) {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
