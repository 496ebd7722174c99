// A one-line progress display on stderr, only when stderr is a terminal.

import type { Io } from '../io.js';
import type { BulkProgress } from './run-bulk.js';

export function createProgressLine(io: Io): { update: (p: BulkProgress) => void; done: () => void } {
  const started = io.now();
  let last = 0;
  let shown = false;
  const draw = (p: BulkProgress) => {
    const secs = Math.max((io.now() - started) / 1000, 0.001);
    const rate = (p.aborted + p.failed) / secs;
    io.stderr.write(
      `\r\x1b[Kselected ${p.selected}${p.listingDone ? '' : '+'}, aborted ${p.aborted}, failed ${p.failed}, ${rate.toFixed(0)}/s`,
    );
    shown = true;
  };
  let latest: BulkProgress | undefined;
  return {
    update(p) {
      latest = p;
      const t = io.now();
      if (t - last >= 100) {
        last = t;
        draw(p);
      }
    },
    done() {
      if (latest) draw(latest);
      if (shown) io.stderr.write('\n');
    },
  };
}
