// Python's str where JS's differs: whitespace is str.isspace() (Objects/unicodectype.c
// _PyUnicode_IsWhitespace), the set str.strip(), str.split() and re's \s use (JS's \s has U+FEFF
// and lacks U+001C..U+001F and U+0085); lines end where str.splitlines() ends them; strings
// order by code point, not by UTF-16 unit.

/** The str.isspace() characters, written for the inside of a RegExp character class. */
export const PY_WHITESPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const SPACE = new RegExp(`^[${PY_WHITESPACE}]$`);
const LEADING_SPACE = new RegExp(`^[${PY_WHITESPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${PY_WHITESPACE}]+$`);

/** str.isspace() of one character. */
export function pyIsSpace(ch: string): boolean {
  return SPACE.test(ch);
}

/** Python's str.strip() with no argument. */
export function pyStrip(text: string): string {
  return pyRstrip(pyLstrip(text));
}

/** Python's str.lstrip() with no argument. */
export function pyLstrip(text: string): string {
  return text.replace(LEADING_SPACE, '');
}

/** Python's str.rstrip() with no argument. */
export function pyRstrip(text: string): string {
  return text.replace(TRAILING_SPACE, '');
}

// the line boundaries of str.splitlines() (\r\n counts as one)
const LINE_BREAK = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/;

/** Python's str.splitlines(): the lines without their ends, no empty last line. */
export function pySplitlines(text: string): string[] {
  const lines = text.split(LINE_BREAK);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Python's str ordering (code points) as a compare function: negative, 0 or positive. */
export function pyStrCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    // at the first differing unit, a surrogate's whole code point decides
    if (a.charCodeAt(i) !== b.charCodeAt(i)) return a.codePointAt(i)! - b.codePointAt(i)!;
  }
  return a.length - b.length;
}
