// float() of a str or bytes against CPython 3.11 (the expected values are what python3 prints).

import { describe, expect, it } from 'vitest';
import { pyFloat, pyFloatBytes } from '../../src/py/float.js';

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
