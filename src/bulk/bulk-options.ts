// Reads and checks s3abort's own options (252 on bad values, worded like argparse errors).

import type { Parsed } from '../args/parse-argv.js';
import { ArgParseError } from '../errors.js';
import { pyIsoformat } from '../py/datetime.js';
import type { BulkOptions, Cutoff } from './run-bulk.js';

/** The engine's options that come from s3abort's own flags, and whether any was given. */
export interface BulkFlags
  extends Pick<BulkOptions, 'allUploads' | 'prefix' | 'cutoff' | 'dryRun' | 'concurrency' | 'verify' | 'verifyAttempts' | 'ignoreMissing'> {
  active: boolean;
  /** --log FILE: one JSON line per upload, appended as each outcome is known */
  log?: string;
}

/** Without --older-than, --all-uploads leaves alone what was started in the last day (as rclone). */
export const DEFAULT_MIN_AGE_MS = 24 * 3600_000;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
const UNITS_TEXT = 's (seconds), m (minutes), h (hours), d (days) or w (weeks)';

// Durations in other spellings: dateutil would read "1.5h", "10h30m" or "15M" as a time of day
// today (possibly later than now, which selects uploads started a second ago), so they are refused.
const DURATION_LIKE =
  /^\s*(?:[+-]?\d+(?:[.,]\d+)?\s*(?:ms|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mons?|months?|y|yrs?|years?)\s*)+$/i;

function intInRange(op: Parsed, dest: string, flag: string, lo: number, hi: number, fallback: number, prog: string): number {
  const v = op[dest];
  if (typeof v !== 'string') return fallback;
  const t = v.trim();
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isInteger(n) || n < lo || n > hi) {
    throw new ArgParseError(`argument ${flag}: invalid value '${v}': expected a whole number from ${lo} to ${hi}`, prog);
  }
  return n;
}

/**
 * --older-than: an age (`90s`, `7d`) or a time in the past. A bare number (epoch seconds to
 * dateutil) and a time after now (`23:59`, `Friday`, a date next week: every upload, even one
 * started a second ago, would be older) are refused.
 */
function readCutoff(value: string, prog: string, nowMs: number, parseTimestamp: (v: string) => Date | null): Cutoff {
  const age = /^\s*(\d+)\s*([smhdw])\s*$/.exec(value);
  const ageMs = age ? Number(age[1]) * UNIT_SECONDS[age[2]!]! * 1000 : NaN;
  // an age that reaches before the first representable time is no age
  if (age && !Number.isNaN(new Date(nowMs - ageMs).getTime())) return { ageMs };
  if (/^\s*[+-]?\d+(?:\.\d*)?\s*$/.test(value)) {
    throw new ArgParseError(`argument --older-than: invalid value '${value}': a number needs a unit: ${UNITS_TEXT}, as in 7d`, prog);
  }
  const when = DURATION_LIKE.test(value) ? null : parseTimestamp(value);
  if (!when || Number.isNaN(when.getTime())) {
    throw new ArgParseError(
      `argument --older-than: invalid value '${value}': expected an age such as 90s, 15m, 36h, 7d, 2w, or a timestamp`,
      prog,
    );
  }
  if (when.getTime() > nowMs) {
    throw new ArgParseError(
      `argument --older-than: '${value}' is ${pyIsoformat(when)}, after now (${pyIsoformat(new Date(nowMs))}): every upload, even one started a second ago, would be selected; give an age (90s, 15m, 36h, 7d, 2w) or a time in the past`,
      prog,
    );
  }
  return { before: when };
}

export function readBulkFlags(
  op: Parsed,
  prog: string,
  nowMs: number,
  parseTimestamp: (v: string) => Date | null,
): BulkFlags {
  const allUploads = op.allUploads === true;
  const flags: BulkFlags = {
    active: false,
    allUploads,
    dryRun: op.dryRun === true,
    concurrency: intInRange(op, 'concurrency', '--concurrency', 1, 256, 16, prog),
    verify: op.verify === true,
    verifyAttempts: intInRange(op, 'verifyAttempts', '--verify-attempts', 1, 100, 5, prog),
    ignoreMissing: op.ignoreMissing === true,
  };
  if (typeof op.prefix === 'string') flags.prefix = op.prefix;
  if (typeof op.log === 'string') flags.log = op.log;
  if (typeof op.olderThan === 'string') flags.cutoff = readCutoff(op.olderThan, prog, nowMs, parseTimestamp);
  else if (allUploads) flags.cutoff = { ageMs: DEFAULT_MIN_AGE_MS };
  for (const [dest, flag] of [['prefix', '--prefix'], ['olderThan', '--older-than']] as const) {
    if (op[dest] !== undefined && !allUploads) {
      throw new ArgParseError(`argument ${flag}: only allowed with argument --all-uploads`, prog);
    }
  }
  if (allUploads && op.uploadId !== undefined) {
    throw new ArgParseError('argument --upload-id: not allowed with argument --all-uploads', prog);
  }
  // one initiation time cannot match every listed upload: all but one abort would fail
  if (allUploads && op.ifMatchInitiatedTime !== undefined) {
    throw new ArgParseError('argument --if-match-initiated-time: not allowed with argument --all-uploads', prog);
  }
  if (op.verifyAttempts !== undefined && !flags.verify) {
    throw new ArgParseError('argument --verify-attempts: only allowed with argument --verify', prog);
  }
  if (flags.log === '') throw new ArgParseError("argument --log: expected a file name", prog);
  flags.active =
    allUploads || flags.dryRun || flags.verify || flags.ignoreMissing || op.concurrency !== undefined || flags.log !== undefined;
  return flags;
}
