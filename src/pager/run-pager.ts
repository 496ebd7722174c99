// Starting a pager process and feeding it text. The pager reads our text on its stdin and draws
// on the terminal itself (stdout and stderr are inherited), as subprocess.Popen(stdin=PIPE) does.

import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { pyOsErrorText } from '../py/errno.js';

/** The pager could not be started (the executable is missing, not executable, ...). */
export class PagerStartError extends Error {
  override name = 'PagerStartError';
  constructor(
    /** Node's code: ENOENT, EACCES, ... */
    readonly code: string,
    /** argv[0] as given */
    readonly file: string,
  ) {
    super(`${code}: ${file}`);
  }

  /** The text of Python's OSError for the same failure: `[Errno 2] No such file or directory: 'less'`. */
  pythonText(): string {
    return pyOsErrorText({ code: this.code }, this.file, [0, this.code]);
  }
}


/**
 * Runs `argv` with `text` on its stdin and resolves when it has exited (whatever its exit code).
 * Rejects with PagerStartError when it cannot be started.
 */
export type PagerRunner = (argv: readonly string[], text: string, env: Readonly<Record<string, string>>) => Promise<void>;

export const spawnPager: PagerRunner = (argv, text, env) =>
  new Promise<void>((resolve, reject) => {
    const [file, ...args] = argv;
    if (file === undefined) {
      reject(new PagerStartError('ENOENT', ''));
      return;
    }
    let started = false;
    const child = spawn(file, args, { stdio: ['pipe', 'inherit', 'inherit'], env: { ...env } });
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (!started) reject(new PagerStartError(err.code ?? 'ENOENT', file));
    });
    child.on('spawn', () => {
      started = true;
      // the user may quit the pager before it has read everything: EPIPE is not an error
      child.stdin.on('error', () => {});
      child.stdin.end(text);
    });
    child.on('close', () => {
      if (started) resolve();
    });
  });

/** shutil.which-like: is `file` an executable, by itself (with a slash) or on PATH? */
export function findExecutable(file: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const candidates = file.includes('/')
    ? [file]
    : (env['PATH'] ?? '').split(path.delimiter).map((dir) => path.join(dir === '' ? '.' : dir, file));
  for (const candidate of candidates) {
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
