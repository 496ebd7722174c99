// The interactive auto-prompt (awscli autoprompt/prompttoolkit.py PromptToolkitPrompter): a line
// editor on the terminal prefilled with the command line, completing option names and values,
// showing the documentation of the option in focus. Enter gives the new argv; Ctrl-C or Ctrl-D
// gives up (the caller prints `> s3abort <buffer>` on stderr and exits 130).

import type { CompletionContext, CompletionFs } from '../completion/complete.js';
import type { Io } from '../io.js';
import { ShlexError, shlexQuote, shlexSplit } from '../py/shlex.js';
import { applyKey, candidatesAt, initialState, type EditorState } from './editor.js';
import { parseKeys } from './keys.js';
import { layoutScreen, Painter } from './screen.js';

/** The terminal the prompt runs on: keys in, drawing out. */
export interface PromptTerminal {
  /** The next chunk of input (raw mode: one key or a paste), or null when input has ended. */
  read(): Promise<string | null>;
  write(text: string): void;
  /** Current width in columns. */
  readonly columns: number;
  /** Raw mode on or off (no echo, no line buffering, Ctrl-C as a byte). */
  setRawMode(on: boolean): void;
}

export type PromptResult =
  | { readonly interrupted?: false; readonly argv: string[]; readonly line: string }
  | { readonly interrupted: true; readonly buffer: string };

export interface PromptOptions {
  /** The name shown before the line (default s3abort). */
  prog?: string;
  /** A file system that can list directories (for paths after file://); without it only the Io's. */
  completionFs?: CompletionFs;
}

/** The buffer the prompt starts with: the shell-quoted args without --cli-auto-prompt. */
export function initialBuffer(args: readonly string[], ctx: CompletionContext): string {
  const words = args.filter((a) => a !== '--cli-auto-prompt').map(shlexQuote);
  let text = words.join(' ');
  // prompttoolkit.py _set_input_buffer_text: a finished word gets a space after it
  if (text !== '' && candidatesAt(text, text.length, ctx).candidates.length === 0) text += ' ';
  return text;
}

export async function promptForArgs(
  io: Pick<Io, 'env' | 'fs' | 'homedir' | 'cwd'>,
  initialArgs: readonly string[],
  terminal: PromptTerminal,
  options: PromptOptions = {},
): Promise<PromptResult> {
  const fs: CompletionFs = options.completionFs ?? { ...io.fs, readdir: () => [] };
  const ctx: CompletionContext = { env: io.env, fs, homedir: io.homedir, cwd: io.cwd };
  const prog = options.prog ?? 's3abort';
  const painter = new Painter();
  let state: EditorState = initialState(initialBuffer(initialArgs, ctx), ctx);
  const paint = () => terminal.write(painter.paint(layoutScreen(state, terminal.columns, prog)));

  terminal.setRawMode(true);
  try {
    paint();
    for (;;) {
      const chunk = await terminal.read();
      if (chunk === null) return finish({ interrupted: true, buffer: state.buffer });
      for (const key of parseKeys(chunk)) {
        const { state: next, action } = applyKey(state, key, ctx);
        state = next;
        if (action === 'interrupt') return finish({ interrupted: true, buffer: state.buffer });
        if (action === 'submit') {
          try {
            return finish({ argv: shlexSplit(state.buffer), line: state.buffer });
          } catch (e) {
            if (!(e instanceof ShlexError)) throw e;
            state = { ...state, message: `${e.message}: close the quote, or Ctrl-C to cancel` };
          }
        }
      }
      paint();
    }
  } finally {
    terminal.setRawMode(false);
  }

  function finish(result: PromptResult): PromptResult {
    terminal.write(painter.erase());
    return result;
  }
}
