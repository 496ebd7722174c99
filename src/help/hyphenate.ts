// Where a word may be hyphenated at the end of a line, as groff hyphenates man pages: Liang's
// algorithm over the US English patterns and exceptions (hyphenation-en-us.ts), with troff's
// `.hy 4` of the man macros: at least 2 letters before a break and 3 after it.

import { EXCEPTIONS, PATTERNS } from './hyphenation-en-us.js';

const LEFT_MIN = 2;
const RIGHT_MIN = 3;

let patterns: Map<string, number[]> | undefined;
let exceptions: Map<string, number[]> | undefined;

function load(): void {
  if (patterns) return;
  patterns = new Map();
  for (const p of PATTERNS.split(' ')) {
    const letters = p.replace(/[0-9]/g, '');
    // values[i] is the value before letters[i] (values[letters.length] after the last)
    const values = new Array<number>(letters.length + 1).fill(0);
    let k = 0;
    for (const ch of p) {
      if (ch >= '0' && ch <= '9') values[k] = Number(ch);
      else k++;
    }
    patterns.set(letters, values);
  }
  exceptions = new Map();
  for (const e of EXCEPTIONS.split(' ')) {
    const points: number[] = [];
    let k = 0;
    for (const ch of e) {
      if (ch === '-') points.push(k);
      else k++;
    }
    exceptions.set(e.replace(/-/g, ''), points);
  }
}

/** Break points of one run of letters: offsets k where `word.slice(0, k) + '-'` may end a line. */
export function hyphenateLetters(word: string): number[] {
  if (word.length < LEFT_MIN + RIGHT_MIN) return [];
  load();
  const lower = word.toLowerCase();
  const exception = exceptions!.get(lower);
  if (exception) return exception.filter((k) => k >= LEFT_MIN && word.length - k >= RIGHT_MIN);
  const text = `.${lower}.`;
  const values = new Array<number>(text.length + 1).fill(0);
  for (let i = 0; i < text.length; i++) {
    for (let j = i + 1; j <= text.length; j++) {
      const v = patterns!.get(text.slice(i, j));
      if (!v) continue;
      for (let k = 0; k < v.length; k++) values[i + k] = Math.max(values[i + k]!, v[k]!);
    }
  }
  const points: number[] = [];
  // values[k + 1] sits between text[k] and text[k + 1], i.e. before word[k]
  for (let k = LEFT_MIN; k <= word.length - RIGHT_MIN; k++) if (values[k + 1]! % 2 === 1) points.push(k);
  return points;
}

/**
 * Break points of a whole word (any characters). As troff does, only the first run of letters is
 * hyphenated (after skipping what is not a letter: `.amazonaws.com` gives `amazon-aws.com`,
 * `https://docs...` nothing), but every part of a word joined by hyphens counts as a word of its
 * own (`create-multipart-upload` gives `create-multi-part-upload`).
 */
export function hyphenationPoints(word: string): number[] {
  const points: number[] = [];
  let offset = 0;
  for (const part of word.split(/(?<=-)/)) {
    const m = /[A-Za-z]+/.exec(part);
    if (m) for (const k of hyphenateLetters(m[0])) points.push(offset + m.index + k);
    offset += part.length;
  }
  return points;
}
