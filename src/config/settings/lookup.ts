// One value along a chain of sources (flag → environment → profile → default), as botocore's
// configprovider.py chains look it up, with where it came from (for --debug).

import type { IniSection, IniValue, SharedConfig } from '../ini.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** Where a value came from, for --debug. */
export type SettingOrigin =
  | { readonly kind: 'flag'; readonly name: string }
  | { readonly kind: 'env'; readonly name: string }
  /** `name` is the option (`region`, `s3.addressing_style`); `file` is `config` or `credentials`. */
  | { readonly kind: 'profile'; readonly name: string; readonly profile: string; readonly file: 'config' | 'credentials' }
  | { readonly kind: 'services'; readonly name: string; readonly section: string }
  | { readonly kind: 'default' };

export type Found = { value: IniValue; origin: SettingOrigin } | undefined;

/** What a chain needs to read: the environment and the profile in use. */
export interface Lookup {
  readonly env: Env;
  readonly shared: SharedConfig;
  readonly profileName: string;
  readonly profileExists: boolean;
  readonly profile: IniSection;
}

/** botocore ScopedConfigProvider: reading a named profile that does not exist raises ProfileNotFound. */
class ProfileMissing extends Error {
  override name = 'ProfileMissing';
}

export function fromEnv(env: Env, ...names: string[]): Found {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && Object.hasOwn(env, name)) return { value, origin: { kind: 'env', name } };
  }
  return undefined;
}

export function fromFlag(value: string | undefined, name: string): Found {
  return value === undefined ? undefined : { value, origin: { kind: 'flag', name } };
}

export function fromProfile(l: Lookup, key: string): Found {
  if (!l.profileExists) throw new ProfileMissing();
  const value = l.profile.get(key);
  if (value === undefined) return undefined;
  const file = l.shared.fromCredentialsFile.get(l.profileName)?.has(key) ? 'credentials' : 'config';
  return { value, origin: { kind: 'profile', name: key, profile: l.profileName, file } };
}

/** A key of a nested block (`s3 = \n  addressing_style = path`). */
export function fromProfileSection(l: Lookup, section: string, key: string): Found {
  const found = fromProfile(l, section);
  if (found === undefined || typeof found.value === 'string') return undefined;
  const value = found.value.get(key);
  if (value === undefined) return undefined;
  return { value, origin: { ...(found.origin as { kind: 'profile'; profile: string; file: 'config' | 'credentials' }), name: `${section}.${key}` } };
}

/**
 * The first source that has a value; `missing` when a step had to read the profile and the named
 * profile does not exist (each caller decides what the AWS CLI did then: most read nothing).
 */
export function chain(...steps: Array<() => Found>): Found | 'missing' {
  try {
    for (const step of steps) {
      const found = step();
      if (found !== undefined) return found;
    }
    return undefined;
  } catch (err) {
    if (err instanceof ProfileMissing) return 'missing';
    throw err;
  }
}

export function foundValue(found: Found | 'missing'): IniValue | undefined {
  return found === undefined || found === 'missing' ? undefined : found.value;
}

export function originOf(found: Found | 'missing'): SettingOrigin {
  return found === undefined || found === 'missing' ? { kind: 'default' } : found.origin;
}
