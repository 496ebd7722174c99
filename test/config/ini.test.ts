// The shared-file reader against Python's configparser + botocore configloader (expected values
// were produced by botocore.configloader.raw_config_parse on the same text).

import { describe, expect, it } from 'vitest';
import { GeneralError } from '../../src/errors.js';
import {
  buildProfileMap,
  type IniDocument,
  IniSyntaxError,
  loadSharedConfig,
  parseIni,
  readIniFile,
} from '../../src/config/ini.js';
import { memFs } from './memfs.js';

type Plain = Record<string, Record<string, string | Record<string, string>>>;

function plain(doc: IniDocument): Plain {
  const out: Plain = {};
  for (const [name, section] of doc) {
    const s: Record<string, string | Record<string, string>> = {};
    for (const [k, v] of section) s[k] = typeof v === 'string' ? v : Object.fromEntries(v);
    out[name] = s;
  }
  return out;
}

describe('parseIni (configparser + raw_config_parse)', () => {
  const cases: Array<[string, string, Plain]> = [
    ['key = value and key: value', '[default]\nregion = us-west-2\noutput: json\n', { default: { region: 'us-west-2', output: 'json' } }],
    ['option names are lower-cased, values and section names kept', '[Dev]\nRegion = EU-West-1\n', { Dev: { region: 'EU-West-1' } }],
    ['full-line comments only; an inline ; stays in the value', '[a]\n# c\n  ; c2\nk = v ; not a comment\n', { a: { k: 'v ; not a comment' } }],
    ['the first delimiter splits; spaces around it go', '[a]\nk=v=w\nx :y: z\n', { a: { k: 'v=w', x: 'y: z' } }],
    ['an empty value', '[a]\nk =\n', { a: { k: '' } }],
    [
      'an indented block is a nested map (keys as written, split on =)',
      '[default]\ns3 =\n    addressing_style = path\n    Use_Arn_Region=true\n',
      { default: { s3: { addressing_style: 'path', Use_Arn_Region: 'true' } } },
    ],
    ['blank lines and comments inside a block are skipped', '[a]\ns3 =\n\n  # c\n  x = 1\n\n  y = 2\n', { a: { s3: { x: '1', y: '2' } } }],
    ['a continued value keeps its lines', '[a]\nk = first\n  second\n\n  third\nz = 1\n', { a: { k: 'first\nsecond\n\nthird', z: '1' } }],
    ['an indented section header continues the value above', '[a]\nk = v\n  [b]\n', { a: { k: 'v\n[b]' } }],
    ['CRLF and CR line ends', '[a]\r\nk = v\rj = w\r\n', { a: { k: 'v', j: 'w' } }],
    ['text after the closing bracket is ignored; the last ] closes', '[a] junk\nk=1\n[b]]\nk=2\n', { a: { k: '1' }, 'b]': { k: '2' } }],
    [
      '[DEFAULT] options show through in every section, after its own',
      '[DEFAULT]\nregion = d\noutput = text\n[a]\nk = 1\nregion = a\n[b]\n',
      { a: { k: '1', region: 'a', output: 'text' }, b: { region: 'd', output: 'text' } },
    ],
    ['a comment line does not end a block', '[a]\ns3 =\n  x = 1\n# note\n  y = 2\n', { a: { s3: { x: '1', y: '2' } } }],
    ['no sections at all', '\n# only a comment\n', {}],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(plain(parseIni(text))).toEqual(expected);
  });

  it('keeps the block as text without parseSubsections', () => {
    expect(plain(parseIni('[a]\ns3 =\n  x = 1\n', false))).toEqual({ a: { s3: '\nx = 1' } });
  });

  const errors: Array<[string, string]> = [
    ['an option before any section', 'region = x\n[default]\n'],
    ['a repeated section', '[a]\nk=1\n[a]\nj=2\n'],
    ['a repeated option', '[a]\nk=1\nK=2\n'],
    ['a repeated option in [DEFAULT]', '[DEFAULT]\nk=1\n[DEFAULT]\nk=2\n'],
    ['a line without a delimiter', '[a]\njunk\n'],
    ['an empty option name', '[a]\n= v\n'],
    ['[] is not a header', '[]\n'],
    ['a block line without =', '[a]\ns3 =\n  x : 1\n'],
    ['a UTF-8 BOM (Python keeps it, the header no longer matches)', '\ufeff[a]\nk=1\n'],
  ];
  it.each(errors)('rejects %s', (_name, text) => {
    expect(() => parseIni(text)).toThrow(IniSyntaxError);
  });
});

describe('buildProfileMap', () => {
  it('groups profiles, sso-sessions, services and the rest', () => {
    const doc = parseIni(
      [
        '[default]',
        'region = d',
        '[profile dev]',
        'region = a',
        '[profile "with space"]',
        'region = b',
        '[profilefoo bar]',
        'region = c',
        '[profile]',
        'region = lost',
        "[profile 'unbalanced]",
        'region = lost',
        '[profile a b]',
        'region = lost',
        '[sso-session corp]',
        'sso_region = us-east-1',
        '[services local]',
        's3 =',
        '  endpoint_url = http://localhost:1',
        '[plugins]',
        'x = y',
        '',
      ].join('\n'),
    );
    const map = buildProfileMap(doc);
    expect([...map.profiles.keys()]).toEqual(['default', 'dev', 'with space', 'bar']);
    expect([...map.ssoSessions.keys()]).toEqual(['corp']);
    expect([...map.services.keys()]).toEqual(['local']);
    expect([...map.other.keys()]).toEqual(['plugins']);
  });

  it('lets the later of [default] and [profile default] win', () => {
    expect(buildProfileMap(parseIni('[default]\nregion = a\n[profile default]\nregion = b\n')).profiles.get('default')?.get('region')).toBe('b');
    expect(buildProfileMap(parseIni('[profile default]\nregion = b\n[default]\nregion = a\n')).profiles.get('default')?.get('region')).toBe('a');
  });
});

describe('readIniFile / loadSharedConfig', () => {
  const io = (files: Record<string, string | Uint8Array>, env: Record<string, string> = {}) => ({
    env: { HOME: '/h', ...env },
    fs: memFs(files),
    homedir: '/h',
  });

  it('treats a missing file and a directory as not found, an unreadable one as empty', () => {
    expect(readIniFile('~/.aws/config', io({})).found).toBe(false);
    expect(readIniFile('/h/.aws', io({ '/h/.aws/config': '' })).found).toBe(false);
    const unreadable = readIniFile('/h/c', io({ '/h/c': '\u0000EACCES' }));
    expect(unreadable.found && unreadable.doc.size).toBe(0);
  });

  it('reports a file it cannot parse by its expanded path (255)', () => {
    const run = () => readIniFile('$D/config', io({ '/x/config': 'junk\n' }, { D: '/x' }));
    expect(run).toThrow(GeneralError);
    expect(run).toThrow(/^Unable to parse config file: \/x\/config$/);
    const badUtf8 = () => readIniFile('/x/c', io({ '/x/c': new Uint8Array([0x5b, 0x61, 0x5d, 0x0a, 0xff]) }));
    expect(badUtf8).toThrow('Unable to parse config file: /x/c');
  });

  it('merges the credentials file into the config profiles', () => {
    const shared = loadSharedConfig(
      io({
        '/h/.aws/config': '[default]\nregion = r\n[profile dev]\nregion = a\noutput = text\n[sso-session s]\nsso_region = x\n',
        '/h/.aws/credentials': '[dev]\nregion = b\naws_access_key_id = K\n[other]\naws_access_key_id = O\n[profile weird]\nk = v\n',
      }),
    );
    expect(shared.configFound && shared.credentialsFound).toBe(true);
    expect(Object.fromEntries(shared.profiles.get('dev')!)).toEqual({ region: 'b', output: 'text', aws_access_key_id: 'K' });
    expect([...shared.profiles.keys()]).toEqual(['default', 'dev', 'other', 'profile weird']);
    expect([...shared.fromCredentialsFile.get('dev')!]).toEqual(['region', 'aws_access_key_id']);
    // the config-file credential provider sees the config file alone
    expect(shared.config.profiles.get('dev')?.has('aws_access_key_id')).toBe(false);
    expect([...shared.config.ssoSessions.keys()]).toEqual(['s']);
  });

  it('follows AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE with ~ and $VAR', () => {
    const shared = loadSharedConfig(
      io(
        { '/h/alt/config': '[profile p]\nregion = q\n', '/data/creds': '[p]\naws_access_key_id = A\n' },
        { AWS_CONFIG_FILE: '~/alt/config', AWS_SHARED_CREDENTIALS_FILE: '$DATA/creds', DATA: '/data' },
      ),
    );
    expect(shared.configFile).toBe('~/alt/config');
    expect(shared.configPath).toBe('/h/alt/config');
    expect(shared.credentialsPath).toBe('/data/creds');
    expect(shared.profiles.get('p')?.get('region')).toBe('q');
  });

  it('reads no file for an empty AWS_CONFIG_FILE', () => {
    const shared = loadSharedConfig(io({ '/h/.aws/config': '[default]\n' }, { AWS_CONFIG_FILE: '' }));
    expect(shared.configFound).toBe(false);
    expect(shared.profiles.size).toBe(0);
  });
});
