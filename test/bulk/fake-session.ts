// An in-memory BulkSession for runBulk and main() unit tests: uploads listed with S3's order and
// markers, every call recorded, calls in flight counted, and hooks that make a call fail, wait, or
// hang until the run's signal fires.
import type { BulkSession, UploadRef } from '../../src/bulk/run-bulk.js';
import { ServiceError, TransportError } from '../../src/errors.js';

export interface FakeUpload {
  Key: string;
  UploadId: string;
  Initiated?: Date;
  /** Parts listed by ListParts while the upload exists; default 1. */
  parts?: number;
  /** Parts that land after the first abort (the upload survives it once). */
  partsAfterAbort?: number;
  /** Parts that keep coming back after every abort: the upload never verifies. */
  stubborn?: boolean;
}

type Op = 'list' | 'abort' | 'parts';

export interface FakeCall {
  op: Op;
  input: Record<string, unknown>;
}

/** Runs before the call takes effect; it may throw (the call fails) or wait. */
export type Hook = (input: Record<string, unknown>, signal: AbortSignal | undefined) => Promise<void> | void;

export const NO_SUCH_UPLOAD = 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.';

export function serviceError(code: string, status: number, message: string, operation = 'AbortMultipartUpload'): ServiceError {
  return new ServiceError(code, message, status, `An error occurred (${code}) when calling the ${operation} operation: ${message}`);
}

export const internalError = (op?: string) => serviceError('InternalError', 500, 'We encountered an internal error. Please try again.', op);
export const slowDown = (op?: string) => serviceError('SlowDown', 503, 'Please reduce your request rate.', op);
export const accessDenied = (op?: string) => serviceError('AccessDenied', 403, 'Access Denied', op);
/** A request that reached S3 and whose answer was lost: S3 may have carried it out. */
export const connectionReset = () =>
  new TransportError('Connection was closed before we received a valid response from endpoint URL: "http://127.0.0.1:1/b/k?uploadId=u".', 'reset', true);
/** A request that never reached S3. */
export const connectionRefused = () => new TransportError('Could not connect to the endpoint URL: "http://127.0.0.1:1/b/k?uploadId=u"', 'connect', false);
/** A request that reached S3 and got no answer within the read timeout. */
export const readTimeout = () => new TransportError('Read timeout on endpoint URL: "http://127.0.0.1:1/b/k?uploadId=u"', 'timeout', true);
/** What the SDK session throws for a request cancelled in flight. */
export const cancelled = () => new TransportError('The request was cancelled.', 'cancelled', true);

/** Resolves after ms, or rejects as soon as the signal fires (as the session does for a cancelled request). */
export function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const abortError = cancelled;
    if (signal?.aborted) return reject(abortError());
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

interface Stored extends FakeUpload {
  seq: number;
  /** The key's UTF-8 bytes, made once: S3 orders keys by them. */
  keyBytes: Buffer;
  gone: boolean;
  survived: boolean;
}

/** S3's listing order: key (UTF-8 bytes), then initiation; seeding order breaks ties. */
function listingOrder(a: Stored, b: Stored): number {
  return Buffer.compare(a.keyBytes, b.keyBytes) || (a.Initiated?.getTime() ?? 0) - (b.Initiated?.getTime() ?? 0) || a.seq - b.seq;
}

export class FakeSession implements BulkSession {
  readonly calls: FakeCall[] = [];
  /** Aborts that took effect, per UploadId. */
  readonly aborts = new Map<string, number>();
  /** ListParts and AbortMultipartUpload calls in flight (the listing runs beside them). */
  inFlight = 0;
  maxInFlight = 0;
  /** Aborts started after the run's stop signal fired (there should be none); see watchStop. */
  startedAfterSignal = 0;
  /** The Date the listing answers with (S3's clock); none by default. */
  serverClock?: () => Date;
  private stopSignal?: AbortSignal;
  hooks: Partial<Record<Op, Hook>> = {};
  private readonly store: Stored[] = [];
  private readonly index = new Map<string, Stored>();
  private seq = 0;

  constructor(uploads: readonly FakeUpload[] = [], readonly existingBucket = true) {
    for (const u of uploads) this.add(u);
  }

  /** Counts aborts that start after this signal fired (the run's first signal). */
  watchStop(signal: AbortSignal): this {
    this.stopSignal = signal;
    return this;
  }

  add(u: FakeUpload): void {
    const stored: Stored = { ...u, seq: this.seq++, keyBytes: Buffer.from(u.Key), gone: false, survived: false };
    this.index.set(u.UploadId, stored);
    // kept in listing order by a binary insert (a sort per insert made 10,000 uploads take minutes);
    // the newest upload has the highest seq, so it goes after every upload that orders equal
    let lo = 0;
    let hi = this.store.length;
    // uploads seeded in listing order (the usual case) go straight to the end
    const last = this.store.at(-1);
    if (last === undefined || listingOrder(last, stored) < 0) lo = hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (listingOrder(this.store[mid]!, stored) < 0) lo = mid + 1;
      else hi = mid;
    }
    this.store.splice(lo, 0, stored);
  }

  /** Uploads still listed. */
  remaining(): string[] {
    return this.store.filter((u) => !u.gone).map((u) => u.UploadId);
  }

  abortsOf(id: string): number {
    return this.aborts.get(id) ?? 0;
  }

  count(op: Op): number {
    return this.calls.filter((c) => c.op === op).length;
  }

  private async enter<T>(op: Op, input: Record<string, unknown>, signal: AbortSignal | undefined, body: () => T): Promise<T> {
    this.calls.push({ op, input });
    if (op === 'abort' && (signal?.aborted || this.stopSignal?.aborted)) this.startedAfterSignal++;
    const counted = op !== 'list';
    if (counted) {
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    }
    try {
      await this.hooks[op]?.(input, signal);
      if (signal?.aborted) throw cancelled();
      return body();
    } finally {
      if (counted) this.inFlight--;
    }
  }

  private noSuchBucket(operation: string): ServiceError {
    return serviceError('NoSuchBucket', 404, 'The specified bucket does not exist', operation);
  }

  listMultipartUploads(
    input: { Bucket: string; Prefix?: string; KeyMarker?: string; UploadIdMarker?: string; MaxUploads?: number },
    signal?: AbortSignal,
  ): Promise<{ uploads: UploadRef[]; truncated: boolean; nextKeyMarker?: string; nextUploadIdMarker?: string; serverDate?: Date }> {
    return this.enter('list', { ...input }, signal, () => {
      if (!this.existingBucket) throw this.noSuchBucket('ListMultipartUploads');
      const max = Math.min(input.MaxUploads ?? 1000, 1000);
      let start = 0;
      if (input.KeyMarker !== undefined) {
        const km = input.KeyMarker;
        const kmBytes = Buffer.from(km);
        const marker = this.store.findIndex((u) => u.Key === km && u.UploadId === input.UploadIdMarker);
        start = this.store.findIndex((u, i) => {
          const c = Buffer.compare(u.keyBytes, kmBytes);
          if (c !== 0) return c > 0;
          return input.UploadIdMarker !== undefined && marker >= 0 && i > marker;
        });
        if (start < 0) start = this.store.length;
      }
      const page: Stored[] = [];
      let truncated = false;
      for (let i = start; i < this.store.length; i++) {
        const u = this.store[i]!;
        if (u.gone || !u.Key.startsWith(input.Prefix ?? '')) continue;
        if (page.length === max) {
          truncated = true;
          break;
        }
        page.push(u);
      }
      const last = page.at(-1);
      return {
        uploads: page.map((u) => ({ Key: u.Key, UploadId: u.UploadId, ...(u.Initiated ? { Initiated: u.Initiated } : {}) })),
        truncated,
        ...(last ? { nextKeyMarker: last.Key, nextUploadIdMarker: last.UploadId } : {}),
        ...(this.serverClock ? { serverDate: this.serverClock() } : {}),
      };
    });
  }

  private find(input: { Key: string; UploadId: string }): Stored | undefined {
    const u = this.index.get(input.UploadId);
    return u && u.Key === input.Key && (!u.gone || u.survived) ? u : undefined;
  }

  abortMultipartUpload(input: { Bucket: string; Key: string; UploadId: string }, signal?: AbortSignal): Promise<{ RequestCharged?: string }> {
    return this.enter('abort', { ...input }, signal, () => {
      if (!this.existingBucket) throw this.noSuchBucket('AbortMultipartUpload');
      const u = this.find(input);
      if (!u) throw serviceError('NoSuchUpload', 404, NO_SUCH_UPLOAD);
      this.applyAbort(u.UploadId);
      return {};
    });
  }

  /** What an abort does to the upload, also for hooks that let it land and then fail the call. */
  applyAbort(id: string): void {
    const u = this.index.get(id);
    if (!u || (u.gone && !u.survived)) throw new Error(`fake: ${id} is not there to abort`);
    this.aborts.set(id, this.abortsOf(id) + 1);
    if (u.stubborn || (!u.gone && (u.partsAfterAbort ?? 0) > 0)) {
      // the abort removed what was there; then a part upload in flight landed
      if (!u.stubborn) u.parts = u.partsAfterAbort;
      u.gone = true;
      u.survived = true;
    } else {
      u.gone = true;
      u.survived = false;
    }
  }

  listParts(input: { Bucket: string; Key: string; UploadId: string }, signal?: AbortSignal): Promise<{ parts: number }> {
    return this.enter('parts', { ...input }, signal, () => {
      if (!this.existingBucket) throw this.noSuchBucket('ListParts');
      const u = this.find(input);
      if (!u) throw serviceError('NoSuchUpload', 404, NO_SUCH_UPLOAD, 'ListParts');
      return { parts: u.stubborn ? Math.max(u.parts ?? 1, 1) : (u.parts ?? 1) };
    });
  }
}

/** n uploads named by index, initiated one second apart from 2026-11-20T10:00:00Z. */
export function manyUploads(n: number, key: (i: number) => string, id = (i: number) => `id-${String(i).padStart(5, '0')}`): FakeUpload[] {
  const base = Date.UTC(2026, 10, 20, 10, 0, 0);
  return Array.from({ length: n }, (_, i) => ({ Key: key(i), UploadId: id(i), Initiated: new Date(base + i * 1000) }));
}
