// The bulk run's response document, its --log records, and its exit code.

import { CliError, EXIT_GENERAL, EXIT_OK, EXIT_PARTIAL, EXIT_SERVICE } from '../errors.js';
import { formatJson, pyJsonDumpsIndent4 } from '../output/json.js';
import { pyIsoformat } from '../py/datetime.js';
import type { PyDict, PyValue } from '../py/value.js';
import { describeError } from './failures.js';
import type { BulkResult, StopReason, UploadOutcome } from './run-bulk.js';

/** datetime.isoformat() of an aware UTC time, as the AWS CLI prints timestamps. */
export const isoTimestamp = pyIsoformat;

function entry(u: UploadOutcome): PyDict {
  const m: PyDict = new Map<string, PyValue>([
    ['Key', u.Key],
    ['UploadId', u.UploadId],
  ]);
  if (u.Initiated) m.set('Initiated', isoTimestamp(u.Initiated));
  m.set('Status', u.Status);
  if (u.Verified !== undefined) m.set('Verified', u.Verified);
  if (u.Error) m.set('Error', errorDict(u.Error));
  return m;
}

function errorDict(e: { Code: string; Message: string }): PyDict {
  return new Map<string, PyValue>([['Code', e.Code], ['Message', e.Message]]);
}

export interface Summary {
  Selected: number;
  Aborted: number;
  AlreadyGone: number;
  Unconfirmed: number;
  Failed: number;
  Skipped: number;
}

export function summarize(r: Pick<BulkResult, 'uploads'>): Summary {
  const n: Summary = { Selected: r.uploads.length, Aborted: 0, AlreadyGone: 0, Unconfirmed: 0, Failed: 0, Skipped: 0 };
  for (const u of r.uploads) {
    if (u.Status === 'Aborted' || u.Status === 'AlreadyGone' || u.Status === 'Unconfirmed' || u.Status === 'Failed' || u.Status === 'Skipped') n[u.Status]++;
  }
  return n;
}

/** What ended the run early, in words: `signal SIGTERM`, or the error that stopped it. */
export function stopText(s: StopReason): string {
  if ('signal' in s) return `signal ${s.signal}`;
  if ('endpointDown' in s) return `the endpoint stopped answering: ${s.endpointDown.message}`;
  return s.error.message;
}

export function resultDocument(r: BulkResult): PyDict {
  return documentWith(r, r.uploads.map(entry));
}

function summaryDict(s: Summary): PyDict {
  const summary: PyDict = new Map<string, PyValue>([
    ['Selected', BigInt(s.Selected)],
    ['Aborted', BigInt(s.Aborted)],
    ['AlreadyGone', BigInt(s.AlreadyGone)],
    ['Unconfirmed', BigInt(s.Unconfirmed)],
    ['Failed', BigInt(s.Failed)],
  ]);
  if (s.Skipped) summary.set('Skipped', BigInt(s.Skipped));
  return summary;
}

function documentWith(r: BulkResult, uploads: PyValue[]): PyDict {
  const doc: PyDict = new Map<string, PyValue>([['DryRun', r.dryRun]]);
  if (r.cutoff) doc.set('Cutoff', isoTimestamp(r.cutoff));
  doc.set('Uploads', uploads);
  if (r.listing) {
    const listing: PyDict = new Map<string, PyValue>([
      ['Complete', r.listing.complete],
      ['Pages', BigInt(r.listing.pages)],
    ]);
    if (r.listing.error !== undefined) {
      const d = describeError(r.listing.error);
      listing.set('Error', errorDict(d));
    }
    doc.set('Listing', listing);
  }
  if (r.stopped) doc.set('Stopped', stopText(r.stopped));
  doc.set('Summary', summaryDict(summarize(r)));
  return doc;
}

/** One `--log` record: the upload's entry in the document, with its bucket and the time. */
export function logRecord(bucket: string, u: UploadOutcome, now: Date): string {
  const record: Record<string, unknown> = { Time: isoTimestamp(now), Bucket: bucket, Key: u.Key, UploadId: u.UploadId };
  if (u.Initiated) record.Initiated = isoTimestamp(u.Initiated);
  record.Status = u.Status;
  if (u.Verified !== undefined) record.Verified = u.Verified;
  if (u.Error) record.Error = { Code: u.Error.Code, Message: u.Error.Message };
  return `${JSON.stringify(record)}\n`;
}

/** The Summary as one line of JSON, for stderr when stdout cannot take the document. */
export function summaryLine(r: BulkResult): string {
  return JSON.stringify(summarize(r));
}

const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/**
 * How a bulk run ends: 128 + the signal's number when one stopped it; the listing's or the
 * stopping error's code when the run could not get through its selection; otherwise 0 when every
 * upload ended Aborted/AlreadyGone (or a dry run), 1 when some did not, 254 when none did and all
 * for service errors, 255 when none did otherwise.
 */
export function bulkExitCode(r: BulkResult): number {
  if (r.stopped && 'signal' in r.stopped) return SIGNAL_EXIT[r.stopped.signal] ?? 130;
  if (r.listing?.error !== undefined) return r.listing.error instanceof CliError ? r.listing.error.exitCode : EXIT_GENERAL;
  if (r.stopped) return 'endpointDown' in r.stopped ? r.stopped.endpointDown.exitCode : r.stopped.error.exitCode;
  const failed = r.uploads.filter((u) => u.Status === 'Failed' || u.Status === 'Skipped' || u.Status === 'Unconfirmed');
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

/**
 * A result of the shape this run will produce: one upload of each status it can end in, the
 * listing and the Summary. --query and the formatter are tried on it before the first request.
 */
export function sampleResult(
  flags: { allUploads: boolean; dryRun: boolean; verify: boolean; ignoreMissing: boolean },
  bucket: string,
): BulkResult {
  const when = new Date(Date.UTC(2026, 0, 1));
  const statuses: UploadOutcome['Status'][] = flags.dryRun
    ? flags.allUploads ? ['WouldAbort'] : ['WouldAbort', 'Failed', ...(flags.ignoreMissing ? (['AlreadyGone'] as const) : [])]
    : ['Aborted', ...(flags.ignoreMissing ? (['AlreadyGone'] as const) : []), 'Unconfirmed', 'Failed', 'Skipped'];
  const uploads = statuses.map((Status, i): UploadOutcome => {
    const u: UploadOutcome = { Key: `${bucket}-sample-${i}`, UploadId: `sample-${i}`, Status };
    if (flags.allUploads) u.Initiated = when;
    if (flags.verify && !flags.dryRun && Status !== 'Skipped') u.Verified = Status === 'Aborted' || Status === 'AlreadyGone';
    if (Status === 'Failed' || Status === 'Unconfirmed') u.Error = { Code: 'AccessDenied', Message: 'Access Denied' };
    return u;
  });
  return {
    dryRun: flags.dryRun,
    uploads,
    ...(flags.allUploads ? { cutoff: when, listing: { complete: true, pages: 1 } } : {}),
  };
}
