// Every option s3abort accepts, with what completion and the auto-prompt need to know about it:
// does it take a value, which values, is it required, its type and documentation.

import { ABORT_INPUT_MEMBERS } from '../args/model.js';
import { BULK_OPTIONS, GLOBAL_OPTIONS, INPUT_OPTIONS, MEMBER_OPTIONS, type OptionSpec } from '../args/options.js';
import { optionDocs } from '../help/option-docs.js';

export interface OptionInfo {
  readonly flag: string;
  /** 'value' takes one argument, 'flag' none, 'optional' zero or one */
  readonly kind: OptionSpec['kind'];
  /** the values it accepts, when they are a fixed list (argparse choices or the model's enum) */
  readonly choices?: readonly string[];
  readonly required: boolean;
  /** string, boolean, int, timestamp, ... */
  readonly type: string;
  /** the first paragraph of its documentation */
  readonly summary: string;
  readonly paragraphs: readonly string[];
  readonly scope: 'global' | 'operation' | 's3abort';
  /** its value may be given as file:// or fileb:// (awscli paramfile: operation parameters) */
  readonly paramFile: boolean;
  /** its value is a local path (--ca-bundle) */
  readonly path: boolean;
}

let cache: readonly OptionInfo[] | undefined;

/** In the order of the help page's SYNOPSIS: the operation's options, then the global ones, then s3abort's. */
export function optionCatalog(): readonly OptionInfo[] {
  if (cache) return cache;
  const docs = optionDocs();
  const info = (spec: OptionSpec, scope: OptionInfo['scope'], paramFile: boolean): OptionInfo => {
    const doc = docs.get(spec.flag);
    const member = ABORT_INPUT_MEMBERS.find((m) => m.cliName === spec.flag);
    const choices = spec.choices ?? member?.enum;
    return {
      flag: spec.flag,
      kind: spec.kind,
      ...(choices ? { choices } : {}),
      required: spec.required === true,
      type: doc?.type ?? (spec.kind === 'flag' ? 'boolean' : 'string'),
      summary: doc?.paragraphs[0] ?? '',
      paragraphs: doc?.paragraphs ?? [],
      scope,
      paramFile,
      path: spec.flag === '--ca-bundle',
    };
  };
  cache = [
    ...MEMBER_OPTIONS.map((s) => info(s, 'operation', true)),
    ...INPUT_OPTIONS.map((s) => info(s, 'operation', s.flag !== '--generate-cli-skeleton')),
    ...GLOBAL_OPTIONS.map((s) => info(s, 'global', false)),
    ...BULK_OPTIONS.map((s) => info(s, 's3abort', false)),
  ];
  return cache;
}

export function findOption(flag: string): OptionInfo | undefined {
  return optionCatalog().find((o) => o.flag === flag);
}

/**
 * The option a word stands for while reading a command line: the exact flag, or (argparse's
 * allow_abbrev) the one option it is an unambiguous prefix of; s3abort's own options only match
 * when spelled out.
 */
export function matchOption(word: string): OptionInfo | undefined {
  const exact = findOption(word);
  if (exact) return exact;
  if (!word.startsWith('--') || word.length < 3) return undefined;
  const hits = optionCatalog().filter((o) => o.scope !== 's3abort' && o.flag.startsWith(word));
  return hits.length === 1 ? hits[0] : undefined;
}
