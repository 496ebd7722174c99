// Python's codecs as the AWS CLI meets them: strict UTF-8 decoding with CPython's error texts.

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
