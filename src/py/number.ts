// Python's int() and float() of a str (Objects/longobject.c PyLong_FromUnicodeObject,
// Objects/floatobject.c PyFloat_FromString): other Unicode decimal digits read as ASCII ones,
// whitespace around, single underscores between digits, and CPython 3.11's 4300-digit limit.

import { pyIsSpace } from './str.js';

/** sys.int_info.default_max_str_digits: int() and str() refuse longer decimal numbers. */
export const INT_MAX_STR_DIGITS = 4300;

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
 * _PyUnicode_TransformDecimalAndSpaceToASCII, then the ASCII whitespace around stripped;
 * undefined when a character is neither ASCII, a space nor a digit (no number holds one).
 */
function asciiNumberText(s: string): string | undefined {
  let out = '';
  for (const ch of s) {
    if (ch.codePointAt(0)! < 128) out += ch;
    else if (pyIsSpace(ch)) out += ' ';
    else {
      const d = pyDecimal(ch);
      if (d === undefined) return undefined;
      out += String(d);
    }
  }
  // int() and float() then skip ASCII whitespace only (so '\x1c', which str.strip() removes, stays)
  return out.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
}

/** int(text) in base 10; undefined where CPython raises ValueError. */
export function pyInt(text: string): bigint | undefined {
  const t = asciiNumberText(text);
  if (t === undefined) return undefined;
  if (!/^[+-]?[0-9](?:_?[0-9])*$/.test(t)) return undefined;
  const digits = t.replace(/[+_-]/g, '');
  if (digits.length > INT_MAX_STR_DIGITS) return undefined; // ValueError: exceeds the limit
  return BigInt(t.replaceAll('_', ''));
}

/** float(text); undefined where CPython raises ValueError. */
export function pyFloat(text: string): number | undefined {
  const t = asciiNumberText(text);
  return t === undefined ? undefined : floatOfAscii(t);
}

/** float(bytes): the bytes are read as ASCII, with no Unicode digits or spaces. */
export function pyFloatBytes(bytes: Uint8Array): number | undefined {
  let s = '';
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : '?';
  return floatOfAscii(s.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, ''));
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
