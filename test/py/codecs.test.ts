// bytes.decode against CPython 3.11.

import { describe, expect, it } from 'vitest';
import { pyDecode, pyDecodeUtf8 } from '../../src/py/codecs.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('pyDecode (bytes.decode(encoding), strict)', () => {
  it('utf-16 with and without a BOM', () => {
    expect(pyDecode(bytes(0xff, 0xfe, 0x41, 0), 'utf-16')).toBe('A');
    expect(pyDecode(bytes(0xfe, 0xff, 0, 0x41), 'UTF-16')).toBe('A');
    expect(pyDecode(bytes(0x41, 0), 'utf_16')).toBe('A');
  });
  it('gives undefined for undecodable bytes and LookupError for an unknown codec', () => {
    expect(pyDecode(bytes(0xff), 'utf-8')).toBeUndefined();
    expect(pyDecode(bytes(0x81), 'cp1252')).toBeUndefined();
    expect(() => pyDecode(bytes(), 'klingon')).toThrow(expect.objectContaining({ type: 'LookupError', message: 'unknown encoding: klingon' }));
  });
});

// expected texts: CPython 3.11 bytes.decode()
describe('pyDecodeUtf8', () => {
  it.each([
    [[0xe2, 0x82], "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"],
    [[0xe2], "'utf-8' codec can't decode byte 0xe2 in position 0: unexpected end of data"],
    [[0xe2, 0x28, 0xa1], "'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte"],
    [[0xe2, 0x82, 0x28], "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"],
    [[0x61, 0xff], "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte"],
    [[0xf0, 0x9f, 0x98], "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data"],
  ])('%j', (bytes, error) => {
    expect(pyDecodeUtf8(Uint8Array.from(bytes))).toEqual({ error });
  });

  it('decodes valid UTF-8', () => {
    expect(pyDecodeUtf8(Buffer.from('h\u00e9llo \u{1f600}'))).toBe('h\u00e9llo \u{1f600}');
  });
});
