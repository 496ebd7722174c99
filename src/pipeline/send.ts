// The call and its response: the output skeleton (a stub answers), the bulk run, or the one abort.

import { outputSkeletonResponse } from '../args/skeleton.js';
import { lazy } from '../lazy.js';
import { abortOne } from '../modes/abort.js';
import type { Command, Run, StepResult } from './context.js';
import { createDisplay } from './display.js';

export async function sendStep(run: Run, cmd: Command): Promise<StepResult> {
  const display = createDisplay(run, cmd);
  // generatecliskeleton.py: a real client validated the call, a stub answers it
  if (cmd.skeleton === 'output') {
    await display.show(outputSkeletonResponse());
    return 0;
  }
  if (cmd.bulk.active) return (await lazy.bulk()).runBulkMode(run, cmd, display);
  return abortOne(run, cmd, display);
}
