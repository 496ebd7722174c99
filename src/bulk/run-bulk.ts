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
  return new BulkRun(session, opts, deps).run();
}

/** Whether an earlier round of a call may have been carried out by S3. */
interface History {
  mayHaveApplied: boolean;
}

/** One run's state: the selected uploads, the listing, the cutoff, and the two signals of its own. */
class BulkRun {
  private readonly sleep: NonNullable<BulkDeps['sleep']>;
  private readonly random: () => number;
  private readonly localNow: () => number;
  // two signals of our own: `stopping` (start nothing new; also ends our backoffs) and
  // `cancelling` (every request in flight listens: one derived signal that may have many
  // listeners, instead of Node's MaxListenersExceededWarning on stderr past 10 requests)
  private readonly stopper = new AbortController();
  private readonly canceller = new AbortController();
  private readonly uploads: UploadOutcome[] = [];
  private readonly progress: BulkProgress = { selected: 0, aborted: 0, failed: 0, unconfirmed: 0, listingDone: false };
  private readonly channel: Channel<UploadOutcome>;
  private readonly listing: ListingState = { complete: false, pages: 0 };
  private readonly common: { RequestPayer?: string; ExpectedBucketOwner?: string };
  private stopped: StopReason | undefined;
  private cutoff: Date | undefined;
  /** how many calls S3 has answered (with success or an error) */
  private answers = 0;

  constructor(
    private readonly session: BulkSession,
    private readonly opts: BulkOptions,
    private readonly deps: BulkDeps,
  ) {
    this.sleep = deps.sleep ?? defaultSleep;
    this.random = deps.random ?? Math.random;
    this.localNow = deps.now ?? Date.now;
    setMaxListeners(0, this.canceller.signal);
    this.channel = new Channel<UploadOutcome>(Math.max(opts.concurrency, 1) * 2);
    this.common = {
      ...(opts.requestPayer !== undefined ? { RequestPayer: opts.requestPayer } : {}),
      ...(opts.expectedBucketOwner !== undefined ? { ExpectedBucketOwner: opts.expectedBucketOwner } : {}),
    };
  }

  private get stopping(): AbortSignal {
    return this.stopper.signal;
  }

  private get cancelling(): AbortSignal {
    return this.canceller.signal;
  }

  private stop(why: StopReason): void {
    this.stopped ??= why;
    this.stopper.abort();
  }

  private readonly onSignal = () => this.stop({ signal: String(this.deps.signal.reason ?? 'SIGINT') });

  private readonly onCancel = () => {
    this.onSignal();
    this.canceller.abort();
  };

  async run(): Promise<BulkResult> {
    const { deps, opts } = this;
    if (deps.signal.aborted) this.onSignal();
    else deps.signal.addEventListener('abort', this.onSignal, { once: true });
    if (deps.cancel?.aborted) this.onCancel();
    else deps.cancel?.addEventListener('abort', this.onCancel, { once: true });
    try {
      const workers = Array.from({ length: Math.max(1, opts.concurrency) }, () => this.work());
      await Promise.all([this.produce(), ...workers]);
    } finally {
      deps.signal.removeEventListener('abort', this.onSignal);
      deps.cancel?.removeEventListener('abort', this.onCancel);
    }
    for (const u of this.channel.drain()) this.settle(u, 'Skipped');
    for (const u of this.uploads) if (u.Status === 'Pending') this.settle(u, 'Skipped');
    return {
      dryRun: opts.dryRun,
      uploads: this.uploads,
      ...(opts.allUploads ? { listing: this.listing, ...(this.cutoff ? { cutoff: this.cutoff } : {}) } : {}),
      ...(this.stopped ? { stopped: this.stopped } : {}),
    };
  }

  private tick(): void {
    this.deps.onProgress?.(this.progress);
  }

  private settle(u: UploadOutcome, status: UploadStatus): void {
    u.Status = status;
    if (status === 'Aborted' || status === 'AlreadyGone') this.progress.aborted++;
    else if (status === 'Failed') this.progress.failed++;
    else if (status === 'Unconfirmed') this.progress.unconfirmed++;
    try {
      this.deps.onOutcome?.(u);
    } catch (e) {
      // the record of what was done cannot be kept: start nothing more
      this.stop({ error: e instanceof CliError ? e : new GeneralError(String((e as Error)?.message ?? e)) });
    }
    this.tick();
  }

  /**
   * Runs one request; again after a backoff when S3 answered "later" past the client's own
   * retries (EXTRA_ROUNDS); stops the run when the endpoint no longer answers anyone. `history`
   * collects whether an earlier round may have been carried out.
   */
  private async call<T>(request: () => Promise<T>, history: History = { mayHaveApplied: false }): Promise<T> {
    for (let round = 0; ; round++) {
      const answeredBefore = this.answers;
      try {
        const out = await request();
        this.answers++;
        return out;
      } catch (e) {
        if (e instanceof ServiceError || e instanceof UnreadableResponseError) this.answers++;
        // a success status whose body could not be read: S3 did it
        if (mayHaveApplied(e) || e instanceof UnreadableResponseError) history.mayHaveApplied = true;
        // a dead endpoint, or one that never answers, ends the run within one call's bound
        if (isUnreachable(e) && this.answers === answeredBefore) this.stop({ endpointDown: e });
        if (this.stopping.aborted || round >= EXTRA_ROUNDS || !isRetriedByRun(e)) throw e;
        await this.sleep(Math.min(1000 * 2 ** round, 8000) * (0.5 + this.random() / 2), this.stopping);
        if (this.stopping.aborted) throw e;
      }
    }
  }

  private async select(u: UploadRef): Promise<void> {
    // a literal of the fields kept (not a spread of the listing's object): half the memory per
    // upload, and a run keeps every selected upload to the end
    const outcome: UploadOutcome = u.Initiated
      ? { Key: u.Key, UploadId: u.UploadId, Initiated: u.Initiated, Status: 'Pending' }
      : { Key: u.Key, UploadId: u.UploadId, Status: 'Pending' };
    this.uploads.push(outcome);
    this.progress.selected++;
    this.tick();
    await this.channel.put(outcome);
  }

  /** On the first page: the local clock's skew, and the cutoff on S3's clock (when S3 sent a Date). */
  private fixCutoff(serverDate: Date | undefined): void {
    const local = this.localNow();
    if (serverDate) {
      const skew = serverDate.getTime() - local;
      // an HTTP date has whole seconds: a second's difference is only the rounding
      if (Math.abs(skew) > CLOCK_SKEW_WARN_MS) this.deps.onClockSkew?.(skew, serverDate);
    }
    const now = serverDate?.getTime() ?? local;
    const c = this.opts.cutoff;
    if (c === undefined) return;
    const at = resolveCutoff(c, now);
    if ('before' in c && at.getTime() > now) {
      throw new UsageError(`The --older-than time ${at.toISOString()} is after S3's clock (${new Date(now).toISOString()}): uploads started a second ago would be selected.`);
    }
    this.cutoff = at;
    this.progress.cutoff = at;
  }

  /** Whether a listed upload is one the run aborts. */
  private selects(u: UploadRef, everything: boolean): boolean {
    const { opts } = this;
    if (opts.key !== undefined && u.Key !== opts.key) return false;
    if (opts.prefix !== undefined && !u.Key.startsWith(opts.prefix)) return false;
    // --older-than 0s selects every upload, whatever S3's clock says of the newest
    return everything || (u.Initiated !== undefined && u.Initiated.getTime() < (this.cutoff?.getTime() ?? Infinity));
  }

  /** Selects the uploads: the one named, or the listing's, page after page. */
  private async produce(): Promise<void> {
    try {
      if (!this.opts.allUploads) await this.select({ Key: this.opts.key ?? '', UploadId: this.opts.uploadId ?? '' });
      else await this.listAll();
    } catch (e) {
      // a signal's cancellation is not the listing's failure
      if (!(this.cancelling.aborted && e instanceof TransportError && e.failure === 'cancelled')) this.listing.error = e;
    } finally {
      this.progress.listingDone = true;
      this.channel.close();
      this.tick();
    }
  }

  private async listAll(): Promise<void> {
    const { opts } = this;
    // directory buckets page by key-marker only
    const directory = opts.bucket.endsWith('--x-s3');
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    const prefix = opts.key ?? opts.prefix;
    const everything = opts.cutoff === undefined || ('ageMs' in opts.cutoff && opts.cutoff.ageMs <= 0);
    for (;;) {
      if (this.stopping.aborted) return;
      const input = {
        Bucket: opts.bucket,
        ...(prefix !== undefined ? { Prefix: prefix } : {}),
        ...(keyMarker !== undefined ? { KeyMarker: keyMarker } : {}),
        ...(uploadIdMarker !== undefined && !directory ? { UploadIdMarker: uploadIdMarker } : {}),
        MaxUploads: opts.pageSize ?? 1000,
        ...this.common,
      };
      const page = await this.call(() => this.session.listMultipartUploads(input, this.cancelling));
      if (this.listing.pages++ === 0) this.fixCutoff(page.serverDate);
      for (const u of page.uploads) {
        if (this.stopping.aborted) return;
        if (this.selects(u, everything)) await this.select(u);
      }
      if (!page.truncated) {
        this.listing.complete = true;
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
  }

  /** 'done': S3 confirmed the abort; otherwise the NoSuchUpload error S3 answered. */
  private async abortOnce(u: UploadOutcome, history: History): Promise<'done' | ServiceError> {
    const { opts } = this;
    const input = {
      Bucket: opts.bucket, Key: u.Key, UploadId: u.UploadId, ...this.common,
      ...(opts.ifMatchInitiatedTime !== undefined ? { IfMatchInitiatedTime: opts.ifMatchInitiatedTime } : {}),
    };
    try {
      await this.call(() => this.session.abortMultipartUpload(input, this.cancelling), history);
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
  }

  private listParts(u: UploadOutcome): Promise<{ parts: number }> {
    return this.call(() => this.session.listParts({ Bucket: this.opts.bucket, Key: u.Key, UploadId: u.UploadId, ...this.common }, this.cancelling));
  }

  /** ListParts until no part is listed, aborting again between checks. */
  private async verify(u: UploadOutcome, history: History): Promise<boolean | 'stopped'> {
    const attempts = this.opts.verifyAttempts;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let parts: number;
      try {
        parts = (await this.listParts(u)).parts;
      } catch (e) {
        if (isNoSuchUpload(e)) return true;
        throw e;
      }
      if (parts === 0) return true;
      if (attempt === attempts) return false;
      // a part upload that was in flight during the abort can still land: abort again
      await this.sleep(Math.min(200 * 2 ** (attempt - 1), 5000) * (0.5 + this.random() / 2), this.stopping);
      if (this.stopping.aborted) return 'stopped';
      await this.abortOnce(u, history);
    }
    return false;
  }

  /** A single upload's dry run asks S3 (read-only) whether the upload exists. */
  private async checkExists(u: UploadOutcome): Promise<void> {
    try {
      await this.listParts(u);
      this.settle(u, 'WouldAbort');
    } catch (e) {
      if (isNoSuchUpload(e) && this.opts.ignoreMissing) {
        this.settle(u, 'AlreadyGone');
        return;
      }
      this.fail(u, e, { mayHaveApplied: false });
    }
  }

  private record(u: UploadOutcome, e: unknown): void {
    const d = describeError(e);
    u.Error = { Code: d.Code, Message: d.Message };
    u.errorExit = d.exit;
  }

  /** An abort that did not succeed: Unconfirmed when S3 may have carried it out, Failed when S3 said no. */
  private fail(u: UploadOutcome, e: unknown, history: History): void {
    this.record(u, e);
    if (this.opts.verify && !this.opts.dryRun) u.Verified = false;
    // sent and never answered, or answered "later" after an attempt that was never answered:
    // S3 may have carried it out. Failed means S3 said no (or it never reached S3).
    const unanswered = e instanceof TransportError || (e instanceof ServiceError && (e.httpStatus ?? 0) >= 500);
    if (unanswered && (history.mayHaveApplied || mayHaveApplied(e))) {
      this.settle(u, 'Unconfirmed');
      return;
    }
    if (e instanceof TransportError && e.failure === 'cancelled') {
      // cancelled before anything reached S3
      delete u.Error;
      delete u.errorExit;
      delete u.Verified;
      this.settle(u, 'Skipped');
      return;
    }
    this.settle(u, 'Failed');
  }

  private async work(): Promise<void> {
    for (;;) {
      const u = await this.channel.take();
      if (u === undefined) return;
      if (this.stopping.aborted) this.settle(u, 'Skipped');
      else if (!this.opts.dryRun) await this.abortAndVerify(u);
      else if (this.opts.allUploads) this.settle(u, 'WouldAbort');
      else await this.checkExists(u);
    }
  }

  private async abortAndVerify(u: UploadOutcome): Promise<void> {
    const history: History = { mayHaveApplied: false };
    let first: 'done' | ServiceError;
    try {
      first = await this.abortOnce(u, history);
      if (first !== 'done' && !this.opts.ignoreMissing) throw first;
    } catch (e) {
      this.fail(u, e, history);
      return;
    }
    const status = first === 'done' ? 'Aborted' : 'AlreadyGone';
    if (!this.opts.verify) {
      this.settle(u, status);
      return;
    }
    // the abort is confirmed: what happens now only decides whether it is verified
    let ok: boolean | 'stopped';
    try {
      ok = await this.verify(u, history);
    } catch (e) {
      if (!(e instanceof TransportError && e.failure === 'cancelled')) {
        u.Verified = false;
        this.record(u, e);
        this.settle(u, 'Failed');
        return;
      }
      ok = 'stopped';
    }
    // stopped between checks: the abort was confirmed, the parts not yet
    u.Verified = ok === true;
    if (ok !== false) {
      this.settle(u, status);
      return;
    }
    u.Error = { Code: 'PartsRemain', Message: `parts were still listed after ${this.opts.verifyAttempts} checks` };
    this.settle(u, 'Failed');
  }
}
