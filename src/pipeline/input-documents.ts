// --cli-input-json / --cli-input-yaml (customizations/cliinput.py): the command line wins, the
// document only fills what is missing; then --generate-cli-skeleton input / yaml-input end the run
// (generatecliskeleton.py runs after the input documents are read).

import { inputSkeletonJson, inputSkeletonYaml } from '../args/skeleton.js';
import { lazy } from '../lazy.js';
import type { Command, Run, StepResult } from './context.js';

export async function inputDocumentsStep(run: Run, cmd: Partial<Command> & Pick<Command, 'op' | 'params'>): Promise<StepResult> {
  const { op, params } = cmd;
  const inputs = {
    ...(typeof op.cliInputJson === 'string' ? { json: op.cliInputJson } : {}),
    ...(typeof op.cliInputYaml === 'string' ? { yaml: op.cliInputYaml } : {}),
  };
  if (inputs.json !== undefined || inputs.yaml !== undefined) {
    const doc = await (await lazy.cliInput()).loadCliInputs(inputs, run.io);
    if (doc) for (const [k, v] of doc) if (!params.has(k)) params.set(k, v);
  }
  if (cmd.skeleton === 'input') {
    run.io.stdout.write(inputSkeletonJson());
    return 0;
  }
  if (cmd.skeleton === 'yaml-input') {
    run.io.stdout.write(inputSkeletonYaml());
    return 0;
  }
  return undefined;
}
