// The auto-prompt's line editor as a pure state machine: a key and the state give the next state.
// Completion is "while typing", as the AWS CLI's prompt_toolkit buffer does: after every edit the
// candidates for the word at the cursor are computed again; Tab and the arrows walk through them.

import { matchOption, type OptionInfo } from '../completion/catalog.js';
import { completionCandidates, type Candidate, type CompletionContext } from '../completion/complete.js';
import { splitShellWords } from '../completion/shell-words.js';
import { shlexQuote } from '../py/shlex.js';
import type { Key } from './keys.js';

export interface Menu {
  readonly candidates: readonly Candidate[];
  /** -1 while nothing is selected */
  readonly selected: number;
  /** where the word being completed starts in the buffer */
  readonly start: number;
}

export interface EditorState {
  readonly buffer: string;
  /** cursor offset in the buffer (UTF-16 units) */
  readonly cursor: number;
  readonly menu: Menu | null;
  /** a message for the toolbar (e.g. why Enter did not run the command) */
  readonly message?: string;
}

export type EditorAction = 'submit' | 'interrupt' | 'redraw';

/** The program's name as the first word: completion rules expect it (the prompt shows `> s3abort `). */
const PROG = 's3abort';
const AUTO_PROMPT_FLAGS = new Set(['--cli-auto-prompt', '--no-cli-auto-prompt']);

export function initialState(buffer: string, ctx: CompletionContext): EditorState {
  return withMenu({ buffer, cursor: buffer.length, menu: null }, ctx);
}

/** The candidates for the word that ends at the cursor. */
export function candidatesAt(buffer: string, cursor: number, ctx: CompletionContext): { start: number; candidates: Candidate[] } {
  const before = buffer.slice(0, cursor);
  const split = splitShellWords(before);
  const words = [PROG, ...split.words.map((w) => w.text)];
  let start = cursor;
  const last = split.words[split.words.length - 1];
  if (split.endsWithSpace || !last) words.push('');
  else start = last.start;
  // prompttoolkit.py _filter_out_autoprompt_overrides
  // (and `completion`, which prints a script: not something to run from the prompt)
  const candidates = completionCandidates(words, words.length - 1, ctx).filter(
    (c) => !(c.kind === 'option' && AUTO_PROMPT_FLAGS.has(c.value)) && !(c.kind === 'command' && c.value === 'completion'),
  );
  return { start, candidates };
}

function withMenu(state: EditorState, ctx: CompletionContext): EditorState {
  const { start, candidates } = candidatesAt(state.buffer, state.cursor, ctx);
  const typed = splitShellWords(state.buffer.slice(start, state.cursor)).words[0]?.text ?? '';
  // nothing to offer when the only candidate is what is typed already
  const useful = candidates.length > 1 || (candidates.length === 1 && candidates[0]!.value !== typed);
  return { ...state, menu: useful ? { candidates, selected: -1, start } : null };
}

function replaceWord(state: EditorState, start: number, value: string, space: boolean): EditorState {
  const quoted = quoteWord(value);
  let insert = quoted;
  const after = state.buffer.slice(state.cursor);
  if (space && !after.startsWith(' ')) insert += ' ';
  const buffer = state.buffer.slice(0, start) + insert + after;
  const cursor = start + insert.length + (space && after.startsWith(' ') ? 1 : 0);
  return { ...state, buffer, cursor, message: undefined };
}

/** Quotes a completed word for the buffer (paths with spaces); option names and values pass as is. */
function quoteWord(value: string): string {
  return /^[\w@%+=:,./~-]*$/.test(value) ? value : shlexQuote(value);
}

function commonPrefix(values: readonly string[]): string {
  if (values.length === 0) return '';
  let prefix = values[0]!;
  for (const v of values) while (!v.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

function select(state: EditorState, menu: Menu, index: number): EditorState {
  const n = menu.candidates.length;
  const selected = ((index % n) + n) % n;
  const next = replaceWord(state, menu.start, menu.candidates[selected]!.value, false);
  return { ...next, menu: { ...menu, selected } };
}

function edit(state: EditorState, buffer: string, cursor: number, ctx: CompletionContext): EditorState {
  return withMenu({ buffer, cursor, menu: null }, ctx);
}

function wordLeft(buffer: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && buffer[i - 1] === ' ') i--;
  while (i > 0 && buffer[i - 1] !== ' ') i--;
  return i;
}

function wordRight(buffer: string, cursor: number): number {
  let i = cursor;
  while (i < buffer.length && buffer[i] === ' ') i++;
  while (i < buffer.length && buffer[i] !== ' ') i++;
  return i;
}

/** Applies one key. */
export function applyKey(state: EditorState, key: Key, ctx: CompletionContext): { state: EditorState; action?: EditorAction } {
  const { buffer, cursor, menu } = state;
  switch (key.name) {
    case 'text':
      return { state: edit(state, buffer.slice(0, cursor) + key.text + buffer.slice(cursor), cursor + key.text.length, ctx) };
    case 'backspace':
      if (cursor === 0) return { state };
      return { state: edit(state, buffer.slice(0, cursor - 1) + buffer.slice(cursor), cursor - 1, ctx) };
    case 'delete':
      if (cursor >= buffer.length) return { state };
      return { state: edit(state, buffer.slice(0, cursor) + buffer.slice(cursor + 1), cursor, ctx) };
    case 'ctrl-u':
      return { state: edit(state, buffer.slice(cursor), 0, ctx) };
    case 'ctrl-k':
      return { state: edit(state, buffer.slice(0, cursor), cursor, ctx) };
    case 'ctrl-w': {
      const to = wordLeft(buffer, cursor);
      return { state: edit(state, buffer.slice(0, to) + buffer.slice(cursor), to, ctx) };
    }
    case 'left':
      return { state: edit(state, buffer, Math.max(0, cursor - 1), ctx) };
    case 'right':
      return { state: edit(state, buffer, Math.min(buffer.length, cursor + 1), ctx) };
    case 'home':
      return { state: edit(state, buffer, 0, ctx) };
    case 'end':
      return { state: edit(state, buffer, buffer.length, ctx) };
    case 'word-left':
      return { state: edit(state, buffer, wordLeft(buffer, cursor), ctx) };
    case 'word-right':
      return { state: edit(state, buffer, wordRight(buffer, cursor), ctx) };
    case 'escape':
      return { state: { ...state, menu: null } };
    case 'tab': {
      if (!menu) {
        // the menu was closed (Escape, Enter): Tab opens it again
        const reopened = withMenu(state, ctx);
        return { state: reopened.menu ? applyKey(reopened, key, ctx).state : reopened };
      }
      if (menu.selected >= 0) return { state: select(state, menu, menu.selected + 1) };
      const only = menu.candidates.length === 1 ? menu.candidates[0]! : undefined;
      if (only) {
        const next = replaceWord(state, menu.start, only.value, only.complete);
        return { state: withMenu(next, ctx) };
      }
      const typed = splitShellWords(buffer.slice(menu.start, cursor)).words[0]?.text ?? '';
      const prefix = commonPrefix(menu.candidates.map((c) => c.value));
      if (prefix.length > typed.length) {
        return { state: withMenu(replaceWord(state, menu.start, prefix, false), ctx) };
      }
      return { state: select(state, menu, 0) };
    }
    case 'backtab':
      if (!menu) return { state };
      return { state: select(state, menu, menu.selected < 0 ? -1 : menu.selected - 1) };
    case 'down':
      if (!menu) return { state };
      return { state: select(state, menu, menu.selected + 1) };
    case 'up':
      if (!menu) return { state };
      return { state: select(state, menu, menu.selected < 0 ? -1 : menu.selected - 1) };
    case 'enter':
      if (menu && menu.selected >= 0) {
        // prompt_toolkit: Enter takes the selected completion and closes the menu; a directory
        // after file:// opens it again
        const chosen = menu.candidates[menu.selected]!;
        const next: EditorState = { ...state, menu: null };
        return { state: chosen.complete ? next : withMenu(next, ctx) };
      }
      return { state, action: 'submit' };
    case 'ctrl-c':
    case 'ctrl-d':
      return { state, action: 'interrupt' };
    case 'ctrl-l':
      return { state, action: 'redraw' };
  }
}

/**
 * The option whose documentation belongs under the line: the selected candidate's, the option
 * being typed, or the option whose value is being typed.
 */
export function focusedOption(state: EditorState): OptionInfo | undefined {
  const { menu } = state;
  if (menu && menu.selected >= 0) return menu.candidates[menu.selected]!.option;
  const split = splitShellWords(state.buffer.slice(0, state.cursor));
  const words = split.words.map((w) => w.text);
  const current = split.endsWithSpace ? '' : (words[words.length - 1] ?? '');
  const previous = split.endsWithSpace ? words[words.length - 1] : words[words.length - 2];
  if (current.startsWith('--')) {
    const eq = current.indexOf('=');
    const opt = matchOption(eq >= 0 ? current.slice(0, eq) : current);
    if (opt) return opt;
    const first = menu?.candidates[0];
    if (first?.kind === 'option') return first.option;
  }
  if (previous?.startsWith('--') && !previous.includes('=')) {
    const opt = matchOption(previous);
    if (opt && opt.kind !== 'flag') return opt;
  }
  return undefined;
}
