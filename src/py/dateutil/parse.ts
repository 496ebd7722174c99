// dateutil.parser.parse (python-dateutil 2.8.2, default parserinfo) as botocore calls it, with
// tzinfos={'GMT': tzutc()}: _parse, then _build_naive and _build_tzaware. Assumptions: local time
// is UTC (time.tzname == ('UTC', 'UTC')), and "now" (the default for missing fields and the pivot
// for two-digit years) is passed in.

import { checkDatetimeArgs, civilFromDays, daysFromCivil, daysInMonth } from '../calendar.js';
import { pyDecimal } from '../digits.js';
import { PyError } from '../error.js';
import { parseTokens } from './parse-tokens.js';
import { type ParseResult, resLength } from './result.js';

/** What parse() gives botocore: the naive fields, and the UTC offset or the zone name it did not know. */
export interface DateutilResult {
  fields: { year: number; month: number; day: number; hour: number; minute: number; second: number; microsecond: number };
  /** seconds east of UTC; undefined for a naive (UTC) time */
  offset?: number;
  unknownTimezone?: string;
}

/** parser.parse(timestr, tzinfos={'GMT': tzutc()}) */
export function dateutilParse(timestr: string, display: string, now: Date): DateutilResult {
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

/** _build_naive: fill missing fields from the default (today 00:00), datetime.replace checks, weekday. */
function buildNaive(res: ParseResult, now: Date): DateutilResult['fields'] {
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
