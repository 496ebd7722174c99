import { readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { testTmpDir } from '../support/tmp.js';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, GeneralError } from '../../src/errors.js';
import { helpPagerArgv, pagerEnv, pagerFromSetting, resolvePager } from '../../src/pager/resolve-pager.js';
import { findExecutable, PagerStartError, spawnPager, type PagerRunner } from '../../src/pager/run-pager.js';
import { writeThroughPager } from '../../src/pager/write-through-pager.js';

const tmp = testTmpDir('pager');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('resolvePager', () => {
  const cases: [string, Record<string, string>, string | undefined, boolean, boolean, string[] | null][] = [
    ['default less on a terminal', {}, undefined, false, true, ['less']],
    ['not a terminal', {}, undefined, false, false, null],
    ['--no-cli-pager', {}, undefined, true, true, null],
    ['AWS_PAGER wins', { AWS_PAGER: 'cat -v', PAGER: 'more' }, 'most', false, true, ['cat', '-v']],
    ['profile cli_pager next', { PAGER: 'more' }, 'most -s', false, true, ['most', '-s']],
    ['PAGER next', { PAGER: 'more' }, undefined, false, true, ['more']],
    ['AWS_PAGER empty disables', { AWS_PAGER: '', PAGER: 'more' }, 'most', false, true, null],
    ['cli_pager empty disables', { PAGER: 'more' }, '', false, true, null],
    ['PAGER empty disables', { PAGER: '' }, undefined, false, true, null],
    ['shlex quoting', { AWS_PAGER: `my\\ pager -x 'a b' "c\\"d"` }, undefined, false, true, ['my pager', '-x', 'a b', 'c"d']],
    ['only spaces', { AWS_PAGER: '   ' }, undefined, false, true, null],
  ];
  for (const [name, env, profile, noPager, tty, expected] of cases) {
    it(name, () => expect(resolvePager(env, profile, noPager, tty)).toEqual(expected));
  }

  it('an unclosed quote is shlex ValueError (255)', () => {
    expect(() => resolvePager({ AWS_PAGER: "less '" }, undefined, false, true)).toThrow(GeneralError);
    expect(() => resolvePager({ AWS_PAGER: "less '" }, undefined, false, true)).toThrow('No closing quotation');
  });

  it('from the resolved setting (Settings.pager)', () => {
    expect(pagerFromSetting('less', false, true)).toEqual(['less']);
    expect(pagerFromSetting('', false, true)).toBeNull();
    expect(pagerFromSetting('less', true, true)).toBeNull();
    expect(pagerFromSetting('less', false, false)).toBeNull();
  });

  it('the help pager: MANPAGER > PAGER > less -R', () => {
    expect(helpPagerArgv({})).toEqual(['less', '-R']);
    expect(helpPagerArgv({ PAGER: 'more' })).toEqual(['more']);
    expect(helpPagerArgv({ PAGER: 'more', MANPAGER: 'most -s' })).toEqual(['most', '-s']);
    expect(helpPagerArgv({ MANPAGER: '' })).toBeNull();
  });

  it('LESS=FRX unless LESS is set', () => {
    expect(pagerEnv({ HOME: '/h', X: undefined })).toEqual({ HOME: '/h', LESS: 'FRX' });
    expect(pagerEnv({ LESS: 'abc' }).LESS).toBe('abc');
    expect(pagerEnv({ LESS: '' }).LESS).toBe('');
  });
});

describe('writeThroughPager', () => {
  it('hands the text, argv and environment to the pager', async () => {
    const calls: [readonly string[], string, Readonly<Record<string, string>>][] = [];
    const run: PagerRunner = async (argv, text, env) => {
      calls.push([argv, text, env]);
    };
    await writeThroughPager({ env: { PATH: '/bin' } }, ['less'], 'hello\n', { run });
    expect(calls).toEqual([[['less'], 'hello\n', { PATH: '/bin', LESS: 'FRX' }]]);
  });

  it('starts nothing when there is nothing to print', async () => {
    let called = false;
    await writeThroughPager({ env: {} }, ['nonexistentpager'], '', {
      run: async () => {
        called = true;
      },
    });
    expect(called).toBe(false);
  });

  it('a pager that cannot start: ConfigError 253 with the CLI text', async () => {
    const err = await writeThroughPager({ env: { PATH: tmp } }, ['nonexistentpager'], 'x\n').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).exitCode).toBe(253);
    expect((err as ConfigError).render()).toBe(
      '\nUnable to redirect output to pager. Received the following error when opening pager:\n' +
        "[Errno 2] No such file or directory: 'nonexistentpager'\n\n" +
        'Learn more about configuring the output pager by running "aws help config-vars".\n',
    );
  });

  it('after a coloured table: the resets of colorama around the message (stderr is wrapped too)', async () => {
    const err = (await writeThroughPager({ env: { PATH: tmp } }, ['nonexistentpager'], 'x\n', { coloramaWrapped: true }).catch(
      (e: unknown) => e,
    )) as ConfigError;
    expect(err.exitCode).toBe(253);
    expect(err.render()).toBe(
      '\n\x1b[0mUnable to redirect output to pager. Received the following error when opening pager:\n' +
        "[Errno 2] No such file or directory: 'nonexistentpager'\n\n" +
        'Learn more about configuring the output pager by running "aws help config-vars".\x1b[0m\n\x1b[0m',
    );
  });

  it('a file that is not executable: [Errno 13]', async () => {
    const f = join(tmp, 'notexec');
    writeFileSync(f, 'x');
    chmodSync(f, 0o644);
    const err = (await writeThroughPager({ env: {} }, [f], 'x\n').catch((e: unknown) => e)) as ConfigError;
    // root may execute anything with an x bit only; a 0644 file fails for everyone
    expect(err.message).toContain(`[Errno 13] Permission denied: '${f}'`);
  });

  it('runs a real pager with the text on its stdin and LESS=FRX in its environment', async () => {
    const out = join(tmp, 'paged.txt');
    const script = `cat > '${out}'; printf 'LESS=%s' "$LESS" >> '${out}'`;
    await writeThroughPager({ env: { PATH: process.env.PATH } }, ['sh', '-c', script], 'line 1\nline 2\n');
    expect(readFileSync(out, 'utf8')).toBe('line 1\nline 2\nLESS=FRX');
  });

  it('a pager that quits before reading everything is fine', async () => {
    const big = 'x'.repeat(1 << 20) + '\n';
    await expect(spawnPager(['sh', '-c', 'head -c 10 >/dev/null'], big, { PATH: process.env.PATH ?? '' })).resolves.toBeUndefined();
  });
});

describe('PagerStartError', () => {
  it('speaks Python', () => {
    expect(new PagerStartError('ENOENT', 'less').pythonText()).toBe("[Errno 2] No such file or directory: 'less'");
    expect(new PagerStartError('ENOENT', "it's").pythonText()).toBe(`[Errno 2] No such file or directory: "it's"`);
  });

  it('findExecutable', () => {
    expect(findExecutable('sh', { PATH: process.env.PATH })).toMatch(/\/sh$/);
    expect(findExecutable('nonexistentpager', { PATH: process.env.PATH })).toBeUndefined();
  });
});
