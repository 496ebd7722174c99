// The one renderer of errors (awscli errorhandler.py): whatever ended a run, what reaches stdout
// and stderr, and the exit code. Every CliError carries its exit code and its own text; anything
// else is printed as str(exception) with 255, never a stack trace (that only under --debug).

import { usageHints } from './args/hints.js';
import type { DebugLog } from './debug.js';
import { CliError, EXIT_GENERAL, EXIT_INTERRUPTED, EXIT_USAGE, GeneralError, Interrupted } from './errors.js';
import type { Io } from './io.js';

export function reportError(io: Io, err: unknown, debug: DebugLog): number {
  if (err instanceof Interrupted) {
    // KeyboardInterrupt writes a newline to stdout, nothing to stderr
    io.stdout.write('\n');
    return EXIT_INTERRUPTED;
  }
  // output/display.ts DisplayCrash: what the formatter had written before it failed (checked by
  // its field, so that this module need not load the formatters)
  const partial = err instanceof GeneralError ? (err as { partialOutput?: unknown }).partialOutput : undefined;
  if (typeof partial === 'string' && partial) io.stdout.write(partial);
  const e = err as Error;
  if (debug.enabled && e?.stack) debug.log('awscli.clidriver', `Exception caught in main()\n${e.stack}`);
  if (!(err instanceof CliError)) {
    io.stderr.write(`\n${e?.message ?? String(err)}\n`);
    return EXIT_GENERAL;
  }
  io.stderr.write(err.render());
  // after the AWS CLI's own text: the likely mistake with s3abort's options and words
  if (err.exitCode === EXIT_USAGE) io.stderr.write(usageHints(io.argv, io.prog));
  return err.exitCode;
}
