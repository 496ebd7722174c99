// dateutil's parser._parse (dayfirst=False, yearfirst=False, fuzzy=False): the tokens of a date
// string read into a _result, and parserinfo.validate on it.

import { floatLike } from './decimal.js';
import { adjustAmpm, parseNumericToken } from './numeric-token.js';
import { ampm, convertYear, jump, month, pertain, tzoffsetOf, utczone, UTCZONE, weekday } from './parserinfo.js';
import type { ParseResult } from './result.js';
import { timelex } from './timelex.js';
import { at, fail, isDigits, ParseFail, pyLen, tokenInt } from './token.js';
import { Ymd } from './ymd.js';

/** parser._parse (dayfirst=False, yearfirst=False, fuzzy=False); undefined for "Unknown string format". */
export function parseTokens(timestr: string, currentYear: number): ParseResult | undefined {
  const res: ParseResult = { centurySpecified: false };
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

function couldBeTzname(hour: bigint | undefined, tzname: string | undefined, tzoffset: number | undefined, token: string): boolean {
  return hour !== undefined && tzname === undefined && tzoffset === undefined && pyLen(token) <= 5 && (/^[A-Z]*$/.test(token) || UTCZONE.includes(token));
}
