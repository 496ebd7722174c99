// --if-match-initiated-time (and --older-than): what botocore 2.9.19 does with a timestamp parameter.
//
// botocore/utils.py parse_to_aware_datetime(value):
//   1. datetime.fromtimestamp(float(value), tzlocal())  (a number: fromtimestamp(value) directly)
//   2. else dateutil.parser.parse(value, tzinfos={'GMT': tzutc()})  (python-dateutil 2.8.2, in src/py/dateutil/)
//   3. naive -> UTC, aware -> astimezone(UTC)
// The validator (validate.py _type_check_datetime) treats TypeError/ValueError/AttributeError as an
// invalid value; anything else (OverflowError, RuntimeError) escapes and the CLI exits 255.
// The rest-xml serializer then sends formatdate(timegm(dt.utctimetuple()), usegmt=True).

import { pyBytesRepr } from '../py/bytes.js';
import { daysFromCivil } from '../py/calendar.js';
import { pyDecodeUtf8 } from '../py/codecs.js';
import { dateutilParse, type DateutilResult } from '../py/dateutil/parse.js';
import { PyError } from '../py/error.js';
import { pyFloat, pyFloatBytes } from '../py/float.js';
import { pyFromTimestamp } from '../py/fromtimestamp.js';
import { pyFloatRepr } from '../py/repr.js';

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

const WEEKDAY_ABBR = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

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
