// json.dumps with ensure_ascii on, against CPython 3.11 (expected texts printed by python3).

import { describe, expect, it } from 'vitest';
import { pyJsonDumps, pyJsonStringAscii } from '../../src/py/json-dumps.js';

describe('pyJsonStringAscii (encode_basestring_ascii)', () => {
  it('escapes everything outside space..~, DEL included', () => {
    // json.dumps('\x7f\u00e9\U0001F600"\\\n\r\t\b\f\x01 ~')
    expect(pyJsonStringAscii('\x7f\u00e9\u{1f600}"\\\n\r\t\b\f\x01 ~')).toBe('"\\u007f\\u00e9\\ud83d\\ude00\\"\\\\\\n\\r\\t\\b\\f\\u0001 ~"');
  });
});

describe('pyJsonDumps', () => {
  it('sorts keys by code point, with the default separators', () => {
    const value = new Map<string, unknown>([
      ['b', 1n],
      ['a', [1.5, null, true, 1e-7, NaN]],
      ['\uffff', 0n],
      ['\u{1f600}', 0n],
    ]);
    expect(pyJsonDumps(value, { sortKeys: true })).toBe('{"a": [1.5, null, true, 1e-07, NaN], "b": 1, "\\uffff": 0, "\\ud83d\\ude00": 0}');
  });

  it('writes compact separators, and default= for other values', () => {
    const value = new Map<string, unknown>([
      ['roleName', 'r'],
      ['at', new Date(0)],
    ]);
    expect(pyJsonDumps(value, { separators: [',', ':'], default: (v) => (v as Date).toISOString() })).toBe('{"roleName":"r","at":"1970-01-01T00:00:00.000Z"}');
  });

  it('refuses an int of more than 4300 digits', () => {
    expect(pyJsonDumps([10n ** 4299n]).length).toBe(4302);
    expect(() => pyJsonDumps(10n ** 4300n)).toThrow(
      'Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit',
    );
  });
});
