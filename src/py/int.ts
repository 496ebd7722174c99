// Python's int() of a str in base 10 (Objects/longobject.c PyLong_FromString): whitespace
// around, a sign, single underscores between digits, Unicode digits, and CPython 3.11's
// 4300-digit limit, with the texts of its ValueError.

import { pyNumberText } from './digits.js';
import { pyRepr } from './repr.js';

/** sys.int_info.default_max_str_digits: int() and str() refuse longer decimal numbers. */
export const INT_MAX_STR_DIGITS = 4300;

/**
 * PyLong_FromString in base 10 on ASCII text: the int, 'invalid' for "invalid literal", or the
 * digit count when the leading run of digits is over the limit (checked before what follows it).
 */
function scanInt(text: string): bigint | 'invalid' | number {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9_]*)/.exec(text)!;
  const run = m[2]!;
  // longobject.c: no leading, doubled or trailing underscore in the run of digits
  if (run.startsWith('_') || run.includes('__') || run.endsWith('_')) return 'invalid';
  const digits = run.replaceAll('_', '');
  if (digits.length > INT_MAX_STR_DIGITS) return digits.length;
  // then only ASCII whitespace (so '\x1c', which str.strip() removes, is not)
  if (digits === '' || !/^[ \t\n\v\f\r]*$/.test(text.slice(m[0].length))) return 'invalid';
  return BigInt(m[1] + digits);
}

/** int(text) in base 10; undefined where CPython raises ValueError (pyIntError gives its text). */
export function pyInt(text: string): bigint | undefined {
  const n = scanInt(pyNumberText(text));
  return typeof n === 'bigint' ? n : undefined;
}

/** The text of the ValueError int(text) raises, for a text pyInt() refused. */
export function pyIntError(text: string): string {
  const n = scanInt(pyNumberText(text));
  if (typeof n === 'number') {
    return `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${n} digits; use sys.set_int_max_str_digits() to increase the limit`;
  }
  // "%.200R": the repr cut at 200 characters
  return `invalid literal for int() with base 10: ${Array.from(pyRepr(text)).slice(0, 200).join('')}`;
}
