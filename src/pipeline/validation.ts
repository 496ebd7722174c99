// botocore's parameter validation (validate.py) and the warnings it prints, then the one refusal
// of s3abort's own: a call without an UploadId.

import { UsageError } from '../errors.js';
import { lazy } from '../lazy.js';
import type { Command, Run, StepResult } from './context.js';

export async function validationStep(run: Run, cmd: Partial<Command> & Pick<Command, 'params' | 'settings'>): Promise<StepResult> {
  const { validateParams } = await lazy.validate();
  const input = validateParams(cmd.params, { parameterValidation: cmd.settings.parameterValidation, now: run.io.now() });
  for (const w of input.warnings) run.io.stderr.write(w);
  if (input.uploadIdAbsent) {
    // botocore would send DELETE /bucket/key without uploadId, which S3 reads as DeleteObject:
    // s3abort never deletes an object, so it refuses here even with parameter_validation off
    throw new UsageError('Parameter validation failed:\nMissing required parameter in input: "UploadId"');
  }
  cmd.input = input;
  return undefined;
}
