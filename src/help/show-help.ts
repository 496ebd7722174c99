// `s3abort help` / `--help`: the page, set for the terminal and shown through the help pager when
// stdout is a terminal; plain text at 80 columns otherwise (for `> file`, `| grep`).
//
// Differences from the AWS CLI, on purpose: the CLI always pipes groff's output to the pager, even
// when stdout is not a terminal (so `aws ... help > f` holds overstrikes), and exits 255 when groff
// is missing; s3abort needs no groff, and writes plain text when stdout is not a terminal. As the
// CLI does, a pager that is not on PATH means the page is written straight to stdout (exit 0).

import type { Io } from '../io.js';
import { childEnv, helpPagerArgv } from '../pager/resolve-pager.js';
import { findExecutable, PagerStartError, spawnPager, type PagerRunner } from '../pager/run-pager.js';
import { renderHelp, type HelpStyle } from './render-help.js';

export interface ShowHelpDeps {
  /** Starts the pager; the real one by default. */
  runPager?: PagerRunner;
  /** Finds an executable on PATH (the CLI's _exists_on_path); the real lookup by default. */
  findExecutable?: (file: string, env: Readonly<Record<string, string | undefined>>) => string | undefined;
}

/** Shows the help page; returns the exit code (always 0). */
export async function showHelp(io: Pick<Io, 'env' | 'stdout'>, deps: ShowHelpDeps = {}): Promise<number> {
  if (io.stdout.isTTY !== true) {
    io.stdout.write(renderHelp({ width: 80, style: 'plain' }));
    return 0;
  }
  const width = io.stdout.columns && io.stdout.columns > 0 ? io.stdout.columns : 80;
  const argv = helpPagerArgv(io.env);
  const find = deps.findExecutable ?? findExecutable;
  if (argv === null || find(argv[0]!, io.env) === undefined) {
    io.stdout.write(renderHelp({ width, style: 'ansi' }));
    return 0;
  }
  try {
    // help.py does not set LESS for the help pager (less -R is enough)
    await (deps.runPager ?? spawnPager)(argv, renderHelp({ width, style: helpStyleFor(argv, io.env) }), childEnv(io.env));
  } catch (e) {
    if (!(e instanceof PagerStartError)) throw e;
    io.stdout.write(renderHelp({ width, style: 'ansi' }));
  }
  return 0;
}

/**
 * ANSI bold/underline for pagers that pass them to the terminal (`less -R`, the default, or with R
 * in LESS; `cat`); for any other pager the overstrikes that man pages have always used, which
 * every pager (and `col -b`) understands.
 */
export function helpStyleFor(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): HelpStyle {
  const base = (argv[0] ?? '').split('/').pop() ?? '';
  if (base === 'cat') return 'ansi';
  if (base !== 'less') return 'overstrike';
  const raw = (opts: readonly string[]) =>
    opts.some((o) =>
      o.startsWith('--') ? /^--(raw-control-chars|RAW-CONTROL-CHARS)$/.test(o) : /^-?[A-Za-z]*[Rr]/.test(o) && !o.startsWith('+'),
    );
  return raw(argv.slice(1)) || raw((env['LESS'] ?? '').split(/\s+/).filter(Boolean)) ? 'ansi' : 'overstrike';
}
