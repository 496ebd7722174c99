// shlex.split (POSIX mode) and shlex.quote, against Lib/shlex.py.

import { describe, expect, it } from 'vitest';
import { shlexQuote, shlexSplit } from '../../src/py/shlex.js';

describe('shlexSplit (POSIX shlex.split)', () => {
  const cases: Array<[string, string[] | string]> = [
    ['a b  c', ['a', 'b', 'c']],
    ['  lead\ttab\nnl\rcr ', ['lead', 'tab', 'nl', 'cr']],
    ['"a b" \'c d\'', ['a b', 'c d']],
    ['a"b c"d', ['ab cd']],
    ['a "" b', ['a', '', 'b']],
    ["''", ['']],
    ['a\\ b', ['a b']],
    ['"a\\"b" "a\\\\b" "a\\nb"', ['a"b', 'a\\b', 'a\\nb']],
    ["'a\\b'", ['a\\b']],
    ['a#b #c', ['a#b', '#c']],
    ['x\u00a0y', ['x\u00a0y']],
    ['"unterminated', 'No closing quotation'],
    ["it's", 'No closing quotation'],
    ['trailing\\', 'No escaped character'],
    ['', []],
  ];
  it.each(cases)('%j', (text, expected) => {
    if (typeof expected === 'string') expect(() => shlexSplit(text)).toThrow(expected);
    else expect(shlexSplit(text)).toEqual(expected);
  });
});

describe('shlexQuote (shlex.quote)', () => {
  it.each([
    ['abc-1.2/x', 'abc-1.2/x'],
    ['', "''"],
    ['a b', "'a b'"],
    ["it's", `'it'"'"'s'`],
  ])('%j', (text, expected) => {
    expect(shlexQuote(text)).toBe(expected);
  });
});
