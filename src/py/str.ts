// Python's str whitespace: str.isspace() (Objects/unicodectype.c _PyUnicode_IsWhitespace), the
// set str.strip(), str.split() and re's \s use. JS's \s differs: it has U+FEFF and lacks
// U+001C..U+001F and U+0085.

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
