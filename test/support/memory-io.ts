// An in-memory Io for running main() and the argument modules in-process: files in a Map, captured
// stdout/stderr, a fixed environment and clock. Nothing here reads the real machine.

import { assertNoSecrets } from './secrets.js';
import path from 'node:path';
import type { Io, Writable } from '../../src/io.js';

export interface MemoryIoOptions {
  /** Arguments after the program name. */
  argv?: readonly string[];
  /** argparse's prog (basename of the program); default "aws". */
  prog?: string;
  /** The whole environment; nothing is inherited from process.env. */
  env?: Record<string, string | undefined>;
  /** Files by path (absolute, or relative to `cwd`); their parent folders exist implicitly. */
  files?: Record<string, string | Uint8Array>;
  /** Extra (empty) directories. */
  dirs?: readonly string[];
  /** Paths that exist but cannot be read (EACCES). */
  unreadable?: readonly string[];
  stdin?: string | Uint8Array;
  stdinTTY?: boolean;
  /** default "/work" */
  cwd?: string;
  /** default "/home/user" */
  homedir?: string;
  /** Milliseconds since the epoch, or a clock; default 2025-01-31T10:20:30Z. */
  now?: number | Date | (() => number);
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
  /** Terminal width reported by stdout/stderr when they are TTYs. */
  columns?: number;
  platform?: string;
  /** stdout fails with this error code (ENOSPC, EIO) once anything is written to it. */
  stdoutFails?: string;
  /** openAppend fails with this error code for these paths. */
  appendFails?: Record<string, string>;
}

export interface MemoryIo {
  io: Io;
  /** Everything written to stdout so far, decoded as UTF-8. */
  stdout(): string;
  stderr(): string;
  stdoutBytes(): Uint8Array;
  stderrBytes(): Uint8Array;
  /** How many times readStdin() was called. */
  stdinReads(): number;
  /** Fires io.signal, as the first SIGINT does (or SIGTERM/SIGHUP in a bulk run: the reason). */
  abort(reason?: string): void;
  /** Fires io.cancel, as a second signal does. */
  cancel(): void;
  /** The file system (absolute path -> contents); tests may add or change files. */
  files: Map<string, Uint8Array>;
}

export const DEFAULT_NOW = Date.UTC(2025, 0, 31, 10, 20, 30);

const encoder = new TextEncoder();

export function createMemoryIo(opts: MemoryIoOptions = {}): MemoryIo {
  const cwd = opts.cwd ?? '/work';
  const abs = (p: string) => path.posix.resolve(cwd, p);
  const files = new Map<string, Uint8Array>();
  for (const [p, content] of Object.entries(opts.files ?? {})) {
    files.set(abs(p), typeof content === 'string' ? encoder.encode(content) : content);
  }
  const dirs = new Set<string>(['/', cwd, ...(opts.dirs ?? []).map(abs)]);
  const unreadable = new Set((opts.unreadable ?? []).map(abs));

  const isDir = (p: string) => {
    if (dirs.has(p)) return true;
    const prefix = p.endsWith('/') ? p : `${p}/`;
    for (const f of files.keys()) if (f.startsWith(prefix)) return true;
    for (const d of dirs) if (d.startsWith(prefix)) return true;
    return false;
  };

  const fsError = (code: string, errno: number, text: string, p: string) =>
    Object.assign(new Error(`${code}: ${text}, open '${p}'`), { code, errno: -errno, syscall: 'open', path: p });

  const capture = (tty: boolean | undefined, failCode?: string) => {
    const chunks: Uint8Array[] = [];
    let failure: { code: string } | undefined;
    const stream: Writable = {
      write: (chunk) => {
        if (failCode !== undefined) {
          failure ??= { code: failCode };
          return;
        }
        chunks.push(typeof chunk === 'string' ? encoder.encode(chunk) : Uint8Array.from(chunk));
      },
      settle: () => Promise.resolve(),
      failure: () => failure,
      isTTY: tty === true,
      ...(tty && opts.columns !== undefined ? { columns: opts.columns } : {}),
    };
    const bytes = () => Buffer.concat(chunks.map((c) => Buffer.from(c)));
    return { stream, bytes, text: () => bytes().toString('utf8') };
  };
  const out = capture(opts.stdoutTTY, opts.stdoutFails);
  const err = capture(opts.stderrTTY);

  const stdinBytes = typeof opts.stdin === 'string' ? encoder.encode(opts.stdin) : (opts.stdin ?? new Uint8Array());
  let stdinReads = 0;
  const controller = new AbortController();
  const cancelController = new AbortController();
  const now = opts.now ?? DEFAULT_NOW;
  const clock = typeof now === 'function' ? now : now instanceof Date ? () => now.getTime() : () => now;

  const io: Io = {
    argv: opts.argv ?? [],
    prog: opts.prog ?? 'aws',
    env: { ...(opts.env ?? {}) },
    stdout: out.stream,
    stderr: err.stream,
    readStdin: () => {
      stdinReads++;
      return Promise.resolve(stdinBytes);
    },
    stdinIsTTY: opts.stdinTTY === true,
    fs: {
      readFile: (p) => {
        const a = abs(p);
        if (p === '') throw fsError('ENOENT', 2, 'no such file or directory', p);
        if (unreadable.has(a)) throw fsError('EACCES', 13, 'permission denied', p);
        const f = files.get(a);
        if (f !== undefined) return f;
        if (isDir(a)) throw fsError('EISDIR', 21, 'illegal operation on a directory', p);
        throw fsError('ENOENT', 2, 'no such file or directory', p);
      },
      exists: (p) => {
        const a = abs(p);
        return files.has(a) || unreadable.has(a) || isDir(a);
      },
    },
    cwd,
    homedir: opts.homedir ?? '/home/user',
    now: clock,
    signal: controller.signal,
    cancel: cancelController.signal,
    openAppend: (p) => {
      const a = abs(p);
      const code = opts.appendFails?.[p] ?? opts.appendFails?.[a];
      if (code !== undefined) throw fsError(code, code === 'EACCES' ? 13 : 2, code === 'EACCES' ? 'permission denied' : 'no such file or directory', p);
      if (!files.has(a)) files.set(a, new Uint8Array());
      return {
        write: (text) => {
          assertNoSecrets(text, `file ${a}`);
          files.set(a, Buffer.concat([Buffer.from(files.get(a) ?? new Uint8Array()), Buffer.from(text, 'utf8')]));
        },
        close: () => {},
      };
    },
    platform: opts.platform ?? 'linux',
    runtime: 'Node.js/20.0.0 Linux/6.0.0 x86_64',
  };

  return {
    io,
    stdout: () => {
      const t = out.text();
      assertNoSecrets(t, 'stdout');
      return t;
    },
    stderr: () => {
      const t = err.text();
      assertNoSecrets(t, 'stderr');
      return t;
    },
    stdoutBytes: () => {
      const b = out.bytes();
      assertNoSecrets(Buffer.from(b).toString('utf8'), 'stdout');
      return b;
    },
    stderrBytes: () => {
      const b = err.bytes();
      assertNoSecrets(Buffer.from(b).toString('utf8'), 'stderr');
      return b;
    },
    stdinReads: () => stdinReads,
    abort: (reason = 'SIGINT') => controller.abort(reason),
    cancel: () => cancelController.abort('SIGINT'),
    files,
  };
}
