// Reads and checks s3abort's own options (252 on bad values, worded like argparse errors).

import type { Parsed } from '../args/parse-argv.js';
import { ArgParseError } from '../errors.js';
import type { BulkOptions } from './run-bulk.js';

/** The engine's options that come from s3abort's own flags, and whether any was given. */
export interface BulkFlags
  extends Pick<BulkOptions, 'allUploads' | 'prefix' | 'olderThan' | 'dryRun' | 'concurrency' | 'verify' | 'verifyAttempts' | 'ignoreMissing'> {
  active: boolean;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

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
  if (typeof op.olderThan === 'string') {
    const age = /^\s*(\d+)\s*([smhdw])\s*$/.exec(op.olderThan);
    const when = age
      ? new Date(nowMs - Number(age[1]) * UNIT_SECONDS[age[2]!]! * 1000)
      : DURATION_LIKE.test(op.olderThan)
        ? null
        : parseTimestamp(op.olderThan);
    if (!when || Number.isNaN(when.getTime())) {
      throw new ArgParseError(
        `argument --older-than: invalid value '${op.olderThan}': expected an age such as 90s, 15m, 36h, 7d, 2w, or a timestamp`,
        prog,
      );
    }
    flags.olderThan = when;
  }
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
  flags.active =
    allUploads || flags.dryRun || flags.verify || flags.ignoreMissing || op.concurrency !== undefined;
  return flags;
}
