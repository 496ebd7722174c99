// autoprompt/core.py resolve_mode's configuration chain: it runs before the command line is
// parsed, so --profile plays no part.

import type { SharedConfig } from '../ini.js';
import { type Env, type Found, fromEnv } from './lookup.js';
import { pyStrValue } from './values.js';

/**
 * AWS_CLI_AUTO_PROMPT, then the cli_auto_prompt of the AWS_PROFILE/AWS_DEFAULT_PROFILE/default
 * profile, lower-cased; 'off' when unset (a missing profile means off).
 */
export function autoPromptSetting(env: Env, shared: SharedConfig): string {
  return readAutoPrompt(env, shared).value;
}

export function readAutoPrompt(env: Env, shared: SharedConfig): { value: string; found: Found } {
  const fromEnvVar = fromEnv(env, 'AWS_CLI_AUTO_PROMPT');
  if (fromEnvVar) return { value: pyStrValue(fromEnvVar.value).toLowerCase(), found: fromEnvVar };
  const envProfile = fromEnv(env, 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE');
  const name = envProfile ? (envProfile.value as string) : 'default';
  const value = shared.profiles.get(name)?.get('cli_auto_prompt');
  if (value === undefined) return { value: 'off', found: undefined };
  const file = shared.fromCredentialsFile.get(name)?.has('cli_auto_prompt') ? 'credentials' : 'config';
  return {
    value: typeof value === 'string' ? value.toLowerCase() : 'off',
    found: { value, origin: { kind: 'profile', name: 'cli_auto_prompt', profile: name, file } },
  };
}
