// Two places where the SDK's request loop and botocore's disagree on what an attempt is, found by
// the fault-injection recordings (test/conformance/cases-faults.json):
//
// - botocore's S3RegionRedirectorv2 answers the needs-retry event: the redirected request is the
//   next attempt of the same retry loop (endpoint.py _send_request), so a redirect uses up one of
//   max_attempts. The SDK would start a fresh loop with every attempt again. The redirect hands the
//   attempts already used to the retry strategy through the token scope (the retry middleware
//   passes context.partition_id as the scope, and nothing else reads it for S3).
// - botocore treats a 200 carrying an <Error> document as an error only for CopyObject,
//   UploadPartCopy and CompleteMultipartUpload (handlers.py); the SDK's throw200Exceptions
//   middleware turns it into a 503 for every S3 command, AbortMultipartUpload and the listings
//   included. The status it replaced is put back.
import type { RetryToken } from '@smithy/types';

const SCOPE = /(?:^|:)s3abort-attempts-used=(\d+)$/;

/** Marks a call's context: `used` attempts were spent before the loop starts again. */
export function continueAttempts(context: object, used: number): void {
  (context as { partition_id?: string }).partition_id = `s3abort-attempts-used=${used}`;
}

/** A token that counts the attempts a scope says were used already (the token itself otherwise). */
export function resumeToken<T extends RetryToken>(token: T, scope: string | undefined): T {
  const used = Number(SCOPE.exec(scope ?? '')?.[1] ?? 0);
  if (used <= 0) return token;
  // a derived object: the SDK's token (a class with public fields, methods on its prototype) is
  // read through it, only the count is replaced (the redirect-then-5xx fault cases cover this)
  return Object.assign(Object.create(token) as T, { getRetryCount: () => used });
}

type Handler = (args: unknown) => Promise<{ response?: unknown }>;
interface Stack {
  addRelativeTo(mw: (next: Handler) => Handler, opts: object): void;
}

const THROW_200 = 'throw200ExceptionsMiddleware';

/** Keeps the status S3 sent on a command whose stack has the SDK's throw200Exceptions middleware. */
export function keepSuccessStatus(stack: Stack): void {
  const sent = new WeakMap<object, number>();
  const statusOf = (r: unknown): number | undefined => (r as { statusCode?: number } | undefined)?.statusCode;
  stack.addRelativeTo(
    (next) => async (args) => {
      const out = await next(args);
      const status = statusOf(out.response);
      if (status !== undefined && out.response) sent.set(out.response as object, status);
      return out;
    },
    { relation: 'after', toMiddleware: THROW_200, name: 's3abortStatusSent' },
  );
  stack.addRelativeTo(
    (next) => async (args) => {
      const out = await next(args);
      const status = out.response ? sent.get(out.response as object) : undefined;
      if (status !== undefined) (out.response as { statusCode: number }).statusCode = status;
      return out;
    },
    { relation: 'before', toMiddleware: THROW_200, name: 's3abortStatusKept' },
  );
}
