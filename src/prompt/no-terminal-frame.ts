// What the AWS CLI's auto-prompt (prompt_toolkit 3.0.36) writes to stdout when it is started with a
// standard input that is not a terminal: it draws its first frame, then gives up ("Warning: Input
// is not a terminal (fd=0)." on stderr, exit 255). stdout is not a terminal either, so
// prompt_toolkit's PlainTextOutput renders the frame: cursor movements up and back print nothing,
// movements forward print spaces, and a character in the last column (79) is reached with "\r"
// and 79 spaces. The frame is 80 columns wide: the input window (9 rows) holds "> aws " and the
// command line with a trailing space, one styled blank row, a rule, and the key-binding toolbar.
// After the frame the cursor is moved forward to its column in the input window.

import { ABORT_INPUT_MEMBERS } from '../args/model.js';
import { GLOBAL_OPTIONS, INPUT_OPTIONS, MEMBER_OPTIONS, type OptionSpec } from '../args/options.js';
import { shlexQuote } from '../py/shlex.js';

const WIDTH = 80;
const INPUT_ROWS = 9;
const TOOLBAR =
  '[ENTER] Autocomplete Choice/Execute Command    [F1] Show Shortkey Help    [F2] Focus on next panel    ' +
  '[F3] Hide/Show Docs    [F5] Hide/Show Output';

/** wcwidth's double-width ranges (East Asian Wide and Fullwidth; ambiguous characters are 1). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

interface Cell {
  ch: string;
  width: number;
}

/** Lays characters out in rows of WIDTH columns; a wide character that does not fit moves down. */
function wrap(text: string): { rows: Cell[][]; endRow: number; endCol: number } {
  const rows: Cell[][] = [[]];
  let col = 0;
  for (const ch of text) {
    const width = isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (col + width > WIDTH) {
      rows.push([]);
      col = 0;
    }
    rows[rows.length - 1]!.push({ ch, width });
    col += width;
  }
  if (col >= WIDTH) {
    rows.push([]);
    col = 0;
  }
  return { rows, endRow: rows.length - 1, endCol: col };
}

const OPTIONS: readonly OptionSpec[] = [...MEMBER_OPTIONS, ...INPUT_OPTIONS, ...GLOBAL_OPTIONS];

/** Values the completer offers for an option: its choices, or the member's enum. */
function valueChoices(flag: string): readonly string[] {
  const spec = OPTIONS.find((o) => o.flag === flag);
  // the completer knows no values for --generate-cli-skeleton (a CLI customization)
  if (spec?.kind === 'optional') return [];
  if (spec?.choices) return spec.choices;
  return ABORT_INPUT_MEMBERS.find((m) => m.cliName === flag)?.enum ?? [];
}

/** autocomplete/filters.py fuzzy_filter: the characters in order, anywhere, any case. */
function fuzzyMatches(prefix: string, name: string): boolean {
  const pattern = [...prefix].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*?');
  return new RegExp(pattern, 'i').test(name);
}

/**
 * prompttoolkit.py _set_input_buffer_text: the buffer gets a trailing space unless the completer
 * can complete its last word. Approximated from what the completer offers for this command: an
 * option value only from the option's choices, an option name or a first stray word from the
 * names of the options not given yet (a complete option name is not completed further).
 */
function canAutocomplete(words: readonly string[]): boolean {
  const args = words.slice(2);
  const last = args[args.length - 1];
  if (last === undefined) return false;
  if (last.startsWith('-')) {
    if (OPTIONS.some((o) => o.flag === last)) return false;
    const used = new Set(args.slice(0, -1));
    return OPTIONS.some((o) => !used.has(o.flag) && fuzzyMatches(last, o.flag));
  }
  let positionals = 0;
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const spec = OPTIONS.find((o) => o.flag === w);
    if (spec && spec.kind !== 'flag' && i + 1 < args.length && !args[i + 1]!.startsWith('-')) {
      if (i + 1 === args.length - 1) return valueChoices(w).some((c) => fuzzyMatches(last, c));
      i++;
      continue;
    }
    if (!w.startsWith('-')) positionals++;
  }
  return positionals === 1 && OPTIONS.some((o) => fuzzyMatches(last, o.flag));
}

/**
 * The stdout bytes for a prompt prefilled with `words` (the command line after `aws`, e.g.
 * ["s3api", "abort-multipart-upload", "--bucket", "b"]).
 */
export function renderNoTerminalFrame(words: readonly string[]): string {
  // autoprompt: the buffer is the shell-quoted command line and a space; the BufferControl adds
  // one more cell for the cursor
  const quoted = words.map(shlexQuote).join(' ');
  const line = `> aws ${quoted}${canAutocomplete(words) ? '' : ' '}`;
  const input = wrap(`${line} `);
  const cursor = wrap(line);
  const screen: Array<Cell[] | undefined> = [];
  for (let r = 0; r < INPUT_ROWS; r++) screen.push(input.rows[r]?.length ? input.rows[r] : undefined);
  screen.push([{ ch: ' ', width: 1 }]);
  screen.push(Array.from({ length: WIDTH }, () => ({ ch: '─', width: 1 })));
  for (const row of wrap(TOOLBAR).rows) if (row.length) screen.push(row);

  let out = '';
  let x = 0;
  let y = 0;
  // renderer.py _output_screen_diff move_cursor, with PlainTextOutput
  const moveTo = (nx: number, ny: number) => {
    if (ny > y) {
      out += '\r\n'.repeat(ny - y);
      y = ny;
      x = 0;
      out += ' '.repeat(nx);
      x = nx;
      return;
    }
    if (x >= WIDTH - 1) {
      out += `\r${' '.repeat(nx)}`;
    } else if (nx > x) {
      out += ' '.repeat(nx - x);
    }
    x = nx;
  };
  screen.forEach((row, r) => {
    if (!row) return;
    // the last column that is not a blank, at most WIDTH - 1 (0 when the row is all blanks)
    let maxCol = 0;
    let c = 0;
    for (const cell of row) {
      if (cell.ch !== ' ') maxCol = c;
      c += cell.width;
    }
    maxCol = Math.min(WIDTH - 1, maxCol);
    c = 0;
    for (const cell of row) {
      if (c > maxCol) break;
      moveTo(c, r);
      out += cell.ch;
      x += cell.width;
      c += cell.width;
    }
  });
  // the cursor goes back to the input window: up and back print nothing, forward prints spaces
  out += ' '.repeat(cursor.endCol);
  return out;
}
