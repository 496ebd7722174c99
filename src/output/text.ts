// `--output text`: awscli/text.py format_text (AWS CLI v2 2.9.19), on the Python value model.
import { pyStr } from '../py/repr.js';
import { pyUpper } from '../py/unicodedata.js';
import { isDict, isList, type PyDict, pyTypeName, type PyValue } from '../py/value.js';

import { FormatterCrash } from './formatter-crash.js';

export { FormatterCrash };

/** Compares two strings by code point, as Python compares str (JS `<` compares UTF-16 units). */
export function comparePyStr(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // a surrogate pair stands for a code point above U+FFFF: it sorts after U+E000..U+FFFF
      x = fixup(x);
      y = fixup(y);
    }
    return x - y;
  }
  return a.length - b.length;
}

function fixup(u: number): number {
  return u >= 0xe000 ? u - 0x800 : u + 0x2000;
}

/** sorted() of dict keys, Python order. */
export function sortedKeys(keys: Iterable<string>): string[] {
  return [...keys].sort(comparePyStr);
}

function isScalar(v: PyValue): boolean {
  return !isList(v) && !isDict(v);
}

/** Python's str.upper() (Unicode 14 tables). */
export { pyUpper };

class TextWriter {
  out = '';
  write(s: string): void {
    this.out += s;
  }
}

function formatItem(w: TextWriter, item: PyValue, identifier: string | null, scalarKeys: string[] | null): void {
  if (isDict(item)) formatDict(w, scalarKeys, item, identifier);
  else if (isList(item)) formatList(w, item, identifier);
  else {
    w.write(pyStr(item));
    w.write('\n');
  }
}

function formatList(w: TextWriter, item: PyValue[], identifier: string | null): void {
  if (item.length === 0) return;
  if (item.some(isDict)) {
    const allKeys = allScalarKeys(w, item);
    for (const element of item) formatItem(w, element, identifier, allKeys);
  } else if (item.some(isList)) {
    const scalars: PyValue[] = [];
    const nonScalars: PyValue[] = [];
    for (const el of item) (isScalar(el) ? scalars : nonScalars).push(el);
    if (scalars.length > 0) formatScalarList(w, scalars, identifier);
    for (const ns of nonScalars) formatItem(w, ns, identifier, null);
  } else {
    formatScalarList(w, item, identifier);
  }
}

function formatScalarList(w: TextWriter, elements: PyValue[], identifier: string | null): void {
  if (identifier !== null) {
    const ident = pyUpper(identifier);
    for (const x of elements) w.write(`${ident}\t${pyStr(x)}\n`);
  } else {
    w.write(elements.map(pyStr).join('\t'));
    w.write('\n');
  }
}

function formatDict(w: TextWriter, scalarKeys: string[] | null, item: PyDict, identifier: string | null): void {
  const scalars: string[] = [];
  const nonScalars: [string, PyValue][] = [];
  if (scalarKeys === null) {
    for (const key of sortedKeys(item.keys())) {
      const value = item.get(key)!;
      if (isScalar(value)) scalars.push(pyStr(value));
      else nonScalars.push([key, value]);
    }
  } else {
    for (const key of scalarKeys) scalars.push(item.has(key) ? pyStr(item.get(key)!) : '');
    const known = new Set(scalarKeys);
    for (const key of sortedKeys([...item.keys()].filter((k) => !known.has(k)))) nonScalars.push([key, item.get(key)!]);
  }
  if (scalars.length > 0) {
    if (identifier !== null) scalars.unshift(pyUpper(identifier));
    w.write(scalars.join('\t'));
    w.write('\n');
  }
  for (const [k, v] of nonScalars) formatItem(w, v, k, null);
}

function allScalarKeys(w: TextWriter, list: PyValue[]): string[] {
  const seen = new Set<string>();
  for (const d of list) {
    if (!isDict(d)) {
      // item_dict.items() on a list element that is not a dict
      throw new FormatterCrash(`'${pyTypeName(d)}' object has no attribute 'items'`, 'AttributeError', w.out);
    }
    for (const [k, v] of d) if (isScalar(v)) seen.add(k);
  }
  return sortedKeys(seen);
}

/**
 * The complete stdout of `--output text` for a (queried) value. `{}`, `[]` and lists of empty
 * lists print nothing. Throws FormatterCrash (with the output written so far) where the CLI raises.
 */
export function formatText(value: PyValue): string {
  const w = new TextWriter();
  formatItem(w, value, null, null);
  return w.out;
}
