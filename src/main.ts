// main(io, deps) -> exit code: chooses what the run is (shell completion, or a command, maybe
// through the auto-prompt), runs it, and renders whatever error ends it. The command's own steps,
// in the AWS CLI's order, are listed in src/pipeline/command.ts. Nothing here touches `process`:
// cli.ts builds the Io and ends the process.

import { FIRST_PASS_HELP, parseFirstPass } from './args/parse-argv.js';
import { loadSharedConfig } from './config/ini.js';
import { createDebugLog, NO_DEBUG } from './debug.js';
import { Interrupted } from './errors.js';
import type { Io } from './io.js';
import { completionCommand, isCompletionCommand } from './modes/completion.js';
import { showHelpPage } from './modes/help.js';
import { withAutoPrompt } from './modes/prompt.js';
import { afterStdout } from './output/stdout-failure.js';
import { runCommand } from './pipeline/command.js';
import type { Deps, Run, RunState } from './pipeline/context.js';
import { reportError } from './report-error.js';
import { versionString } from './version.js';

export type { Deps };

export async function main(io: Io, deps: Deps = {}): Promise<number> {
  // s3abort's own command words for shell completion: before anything reads argv or the config
  if (isCompletionCommand(io.argv)) {
    try {
      return await completionCommand(io, deps);
    } catch (err) {
      return reportError(io, err, NO_DEBUG);
    }
  }
  // awscli FirstPassGlobalArgParser: --debug takes effect before anything else is parsed; its own
  // argparse errors are reported once the run starts
  let firstPass: { help: boolean; debug: boolean } | Error;
  try {
    firstPass = parseFirstPass(io.argv);
  } catch (e) {
    firstPass = e as Error;
  }
  const debug = createDebugLog(io, !(firstPass instanceof Error) && firstPass.debug);
  const state: RunState = { bulkActive: false, pagerActive: false, colorama: false };
  let code: number;
  try {
    code = await Promise.race([start(io, deps, state, debug, firstPass), interrupted(io, state)]);
  } catch (err) {
    code = reportError(io, err, debug);
  }
  // colorama's atexit reset_all: one more ESC[0m when stdout is a terminal (awscli table.py)
  if (state.colorama && io.stdout.isTTY) io.stdout.write('\x1b[0m');
  return afterStdout(io, state, code);
}

/** SIGINT: KeyboardInterrupt, unless a bulk run or a pager handles it. */
function interrupted(io: Io, state: RunState): Promise<never> {
  const p = new Promise<never>((_, reject) => {
    const stop = () => {
      if (!state.bulkActive && !state.pagerActive) reject(new Interrupted());
    };
    if (io.signal.aborted) stop();
    io.signal.addEventListener('abort', stop, { once: true });
  });
  p.catch(() => {});
  return p;
}

async function start(io: Io, deps: Deps, state: RunState, debug: Run['debug'], firstPass: { help: boolean } | Error): Promise<number> {
  if (firstPass instanceof Error) throw firstPass;
  if (firstPass.help) {
    // `s3abort --help` shows the reference page, as `s3abort help` does; `-h` keeps the AWS
    // CLI's answer, the first-pass parser's argparse help (its usage and options, exit 0)
    if (io.argv.includes('--help')) return showHelpPage({ io, deps, state });
    io.stdout.write(FIRST_PASS_HELP);
    return 0;
  }
  debug.log('awscli.clidriver', `CLI version: ${versionString(io)}`);
  debug.log('awscli.clidriver', `Arguments entered to CLI: ${pyListRepr(io.argv)}`);
  // clidriver.py create_clidriver: load_plugins(session.full_config) reads (and may fail on) both
  // shared files before the auto-prompt and the main parser
  const shared = loadSharedConfig({ env: io.env, fs: io.fs, homedir: io.homedir });
  const run: Run = { io, deps, debug, state, shared };
  return withAutoPrompt(run, (argv) => runCommand(run, argv));
}

function pyListRepr(items: readonly string[]): string {
  return `[${items.map((s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;
}
