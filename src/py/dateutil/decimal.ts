// The decimal.Decimal values dateutil makes of numeric tokens (_to_decimal), and what it asks of
// them: comparisons with ints, the fraction, int(60 * (value % 1)).

import { fail } from './token.js';

/** A decimal.Decimal read from a token (non-negative, finite). */
export interface Dec {
  int: bigint;
  /** fraction digits */
  frac: string;
}

/** Python float(token) succeeds: digits with a point, or inf/nan words. */
export function floatLike(token: string): boolean {
  return /^\d+(?:\.\d*)?$/.test(token) || /^\.\d+$/.test(token) || /^(?:inf|infinity|nan)$/i.test(token);
}

/** _to_decimal: Decimal(val), finite only. */
export function toDecimal(val: string): Dec {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(val);
  if (!m || (m[1] === '' && !m[2])) fail();
  return { int: BigInt(m![1] || '0'), frac: m![2] ?? '' };
}

export const decHasFrac = (d: Dec) => /[1-9]/.test(d.frac);

/** int(60 * (value % 1)) */
export const decSixtieths = (d: Dec) => (d.frac ? (60n * BigInt(d.frac)) / 10n ** BigInt(d.frac.length) : 0n);

/** Decimal compared with an integer: -1, 0 or 1 */
export function decCmp(d: Dec, n: bigint): number {
  if (d.int !== n) return d.int < n ? -1 : 1;
  return decHasFrac(d) ? 1 : 0;
}
