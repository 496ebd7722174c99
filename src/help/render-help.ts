// Sets the help page for a terminal the way `groff -man -Tascii` sets the AWS CLI's page: a header
// line, sections at column 0, text filled to the line length (the width minus 2, as man does) and
// justified on both margins, blank lines between blocks, a footer. groff's justification is
// copied: the extra spaces of a line go to the leftmost gaps on one line and the rightmost on the
// next, alternating over the whole page (troff env.cpp distribute_space); a word that does not fit
// is hyphenated with TeX's patterns, as troff does (hyphenate.ts).

import { hyphenationPoints } from './hyphenate.js';
import { parseMarkup, type Run, type Word } from './markup.js';
import { HELP_PAGE, PAGE_TITLE, type HelpBlock } from './page.js';

export { parseMarkup, stripMarkup } from './markup.js';

/**
 * plain: text only. ansi: bold ESC[1m and underline ESC[4m, for a terminal or `less -R`.
 * overstrike: `c\bc` for bold and `_\bc` for underline, as groff -Tascii writes for pagers.
 */
export type HelpStyle = 'plain' | 'ansi' | 'overstrike';

export interface RenderHelpOptions {
  /** Terminal columns; the text is set to width - 2 columns (at least 20). */
  width: number;
  /** true is 'ansi', false is 'plain'. */
  styled?: boolean;
  /** Overrides `styled`. */
  style?: HelpStyle;
}

const wordLength = (w: Word): number => w.reduce((n, r) => n + r.text.length, 0);

/** Splits a word before character `k`: the head gets a hyphen in the style of its last letter. */
function splitWord(w: Word, k: number): [Word, Word] {
  const head: Run[] = [];
  const tail: Run[] = [];
  let at = 0;
  for (const run of w) {
    const end = at + run.text.length;
    if (end <= k) head.push(run);
    else if (at >= k) tail.push(run);
    else {
      head.push({ text: run.text.slice(0, k - at), mark: run.mark });
      tail.push({ text: run.text.slice(k - at), mark: run.mark });
    }
    at = end;
  }
  const last = head[head.length - 1]!;
  head[head.length - 1] = { text: `${last.text}-`, mark: last.mark };
  return [head, tail];
}

function styleRun(run: Run, style: HelpStyle): string {
  if (run.mark === null || style === 'plain') return run.text;
  if (style === 'ansi') return `${run.mark === 'b' ? '\x1b[1m' : '\x1b[4m'}${run.text}\x1b[0m`;
  // grotty -c: bold is the character struck twice, underline is `_` struck under it
  return [...run.text].map((c) => (run.mark === 'b' ? `${c}\b${c}` : `_\b${c}`)).join('');
}

const styleWord = (w: Word, style: HelpStyle): string => w.map((r) => styleRun(r, style)).join('');

/** groff's bullet (\(bu) on -Tascii is `o` struck over `+`. */
function styleTag(tag: string, style: HelpStyle): string {
  return style === 'overstrike' && tag === 'o' ? '+\bo' : tag;
}

export class HelpLayout {
  private readonly lines: string[] = [];
  /** troff distribute_space's `reverse`: flips after every line the filler breaks. */
  private reverse = false;
  constructor(
    readonly lineLength: number,
    readonly style: HelpStyle,
  ) {}

  blank(n = 1): void {
    for (let i = 0; i < n; i++) this.lines.push('');
  }

  raw(line: string): void {
    this.lines.push(line);
  }

  fill(indent: number, text: string, tag?: string): void {
    const words = parseMarkup(text);
    const avail = Math.max(1, this.lineLength - indent);
    if (words.length === 0) {
      this.lines.push(tag !== undefined ? ' '.repeat(Math.max(0, indent - 2)) + styleTag(tag, this.style) : '');
      return;
    }
    let first = true;
    let i = 0;
    while (i < words.length) {
      // troff fills greedily; the word that does not fit is hyphenated at the last point that
      // fits, or goes to the next line (a lone word longer than the line overflows)
      const lineWords: Word[] = [];
      let width = 0;
      while (i < words.length) {
        const w = words[i]!;
        const space = lineWords.length > 0 ? 1 : 0;
        if (width + space + wordLength(w) <= avail) {
          lineWords.push(w);
          width += space + wordLength(w);
          i++;
          continue;
        }
        const room = avail - width - space;
        const point = hyphenationPoints(w.map((r) => r.text).join(''))
          .filter((k) => k + 1 <= room)
          .pop();
        if (point !== undefined) {
          const [head, tail] = splitWord(w, point);
          lineWords.push(head);
          width += space + wordLength(head);
          words[i] = tail;
        } else if (lineWords.length === 0) {
          lineWords.push(w);
          width += wordLength(w);
          i++;
        }
        break;
      }
      const gaps = lineWords.length - 1;
      const spaces = new Array<number>(Math.max(0, gaps)).fill(1);
      // a line broken by the filler is adjusted (the last line of a block is not)
      if (i < words.length) this.distribute(spaces, avail - width);
      let line = ' '.repeat(indent);
      if (first && tag !== undefined) {
        const tagCol = Math.max(0, indent - 2);
        line = ' '.repeat(tagCol) + styleTag(tag, this.style) + ' '.repeat(Math.max(1, indent - tagCol - tag.length));
      }
      lineWords.forEach((w, k) => {
        if (k > 0) line += ' '.repeat(spaces[k - 1]!);
        line += styleWord(w, this.style);
      });
      this.lines.push(line);
      first = false;
    }
  }

  /** troff env.cpp distribute_space: equal shares, the remainder to one end, alternating ends. */
  private distribute(spaces: number[], extra: number): void {
    const n = spaces.length;
    if (n > 0 && extra > 0) {
      let remaining = extra;
      for (let k = 0; k < n; k++) {
        // troff walks its (reversed) node list: from the right on one line, from the left on the next
        const gap = this.reverse ? k : n - 1 - k;
        const share = Math.floor(remaining / (n - k));
        spaces[gap]! += share;
        remaining -= share;
      }
    }
    this.reverse = !this.reverse;
  }

  text(): string {
    return this.lines.map((l) => l.replace(/ +$/, '')).join('\n') + '\n';
  }
}

/** Lays out any list of blocks (the page, or a part of it) with the page's header and footer. */
export function layoutHelp(blocks: readonly HelpBlock[], opts: RenderHelpOptions): string {
  const style: HelpStyle = opts.style ?? (opts.styled ? 'ansi' : 'plain');
  const lineLength = Math.max(20, Math.floor(opts.width) - 2);
  const out = new HelpLayout(lineLength, style);
  const title = PAGE_TITLE;
  const pad = lineLength - 2 * title.length;
  out.raw(pad >= 1 ? title + ' '.repeat(pad) + title : title);
  out.blank(3);
  let first = true;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      if (!first) out.blank();
      out.raw(parseMarkup(`{b:${block.text}}`).map((w) => styleWord(w, style)).join(' '));
      first = false;
      continue;
    }
    out.blank(block.gap ?? 1);
    first = false;
    if (block.kind === 'para') {
      out.fill(block.indent, block.text, block.tag);
    } else {
      for (const line of block.lines) out.raw(' '.repeat(block.indent) + line);
    }
  }
  out.blank(3);
  out.raw(' '.repeat(Math.max(0, lineLength - title.length)) + title);
  return out.text();
}

/** The man page of s3abort (the CLI's page of abort-multipart-upload plus s3abort's options). */
export function renderHelp(opts: RenderHelpOptions): string {
  return layoutHelp(HELP_PAGE, opts);
}
