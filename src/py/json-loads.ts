// json.loads (Lib/json/__init__.py and the C scanner, Modules/_json.c) on CPython 3.11, for the
// credential_process output, --cli-input-json and JMESPath literals: ints become bigint, numbers
// with a fraction or exponent float, objects keep key order (a repeated key keeps its first place
// and its last value), NaN and ±Infinity are read. Every failure is a PyError with CPython's
// text (undecodable UTF-16/32 bytes only name the codec); JSONDecodeError positions count code
// points, as Python's str indices do.

import { pyDecode, pyDecodeUtf8 } from './codecs.js';
import { PyError } from './error.js';
import { INT_MAX_STR_DIGITS } from './int.js';
import type { PyDict, PyValue } from './value.js';

// the nesting at which the scanner's Py_EnterRecursiveCall fails, less what the CLI's own
// frames take (a value nested deeper than this raises RecursionError)
const MAX_DEPTH = 900;

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** json.loads(s): text, or bytes (json.detect_encoding, then decoded). */
export function pyJsonLoads(s: string | Uint8Array): PyValue {
  if (typeof s !== 'string') return scan(decodeJsonBytes(s));
  if (s.startsWith('\ufeff')) throw decodeError(s, 'Unexpected UTF-8 BOM (decode using utf-8-sig)', 0);
  return scan(s);
}

/** JSONDecodeError: "msg: line L column C (char N)", in code points. */
function decodeError(text: string, msg: string, pos: number): PyError {
  const before = text.slice(0, pos);
  const lastNl = before.lastIndexOf('\n');
  const lineno = before.split('\n').length;
  const colno = Array.from(before.slice(lastNl + 1)).length + 1;
  return new PyError('JSONDecodeError', `${msg}: line ${lineno} column ${colno} (char ${Array.from(before).length})`);
}

function scan(text: string): PyValue {
  const n = text.length;
  const fail = (msg: string, pos: number): never => {
    throw decodeError(text, msg, pos);
  };
  const skip = (i: number): number => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    return i;
  };
  const hex = (i: number): number | undefined => {
    const digits = text.slice(i, i + 4);
    return HEX4.test(digits) ? parseInt(digits, 16) : undefined;
  };
  /** scanstring: the string whose opening quote is at end - 1, and the index after it. */
  const str = (end: number): [string, number] => {
    const begin = end - 1;
    let out = '';
    for (;;) {
      let next = end;
      let c = '';
      for (; next < n; next++) {
        c = text[next]!;
        if (c === '"' || c === '\\') break;
        if (c.charCodeAt(0) <= 0x1f) fail('Invalid control character at', next);
      }
      if (next >= n) fail('Unterminated string starting at', begin);
      out += text.slice(end, next);
      next++;
      if (c === '"') return [out, next];
      if (next === n) fail('Unterminated string starting at', begin);
      const e = text[next]!;
      if (e !== 'u') {
        if (!Object.hasOwn(ESCAPES, e)) fail('Invalid \\escape', next - 1);
        out += ESCAPES[e];
        end = next + 1;
        continue;
      }
      next++;
      end = next + 4;
      if (end >= n) fail('Invalid \\uXXXX escape', next - 1);
      let cp = hex(next);
      if (cp === undefined) return fail('Invalid \\uXXXX escape', end - 5);
      // a surrogate pair written as two escapes is one character
      if (cp >= 0xd800 && cp <= 0xdbff && end + 6 < n && text[end] === '\\' && text[end + 1] === 'u') {
        const low = hex(end + 2);
        if (low === undefined) fail('Invalid \\uXXXX escape', end + 1);
        if (low! >= 0xdc00 && low! <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (low! - 0xdc00);
          end += 6;
        }
      }
      out += String.fromCodePoint(cp);
    }
  };
  /** scan_once: the value at i (whitespace already skipped) and the index after it. */
  const value = (i: number, depth: number, container: 'array' | 'object'): [PyValue, number] => {
    if (i >= n) return fail('Expecting value', i);
    if (depth > MAX_DEPTH) {
      const kind = text[i] === '{' ? 'object' : text[i] === '[' ? 'array' : container;
      throw new PyError('RecursionError', `maximum recursion depth exceeded while decoding a JSON ${kind} from a unicode string`);
    }
    const c = text[i]!;
    if (c === '"') return str(i + 1);
    if (c === '{') {
      const obj: PyDict = new Map();
      let j = skip(i + 1);
      if (j >= n || text[j] !== '}') {
        for (;;) {
          if (j >= n || text[j] !== '"') fail('Expecting property name enclosed in double quotes', j);
          const [key, afterKey] = str(j + 1);
          j = skip(afterKey);
          if (j >= n || text[j] !== ':') fail("Expecting ':' delimiter", j);
          const [v, afterValue] = value(skip(j + 1), depth + 1, 'object');
          obj.set(key, v);
          j = skip(afterValue);
          if (j < n && text[j] === '}') break;
          if (j >= n || text[j] !== ',') fail("Expecting ',' delimiter", j);
          j = skip(j + 1);
        }
      }
      return [obj, j + 1];
    }
    if (c === '[') {
      const arr: PyValue[] = [];
      let j = skip(i + 1);
      if (j >= n || text[j] !== ']') {
        for (;;) {
          const [v, after] = value(j, depth + 1, 'array');
          arr.push(v);
          j = skip(after);
          if (j < n && text[j] === ']') break;
          if (j >= n || text[j] !== ',') fail("Expecting ',' delimiter", j);
          j = skip(j + 1);
        }
      }
      return [arr, j + 1];
    }
    if (c === 'n' && text.startsWith('null', i)) return [null, i + 4];
    if (c === 't' && text.startsWith('true', i)) return [true, i + 4];
    if (c === 'f' && text.startsWith('false', i)) return [false, i + 5];
    if (c === 'N' && text.startsWith('NaN', i)) return [NaN, i + 3];
    if (c === 'I' && text.startsWith('Infinity', i)) return [Infinity, i + 8];
    if (c === '-' && text.startsWith('-Infinity', i)) return [-Infinity, i + 9];
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return fail('Expecting value', i);
    const end = i + m[0].length;
    if (m[2] !== undefined || m[3] !== undefined) return [Number(m[0]), end];
    // int(): CPython 3.11 refuses more than 4300 digits
    const digits = m[1]!.replace('-', '').length;
    if (digits > INT_MAX_STR_DIGITS) {
      throw new PyError(
        'ValueError',
        `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
      );
    }
    return [BigInt(m[1]!), end];
  };
  const [v, end] = value(skip(0), 0, 'array');
  const after = skip(end);
  if (after !== n) fail('Extra data', after);
  return v;
}

/**
 * The decoding step of json.loads(bytes): json.detect_encoding, then bytes.decode (strict here,
 * where CPython's 'surrogatepass' would also let encoded lone surrogates through).
 */
function decodeJsonBytes(b: Uint8Array): string {
  const starts = (...sig: number[]) => sig.every((x, i) => b[i] === x);
  let enc: string;
  let skip = 0;
  if (starts(0x00, 0x00, 0xfe, 0xff)) [enc, skip] = ['utf-32be', 4];
  else if (starts(0xff, 0xfe, 0x00, 0x00)) [enc, skip] = ['utf-32le', 4];
  else if (starts(0xfe, 0xff)) [enc, skip] = ['utf-16be', 2];
  else if (starts(0xff, 0xfe)) [enc, skip] = ['utf-16le', 2];
  else if (starts(0xef, 0xbb, 0xbf)) [enc, skip] = ['utf-8', 3];
  else if (b.length >= 4) {
    if (!b[0]) enc = b[1] ? 'utf-16be' : 'utf-32be';
    else if (!b[1]) enc = b[2] || b[3] ? 'utf-16le' : 'utf-32le';
    else enc = 'utf-8';
  } else if (b.length === 2 && !b[0]) enc = 'utf-16be';
  else if (b.length === 2 && !b[1]) enc = 'utf-16le';
  else enc = 'utf-8';
  const body = b.subarray(skip);
  if (enc === 'utf-8') {
    const text = pyDecodeUtf8(body);
    if (typeof text !== 'string') throw new PyError('UnicodeDecodeError', text.error);
    return text;
  }
  const text = enc.startsWith('utf-32') ? decodeUtf32(body, enc === 'utf-32le') : pyDecode(body, enc);
  if (text === undefined) throw new PyError('UnicodeDecodeError', `'${enc.replace(/(le|be)$/, '-$1')}' codec can't decode bytes`);
  return text;
}

function decodeUtf32(b: Uint8Array, le: boolean): string | undefined {
  if (b.length % 4 !== 0) return undefined;
  let s = '';
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < b.length; i += 4) {
    const cp = view.getUint32(i, le);
    if (cp > 0x10ffff) return undefined;
    s += String.fromCodePoint(cp);
  }
  return s;
}
