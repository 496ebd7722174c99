// json.loads against CPython 3.11: values, and the texts of its exceptions.

import { describe, expect, it } from 'vitest';
import { pyJsonLoads } from '../../src/py/json-loads.js';

describe('pyJsonLoads (json.loads error texts)', () => {
  it.each<[string, string]>([
    ['', 'Expecting value: line 1 column 1 (char 0)'],
    ['{"a": 1,}', 'Expecting property name enclosed in double quotes: line 1 column 9 (char 8)'],
    ['{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
    ['[1 2]', "Expecting ',' delimiter: line 1 column 4 (char 3)"],
    ['{}\n{}', 'Extra data: line 2 column 1 (char 3)'],
    ['"abc', 'Unterminated string starting at: line 1 column 1 (char 0)'],
    ['"a\\x"', 'Invalid \\escape: line 1 column 3 (char 2)'],
    ['"\u0001"', 'Invalid control character at: line 1 column 2 (char 1)'],
    ['"\\u12"', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
    ['\ufeff{}', 'Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)'],
  ])('%j', (text, message) => {
    expect(() => pyJsonLoads(text)).toThrow(message);
  });

  it('keeps ints and floats apart', () => {
    expect(pyJsonLoads('{"a": 1, "b": 1.0, "c": [true, null, "\\ud83d\\ude00"]}')).toEqual(
      new Map<string, unknown>([
        ['a', 1n],
        ['b', 1],
        ['c', [true, null, '\u{1f600}']],
      ]),
    );
  });
});

describe('pyJsonLoads of bytes (json.detect_encoding)', () => {
  const b = (...bytes: number[]) => Uint8Array.from(bytes);
  const utf16be = (s: string) => Uint8Array.from(Buffer.from(s, 'utf16le').swap16());
  it.each<[string, Uint8Array, unknown]>([
    ['a UTF-16 LE BOM', b(0xff, 0xfe, 0x7b, 0, 0x7d, 0), new Map()],
    ['UTF-16 BE without a BOM', utf16be('{"a":1}'), new Map([['a', 1n]])],
    ['UTF-32 LE without a BOM', Uint8Array.from(Buffer.from('[\0\0\x001\0\0\0]\0\0\0', 'latin1')), [1n]],
    ['a UTF-8 BOM, dropped once', b(0xef, 0xbb, 0xbf, 0x5b, 0x32, 0x5d), [2n]],
  ])('%s', (_name, bytes, value) => {
    expect(pyJsonLoads(bytes)).toEqual(value);
  });
  it('fails as CPython does on a second BOM and on bytes that are not UTF-8', () => {
    expect(() => pyJsonLoads(b(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x5b, 0x32, 0x5d))).toThrow('Expecting value: line 1 column 1 (char 0)');
    expect(() => pyJsonLoads(b(0xff))).toThrow("'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  });
});

describe('pyJsonLoads limits (CPython 3.11)', () => {
  it('reads long numbers whole: ints up to 4300 digits, floats of any length', () => {
    expect(pyJsonLoads(`1${'0'.repeat(500)}`)).toBe(10n ** 500n);
    expect(pyJsonLoads(`[1.5e${'9'.repeat(3)}]`)).toEqual([Infinity]);
    expect(() => pyJsonLoads('1'.repeat(4301))).toThrow(
      'Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit',
    );
  });
  it('raises RecursionError past 900 levels', () => {
    expect(pyJsonLoads(`${'['.repeat(900)}1${']'.repeat(900)}`)).toBeInstanceOf(Array);
    expect(() => pyJsonLoads(`${'['.repeat(901)}1${']'.repeat(901)}`)).toThrow(
      'maximum recursion depth exceeded while decoding a JSON array from a unicode string',
    );
    expect(() => pyJsonLoads(`${'{"a":'.repeat(902)}1${'}'.repeat(902)}`)).toThrow(
      'maximum recursion depth exceeded while decoding a JSON object from a unicode string',
    );
  });
});
