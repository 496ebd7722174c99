#!/usr/bin/env node
// npm run bench: s3abort against its baselines, side by side in one run, medians over repeated runs.
//   startup   s3abort --version, --generate-cli-skeleton, a usage error and one abort against a local
//             stub S3, each against `node -e 0`, interleaved round by round
//   one abort the same abort with the AWS CLI v2 (/usr/bin/aws) and v1 (python3 -m awscli), when
//             installed (skipped with a note otherwise)
//   bulk      aborting 5,000 uploads with --all-uploads --concurrency 16, against wrk sending the same
//             DELETEs with 16 connections to the same stub, against the `xargs -P 8` loop over the AWS
//             CLI (timed on a sample, extrapolated), on a stub that answers at once and on one that
//             answers after a delay, as a server across a network does
//   memory    peak RSS of `node -e 0`, one abort, and a bulk run of 100,000 selected uploads
// It prints the ratios, writes bench/results/latest.json and draws bench/results/latest.svg. Every
// CLI runs with a clean explicit environment (fake keys, HOME in a temporary folder), never the
// ambient one; every server listens on 127.0.0.1 and stops with the bench; every loop is bounded.
// Times are never a pass/fail: the exit code is non-zero only when a command misbehaves.
//
//   node bench/run.mjs [--runs 21] [--smoke] [--out DIR] [--skip-aws] [--bulk-uploads 5000]
//                      [--mem-uploads 100000] [--sample 40] [--delay-ms 5]
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
    'delay-ms': { type: 'string' },
    concurrency: { type: 'string' },
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
  bulkRuns: smoke ? 1 : 3,
  concurrency: num(flags.concurrency, 16, 1, 256),
  xargsP: 8,
  sample: num(flags.sample, smoke ? 8 : 40, 1, 1000),
  wrkSeconds: smoke ? 1 : 3,
  wrkRuns: smoke ? 1 : 3,
  delayMs: num(flags['delay-ms'], 5, 0, 1000),
  memUploads: num(flags['mem-uploads'], smoke ? 2000 : 100_000, 1, 1_000_000),
  memRuns: smoke ? 1 : 5,
};
// a smoke run (CI) keeps the committed results as they are
const OUT = resolve(flags.out ?? (smoke ? mkdtempSync(join(os.tmpdir(), 's3abort-bench-out-')) : join(HERE, 'results')));

const TARGETS = {
  startup: 1.2, // --version, skeletons, usage errors: at most 1.2 x node -e 0
  abort: 1.6, // one abort: at most 1.6 x node -e 0
  vsAwsV2: 6, // one abort: at least 6 x faster than the AWS CLI v2
  vsLoadgen: 0.5, // bulk: at least 50 % of the load generator's rate
  vsXargs: 100, // bulk: at least 100 x faster than the xargs loop
  memAbort: 1.5, // one abort: peak RSS at most 1.5 x node -e 0
  memBulkMiB: 250, // 100,000 selected uploads: under 250 MiB
};

// ---------------------------------------------------------------------------------------------
// the clean environment

const tmp = mkdtempSync(join(os.tmpdir(), 's3abort-bench-'));
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
  const child = spawn(NODE, [join(HERE, 'stub-s3.mjs'), '--max-seconds', '3600', ...extra], {
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
    reset: (uploads) => control('POST', `reset?uploads=${uploads}`),
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
  const wrk = which('wrk');
  const aws = awsV2 ?? awsV1;
  const awsCmd = awsV2 ? [awsV2.exe] : awsV1 ? [awsV1.exe, '-m', 'awscli'] : null;
  const bulkOn = async (server, label) => {
    const out = { uploads: cfg.bulkUploads, concurrency: cfg.concurrency };
    log(`\nbulk, ${label}: ${cfg.bulkUploads} uploads, concurrency ${cfg.concurrency}`);
    // s3abort --all-uploads
    const times = [];
    for (let r = 0; r < cfg.bulkRuns; r++) {
      await server.reset(cfg.bulkUploads);
      const res = run('bulk s3abort', NODE, [BIN, '--endpoint-url', server.url, '--bucket', `bulk${r}`, '--all-uploads', '--concurrency', String(cfg.concurrency)], { timeoutMs: 600_000 });
      const doc = JSON.parse(res.stdout());
      const stats = await server.stats();
      if (doc.Summary?.Aborted !== cfg.bulkUploads || stats.aborted !== cfg.bulkUploads) {
        throw new Error(`bulk s3abort: aborted ${doc.Summary?.Aborted} (server saw ${stats.aborted}) of ${cfg.bulkUploads}`);
      }
      times.push(res.ms);
    }
    const s3 = summary(times);
    out.s3abort = { ...s3, rps: cfg.bulkUploads / (s3.median / 1000) };
    line('s3abort --all-uploads (whole run)', `${out.s3abort.rps.toFixed(0)}/s`, fmtMs(s3.median), `  median of ${cfg.bulkRuns}`);

    // wrk: the same DELETEs (upload i, path style, same header names and sizes), same concurrency
    if (wrk) {
      const rates = [];
      for (let r = 0; r < cfg.wrkRuns; r++) {
        await server.reset(10_000_000);
        const res = run('wrk', wrk, ['-t1', `-c${cfg.concurrency}`, `-d${cfg.wrkSeconds}s`, '-s', join(HERE, 'loadgen.lua'), server.url, '--', `wrk${r}`, ID_TAIL], { timeoutMs: 60_000 });
        const text = res.stdout();
        const rps = Number(/Requests\/sec:\s*([\d.]+)/.exec(text)?.[1]);
        if (!(rps > 0) || /Non-2xx/.test(text)) throw new Error(`wrk: unexpected output\n${text}`);
        rates.push(rps);
      }
      out.wrk = { rps: median(rates), runs: rates.length, seconds: cfg.wrkSeconds };
      const ratio = out.s3abort.rps / out.wrk.rps;
      out.vsWrk = ratio;
      const met = target(`bulk (${label}): share of wrk's rate`, ratio, TARGETS.vsLoadgen, 'min');
      line(`wrk -t1 -c${cfg.concurrency} (load generator)`, `${out.wrk.rps.toFixed(0)}/s`, '', `  s3abort reaches ${(ratio * 100).toFixed(1)}%, target >= ${TARGETS.vsLoadgen * 100}% ${verdict(met)}`);
    } else {
      out.wrk = null;
      const n = 'wrk not installed (apt-get install wrk): the load-generator comparison is skipped';
      if (!notes.includes(n)) notes.push(n);
      log(`  note: ${n}`);
    }
    // the same DELETEs from Node's own HTTP client, no SDK: what the SDK layer costs
    {
      await server.reset(cfg.bulkUploads);
      const res = run('node loadgen', NODE, [join(HERE, 'node-loadgen.mjs'), server.url, 'nodelg', String(cfg.bulkUploads), String(cfg.concurrency)], { timeoutMs: 300_000 });
      const j = JSON.parse(res.stdout());
      if (j.statuses['204'] !== cfg.bulkUploads) throw new Error(`node loadgen: ${JSON.stringify(j.statuses)}`);
      out.nodeHttp = { rps: j.rps, seconds: j.seconds };
      line('plain node:http client, no SDK', `${j.rps.toFixed(0)}/s`, '', `  s3abort reaches ${((out.s3abort.rps / j.rps) * 100).toFixed(1)}%`);
    }
    return out;
  };

  results.bulk.fast = await bulkOn(stub, 'stub answering at once');
  // the xargs loop people write today, timed on a sample and extrapolated
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
    const times = results.bulk.fast.s3abort.rps / rps;
    results.bulk.fast.xargs = { cli: aws.version, parallel: cfg.xargsP, sample: cfg.sample, sampleMs: res.ms, rps, extrapolatedMs: extrapolated };
    results.bulk.fast.vsXargs = times;
    const met = target('bulk: times faster than the xargs loop', times, TARGETS.vsXargs, 'min');
    line(`xargs -P ${cfg.xargsP} ${aws.version} (${cfg.sample} timed)`, `${rps.toFixed(1)}/s`, fmtMs(extrapolated), `  ${cfg.bulkUploads} extrapolated; s3abort ${fmtX(times)} faster, target >= ${TARGETS.vsXargs}x ${verdict(met)}`);
  } else {
    notes.push('no AWS CLI installed: the xargs loop is skipped');
    log('  note: no AWS CLI installed: the xargs loop is skipped');
  }

  if (cfg.delayMs > 0) {
    const slow = await startStub(['--delay-ms', String(cfg.delayMs)]);
    results.bulk.delayed = { delayMs: cfg.delayMs, ...(await bulkOn(slow, `stub answering after ${cfg.delayMs} ms`)) };
    results.bulk.delayed.ceiling = (cfg.concurrency * 1000) / cfg.delayMs;
    log(`  (at most ${results.bulk.delayed.ceiling.toFixed(0)}/s at ${cfg.concurrency} in flight and ${cfg.delayMs} ms each)`);
    slow.stop();
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
    const memBulk = rss(`bulk ${cfg.memUploads}`, NODE, [BIN, '--endpoint-url', stub.url, '--bucket', 'mem', '--all-uploads', '--concurrency', String(cfg.concurrency)], 1, { timeoutMs: 900_000 });
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
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(OUT, 'latest.svg'), drawChart(results, TARGETS));
  results.machine.loadavgAfter = os.loadavg().map((x) => Number(x.toFixed(2)));
  const missed = results.targets.filter((t) => !t.met);
  log(`\ntargets: ${results.targets.length - missed.length} met, ${missed.length} missed${missed.length ? `: ${missed.map((t) => t.name).join('; ')}` : ''}`);
  log(`load average before ${results.machine.loadavg.join(' ')}, after ${results.machine.loadavgAfter.join(' ')} (other work on the machine inflates the times)`);
  log(`wrote ${join(OUT, 'latest.json')} and latest.svg`);
}

try {
  await main();
} catch (e) {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
