// The bulk run's response document and exit code.

import { EXIT_GENERAL, EXIT_OK, EXIT_PARTIAL, EXIT_SERVICE } from '../errors.js';
import { formatJson, pyJsonDumpsIndent4 } from '../output/json.js';
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
  const n = { Selected: r.uploads.length, Aborted: 0, AlreadyGone: 0, Failed: 0, Skipped: 0 };
  for (const u of r.uploads) {
    if (u.Status === 'Aborted' || u.Status === 'AlreadyGone' || u.Status === 'Failed' || u.Status === 'Skipped') n[u.Status]++;
  }
  return n;
}

export function resultDocument(r: BulkResult): PyDict {
  return documentWith(r, r.uploads.map(entry));
}

function documentWith(r: BulkResult, uploads: PyValue[]): PyDict {
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
    ['Uploads', uploads],
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

/** How many uploads go into one write of the streamed document. */
const BATCH = 500;

/**
 * `--output json` of resultDocument(r) without a --query, written in pieces as it is made: the
 * same bytes as formatJson(resultDocument(r)), without the whole document, its text and the
 * formatter's pieces in memory at once (a run over 100,000 uploads). Each upload is formatted on
 * its own and indented to its depth in the document (JSON text holds no raw newline but those of
 * the indentation).
 */
export function writeResultJson(r: BulkResult, write: (chunk: string) => void): void {
  const frame = formatJson(documentWith(r, []));
  if (r.uploads.length === 0) {
    write(frame);
    return;
  }
  const marker = '"Uploads": []';
  const at = frame.indexOf(marker);
  write(frame.slice(0, at + marker.length - 1));
  const depth = '\n        ';
  let batch: string[] = [];
  r.uploads.forEach((u, i) => {
    batch.push(`${i === 0 ? '' : ','}${depth}${pyJsonDumpsIndent4(entry(u)).replaceAll('\n', depth)}`);
    if (batch.length === BATCH) {
      write(batch.join(''));
      batch = [];
    }
  });
  write(`${batch.join('')}\n    ]${frame.slice(at + marker.length)}`);
}
