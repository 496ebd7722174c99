// Which pager, if any, the output and the help page go through (awscli utils.py
// OutputStreamFactory, clidriver.py; help.py PosixHelpRenderer.get_pager_cmdline).

import { GeneralError } from '../errors.js';
import { ShlexError, shlexSplit } from '../py/shlex.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The output pager as an argv, or null for none: AWS_PAGER > the profile's cli_pager > PAGER >
 * `less`; an empty value at any level means no pager; `--no-cli-pager` and a stdout that is not a
 * terminal mean none.
 */
export function resolvePager(
  env: Env,
  profilePager: string | undefined,
  noCliPager: boolean,
  stdoutIsTTY: boolean,
): string[] | null {
  return pagerFromSetting(env['AWS_PAGER'] ?? profilePager ?? env['PAGER'] ?? 'less', noCliPager, stdoutIsTTY);
}

/** The same from the already-resolved setting value (`Settings.pager`: '' means none). */
export function pagerFromSetting(value: string, noCliPager: boolean, stdoutIsTTY: boolean): string[] | null {
  if (noCliPager || !stdoutIsTTY || value === '') return null;
  const argv = splitCommand(value);
  return argv.length > 0 ? argv : null;
}

/** The help pager: MANPAGER > PAGER > `less -R` (LESS is left alone); null when it is set empty. */
export function helpPagerArgv(env: Env): string[] | null {
  const argv = splitCommand(env['MANPAGER'] ?? env['PAGER'] ?? 'less -R');
  return argv.length > 0 ? argv : null;
}

/** The output pager's environment: LESS=FRX unless LESS is set (even to ''). */
export function pagerEnv(env: Env): Record<string, string> {
  const out = childEnv(env);
  if (env['LESS'] === undefined) out['LESS'] = 'FRX';
  return out;
}

/** The environment as a child process gets it (the set variables only). */
export function childEnv(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

function splitCommand(value: string): string[] {
  try {
    return shlexSplit(value);
  } catch (e) {
    // shlex.split raises ValueError, which reaches the CLI's general handler
    if (e instanceof ShlexError) throw new GeneralError(e.message);
    throw e;
  }
}
