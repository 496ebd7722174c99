// An Io built the way src/cli.ts builds it from `process`, for running main() in-process against
// the real machine: the real file system, an explicit environment, captured stdout and stderr
// (pipes: no terminal), the given standard input, a working folder of its own. The one place a
// real-machine Io is made in the tests: when Io gains a member, it is added here (and in
// memory-io.ts for the in-memory one).
//
// What it cannot be is a process: cli.ts's process-level parts (SIGINT wiring, EPIPE on stdout,
// process.exit after Ctrl-C, the filter of the SDK's Node version warning, V8 heap flags, reading
// the real standard input) are proven by the spawned runs only (test/support/run-cli.ts).
import fs from 'node:fs';
import os from 'node:os';
import type { Io, Writable } from '../../src/io.js';

export interface NodeIoOptions {
  argv: readonly string[];
  /** The whole environment (nothing is inherited from process.env). */
  env: Record<string, string>;
  /** The run's working folder: relative paths are looked up from here, as from a process's cwd. */
  cwd: string;
  /** Standard input: a pipe holding these bytes, then closed (empty when absent). */
  stdin?: string | Uint8Array;
  /** argparse's prog; the installed bin is `s3abort` (cli.ts: basename of argv[1] without .js). */
  prog?: string;
  /** Fires io.signal (SIGINT); default: a signal that never fires. */
  signal?: AbortSignal;
}

export interface NodeIo {
  io: Io;
  stdout(): string;
  stderr(): string;
  stdoutBytes(): Buffer;
  stderrBytes(): Buffer;
}

/** What os.homedir() returns in a process with this environment: $HOME when set (even empty), else the passwd entry. */
export function homedirFor(env: Readonly<Record<string, string | undefined>>): string {
  const home = env.HOME;
  return home !== undefined ? home : os.userInfo().homedir;
}

export function createNodeIo(opts: NodeIoOptions): NodeIo {
  const cwd = opts.cwd;
  // a relative path reaches the kernel as a process with this cwd would pass it: joined by text,
  // not normalised ('a/../b' and a trailing slash keep their meaning); '' stays '' (ENOENT)
  const at = (p: string): string => (p === '' || p.startsWith('/') ? p : `${cwd}/${p}`);
  const capture = () => {
    const chunks: Buffer[] = [];
    const stream: Writable = {
      write: (chunk) => {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
      },
      // a pipe, as in the spawned runs: no terminal, no width
      isTTY: false,
    };
    return { stream, bytes: () => Buffer.concat(chunks) };
  };
  const out = capture();
  const err = capture();
  const stdin = typeof opts.stdin === 'string' ? Buffer.from(opts.stdin, 'utf8') : Buffer.from(opts.stdin ?? new Uint8Array());
  let stdinCache: Promise<Uint8Array> | undefined;

  const io: Io = {
    argv: [...opts.argv],
    prog: opts.prog ?? 's3abort',
    env: { ...opts.env },
    stdout: out.stream,
    stderr: err.stream,
    readStdin: () => (stdinCache ??= Promise.resolve(new Uint8Array(stdin))),
    stdinIsTTY: false,
    fs: {
      readFile: (p) => fs.readFileSync(at(p)),
      exists: (p) => fs.existsSync(at(p)),
    },
    cwd,
    homedir: homedirFor(opts.env),
    now: () => Date.now(),
    signal: opts.signal ?? new AbortController().signal,
    cancel: new AbortController().signal,
    openAppend: (p) => {
      const fd = fs.openSync(at(p), 'a', 0o600);
      return {
        write: (text) => void fs.writeSync(fd, text),
        close: () => fs.closeSync(fd),
      };
    },
    platform: process.platform,
    runtime: `Node.js/${process.versions.node} ${os.type()}/${os.release()} ${os.machine()}`,
  };
  return {
    io,
    stdout: () => out.bytes().toString('utf8'),
    stderr: () => err.bytes().toString('utf8'),
    stdoutBytes: () => out.bytes(),
    stderrBytes: () => err.bytes(),
  };
}
