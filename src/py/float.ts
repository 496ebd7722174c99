// Python's float() of a str or bytes (Objects/floatobject.c PyFloat_FromString): Unicode digits
// and spaces in a str, ASCII whitespace around, single underscores between digits, inf and nan.

import { pyNumberText } from './digits.js';

// float() skips ASCII whitespace only (so '\x1c', which str.strip() removes, stays)
const ASCII_SPACE_AROUND = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;

/** float(text); undefined where CPython raises ValueError. */
export function pyFloat(text: string): number | undefined {
  return floatOfAscii(pyNumberText(text).replace(ASCII_SPACE_AROUND, ''));
}

/** float(bytes): the bytes are read as ASCII, with no Unicode digits or spaces. */
export function pyFloatBytes(bytes: Uint8Array): number | undefined {
  let s = '';
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : '?';
  return floatOfAscii(s.replace(ASCII_SPACE_AROUND, ''));
}

// Python's float literal grammar: digit parts with single underscores inside
const DIGITS = '[0-9](?:_?[0-9])*';
const FLOAT_RE = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);

/** float() of stripped ASCII text: a literal, or inf/infinity/nan with a sign. */
function floatOfAscii(t: string): number | undefined {
  const m = /^([+-]?)(inf|infinity|nan)$/i.exec(t);
  if (m) {
    if (m[2]!.toLowerCase() === 'nan') return NaN;
    return m[1] === '-' ? -Infinity : Infinity;
  }
  if (!FLOAT_RE.test(t)) return undefined;
  return Number(t.replaceAll('_', ''));
}
