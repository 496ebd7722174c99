// Python's shlex (Lib/shlex.py): split in POSIX mode, as botocore splits credential_process and
// profile section names, and quote, for the command lines the auto-prompt shows.

/** A shlex.split error; the message is Python's (`No closing quotation`, `No escaped character`). */
export class ShlexError extends Error {
  override name = 'ShlexError';
}

/**
 * Python's shlex.split(text) (POSIX mode, no comments): whitespace is space, tab, CR and LF;
 * single quotes keep everything, double quotes let a backslash escape only `"` and `\`.
 */
export function shlexSplit(text: string): string[] {
  const WHITESPACE = ' \t\r\n';
  const words: string[] = [];
  let token = '';
  let quoted = false;
  let state: 'space' | 'word' | "'" | '"' | 'escape' = 'space';
  let escapedState: 'word' | '"' = 'word';
  for (const ch of text) {
    switch (state) {
      case 'space':
      case 'word':
        if (WHITESPACE.includes(ch)) {
          if (token !== '' || quoted) words.push(token);
          token = '';
          quoted = false;
          state = 'space';
        } else if (ch === '\\') {
          escapedState = 'word';
          state = 'escape';
        } else if (ch === "'" || ch === '"') {
          state = ch;
        } else {
          token += ch;
          state = 'word';
        }
        break;
      case "'":
      case '"':
        quoted = true;
        if (ch === state) {
          state = 'word';
        } else if (ch === '\\' && state === '"') {
          escapedState = '"';
          state = 'escape';
        } else {
          token += ch;
        }
        break;
      case 'escape':
        // in POSIX shells only the quote itself or the escape character may be escaped within quotes
        if (escapedState === '"' && ch !== '"' && ch !== '\\') token += '\\';
        token += ch;
        state = escapedState;
        break;
    }
  }
  if (state === "'" || state === '"') throw new ShlexError('No closing quotation');
  if (state === 'escape') throw new ShlexError('No escaped character');
  if (token !== '' || quoted) words.push(token);
  return words;
}

/** Python's shlex.quote: as is when safe, else in single quotes. */
export function shlexQuote(s: string): string {
  if (s === '') return "''";
  if (!/[^\w@%+=:,./-]/.test(s)) return s;
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}
