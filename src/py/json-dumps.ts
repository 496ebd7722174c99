// json.dumps (Lib/json/encoder.py) with ensure_ascii on, as botocore writes its cache files and
// cache keys and jmespath.py's to_string() writes values. (The --output json formatter writes
// with ensure_ascii off and indent=4, and lives in src/output/json.ts.)

import { PyError } from './error.js';
import { INT_MAX_STR_DIGITS } from './int.js';
import { pyFloatRepr } from './repr.js';
import { pyStrCompare } from './str.js';
import type { PyValue } from './value.js';

/** The text json.dumps writes for a float (NaN and infinities as JavaScript literals). */
export function pyJsonFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return pyFloatRepr(n);
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** encode_basestring_ascii: everything outside ' '..'~' escaped, astral characters as two \u escapes. */
export function pyJsonStringAscii(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const code = s.charCodeAt(i);
    const short = SHORT_ESCAPES[c];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return out + '"';
}

export interface JsonDumpsOptions {
  /** sort_keys=True */
  readonly sortKeys?: boolean;
  /** separators=(item, key); json.dumps's default is (', ', ': ') */
  readonly separators?: readonly [string, string];
  /** default=: turns a value outside the model into one json.dumps can write */
  readonly default?: (value: unknown) => PyValue;
}

/** json.dumps(value, ensure_ascii=True, ...): PyError ValueError for an int of more than 4300 digits. */
export function pyJsonDumps(value: unknown, options: JsonDumpsOptions = {}): string {
  const [item, key] = options.separators ?? [', ', ': '];
  const dump = (v: unknown): string => {
    if (v === null) return 'null';
    if (v === true) return 'true';
    if (v === false) return 'false';
    if (typeof v === 'bigint') return intText(v);
    if (typeof v === 'number') return pyJsonFloat(v);
    if (typeof v === 'string') return pyJsonStringAscii(v);
    if (Array.isArray(v)) return `[${v.map(dump).join(item)}]`;
    if (v instanceof Map) {
      let entries = [...(v as Map<string, unknown>)];
      // sorted(dct.items()): str order is code point order
      if (options.sortKeys) entries = entries.sort(([a], [b]) => pyStrCompare(a, b));
      return `{${entries.map(([k, x]) => `${pyJsonStringAscii(k)}${key}${dump(x)}`).join(item)}}`;
    }
    if (options.default) return dump(options.default(v));
    throw new PyError('TypeError', `Object of type ${typeof v} is not JSON serializable`);
  };
  return dump(value);
}

/** str(int): CPython 3.11 refuses to write more than 4300 digits. */
function intText(n: bigint): string {
  const s = n.toString();
  if (s.replace('-', '').length > INT_MAX_STR_DIGITS) {
    throw new PyError(
      'ValueError',
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  return s;
}
