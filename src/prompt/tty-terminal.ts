// The real terminal for the auto-prompt: stdin in raw mode, drawing on the terminal (stdout when
// it is one, else stderr, as prompt_toolkit does). Built by cli.ts from the process's streams.

import type { PromptTerminal } from './prompt-for-args.js';

interface TtyIn {
  setRawMode?(mode: boolean): unknown;
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  off(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  off(event: 'end', listener: () => void): unknown;
  resume(): unknown;
  pause(): unknown;
  setEncoding?(encoding: BufferEncoding): unknown;
}

interface TtyOut {
  write(text: string): unknown;
  readonly columns?: number;
}

export function createTtyTerminal(input: TtyIn, output: TtyOut): PromptTerminal {
  const queue: (string | null)[] = [];
  let waiting: ((chunk: string | null) => void) | undefined;
  const push = (chunk: string | null) => {
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w(chunk);
    } else queue.push(chunk);
  };
  const onData = (chunk: Buffer | string) => push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
  const onEnd = () => push(null);
  return {
    read: () =>
      new Promise<string | null>((resolve) => {
        if (queue.length > 0) resolve(queue.shift()!);
        else waiting = resolve;
      }),
    write: (text) => {
      output.write(text);
    },
    get columns() {
      return output.columns && output.columns > 0 ? output.columns : 80;
    },
    setRawMode(on) {
      input.setRawMode?.(on);
      if (on) {
        input.on('data', onData);
        input.on('end', onEnd);
        input.resume();
      } else {
        input.off('data', onData);
        input.off('end', onEnd);
        input.pause();
      }
    },
  };
}
