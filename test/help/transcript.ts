// Reading groff's -Tascii rendering (overstrike bold `c\bc`, underline `_\bc`) into comparable
// form: characters with their style, sections, blocks, and text with groff's hyphenation and
// justification undone.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// a copy of ../shared/reference/transcripts/help-page-raw.txt: `aws s3api abort-multipart-upload
// help` of the AWS CLI 2.9.19 with the current S3 model, as groff -Tascii rendered it (piped, so
// the pager passed the overstrikes through)
export const TRANSCRIPT_PATH = join(dirname(fileURLToPath(import.meta.url)), 'help-page-raw.txt');

export function readTranscript(): string {
  return readFileSync(TRANSCRIPT_PATH, 'utf8');
}

export interface Cell {
  c: string;
  /** 'b' bold, 'u' underline, '' plain */
  s: string;
}

/** One line of overstrike text as styled cells (groff's bullet `+\bo` is a plain `o`). */
export function lineCells(line: string): Cell[] {
  const cells: Cell[] = [];
  for (let i = 0; i < line.length; ) {
    const a = line[i]!;
    if (line[i + 1] === '\b' && i + 2 < line.length) {
      const b = line[i + 2]!;
      if (a === '_') cells.push({ c: b, s: 'u' });
      else if (a === b) cells.push({ c: b, s: 'b' });
      else cells.push({ c: b, s: '' });
      i += 3;
    } else {
      cells.push({ c: a, s: '' });
      i += 1;
    }
  }
  return cells;
}

export const plainLine = (line: string): string => lineCells(line).map((c) => c.c).join('');

/** Removes the header (first line) and the footer (last non-empty line) of a page. */
export function bodyLines(page: string): string[] {
  const lines = page.replace(/\n+$/, '').split('\n');
  return lines.slice(1, -1);
}

/** The body split at the headings (lines at column 0): heading (plain) -> its lines. */
export function sections(page: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of bodyLines(page)) {
    const plain = plainLine(line);
    if (plain !== '' && !plain.startsWith(' ')) {
      current = [];
      out.set(plain, current);
    } else if (current) {
      current.push(line);
    }
  }
  return out;
}

/**
 * The content of some lines as one run of styled cells: a hyphen that ends a line joins the next
 * line (groff's hyphenation), any run of spaces and line breaks becomes one plain space.
 */
export function normalizedCells(lines: readonly string[]): Cell[] {
  const out: Cell[] = [];
  let joinNext = false;
  for (const line of lines) {
    const cells = lineCells(line);
    let a = 0;
    let b = cells.length;
    while (a < b && cells[a]!.c === ' ') a++;
    while (b > a && cells[b - 1]!.c === ' ') b--;
    const trimmed = cells.slice(a, b);
    if (trimmed.length === 0) {
      joinNext = false;
      pushSpace(out);
      continue;
    }
    if (!joinNext) pushSpace(out);
    joinNext = false;
    for (const cell of trimmed) {
      if (cell.c === ' ') pushSpace(out);
      else out.push(cell);
    }
    if (trimmed.length > 1 && trimmed[trimmed.length - 1]!.c === '-' && trimmed[trimmed.length - 2]!.c !== ' ') {
      // groff's hyphen at the end of a line: the word goes on at the start of the next one
      out.pop();
      joinNext = true;
    }
  }
  while (out.length > 0 && out[0]!.c === ' ') out.shift();
  while (out.length > 0 && out[out.length - 1]!.c === ' ') out.pop();
  return out;
}

function pushSpace(out: Cell[]): void {
  if (out.length > 0 && out[out.length - 1]!.c !== ' ') out.push({ c: ' ', s: '' });
}

export const cellText = (cells: readonly Cell[]): string => cells.map((c) => c.c).join('');
/** The style of each character, spaces as `.`: e.g. `bbbb.----.uuu`. */
export const cellStyles = (cells: readonly Cell[]): string => cells.map((c) => (c.c === ' ' ? '.' : c.s || '-')).join('');

/**
 * The block structure of some lines: blocks are separated by blank lines; each is described by
 * the indentation of its first line and of its second (if any).
 */
export function blockShape(lines: readonly string[]): string[] {
  const shapes: string[] = [];
  let block: string[] = [];
  const flush = () => {
    if (block.length > 0) {
      const ind = (l: string) => l.length - l.trimStart().length;
      shapes.push(block.length > 1 ? `${ind(block[0]!)}/${ind(block[1]!)}` : `${ind(block[0]!)}`);
    }
    block = [];
  };
  for (const line of lines.map(plainLine)) {
    if (line.trim() === '') flush();
    else block.push(line);
  }
  flush();
  return shapes;
}
