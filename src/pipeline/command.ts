// The command pipeline, in the order the AWS CLI runs it (clidriver.py main → ServiceOperation →
// client._make_api_call → formatter): each step reads what it needs at the point where the AWS
// CLI reads it, so that the first step to fail decides which error the user sees. A step ends
// the run early with an exit code (--version, help, skeletons).
//
//   globals          the main parser: global options, --version, --query, --endpoint-url's scheme
//   session          the settings; the timeouts' int(); cli_timestamp_format, cli_binary_format, IMDS
//   operation        the operation parser; help; s3abort's own options
//   parameters       file:// and fileb:// of each member
//   input documents  --cli-input-json/yaml fill what argv left; --generate-cli-skeleton input
//   client           region, profile, credential chain, retries, endpoint host, timeouts
//   endpoint         the parameters' types, then the endpoint ruleset
//   validation       botocore's parameter validation
//   credentials      the signer asks for credentials ("Unable to locate credentials", 253)
//   send             the call (one abort, or a bulk run) and the display of its response

import type { Io } from '../io.js';
import { clientStep } from './client.js';
import type { Command, Run, StepResult } from './context.js';
import { credentialsStep } from './credentials.js';
import { endpointStep } from './endpoint.js';
import { globalsStep } from './globals.js';
import { inputDocumentsStep } from './input-documents.js';
import { operationStep } from './operation.js';
import { parametersStep } from './parameters.js';
import { sendStep } from './send.js';
import { sessionStep } from './session.js';
import { validationStep } from './validation.js';

type Step = (run: Run, cmd: Command) => StepResult | Promise<StepResult>;

/** The steps in order; each fills in the part of Command that the later ones read. */
export const COMMAND_STEPS: readonly (readonly [name: string, step: Step])[] = [
  ['globals', globalsStep],
  ['session', sessionStep],
  ['operation', operationStep],
  ['parameters', parametersStep],
  ['input documents', inputDocumentsStep],
  ['client', clientStep],
  ['endpoint', endpointStep],
  ['validation', validationStep],
  ['credentials', credentialsStep],
  ['send', sendStep],
];

/** Runs the command line `io.argv` (the auto-prompt may hand in another) through every step. */
export async function runCommand(run: Run, io: Io): Promise<number> {
  const forRun: Run = io === run.io ? run : { ...run, io };
  // each step fills in its part before the next reads it
  const cmd = { ...forRun } as Command;
  for (const [, step] of COMMAND_STEPS) {
    const done = await step(forRun, cmd);
    if (done !== undefined) return done;
  }
  return 0;
}
