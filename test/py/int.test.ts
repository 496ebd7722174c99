// int() of a str against CPython 3.11 (the expected values are what python3 prints).

import { describe, expect, it } from 'vitest';
import { pyInt } from '../../src/py/int.js';

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
