// A bulk run (s3abort's own options): select uploads, abort them with bounded concurrency, and
// report every one of them, whatever ends the run (src/bulk/run-bulk.ts does the work).

import { bulkExitCode, logRecord, resultDocument, sampleResult, writeResultJson } from '../bulk/bulk-result.js';
import { createProgressLine } from '../bulk/progress.js';
import { type BulkResult, runBulk } from '../bulk/run-bulk.js';
import { CliError, GeneralError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import type { Command, Run } from '../pipeline/context.js';
import type { Display } from '../pipeline/display.js';
import { createSession } from '../pipeline/endpoint.js';
import { pyOsErrorText } from '../py/errno.js';

/** Selected uploads from which a bulk run counts as large (Deps.largeRun). */
export const LARGE_RUN = 10_000;

export async function runBulkMode(run: Run, cmd: Command, display: Display): Promise<number> {
  const { io, deps, state } = run;
  const { bulk, input } = cmd;
  const keyFilter = bulk.allUploads && cmd.keyGiven ? input.key : undefined;
  if (bulk.allUploads && input.ifMatchInitiatedTime !== undefined) {
    // from --cli-input-json/yaml (the flag itself is refused with argv): one initiation time
    // cannot match every listed upload, so all but one abort would fail
    throw new UsageError('IfMatchInitiatedTime cannot be used with --all-uploads');
  }
  // a --query or an output that cannot take the result fails now, before anything is aborted,
  // with the text and exit code it would have had after
  await display.render(resultDocument(sampleResult(bulk, input.bucket)));
  const log = bulk.log !== undefined ? openLog(io, bulk.log) : undefined;
  const progress = io.stderr.isTTY ? createProgressLine(io) : undefined;
  let large = false;
  const session = await createSession(deps, cmd.cfg);
  state.bulkActive = true;
  const release = deps.holdTermination?.();
  let result: BulkResult;
  try {
    result = await runBulk(
      session,
      {
        bucket: input.bucket,
        ...(keyFilter !== undefined ? { key: keyFilter } : {}),
        ...(!bulk.allUploads ? { key: input.key, uploadId: input.uploadId } : {}),
        allUploads: bulk.allUploads,
        ...(bulk.prefix !== undefined ? { prefix: bulk.prefix } : {}),
        ...(bulk.cutoff !== undefined ? { cutoff: bulk.cutoff } : {}),
        dryRun: bulk.dryRun,
        concurrency: bulk.concurrency,
        verify: bulk.verify,
        verifyAttempts: bulk.verifyAttempts,
        ignoreMissing: bulk.ignoreMissing,
        ...(input.requestPayer !== undefined ? { requestPayer: input.requestPayer } : {}),
        ...(input.expectedBucketOwner !== undefined ? { expectedBucketOwner: input.expectedBucketOwner } : {}),
        ...(input.ifMatchInitiatedTime !== undefined ? { ifMatchInitiatedTime: input.ifMatchInitiatedTime } : {}),
      },
      {
        signal: io.signal,
        cancel: io.cancel,
        now: () => io.now(),
        onProgress: (p) => {
          progress?.update(p);
          if (!large && p.selected >= LARGE_RUN) {
            large = true;
            void Promise.resolve(deps.largeRun?.()).catch(() => {});
          }
        },
        ...(log ? { onOutcome: (u) => log.write(logRecord(input.bucket, u, new Date(io.now()))) } : {}),
        onClockSkew: (skew, serverDate) => {
          progress?.clear();
          io.stderr.write(`${io.prog}: warning: ${clockSkewText(skew)} (S3's Date: ${serverDate.toUTCString()}); ages are measured against S3's clock\n`);
        },
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
      },
    );
  } finally {
    release?.();
    log?.close();
    session.destroy();
  }
  progress?.done();
  state.bulkResult = result;
  // nothing was selected before the listing failed: the error, as the single operation's
  if (result.listing?.error !== undefined && result.uploads.length === 0 && !result.stopped) throw result.listing.error;
  // json without --query or a pager: the document is written as it is made
  if (display.format === 'json' && cmd.query === undefined && !display.paged) writeResultJson(result, (chunk) => io.stdout.write(chunk));
  else await display.show(resultDocument(result));
  const code = bulkExitCode(result);
  const signal = result.stopped && 'signal' in result.stopped ? result.stopped.signal : undefined;
  // awscli errorhandler.py: KeyboardInterrupt writes a newline to stdout
  if (signal === 'SIGINT') io.stdout.write('\n');
  if (signal === undefined) {
    // what kept the run from its end, as the AWS CLI words the error
    const stopped = result.stopped;
    const why = result.listing?.error ?? (stopped === undefined ? undefined : 'endpointDown' in stopped ? stopped.endpointDown : 'error' in stopped ? stopped.error : undefined);
    if (why !== undefined) io.stderr.write(why instanceof CliError ? why.render() : `\n${String((why as Error)?.message ?? why)}\n`);
  }
  return code;
}

/** --log FILE, opened before anything is sent; a file that cannot be written stops the run. */
function openLog(io: Io, path: string): { write: (line: string) => void; close: () => void } {
  let file: ReturnType<Io['openAppend']>;
  try {
    file = io.openAppend(path);
  } catch (e) {
    throw new UsageError(`Unable to open the --log file: ${pyOsErrorText(e, path)}`);
  }
  return {
    write: (line) => {
      try {
        file.write(line);
      } catch (e) {
        throw new GeneralError(`The --log file could not be written: ${pyOsErrorText(e, path)}`);
      }
    },
    close: () => {
      try {
        file.close();
      } catch {
        // every record was written when it was made
      }
    },
  };
}

function clockSkewText(skewMs: number): string {
  const s = Math.round(Math.abs(skewMs) / 1000);
  const text = s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `this machine's clock is ${text} ${skewMs > 0 ? 'behind' : 'ahead of'} S3's`;
}
