// A run's placeholders, like the conformance harness's: {tmp} (the run folder, the CLI's working
// directory), {home}, {ca} (the CA certificate's path), {ca_pem} (its text), {ca_hash} (its
// OpenSSL subject hash, for a hashed CA folder), and {now+N} / {now-N}: the time N seconds from
// the moment of substitution, as ISO 8601 with Z (for token caches that must be near expiry then).
export type Context = Record<string, string>;

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

export function substText(s: string, ctx: Context, now: number = Date.now()): string {
  let out = s;
  for (const [k, v] of Object.entries(ctx)) out = out.split(`{${k}}`).join(v);
  return out.replace(/\{now([+-]\d+)\}/g, (_m, n: string) => isoSeconds(now + Number(n) * 1000));
}

export function substRecord(r: Record<string, string | null>, ctx: Context): Record<string, string | null> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [substText(k, ctx), v === null ? null : substText(v, ctx)]));
}

export function substArgs(a: readonly string[], ctx: Context): string[] {
  return a.map((x) => substText(x, ctx));
}

/** Values back to their {name}, longest first (the run folder before HOME inside it). */
export function unsubstText(text: string, ctx: Context): string {
  let out = text;
  for (const k of Object.keys(ctx).sort((a, b) => ctx[b]!.length - ctx[a]!.length)) {
    const v = ctx[k]!;
    if (v.length >= 4) out = out.split(v).join(`{${k}}`);
  }
  return out;
}

/** substText over every string (keys too) of a JSON-like value. */
export function substValue<T>(v: T, ctx: Context): T {
  if (typeof v === 'string') return substText(v, ctx) as T;
  if (Array.isArray(v)) return v.map((x: unknown) => substValue(x, ctx)) as T;
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [substText(k, ctx), substValue(x, ctx)])) as T;
  }
  return v;
}
