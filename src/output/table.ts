// `--output table`: awscli/formatter.py TableFormatter + awscli/table.py MultiTable (AWS CLI v2
// 2.9.19), on the Python value model. Written after the Python algorithm, including the ways it
// fails on unusual (queried) values: those raise FormatterCrash with Python's exception text.
import { pyStr } from '../py/repr.js';
import { textLength } from '../py/unicodedata.js';
import { isDict, isList, type PyDict, pyTypeName, type PyValue } from '../py/value.js';
import { FormatterCrash, sortedKeys } from './text.js';

export { FormatterCrash };

export interface TableOptions {
  /** the section title of the whole response: the operation name, e.g. `AbortMultipartUpload` */
  title: string;
  /** ColorizedStyler (`--color on`, or `auto` with stdout a TTY) instead of the plain Styler */
  color: boolean;
  /** columns of the terminal (ioctl TIOCGWINSZ on stdout); 80 when stdout is not a terminal */
  terminalWidth: number;
  /**
   * colorama's autoreset: with colour on, colorama wraps sys.stdout so that every write() is
   * followed by ESC[0m. Defaults to `color`. Set it to false for output that does not go through
   * sys.stdout (the pager's pipe), which gets the cell colours only.
   */
  autoreset?: boolean;
}

const RESET = '\x1b[0m';
const ROW_STYLE = '\x1b[1m\x1b[34m'; // Style.BRIGHT + Fore.BLUE
const INDENT_STYLE = '\x1b[2m\x1b[33m'; // Style.DIM + Fore.YELLOW

function crash(pyType: string, message: string): never {
  throw new FormatterCrash(message, pyType);
}

function pyFloorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Python 3 round() to an int: round half to even. */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

const spaces = (n: number) => (n > 0 ? ' '.repeat(n) : '');
const dashes = (n: number) => (n > 0 ? '-'.repeat(n) : '');

function isScalar(v: PyValue): boolean {
  return !isList(v) && !isDict(v);
}

function truthy(v: PyValue): boolean {
  if (v === null || v === false) return false;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'number') return v !== 0; // NaN is true
  if (typeof v === 'string') return v.length > 0;
  if (isList(v)) return v.length > 0;
  if (isDict(v)) return v.size > 0;
  return true;
}

// ---------------------------------------------------------------------------------------------
// table.py: Section

class Section {
  /** None for the sections that a nested list of dicts starts (`_build_table(title=None)`) */
  title: string | null = '';
  headers: string[] = [];
  rows: string[][] = [];
  indentLevel = 0;
  private numCols: number | null = null;
  private maxWidths: number[] = [];

  calculateColumnWidths(padding = 0, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const scaleFactor = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => roundHalfEven(scaleFactor * w));
    let offBy = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (offBy !== 0) {
      const order = [...scaled.keys()];
      if (offBy < 0) order.reverse();
      for (const i of order) {
        if (offBy > 0) {
          scaled[i]!--;
          offBy--;
        } else {
          scaled[i]!++;
          offBy++;
        }
        if (offBy === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding: number, outerPadding: number): number {
    let total = 0;
    for (const w of this.calculateColumnWidths()) total += w + padding;
    total += 2; // with_border
    total += 2 * outerPadding;
    // get_text_length(self.title): str(None) is 'None'
    return Math.max(textLength(this.title === null ? 'None' : this.title) + 2 + 2 * outerPadding, total);
  }

  addHeader(headers: string[]): void {
    this.updateMaxWidths(headers);
    if (this.numCols === null) this.numCols = headers.length;
    this.headers = headers;
  }

  addRow(row: PyValue[]): void {
    if (this.numCols === null) this.numCols = row.length;
    if (row.length !== this.numCols) {
      crash('ValueError', `Row should have ${this.numCols} elements, instead it has ${row.length}`);
    }
    const formatted = row.map(pyStr);
    this.rows.push(formatted);
    this.updateMaxWidths(formatted);
  }

  private updateMaxWidths(row: string[]): void {
    if (this.maxWidths.length === 0) {
      this.maxWidths = row.map(textLength);
      return;
    }
    row.forEach((el, i) => {
      const cur = this.maxWidths[i];
      if (cur === undefined) crash('IndexError', 'list index out of range');
      this.maxWidths[i] = Math.max(textLength(el), cur);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// table.py: MultiTable

function centerText(text: string, length: number, leftEdge: string, rightEdge: string, textLen: number): string {
  const charStart = pyFloorDiv(length, 2) - pyFloorDiv(textLen, 2) - 1;
  const lengthSoFar = textLength(leftEdge) + charStart + textLen;
  const rightSideSpaces = length - textLength(rightEdge) - lengthSoFar;
  return leftEdge + spaces(charStart) + text + spaces(rightSideSpaces) + rightEdge;
}

function alignLeft(text: string, length: number, leftEdge: string, rightEdge: string, textLen: number): string {
  const leftPadding = 2;
  const computed = textLen + leftPadding + textLength(leftEdge) + textLength(rightEdge);
  const padding = length - computed >= 0 ? leftPadding : 0;
  const lengthSoFar = leftEdge.length + padding + textLen;
  return leftEdge + spaces(padding) + text + spaces(length - lengthSoFar - rightEdge.length) + rightEdge;
}

class MultiTable {
  readonly sections: Section[] = [];
  private current: Section | null = null;

  private get section(): Section {
    if (this.current === null) throw new Error('no current section'); // never: titles come first
    return this.current;
  }

  addRowHeader(headers: string[]): void {
    this.section.addHeader(headers);
  }

  addRow(row: PyValue[]): void {
    this.section.addRow(row);
  }

  newSection(title: string | null, indentLevel: number): void {
    const s = new Section();
    s.title = title;
    s.indentLevel = indentLevel;
    this.sections.push(s);
    this.current = s;
  }

  render(terminalWidth: number, color: boolean, autoreset: boolean): string {
    let out = '';
    const write = (s: string) => {
      out += s;
      if (autoreset) out += RESET;
    };
    let maxWidth = this.calculateMaxWidth();
    if (maxWidth > terminalWidth) {
      this.convertToVertical();
      maxWidth = this.calculateMaxWidth();
    }
    write(dashes(maxWidth) + '\n');
    const indentChar = color ? `${INDENT_STYLE}|${RESET}` : '|';
    const styleRow = color ? (t: string) => `${ROW_STYLE}${t}${RESET}` : (t: string) => t;
    for (const section of this.sections) {
      // IndentedStream: every write of a line is 4 writes (indent, text, indent, newline)
      const indent = indentChar.repeat(section.indentLevel);
      const line = (text: string) => {
        write(indent);
        write(text);
        write(indent);
        write('\n');
      };
      const width = maxWidth - 2 * section.indentLevel;
      // title
      if (section.title) {
        line(centerText(section.title, width, '|', '|', textLength(section.title)));
        if (section.headers.length === 0 && section.rows.length === 0) line('+' + dashes(width - 2) + '+');
      }
      // column titles
      if (section.headers.length > 0) {
        const widths = section.calculateColumnWidths(4, width);
        let current = '';
        const n = Math.min(widths.length, section.headers.length);
        for (let i = 0; i < n; i++) {
          const header = section.headers[i]!;
          current += centerText(header, widths[i]!, i === 0 ? '|' : '', '|', textLength(header));
        }
        line(lineBreak(widths));
        line(current);
      }
      // rows
      if (section.rows.length > 0) {
        const widths = section.calculateColumnWidths(4, width);
        if (widths.length > 0) {
          line(lineBreak(widths));
          for (const row of section.rows) {
            let current = '';
            const n = Math.min(widths.length, row.length);
            for (let i = 0; i < n; i++) {
              const element = row[i]!;
              current += alignLeft(styleRow(element), widths[i]!, i === 0 ? '|' : '', '|', textLength(element));
            }
            line(current);
          }
          line(lineBreak(widths));
        }
      }
    }
    return out;
  }

  private calculateMaxWidth(): number {
    let max = -Infinity;
    for (const s of this.sections) max = Math.max(max, s.totalWidth(4, s.indentLevel));
    return max;
  }

  private convertToVertical(): void {
    this.sections.forEach((section, i) => {
      if (section.rows.length === 1 && section.headers.length > 0) {
        const s = new Section();
        s.title = section.title;
        s.indentLevel = section.indentLevel;
        const row = section.rows[0]!;
        const n = Math.min(section.headers.length, row.length);
        for (let j = 0; j < n; j++) s.addRow([section.headers[j]!, row[j]!]);
        this.sections[i] = s;
      }
    });
  }
}

function lineBreak(widths: number[]): string {
  return widths.map((w, i) => (i === 0 ? '+' + dashes(w - 2) + '+' : dashes(w - 1) + '+')).join('');
}

// ---------------------------------------------------------------------------------------------
// formatter.py: TableFormatter._build_table and friends

/** A key of _group_scalar_keys: a dict key, or an int when a list element was iterated as a dict */
type GroupKey = string | { index: bigint | boolean };

class TableBuilder {
  readonly table = new MultiTable();

  build(title: string | null, current: PyValue, indentLevel = 0): boolean {
    if (!truthy(current)) return false;
    if (title !== null) this.table.newSection(title, indentLevel);
    if (isList(current)) {
      if (isDict(current[0]!)) {
        this.subTableFromList(current, indentLevel, title);
      } else {
        for (const item of current) {
          if (isScalar(item)) this.table.addRow([item]);
          else if (isDict(item)) this.table.addRow([...item.keys()]); // all() over a dict's keys: all str
          else if ((item as PyValue[]).every(isScalar)) this.table.addRow(item as PyValue[]);
          else this.build(null, item);
        }
      }
    }
    if (isDict(current)) this.subTableFromDict(current, indentLevel);
    return true;
  }

  private subTableFromDict(current: PyDict, indentLevel: number): void {
    const [headers, more] = groupDictKeys(current);
    if (headers.length === 1) {
      this.table.addRow([headers[0]!, current.get(headers[0]!)!]);
    } else if (headers.length > 0) {
      this.table.addRowHeader(headers);
      this.table.addRow(headers.map((k) => current.get(k)!));
    }
    for (const remaining of more) this.build(remaining, current.get(remaining)!, indentLevel + 1);
  }

  private subTableFromList(current: PyValue[], indentLevel: number, title: string | null): void {
    const [headers, more] = groupScalarKeysFromList(current);
    this.table.addRowHeader(headers);
    let first = true;
    for (const element of current) {
      if (!first && more.length > 0) {
        this.table.newSection(title, indentLevel);
        this.table.addRowHeader(headers);
      }
      first = false;
      if (!isDict(element)) {
        // element.get(header, '') on a list or a str (only '' and [] get this far)
        if (headers.length > 0) crash('AttributeError', `'${pyTypeName(element)}' object has no attribute 'get'`);
        this.table.addRow([]);
        continue; // `remaining in element` is False for '' and []
      }
      this.table.addRow(headers.map((h) => (element.has(h) ? element.get(h)! : '')));
      for (const remaining of more) {
        if (element.has(remaining)) this.build(remaining, element.get(remaining)!, indentLevel + 1);
      }
    }
  }
}

function groupDictKeys(d: PyDict): [string[], string[]] {
  const headers: string[] = [];
  const more: string[] = [];
  for (const [k, v] of d) (isScalar(v) ? headers : more).push(k);
  return [sortedKeys(headers), sortedKeys(more)];
}

/** _group_scalar_keys on an element of a list whose first element is a dict */
function groupAnyKeys(item: PyValue): [GroupKey[], GroupKey[]] {
  if (isDict(item)) return groupDictKeys(item);
  if (typeof item === 'string') {
    if (item.length === 0) return [[], []];
    return crash('TypeError', "string indices must be integers, not 'str'");
  }
  if (isList(item)) {
    const headers: GroupKey[] = [];
    const more: GroupKey[] = [];
    for (const el of item) {
      if (typeof el !== 'bigint' && typeof el !== 'boolean') {
        crash('TypeError', `list indices must be integers or slices, not ${pyTypeName(el)}`);
      }
      const big = typeof el === 'boolean' ? (el ? 1n : 0n) : el;
      if (big >= 2n ** 63n || big < -(2n ** 63n)) crash('IndexError', "cannot fit 'int' into an index-sized integer");
      let idx = Number(big);
      if (idx < 0) idx += item.length;
      if (idx < 0 || idx >= item.length) crash('IndexError', 'list index out of range');
      (isScalar(item[idx]!) ? headers : more).push({ index: el });
    }
    return [headers, more];
  }
  return crash('TypeError', `'${pyTypeName(item)}' object is not iterable`);
}

function sortGroupKeys(keys: GroupKey[]): string[] {
  const strs = new Set<string>();
  // a set of ints: True and 1 (False and 0) are the same member
  const ints = new Set<string>();
  let firstIntType: 'int' | 'bool' | null = null;
  for (const k of keys) {
    if (typeof k === 'string') strs.add(k);
    else {
      firstIntType ??= typeof k.index === 'boolean' ? 'bool' : 'int';
      ints.add(String(typeof k.index === 'boolean' ? Number(k.index) : k.index));
    }
  }
  if (ints.size > 0 && strs.size > 0) {
    // sorted() of a set mixing str and int (the order of the set decides which side is named;
    // with small ints first, as CPython's set usually iterates them, this is the message)
    crash('TypeError', `'<' not supported between instances of 'str' and '${firstIntType}'`);
  }
  if (ints.size > 0) {
    // int headers only come from list elements, which fail later at element.get(): keep headers
    // of the same count (no dict has them: element.get() gives '') so that the failure is Python's
    return [...ints].map((i) => `\u0000int:${i}`);
  }
  return sortedKeys(strs);
}

function groupScalarKeysFromList(list: PyValue[]): [string[], string[]] {
  const headers: GroupKey[] = [];
  const more: GroupKey[] = [];
  for (const item of list) {
    const [h, m] = groupAnyKeys(item);
    headers.push(...h);
    more.push(...m);
  }
  return [sortGroupKeys(headers), sortGroupKeys(more)];
}

/**
 * The complete stdout of `--output table` for a (queried) value: nothing for a falsy value
 * (`{}`, `[]`, `""`, `0`, `false`, `null`), else the rendered table. Throws FormatterCrash where
 * the CLI raises an exception (e.g. `ValueError: Row should have 1 elements, instead it has 2`);
 * all of those happen before anything is written.
 */
export function formatTable(value: PyValue, opts: TableOptions): string {
  const builder = new TableBuilder();
  if (!builder.build(opts.title, value)) return '';
  return builder.table.render(opts.terminalWidth, opts.color, opts.autoreset ?? opts.color);
}
