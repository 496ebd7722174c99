// The bulk run's response document and exit code.

import { EXIT_GENERAL, EXIT_OK, EXIT_PARTIAL, EXIT_SERVICE } from '../errors.js';
import type { PyDict, PyValue } from '../output/pyvalue.js';
import type { BulkResult, UploadOutcome } from './run-bulk.js';

/** datetime.isoformat() of an aware UTC time, as the AWS CLI prints timestamps. */
export function isoTimestamp(d: Date): string {
  const iso = d.toISOString(); // 2026-11-20T10:00:00.000Z
  const ms = d.getUTCMilliseconds();
  return `${iso.slice(0, 19)}${ms ? `.${String(ms).padStart(3, '0')}000` : ''}+00:00`;
}

function entry(u: UploadOutcome): PyDict {
  const m: PyDict = new Map<string, PyValue>([
    ['Key', u.Key],
    ['UploadId', u.UploadId],
  ]);
  if (u.Initiated) m.set('Initiated', isoTimestamp(u.Initiated));
  m.set('Status', u.Status);
  if (u.Verified !== undefined) m.set('Verified', u.Verified);
  if (u.Error) m.set('Error', new Map<string, PyValue>([['Code', u.Error.Code], ['Message', u.Error.Message]]));
  return m;
}

export function summarize(r: BulkResult): { Selected: number; Aborted: number; AlreadyGone: number; Failed: number; Skipped: number } {
  const count = (s: string) => r.uploads.filter((u) => u.Status === s).length;
  return {
    Selected: r.uploads.length,
    Aborted: count('Aborted'),
    AlreadyGone: count('AlreadyGone'),
    Failed: count('Failed'),
    Skipped: count('Skipped'),
  };
}

export function resultDocument(r: BulkResult): PyDict {
  const s = summarize(r);
  const summary: PyDict = new Map<string, PyValue>([
    ['Selected', BigInt(s.Selected)],
    ['Aborted', BigInt(s.Aborted)],
    ['AlreadyGone', BigInt(s.AlreadyGone)],
    ['Failed', BigInt(s.Failed)],
  ]);
  if (s.Skipped) summary.set('Skipped', BigInt(s.Skipped));
  return new Map<string, PyValue>([
    ['DryRun', r.dryRun],
    ['Uploads', r.uploads.map(entry)],
    ['Summary', summary],
  ]);
}

/** 0 all done; 1 some failed; 254 all failed with service errors; 255 all failed otherwise. */
export function bulkExitCode(r: BulkResult): number {
  const failed = r.uploads.filter((u) => u.Status === 'Failed' || u.Status === 'Skipped');
  if (failed.length === 0) return EXIT_OK;
  if (failed.length < r.uploads.length) return EXIT_PARTIAL;
  return failed.every((u) => u.errorExit === EXIT_SERVICE) ? EXIT_SERVICE : EXIT_GENERAL;
}
