// Bulk cleanup: select in-progress multipart uploads (all of a bucket, or one), abort them with
// bounded concurrency while the listing goes on, optionally verify with ListParts that no part
// survived, and account for every selected upload exactly once whatever fails.

import { setMaxListeners } from 'node:events';
import { CliError, ConfigError, GeneralError, ServiceError } from '../errors.js';

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
  }, signal?: AbortSignal): Promise<{ uploads: UploadRef[]; truncated: boolean; nextKeyMarker?: string; nextUploadIdMarker?: string }>;
  listParts(input: { Bucket: string; Key: string; UploadId: string; RequestPayer?: string; ExpectedBucketOwner?: string }, signal?: AbortSignal): Promise<{ parts: number }>;
}

export interface BulkOptions {
  bucket: string;
  /** one upload (single mode) or, with allUploads, a filter on the exact key */
  key?: string;
  uploadId?: string;
  allUploads: boolean;
  prefix?: string;
  /** select uploads initiated strictly before this instant */
  olderThan?: Date;
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

export type UploadStatus = 'Aborted' | 'AlreadyGone' | 'Failed' | 'WouldAbort' | 'Skipped';

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
  listingDone: boolean;
}

export interface BulkResult {
  dryRun: boolean;
  uploads: UploadOutcome[];
  /** an error that stopped the listing (the run still reports what it did) */
  listingError?: unknown;
  interrupted: boolean;
}

export interface BulkDeps {
  signal: AbortSignal;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  onProgress?: (p: BulkProgress) => void;
  random?: () => number;
}

const RETRYABLE_CODES = new Set(['SlowDown', 'InternalError', 'ServiceUnavailable', 'RequestTimeout', 'Throttling', 'ThrottlingException', 'RequestThrottled', 'TooManyRequestsException', '500', '502', '503', '504']);

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function describe(err: unknown): { Code: string; Message: string; exit: number } {
  if (err instanceof ServiceError) return { Code: err.code, Message: err.serviceMessage, exit: err.exitCode };
  // not constructor.name: the bundler renames classes
  if (err instanceof GeneralError) return { Code: 'RequestFailed', Message: err.message, exit: err.exitCode };
  if (err instanceof ConfigError) return { Code: 'ConfigurationError', Message: err.message, exit: err.exitCode };
  if (err instanceof CliError) return { Code: 'Error', Message: err.message, exit: err.exitCode };
  const e = err as Error;
  return { Code: e?.name ?? 'Error', Message: e?.message ?? String(err), exit: 255 };
}

function isRetryable(err: unknown): boolean {
  if (err instanceof ServiceError) return RETRYABLE_CODES.has(err.code) || (err.httpStatus !== undefined && err.httpStatus >= 500);
  // connection failures, resets and timeouts: the SDK already retried them, try again later
  return err instanceof GeneralError;
}

function isNoSuchUpload(err: unknown): err is ServiceError {
  return err instanceof ServiceError && err.code === 'NoSuchUpload';
}

/** Rounds of our own on top of the client's retries, for errors that outlived them. */
const EXTRA_ROUNDS = 3;

/** An async queue whose producer waits while it is full. */
class Channel<T> {
  private items: T[] = [];
  private closed = false;
  private takers: (() => void)[] = [];
  private putters: (() => void)[] = [];
  constructor(private readonly capacity: number) {}
  async put(item: T): Promise<void> {
    while (this.items.length >= this.capacity && !this.closed) await new Promise<void>((r) => this.putters.push(r));
    this.items.push(item);
    this.takers.shift()?.();
  }
  async take(): Promise<T | undefined> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) {
        this.putters.shift()?.();
        return item;
      }
      if (this.closed) return undefined;
      await new Promise<void>((r) => this.takers.push(r));
    }
  }
  close(): void {
    this.closed = true;
    for (const t of this.takers.splice(0)) t();
    for (const p of this.putters.splice(0)) p();
  }
  drain(): T[] {
    return this.items.splice(0);
  }
}

export async function runBulk(session: BulkSession, opts: BulkOptions, deps: BulkDeps): Promise<BulkResult> {
  const sleep = deps.sleep ?? defaultSleep;
  const random = deps.random ?? Math.random;
  // every request in flight listens on the signal: one derived signal that may have many
  // listeners, instead of Node's MaxListenersExceededWarning on stderr past 10 requests
  const controller = new AbortController();
  const signal = controller.signal;
  setMaxListeners(0, signal);
  const stop = () => controller.abort(deps.signal.reason);
  if (deps.signal.aborted) stop();
  else deps.signal.addEventListener('abort', stop, { once: true });
  const uploads: UploadOutcome[] = [];
  const progress: BulkProgress = { selected: 0, aborted: 0, failed: 0, listingDone: false };
  const tick = () => deps.onProgress?.(progress);
  const channel = new Channel<UploadOutcome>(Math.max(opts.concurrency, 1) * 2);
  const common = {
    ...(opts.requestPayer !== undefined ? { RequestPayer: opts.requestPayer } : {}),
    ...(opts.expectedBucketOwner !== undefined ? { ExpectedBucketOwner: opts.expectedBucketOwner } : {}),
  };
  let listingError: unknown;

  /**
   * Runs one request, again after a backoff when it fails with a transient error that the
   * client's own retries did not get past. `failures` counts the transient failures seen.
   */
  const withRetries = async <T>(call: () => Promise<T>, failures: { count: number } = { count: 0 }): Promise<T> => {
    for (let round = 0; ; round++) {
      try {
        return await call();
      } catch (e) {
        if (signal.aborted || round >= EXTRA_ROUNDS || !isRetryable(e)) throw e;
        failures.count++;
        await sleep(Math.min(1000 * 2 ** round, 8000) * (0.5 + random() / 2), signal);
        if (signal.aborted) throw e;
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
      for (;;) {
        if (signal.aborted) return;
        const input = {
          Bucket: opts.bucket,
          ...(prefix !== undefined ? { Prefix: prefix } : {}),
          ...(keyMarker !== undefined ? { KeyMarker: keyMarker } : {}),
          ...(uploadIdMarker !== undefined && !directory ? { UploadIdMarker: uploadIdMarker } : {}),
          MaxUploads: opts.pageSize ?? 1000,
          ...common,
        };
        const page = await withRetries(() => session.listMultipartUploads(input, signal));
        for (const u of page.uploads) {
          if (signal.aborted) return;
          if (opts.key !== undefined && u.Key !== opts.key) continue;
          if (opts.prefix !== undefined && !u.Key.startsWith(opts.prefix)) continue;
          if (opts.olderThan !== undefined && !(u.Initiated && u.Initiated.getTime() < opts.olderThan.getTime())) continue;
          await select(u);
        }
        if (!page.truncated) return;
        const nextKey = page.nextKeyMarker ?? page.uploads.at(-1)?.Key;
        const nextId = page.nextUploadIdMarker ?? page.uploads.at(-1)?.UploadId;
        if (nextKey === undefined || (nextKey === keyMarker && nextId === uploadIdMarker)) {
          throw new Error('ListMultipartUploads reported more uploads but gave no marker to continue from');
        }
        keyMarker = nextKey;
        uploadIdMarker = nextId;
      }
    } catch (e) {
      if (!signal.aborted) listingError = e;
    } finally {
      progress.listingDone = true;
      channel.close();
      tick();
    }
  };

  /** 'done': S3 confirmed the abort; otherwise the NoSuchUpload error S3 answered. */
  const abortOnce = async (u: UploadOutcome): Promise<'done' | ServiceError> => {
    const failures = { count: 0 };
    try {
      await withRetries(
        () =>
          session.abortMultipartUpload(
            {
              Bucket: opts.bucket, Key: u.Key, UploadId: u.UploadId, ...common,
              ...(opts.ifMatchInitiatedTime !== undefined ? { IfMatchInitiatedTime: opts.ifMatchInitiatedTime } : {}),
            },
            signal,
          ),
        failures,
      );
      return 'done';
    } catch (e) {
      // an earlier attempt of ours failed in transit: it most likely took effect (a reset after
      // S3 applied the abort), so the upload is gone because of us and was not already gone
      // (the client's own retries count too: a reset, then NoSuchUpload on its retry)
      const mayHaveApplied = failures.count > 0 || (e instanceof ServiceError && e.earlierAttemptMayHaveApplied);
      if (isNoSuchUpload(e)) return mayHaveApplied ? 'done' : e;
      // the same, when the retry's NoSuchUpload came cut short: a 404 whose body named no code
      // (every 404 S3 gives this request means the upload, or its whole bucket, is gone)
      if (mayHaveApplied && e instanceof ServiceError && e.httpStatus === 404 && e.code === '404') return 'done';
      throw e;
    }
  };

  const verify = async (u: UploadOutcome): Promise<boolean> => {
    for (let attempt = 1; attempt <= opts.verifyAttempts; attempt++) {
      let parts: number;
      try {
        parts = (await withRetries(() => session.listParts({ Bucket: opts.bucket, Key: u.Key, UploadId: u.UploadId, ...common }, signal))).parts;
      } catch (e) {
        if (isNoSuchUpload(e)) return true;
        throw e;
      }
      if (parts === 0) return true;
      if (attempt === opts.verifyAttempts) return false;
      // a part upload that was in flight during the abort can still land: abort again
      await sleep(Math.min(200 * 2 ** (attempt - 1), 5000) * (0.5 + random() / 2), signal);
      if (signal.aborted) throw new Error('interrupted');
      await abortOnce(u);
    }
    return false;
  };

  const work = async () => {
    for (;;) {
      const u = await channel.take();
      if (u === undefined) return;
      if (signal.aborted) {
        u.Status = 'Skipped';
        continue;
      }
      if (opts.dryRun) {
        u.Status = 'WouldAbort';
        continue;
      }
      let confirmed = false;
      try {
        const first = await abortOnce(u);
        if (first !== 'done' && !opts.ignoreMissing) throw first;
        confirmed = true;
        u.Status = first === 'done' ? 'Aborted' : 'AlreadyGone';
        if (opts.verify) {
          const ok = await verify(u);
          u.Verified = ok;
          if (!ok) {
            u.Status = 'Failed';
            u.Error = { Code: 'PartsRemain', Message: `parts were still listed after ${opts.verifyAttempts} checks` };
          }
        }
        if (u.Status !== 'Failed') progress.aborted++;
        else progress.failed++;
      } catch (e) {
        u.Status = 'Failed';
        if (signal.aborted) {
          u.Error = {
            Code: 'Interrupted',
            Message: confirmed ? 'interrupted before the abort was verified' : 'interrupted before S3 confirmed the abort',
          };
        } else {
          const d = describe(e);
          u.Error = { Code: d.Code, Message: d.Message };
          u.errorExit = d.exit;
        }
        if (opts.verify) u.Verified = false;
        progress.failed++;
      }
      tick();
    }
  };

  try {
    const workers = Array.from({ length: Math.max(1, opts.concurrency) }, work);
    await Promise.all([produce(), ...workers]);
  } finally {
    deps.signal.removeEventListener('abort', stop);
  }
  for (const u of channel.drain()) u.Status = 'Skipped';
  for (const u of uploads) if (u.Status === 'Pending') u.Status = 'Skipped';
  return { dryRun: opts.dryRun, uploads, ...(listingError !== undefined ? { listingError } : {}), interrupted: signal.aborted };
}
