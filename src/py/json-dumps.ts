// Pieces of json.dumps (Lib/json/encoder.py) the clone writes with.

import { pyFloatRepr } from './repr.js';

/** The text json.dumps writes for a float (NaN and infinities as JavaScript literals). */
export function pyJsonFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return pyFloatRepr(n);
}
