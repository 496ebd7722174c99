// --debug: a log on stderr in the AWS CLI's layout
// ('%(asctime)s - %(threadName)s - %(name)s - %(levelname)s - %(message)s'), with secrets redacted.

import type { Io } from './io.js';

export interface DebugLog {
  readonly enabled: boolean;
  log(logger: string, message: string): void;
  /** Values that must never appear in the log (secret keys, tokens); replaced with a mask. */
  addSecret(value: string | undefined): void;
}

function asctime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())},${p(d.getMilliseconds(), 3)}`;
}

const MASK = '***';

/** Masks the signature in Authorization headers and any registered secret. */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text
    .replace(/(Signature=)[0-9a-fA-F]+/g, `$1${MASK}`)
    .replace(/((?:x-amz-security-token|X-Amz-Security-Token)["']?\s*[:=]\s*["']?)[^"',\s}]+/g, `$1${MASK}`);
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(MASK);
  return out;
}

export function createDebugLog(io: Io, enabled: boolean): DebugLog {
  const secrets = new Set<string>();
  return {
    enabled,
    addSecret(value) {
      if (value) secrets.add(value);
    },
    log(logger, message) {
      if (!enabled) return;
      io.stderr.write(`${asctime(io.now())} - MainThread - ${logger} - DEBUG - ${redact(message, secrets)}\n`);
    },
  };
}

export const NO_DEBUG: DebugLog = { enabled: false, log() {}, addSecret() {} };
