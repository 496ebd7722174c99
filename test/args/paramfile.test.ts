import { describe, expect, it } from 'vitest';
import { loadParamFile } from '../../src/args/paramfile.js';
import { CliError, GeneralError, UsageError } from '../../src/errors.js';
import { createMemoryIo, type MemoryIoOptions } from '../support/memory-io.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

async function load(value: string, opts: MemoryIoOptions = {}, cliName = '--key') {
  const mem = createMemoryIo({ cwd: '/work', homedir: '/home/user', env: { HOME: '/home/user' }, ...opts });
  return loadParamFile(value, cliName, mem.io);
}

async function failure(value: string, opts: MemoryIoOptions = {}, cliName = '--key') {
  try {
    await load(value, opts, cliName);
  } catch (e) {
    if (e instanceof CliError) return { type: e.constructor.name, exitCode: e.exitCode, message: e.message };
    throw e;
  }
  throw new Error('expected an error');
}

describe('values without a prefix', () => {
  it.each(['plain', 'FILE://x.txt', 'File://x', 'fileb:/x', ' file://x', 'http://example.com/x', ''])('%j is used as it is', async (v) => {
    expect(await load(v)).toBe(v);
  });
});

describe('file://', () => {
  const files = {
    '/work/uid.txt': 'upload-1',
    '/work/nl.txt': 'key\n',
    '/work/crlf.txt': 'a\r\nb\rc\r\n',
    '/work/bom.txt': bytes(0xef, 0xbb, 0xbf, 0x6b),
    '/work/latin.txt': bytes(0x6b, 0xe9, 0x79),
    '/work/cp.txt': bytes(0x80, 0x81),
    '/work/euro.txt': bytes(0x80),
    '/work/utf8.txt': 'clé ü',
    '/home/user/k.txt': 'from-home',
    '/tmp/env/x.txt': 'from-env',
  };

  it.each([
    ['file://uid.txt', 'upload-1'],
    ['file:///work/uid.txt', 'upload-1'],
    ['file://./uid.txt', 'upload-1'],
    ['file://nl.txt', 'key\n'], // not stripped
    ['file://crlf.txt', 'a\nb\nc\n'], // universal newlines
    ['file://bom.txt', '\ufeffk'], // utf-8 keeps the BOM
    ['file://utf8.txt', 'clé ü'],
    ['file://~/k.txt', 'from-home'],
    ['file://$DIR/x.txt', 'from-env'],
    ['file://${DIR}/x.txt', 'from-env'],
  ])('%s', async (value, text) => {
    expect(await load(value, { files, env: { HOME: '/home/user', DIR: '/tmp/env' } })).toBe(text);
  });

  it.each([
    ['latin-1', 'file://latin.txt', 'kéy'],
    ['ISO-8859-1', 'file://latin.txt', 'kéy'],
    ['cp1252', 'file://euro.txt', '€'],
    ['windows-1252', 'file://euro.txt', '€'],
    ['UTF8', 'file://utf8.txt', 'clé ü'],
    ['utf-8-sig', 'file://bom.txt', 'k'],
    ['ascii', 'file://uid.txt', 'upload-1'],
  ])('AWS_CLI_FILE_ENCODING=%s', async (encoding, value, text) => {
    expect(await load(value, { files, env: { AWS_CLI_FILE_ENCODING: encoding } })).toBe(text);
  });

  const undecodable = (p: string) =>
    `Error parsing parameter '--key': Unable to load paramfile (${p}), text contents could not be decoded.  ` +
    'If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.';

  it.each([
    [{}, 'file://latin.txt', undecodable('latin.txt')],
    [{ AWS_CLI_FILE_ENCODING: 'cp1252' }, 'file:///work/cp.txt', undecodable('/work/cp.txt')],
    [{ AWS_CLI_FILE_ENCODING: 'ascii' }, 'file://latin.txt', undecodable('latin.txt')],
  ])('undecodable text (%j, %s)', async (env, value, message) => {
    expect(await failure(value, { files, env })).toEqual({ type: 'UsageError', exitCode: 252, message });
  });

  it('an unknown AWS_CLI_FILE_ENCODING escapes as a 255 (LookupError)', async () => {
    expect(await failure('file://uid.txt', { files, env: { AWS_CLI_FILE_ENCODING: 'foo' } })).toEqual({
      type: 'GeneralError',
      exitCode: 255,
      message: 'unknown encoding: foo',
    });
    expect(await failure('file://uid.txt', { files, env: { AWS_CLI_FILE_ENCODING: '' } })).toMatchObject({ message: 'unknown encoding: ' });
  });

  it('open() errors come before the encoding lookup', async () => {
    expect(await failure('file://nope', { env: { AWS_CLI_FILE_ENCODING: 'foo' } })).toMatchObject({
      exitCode: 252,
      message: "Error parsing parameter '--key': Unable to load paramfile file://nope: [Errno 2] No such file or directory: 'nope'",
    });
  });
});

describe('errors (awscli-behavior.md 3.6)', () => {
  it.each([
    ['file://nope.txt', {}, "Error parsing parameter '--key': Unable to load paramfile file://nope.txt: [Errno 2] No such file or directory: 'nope.txt'"],
    ['file:///tmp', { dirs: ['/tmp'] }, "Error parsing parameter '--key': Unable to load paramfile file:///tmp: [Errno 21] Is a directory: '/tmp'"],
    ['file:///tmp', { files: { '/tmp/a': 'x' } }, "Error parsing parameter '--key': Unable to load paramfile file:///tmp: [Errno 21] Is a directory: '/tmp'"],
    ['fileb://secret', { unreadable: ['/work/secret'] }, "Error parsing parameter '--key': Unable to load paramfile fileb://secret: [Errno 13] Permission denied: 'secret'"],
    ['file://', {}, "Error parsing parameter '--key': Unable to load paramfile file://: [Errno 2] No such file or directory: ''"],
    // the argument as given first, the expanded path in the errno part
    ['file://~/nope', {}, "Error parsing parameter '--key': Unable to load paramfile file://~/nope: [Errno 2] No such file or directory: '/home/user/nope'"],
    [
      'file://$FOO/${FOO}/$BAR/x',
      { env: { HOME: '/home/user', FOO: '/tmp' } },
      "Error parsing parameter '--key': Unable to load paramfile file://$FOO/${FOO}/$BAR/x: [Errno 2] No such file or directory: '/tmp//tmp/$BAR/x'",
    ],
    ["file://it's", {}, `Error parsing parameter '--key': Unable to load paramfile file://it's: [Errno 2] No such file or directory: "it's"`],
  ] as const)('%s', async (value, opts, message) => {
    expect(await failure(value, opts as MemoryIoOptions)).toEqual({ type: 'UsageError', exitCode: 252, message });
  });

  it('names the option it was given for', async () => {
    expect((await failure('file:///tmp/x/nope', {}, '--upload-id')).message).toBe(
      "Error parsing parameter '--upload-id': Unable to load paramfile file:///tmp/x/nope: [Errno 2] No such file or directory: '/tmp/x/nope'",
    );
  });
});

describe('fileb://', () => {
  it('returns the bytes', async () => {
    expect(await load('fileb://b.bin', { files: { 'b.bin': bytes(0, 0xff, 0x0d, 0x0a) } })).toEqual(bytes(0, 0xff, 0x0d, 0x0a));
  });
});

describe('standard input', () => {
  it('file:///dev/stdin reads io.readStdin() once, decoded as text', async () => {
    const mem = createMemoryIo({ stdin: 'from stdin\r\n' });
    expect(await loadParamFile('file:///dev/stdin', '--key', mem.io)).toBe('from stdin\n');
    expect(await loadParamFile('fileb:///dev/stdin', '--key', mem.io)).toEqual(new TextEncoder().encode('from stdin\r\n'));
    expect(mem.stdinReads()).toBe(2);
  });
});
