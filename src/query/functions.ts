// The JMESPath built-in functions and the Python semantics they rest on, behaving like
// jmespath.py 1.0.1's functions.py running on CPython 3.13/3.14 (the AWS CLI v2's interpreter):
// int vs float results, Python's ==, ordering, sum(), int()/float() parsing, json.dumps, and the
// exact texts of the errors.

import { PyError } from '../py/error.js';
import { pyFloat } from '../py/float.js';
import { pyInt } from '../py/int.js';
import { pyJsonDumps } from '../py/json-dumps.js';
import { pyRepr, pyStr } from '../py/repr.js';
import { pyStrCompare } from '../py/str.js';
import { pyTypeName, type PyValue } from '../py/value.js';
import { JmespathRuntimeError } from './lexer.js';
import type { Node } from './parser.js';

/** A value as the interpreter sees it: a Python value, or an expression reference (`&expr`). */
export type JV = null | boolean | bigint | number | string | JV[] | JDict | Expref;
export type JDict = Map<string, JV>;

let exprefCount = 0;

/** jmespath.visitor._Expression: what `&expr` evaluates to. */
export class Expref {
  readonly id = exprefCount++;
  constructor(
    readonly expression: Node,
    private readonly evaluate: (node: Node, value: JV) => JV,
  ) {}
  visit(value: JV): JV {
    return this.evaluate(this.expression, value);
  }
  /** Python's default object repr; the address is made up (Python's differs per run). */
  toString(): string {
    const address = 0x7f3a5c000000 + (this.id % 0x1000000) * 0x40;
    return `<jmespath.visitor._Expression object at 0x${address.toString(16)}>`;
  }
}

/** type(v).__name__ */
export function pyType(v: JV): string {
  if (v instanceof Expref) return '_Expression';
  return pyTypeName(v as PyValue);
}

const TYPES_MAP: Readonly<Record<string, string>> = {
  bool: 'boolean',
  list: 'array',
  dict: 'object',
  NoneType: 'null',
  unicode: 'string',
  str: 'string',
  float: 'number',
  int: 'number',
  long: 'number',
  OrderedDict: 'object',
  _Projection: 'array',
  _Expression: 'expref',
};

const REVERSE_TYPES_MAP: Readonly<Record<string, readonly string[]>> = {
  boolean: ['bool'],
  array: ['list', '_Projection'],
  object: ['dict', 'OrderedDict'],
  null: ['NoneType'],
  string: ['unicode', 'str'],
  number: ['float', 'int', 'long'],
  expref: ['_Expression'],
};

function toJmespathType(pyTypeName: string): string {
  return TYPES_MAP[pyTypeName] ?? 'unknown';
}

/** Whether an expression reference is in the value (at any depth). */
export function hasExpref(v: JV): boolean {
  if (v instanceof Expref) return true;
  if (Array.isArray(v)) return v.some(hasExpref);
  if (v instanceof Map) return [...v.values()].some(hasExpref);
  return false;
}

/** Python's repr() of a value. */
export function jvRepr(v: JV): string {
  if (!hasExpref(v)) return pyRepr(v as PyValue);
  if (v instanceof Expref) return v.toString();
  if (Array.isArray(v)) return `[${v.map(jvRepr).join(', ')}]`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${pyRepr(k)}: ${jvRepr(x)}`).join(', ')}}`;
  return pyRepr(v);
}

/** Python's str() of a value (what '%s' prints). */
export function jvStr(v: JV): string {
  if (v instanceof Expref) return v.toString();
  if (typeof v === 'string') return v;
  if (Array.isArray(v) || v instanceof Map) return jvRepr(v);
  return pyStr(v);
}

/** jmespath.py's TreeInterpreter._is_false. */
export function isFalse(v: JV): boolean {
  return (
    v === '' || v === null || v === false || (Array.isArray(v) && v.length === 0) || (v instanceof Map && v.size === 0)
  );
}

export function isActualNumber(v: JV): v is bigint | number {
  return typeof v === 'bigint' || typeof v === 'number';
}

function numericOf(v: boolean | bigint | number): bigint | number {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  return v;
}

/**
 * Python's == (bool, int and float compare as numbers; containers deeply). Inside containers
 * Python first checks identity, and json.loads gives every NaN the same float object, so there
 * NaN equals NaN (`nested`).
 */
export function pyEquals(a: JV, b: JV, nested = false): boolean {
  if (a === b) return true;
  if (nested && Number.isNaN(a) && Number.isNaN(b)) return true;
  const an = typeof a === 'boolean' || typeof a === 'bigint' || typeof a === 'number';
  const bn = typeof b === 'boolean' || typeof b === 'bigint' || typeof b === 'number';
  if (an || bn) {
    if (!(an && bn)) return false;
    // bigint == number is exact in JavaScript, as int == float is in Python
    return numericOf(a) == numericOf(b);
  }
  if (typeof a === 'string' || typeof b === 'string') return false; // a === b handled above
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!pyEquals(a[i]!, b[i]!, true)) return false;
    return true;
  }
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (!b.has(k)) return false;
      if (!pyEquals(v, b.get(k)!, true)) return false;
    }
    return true;
  }
  return false;
}

/** jmespath.py's _equals: like Python's == except that 0 and 1 never equal a boolean. */
export function jmespathEquals(x: JV, y: JV): boolean {
  if (isActualNumber(x) && (x == 0 || x == 1)) {
    if (typeof y === 'boolean') return false;
  } else if (isActualNumber(y) && (y == 0 || y == 1)) {
    if (typeof x === 'boolean') return false;
  }
  return pyEquals(x, y);
}

export type OrderOp = 'lt' | 'gt' | 'lte' | 'gte';
const OP_SYMBOL: Readonly<Record<OrderOp, string>> = { lt: '<', gt: '>', lte: '<=', gte: '>=' };

/**
 * Python's a < b (and friends) for the types jmespath.py lets through (int, float, str); other
 * pairs raise Python's TypeError.
 */
export function pyOrder(op: OrderOp, a: JV, b: JV): boolean {
  if (typeof a === 'string' && typeof b === 'string') {
    const c = pyStrCompare(a, b);
    return op === 'lt' ? c < 0 : op === 'gt' ? c > 0 : op === 'lte' ? c <= 0 : c >= 0;
  }
  if (isActualNumber(a) && isActualNumber(b)) {
    // mixed bigint/number comparisons are exact in JavaScript, as in Python
    return op === 'lt' ? a < b : op === 'gt' ? a > b : op === 'lte' ? a <= b : a >= b;
  }
  throw new JmespathRuntimeError(
    `'${OP_SYMBOL[op]}' not supported between instances of '${pyType(a)}' and '${pyType(b)}'`,
    'TypeError',
  );
}

/** float(int): correctly rounded, OverflowError when out of range. */
export function intToFloat(n: bigint): number {
  const f = Number(n);
  if (!Number.isFinite(f)) throw new JmespathRuntimeError('int too large to convert to float', 'OverflowError');
  return f;
}

/** Python's a + b for numbers. */
function pyAdd(a: bigint | number, b: bigint | number): bigint | number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a + b;
  const x = typeof a === 'bigint' ? intToFloat(a) : a;
  const y = typeof b === 'bigint' ? intToFloat(b) : b;
  return x + y;
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * Python's builtin sum() over ints and floats as CPython 3.11 runs it (the AWS CLI 2.9.19 we
 * follow ships Python 3.11): an exact int fast path while the total fits a C long, then a plain
 * left-to-right float path (3.12 added compensated summation; 3.11 has none), then generic adds.
 */
export function pySum(items: readonly (bigint | number)[]): bigint | number {
  let i = 0;
  let result: bigint | number = 0n;
  // int fast path
  let iResult = 0n;
  let fast = true;
  while (fast) {
    if (i >= items.length) return iResult;
    const item = items[i++]!;
    if (typeof item === 'bigint') {
      const s = iResult + item;
      if (item >= LONG_MIN && item <= LONG_MAX && s >= LONG_MIN && s <= LONG_MAX) {
        iResult = s;
        continue;
      }
    }
    result = pyAdd(iResult, item);
    fast = false;
  }
  if (typeof result === 'number') {
    let f = result;
    for (;;) {
      if (i >= items.length) return f;
      const item = items[i++]!;
      if (typeof item === 'number') {
        f += item;
        continue;
      }
      if (item >= LONG_MIN && item <= LONG_MAX) {
        f += Number(item);
        continue;
      }
      result = pyAdd(f, item);
      break;
    }
  }
  while (i < items.length) result = pyAdd(result, items[i++]!);
  return result;
}

function typeError(functionName: string, value: JV, actualType: string, expected: readonly string[]): JmespathRuntimeError {
  return new JmespathRuntimeError(
    `In function ${functionName}(), invalid type for value: ${jvStr(value)}, ` +
      `expected one of: ${pyStrList(expected)}, received: "${actualType}"`,
    'JMESPathTypeError',
  );
}

function pyStrList(items: readonly string[]): string {
  return `[${items.map((s) => pyRepr(s)).join(', ')}]`;
}

// ---- json.dumps(x, separators=(',', ':'), default=str) ----

function jsonDumpsCompact(v: JV): string {
  try {
    return pyJsonDumps(v, { separators: [',', ':'], default: (x) => String(x) });
  } catch (err) {
    // str() of an int past 4300 digits: the ValueError jmespath.py lets through
    if (err instanceof PyError) throw new JmespathRuntimeError(err.message, err.type);
    throw err;
  }
}

// ---- dict.update(x) for merge()'s unchecked extra arguments ----

function dictUpdate(target: JDict, arg: JV): void {
  if (arg instanceof Map) {
    for (const [k, v] of arg) target.set(k, v);
    return;
  }
  const iterable: JV[] | null = typeof arg === 'string' ? Array.from(arg) : Array.isArray(arg) ? arg : null;
  if (iterable === null) {
    throw new JmespathRuntimeError(`'${pyType(arg)}' object is not iterable`, 'TypeError');
  }
  iterable.forEach((element, n) => {
    const pair: JV[] | null =
      typeof element === 'string'
        ? Array.from(element)
        : Array.isArray(element)
          ? element
          : element instanceof Map
            ? [...element.keys()]
            : null;
    if (pair === null) {
      throw new JmespathRuntimeError(
        `cannot convert dictionary update sequence element #${n} to a sequence`,
        'TypeError',
      );
    }
    if (pair.length !== 2) {
      throw new JmespathRuntimeError(
        `dictionary update sequence element #${n} has length ${pair.length}; 2 is required`,
        'ValueError',
      );
    }
    const [k, v] = pair as [JV, JV];
    if (Array.isArray(k) || k instanceof Map) {
      throw new JmespathRuntimeError(`unhashable type: '${pyType(k)}'`, 'TypeError');
    }
    if (typeof k !== 'string') {
      // a non-str key cannot be represented in the value model
      throw new JmespathRuntimeError(`unsupported dictionary key: ${jvRepr(k)}`, 'TypeError');
    }
    target.set(k, v);
  });
}

// ---- the function table ----

interface ArgSpec {
  readonly types: readonly string[];
  readonly variadic?: boolean;
}

interface FunctionSpec {
  readonly signature: readonly ArgSpec[];
  readonly fn: (args: JV[]) => JV;
}

const num = (v: JV) => v as bigint | number;

function maxMin(arr: JV[], op: 'gt' | 'lt'): JV {
  if (arr.length === 0) return null;
  let best = arr[0]!;
  for (let i = 1; i < arr.length; i++) if (pyOrder(op, arr[i]!, best)) best = arr[i]!;
  return best;
}

function byKey(functionName: string, arr: JV[], expref: Expref, op: 'gt' | 'lt'): JV {
  const allowed = ['number', 'string'];
  if (arr.length === 0) return null;
  const key = (x: JV): JV => {
    const result = expref.visit(x);
    const t = toJmespathType(pyType(result));
    if (!allowed.includes(t)) throw typeError(functionName, result, t, allowed);
    return result;
  };
  let best = arr[0]!;
  let bestKey = key(best);
  for (let i = 1; i < arr.length; i++) {
    const k = key(arr[i]!);
    if (pyOrder(op, k, bestKey)) {
      best = arr[i]!;
      bestKey = k;
    }
  }
  return best;
}

function reverseRange<T>(a: T[], lo: number, hi: number): void {
  for (let i = lo, j = hi - 1; i < j; i++, j--) [a[i], a[j]] = [a[j]!, a[i]!];
}

/**
 * Python's list.sort() (stable, asking only "a < b"). Below 64 items CPython finds the leading
 * run (count_run, 3.13+) and binary-inserts the rest; this is done the same way so that even
 * inconsistent orders (NaN) give Python's result. Longer lists use a stable merge sort, which
 * agrees with Python's for every consistent order.
 */
function pyListSort<T>(items: readonly T[], lt: (a: T, b: T) => boolean): T[] {
  const a = items.slice();
  const len = a.length;
  if (len < 2) return a;
  if (len >= 64) {
    return a
      .map((v, i) => ({ v, i }))
      .sort((x, y) => (lt(x.v, y.v) ? -1 : lt(y.v, x.v) ? 1 : x.i - y.i))
      .map((x) => x.v);
  }
  // count_run: the longest non-descending or strictly-descending-with-equal-groups prefix
  let n = 1;
  while (n < len && !lt(a[n]!, a[n - 1]!)) n++;
  if (n < len) {
    let ascending = false;
    if (n > 1) {
      if (lt(a[0]!, a[n - 1]!)) ascending = true;
      else reverseRange(a, 0, n);
    }
    if (!ascending) {
      n++;
      let neq = 0;
      const reverseLastNeq = () => {
        if (neq) {
          neq++;
          reverseRange(a, n - neq, n);
          neq = 0;
        }
      };
      for (; n < len; n++) {
        if (lt(a[n]!, a[n - 1]!)) reverseLastNeq();
        else if (lt(a[n - 1]!, a[n]!)) break;
        else neq++;
      }
      reverseLastNeq();
      reverseRange(a, 0, n);
      while (n < len && !lt(a[n]!, a[n - 1]!)) n++;
    }
  }
  // binarysort of the rest
  for (let ok = n; ok < len; ok++) {
    const pivot = a[ok]!;
    let l = 0;
    let r = ok;
    while (l < r) {
      const m = (l + r) >> 1;
      if (lt(pivot, a[m]!)) r = m;
      else l = m + 1;
    }
    for (let m = ok; m > l; m--) a[m] = a[m - 1]!;
    a[l] = pivot;
  }
  return a;
}

const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  abs: {
    signature: [{ types: ['number'] }],
    fn: ([x]) => {
      const n = num(x!);
      return typeof n === 'bigint' ? (n < 0n ? -n : n) : Math.abs(n);
    },
  },
  avg: {
    signature: [{ types: ['array-number'] }],
    fn: ([x]) => {
      const arr = x as (bigint | number)[];
      if (arr.length === 0) return null;
      const s = pySum(arr);
      return (typeof s === 'bigint' ? intToFloat(s) : s) / arr.length;
    },
  },
  not_null: {
    signature: [{ types: [], variadic: true }],
    fn: (args) => {
      for (const a of args) if (a !== null) return a;
      return null;
    },
  },
  to_array: {
    signature: [{ types: [] }],
    fn: ([x]) => (Array.isArray(x) ? x : [x!]),
  },
  to_string: {
    signature: [{ types: [] }],
    fn: ([x]) => (typeof x === 'string' ? x : jsonDumpsCompact(x!)),
  },
  to_number: {
    signature: [{ types: [] }],
    fn: ([x]) => {
      const v = x!;
      if (Array.isArray(v) || v instanceof Map || typeof v === 'boolean' || v === null) return null;
      if (typeof v === 'bigint' || typeof v === 'number') return v;
      if (v instanceof Expref) {
        throw new JmespathRuntimeError(
          "int() argument must be a string, a bytes-like object or a real number, not '_Expression'",
          'TypeError',
        );
      }
      return pyInt(v) ?? pyFloat(v) ?? null;
    },
  },
  contains: {
    signature: [{ types: ['array', 'string'] }, { types: [] }],
    fn: ([subject, search]) => {
      if (typeof subject === 'string') {
        if (typeof search !== 'string') {
          throw new JmespathRuntimeError(
            `'in <string>' requires string as left operand, not ${pyType(search!)}`,
            'TypeError',
          );
        }
        return subject.includes(search);
      }
      return (subject as JV[]).some((el) => pyEquals(el, search!, true));
    },
  },
  length: {
    signature: [{ types: ['string', 'array', 'object'] }],
    fn: ([x]) => {
      const v = x!;
      if (typeof v === 'string') return BigInt(codePointLength(v));
      if (Array.isArray(v)) return BigInt(v.length);
      return BigInt((v as JDict).size);
    },
  },
  ends_with: {
    signature: [{ types: ['string'] }, { types: ['string'] }],
    fn: ([s, suffix]) => (s as string).endsWith(suffix as string),
  },
  starts_with: {
    signature: [{ types: ['string'] }, { types: ['string'] }],
    fn: ([s, prefix]) => (s as string).startsWith(prefix as string),
  },
  reverse: {
    signature: [{ types: ['array', 'string'] }],
    fn: ([x]) => (typeof x === 'string' ? Array.from(x).reverse().join('') : [...(x as JV[])].reverse()),
  },
  ceil: {
    signature: [{ types: ['number'] }],
    fn: ([x]) => floatToInt(num(x!), Math.ceil),
  },
  floor: {
    signature: [{ types: ['number'] }],
    fn: ([x]) => floatToInt(num(x!), Math.floor),
  },
  join: {
    signature: [{ types: ['string'] }, { types: ['array-string'] }],
    fn: ([sep, arr]) => (arr as string[]).join(sep as string),
  },
  map: {
    signature: [{ types: ['expref'] }, { types: ['array'] }],
    fn: ([expref, arr]) => (arr as JV[]).map((el) => (expref as Expref).visit(el)),
  },
  max: {
    signature: [{ types: ['array-number', 'array-string'] }],
    fn: ([x]) => maxMin(x as JV[], 'gt'),
  },
  merge: {
    signature: [{ types: ['object'], variadic: true }],
    fn: (args) => {
      const merged: JDict = new Map();
      for (const a of args) dictUpdate(merged, a);
      return merged;
    },
  },
  min: {
    signature: [{ types: ['array-number', 'array-string'] }],
    fn: ([x]) => maxMin(x as JV[], 'lt'),
  },
  sort: {
    signature: [{ types: ['array-string', 'array-number'] }],
    fn: ([x]) => pyListSort(x as JV[], (a, b) => pyOrder('lt', a, b)),
  },
  sum: {
    signature: [{ types: ['array-number'] }],
    fn: ([x]) => pySum(x as (bigint | number)[]),
  },
  keys: {
    signature: [{ types: ['object'] }],
    fn: ([x]) => [...(x as JDict).keys()],
  },
  values: {
    signature: [{ types: ['object'] }],
    fn: ([x]) => [...(x as JDict).values()],
  },
  type: {
    signature: [{ types: [] }],
    fn: ([x]) => {
      const v = x!;
      if (typeof v === 'string') return 'string';
      if (typeof v === 'boolean') return 'boolean';
      if (Array.isArray(v)) return 'array';
      if (v instanceof Map) return 'object';
      if (typeof v === 'bigint' || typeof v === 'number') return 'number';
      if (v === null) return 'null';
      return null; // an expression reference: jmespath.py falls through and returns None
    },
  },
  sort_by: {
    signature: [{ types: ['array'] }, { types: ['expref'] }],
    fn: ([a, e]) => {
      const arr = a as JV[];
      const expref = e as Expref;
      if (arr.length === 0) return arr;
      const requiredType = toJmespathType(pyType(expref.visit(arr[0]!)));
      if (requiredType !== 'number' && requiredType !== 'string') {
        throw typeError('sort_by', arr[0]!, requiredType, ['string', 'number']);
      }
      // sorted(key=...) computes every key first, in order
      const keyed = arr.map((el) => {
        const result = expref.visit(el);
        const t = toJmespathType(pyType(result));
        if (t !== requiredType) throw typeError('sort_by', result, t, [requiredType]);
        return { el, key: result };
      });
      return pyListSort(keyed, (x, y) => pyOrder('lt', x.key, y.key)).map((x) => x.el);
    },
  },
  min_by: {
    signature: [{ types: ['array'] }, { types: ['expref'] }],
    fn: ([a, e]) => byKey('min_by', a as JV[], e as Expref, 'lt'),
  },
  max_by: {
    signature: [{ types: ['array'] }, { types: ['expref'] }],
    fn: ([a, e]) => byKey('max_by', a as JV[], e as Expref, 'gt'),
  },
};

function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** math.ceil / math.floor: always an int. */
function floatToInt(n: bigint | number, round: (x: number) => number): bigint {
  if (typeof n === 'bigint') return n;
  if (Number.isNaN(n)) throw new JmespathRuntimeError('cannot convert float NaN to integer', 'ValueError');
  if (!Number.isFinite(n)) throw new JmespathRuntimeError('cannot convert float infinity to integer', 'OverflowError');
  return BigInt(round(n));
}

function pluralize(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}

function typeCheckSingle(current: JV, types: readonly string[], functionName: string): void {
  const allowedTypes: string[] = [];
  const allowedSubtypes: (readonly string[])[] = [];
  for (const t of types) {
    const dash = t.indexOf('-');
    if (dash >= 0) {
      allowedSubtypes.push(REVERSE_TYPES_MAP[t.slice(dash + 1)]!);
      allowedTypes.push(...REVERSE_TYPES_MAP[t.slice(0, dash)]!);
    } else {
      allowedTypes.push(...REVERSE_TYPES_MAP[t]!);
    }
  }
  const actual = pyType(current);
  if (!allowedTypes.includes(actual)) {
    throw typeError(functionName, current, toJmespathType(actual), types);
  }
  if (allowedSubtypes.length === 0) return;
  const elements = current as JV[];
  // element errors report the Python type name, as jmespath.py does
  if (allowedSubtypes.length === 1) {
    const allowed = allowedSubtypes[0]!;
    for (const el of elements) {
      if (!allowed.includes(pyType(el))) throw typeError(functionName, el, pyType(el), types);
    }
  } else if (elements.length > 0) {
    const first = pyType(elements[0]!);
    const allowed = allowedSubtypes.find((s) => s.includes(first));
    if (allowed === undefined) throw typeError(functionName, elements[0]!, first, types);
    for (const el of elements) {
      if (!allowed.includes(pyType(el))) throw typeError(functionName, el, pyType(el), types);
    }
  }
}

/** Functions.call_function: looks the function up, checks arity and types, then calls it. */
export function callFunction(name: string, args: JV[]): JV {
  const spec = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (spec === undefined) {
    throw new JmespathRuntimeError(`Unknown function: ${name}()`, 'UnknownFunctionError');
  }
  const signature = spec.signature;
  if (signature.length > 0 && signature[signature.length - 1]!.variadic) {
    if (args.length < signature.length) {
      throw new JmespathRuntimeError(
        `Expected at least ${signature.length} ${pluralize('argument', signature.length)} for function ${name}(), ` +
          `received ${args.length}`,
        'VariadictArityError',
      );
    }
  } else if (args.length !== signature.length) {
    throw new JmespathRuntimeError(
      `Expected ${signature.length} ${pluralize('argument', signature.length)} for function ${name}(), ` +
        `received ${args.length}`,
      'ArityError',
    );
  }
  signature.forEach((spec, i) => {
    if (spec.types.length > 0) typeCheckSingle(args[i]!, spec.types, name);
  });
  return spec.fn(args);
}
