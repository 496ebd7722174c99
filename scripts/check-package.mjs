#!/usr/bin/env node
// Checks the npm package as a user gets it: `npm pack` holds only what runs (bin/, dist/, README.md,
// LICENSE, package.json), `engines` states the Node versions, the bundle imports nothing but Node's
// own modules and its own chunks, and the tarball installed globally into an empty prefix with an
// empty npm cache and --offline works: --version, a usage error, a skeleton, and one abort against
// the bench's stub S3 on 127.0.0.1 (which loads the lazy SDK chunks). Exits non-zero on the first
// problem. Run by .ci/run after the tests; `node scripts/check-package.mjs` by hand.
import { spawn, spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(os.tmpdir(), 's3abort-pack-'));
const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
});

let failures = 0;
let passes = 0;
const ok = (what) => {
  passes++;
  process.stdout.write(`ok   ${what}\n`);
};
const fail = (what, detail = '') => {
  failures++;
  process.stdout.write(`FAIL ${what}${detail ? `\n     ${detail.replace(/\n/g, '\n     ')}` : ''}\n`);
};
const check = (cond, what, detail) => (cond ? ok(what) : fail(what, detail));

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 2 ** 20, ...opts });
  if (r.error) throw r.error;
  return r;
}

// --- pack ----------------------------------------------------------------------------------------
// npm pack runs `prepare`, which builds dist/ first
const packDir = join(tmp, 'pack');
mkdirSync(packDir);
const packed = sh('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: ROOT });
if (packed.status !== 0) {
  fail('npm pack', packed.stderr);
  process.exit(1);
}
const info = JSON.parse(packed.stdout)[0];
const tarball = join(packDir, info.filename);
const files = info.files.map((f) => f.path).sort();
const allowed = (p) => /^(bin|dist)\//.test(p) || ['README.md', 'LICENSE', 'package.json'].includes(p);
const stray = files.filter((p) => !allowed(p));
check(stray.length === 0, `the package holds only bin/, dist/, README.md, LICENSE, package.json (${files.length} files, ${(info.size / 1024).toFixed(0)} KiB packed)`, `also: ${stray.join(', ')}`);
for (const need of ['bin/s3abort.js', 'bin/package.json', 'dist/cli.js', 'dist/package.json', 'README.md', 'LICENSE', 'package.json']) {
  check(files.includes(need), `the package holds ${need}`);
}
check(!files.some((p) => /\.(ts|map)$/.test(p) || p.startsWith('test/') || p.startsWith('src/')), 'no sources, tests or source maps');

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
check(pkg.engines?.node === '>=20', `engines.node is ">=20" (found ${JSON.stringify(pkg.engines?.node)})`);
check(Object.keys(pkg.dependencies ?? {}).length === 0, 'no runtime dependencies: everything that runs is bundled', Object.keys(pkg.dependencies ?? {}).join(', '));

// --- what the bundle imports --------------------------------------------------------------------
// esbuild reads every static and literal dynamic import of the shipped files (strings that merely
// mention a package do not count); from a folder with no node_modules, anything but Node's own
// modules and the package's own chunks fails to resolve
{
  const { build } = await import('esbuild');
  const copy = join(tmp, 'dist-copy');
  sh('cp', ['-R', join(ROOT, 'dist'), copy]);
  try {
    const r = await build({
      entryPoints: [join(copy, 'cli.js')], bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, logLevel: 'silent', absWorkingDir: copy,
    });
    const external = new Set();
    for (const input of Object.values(r.metafile.inputs)) for (const i of input.imports) if (i.external) external.add(i.path);
    const foreign = [...external].filter((p) => !builtins.has(p));
    check(foreign.length === 0, `dist/ imports only Node built-ins (${[...external].length} of them) and its own chunks`, foreign.join(', '));
  } catch (e) {
    fail('dist/ imports only Node built-ins and its own chunks', (e.errors ?? []).map((x) => x.text).join('\n') || String(e));
  }
}

// --- install globally, offline, from an empty cache --------------------------------------------
const prefix = join(tmp, 'prefix');
const install = sh('npm', ['install', '-g', '--prefix', prefix, tarball, '--offline', '--cache', join(tmp, 'npm-cache'), '--no-audit', '--no-fund', '--loglevel', 'error'], {
  cwd: tmp,
});
check(install.status === 0, 'npm install -g --offline from the tarball into an empty prefix', install.stderr);
const bin = join(prefix, 'bin', 's3abort');

const home = join(tmp, 'home');
mkdirSync(join(home, '.aws'), { recursive: true });
const env = {
  PATH: [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
  HOME: home,
  LANG: 'C.UTF-8',
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMIK7MDENGbPxRfiCYSECRETKEY',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_PAGER: '',
};
const cli = (...args) => sh(bin, args, { env, cwd: tmp, timeout: 60_000 });

const v = cli('--version');
check(v.status === 0 && /^s3abort\/1\.\d+\.\d+ Node\.js\/\S+ \S+\/\S+ \S+\n$/.test(v.stdout), `${bin} --version`, `exit ${v.status}: ${v.stdout}${v.stderr}`);
const u = cli('--bucket', 'b');
check(u.status === 252 && u.stdout === '' && /s3abort: error: /.test(u.stderr), 'a usage error exits 252', `exit ${u.status}: ${u.stderr}`);
const s = cli('--generate-cli-skeleton');
let skeleton;
try {
  skeleton = JSON.parse(s.stdout);
} catch {
  skeleton = undefined;
}
check(s.status === 0 && skeleton && 'UploadId' in skeleton, '--generate-cli-skeleton prints the input skeleton', `exit ${s.status}: ${s.stdout}${s.stderr}`);

// one abort against the bench's stub: loads the SDK chunks from the installed package
const stub = spawn(process.execPath, [join(ROOT, 'bench', 'stub-s3.mjs'), '--uploads', '10', '--max-seconds', '120'], { stdio: ['pipe', 'pipe', 'inherit'] });
children.add(stub);
const port = await new Promise((ok2, no) => {
  const t = setTimeout(() => no(new Error('the stub did not start')), 10_000);
  let buf = '';
  stub.stdout.on('data', (c) => {
    buf += c;
    if (buf.includes('\n')) {
      clearTimeout(t);
      ok2(JSON.parse(buf.split('\n')[0]).port);
    }
  });
});
const { idOf, keyOf } = await import('../bench/uploads.mjs');
const url = `http://127.0.0.1:${port}`;
const runAsync = (args) =>
  new Promise((done) => {
    const c = spawn(bin, args, { env, cwd: tmp });
    let out = '';
    let err = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    const t = setTimeout(() => c.kill('SIGKILL'), 60_000);
    c.on('exit', (code) => {
      clearTimeout(t);
      done({ status: code, stdout: out, stderr: err });
    });
  });
const a = await runAsync(['--endpoint-url', url, '--bucket', 'pkg', '--key', keyOf(3), '--upload-id', idOf(3)]);
check(a.status === 0 && a.stdout === '' && a.stderr === '', 'one abort against a local stub S3 (204)', `exit ${a.status}: ${a.stdout}${a.stderr}`);
const again = await runAsync(['--endpoint-url', url, '--bucket', 'pkg', '--key', keyOf(3), '--upload-id', idOf(3)]);
check(again.status === 254 && /NoSuchUpload/.test(again.stderr), 'the same abort again: NoSuchUpload, exit 254', `exit ${again.status}: ${again.stderr}`);
const bulk = await runAsync(['--endpoint-url', url, '--bucket', 'pkgbulk', '--all-uploads', '--concurrency', '4']);
let doc;
try {
  doc = JSON.parse(bulk.stdout);
} catch {
  doc = undefined;
}
check(bulk.status === 0 && doc?.Summary?.Aborted === 10, '--all-uploads aborts the 10 listed uploads', `exit ${bulk.status}: ${bulk.stdout.slice(0, 500)}${bulk.stderr}`);
stub.stdin.end();
stub.kill('SIGTERM');

process.stdout.write(`package check: ${passes} passed, ${failures} failed\n`);
process.exitCode = failures ? 1 : 0;
