// Signing time (botocore's signer asks the credential chain): where "Unable to locate
// credentials" (253) surfaces, after the request was built and validated.

import type { Command, Run, StepResult } from './context.js';

export async function credentialsStep(run: Run, cmd: Partial<Command> & Pick<Command, 'credentials'>): Promise<StepResult> {
  if (!cmd.credentials) return undefined;
  const creds = await cmd.credentials();
  run.debug.addSecret(creds.secretAccessKey);
  run.debug.addSecret(creds.sessionToken);
  return undefined;
}
