// datetime.datetime.fromtimestamp as CPython computes it on glibc, with local time = UTC: the
// float's microseconds rounded half-even, time_t's range, and gmtime's EOVERFLOW for a year that
// does not fit a C int.

import { civilFromDays } from './calendar.js';
import { pyErrno } from './errno.js';
import { PyError } from './error.js';

const INT64_EDGE = 2 ** 63;

const INT32_MAX = 2 ** 31 - 1;

/** datetime.fromtimestamp(t, tz) with local time = UTC: the instant, or CPython's exception. */
export function pyFromTimestamp(t: number | bigint): Date {
  let secs: number;
  let micros = 0;
  if (typeof t === 'bigint') {
    if (t < -(2n ** 63n) || t >= 2n ** 63n) throw new PyError('OverflowError', 'timestamp out of range for platform time_t');
    secs = Number(t);
  } else {
    if (Number.isNaN(t)) throw new PyError('ValueError', 'Invalid value NaN (not a number)');
    // _PyTime_DoubleToDenominator: modf, microseconds rounded half-even, borrow into the seconds
    let intpart = Math.trunc(t);
    let floatpart = roundHalfEven((t - intpart) * 1e6);
    if (floatpart >= 1e6) {
      floatpart -= 1e6;
      intpart += 1;
    } else if (floatpart < 0) {
      floatpart += 1e6;
      intpart -= 1;
    }
    if (!(intpart >= -INT64_EDGE && intpart <= INT64_EDGE)) throw new PyError('OverflowError', 'timestamp out of range for platform time_t');
    secs = intpart;
    micros = floatpart;
  }
  const year = civilFromDays(Math.floor(secs / 86400)).year;
  // glibc gmtime_r: EOVERFLOW when tm_year does not fit an int
  if (year - 1900 > INT32_MAX || year - 1900 < -INT32_MAX - 1) {
    const [errno, strerror] = pyErrno('EOVERFLOW')!;
    throw new PyError('OSError', `[Errno ${errno}] ${strerror}`);
  }
  if (year < 1 || year > 9999) throw new PyError('ValueError', `year ${year} is out of range`);
  return new Date(secs * 1000 + Math.floor(micros / 1000));
}

/** C round(): halves away from zero. */
function cRound(x: number): number {
  const r = Math.trunc(x);
  return Math.abs(x - r) >= 0.5 ? r + Math.sign(x) : r;
}

function roundHalfEven(x: number): number {
  const r = cRound(x);
  return Math.abs(x - r) === 0.5 ? 2 * cRound(x / 2) : r;
}
