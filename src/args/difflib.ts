// Python difflib.get_close_matches, which argparse's invalid-choice message uses
// (awscli argparser.py: cutoff=0.8).

function matchingCharacters(a: string, b: string): number {
  // SequenceMatcher: longest match first, then recurse on both sides (no junk heuristics: the
  // strings here are far below autojunk's 200 characters)
  const longest = (alo: number, ahi: number, blo: number, bhi: number): [number, number, number] => {
    let best: [number, number, number] = [alo, blo, 0];
    let lens = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (let j = blo; j < bhi; j++) {
        if (a[i] !== b[j]) continue;
        const k = (lens.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > best[2]) best = [i - k + 1, j - k + 1, k];
      }
      lens = next;
    }
    return best;
  };
  let total = 0;
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, k] = longest(alo, ahi, blo, bhi);
    if (k === 0) continue;
    total += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  return total;
}

export function similarity(a: string, b: string): number {
  const len = a.length + b.length;
  return len ? (2 * matchingCharacters(a, b)) / len : 1;
}

export function getCloseMatches(word: string, possibilities: readonly string[], n = 3, cutoff = 0.6): string[] {
  const scored = possibilities
    .map((p) => [similarity(word, p), p] as const)
    .filter(([s]) => s >= cutoff)
    // heapq.nlargest on (score, word): ties broken by the larger word
    .sort((x, y) => y[0] - x[0] || (y[1] > x[1] ? 1 : y[1] < x[1] ? -1 : 0));
  return scored.slice(0, n).map(([, p]) => p);
}
