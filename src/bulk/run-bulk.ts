// Bulk cleanup: select in-progress multipart uploads (all of a bucket, or one), abort them with
// bounded concurrency while the listing goes on, optionally verify with ListParts that no part
// survived, and account for every selected upload exactly once whatever ends the run: a signal,
// a listing that fails partway, an endpoint that stops answering.
//
// What can never happen by accident: an upload initiated after the cutoff is never selected, and
// the cutoff is measured against S3's clock (the Date of the listing) when S3 sends one.

import { setMaxListeners } from 'node:events';
import { CliError, GeneralError, ServiceError, TransportError, UnreadableResponseError, UsageError } from '../errors.js';
import { Channel } from './channel.js';
import { defaultSleep, describeError, isNoSuchUpload, isRetriedByRun, isUnreachable, mayHaveApplied } from './failures.js';

export interface UploadRef {
  Key: string;
  UploadId: string;
  Initiated?: Date;
}

export interface BulkSession {
  abortMultipartUpload(input: {
    Bucket: string; Key: string; UploadId: string; RequestPayer?: string; ExpectedBucketOwner?: string; IfMatchInitiatedTime?: Date;
  }, signal?: AbortSignal): Promise<{ RequestCharged?: string }>;
  listMultipartUploads(input: {
    Bucket: string; Prefix?: string; KeyMarker?: string; UploadIdMarker?: string; MaxUploads?: number; RequestPayer?: string; ExpectedBucketOwner?: string;
  }, signal?: AbortSignal): Promise<{ uploads: UploadRef[]; truncated: boolean; nextKeyMarker?: string; nextUploadIdMarker?: string; serverDate?: Date }>;
  listParts(input: { Bucket: string; Key: string; UploadId: string; RequestPayer?: string; ExpectedBucketOwner?: string }, signal?: AbortSignal): Promise<{ parts: number }>;
}

/** Which uploads are old enough: older than an age (on S3's clock), or initiated before a time. */
export type Cutoff = { ageMs: number } | { before: Date };

export interface BulkOptions {
  bucket: string;
  /** one upload (single mode) or, with allUploads, a filter on the exact key */
  key?: string;
  uploadId?: string;
  allUploads: boolean;
  prefix?: string;
  /** with allUploads: select uploads initiated strictly before the cutoff */
  cutoff?: Cutoff;
  dryRun: boolean;
  concurrency: number;
  verify: boolean;
  verifyAttempts: number;
  ignoreMissing: boolean;
  requestPayer?: string;
  expectedBucketOwner?: string;
  ifMatchInitiatedTime?: Date;
  /** page size for ListMultipartUploads (S3's maximum is 1000) */
  pageSize?: number;
}

export type UploadStatus = 'Aborted' | 'AlreadyGone' | 'Unconfirmed' | 'Failed' | 'WouldAbort' | 'Skipped';

export interface UploadOutcome extends UploadRef {
  Status: UploadStatus | 'Pending';
  Verified?: boolean;
  Error?: { Code: string; Message: string };
  /** exit code of the error, to tell service errors from the rest */
  errorExit?: number;
}

export interface BulkProgress {
  selected: number;
  aborted: number;
  failed: number;
  unconfirmed: number;
  listingDone: boolean;
  /** the resolved cutoff, once the first listing page has come */
  cutoff?: Date;
}

export interface ListingState {
  complete: boolean;
  pages: number;
  /** what stopped the listing partway */
  error?: unknown;
}

/** Why a run ended before it had tried every selected upload. */
export type StopReason =
  | { signal: string }
  /** the endpoint stopped answering: a call got no answer while no other call got one */
  | { endpointDown: TransportError }
  /** the caller's own reason (the --log file could not be written) */
  | { error: CliError };

export interface BulkResult {
  dryRun: boolean;
  uploads: UploadOutcome[];
  /** with allUploads: the instant the cutoff resolved to */
  cutoff?: Date;
  /** with allUploads: how far the listing got */
  listing?: ListingState;
  stopped?: StopReason;
}

export interface BulkDeps {
  /** the first signal: start nothing new, let what is in flight finish */
  signal: AbortSignal;
  /** the second signal: cancel what is in flight */
  cancel?: AbortSignal;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  onProgress?: (p: BulkProgress) => void;
  /**
   * Each upload's outcome, as soon as it is known (and each selected upload of a dry run). When it
   * throws, the run stops as on a signal (StopReason.error).
   */
  onOutcome?: (u: UploadOutcome) => void;
  /** the local clock differs from S3's by more than CLOCK_SKEW_WARN_MS */
  onClockSkew?: (skewMs: number, serverDate: Date) => void;
  random?: () => number;
  /** the local clock, ms since the epoch */
  now?: () => number;
}

/** Between the local clock and S3's, a difference worth telling the operator about. */
export const CLOCK_SKEW_WARN_MS = 5 * 60_000;

/**
 * Rounds of our own on top of the client's retries (max_attempts), only for answers that say
 * "later" (SlowDown, 503, 500) and successes whose body could not be read: 1, 2 and 4 seconds
 * apart (with jitter). A call that got no answer is not tried again by the run: the client's
 * attempts already bound it.
 */
export const EXTRA_ROUNDS = 3;

/** The instant a cutoff stands for, given S3's clock (or the local one). */
function resolveCutoff(cutoff: Cutoff, now: number): Date {
  return 'before' in cutoff ? cutoff.before : new Date(now - cutoff.ageMs);
}

export async function runBulk(session: BulkSession, opts: BulkOptions, deps: BulkDeps): Promise<BulkResult> {
  const sleep = deps.sleep ?? defaultSleep;
  const random = deps.random ?? Math.random;
  const localNow = deps.now ?? Date.now;
  // two signals of our own: `stopping` (start nothing new; also ends our backoffs) and
  // `cancelling` (every request in flight listens: one derived signal that may have many
  // listeners, instead of Node's MaxListenersExceededWarning on stderr past 10 requests)
  const stopper = new AbortController();
  const canceller = new AbortController();
  const stopping = stopper.signal;
  const cancelling = canceller.signal;
  setMaxListeners(0, cancelling);
  let stopped: StopReason | undefined;
  const stop = (why: StopReason) => {
    stopped ??= why;
    stopper.abort();
  };
  const onSignal = () => stop({ signal: String(deps.signal.reason ?? 'SIGINT') });
  const onCancel = () => {
    onSignal();
    canceller.abort();
  };
  if (deps.signal.aborted) onSignal();
  else deps.signal.addEventListener('abort', onSignal, { once: true });
  if (deps.cancel?.aborted) onCancel();
  else deps.cancel?.addEventListener('abort', onCancel, { once: true });

  const uploads: UploadOutcome[] = [];
  const progress: BulkProgress = { selected: 0, aborted: 0, failed: 0, unconfirmed: 0, listingDone: false };
  const tick = () => deps.onProgress?.(progress);
  const channel = new Channel<UploadOutcome>(Math.max(opts.concurrency, 1) * 2);
  const common = {
    ...(opts.requestPayer !== undefined ? { RequestPayer: opts.requestPayer } : {}),
    ...(opts.expectedBucketOwner !== undefined ? { ExpectedBucketOwner: opts.expectedBucketOwner } : {}),
  };
  const listing: ListingState = { complete: false, pages: 0 };
  let cutoff: Date | undefined;
  /** how many calls S3 has answered (with success or an error) */
  let answers = 0;

  const settle = (u: UploadOutcome, status: UploadStatus) => {
    u.Status = status;
    if (status === 'Aborted' || status === 'AlreadyGone') progress.aborted++;
    else if (status === 'Failed') progress.failed++;
    else if (status === 'Unconfirmed') progress.unconfirmed++;
    try {
      deps.onOutcome?.(u);
    } catch (e) {
      // the record of what was done cannot be kept: start nothing more
      stop({ error: e instanceof CliError ? e : new GeneralError(String((e as Error)?.message ?? e)) });
    }
    tick();
  };

  /**
   * Runs one request; again after a backoff when S3 answered "later" past the client's own
   * retries (EXTRA_ROUNDS); stops the run when the endpoint no longer answers anyone. `history`
   * collects whether an earlier round may have been carried out.
   */
  const call = async <T>(request: () => Promise<T>, history: { mayHaveApplied: boolean } = { mayHaveApplied: false }): Promise<T> => {
    for (let round = 0; ; round++) {
      const answeredBefore = answers;
      try {
        const out = await request();
        answers++;
        return out;
      } catch (e) {
        if (e instanceof ServiceError || e instanceof UnreadableResponseError) answers++;
        // a success status whose body could not be read: S3 did it
        if (mayHaveApplied(e) || e instanceof UnreadableResponseError) history.mayHaveApplied = true;
        // a dead endpoint, or one that never answers, ends the run within one call's bound
        if (isUnreachable(e) && answers === answeredBefore) stop({ endpointDown: e });
        if (stopping.aborted || round >= EXTRA_ROUNDS || !isRetriedByRun(e)) throw e;
        await sleep(Math.min(1000 * 2 ** round, 8000) * (0.5 + random() / 2), stopping);
        if (stopping.aborted) throw e;
      }
    }
  };

  const select = async (u: UploadRef) => {
    // a literal of the fields kept (not a spread of the listing's object): half the memory per
    // upload, and a run keeps every selected upload to the end
    const outcome: UploadOutcome = u.Initiated
      ? { Key: u.Key, UploadId: u.UploadId, Initiated: u.Initiated, Status: 'Pending' }
      : { Key: u.Key, UploadId: u.UploadId, Status: 'Pending' };
    uploads.push(outcome);
    progress.selected++;
    tick();
    await channel.put(outcome);
  };

  /** On the first page: the local clock's skew, and the cutoff on S3's clock (when S3 sent a Date). */
  const fixCutoff = (serverDate: Date | undefined) => {
    const local = localNow();
    if (serverDate) {
      const skew = serverDate.getTime() - local;
      // an HTTP date has whole seconds: a second's difference is only the rounding
      if (Math.abs(skew) > CLOCK_SKEW_WARN_MS) deps.onClockSkew?.(skew, serverDate);
    }
    const now = serverDate?.getTime() ?? local;
    const c = opts.cutoff;
    if (c === undefined) return;
    const at = resolveCutoff(c, now);
    if ('before' in c && at.getTime() > now) {
      throw new UsageError(`The --older-than time ${at.toISOString()} is after S3's clock (${new Date(now).toISOString()}): uploads started a second ago would be selected.`);
    }
    cutoff = at;
    progress.cutoff = at;
  };

  const produce = async () => {
    try {
      if (!opts.allUploads) {
        await select({ Key: opts.key ?? '', UploadId: opts.uploadId ?? '' });
        return;
      }
      // directory buckets page by key-marker only
      const directory = opts.bucket.endsWith('--x-s3');
      let keyMarker: string | undefined;
      let uploadIdMarker: string | undefined;
      const prefix = opts.key ?? opts.prefix;
      // --older-than 0s selects every upload, whatever S3's clock says of the newest
      const everything = opts.cutoff === undefined || ('ageMs' in opts.cutoff && opts.cutoff.ageMs <= 0);
      let first = true;
      for (;;) {
        if (stopping.aborted) return;
        const input = {
          Bucket: opts.bucket,
          ...(prefix !== undefined ? { Prefix: prefix } : {}),
          ...(keyMarker !== undefined ? { KeyMarker: keyMarker } : {}),
          ...(uploadIdMarker !== undefined && !directory ? { UploadIdMarker: uploadIdMarker } : {}),
          MaxUploads: opts.pageSize ?? 1000,
          ...common,
        };
        const page = await call(() => session.listMultipartUploads(input, cancelling));
        listing.pages++;
        if (first) fixCutoff(page.serverDate);
        first = false;
        const before = cutoff?.getTime() ?? Infinity;
        for (const u of page.uploads) {
          if (stopping.aborted) return;
          if (opts.key !== undefined && u.Key !== opts.key) continue;
          if (opts.prefix !== undefined && !u.Key.startsWith(opts.prefix)) continue;
          if (!everything && !(u.Initiated && u.Initiated.getTime() < before)) continue;
          await select(u);
        }
        if (!page.truncated) {
          listing.complete = true;
          return;
        }
        const nextKey = page.nextKeyMarker ?? page.uploads.at(-1)?.Key;
        const nextId = page.nextUploadIdMarker ?? page.uploads.at(-1)?.UploadId;
        if (nextKey === undefined || (nextKey === keyMarker && nextId === uploadIdMarker)) {
          throw new GeneralError('ListMultipartUploads reported more uploads but gave no marker to continue from');
        }
        keyMarker = nextKey;
        uploadIdMarker = nextId;
      }
    } catch (e) {
      // a signal's cancellation is not the listing's failure
      if (!(cancelling.aborted && e instanceof TransportError && e.failure === 'cancelled')) listing.error = e;
    } finally {
      progress.listingDone = true;
      channel.close();
      tick();
    }
  };

  /** 'done': S3 confirmed the abort; otherwise the NoSuchUpload error S3 answered. */
  const abortOnce = async (u: UploadOutcome, history: { mayHaveApplied: boolean }): Promise<'done' | ServiceError> => {
    try {
      await call(
        () =>
          session.abortMultipartUpload(
            {
              Bucket: opts.bucket, Key: u.Key, UploadId: u.UploadId, ...common,
              ...(opts.ifMatchInitiatedTime !== undefined ? { IfMatchInitiatedTime: opts.ifMatchInitiatedTime } : {}),
            },
            cancelling,
          ),
        history,
      );
      return 'done';
    } catch (e) {
      // an earlier attempt of ours got no answer: it most likely took effect (a reset after S3
      // applied the abort), so the upload is gone because of us and was not already gone (the
      // client's own retries count too: a reset, then NoSuchUpload on its retry)
      if (isNoSuchUpload(e)) return history.mayHaveApplied ? 'done' : e;
      // the same, when the retry's NoSuchUpload came cut short: a 404 whose body named no code
      // (every 404 S3 gives this request means the upload, or its whole bucket, is gone)
      if (history.mayHaveApplied && e instanceof ServiceError && e.httpStatus === 404 && e.code === '404') return 'done';
      throw e;
    }
  };

  /** ListParts until no part is listed, aborting again between checks. */
  const verify = async (u: UploadOutcome, history: { mayHaveApplied: boolean }): Promise<boolean | 'stopped'> => {
    for (let attempt = 1; attempt <= opts.verifyAttempts; attempt++) {
      let parts: number;
      try {
        parts = (await call(() => session.listParts({ Bucket: opts.bucket, Key: u.Key, UploadId: u.UploadId, ...common }, cancelling))).parts;
      } catch (e) {
        if (isNoSuchUpload(e)) return true;
        throw e;
      }
      if (parts === 0) return true;
      if (attempt === opts.verifyAttempts) return false;
      // a part upload that was in flight during the abort can still land: abort again
      await sleep(Math.min(200 * 2 ** (attempt - 1), 5000) * (0.5 + random() / 2), stopping);
      if (stopping.aborted) return 'stopped';
      await abortOnce(u, history);
    }
    return false;
  };

  /** A single upload's dry run asks S3 (read-only) whether the upload exists. */
  const checkExists = async (u: UploadOutcome) => {
    try {
      await call(() => session.listParts({ Bucket: opts.bucket, Key: u.Key, UploadId: u.UploadId, ...common }, cancelling));
      settle(u, 'WouldAbort');
    } catch (e) {
      if (isNoSuchUpload(e) && opts.ignoreMissing) return settle(u, 'AlreadyGone');
      fail(u, e, { mayHaveApplied: false });
    }
  };

  const fail = (u: UploadOutcome, e: unknown, history: { mayHaveApplied: boolean }) => {
    const d = describeError(e);
    u.Error = { Code: d.Code, Message: d.Message };
    u.errorExit = d.exit;
    if (opts.verify && !opts.dryRun) u.Verified = false;
    // sent and never answered, or answered "later" after an attempt that was never answered:
    // S3 may have carried it out. Failed means S3 said no (or it never reached S3).
    const unanswered = e instanceof TransportError || (e instanceof ServiceError && (e.httpStatus ?? 0) >= 500);
    if (unanswered && (history.mayHaveApplied || mayHaveApplied(e))) return settle(u, 'Unconfirmed');
    if (e instanceof TransportError && e.failure === 'cancelled') {
      // cancelled before anything reached S3
      delete u.Error;
      delete u.errorExit;
      delete u.Verified;
      return settle(u, 'Skipped');
    }
    settle(u, 'Failed');
  };

  const work = async () => {
    for (;;) {
      const u = await channel.take();
      if (u === undefined) return;
      if (stopping.aborted) {
        settle(u, 'Skipped');
        continue;
      }
      if (opts.dryRun) {
        if (opts.allUploads) settle(u, 'WouldAbort');
        else await checkExists(u);
        continue;
      }
      const history = { mayHaveApplied: false };
      let first: 'done' | ServiceError;
      try {
        first = await abortOnce(u, history);
        if (first !== 'done' && !opts.ignoreMissing) throw first;
      } catch (e) {
        fail(u, e, history);
        continue;
      }
      const status = first === 'done' ? 'Aborted' : 'AlreadyGone';
      if (opts.verify) {
        // the abort is confirmed: what happens now only decides whether it is verified
        let ok: boolean | 'stopped';
        try {
          ok = await verify(u, history);
        } catch (e) {
          if (e instanceof TransportError && e.failure === 'cancelled') ok = 'stopped';
          else {
            u.Verified = false;
            const d = describeError(e);
            u.Error = { Code: d.Code, Message: d.Message };
            u.errorExit = d.exit;
            settle(u, 'Failed');
            continue;
          }
        }
        // stopped between checks: the abort was confirmed, the parts not yet
        u.Verified = ok === true;
        if (ok === false) {
          u.Error = { Code: 'PartsRemain', Message: `parts were still listed after ${opts.verifyAttempts} checks` };
          settle(u, 'Failed');
          continue;
        }
      }
      settle(u, status);
    }
  };

  try {
    const workers = Array.from({ length: Math.max(1, opts.concurrency) }, work);
    await Promise.all([produce(), ...workers]);
  } finally {
    deps.signal.removeEventListener('abort', onSignal);
    deps.cancel?.removeEventListener('abort', onCancel);
  }
  for (const u of channel.drain()) settle(u, 'Skipped');
  for (const u of uploads) if (u.Status === 'Pending') settle(u, 'Skipped');
  return {
    dryRun: opts.dryRun,
    uploads,
    ...(opts.allUploads ? { listing, ...(cutoff ? { cutoff } : {}) } : {}),
    ...(stopped ? { stopped } : {}),
  };
}
