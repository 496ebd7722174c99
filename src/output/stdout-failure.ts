// Standard output that could not be written (a full disk, a terminal gone; a closed pipe is
// silent): CPython reports it at exit and exits 120, whatever the command did.

import type { Io } from '../io.js';
import { lazy } from '../lazy.js';
import type { RunState } from '../pipeline/context.js';

/** Python's exit status when it cannot flush stdout at exit. */
export const EXIT_STDOUT_FAILED = 120;

/**
 * The exit code once stdout has settled: `code`, or 120 with CPython's two lines on stderr. A
 * bulk run says so in one line and gives its Summary, so that the operator still learns what was done.
 */
export async function afterStdout(io: Io, state: RunState, code: number): Promise<number> {
  await io.stdout.settle?.();
  const failure = io.stdout.failure?.();
  if (!failure) return code;
  const { pyOsErrorText } = await lazy.errno();
  const why = pyOsErrorText(failure, undefined, [5, 'Input/output error']);
  if (state.bulkResult) {
    const { summaryLine } = await lazy.bulkResult();
    io.stderr.write(`${io.prog}: the result could not be written to standard output: ${why}\n`);
    io.stderr.write(`${io.prog}: Summary: ${summaryLine(state.bulkResult)}\n`);
  } else {
    io.stderr.write(`Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\nOSError: ${why}\n`);
  }
  return EXIT_STDOUT_FAILED;
}
