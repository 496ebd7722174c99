// A line after a usage error (252) that names the likely mistake, for s3abort's own options and
// words: the AWS CLI's own error text stays as it is, this comes after it.
//   --all-upload                     -> did you mean --all-uploads?
//   s3api list-multipart-uploads ... -> s3abort runs only abort-multipart-upload

import { getCloseMatches } from './difflib.js';
import { BULK_OPTIONS, GLOBAL_OPTIONS, OPERATION_OPTIONS } from './options.js';

const OWN = BULK_OPTIONS.map((o) => o.flag);
const ALL = [...GLOBAL_OPTIONS, ...OPERATION_OPTIONS];
/** Words s3abort itself takes before the options. */
const OWN_WORDS = new Set(['s3api', 'abort-multipart-upload', 'help', 'completion', '__complete']);

/** Is this an option the AWS CLI's parsers take (exactly, or as a prefix of one of theirs)? */
function known(flag: string): boolean {
  return ALL.some((o) => o.flag === flag || (!o.exactOnly && o.flag.startsWith(flag)));
}

/** The hint lines for this argv, each ending in a newline; '' when nothing looks mistyped. */
export function usageHints(argv: readonly string[], prog: string): string {
  const lines: string[] = [];
  // an operation other than this one, as a script written for the AWS CLI would call it
  const words = argv.slice(0, 2).filter((w) => !w.startsWith('-'));
  const other = words.find((w) => !OWN_WORDS.has(w));
  if (other !== undefined && (argv[0] === 's3api' || argv[0] === other)) {
    lines.push(`${prog}: ${prog} runs only abort-multipart-upload, not '${other}'`);
  }
  const suggested = new Set<string>();
  for (const token of argv) {
    if (token === '--') break;
    if (!token.startsWith('--')) continue;
    const flag = token.split('=', 1)[0]!;
    if (known(flag)) continue;
    // s3abort's options are never abbreviated: a prefix of one names it; else the closest spelling
    const prefixOf = OWN.filter((o) => o.startsWith(flag) && o !== flag);
    const close = prefixOf.length ? prefixOf : getCloseMatches(flag, OWN, 1, 0.75);
    for (const c of close) {
      if (suggested.has(c)) continue;
      suggested.add(c);
      lines.push(`${prog}: did you mean ${c}?${prefixOf.length ? ` (${prog}'s own options are not abbreviated)` : ''}`);
    }
  }
  return lines.map((l) => `${l}\n`).join('');
}
