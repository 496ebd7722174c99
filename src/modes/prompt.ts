// The auto-prompt (awscli autoprompt/): resolve_mode decides before the main parser runs whether
// the command line is prompted for first (on), or only when it has a parameter error (on-partial).

import { autoPromptSetting } from '../config/settings/auto-prompt.js';
import { CliError, EXIT_INTERRUPTED, EXIT_USAGE, GeneralError, UnknownOptionsError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { lazy } from '../lazy.js';
import type { Run } from '../pipeline/context.js';

/**
 * awscli autoprompt/core.py resolve_mode: --no-cli-auto-prompt, help and --version turn it off,
 * --cli-auto-prompt on; else AWS_CLI_AUTO_PROMPT or the cli_auto_prompt of the profile named by
 * the environment (--profile is not parsed yet).
 */
function autoPromptMode(run: Run): 'on' | 'on-partial' | 'off' {
  const argv = run.io.argv;
  if (argv.includes('--cli-auto-prompt') && argv.includes('--no-cli-auto-prompt')) {
    throw new UsageError('Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.');
  }
  if (argv.includes('--no-cli-auto-prompt') || argv.includes('help') || argv.includes('--version')) return 'off';
  if (argv.includes('--cli-auto-prompt')) return 'on';
  const v = autoPromptSetting(run.io.env, run.shared);
  return v === 'on' ? 'on' : v === 'on-partial' ? 'on-partial' : 'off';
}

/** Runs the command (`command(io)`) as the auto-prompt mode says: prompted first, on a usage error, or as it is. */
export async function withAutoPrompt(run: Run, command: (io: Io) => Promise<number>): Promise<number> {
  const { io } = run;
  const mode = autoPromptMode(run);
  if (mode === 'on') {
    if (!io.stdinIsTTY) await promptWithoutTerminal(io);
    const next = await promptedIo(run);
    return typeof next === 'number' ? next : command(next);
  }
  // on-partial: the command runs with its usage errors held back, on a terminal that can prompt
  if (mode === 'off' || (io.stdinIsTTY && run.deps.promptTerminal === undefined)) return command(io);
  try {
    return await command(io);
  } catch (e) {
    // clidriver.py: on-partial silences a usage error (252) and opens the prompt instead
    if (!(e instanceof CliError) || e.exitCode !== EXIT_USAGE) throw e;
    // errorhandler.py SilenceParamValidationMsgErrorHandler: unknown options are still printed
    if (e instanceof UnknownOptionsError) io.stderr.write(e.render());
    if (!io.stdinIsTTY) return promptWithoutTerminal(io);
    const next = await promptedIo(run);
    return typeof next === 'number' ? next : command(next);
  }
}

/**
 * The auto-prompt when standard input is not a terminal: prompt_toolkit draws its first frame on
 * stdout, warns on stderr, and the CLI's handler prints the (empty) error, exit 255. The prompt's
 * buffer is the command line without the first --cli-auto-prompt (autoprompt pre_run).
 */
async function promptWithoutTerminal(io: Io): Promise<never> {
  const { renderNoTerminalFrame } = await lazy.promptFrame();
  const args = [...io.argv];
  const flag = args.indexOf('--cli-auto-prompt');
  if (flag >= 0) args.splice(flag, 1);
  const words = args[0] === 's3api' && args[1] === 'abort-multipart-upload' ? args : ['s3api', 'abort-multipart-upload', ...args];
  io.stdout.write(renderNoTerminalFrame(words));
  io.stderr.write('Warning: Input is not a terminal (fd=0).\n');
  throw new GeneralError('');
}

/**
 * The prompt (autoprompt/prompttoolkit.py): Enter prints `> s3abort <line>` on stdout and gives the
 * Io to run with; Ctrl-C/Ctrl-D print the line on stderr and give exit code 130.
 */
async function promptedIo(run: Run): Promise<Io | number> {
  const { io, deps } = run;
  // (stdin that is not a terminal is answered before, as the CLI answers it)
  if (!deps.promptTerminal) throw new GeneralError('The auto-prompt needs a terminal: main() was given none (Deps.promptTerminal).');
  const { promptForArgs } = await lazy.prompt();
  const { nodeCompletionFs } = await lazy.completionFs();
  const terminal = await deps.promptTerminal();
  const result = await promptForArgs(io, io.argv, terminal, { prog: io.prog, completionFs: deps.completionFs ?? nodeCompletionFs() });
  if (result.interrupted) {
    // errorhandler.py PrompterInterruptHandler: the text on stderr, no newline on stdout
    io.stderr.write(`> ${io.prog} ${result.buffer}\n`);
    return EXIT_INTERRUPTED;
  }
  io.stdout.write(`> ${io.prog} ${result.line}\n`);
  return { ...io, argv: result.argv };
}
