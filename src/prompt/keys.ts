// Keys from a terminal in raw mode: bytes -> key events. Escape sequences of xterm, VT100 and
// their application-mode variants; anything printable (pasted text too) is text.

export type KeyName =
  | 'enter'
  | 'tab'
  | 'backtab'
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'home'
  | 'end'
  | 'word-left'
  | 'word-right'
  | 'escape'
  | 'ctrl-c'
  | 'ctrl-d'
  | 'ctrl-u'
  | 'ctrl-k'
  | 'ctrl-w'
  | 'ctrl-l';

export type Key = { readonly name: 'text'; readonly text: string } | { readonly name: KeyName };

const SEQUENCES: Record<string, KeyName> = {
  '\x1b[A': 'up',
  '\x1b[B': 'down',
  '\x1b[C': 'right',
  '\x1b[D': 'left',
  '\x1bOA': 'up',
  '\x1bOB': 'down',
  '\x1bOC': 'right',
  '\x1bOD': 'left',
  '\x1b[H': 'home',
  '\x1b[F': 'end',
  '\x1bOH': 'home',
  '\x1bOF': 'end',
  '\x1b[1~': 'home',
  '\x1b[4~': 'end',
  '\x1b[7~': 'home',
  '\x1b[8~': 'end',
  '\x1b[3~': 'delete',
  '\x1b[Z': 'backtab',
  '\x1b[1;5C': 'word-right',
  '\x1b[1;5D': 'word-left',
  '\x1b[1;3C': 'word-right',
  '\x1b[1;3D': 'word-left',
  '\x1bf': 'word-right',
  '\x1bb': 'word-left',
};

const CONTROL: Record<string, KeyName> = {
  '\r': 'enter',
  '\n': 'enter',
  '\t': 'tab',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\x03': 'ctrl-c',
  '\x04': 'ctrl-d',
  '\x15': 'ctrl-u',
  '\x0b': 'ctrl-k',
  '\x17': 'ctrl-w',
  '\x0c': 'ctrl-l',
  '\x01': 'home',
  '\x05': 'end',
  '\x02': 'left',
  '\x06': 'right',
  '\x10': 'up',
  '\x0e': 'down',
};

/** Decodes one chunk of terminal input (a read from stdin in raw mode) into keys. */
export function parseKeys(chunk: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ name: 'text', text });
    text = '';
  };
  for (let i = 0; i < chunk.length; ) {
    const ch = chunk[i]!;
    if (ch === '\x1b') {
      flush();
      // CSI / SS3: ESC [ params final, ESC O final; ESC x is Alt-x
      const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z]|[bf])/.exec(chunk.slice(i));
      if (m) {
        const name = SEQUENCES[m[0]];
        // bracketed paste markers and unknown sequences are dropped
        if (name) keys.push({ name });
        i += m[0].length;
      } else {
        keys.push({ name: 'escape' });
        i += 1;
      }
      continue;
    }
    const control = CONTROL[ch];
    if (control) {
      flush();
      // CR LF from a paste is one Enter
      if (ch === '\n' && chunk[i - 1] === '\r') {
        i++;
        continue;
      }
      keys.push({ name: control });
      i++;
      continue;
    }
    if (ch < ' ') {
      i++;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return keys;
}
