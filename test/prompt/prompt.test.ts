import { describe, expect, it } from 'vitest';
import type { CompletionContext } from '../../src/completion/complete.js';
import { applyKey, focusedOption, initialState, type EditorState } from '../../src/prompt/editor.js';
import { parseKeys } from '../../src/prompt/keys.js';
import { initialBuffer, promptForArgs, type PromptTerminal } from '../../src/prompt/prompt-for-args.js';
import { layoutScreen } from '../../src/prompt/screen.js';
import { createMemoryIo } from '../support/memory-io.js';
import { VirtualTerminal } from './vt.js';

const m = createMemoryIo({
  files: { '/home/user/.aws/config': '[default]\n[profile dev]\n', '/work/in.json': '{}' },
  env: {},
  homedir: '/home/user',
  cwd: '/work',
});
const ctx: CompletionContext = {
  env: {},
  fs: { ...m.io.fs, readdir: (d) => (d === '/work' ? [{ name: 'in.json', dir: false }, { name: 'sub', dir: true }] : []) },
  homedir: '/home/user',
  cwd: '/work',
};

/** A terminal fed with scripted input chunks, drawing into a VirtualTerminal. */
function fakeTerminal(chunks: string[], cols = 80) {
  const vt = new VirtualTerminal(cols);
  const screens: string[] = [];
  const raw: boolean[] = [];
  const term: PromptTerminal = {
    read: async () => {
      screens.push(vt.screen());
      return chunks.length > 0 ? chunks.shift()! : null;
    },
    write: (t) => vt.write(t),
    columns: cols,
    setRawMode: (on) => raw.push(on),
  };
  return { term, vt, screens, raw };
}

function type(state: EditorState, input: string): EditorState {
  for (const key of parseKeys(input)) state = applyKey(state, key, ctx).state;
  return state;
}

describe('keys', () => {
  it('decodes control keys, escape sequences and text', () => {
    expect(parseKeys('ab\x1b[D\x1b[3~\t\x1b[Z\r\x03\x7f\x1bOH\x1b[1;5C\x1b')).toEqual([
      { name: 'text', text: 'ab' },
      { name: 'left' },
      { name: 'delete' },
      { name: 'tab' },
      { name: 'backtab' },
      { name: 'enter' },
      { name: 'ctrl-c' },
      { name: 'backspace' },
      { name: 'home' },
      { name: 'word-right' },
      { name: 'escape' },
    ]);
    expect(parseKeys('x\r\ny')).toEqual([{ name: 'text', text: 'x' }, { name: 'enter' }, { name: 'text', text: 'y' }]);
    expect(parseKeys('\x1b[200~pasted\x1b[201~')).toEqual([{ name: 'text', text: 'pasted' }]);
  });
});

describe('the editor', () => {
  it('starts with the quoted args and a space after a finished word', () => {
    expect(initialBuffer(['--bucket', 'my bucket', '--cli-auto-prompt'], ctx)).toBe("--bucket 'my bucket' ");
    expect(initialBuffer(['--out'], ctx)).toBe('--out');
    expect(initialBuffer([], ctx)).toBe('');
  });

  it('completes an option name with Tab, then its values', () => {
    let s = initialState('--bucket b --out', ctx);
    expect(s.menu?.candidates.map((c) => c.value)).toEqual(['--output']);
    s = type(s, '\t');
    expect(s.buffer).toBe('--bucket b --output ');
    expect(s.menu?.candidates.map((c) => c.value)).toEqual(['json', 'text', 'table', 'yaml', 'yaml-stream']);
    s = type(s, 't');
    expect(s.menu?.candidates.map((c) => c.value)).toEqual(['text', 'table']);
    s = type(s, '\t');
    expect(s.buffer).toBe('--bucket b --output text');
    expect(s.menu?.selected).toBe(0);
    s = type(s, '\t');
    expect(s.buffer).toBe('--bucket b --output table');
    s = type(s, '\x1b[Z');
    expect(s.buffer).toBe('--bucket b --output text');
    s = type(s, '\r');
    expect(s.menu).toBeNull();
    expect(s.buffer).toBe('--bucket b --output text');
  });

  it('completes the common prefix first', () => {
    let s = initialState('--cli-i', ctx);
    s = type(s, '\t');
    expect(s.buffer).toBe('--cli-input-');
    expect(s.menu?.candidates.map((c) => c.value)).toEqual(['--cli-input-json', '--cli-input-yaml']);
    s = type(s, '\t');
    expect(s.buffer).toBe('--cli-input-json');
  });

  it('values of --color, --request-payer, --generate-cli-skeleton, --cli-binary-format; profiles', () => {
    expect(type(initialState('--color o', ctx), '\t').menu?.candidates.map((c) => c.value)).toEqual(['on', 'off']);
    expect(type(initialState('--request-payer ', ctx), '\t').buffer).toBe('--request-payer requester ');
    expect(initialState('--generate-cli-skeleton ', ctx).menu?.candidates.map((c) => c.value)).toEqual(['input', 'output', 'yaml-input']);
    expect(type(initialState('--cli-binary-format b', ctx), '\t').buffer).toBe('--cli-binary-format base64 ');
    expect(type(initialState('--profile d', ctx), '\t').menu?.candidates.map((c) => c.value)).toEqual(['default', 'dev']);
  });

  it('edits: cursor moves, deletes, word deletes', () => {
    let s = initialState('--bucket abc', ctx);
    s = type(s, '\x1b[D\x1b[D\x7fX');
    expect([s.buffer, s.cursor]).toEqual(['--bucket Xbc', 10]);
    s = type(s, '\x01');
    expect(s.cursor).toBe(0);
    s = type(s, '\x05\x17');
    expect(s.buffer).toBe('--bucket ');
    s = type(s, '\x15');
    expect(s.buffer).toBe('');
  });

  it('knows which option the cursor is on', () => {
    expect(focusedOption(initialState('--bucket b --out', ctx))?.flag).toBe('--output');
    expect(focusedOption(initialState('--bucket b --output ', ctx))?.flag).toBe('--output');
    expect(focusedOption(initialState('--bucket ', ctx))?.flag).toBe('--bucket');
    expect(focusedOption(initialState('--bucket b ', ctx))).toBeUndefined();
    expect(focusedOption(initialState('--all-uploads', ctx))?.scope).toBe('s3abort');
  });
});

describe('the screen', () => {
  it('shows the line, the menu and the documentation of the option in focus', () => {
    const vt = new VirtualTerminal(80);
    const screen = layoutScreen(initialState('--bucket b --output ', ctx), 80);
    vt.write(screen.rows.join('\r\n'));
    expect(vt.screen()).toMatchInlineSnapshot(`
      "> s3abort --bucket b --output
       json
       text
       table
       yaml
       yaml-stream
      -- --output (string) ----------------------------------------------------------
        The formatting style for command output.
        Possible values: json, text, table, yaml, yaml-stream
      [Tab] complete  [Enter] run  [Ctrl-C] cancel"
    `);
    expect([screen.cursorRow, screen.cursorCol]).toEqual([0, 30]);
  });

  it('lists options with their type and summary, required ones marked', () => {
    const screen = layoutScreen(initialState('--b', ctx), 100);
    expect(screen.rows[1]).toBe(' --bucket  (required) [string] The bucket name to which the upload was taking place.');
  });

  it('wraps a long line and puts the cursor on the right row', () => {
    const buffer = `--bucket ${'b'.repeat(70)} --key k`;
    const screen = layoutScreen({ buffer, cursor: 12, menu: null }, 40);
    expect(screen.rows.slice(0, 3)).toEqual([
      '> s3abort --bucket bbbbbbbbbbbbbbbbbbbbb',
      'b'.repeat(40),
      'bbbbbbbbb --key k',
    ]);
    expect([screen.cursorRow, screen.cursorCol]).toEqual([0, 22]);
  });
});

describe('promptForArgs', () => {
  const io = { env: {}, fs: m.io.fs, homedir: '/home/user', cwd: '/work' };

  it('Enter gives the argv and the line; the drawing is erased', async () => {
    const t = fakeTerminal(['--out', '\t', 'ta', '\t', '\r']);
    const result = await promptForArgs(io, ['--bucket', 'b', '--key', 'k k', '--upload-id', 'u', '--cli-auto-prompt'], t.term, {
      completionFs: ctx.fs,
    });
    expect(result).toEqual({
      argv: ['--bucket', 'b', '--key', 'k k', '--upload-id', 'u', '--output', 'table'],
      line: "--bucket b --key 'k k' --upload-id u --output table ",
    });
    expect(t.screens[0]!.split('\n')[0]).toBe("> s3abort --bucket b --key 'k k' --upload-id u");
    expect(t.screens[2]).toContain('--output (string)');
    expect(t.vt.screen()).toBe('');
    expect(t.raw).toEqual([true, false]);
  });

  it('Ctrl-C and Ctrl-D interrupt with the buffer', async () => {
    for (const key of ['\x03', '\x04']) {
      const t = fakeTerminal(['--region x', key]);
      expect(await promptForArgs(io, ['--bucket', 'b'], t.term)).toEqual({ interrupted: true, buffer: '--bucket b --region x' });
      expect(t.vt.screen()).toBe('');
    }
  });

  it('end of input is an interrupt too', async () => {
    const t = fakeTerminal([]);
    expect(await promptForArgs(io, [], t.term)).toEqual({ interrupted: true, buffer: '' });
  });

  it('an unclosed quote does not run: it says so and waits', async () => {
    const t = fakeTerminal(["--key 'a", '\r', "'", '\r']);
    const result = await promptForArgs(io, [], t.term);
    expect(t.screens[2]).toContain('No closing quotation');
    expect(result).toEqual({ argv: ['--key', 'a'], line: "--key 'a'" });
  });

  it('paths after file://', async () => {
    const t = fakeTerminal(['--cli-input-json file://', '\t', '\r', '\r']);
    const result = await promptForArgs(io, [], t.term, { completionFs: ctx.fs });
    expect(result).toEqual({ argv: ['--cli-input-json', 'file://in.json'], line: '--cli-input-json file://in.json' });
  });

  it('redraws in place: the screen never keeps old lines', async () => {
    const t = fakeTerminal(['--out', '\t', '\x15', '--bucket x', '\r'], 60);
    await promptForArgs(io, [], t.term);
    const last = t.screens[t.screens.length - 1]!;
    expect(last.split('\n')[0]).toBe('> s3abort --bucket x');
    expect(last).not.toContain('--output');
  });
});

describe('the auto-prompt flags', () => {
  it('are not offered (the CLI filters them out)', () => {
    expect(initialState('--cli-a', ctx).menu).toBeNull();
    expect(initialState('--no-cli-', ctx).menu?.candidates.map((c) => c.value)).toEqual(['--no-cli-pager']);
  });
});
