// The decimal digits int() and float() read: any Unicode decimal digit counts as its ASCII one
// (Objects/unicodeobject.c _PyUnicode_TransformDecimalAndSpaceToASCII).

import { pyIsSpace } from './str.js';

/** unicodedata.decimal(ch, None): the value of a decimal digit (category Nd), else undefined. */
export function pyDecimal(ch: string): number | undefined {
  if (ch >= '0' && ch <= '9' && ch.length === 1) return ch.charCodeAt(0) - 48;
  if (!/^\p{Nd}$/u.test(ch)) return undefined;
  // Nd digits come in runs of ten, zero first
  let cp = ch.codePointAt(0)!;
  let n = 0;
  while (/^\p{Nd}$/u.test(String.fromCodePoint(cp - 1))) {
    cp--;
    n++;
  }
  return n % 10;
}

/**
 * _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode decimal digits as ASCII digits, Unicode
 * spaces as ' ', any other non-ASCII character as '?' (which no number holds).
 */
export function pyNumberText(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch.codePointAt(0)! < 128) out += ch;
    else if (pyIsSpace(ch)) out += ' ';
    else out += String(pyDecimal(ch) ?? '?');
  }
  return out;
}
