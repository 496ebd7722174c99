// dateutil's parser._parse_numeric_token: what a number in a date string is (a date of 6 or 8
// digits, a time, a year, month or day, an hour before am/pm), from the tokens around it.

import { decCmp, decHasFrac, decSixtieths, type Dec, toDecimal } from './decimal.js';
import { ampm, hms, jump, month } from './parserinfo.js';
import type { ParseResult } from './result.js';
import { at, fail, isDigits, pyLen, tokenInt } from './token.js';
import type { Ymd } from './ymd.js';

export function parseNumericToken(tokens: string[], idx: number, ymd: Ymd, res: ParseResult): number {
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

function assignHms(res: ParseResult, valueRepr: string, h: number): void {
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

/** _parsems: "SS[.ffffff]" */
function parsems(value: string): [bigint, bigint] {
  if (!value.includes('.')) return [tokenInt(value), 0n];
  const parts = value.split('.');
  if (parts.length !== 2) fail();
  return [tokenInt(parts[0]!), tokenInt(parts[1]!.padEnd(6, '0').slice(0, 6))];
}

/** parser._adjust_ampm: the hour on a 24-hour clock. */
export function adjustAmpm(hour: bigint, value: number): bigint {
  if (hour < 12n && value === 1) return hour + 12n;
  if (hour === 12n && value === 0) return 0n;
  return hour;
}
