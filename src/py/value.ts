// The value model shared by --query and the formatters. The AWS CLI works on Python values, and
// its output depends on distinctions a JS value loses: int vs float (1 vs 1.0), big integers,
// and dict key order (JS objects put integer-like keys first). So:
//   None -> null, bool -> boolean, int -> bigint, float -> number, str -> string,
//   list -> PyValue[], dict -> Map<string, PyValue> (insertion order kept).

export type PyValue = null | boolean | bigint | number | string | PyValue[] | PyDict;
export type PyDict = Map<string, PyValue>;

export function isDict(v: PyValue): v is PyDict {
  return v instanceof Map;
}

export function isList(v: PyValue): v is PyValue[] {
  return Array.isArray(v);
}

/** Python type names as jmespath.py and botocore print them. */
export function pyTypeName(v: PyValue): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'str';
  if (Array.isArray(v)) return 'list';
  return 'dict';
}

/** Converts a plain JS value (from our own code) into the model: integers become ints. */
export function fromPlain(v: unknown): PyValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(fromPlain);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [String(k), fromPlain(x)]));
  if (typeof v === 'object') {
    return new Map(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).map(([k, x]) => [k, fromPlain(x)]));
  }
  return String(v);
}
