// How a bulk run reads a failed call: what S3 said, whether it may have carried the request out,
// and whether the run tries it again.

import { CliError, ConfigError, GeneralError, ServiceError, TransportError, UnreadableResponseError } from '../errors.js';

// S3 answered, but not yet: worth more rounds of our own once the client's retries are used up
const THROTTLED_CODES = new Set(['SlowDown', 'InternalError', 'ServiceUnavailable', 'RequestTimeout', 'Throttling', 'ThrottlingException', 'RequestThrottled', 'TooManyRequestsException', '500', '502', '503', '504']);

export function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
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

export function describeError(err: unknown): { Code: string; Message: string; exit: number } {
  if (err instanceof ServiceError) return { Code: err.code, Message: err.serviceMessage, exit: err.exitCode };
  if (err instanceof TransportError && err.failure === 'cancelled') return { Code: 'Interrupted', Message: 'cancelled before S3 answered', exit: err.exitCode };
  // not constructor.name: the bundler renames classes
  if (err instanceof GeneralError) return { Code: 'RequestFailed', Message: err.message, exit: err.exitCode };
  if (err instanceof ConfigError) return { Code: 'ConfigurationError', Message: err.message, exit: err.exitCode };
  if (err instanceof CliError) return { Code: 'Error', Message: err.message, exit: err.exitCode };
  const e = err as Error;
  return { Code: e?.name ?? 'Error', Message: e?.message ?? String(err), exit: 255 };
}

/**
 * S3 answered, but not with something to act on: an error that says "try again later" (after the
 * client's own retries), or a success whose body was cut short or garbled.
 */
export function isRetriedByRun(err: unknown): boolean {
  if (err instanceof UnreadableResponseError) return true;
  return err instanceof ServiceError && (THROTTLED_CODES.has(err.code) || (err.httpStatus !== undefined && err.httpStatus >= 500));
}

export function isNoSuchUpload(err: unknown): err is ServiceError {
  return err instanceof ServiceError && err.code === 'NoSuchUpload';
}

/** Some attempt of this call reached S3 and got no answer: S3 may have carried it out. */
export function mayHaveApplied(err: unknown): boolean {
  if (err instanceof TransportError) return err.mayHaveApplied;
  return err instanceof ServiceError && err.earlierAttemptMayHaveApplied;
}

/** The call got no answer because the endpoint could not be reached or never answered. */
export function isUnreachable(err: unknown): err is TransportError {
  return err instanceof TransportError && (err.failure === 'connect' || err.failure === 'timeout' || err.failure === 'tls');
}
