// The help page's inline markup: `{b:text}` bold, `{u:text}` underlined (see page.ts).

export type Mark = 'b' | 'u' | null;
export interface Run {
  text: string;
  mark: Mark;
}
/** One word: the runs between two spaces. */
export type Word = Run[];

/** Parses `{b:..}` / `{u:..}` markup into words of styled runs. */
export function parseMarkup(text: string): Word[] {
  const runs: Run[] = [];
  const re = /\{([bu]):([^{}]*)\}/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) runs.push({ text: text.slice(last, m.index), mark: null });
    runs.push({ text: m[2]!, mark: m[1] as Mark });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), mark: null });
  const words: Word[] = [];
  let word: Word = [];
  for (const run of runs) {
    const parts = run.text.split(/ +/);
    parts.forEach((part, i) => {
      if (i > 0) {
        if (word.length > 0) words.push(word);
        word = [];
      }
      if (part !== '') word.push({ text: part, mark: run.mark });
    });
  }
  if (word.length > 0) words.push(word);
  return words;
}

/** The plain text of a markup string. */
export function stripMarkup(text: string): string {
  return text.replace(/\{[bu]:([^{}]*)\}/g, '$1');
}
