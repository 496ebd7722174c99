// The shared config and credentials files, read the way botocore reads them: Python's
// configparser.RawConfigParser (strict, '=' and ':' delimiters, '#'/';' full-line comments only,
// option names lower-cased, section names and values kept as written, a [DEFAULT] section whose
// options show through in every section), then botocore configloader.py on top: an option whose
// value starts with a newline is an indented sub-section (`s3 =\n  addressing_style = path`), and
// `[profile x]` / `[sso-session x]` / `[services x]` names are split with shlex.

import { GeneralError } from '../errors.js';
import type { FileSystem } from '../io.js';
import { expandUser, expandVars } from '../py/posixpath.js';
import { shlexSplit } from '../py/shlex.js';
import { PY_WHITESPACE, pyRstrip, pySplitlines, pyStrip } from '../py/str.js';

/** An option's value: a string, or for an indented block (`s3 =\n  k = v`) a nested map. */
export type IniValue = string | ReadonlyMap<string, string>;
/** Option name (lower-cased) → value, in file order. */
export type IniSection = ReadonlyMap<string, IniValue>;
/** Section name (as written) → options, in file order; [DEFAULT] is folded into the others. */
export type IniDocument = ReadonlyMap<string, IniSection>;

/** A configparser error (MissingSectionHeaderError, DuplicateSectionError, ParsingError ...). */
export class IniSyntaxError extends Error {}

// configparser SECTCRE `\[(?P<header>.+)\]` and OPTCRE `(?P<option>.*?)\s*(?P<vi>=|:)\s*(?P<value>.*)$`;
// Python's `.` only stops at \n, and a line never holds one here.
const SECTION_RE = /^\[([^\n]+)\]/;
const OPTION_RE = new RegExp(`^([^\\n]*?)[${PY_WHITESPACE}]*([=:])[${PY_WHITESPACE}]*([^\\n]*)$`);
const NON_SPACE = new RegExp(`[^${PY_WHITESPACE}]`);

const DEFAULT_SECTION = 'DEFAULT';

/**
 * Parses the text of an INI file like botocore's `raw_config_parse` (configparser semantics).
 * With `parseSubsections` (the default) a value that starts with a newline becomes a nested map.
 * Throws IniSyntaxError wherever configparser or botocore would raise.
 */
export function parseIni(text: string, parseSubsections = true): IniDocument {
  // open() in text mode: universal newlines
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();

  type RawSection = Map<string, string[]>;
  const sections = new Map<string, RawSection>();
  const defaults: RawSection = new Map();
  const added = new Set<string>();
  let current: RawSection | undefined;
  let sectionName: string | undefined;
  let optionName: string | undefined;
  let indentLevel = 0;

  lines.forEach((line, index) => {
    const lineno = index + 1;
    const stripped = pyStrip(line);
    const isComment = stripped.startsWith('#') || stripped.startsWith(';');
    const value = isComment ? '' : stripped;
    if (value === '') {
      // configparser keeps blank lines inside a multi-line value (empty_lines_in_values), not comments
      if (!isComment && current !== undefined && optionName) current.get(optionName)?.push('');
      return;
    }
    const firstNonSpace = NON_SPACE.exec(line);
    const curIndent = firstNonSpace ? firstNonSpace.index : 0;
    if (current !== undefined && optionName && curIndent > indentLevel) {
      current.get(optionName)?.push(value);
      return;
    }
    indentLevel = curIndent;
    const header = SECTION_RE.exec(value);
    if (header) {
      const name = header[1]!;
      if (sections.has(name)) {
        throw new IniSyntaxError(`While reading from file [line ${lineno}]: section '${name}' already exists`);
      }
      if (name === DEFAULT_SECTION) {
        current = defaults;
      } else {
        current = new Map();
        sections.set(name, current);
        added.add(name);
      }
      sectionName = name;
      optionName = undefined;
      return;
    }
    if (current === undefined) {
      throw new IniSyntaxError(`File contains no section headers.\nfile: <string>, line: ${lineno}`);
    }
    const option = OPTION_RE.exec(value);
    if (!option || option[1] === '') {
      throw new IniSyntaxError(`Source contains parsing errors: [line ${lineno}]`);
    }
    // configparser optionxform: str.lower(); then the value is stripped
    const name = pyRstrip(option[1]!).toLowerCase();
    const key = `${sectionName}\u0000${name}`;
    if (added.has(key)) {
      throw new IniSyntaxError(`While reading from file [line ${lineno}]: option '${name}' in section '${sectionName}' already exists`);
    }
    added.add(key);
    current.set(name, [pyStrip(option[3]!)]);
    optionName = name;
  });

  const join = (parts: string[]): string => pyRstrip(parts.join('\n'));
  const doc = new Map<string, IniSection>();
  for (const [name, raw] of sections) {
    // cp.options(section): the section's own options, then the [DEFAULT] ones it lacks
    const section = new Map<string, IniValue>();
    const add = (option: string, parts: string[]): void => {
      const text = join(parts);
      section.set(option, parseSubsections && text.startsWith('\n') ? parseNested(text) : text);
    };
    for (const [option, parts] of raw) add(option, parts);
    for (const [option, parts] of defaults) if (!raw.has(option)) add(option, parts);
    doc.set(name, section);
  }
  return doc;
}

// botocore configloader._parse_nested: `key = value` lines, split on the first '=', both sides
// stripped, keys kept as written; a line without '=' is a parse error.
function parseNested(text: string): ReadonlyMap<string, string> {
  const nested = new Map<string, string>();
  for (const rawLine of pySplitlines(text)) {
    const line = pyStrip(rawLine);
    if (line === '') continue;
    const eq = line.indexOf('=');
    if (eq < 0) throw new IniSyntaxError('not enough values to unpack (expected 2, got 1)');
    nested.set(pyStrip(line.slice(0, eq)), pyStrip(line.slice(eq + 1)));
  }
  return nested;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The sections of a config file, grouped as botocore's build_profile_map groups them. */
export interface ConfigFileSections {
  /** `[default]`, `[profile name]` (a later section of the same name replaces an earlier one). */
  readonly profiles: ReadonlyMap<string, IniSection>;
  /** `[sso-session name]` */
  readonly ssoSessions: ReadonlyMap<string, IniSection>;
  /** `[services name]` */
  readonly services: ReadonlyMap<string, IniSection>;
  /** Every other section, by its name as written. */
  readonly other: ReadonlyMap<string, IniSection>;
}

/** botocore configloader.build_profile_map (with the `services` sections of botocore >= 1.31). */
export function buildProfileMap(doc: IniDocument): ConfigFileSections {
  const profiles = new Map<string, IniSection>();
  const ssoSessions = new Map<string, IniSection>();
  const services = new Map<string, IniSection>();
  const other = new Map<string, IniSection>();
  const named = (key: string, target: Map<string, IniSection>, values: IniSection): void => {
    let parts: string[];
    try {
      parts = shlexSplit(key);
    } catch {
      return;
    }
    if (parts.length === 2) target.set(parts[1]!, values);
  };
  for (const [key, values] of doc) {
    // startswith, not a word match: botocore reads `[profilefoo bar]` as profile "bar"
    if (key.startsWith('profile')) named(key, profiles, values);
    else if (key.startsWith('sso-session')) named(key, ssoSessions, values);
    else if (key.startsWith('services')) named(key, services, values);
    else if (key === 'default') profiles.set(key, values);
    else other.set(key, values);
  }
  return { profiles, ssoSessions, services, other };
}

/** The outcome of reading one INI file. */
export type IniFileResult =
  | { readonly found: false; readonly path: string }
  | { readonly found: true; readonly path: string; readonly doc: IniDocument };

/**
 * botocore raw_config_parse on a path: expandvars + expanduser, a missing file (or a directory)
 * is "not found", an unreadable one reads as empty (configparser skips files it cannot open), and
 * a syntax or UTF-8 error is `Unable to parse config file: <path>` (255).
 */
export function readIniFile(
  rawPath: string,
  io: { readonly env: Env; readonly fs: FileSystem; readonly homedir: string },
): IniFileResult {
  const path = expandUser(expandVars(rawPath, io.env), io.env, io.homedir);
  if (path === '') return { found: false, path };
  let bytes: Uint8Array;
  try {
    bytes = io.fs.readFile(path);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENAMETOOLONG') {
      return { found: false, path };
    }
    return { found: true, path, doc: new Map() };
  }
  let text: string;
  try {
    // ignoreBOM: Python's utf-8 codec keeps a BOM, and configparser then rejects the first line
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw configParseError(path);
  }
  try {
    return { found: true, path, doc: parseIni(text) };
  } catch (err) {
    if (err instanceof IniSyntaxError) throw configParseError(path);
    throw err;
  }
}

/** botocore ConfigParseError. */
export function configParseError(path: string): GeneralError {
  return new GeneralError(`Unable to parse config file: ${path}`);
}

/** Both shared files, parsed and merged as a botocore Session sees them (`session.full_config`). */
export interface SharedConfig {
  /** AWS_CONFIG_FILE or `~/.aws/config`, as configured (before `~`/`$VAR` expansion). */
  readonly configFile: string;
  /** AWS_SHARED_CREDENTIALS_FILE or `~/.aws/credentials`, as configured. */
  readonly credentialsFile: string;
  /** The expanded paths that were read. */
  readonly configPath: string;
  readonly credentialsPath: string;
  readonly configFound: boolean;
  readonly credentialsFound: boolean;
  /** The config file alone, grouped (what the `config-file` credential provider reads). */
  readonly config: ConfigFileSections;
  /** The credentials file's sections, by their names as written. */
  readonly credentials: IniDocument;
  /**
   * Every profile of both files: a config profile updated key by key with the credentials
   * section of the same name (credentials win), plus the credentials-only ones.
   */
  readonly profiles: ReadonlyMap<string, IniSection>;
  /** For each merged profile: the option names whose value came from the credentials file. */
  readonly fromCredentialsFile: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Reads AWS_CONFIG_FILE (default ~/.aws/config) and AWS_SHARED_CREDENTIALS_FILE (default
 * ~/.aws/credentials) from the injected fs. Throws GeneralError 255 on a file that cannot be
 * parsed; the AWS CLI does this before anything else, even before `--version`.
 */
export function loadSharedConfig(io: {
  readonly env: Env;
  readonly fs: FileSystem;
  readonly homedir: string;
}): SharedConfig {
  const configFile = io.env['AWS_CONFIG_FILE'] ?? '~/.aws/config';
  const credentialsFile = io.env['AWS_SHARED_CREDENTIALS_FILE'] ?? '~/.aws/credentials';
  const configResult = readIniFile(configFile, io);
  const config = configResult.found
    ? buildProfileMap(configResult.doc)
    : { profiles: new Map(), ssoSessions: new Map(), services: new Map(), other: new Map() };
  const credentialsResult = readIniFile(credentialsFile, io);
  const credentials: IniDocument = credentialsResult.found ? credentialsResult.doc : new Map();

  // botocore session.full_config
  const profiles = new Map<string, IniSection>(config.profiles);
  const fromCredentialsFile = new Map<string, ReadonlySet<string>>();
  for (const [name, values] of credentials) {
    const base = profiles.get(name);
    profiles.set(name, base === undefined ? values : new Map([...base, ...values]));
    fromCredentialsFile.set(name, new Set(values.keys()));
  }
  return {
    configFile,
    credentialsFile,
    configPath: configResult.path,
    credentialsPath: credentialsResult.path,
    configFound: configResult.found,
    credentialsFound: credentialsResult.found,
    config,
    credentials,
    profiles,
    fromCredentialsFile,
  };
}
