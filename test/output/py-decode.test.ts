import { describe, expect, it } from 'vitest';
import { pyDecodeUtf8 } from '../../src/py/codecs.js';

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
