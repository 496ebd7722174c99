import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatRfc822, parseTimestamp, toAwareDatetime, unknownTimezoneWarning, type TimestampSource } from '../../src/args/timestamp.js';

// Recorded from AWS CLI 2.9.19's botocore + dateutil 2.8.2 by scripts/gen-timestamp-fixtures.py
interface FixtureInput {
  type: 'str' | 'int' | 'float' | 'bool' | 'none' | 'bytes' | 'list';
  value?: unknown;
}
interface FixtureCase {
  group: string;
  input: FixtureInput;
  now?: string;
  result: 'ok' | 'invalid' | 'crash';
  header?: string;
  message?: string;
  unknownTimezones?: string[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/timestamps.json', import.meta.url), 'utf8')) as {
  now: string;
  cases: FixtureCase[];
};
const NOW = new Date(`${fixture.now}Z`);

function source(i: FixtureInput): TimestampSource | undefined {
  switch (i.type) {
    case 'str':
      return i.value as string;
    case 'int':
      return BigInt(i.value as string);
    case 'float': {
      const v = i.value as string;
      return v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Number(v);
    }
    case 'bool':
      return i.value as boolean;
    case 'bytes':
      return Uint8Array.from([...(i.value as string)].map((c) => c.charCodeAt(0)));
    default:
      return undefined; // None and lists are the validator's business (validate.test.ts)
  }
}

function run(c: FixtureCase) {
  const r = toAwareDatetime(source(c.input)!, c.now ? new Date(`${c.now}Z`) : NOW);
  if (r.kind === 'ok') return { result: 'ok', header: formatRfc822(r.date), tz: r.unknownTimezone };
  return { result: r.kind, message: r.message };
}

function expected(c: FixtureCase) {
  if (c.result === 'ok') return { result: 'ok', header: c.header, tz: c.unknownTimezones?.[0] };
  return { result: c.result, message: c.message };
}

describe('timestamp fixture (botocore parse_to_aware_datetime + formatdate)', () => {
  const groups = [...new Set(fixture.cases.map((c) => c.group))];
  it.each(groups)('agrees on every %s input', (group) => {
    const cases = fixture.cases.filter((c) => c.group === group && source(c.input) !== undefined);
    expect(cases.length).toBeGreaterThan(0);
    const mismatches = cases
      .map((c) => ({ input: c.input.value, got: run(c), want: expected(c) }))
      .filter((m) => JSON.stringify(m.got) !== JSON.stringify(m.want));
    expect(mismatches).toEqual([]);
  });
});

describe('spec examples (awscli-behavior.md 6.2)', () => {
  it.each([
    ['2024-01-02T03:04:05Z', 'Tue, 02 Jan 2024 03:04:05 GMT'],
    ['2024-01-02T03:04:05', 'Tue, 02 Jan 2024 03:04:05 GMT'],
    ['2024-01-02', 'Tue, 02 Jan 2024 00:00:00 GMT'],
    ['Jan 2 2024', 'Tue, 02 Jan 2024 00:00:00 GMT'],
    ['2024-01-02T03:04:05.678+02:00', 'Tue, 02 Jan 2024 01:04:05 GMT'],
    ['2024-01-02T03:04:05+0100', 'Tue, 02 Jan 2024 02:04:05 GMT'],
    ['1700000000', 'Tue, 14 Nov 2023 22:13:20 GMT'],
    ['1700000000.9', 'Tue, 14 Nov 2023 22:13:20 GMT'],
    ['0', 'Thu, 01 Jan 1970 00:00:00 GMT'],
    ['-5', 'Wed, 31 Dec 1969 23:59:55 GMT'],
    ['Tue, 02 Jan 2024 03:04:05 GMT', 'Tue, 02 Jan 2024 03:04:05 GMT'],
    ['2 Jan 2024', 'Tue, 02 Jan 2024 00:00:00 GMT'],
    ['January 2, 2024 3:04 PM', 'Tue, 02 Jan 2024 15:04:00 GMT'],
    ['2024/01/02', 'Tue, 02 Jan 2024 00:00:00 GMT'],
    ['2024-05-01T12:00:00Z', 'Wed, 01 May 2024 12:00:00 GMT'],
  ])('%s -> %s', (input, header) => {
    const r = parseTimestamp(input, NOW);
    expect(r).not.toBeNull();
    expect(formatRfc822(r!.date)).toBe(header);
    expect(r!.unknownTimezone).toBeUndefined();
  });

  it.each(['now', 'yesterday', '2024-13-45', 'foo', '', 'notatime'])('rejects %j', (input) => {
    expect(parseTimestamp(input, NOW)).toBeNull();
  });

  it('reads an unknown zone name as UTC and says so', () => {
    const r = parseTimestamp('2024-01-02 03:04:05 PST', NOW);
    expect(formatRfc822(r!.date)).toBe('Tue, 02 Jan 2024 03:04:05 GMT');
    expect(r!.unknownTimezone).toBe('PST');
    expect(unknownTimezoneWarning('PST')).toBe(
      '/usr/lib/python3/dist-packages/dateutil/parser/_parser.py:1207: UnknownTimezoneWarning: tzname PST identified but not understood.  ' +
        'Pass `tzinfos` argument in order to correctly return a timezone-aware datetime.  In a future version, this will raise an exception.\n' +
        '  warnings.warn("tzname {tzname} identified but not understood.  "\n',
    );
  });

  it('fills a missing date from "now" (dateutil default)', () => {
    expect(formatRfc822(parseTimestamp('10:30', new Date('2024-02-29T23:00:00Z'))!.date)).toBe('Thu, 29 Feb 2024 10:30:00 GMT');
    expect(formatRfc822(parseTimestamp('Feb', new Date('2025-01-31T08:00:00Z'))!.date)).toBe('Fri, 28 Feb 2025 00:00:00 GMT');
  });

  it('gives the exception texts the CLI prints', () => {
    expect(toAwareDatetime('nope', NOW)).toEqual({ kind: 'invalid', message: 'Invalid timestamp "nope": Unknown string format: nope' });
    expect(toAwareDatetime('2024-02-30', NOW)).toEqual({
      kind: 'invalid',
      message: 'Invalid timestamp "2024-02-30": day is out of range for month: 2024-02-30',
    });
    expect(toAwareDatetime('inf', NOW)).toEqual({ kind: 'crash', message: 'timestamp out of range for platform time_t' });
    expect(toAwareDatetime(true, NOW)).toEqual({ kind: 'ok', date: new Date(1000) });
  });

  it("reads a token of more than 4300 digits as int() does on CPython 3.11: a ValueError, so not understood", () => {
    // dateutil 2.8.2 on Python 3.11: ParserError for these, OverflowError for a 4300-digit year
    for (const text of ['Jan-' + '1'.repeat(4400), '1'.repeat(5000) + '-01-01']) {
      expect(toAwareDatetime(text, NOW)).toEqual({ kind: 'invalid', message: `Invalid timestamp "${text}": Unknown string format: ${text}` });
    }
    expect(toAwareDatetime('1'.repeat(4300) + '-01-01', NOW)).toEqual({ kind: 'crash', message: 'Python int too large to convert to C long' });
  });
});

describe('formatRfc822', () => {
  it.each([
    [new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 999)), 'Tue, 02 Jan 2024 03:04:05 GMT'],
    [new Date(-500), 'Wed, 31 Dec 1969 23:59:59 GMT'],
    [new Date('0001-01-01T00:00:00Z'), 'Mon, 01 Jan 0001 00:00:00 GMT'],
    [new Date('0099-12-31T23:59:59Z'), 'Thu, 31 Dec 0099 23:59:59 GMT'],
    [new Date('9999-12-31T23:59:59Z'), 'Fri, 31 Dec 9999 23:59:59 GMT'],
  ])('%s', (date, text) => {
    expect(formatRfc822(date)).toBe(text);
  });
});

