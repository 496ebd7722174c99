// int() and float() of a str against CPython 3.11 (python3 -c "print(int(t))" / float(t)).

import { describe, expect, it } from 'vitest';
import { pyDecimal, pyFloat, pyFloatBytes, pyInt } from '../../src/py/number.js';

describe('pyFloat (Python float())', () => {
  it.each([
    [' 12 ', 12],
    ['1e3', 1000],
    ['1_000', 1000],
    ['1_000.5', 1000.5],
    ['+5', 5],
    ['.5', 0.5],
    ['5.', 5],
    ['-inf', -Infinity],
    ['Infinity', Infinity],
    ['١٢٣', 123],
    ['12\u00a0', 12],
  ])('%j -> %d', (text, value) => {
    expect(pyFloat(text)).toBe(value);
  });
  it.each(['1__000', '_1', '1_', '0x10', '1e', 'e5', '', ' ', '1,5', 'infinity1'])('%j is not a float', (text) => {
    expect(pyFloat(text)).toBeUndefined();
  });
  it('nan', () => {
    expect(pyFloat('NaN')).toBeNaN();
  });
});

describe('pyFloatBytes (float(bytes))', () => {
  const bytes = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
  it('reads ASCII only', () => {
    expect(pyFloatBytes(bytes(' 1.5\n'))).toBe(1.5);
    expect(pyFloatBytes(bytes('1_0'))).toBe(10);
    expect(pyFloatBytes(bytes('\xa012'))).toBeUndefined();
  });
});

describe('pyInt (Python int())', () => {
  it.each([
    [' 12 ', 12n],
    ['+0012', 12n],
    ['-0', 0n],
    ['1_000', 1000n],
    ['١٢', 12n],
    ['\u300012\u3000', 12n],
    ['12\x85', 12n],
    ['-' + '9'.repeat(4300), -(10n ** 4300n - 1n)],
  ])('%j', (text, value) => {
    expect(pyInt(text)).toBe(value);
  });
  // '\x1c' is str.isspace() but int() strips ASCII whitespace only; 4301 digits pass the limit
  it.each(['', ' ', '1.0', '1__0', '_1', '1_', '+-1', '0x10', '\x1c12', '1'.repeat(4301)])('%j is not an int', (text) => {
    expect(pyInt(text)).toBeUndefined();
  });
});

describe('pyDecimal (unicodedata.decimal)', () => {
  it.each([
    ['7', 7],
    ['\u0663', 3],
    ['\uff19', 9],
    ['\u{1d7ce}', 0],
    ['a', undefined],
    ['\u00b2', undefined],
  ])('%j', (ch, value) => {
    expect(pyDecimal(ch)).toBe(value);
  });
});
