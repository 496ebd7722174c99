import { describe, expect, it } from 'vitest';
import { helpStyleFor, showHelp } from '../../src/help/show-help.js';
import { renderHelp } from '../../src/help/render-help.js';
import type { PagerRunner } from '../../src/pager/run-pager.js';
import { PagerStartError } from '../../src/pager/run-pager.js';
import { createMemoryIo } from '../support/memory-io.js';

function recorder() {
  const calls: { argv: readonly string[]; text: string; env: Readonly<Record<string, string>> }[] = [];
  const runPager: PagerRunner = async (argv, text, env) => {
    calls.push({ argv, text, env });
  };
  return { calls, runPager };
}
const everywhere = () => '/usr/bin/x';

describe('showHelp', () => {
  it('not a terminal: plain text at 80 columns, no pager', async () => {
    const m = createMemoryIo({ env: {} });
    const { calls, runPager } = recorder();
    expect(await showHelp(m.io, { runPager, findExecutable: everywhere })).toBe(0);
    expect(m.stdout()).toBe(renderHelp({ width: 80 }));
    expect(calls).toEqual([]);
  });

  it('a terminal: through less -R, ANSI styles, at the terminal width, LESS untouched', async () => {
    const m = createMemoryIo({ env: { PATH: '/bin' }, stdoutTTY: true, columns: 100 });
    const { calls, runPager } = recorder();
    expect(await showHelp(m.io, { runPager, findExecutable: everywhere })).toBe(0);
    expect(m.stdout()).toBe('');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.argv).toEqual(['less', '-R']);
    expect(calls[0]!.text).toBe(renderHelp({ width: 100, style: 'ansi' }));
    expect(calls[0]!.env).toEqual({ PATH: '/bin' });
  });

  it('MANPAGER, then PAGER; other pagers get overstrikes', async () => {
    const m = createMemoryIo({ env: { MANPAGER: 'most -s', PAGER: 'more' }, stdoutTTY: true, columns: 80 });
    const { calls, runPager } = recorder();
    await showHelp(m.io, { runPager, findExecutable: everywhere });
    expect(calls[0]!.argv).toEqual(['most', '-s']);
    expect(calls[0]!.text).toBe(renderHelp({ width: 80, style: 'overstrike' }));
  });

  it('a pager that is not on PATH: the page goes straight to the terminal (as the CLI does)', async () => {
    const m = createMemoryIo({ env: { PAGER: 'nonexistentpager' }, stdoutTTY: true, columns: 90 });
    const { calls, runPager } = recorder();
    expect(await showHelp(m.io, { runPager, findExecutable: () => undefined })).toBe(0);
    expect(calls).toEqual([]);
    expect(m.stdout()).toBe(renderHelp({ width: 90, style: 'ansi' }));
  });

  it('a pager that fails to start anyway: straight to the terminal', async () => {
    const m = createMemoryIo({ env: {}, stdoutTTY: true, columns: 80 });
    const runPager: PagerRunner = async () => {
      throw new PagerStartError('EACCES', 'less');
    };
    expect(await showHelp(m.io, { runPager, findExecutable: everywhere })).toBe(0);
    expect(m.stdout()).toBe(renderHelp({ width: 80, style: 'ansi' }));
  });

  it('MANPAGER set empty: no pager', async () => {
    const m = createMemoryIo({ env: { MANPAGER: '' }, stdoutTTY: true, columns: 80 });
    const { calls, runPager } = recorder();
    await showHelp(m.io, { runPager, findExecutable: everywhere });
    expect(calls).toEqual([]);
    expect(m.stdout()).toBe(renderHelp({ width: 80, style: 'ansi' }));
  });
});

describe('helpStyleFor', () => {
  it.each([
    [['less', '-R'], {}, 'ansi'],
    [['/usr/bin/less', '-FRX'], {}, 'ansi'],
    [['less', '--RAW-CONTROL-CHARS'], {}, 'ansi'],
    [['less'], { LESS: 'FRX' }, 'ansi'],
    [['less'], { LESS: '-i -R' }, 'ansi'],
    [['less'], {}, 'overstrike'],
    [['less', '-s'], { LESS: '--quit-if-one-screen' }, 'overstrike'],
    [['more'], {}, 'overstrike'],
    [['sh', '-c', 'col -bx | bat -l man -p'], {}, 'overstrike'],
    [['cat'], {}, 'ansi'],
  ] as const)('%j %j -> %s', (argv, env, style) => {
    expect(helpStyleFor(argv, env)).toBe(style);
  });
});
