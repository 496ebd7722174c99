// readBulkFlags: defaults, ages and timestamps for --older-than, ranges, and the combinations that
// are usage errors (252, worded like argparse errors).
import { describe, expect, it } from 'vitest';
import { readBulkFlags, type BulkFlags } from '../../src/bulk/bulk-options.js';
import type { Parsed } from '../../src/args/parse-argv.js';
import { parseTimestamp } from '../../src/args/timestamp.js';
import { ArgParseError, EXIT_USAGE, USAGE_TEXT } from '../../src/errors.js';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const read = (op: Parsed): BulkFlags => readBulkFlags(op, 's3abort', NOW, (v) => parseTimestamp(v, new Date(NOW))?.date ?? null);

function usageError(op: Parsed): ArgParseError {
  try {
    read(op);
  } catch (e) {
    if (e instanceof ArgParseError) return e;
    throw e;
  }
  throw new Error(`no error for ${JSON.stringify(op)}`);
}

describe('defaults and activation', () => {
  it('is inactive with no bulk option, with the documented defaults', () => {
    expect(read({ bucket: 'b', key: 'k', uploadId: 'u' })).toEqual({
      active: false, allUploads: false, dryRun: false, concurrency: 16, verify: false, verifyAttempts: 5, ignoreMissing: false,
    });
  });

  it.each([
    [{ allUploads: true }],
    [{ dryRun: true }],
    [{ verify: true }],
    [{ ignoreMissing: true }],
    [{ concurrency: '4' }],
    [{ log: 'run.log' }],
  ] as Parsed[][])('turns on for %o', (op) => {
    expect(read({ bucket: 'b', ...op }).active).toBe(true);
  });

  it('reads every value', () => {
    expect(
      read({ bucket: 'b', allUploads: true, prefix: 'logs/', olderThan: '7d', dryRun: true, concurrency: '64', verify: true, verifyAttempts: '9', ignoreMissing: true }),
    ).toEqual({
      active: true, allUploads: true, prefix: 'logs/', cutoff: { ageMs: 7 * 86_400_000 }, dryRun: true,
      concurrency: 64, verify: true, verifyAttempts: 9, ignoreMissing: true,
    });
  });

  it('leaves alone what was initiated in the last 24 hours when --all-uploads has no --older-than', () => {
    expect(read({ allUploads: true }).cutoff).toEqual({ ageMs: 24 * 3600_000 });
    expect(read({ key: 'k', uploadId: 'u', dryRun: true }).cutoff).toBeUndefined();
  });

  it('keeps an empty --prefix (every key)', () => {
    expect(read({ allUploads: true, prefix: '' }).prefix).toBe('');
  });
});

describe('--older-than', () => {
  it.each([
    ['90s', 90],
    ['15m', 15 * 60],
    ['36h', 36 * 3600],
    ['7d', 7 * 86400],
    ['2w', 14 * 86400],
    ['0s', 0],
    [' 5 d ', 5 * 86400],
    ['1000w', 1000 * 604800],
  ])('reads the age %j as %i seconds (measured later, against S3\'s clock)', (age, seconds) => {
    expect(read({ allUploads: true, olderThan: age }).cutoff).toEqual({ ageMs: seconds * 1000 });
  });

  it.each([
    ['2026-11-20T10:00:00Z', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20T12:00:00+02:00', '2026-11-20T10:00:00.000Z'],
    ['Fri, 20 Nov 2026 10:00:00 GMT', '2026-11-20T10:00:00.000Z'],
    ['2026-11-27T12:00:00Z', '2026-11-27T12:00:00.000Z'],
  ])('reads the timestamp %j as --if-match-initiated-time would', (text, iso) => {
    const cutoff = read({ allUploads: true, olderThan: text }).cutoff;
    expect(cutoff && 'before' in cutoff ? cutoff.before.toISOString() : cutoff).toBe(iso);
  });

  it.each([
    ['23:59', '2026-11-27T23:59:00+00:00'],
    ['Friday', '2026-11-27T00:00:00+00:00'],
    ['Saturday', '2026-11-28T00:00:00+00:00'],
    ['2026-12-31', '2026-12-31T00:00:00+00:00'],
    ['2026-11-27T12:00:01Z', '2026-11-27T12:00:01+00:00'],
  ])('refuses %j, a time after now (%s), naming it', (text, resolved) => {
    if (text === 'Friday') {
      // 2026-11-27 is a Friday: midnight of today is in the past and allowed
      expect(read({ allUploads: true, olderThan: text }).cutoff).toEqual({ before: new Date(Date.UTC(2026, 10, 27)) });
      return;
    }
    const e = usageError({ allUploads: true, olderThan: text });
    expect(e.message).toBe(
      `argument --older-than: '${text}' is ${resolved}, after now (2026-11-27T12:00:00+00:00): every upload, even one started a second ago, would be selected; give an age (90s, 15m, 36h, 7d, 2w) or a time in the past`,
    );
    expect(e.exitCode).toBe(EXIT_USAGE);
  });

  it.each(['30', ' 7 ', '0', '1795168800', '1.5', '-3'])('refuses the bare number %j, naming the units', (text) => {
    expect(usageError({ allUploads: true, olderThan: text }).message).toBe(
      `argument --older-than: invalid value '${text}': a number needs a unit: s (seconds), m (minutes), h (hours), d (days) or w (weeks), as in 7d`,
    );
  });

  it.each(['', 'soon', '7 days', '7D', '15M', '1.5h', '10h30m', '1d12h', '-7d', '2mo', '99999999999999w', '1d2'])(
    'refuses %j',
    (text) => {
      const e = usageError({ allUploads: true, olderThan: text });
      expect(e.message).toBe(
        `argument --older-than: invalid value '${text}': expected an age such as 90s, 15m, 36h, 7d, 2w, or a timestamp`,
      );
      expect(e.exitCode).toBe(EXIT_USAGE);
      expect(e.render()).toBe(`\n${USAGE_TEXT}\ns3abort: error: ${e.message}\n\n`);
    },
  );
});

describe('ranges', () => {
  it.each([
    ['concurrency', '--concurrency', '1', 1],
    ['concurrency', '--concurrency', '256', 256],
    ['concurrency', '--concurrency', ' 32 ', 32],
    ['verifyAttempts', '--verify-attempts', '1', 1],
    ['verifyAttempts', '--verify-attempts', '100', 100],
  ])('accepts %s %j', (dest, _flag, value, n) => {
    expect(read({ allUploads: true, verify: true, [dest]: value })[dest as 'concurrency' | 'verifyAttempts']).toBe(n);
  });

  it.each([
    ['concurrency', '--concurrency', '0', 1, 256],
    ['concurrency', '--concurrency', '257', 1, 256],
    ['concurrency', '--concurrency', '-1', 1, 256],
    ['concurrency', '--concurrency', '4.5', 1, 256],
    ['concurrency', '--concurrency', 'many', 1, 256],
    ['concurrency', '--concurrency', '', 1, 256],
    ['verifyAttempts', '--verify-attempts', '0', 1, 100],
    ['verifyAttempts', '--verify-attempts', '101', 1, 100],
  ])('refuses %s %j', (dest, flag, value, lo, hi) => {
    expect(usageError({ allUploads: true, verify: true, [dest]: value }).message).toBe(
      `argument ${flag}: invalid value '${value}': expected a whole number from ${lo} to ${hi}`,
    );
  });
});

describe('combinations', () => {
  it.each([
    [{ prefix: 'a/' }, 'argument --prefix: only allowed with argument --all-uploads'],
    [{ olderThan: '7d' }, 'argument --older-than: only allowed with argument --all-uploads'],
    [{ allUploads: true, uploadId: 'u' }, 'argument --upload-id: not allowed with argument --all-uploads'],
    [{ allUploads: true, ifMatchInitiatedTime: '2026-11-20T10:00:00Z' }, 'argument --if-match-initiated-time: not allowed with argument --all-uploads'],
    [{ verifyAttempts: '3' }, 'argument --verify-attempts: only allowed with argument --verify'],
    [{ allUploads: true, verifyAttempts: '3' }, 'argument --verify-attempts: only allowed with argument --verify'],
  ] as [Parsed, string][])('refuses %o', (op, message) => {
    expect(usageError({ bucket: 'b', ...op }).message).toBe(message);
  });

  it.each([
    [{ allUploads: true, key: 'k' }],
    [{ allUploads: true, key: 'k', prefix: 'k' }],
    [{ key: 'k', uploadId: 'u', dryRun: true }],
    [{ key: 'k', uploadId: 'u', verify: true, verifyAttempts: '2' }],
    [{ key: 'k', uploadId: 'u', ifMatchInitiatedTime: '2026-11-20T10:00:00Z', verify: true }],
    [{ allUploads: true, dryRun: true, ignoreMissing: true, verify: true }],
  ] as Parsed[][])('allows %o', (op) => {
    expect(() => read({ bucket: 'b', ...op })).not.toThrow();
  });

  it('checks values before combinations', () => {
    expect(usageError({ prefix: 'a/', concurrency: '0' }).message).toMatch(/^argument --concurrency:/);
  });
});
