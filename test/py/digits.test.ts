// unicodedata.decimal against CPython 3.11 (the expected values are what python3 prints).

import { describe, expect, it } from 'vitest';
import { pyDecimal } from '../../src/py/digits.js';

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
