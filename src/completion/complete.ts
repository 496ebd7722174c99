// What may come next on an s3abort command line: option names, the values of options with a fixed
// list, profile names after --profile, and local paths after file:// and fileb://. One engine for
// the shell scripts (through `s3abort __complete`) and the auto-prompt.

import path from 'node:path';
import { loadSharedConfig } from '../config/ini.js';
import type { FileSystem } from '../io.js';
import { matchOption, optionCatalog, type OptionInfo } from './catalog.js';

export interface DirEntry {
  readonly name: string;
  readonly dir: boolean;
}

/** The Io's file system plus directory listings (for paths after file://). */
export interface CompletionFs extends FileSystem {
  /** Entries of a directory; throws (or returns []) when it cannot be read. */
  readdir(dir: string): readonly DirEntry[];
}

export interface CompletionContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fs: CompletionFs;
  readonly homedir: string;
  readonly cwd: string;
}

export interface Candidate {
  /** the whole word to put in place of the one being typed */
  readonly value: string;
  /** the word is complete: a space may follow (not after `dir/`, `file://`, `--opt=`) */
  readonly complete: boolean;
  /** the option it names or whose value it is, for descriptions */
  readonly option?: OptionInfo;
  readonly kind: 'option' | 'value' | 'profile' | 'path' | 'command';
}

const SUBCOMMANDS = ['help', 'completion'];
const SHELLS = ['bash', 'zsh', 'fish'];
const FILE_PREFIXES = ['file://', 'fileb://'];

/**
 * Candidates for `words[cword]` (words[0] is the program; words after cword are ignored;
 * a missing words[cword] is the empty word).
 */
export function completionCandidates(words: readonly string[], cword: number, ctx: CompletionContext): Candidate[] {
  const cur = words[cword] ?? '';
  const before = words.slice(1, cword);
  if (before[0] === 'completion') return cword === 2 ? fixed(SHELLS, cur, 'command') : [];
  if (before[0] === 'help') return [];

  // which option, if any, is waiting for its value; which options were given already
  const used = new Set<string>();
  let pending: OptionInfo | undefined;
  for (const w of before) {
    if (pending) {
      const p: OptionInfo = pending;
      pending = undefined;
      if (!(p.kind === 'optional' && w.startsWith('-'))) continue;
    }
    if (!w.startsWith('--')) continue;
    const eq = w.indexOf('=');
    const opt = matchOption(eq >= 0 ? w.slice(0, eq) : w);
    if (!opt) continue;
    used.add(opt.flag);
    if (eq < 0 && opt.kind !== 'flag') pending = opt;
  }

  if (pending) {
    const values = valueCandidates(pending, cur, '', ctx);
    // --generate-cli-skeleton's value is optional: an option may come instead
    return pending.kind === 'optional' && cur.startsWith('-') ? optionCandidates(cur, used) : values;
  }
  if (cur.startsWith('--') && cur.includes('=')) {
    const eq = cur.indexOf('=');
    const opt = matchOption(cur.slice(0, eq));
    return opt && opt.kind !== 'flag' ? valueCandidates(opt, cur.slice(eq + 1), cur.slice(0, eq + 1), ctx) : [];
  }
  if (cur.startsWith('-')) return optionCandidates(cur, used);
  const out: Candidate[] = [];
  if (cword === 1) out.push(...fixed([...SUBCOMMANDS, 's3api'], cur, 'command'));
  if (cword === 2 && before[0] === 's3api') out.push(...fixed(['abort-multipart-upload'], cur, 'command'));
  if (cur === '') out.push(...optionCandidates(cur, used));
  return out;
}

/** The values only: what `s3abort __complete` prints, one per line. */
export function complete(words: readonly string[], cword: number, ctx: CompletionContext): string[] {
  return completionCandidates(words, cword, ctx).map((c) => c.value);
}

function fixed(values: readonly string[], cur: string, kind: Candidate['kind'], option?: OptionInfo, prefix = ''): Candidate[] {
  return values
    .filter((v) => v.startsWith(cur))
    .map((v) => ({ value: prefix + v, complete: true, kind, ...(option ? { option } : {}) }));
}

function optionCandidates(cur: string, used: ReadonlySet<string>): Candidate[] {
  return optionCatalog()
    .filter((o) => o.flag.startsWith(cur) && (!used.has(o.flag) || o.flag === cur))
    .map((o) => ({ value: o.flag, complete: true, option: o, kind: 'option' as const }));
}

function valueCandidates(opt: OptionInfo, cur: string, prefix: string, ctx: CompletionContext): Candidate[] {
  if (opt.choices) return fixed(opt.choices, cur, 'value', opt, prefix);
  if (opt.flag === '--profile') return fixed(profileNames(ctx), cur, 'profile', opt, prefix);
  if (opt.paramFile) {
    const scheme = FILE_PREFIXES.find((p) => cur.startsWith(p));
    if (scheme) return pathCandidates(cur.slice(scheme.length), prefix + scheme, ctx, opt);
    const offerSchemes = cur !== '' || opt.flag === '--cli-input-json' || opt.flag === '--cli-input-yaml';
    return offerSchemes
      ? FILE_PREFIXES.filter((p) => p.startsWith(cur)).map((p) => ({ value: prefix + p, complete: false, option: opt, kind: 'path' as const }))
      : [];
  }
  if (opt.path) return pathCandidates(cur, prefix, ctx, opt);
  return [];
}

/** Profile names of the config and credentials files (botocore's available_profiles). */
export function profileNames(ctx: Pick<CompletionContext, 'env' | 'fs' | 'homedir'>): string[] {
  try {
    return [...loadSharedConfig(ctx).profiles.keys()];
  } catch {
    return [];
  }
}

function pathCandidates(typed: string, prefix: string, ctx: CompletionContext, option: OptionInfo): Candidate[] {
  const slash = typed.lastIndexOf('/');
  const dirPart = slash >= 0 ? typed.slice(0, slash + 1) : '';
  const base = slash >= 0 ? typed.slice(slash + 1) : typed;
  let dir = dirPart === '' ? '.' : dirPart;
  if (dir === '~' || dir.startsWith('~/')) dir = ctx.homedir + dir.slice(1);
  const abs = path.resolve(ctx.cwd, dir);
  let entries: readonly DirEntry[];
  try {
    entries = ctx.fs.readdir(abs);
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.name.startsWith(base) && (base.startsWith('.') || !e.name.startsWith('.')))
    .map((e) => e.name + (e.dir ? '/' : ''))
    .sort()
    .map((name) => ({ value: prefix + dirPart + name, complete: !name.endsWith('/'), option, kind: 'path' as const }));
}
