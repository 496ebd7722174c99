// Shell words of a command line that is still being typed: like shlex.split (POSIX), but an
// unclosed quote or a trailing backslash is not an error, and each word keeps where it starts.

export interface ShellWord {
  /** the word with quotes and escapes removed */
  readonly text: string;
  /** offset of its first character in the line */
  readonly start: number;
  /** offset just after its last character */
  readonly end: number;
}

export interface SplitLine {
  readonly words: readonly ShellWord[];
  /** the line ends in whitespace (outside quotes): the word being typed is a new, empty one */
  readonly endsWithSpace: boolean;
}

export function splitShellWords(line: string): SplitLine {
  const words: ShellWord[] = [];
  let text = '';
  let start = -1;
  let quote: '' | "'" | '"' = '';
  let i = 0;
  const finish = (end: number) => {
    if (start >= 0) words.push({ text, start, end });
    text = '';
    start = -1;
  };
  while (i < line.length) {
    const ch = line[i]!;
    if (quote === "'") {
      if (ch === "'") quote = '';
      else text += ch;
      i++;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = '';
      else if (ch === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) {
        text += line[i + 1];
        i++;
      } else text += ch;
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      finish(i);
      i++;
      continue;
    }
    if (start < 0) start = i;
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '\\') {
      if (i + 1 < line.length) text += line[i + 1];
      i++;
    } else text += ch;
    i++;
  }
  const endsWithSpace = quote === '' && start < 0 && line.length > 0 && /\s$/.test(line);
  finish(line.length);
  return { words, endsWithSpace };
}

/** A backslash before each character a shell would treat specially (for bash's COMPREPLY). */
export function shellEscape(s: string): string {
  return s.replace(/[\s"'\\|&;()<>$`*?[\]!{}#]/g, '\\$&').replace(/^~/, '\\~');
}
