// Python's codecs as the AWS CLI meets them: bytes.decode(encoding) with strict errors for the
// codecs a file:// parameter may name (encodings.normalize_encoding and aliases.py), and strict
// UTF-8 with CPython's UnicodeDecodeError texts.

import { PyError } from './error.js';

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

type Decoder = (bytes: Uint8Array) => string | undefined;

function whatwg(label: string): Decoder {
  return (bytes) => {
    try {
      return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return undefined;
    }
  };
}

const latin1: Decoder = (bytes) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
};

const utf16: Decoder = (bytes) => {
  // Python's utf-16: a BOM picks the byte order (and is dropped), else the machine's (little endian)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return whatwg('utf-16be')(bytes.subarray(2));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return whatwg('utf-16le')(bytes.subarray(2));
  return whatwg('utf-16le')(bytes);
};

// cp1252 bytes 0x80-0x9f (-1: undefined, a decode error in Python); Node's TextDecoder reads
// "windows-1252" as latin-1, so the table is here
const CP1252_HIGH = [
  0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017d, -1,
  -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e, 0x0178,
];

const cp1252: Decoder = (bytes) => {
  let s = '';
  for (const b of bytes) {
    const cp = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
    if (cp < 0) return undefined;
    s += String.fromCharCode(cp);
  }
  return s;
};

/** Python codec names (after encodings.normalize_encoding) for the decoders we have. */
const CODECS: Record<string, Decoder> = {
  utf_8: whatwg('utf-8'),
  utf_8_sig: (bytes) => whatwg('utf-8')(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes),
  ascii: (bytes) => (bytes.every((b) => b < 0x80) ? latin1(bytes) : undefined),
  latin_1: latin1,
  cp1252,
  utf_16: utf16,
  utf_16_le: whatwg('utf-16le'),
  utf_16_be: whatwg('utf-16be'),
  // close to Python's codecs (WHATWG tables may map a byte Python rejects)
  cp1250: whatwg('windows-1250'),
  cp1251: whatwg('windows-1251'),
  cp1253: whatwg('windows-1253'),
  cp1254: whatwg('windows-1254'),
  cp1255: whatwg('windows-1255'),
  cp1256: whatwg('windows-1256'),
  cp1257: whatwg('windows-1257'),
  cp1258: whatwg('windows-1258'),
  iso8859_2: whatwg('iso-8859-2'),
  iso8859_15: whatwg('iso-8859-15'),
  koi8_r: whatwg('koi8-r'),
  koi8_u: whatwg('koi8-u'),
  shift_jis: whatwg('shift_jis'),
  euc_jp: whatwg('euc-jp'),
  euc_kr: whatwg('euc-kr'),
  gbk: whatwg('gbk'),
  gb18030: whatwg('gb18030'),
  big5: whatwg('big5'),
};

/** encodings/aliases.py entries for the codecs above. */
const ALIASES: Record<string, string> = {
  utf8: 'utf_8', u8: 'utf_8', utf: 'utf_8', utf8_ucs2: 'utf_8', utf8_ucs4: 'utf_8', cp65001: 'utf_8',
  us_ascii: 'ascii', '646': 'ascii', ansi_x3_4_1968: 'ascii', ansi_x3_4_1986: 'ascii', cp367: 'ascii',
  csascii: 'ascii', ibm367: 'ascii', iso646_us: 'ascii', iso_646_irv_1991: 'ascii', iso_ir_6: 'ascii', us: 'ascii',
  latin1: 'latin_1', latin: 'latin_1', l1: 'latin_1', iso8859_1: 'latin_1', iso_8859_1: 'latin_1', '8859': 'latin_1',
  cp819: 'latin_1', iso_ir_100: 'latin_1', csisolatin1: 'latin_1', ibm819: 'latin_1', iso8859: 'latin_1',
  iso_8859_1_1987: 'latin_1',
  windows_1252: 'cp1252', '1252': 'cp1252', windows_1250: 'cp1250', '1250': 'cp1250', windows_1251: 'cp1251',
  '1251': 'cp1251', windows_1253: 'cp1253', windows_1254: 'cp1254', windows_1255: 'cp1255', windows_1256: 'cp1256',
  windows_1257: 'cp1257', windows_1258: 'cp1258',
  utf16: 'utf_16', u16: 'utf_16', utf_16le: 'utf_16_le', unicodelittleunmarked: 'utf_16_le', utf_16be: 'utf_16_be',
  unicodebigunmarked: 'utf_16_be',
  iso_8859_2: 'iso8859_2', latin2: 'iso8859_2', l2: 'iso8859_2', iso_8859_15: 'iso8859_15', latin9: 'iso8859_15',
  l9: 'iso8859_15', shiftjis: 'shift_jis', sjis: 'shift_jis', s_jis: 'shift_jis', eucjp: 'euc_jp', ujis: 'euc_jp',
  euckr: 'euc_kr', '936': 'gbk', cp936: 'gbk', ms936: 'gbk', big5_tw: 'big5', csbig5: 'big5',
};

/** Python's codec lookup name: lower case, runs of punctuation/space as one "_" (dots kept). */
function normalizeEncoding(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** bytes.decode(encoding) with strict errors: undefined when it cannot be decoded; LookupError for an unknown codec. */
export function pyDecode(bytes: Uint8Array, encoding: string): string | undefined {
  const norm = normalizeEncoding(encoding);
  const name = ALIASES[norm] ?? ALIASES[norm.replace(/\./g, '_')] ?? norm;
  const decoder = CODECS[name];
  if (!decoder) throw new PyError('LookupError', `unknown encoding: ${encoding}`);
  return decoder(bytes);
}
