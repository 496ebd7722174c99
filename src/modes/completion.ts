// `s3abort completion <shell>` and the hidden `s3abort __complete ...` the scripts call:
// s3abort's own command words, answered before anything reads argv or the config.

import type { Io } from '../io.js';
import { lazy } from '../lazy.js';
import type { Deps } from '../pipeline/context.js';

export function isCompletionCommand(argv: readonly string[]): boolean {
  return argv[0] === 'completion' || argv[0] === '__complete';
}

export async function completionCommand(io: Io, deps: Deps): Promise<number> {
  const { runCompletionCommand } = await lazy.completion();
  const { nodeCompletionFs } = await lazy.completionFs();
  return runCompletionCommand(io, deps.completionFs ?? nodeCompletionFs(), io.prog);
}
