// The operation parser (clidriver.py ServiceOperation): the operation's options and s3abort's
// own; `help` ends the run with the help page.

import { parseOperation } from '../args/parse-argv.js';
import { readBulkFlags } from '../bulk/bulk-options.js';
import { lazy } from '../lazy.js';
import { showHelpPage } from '../modes/help.js';
import type { Command, Run, StepResult } from './context.js';

export async function operationStep(run: Run, cmd: Partial<Command> & Pick<Command, 'rest'>): Promise<StepResult> {
  const { io } = run;
  const { op, help } = parseOperation(cmd.rest, io.argv, io.prog);
  if (help) return showHelpPage(run);
  const timestamps = typeof op.olderThan === 'string' ? await lazy.timestamp() : undefined;
  cmd.bulk = readBulkFlags(op, io.prog, io.now(), (v) => timestamps?.parseTimestamp(v, new Date(io.now()))?.date ?? null);
  cmd.op = op;
  if (typeof op.generateCliSkeleton === 'string') cmd.skeleton = op.generateCliSkeleton;
  return undefined;
}
