// A one-line progress display on stderr, only when stderr is a terminal.

import type { Io } from '../io.js';
import type { BulkProgress } from './run-bulk.js';

export interface ProgressLine {
  update(p: BulkProgress): void;
  /** Clears the line, so that a message can be written; the next update draws it again. */
  clear(): void;
  done(): void;
}

export function createProgressLine(io: Io): ProgressLine {
  const started = io.now();
  let last = 0;
  let shown = false;
  const draw = (p: BulkProgress) => {
    const secs = Math.max((io.now() - started) / 1000, 0.001);
    const rate = (p.aborted + p.failed + p.unconfirmed) / secs;
    const cutoff = p.cutoff ? `initiated before ${p.cutoff.toISOString().replace(/\.000Z$/, 'Z')}: ` : '';
    const unconfirmed = p.unconfirmed ? `, unconfirmed ${p.unconfirmed}` : '';
    io.stderr.write(
      `\r\x1b[K${cutoff}selected ${p.selected}${p.listingDone ? '' : '+'}, aborted ${p.aborted}, failed ${p.failed}${unconfirmed}, ${rate.toFixed(0)}/s`,
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
    clear() {
      if (shown) io.stderr.write('\r\x1b[K');
      shown = false;
    },
    done() {
      if (latest) draw(latest);
      if (shown) io.stderr.write('\n');
    },
  };
}
