// What the auto-prompt draws, below the shell's last line (not full-screen, as the CLI's
// prompt_toolkit application with full_screen=False): the command line, the completion menu,
// the documentation of the option in focus, and a toolbar. Drawn again after every key, erased
// when done (erase_when_done).

import { isWideCodePoint } from '../py/unicodedata.js';
import type { OptionInfo } from '../completion/catalog.js';
import { focusedOption, type EditorState } from './editor.js';

export interface Screen {
  readonly rows: readonly string[];
  readonly cursorRow: number;
  readonly cursorCol: number;
}

const MENU_ROWS = 8;
const DOC_ROWS = 6;
const REVERSE = '\x1b[7m';
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

const charWidth = (ch: string): number => (isWideCodePoint(ch.codePointAt(0)!) ? 2 : 1);
const width = (s: string): number => [...s].reduce((n, ch) => n + charWidth(ch), 0);

/** Cuts plain text to at most `cols` columns. */
function fit(s: string, cols: number): string {
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch);
    if (w + cw > cols) break;
    out += ch;
    w += cw;
  }
  return out;
}

/** Greedy word wrap of plain text. */
function wrap(text: string, cols: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && width(line) + 1 + width(word) > cols) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => fit(l, cols));
}

/** Splits the prompt and buffer into terminal rows of `cols` columns. */
function promptRows(text: string, cols: number): string[] {
  const rows: string[] = [];
  let row = '';
  let w = 0;
  for (const ch of text) {
    const cw = charWidth(ch);
    if (w + cw > cols) {
      rows.push(row);
      row = '';
      w = 0;
    }
    row += ch;
    w += cw;
  }
  rows.push(row);
  return rows;
}

function optionLabel(o: OptionInfo): string {
  return `${o.flag} (${o.type})${o.required ? ' (required)' : ''}${o.scope === 's3abort' ? ' [s3abort]' : ''}`;
}

export function layoutScreen(state: EditorState, columns: number, prog = 's3abort'): Screen {
  const cols = Math.max(20, columns);
  const prompt = `> ${prog} `;
  const rows = promptRows(prompt + state.buffer, cols);
  // where the cursor is: the width of everything before it
  const before = width(prompt + state.buffer.slice(0, state.cursor));
  let cursorRow = Math.floor(before / cols);
  let cursorCol = before % cols;
  if (cursorRow >= rows.length) rows.push('');
  if (cursorRow < 0) cursorRow = cursorCol = 0;
  const inner = cols - 1;

  // the completion menu
  const menu = state.menu;
  if (menu && menu.candidates.length > 0) {
    const n = menu.candidates.length;
    const first = Math.max(0, Math.min(menu.selected - MENU_ROWS + 1, n - MENU_ROWS));
    const shown = menu.candidates.slice(Math.max(0, first), Math.max(0, first) + MENU_ROWS);
    const valueWidth = Math.min(32, Math.max(...shown.map((c) => width(c.value))));
    shown.forEach((c, k) => {
      const index = Math.max(0, first) + k;
      const meta = c.kind === 'option' && c.option ? `[${c.option.type}] ${c.option.summary}` : '';
      const label = c.value + ' '.repeat(Math.max(0, valueWidth - width(c.value)));
      const text = fit(` ${label}  ${c.option?.required && c.kind === 'option' ? '(required) ' : ''}${meta}`, inner);
      rows.push(index === menu.selected ? `${REVERSE}${text}${RESET}` : text);
    });
    if (n > MENU_ROWS) rows.push(`${DIM}${fit(` (${n} in all; Tab and the arrows walk through them)`, inner)}${RESET}`);
  }

  // the documentation of the option in focus
  const option = focusedOption(state);
  if (option) {
    const title = ` ${optionLabel(option)} `;
    rows.push(`${DIM}--${RESET}${BOLD}${fit(title, inner - 2)}${RESET}${DIM}${'-'.repeat(Math.max(0, inner - 2 - width(title)))}${RESET}`);
    const text = [option.summary, ...(option.choices ? [`Possible values: ${option.choices.join(', ')}`] : [])];
    const lines = text.flatMap((t) => wrap(t, inner - 2)).slice(0, DOC_ROWS);
    for (const l of lines) rows.push(`  ${l}`);
  }

  const toolbar = state.message ?? '[Tab] complete  [Enter] run  [Ctrl-C] cancel';
  rows.push(state.message ? `${BOLD}${fit(toolbar, inner)}${RESET}` : `${DIM}${fit(toolbar, inner)}${RESET}`);
  return { rows, cursorRow, cursorCol };
}

/** Turns successive screens into terminal output, with relative moves only. */
export class Painter {
  /** the cursor's row, counted from the top of what was drawn */
  private cursorRow = 0;

  paint(screen: Screen): string {
    let out = '\x1b[?25l';
    if (this.cursorRow > 0) out += `\x1b[${this.cursorRow}A`;
    out += '\r\x1b[J';
    out += screen.rows.join('\r\n');
    const up = screen.rows.length - 1 - screen.cursorRow;
    if (up > 0) out += `\x1b[${up}A`;
    out += '\r';
    if (screen.cursorCol > 0) out += `\x1b[${screen.cursorCol}C`;
    out += '\x1b[?25h';
    this.cursorRow = screen.cursorRow;
    return out;
  }

  /** Erases everything drawn and leaves the cursor where the prompt started. */
  erase(): string {
    const out = `${this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : ''}\r\x1b[J`;
    this.cursorRow = 0;
    return out;
  }
}
