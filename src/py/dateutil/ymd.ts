// dateutil's _ymd: the year, month and day candidates a date string holds, and how they resolve.

import { daysInMonth } from '../calendar.js';
import { type Dec, decCmp } from './decimal.js';
import { fail, isDigits, pyLen, tokenInt } from './token.js';

export type YmdValue = string | Dec | bigint;

/** _ymd: the values in order, and which of them a word or a label fixed as year, month or day. */
export class Ymd {
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
