// Runs the built CLI as a whole process, the way the conformance harness does: a clean explicit
// environment (never the ambient one: this machine sets AWS_CA_BUNDLE and more), HOME in a fresh
// temporary folder, the fake keys, and the temporary folder as the working directory.
import { assertNoSecrets } from './secrets.js';
import { runEnv, testTmpDir } from './tmp.js';
import { spawn } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(REPO_ROOT, 'bin', 's3abort.js');
export const BUILT_ENTRY = join(REPO_ROOT, 'dist', 'cli.js');

/** The harness's fake keys. */
export const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
export const SECRET_KEY = 'wJalrXUtnFEMIK7MDENGbPxRfiCYSECRETKEY';

export interface RunCliOptions {
  /** Overrides on top of the clean environment; null removes a variable. */
  env?: Record<string, string | null>;
  /** Files to write first, paths relative to tmp (e.g. `home/.aws/config`). */
  files?: Record<string, string>;
  /** Standard input; the pipe is closed after it (empty when absent). */
  stdin?: string;
  /** Kill the process (SIGKILL) after this long; default 60 s, the harness's default. */
  timeoutMs?: number;
  /** Working directory; default tmp. */
  cwd?: string;
  /** Use this existing folder as tmp (the caller owns it: it is not removed). */
  tmp?: string;
  /** Keep the folder runCli created (default: removed once the process has exited). */
  keepTmp?: boolean;
  /** The command to run instead of `node bin/s3abort.js` (e.g. a reference CLI). */
  command?: readonly string[];
}

export interface RunCliResult {
  /** Exit code; null when the process was killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  tmp: string;
  timedOut: boolean;
  durationMs: number;
}

/** A fresh temporary folder holding `home/.aws`, like the harness's; the caller removes it (removeTmp). */
export function makeTmp(): string {
  const tmp = testTmpDir('run');
  mkdirSync(join(tmp, 'home', '.aws'), { recursive: true });
  return tmp;
}

/**
 * The harness's environment for a run with HOME under `tmp`, with overrides applied. Besides the
 * harness's variables, the run's TMPDIR and marker (test/support/tmp.ts runEnv: the CLI's compile
 * cache stays in the run's folder, and a CLI or pager left running is found when the run ends).
 */
export function cleanEnv(tmp: string, overrides: Record<string, string | null> = {}): Record<string, string> {
  const env: Record<string, string> = {
    ...runEnv(),
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: join(tmp, 'home'),
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    AWS_ACCESS_KEY_ID: ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: SECRET_KEY,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === null) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Writes files under tmp, creating their folders; a path may not leave tmp. */
export function writeFiles(tmp: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    const p = resolve(tmp, name);
    const rel = relative(tmp, p);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`file ${name} is outside the run folder`);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content, 'utf8');
  }
}

/** A signal's number (Python reports a signal death as returncode -n). */
export function signalNumber(signal: NodeJS.Signals): number {
  return (osConstants.signals as Record<string, number>)[signal] ?? 0;
}

export async function runCli(args: readonly string[], opts: RunCliOptions = {}): Promise<RunCliResult> {
  const ownTmp = opts.tmp === undefined;
  const tmp = opts.tmp ?? makeTmp();
  if (!ownTmp) mkdirSync(join(tmp, 'home', '.aws'), { recursive: true });
  try {
    writeFiles(tmp, opts.files ?? {});
    const [cmd, ...pre] = opts.command ?? [process.execPath, BIN];
    if (cmd === undefined) throw new Error('runCli: empty command');
    const started = Date.now();
    const child = spawn(cmd, [...pre, ...args], {
      cwd: opts.cwd ?? tmp,
      env: cleanEnv(tmp, opts.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    // a CLI that exits without reading stdin closes the pipe under us: not an error here
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.stdin ?? '');

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 60_000);
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
      (resolveExit, reject) => {
        child.on('error', reject);
        // 'close' (not 'exit'): every byte of stdout/stderr has been read by then
        child.on('close', (c, s) => resolveExit({ code: c, signal: s }));
        // ...unless a grandchild (a pager?) still holds the pipes: give up on them after a while
        child.on('exit', (c, s) => {
          setTimeout(() => {
            child.stdout.destroy();
            child.stderr.destroy();
            resolveExit({ code: c, signal: s });
          }, 2_000).unref();
        });
      },
    ).finally(() => clearTimeout(timer));
    const stdout = Buffer.concat(out).toString('utf8');
    const stderr = Buffer.concat(err).toString('utf8');
    // s3abort's output only (also when run with other node flags): other commands (the AWS CLI,
    // `env` in self-tests) may print them
    const s3abort = opts.command === undefined || opts.command.some((a) => a === BIN);
    if (s3abort) assertNoSecrets(stdout + stderr, `the output of ${JSON.stringify(args).slice(0, 200)}`);
    return {
      code,
      signal,
      stdout,
      stderr,
      tmp,
      timedOut,
      durationMs: Date.now() - started,
    };
  } finally {
    if (ownTmp && !opts.keepTmp) rmSync(tmp, { recursive: true, force: true });
  }
}
