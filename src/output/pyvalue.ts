// The value model shared by --query and the formatters. The AWS CLI works on Python values, and
// its output depends on distinctions a JS value loses: int vs float (1 vs 1.0), big integers,
// and dict key order (JS objects put integer-like keys first). So:
//   None -> null, bool -> boolean, int -> bigint, float -> number, str -> string,
//   list -> PyValue[], dict -> Map<string, PyValue> (insertion order kept).

import { pyIsPrintable } from '../py/unicodedata.js';

export type PyValue = null | boolean | bigint | number | string | PyValue[] | PyDict;
export type PyDict = Map<string, PyValue>;

export function isDict(v: PyValue): v is PyDict {
  return v instanceof Map;
}

export function isList(v: PyValue): v is PyValue[] {
  return Array.isArray(v);
}

/** Python's repr() of a float (the shortest round-trip digits, Python's layout). */
export function pyFloatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const sign = n < 0 ? '-' : '';
  // toExponential() without digits gives the shortest digits that round-trip, as repr does
  const [mant, expText] = Math.abs(n).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  const exp = Number(expText); // value = d1.d2d3... * 10^exp
  if (exp >= -4 && exp < 16) {
    // floatobject.c / pystrtod.c: fixed notation when -4 <= exp10 < 16
    let s: string;
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      const frac = digits.slice(exp + 1);
      s = `${intPart}.${frac || '0'}`;
    } else {
      s = `0.${'0'.repeat(-exp - 1)}${digits}`;
    }
    return sign + s;
  }
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const e = exp < 0 ? `-${String(-exp).padStart(2, '0')}` : `+${String(exp).padStart(2, '0')}`;
  return `${sign}${m}e${e}`;
}

/** The text json.dumps writes for a float (NaN and infinities as JavaScript literals). */
export function pyJsonFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return pyFloatRepr(n);
}

/** Python's str() of a value. */
export function pyStr(v: PyValue): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return pyFloatRepr(v);
  if (typeof v === 'string') return v;
  return pyRepr(v);
}

/** Python's repr() of a value (strings in Python's quoting). */
export function pyRepr(v: PyValue): string {
  if (typeof v === 'string') return pyStrRepr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (v instanceof Map) {
    return `{${[...v].map(([k, x]) => `${pyStrRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  }
  return pyStr(v);
}

function pyStrRepr(s: string): string {
  // unicode_repr: single quotes unless the text has ' and no "
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else if (!pyIsPrintable(cp)) {
      out += cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}


/** Python type names as jmespath.py and botocore print them. */
export function pyTypeName(v: PyValue): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'str';
  if (Array.isArray(v)) return 'list';
  return 'dict';
}

/** Converts a plain JS value (from our own code) into the model: integers become ints. */
export function fromPlain(v: unknown): PyValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(fromPlain);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [String(k), fromPlain(x)]));
  if (typeof v === 'object') {
    return new Map(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).map(([k, x]) => [k, fromPlain(x)]));
  }
  return String(v);
}

export class PyJsonError extends Error {}

/**
 * json.loads: ints become bigint, numbers with a fraction or exponent become float, objects keep
 * key order (a repeated key keeps its first place and its last value), NaN/Infinity accepted.
 */
export function parsePyJson(text: string): PyValue {
  let i = 0;
  const fail = (): never => {
    throw new PyJsonError(`invalid JSON at ${i}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const value = (depth: number): PyValue => {
    if (depth > 900) fail(); // Python's recursion limit
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const m: PyDict = new Map();
      ws();
      if (text[i] === '}') {
        i++;
        return m;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const k = str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        m.set(k, value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return m;
        }
        fail();
      }
    }
    if (c === '[') {
      i++;
      const a: PyValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return a;
      }
      for (;;) {
        a.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return a;
        }
        fail();
      }
    }
    if (c === '"') return str();
    for (const [word, v] of [
      ['null', null],
      ['true', true],
      ['false', false],
      ['NaN', NaN],
      ['Infinity', Infinity],
      ['-Infinity', -Infinity],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    const m = /^-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(text.slice(i, i + 4000));
    if (!m) return fail();
    i += m[0].length;
    if (m[1] !== undefined || m[2] !== undefined) return Number(m[0]);
    return BigInt(m[0]);
  };
  const str = (): string => {
    i++; // opening quote
    let out = '';
    for (;;) {
      const c = text[i];
      if (c === undefined) return fail();
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail();
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else fail();
        continue;
      }
      if (c.charCodeAt(0) < 0x20) fail(); // strict mode: no raw control characters
      out += c;
      i++;
    }
  };
  const v = value(0);
  ws();
  if (i !== text.length) fail();
  return v;
}

/** bytes.decode('utf-8') (strict): the text, or CPython's UnicodeDecodeError message. */
export function pyDecodeUtf8(bytes: Uint8Array): string | { error: string } {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i]!;
      const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
      // CPython names one byte, or the range of bytes it had read when the sequence broke
      const at = (reason: string, end = i + 1) => ({
        error:
          end - i > 1
            ? `'utf-8' codec can't decode bytes in position ${i}-${end - 1}: ${reason}`
            : `'utf-8' codec can't decode byte 0x${b.toString(16).padStart(2, '0')} in position ${i}: ${reason}`,
      });
      if (need < 0) return at('invalid start byte');
      for (let k = 1; k <= need; k++) {
        const c = bytes[i + k];
        if (c === undefined) return at('unexpected end of data', i + k);
        const lo = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
        const hi = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
        if (c < lo || c > hi) return at('invalid continuation byte', i + k);
      }
      i += need + 1;
    }
    return { error: "'utf-8' codec can't decode bytes" };
  }
}
