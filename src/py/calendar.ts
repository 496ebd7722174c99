// The proleptic Gregorian calendar as CPython's datetime and calendar modules count it: days
// from the epoch and back, the length of a month (calendar.monthrange), and datetime()'s argument
// checks with their ValueError texts (Modules/_datetimemodule.c check_date_args, check_time_args).

import { PyError } from './error.js';

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Milliseconds since the epoch of a valid proleptic Gregorian UTC time (years 1..99 included). */
export function utcMillis(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60000 + second * 1000 + ms;
}

/** The date of a day number (Howard Hinnant's civil_from_days). */
export function civilFromDays(z: number): { year: number; month: number; day: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

function isLeap(y: bigint): boolean {
  return (y % 4n === 0n && y % 100n !== 0n) || y % 400n === 0n;
}

const MDAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** calendar.monthrange(year, month)[1]; IllegalMonthError (a ValueError) for a bad month. */
export function daysInMonth(year: bigint, month: bigint): number {
  if (month < 1n || month > 12n) throw new PyError('ValueError', `bad month number ${month}; must be 1-12`);
  return MDAYS[Number(month)]! + (month === 2n && isLeap(year) ? 1 : 0);
}

/** datetime(year, month, day, hour, minute, second, microsecond)'s range checks, in CPython's order. */
export function checkDatetimeArgs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, microsecond = 0): void {
  if (year < 1 || year > 9999) throw new PyError('ValueError', `year ${year} is out of range`);
  if (month < 1 || month > 12) throw new PyError('ValueError', 'month must be in 1..12');
  if (day < 1 || day > daysInMonth(BigInt(year), BigInt(month))) throw new PyError('ValueError', 'day is out of range for month');
  if (hour < 0 || hour > 23) throw new PyError('ValueError', 'hour must be in 0..23');
  if (minute < 0 || minute > 59) throw new PyError('ValueError', 'minute must be in 0..59');
  if (second < 0 || second > 59) throw new PyError('ValueError', 'second must be in 0..59');
  if (microsecond < 0 || microsecond > 999999) throw new PyError('ValueError', 'microsecond must be in 0..999999');
}
