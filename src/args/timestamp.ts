// --if-match-initiated-time: what botocore 2.9.19 does with a timestamp parameter.
//
// botocore/utils.py parse_to_aware_datetime(value):
//   1. datetime.fromtimestamp(float(value), tzlocal())  (a number: fromtimestamp(value) directly)
//   2. else dateutil.parser.parse(value, tzinfos={'GMT': tzutc()})  (python-dateutil 2.8.2)
//   3. naive -> UTC, aware -> astimezone(UTC)
// The validator (validate.py _type_check_datetime) treats TypeError/ValueError/AttributeError as an
// invalid value; anything else (OverflowError, RuntimeError) escapes and the CLI exits 255.
// The rest-xml serializer then sends formatdate(timegm(dt.utctimetuple()), usegmt=True).
//
// The dateutil part below is a port of dateutil/parser/_parser.py (parse, _parse, _timelex, _ymd,
// _parse_numeric_token, _build_naive, _build_tzaware) with the default parserinfo. Assumptions:
// local time is UTC (time.tzname == ('UTC', 'UTC')), and "now" (dateutil's default for missing
// fields and the pivot for two-digit years) is passed in.

import { pyBytesRepr } from '../py/bytes.js';
import { checkDatetimeArgs, civilFromDays, daysFromCivil, daysInMonth } from '../py/calendar.js';
import { pyDecodeUtf8 } from '../py/codecs.js';
import { pyDecimal } from '../py/digits.js';
import { PyError } from '../py/error.js';
import { pyFloat, pyFloatBytes } from '../py/float.js';
import { pyFromTimestamp } from '../py/fromtimestamp.js';
import { pyInt } from '../py/int.js';
import { pyFloatRepr } from '../py/repr.js';
import { pyIsSpace } from '../py/str.js';

export type TimestampOutcome =
  /** A valid timestamp. `unknownTimezone`: dateutil warned that it did not understand this zone name (then UTC). */
  | { kind: 'ok'; date: Date; unknownTimezone?: string }
  /** botocore reports "Invalid type for parameter ..."; `message` is the exception text (shown when validation is off). */
  | { kind: 'invalid'; message: string }
  /** An exception that escapes the validator: the CLI prints `message` and exits 255. */
  | { kind: 'crash'; message: string };

/** A value botocore can try to read as a timestamp: text, bytes (fileb://) or a number (int, float, bool). */
export type TimestampSource = string | Uint8Array | bigint | number | boolean;

export interface ParsedTimestamp {
  date: Date;
  /** The zone name dateutil did not understand (the time was then taken as UTC). */
  unknownTimezone?: string;
}

/** parse_to_aware_datetime for a string; null when botocore rejects it (either way). */
export function parseTimestamp(value: string, now: Date = new Date()): ParsedTimestamp | null {
  const r = toAwareDatetime(value, now);
  if (r.kind !== 'ok') return null;
  return r.unknownTimezone !== undefined ? { date: r.date, unknownTimezone: r.unknownTimezone } : { date: r.date };
}

/** email.utils.formatdate(timegm(dt.utctimetuple()), usegmt=True): whole seconds, 4-digit year. */
export function formatRfc822(date: Date): string {
  const d = new Date(Math.floor(date.getTime() / 1000) * 1000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return (
    `${WEEKDAY_ABBR[(d.getUTCDay() + 6) % 7]}, ${p2(d.getUTCDate())} ${MONTH_ABBR[d.getUTCMonth()]} ` +
    `${String(d.getUTCFullYear()).padStart(4, '0')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`
  );
}

/** The Python warning dateutil prints (once) for a zone name it does not know (Debian's dateutil path). */
export function unknownTimezoneWarning(tzname: string): string {
  return (
    `/usr/lib/python3/dist-packages/dateutil/parser/_parser.py:1207: UnknownTimezoneWarning: tzname ${tzname} identified but not understood.  ` +
    'Pass `tzinfos` argument in order to correctly return a timezone-aware datetime.  In a future version, this will raise an exception.\n' +
    '  warnings.warn("tzname {tzname} identified but not understood.  "\n'
  );
}

/** botocore parse_to_aware_datetime, classified the way the validator and the CLI see it. */
export function toAwareDatetime(value: TimestampSource, now: Date): TimestampOutcome {
  try {
    return { kind: 'ok', ...awareDatetime(value, now) };
  } catch (e) {
    if (e instanceof PyError) {
      return e.type === 'ValueError' || e.type === 'TypeError' ? { kind: 'invalid', message: e.message } : { kind: 'crash', message: e.message };
    }
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Python exceptions

/** IndexError/ValueError inside dateutil's _parse: the string is not understood. */
class ParseFail extends Error {}

const fail = (): never => {
  throw new ParseFail();
};

// ---------------------------------------------------------------------------------------------
// botocore: epoch first, then dateutil

function awareDatetime(value: TimestampSource, now: Date): { date: Date; unknownTimezone?: string } {
  if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean') {
    // _parse_timestamp_with_tzinfo: fromtimestamp(value) with no fallback; botocore's message uses str(value)
    const text = typeof value === 'boolean' ? (value ? 'True' : 'False') : typeof value === 'bigint' ? value.toString() : pyFloatRepr(value);
    const epoch = typeof value === 'boolean' ? BigInt(value ? 1 : 0) : value;
    return { date: fromTimestamp(epoch, text) };
  }
  const text = typeof value === 'string' ? value : undefined;
  const display = typeof value === 'string' ? value : pyBytesRepr(value);
  const asFloat = typeof value === 'string' ? pyFloat(value) : pyFloatBytes(value);
  if (asFloat !== undefined) {
    try {
      return { date: fromTimestamp(asFloat, display) };
    } catch (e) {
      // fromtimestamp's ValueError (NaN, year out of range) falls through to dateutil
      if (!(e instanceof PyError && e.type === 'ValueError')) throw e;
    }
  }
  let parsed: DateutilResult;
  try {
    let str = text;
    if (str === undefined) {
      // _timelex: bytes are decoded as UTF-8
      const decoded = pyDecodeUtf8(value as Uint8Array);
      if (typeof decoded !== 'string') throw new PyError('ValueError', decoded.error);
      str = decoded;
    }
    parsed = dateutilParse(str, display, now);
  } catch (e) {
    if (e instanceof PyError && (e.type === 'ValueError' || e.type === 'TypeError')) {
      throw new PyError('ValueError', `Invalid timestamp "${display}": ${e.message}`);
    }
    throw e;
  }
  const f = parsed.fields;
  let seconds = daysFromCivil(f.year, f.month, f.day) * 86400 + f.hour * 3600 + f.minute * 60 + f.second;
  if (parsed.offset !== undefined) {
    // datetime.astimezone(): the offset must be within a day, the UTC result within years 1..9999
    if (Math.abs(parsed.offset) >= 86400) {
      throw new PyError('ValueError', 'offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).');
    }
    seconds -= parsed.offset;
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) throw new PyError('OverflowError', 'date value out of range');
  }
  const date = new Date(seconds * 1000 + Math.floor(f.microsecond / 1000));
  return parsed.unknownTimezone !== undefined ? { date, unknownTimezone: parsed.unknownTimezone } : { date };
}

// seconds of 0001-01-01T00:00:00 and 9999-12-31T23:59:59 relative to the epoch
const MIN_SECONDS = -62135596800;
const MAX_SECONDS = 253402300799;

/** datetime.fromtimestamp; botocore's parse_timestamp turns its OSError into a RuntimeError. */
function fromTimestamp(t: number | bigint, display: string): Date {
  try {
    return pyFromTimestamp(t);
  } catch (e) {
    if (e instanceof PyError && e.type === 'OSError') throw new PyError('RuntimeError', `Unable to calculate correct timezone offset for "${display}"`);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// dateutil.parser

const JUMP = new Set([' ', '.', ',', ';', '-', '/', "'", 'at', 'on', 'and', 'ad', 'm', 't', 'of', 'st', 'nd', 'rd', 'th']);
const WEEKDAYS = lookup([['Mon', 'Monday'], ['Tue', 'Tuesday'], ['Wed', 'Wednesday'], ['Thu', 'Thursday'], ['Fri', 'Friday'], ['Sat', 'Saturday'], ['Sun', 'Sunday']]);
const MONTHS = lookup([
  ['Jan', 'January'], ['Feb', 'February'], ['Mar', 'March'], ['Apr', 'April'], ['May', 'May'], ['Jun', 'June'],
  ['Jul', 'July'], ['Aug', 'August'], ['Sep', 'Sept', 'September'], ['Oct', 'October'], ['Nov', 'November'], ['Dec', 'December'],
]);
const HMS = lookup([['h', 'hour', 'hours'], ['m', 'minute', 'minutes'], ['s', 'second', 'seconds']]);
const AMPM = lookup([['am', 'a'], ['pm', 'p']]);
const UTCZONE = ['UTC', 'GMT', 'Z', 'z'];
const UTCZONE_LOWER = new Set(UTCZONE.map((z) => z.toLowerCase()));
const WEEKDAY_ABBR = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function lookup(groups: string[][]): Map<string, number> {
  const m = new Map<string, number>();
  groups.forEach((names, i) => names.forEach((n) => m.set(n.toLowerCase(), i)));
  return m;
}

const jump = (name: string) => JUMP.has(name.toLowerCase());
const weekday = (name: string) => WEEKDAYS.get(name.toLowerCase());
const month = (name: string) => {
  const m = MONTHS.get(name.toLowerCase());
  return m === undefined ? undefined : m + 1;
};
const hms = (name: string) => HMS.get(name.toLowerCase());
const ampm = (name: string) => AMPM.get(name.toLowerCase());
const pertain = (name: string) => name.toLowerCase() === 'of';
const utczone = (name: string) => UTCZONE_LOWER.has(name.toLowerCase());
/** parserinfo.tzoffset: the exact (case-sensitive) name among the lower-cased UTC zone keys. */
const tzoffsetOf = (name: string): number | undefined => (UTCZONE_LOWER.has(name) ? 0 : undefined);

const isWord = (ch: string) => /\p{L}/u.test(ch);
const isNum = (ch: string) => /\p{Nd}/u.test(ch);
const isDigits = (s: string) => s.length > 0 && /^\p{Nd}+$/u.test(s);
const pyLen = (s: string) => [...s].length;

/** _timelex.split. Digits are already ASCII here (int()/float()/Decimal() read Unicode digits the same). */
function timelex(s: string): string[] {
  const chars = [...s].filter((c) => c !== '\0');
  let pos = 0;
  let eof = false;
  const charstack: string[] = [];
  const tokenstack: string[] = [];
  const tokens: string[] = [];
  for (;;) {
    let token: string | null = null;
    if (tokenstack.length > 0) token = tokenstack.shift()!;
    else {
      let seenletters = false;
      let state: '' | 'a' | '0' | 'a.' | '0.' = '';
      while (!eof) {
        const nextchar = charstack.length > 0 ? charstack.shift()! : pos < chars.length ? chars[pos++]! : '';
        if (!nextchar) {
          eof = true;
          break;
        } else if (!state) {
          token = nextchar;
          if (isWord(nextchar)) state = 'a';
          else if (isNum(nextchar)) state = '0';
          else if (pyIsSpace(nextchar)) {
            token = ' ';
            break;
          } else break;
        } else if (state === 'a') {
          seenletters = true;
          if (isWord(nextchar)) token += nextchar;
          else if (nextchar === '.') {
            token += nextchar;
            state = 'a.';
          } else {
            charstack.push(nextchar);
            break;
          }
        } else if (state === '0') {
          if (isNum(nextchar)) token += nextchar;
          else if (nextchar === '.' || (nextchar === ',' && pyLen(token!) >= 2)) {
            token += nextchar;
            state = '0.';
          } else {
            charstack.push(nextchar);
            break;
          }
        } else if (state === 'a.') {
          seenletters = true;
          if (nextchar === '.' || isWord(nextchar)) token += nextchar;
          else if (isNum(nextchar) && token!.endsWith('.')) {
            token += nextchar;
            state = '0.';
          } else {
            charstack.push(nextchar);
            break;
          }
        } else {
          if (nextchar === '.' || isNum(nextchar)) token += nextchar;
          else if (isWord(nextchar) && token!.endsWith('.')) {
            token += nextchar;
            state = 'a.';
          } else {
            charstack.push(nextchar);
            break;
          }
        }
      }
      if (token !== null && (state === 'a.' || state === '0.')) {
        const dots = token.split('.').length - 1;
        if (seenletters || dots > 1 || token.endsWith('.') || token.endsWith(',')) {
          const l = token.split(/([.,])/);
          token = l[0]!;
          for (const tok of l.slice(1)) if (tok) tokenstack.push(tok);
        }
      }
      if (token !== null && state === '0.' && !token.includes('.')) token = token.replace(/,/g, '.');
    }
    if (token === null) return tokens;
    tokens.push(token);
  }
}

/** A decimal.Decimal read from a token (non-negative, finite). */
interface Dec {
  int: bigint;
  /** fraction digits */
  frac: string;
}

/** Python float(token) succeeds: digits with a point, or inf/nan words. */
function floatLike(token: string): boolean {
  return /^\d+(?:\.\d*)?$/.test(token) || /^\.\d+$/.test(token) || /^(?:inf|infinity|nan)$/i.test(token);
}

/** _to_decimal: Decimal(val), finite only. */
function toDecimal(val: string): Dec {
  const m = /^(\d*)(?:\.(\d*))?$/.exec(val);
  if (!m || (m[1] === '' && !m[2])) fail();
  return { int: BigInt(m![1] || '0'), frac: m![2] ?? '' };
}

const decHasFrac = (d: Dec) => /[1-9]/.test(d.frac);
/** int(60 * (value % 1)) */
const decSixtieths = (d: Dec) => (d.frac ? (60n * BigInt(d.frac)) / 10n ** BigInt(d.frac.length) : 0n);
/** Decimal compared with an integer: -1, 0 or 1 */
function decCmp(d: Dec, n: bigint): number {
  if (d.int !== n) return d.int < n ? -1 : 1;
  return decHasFrac(d) ? 1 : 0;
}

/** int(str) for a token or a slice of one; its ValueError means "not understood". */
function tokenInt(s: string): bigint {
  return pyInt(s) ?? fail();
}

/** _parsems: "SS[.ffffff]" */
function parsems(value: string): [bigint, bigint] {
  if (!value.includes('.')) return [tokenInt(value), 0n];
  const parts = value.split('.');
  if (parts.length !== 2) fail();
  return [tokenInt(parts[0]!), tokenInt(parts[1]!.padEnd(6, '0').slice(0, 6))];
}

type YmdValue = string | Dec | bigint;

class Ymd {
  readonly values: bigint[] = [];
  centurySpecified = false;
  dstridx: number | undefined;
  mstridx: number | undefined;
  ystridx: number | undefined;

  get length(): number {
    return this.values.length;
  }

  couldBeDay(value: Dec): boolean {
    if (this.dstridx !== undefined) return false;
    if (this.mstridx === undefined) return decCmp(value, 1n) >= 0 && decCmp(value, 31n) <= 0;
    const m = this.values[this.mstridx]!;
    const y = this.ystridx === undefined ? 2000n : this.values[this.ystridx]!;
    return decCmp(value, 1n) >= 0 && decCmp(value, BigInt(daysInMonth(y, m))) <= 0;
  }

  append(val: YmdValue, label?: 'M' | 'D' | 'Y'): void {
    let n: bigint;
    if (typeof val === 'string') {
      if (isDigits(val) && pyLen(val) > 2) {
        this.centurySpecified = true;
        if (label !== undefined && label !== 'Y') fail();
        label = 'Y';
      }
      n = tokenInt(val);
    } else {
      const big = typeof val === 'bigint' ? val : val.int;
      if (typeof val === 'bigint' ? val > 100n : decCmp(val, 100n) > 0) {
        this.centurySpecified = true;
        if (label !== undefined && label !== 'Y') fail();
        label = 'Y';
      }
      n = big;
    }
    this.values.push(n);
    const idx = this.values.length - 1;
    if (label === 'M') {
      if (this.mstridx !== undefined) fail();
      this.mstridx = idx;
    } else if (label === 'D') {
      if (this.dstridx !== undefined) fail();
      this.dstridx = idx;
    } else if (label === 'Y') {
      if (this.ystridx !== undefined) fail();
      this.ystridx = idx;
    }
  }

  resolve(yearfirst: boolean, dayfirst: boolean): [bigint | undefined, bigint | undefined, bigint | undefined] {
    const v = this.values;
    const len = v.length;
    const strids: Partial<Record<'y' | 'm' | 'd', number>> = {};
    if (this.ystridx !== undefined) strids.y = this.ystridx;
    if (this.mstridx !== undefined) strids.m = this.mstridx;
    if (this.dstridx !== undefined) strids.d = this.dstridx;
    const nstr = Object.keys(strids).length;
    if ((len === nstr && nstr > 0) || (len === 3 && nstr === 2)) {
      if (len === 3 && nstr === 2) {
        const used = Object.values(strids);
        const missing = [0, 1, 2].find((x) => !used.includes(x))!;
        const key = (['y', 'm', 'd'] as const).find((k) => strids[k] === undefined)!;
        strids[key] = missing;
      }
      const at = (k: 'y' | 'm' | 'd') => (strids[k] === undefined ? undefined : v[strids[k]!]);
      return [at('y'), at('m'), at('d')];
    }
    let year: bigint | undefined;
    let mon: bigint | undefined;
    let day: bigint | undefined;
    const ms = this.mstridx;
    if (len > 3) fail();
    else if (len === 1 || (ms !== undefined && len === 2)) {
      let other: bigint;
      if (ms !== undefined) {
        mon = v[ms]!;
        // Python's self[mstridx - 1] wraps around to the last element
        other = v[ms - 1 >= 0 ? ms - 1 : len - 1]!;
      } else other = v[0]!;
      if (len > 1 || ms === undefined) {
        if (other > 31n) year = other;
        else day = other;
      }
    } else if (len === 2) {
      const [a, b] = v as [bigint, bigint];
      if (a > 31n) [year, mon] = [a, b];
      else if (b > 31n) [mon, year] = [a, b];
      else if (dayfirst && b <= 12n) [day, mon] = [a, b];
      else [mon, day] = [a, b];
    } else if (len === 3) {
      const [a, b, c] = v as [bigint, bigint, bigint];
      if (ms === 0) {
        if (b > 31n) [mon, year, day] = [a, b, c];
        else [mon, day, year] = [a, b, c];
      } else if (ms === 1) {
        if (a > 31n || (yearfirst && c <= 31n)) [year, mon, day] = [a, b, c];
        else [day, mon, year] = [a, b, c];
      } else if (ms === 2) {
        if (b > 31n) [day, year, mon] = [a, b, c];
        else [year, day, mon] = [a, b, c];
      } else {
        if (a > 31n || this.ystridx === 0 || (yearfirst && b <= 12n && c <= 31n)) {
          if (dayfirst && c <= 12n) [year, day, mon] = [a, b, c];
          else [year, mon, day] = [a, b, c];
        } else if (a > 12n || (dayfirst && b <= 12n)) [day, mon, year] = [a, b, c];
        else [mon, day, year] = [a, b, c];
      }
    }
    return [year, mon, day];
  }
}

interface Res {
  year?: bigint;
  month?: bigint;
  day?: bigint;
  weekday?: number;
  hour?: bigint;
  minute?: bigint;
  second?: bigint;
  microsecond?: bigint;
  tzname?: string;
  tzoffset?: number;
  ampm?: number;
  centurySpecified: boolean;
}

function resLength(r: Res): number {
  const slots = [r.year, r.month, r.day, r.weekday, r.hour, r.minute, r.second, r.microsecond, r.tzname, r.tzoffset, r.ampm];
  return slots.filter((x) => x !== undefined).length;
}

interface DateutilResult {
  fields: { year: number; month: number; day: number; hour: number; minute: number; second: number; microsecond: number };
  /** seconds east of UTC; undefined for a naive (UTC) time */
  offset?: number;
  unknownTimezone?: string;
}

/** parser.parse(timestr, tzinfos={'GMT': tzutc()}) */
function dateutilParse(timestr: string, display: string, now: Date): DateutilResult {
  const res = parseTokens(unicodeDigitsToAscii(timestr), now.getUTCFullYear());
  if (res === undefined) throw new PyError('ValueError', `Unknown string format: ${display}`);
  if (resLength(res) === 0) throw new PyError('ValueError', `String does not contain a date: ${display}`);
  let fields: DateutilResult['fields'];
  try {
    fields = buildNaive(res, now);
  } catch (e) {
    if (e instanceof PyError && e.type === 'ValueError') throw new PyError('ValueError', `${e.message}: ${display}`);
    throw e;
  }
  // _build_tzaware with tzinfos={'GMT': tzutc()} and local time = UTC
  if (res.tzname === 'GMT' || res.tzname === 'UTC' || res.tzoffset === 0) return { fields };
  if (res.tzoffset !== undefined) {
    if (Math.abs(Math.floor(res.tzoffset / 86400)) > 999999999) {
      throw new PyError('OverflowError', `days=${Math.floor(res.tzoffset / 86400)}; must have magnitude <= 999999999`);
    }
    return { fields, offset: res.tzoffset };
  }
  if (res.tzname !== undefined) return { fields, unknownTimezone: res.tzname };
  return { fields };
}

/** Digits as ASCII; everything else (including Unicode spaces) unchanged. */
function unicodeDigitsToAscii(s: string): string {
  let out = '';
  for (const ch of s) {
    const d = ch.charCodeAt(0) >= 0x80 ? pyDecimal(ch) : undefined;
    out += d !== undefined ? String(d) : ch;
  }
  return out;
}

/** parser._parse (dayfirst=False, yearfirst=False, fuzzy=False); undefined for "Unknown string format". */
function parseTokens(timestr: string, currentYear: number): Res | undefined {
  const res: Res = { centurySpecified: false };
  const l = timelex(timestr);
  const ymd = new Ymd();
  const lenL = l.length;
  let i = 0;
  try {
    while (i < lenL) {
      const tok = l[i]!;
      if (floatLike(tok)) {
        i = parseNumericToken(l, i, ymd, res);
      } else if (weekday(tok) !== undefined) {
        res.weekday = weekday(tok);
      } else if (month(tok) !== undefined) {
        ymd.append(BigInt(month(tok)!), 'M');
        if (i + 1 < lenL) {
          if (l[i + 1] === '-' || l[i + 1] === '/') {
            const sep = l[i + 1];
            ymd.append(at(l, i + 2));
            if (i + 3 < lenL && l[i + 3] === sep) {
              ymd.append(at(l, i + 4));
              i += 2;
            }
            i += 2;
          } else if (i + 4 < lenL && l[i + 1] === ' ' && l[i + 3] === ' ' && pertain(l[i + 2]!)) {
            if (isDigits(l[i + 4]!)) {
              const value = tokenInt(l[i + 4]!);
              ymd.append(String(convertYear(value, false, currentYear)), 'Y');
            }
            i += 4;
          }
        }
      } else if (ampm(tok) !== undefined) {
        const value = ampm(tok)!;
        // _ampm_valid (not fuzzy): an hour on a 12-hour clock must come first
        if (res.hour === undefined || res.hour < 0n || res.hour > 12n) fail();
        res.hour = adjustAmpm(res.hour!, value);
        res.ampm = value;
      } else if (couldBeTzname(res.hour, res.tzname, res.tzoffset, tok)) {
        res.tzname = tok;
        res.tzoffset = tzoffsetOf(tok);
        if (i + 1 < lenL && (l[i + 1] === '+' || l[i + 1] === '-')) {
          // "GMT+3" means UTC-3 (POSIX style)
          l[i + 1] = l[i + 1] === '+' ? '-' : '+';
          res.tzoffset = undefined;
          if (utczone(res.tzname)) res.tzname = undefined;
        }
      } else if (res.hour !== undefined && (tok === '+' || tok === '-')) {
        const signal = tok === '+' ? 1 : -1;
        const next = at(l, i + 1);
        const lenLi = pyLen(next);
        let hourOffset: bigint;
        let minOffset: bigint;
        if (lenLi === 4) {
          hourOffset = tokenInt(next.slice(0, 2));
          minOffset = tokenInt(next.slice(2));
        } else if (i + 2 < lenL && l[i + 2] === ':') {
          hourOffset = tokenInt(next);
          minOffset = tokenInt(at(l, i + 3));
          i += 2;
        } else if (lenLi <= 2) {
          hourOffset = tokenInt(next.slice(0, 2));
          minOffset = 0n;
        } else fail();
        res.tzoffset = signal * Number(hourOffset! * 3600n + minOffset! * 60n);
        if (
          i + 5 < lenL &&
          jump(l[i + 2]!) &&
          l[i + 3] === '(' &&
          l[i + 5] === ')' &&
          pyLen(l[i + 4]!) >= 3 &&
          couldBeTzname(res.hour, res.tzname, undefined, l[i + 4]!)
        ) {
          res.tzname = l[i + 4];
          i += 4;
        }
        i += 1;
      } else if (!jump(tok)) {
        fail();
      }
      i += 1;
    }
    const [year, mon, day] = ymd.resolve(false, false);
    res.centurySpecified = ymd.centurySpecified;
    res.year = year;
    res.month = mon;
    res.day = day;
  } catch (e) {
    if (e instanceof ParseFail) return undefined;
    throw e;
  }
  // parserinfo.validate
  if (res.year !== undefined) res.year = convertYear(res.year, res.centurySpecified, currentYear);
  if ((res.tzoffset === 0 && !res.tzname) || res.tzname === 'Z' || res.tzname === 'z') {
    res.tzname = 'UTC';
    res.tzoffset = 0;
  } else if (res.tzoffset !== 0 && res.tzname && utczone(res.tzname)) {
    res.tzoffset = 0;
  }
  return res;
}

/** l[i], or IndexError */
function at(l: string[], i: number): string {
  if (i >= l.length) fail();
  return l[i]!;
}

function convertYear(year: bigint, centurySpecified: boolean, currentYear: number): bigint {
  if (year < 100n && !centurySpecified) {
    const cy = BigInt(currentYear);
    year += (cy / 100n) * 100n;
    if (year >= cy + 50n) year -= 100n;
    else if (year < cy - 50n) year += 100n;
  }
  return year;
}

function adjustAmpm(hour: bigint, value: number): bigint {
  if (hour < 12n && value === 1) return hour + 12n;
  if (hour === 12n && value === 0) return 0n;
  return hour;
}

function couldBeTzname(hour: bigint | undefined, tzname: string | undefined, tzoffset: number | undefined, token: string): boolean {
  return hour !== undefined && tzname === undefined && tzoffset === undefined && pyLen(token) <= 5 && (/^[A-Z]*$/.test(token) || UTCZONE.includes(token));
}

function parseNumericToken(tokens: string[], idx: number, ymd: Ymd, res: Res): number {
  const valueRepr = tokens[idx]!;
  const value = toDecimal(valueRepr);
  const lenLi = pyLen(valueRepr);
  const lenL = tokens.length;

  if (
    ymd.length === 3 &&
    (lenLi === 2 || lenLi === 4) &&
    res.hour === undefined &&
    (idx + 1 >= lenL || (tokens[idx + 1] !== ':' && hms(tokens[idx + 1]!) === undefined))
  ) {
    // 19990101T23[59]
    const s = valueRepr;
    res.hour = tokenInt(s.slice(0, 2));
    if (lenLi === 4) res.minute = tokenInt(s.slice(2));
  } else if (lenLi === 6 || (lenLi > 6 && valueRepr.indexOf('.') === 6)) {
    // YYMMDD or HHMMSS[.ss]
    const s = valueRepr;
    if (ymd.length === 0 && !valueRepr.includes('.')) {
      ymd.append(s.slice(0, 2));
      ymd.append(s.slice(2, 4));
      ymd.append(s.slice(4));
    } else {
      res.hour = tokenInt(s.slice(0, 2));
      res.minute = tokenInt(s.slice(2, 4));
      [res.second, res.microsecond] = parsems(s.slice(4));
    }
  } else if (lenLi === 8 || lenLi === 12 || lenLi === 14) {
    // YYYYMMDD[hhmm[ss]]
    const s = valueRepr;
    ymd.append(s.slice(0, 4), 'Y');
    ymd.append(s.slice(4, 6));
    ymd.append(s.slice(6, 8));
    if (lenLi > 8) {
      res.hour = tokenInt(s.slice(8, 10));
      res.minute = tokenInt(s.slice(10, 12));
      if (lenLi > 12) res.second = tokenInt(s.slice(12));
    }
  } else if (findHmsIdx(idx, tokens) !== undefined) {
    // HH[ ]h or MM[ ]m or SS[.ss][ ]s
    const hmsIdx = findHmsIdx(idx, tokens)!;
    let h: number;
    if (hmsIdx > idx) {
      h = hms(tokens[hmsIdx]!)!;
      idx = hmsIdx;
    } else {
      h = hms(tokens[hmsIdx]!)! + 1;
    }
    assignHms(res, valueRepr, h);
  } else if (idx + 2 < lenL && tokens[idx + 1] === ':') {
    // HH:MM[:SS[.ss]]
    res.hour = value.int;
    const v2 = toDecimal(tokens[idx + 2]!);
    [res.minute, res.second] = parseMinSec(v2);
    if (idx + 4 < lenL && tokens[idx + 3] === ':') {
      [res.second, res.microsecond] = parsems(tokens[idx + 4]!);
      idx += 2;
    }
    idx += 2;
  } else if (idx + 1 < lenL && (tokens[idx + 1] === '-' || tokens[idx + 1] === '/' || tokens[idx + 1] === '.')) {
    const sep = tokens[idx + 1];
    ymd.append(valueRepr);
    if (idx + 2 < lenL && !jump(tokens[idx + 2]!)) {
      if (isDigits(tokens[idx + 2]!)) {
        // 01-01[-01]
        ymd.append(tokens[idx + 2]!);
      } else {
        // 01-Jan[-01]
        const m = month(tokens[idx + 2]!);
        if (m === undefined) fail();
        ymd.append(BigInt(m!), 'M');
      }
      if (idx + 3 < lenL && tokens[idx + 3] === sep) {
        // We have three members
        const m = month(at(tokens, idx + 4));
        if (m !== undefined) ymd.append(BigInt(m), 'M');
        else ymd.append(tokens[idx + 4]!);
        idx += 2;
      }
      idx += 1;
    }
    idx += 1;
  } else if (idx + 1 >= lenL || jump(tokens[idx + 1]!)) {
    if (idx + 2 < lenL && ampm(tokens[idx + 2]!) !== undefined) {
      // 12 am
      res.hour = adjustAmpm(value.int, ampm(tokens[idx + 2]!)!);
      idx += 1;
    } else {
      // Year, month or day
      ymd.append(value);
    }
    idx += 1;
  } else if (ampm(tokens[idx + 1]!) !== undefined && decCmp(value, 0n) >= 0 && decCmp(value, 24n) < 0) {
    // 12am
    res.hour = adjustAmpm(value.int, ampm(tokens[idx + 1]!)!);
    idx += 1;
  } else if (ymd.couldBeDay(value)) {
    ymd.append(value);
  } else {
    fail();
  }
  return idx;
}

function findHmsIdx(idx: number, tokens: string[]): number | undefined {
  const lenL = tokens.length;
  if (idx + 1 < lenL && hms(tokens[idx + 1]!) !== undefined) return idx + 1;
  if (idx + 2 < lenL && tokens[idx + 1] === ' ' && hms(tokens[idx + 2]!) !== undefined) return idx + 2;
  if (idx > 0 && hms(tokens[idx - 1]!) !== undefined) return idx - 1;
  if (idx > 1 && idx === lenL - 1 && tokens[idx - 1] === ' ' && hms(tokens[idx - 2]!) !== undefined) return idx - 2;
  return undefined;
}

function assignHms(res: Res, valueRepr: string, h: number): void {
  const value = toDecimal(valueRepr);
  if (h === 0) {
    res.hour = value.int;
    if (decHasFrac(value)) res.minute = decSixtieths(value);
  } else if (h === 1) {
    [res.minute, res.second] = parseMinSec(value);
  } else if (h === 2) {
    [res.second, res.microsecond] = parsems(valueRepr);
  }
}

function parseMinSec(value: Dec): [bigint, bigint | undefined] {
  return [value.int, decHasFrac(value) ? decSixtieths(value) : undefined];
}

/** _build_naive: fill missing fields from the default (today 00:00), datetime.replace checks, weekday. */
function buildNaive(res: Res, now: Date): DateutilResult['fields'] {
  const def = { year: BigInt(now.getUTCFullYear()), month: BigInt(now.getUTCMonth() + 1), day: BigInt(now.getUTCDate()) };
  let day = res.day;
  if (day === undefined) {
    // If the default day exceeds the last day of the month, fall back to the end of the month
    const cyear = res.year ?? def.year;
    const cmonth = res.month ?? def.month;
    const last = daysInMonth(cyear, cmonth);
    if (def.day > BigInt(last)) day = BigInt(last);
  }
  const y = res.year ?? def.year;
  const mo = res.month ?? def.month;
  const d = day ?? def.day;
  const h = res.hour ?? 0n;
  const mi = res.minute ?? 0n;
  const s = res.second ?? 0n;
  const us = res.microsecond ?? 0n;
  // datetime.replace(): every argument is converted to a C int first, then range-checked
  for (const v of [y, mo, d, h, mi, s, us]) {
    if (v > 2n ** 63n - 1n) throw new PyError('OverflowError', 'Python int too large to convert to C long');
    if (v > 2n ** 31n - 1n) throw new PyError('OverflowError', 'signed integer is greater than maximum');
  }
  let fields = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s), microsecond: Number(us) };
  checkDatetimeArgs(fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second, fields.microsecond);
  if (res.weekday !== undefined && !res.day) {
    // + relativedelta(weekday=N): the next such weekday, today included
    const days = daysFromCivil(fields.year, fields.month, fields.day);
    const wd = (((days + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday (3)
    const target = civilFromDays(days + ((7 - wd + res.weekday) % 7));
    if (target.year > 9999) throw new PyError('OverflowError', 'date value out of range');
    fields = { ...fields, ...target };
  }
  return fields;
}
