// The values --cli-input-json/--cli-input-yaml documents hold, as Python would have them (the
// value model plus what ruamel's safe loader also builds: datetime, bytes, set, tuple), and how
// botocore's messages show them (str(), repr(), <class '...'>, dict key equality). Apart from the
// YAML reader (args/cli-input.ts, which brings js-yaml), so that validating parameters loads no
// YAML code.

import { pyBytesRepr } from './bytes.js';
import { utcMillis } from './calendar.js';
import { pyFloatRepr, pyRepr } from './repr.js';
import { pyTypeName as plainPyTypeName, type PyValue } from './value.js';

// ---------------------------------------------------------------------------------------------
// The value model

/** datetime.date or (naive, UTC) datetime.datetime, as ruamel builds them from YAML timestamps. */
export class PyDateTime {
  constructor(
    readonly kind: 'date' | 'datetime',
    readonly year: number,
    readonly month: number,
    readonly day: number,
    readonly hour = 0,
    readonly minute = 0,
    readonly second = 0,
    readonly microsecond = 0,
  ) {}

  /** The instant, reading the naive value as UTC (as botocore does). */
  toDate(): Date {
    return new Date(utcMillis(this.year, this.month, this.day, this.hour, this.minute, this.second, Math.floor(this.microsecond / 1000)));
  }
}

export class PyBytes {
  constructor(readonly bytes: Uint8Array) {}
}

export class PySet {
  constructor(readonly items: InputValue[]) {}
}

export class PyTuple {
  constructor(readonly items: InputValue[]) {}
}

export type InputValue =
  | null
  | boolean
  | bigint
  | number
  | string
  | InputValue[]
  | Map<InputValue, InputValue>
  | PyDateTime
  | PyBytes
  | PySet
  | PyTuple;

/** Python's type name: 'str', 'int', 'NoneType', 'datetime.date', ... */
export function pyTypeName(v: InputValue): string {
  if (v instanceof PyDateTime) return v.kind === 'date' ? 'datetime.date' : 'datetime.datetime';
  if (v instanceof PyBytes) return 'bytes';
  if (v instanceof PySet) return 'set';
  if (v instanceof PyTuple) return 'tuple';
  // only the outer kind matters here, whatever the elements are
  return plainPyTypeName(v as PyValue);
}

/** str(v) */
export function pyStrOf(v: InputValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyDateTime) {
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    const date = `${p(v.year, 4)}-${p(v.month)}-${p(v.day)}`;
    if (v.kind === 'date') return date;
    return `${date} ${p(v.hour)}:${p(v.minute)}:${p(v.second)}${v.microsecond ? `.${p(v.microsecond, 6)}` : ''}`;
  }
  return pyReprOf(v);
}

/** repr(v) */
export function pyReprOf(v: InputValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return pyFloatRepr(v);
  if (typeof v === 'string') return pyRepr(v);
  if (Array.isArray(v)) return `[${v.map(pyReprOf).join(', ')}]`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${pyReprOf(k)}: ${pyReprOf(x)}`).join(', ')}}`;
  if (v instanceof PyBytes) return pyBytesRepr(v.bytes);
  if (v instanceof PySet) return v.items.length ? `{${v.items.map(pyReprOf).join(', ')}}` : 'set()';
  if (v instanceof PyTuple) return v.items.length === 1 ? `(${pyReprOf(v.items[0]!)},)` : `(${v.items.map(pyReprOf).join(', ')})`;
  const args = [v.year, v.month, v.day];
  if (v.kind === 'datetime') {
    args.push(v.hour, v.minute);
    if (v.second || v.microsecond) args.push(v.second);
    if (v.microsecond) args.push(v.microsecond);
  }
  return `datetime.${v.kind}(${args.join(', ')})`;
}

/** A key for Python dict/set membership: 1 == 1.0 == True, strings by value, tuples by items. */
export function hashKey(v: unknown): string | undefined {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return `n:${v ? 1 : 0}`;
  if (typeof v === 'bigint') return `n:${v}`;
  if (typeof v === 'number') return Number.isInteger(v) ? `n:${BigInt(v)}` : `f:${v}`;
  if (typeof v === 'string') return `s:${v}`;
  if (v instanceof PyBytes) return `b:${[...v.bytes].join(',')}`;
  if (v instanceof PyDateTime) return `d:${pyReprOf(v)}`;
  if (v instanceof PyTuple) {
    const parts = v.items.map(hashKey);
    return parts.every((p) => p !== undefined) ? `t:[${parts.join('|')}]` : undefined;
  }
  return undefined; // list, dict, set: unhashable
}

/** The first unhashable value in v (v itself, or inside a tuple). */
export function findUnhashable(v: InputValue): InputValue | undefined {
  if (Array.isArray(v) || v instanceof Map || v instanceof PySet) return v;
  if (v instanceof PyTuple) {
    for (const item of v.items) {
      const bad = findUnhashable(item);
      if (bad !== undefined) return bad;
    }
  }
  return undefined;
}
