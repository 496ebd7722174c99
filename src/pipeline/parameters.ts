// The operation's parameters from argv (awscli argprocess.py): file:// and fileb:// are unpacked
// for every member, in the model's order.

import { MEMBER_OPTIONS } from '../args/options.js';
import { lazy } from '../lazy.js';
import type { Command, Run, StepResult } from './context.js';

export async function parametersStep(run: Run, cmd: Partial<Command> & Pick<Command, 'op'>): Promise<StepResult> {
  const params = new Map<string, unknown>();
  for (const spec of MEMBER_OPTIONS) {
    const raw = cmd.op[spec.dest];
    if (typeof raw !== 'string') continue;
    const { loadParamFile } = await lazy.paramfile();
    params.set(spec.member, await loadParamFile(raw, spec.flag, run.io));
  }
  cmd.params = params;
  cmd.keyGiven = params.has('Key');
  return undefined;
}
