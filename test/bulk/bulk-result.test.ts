// The result document (keys, order, timestamps) as every formatter prints it, and the exit code.
import { describe, expect, it } from 'vitest';
import { bulkExitCode, isoTimestamp, logRecord, resultDocument, sampleResult, summarize, writeResultJson } from '../../src/bulk/bulk-result.js';
import type { BulkResult, UploadOutcome } from '../../src/bulk/run-bulk.js';
import { ServiceError, TransportError } from '../../src/errors.js';
import { render } from '../../src/output/display.js';
import { compileQuery } from '../../src/query/jmespath.js';

const T = new Date(Date.UTC(2026, 10, 20, 10, 0, 0));

const up = (id: string, status: UploadOutcome['Status'], extra: Partial<UploadOutcome> = {}): UploadOutcome => ({
  Key: `k/${id}`, UploadId: id, Initiated: T, Status: status, ...extra,
});
const failed = (id: string, exit: number, code = exit === 254 ? 'AccessDenied' : 'RequestFailed'): UploadOutcome =>
  up(id, 'Failed', { Error: { Code: code, Message: code === 'AccessDenied' ? 'Access Denied' : 'Could not connect' }, errorExit: exit });
const result = (uploads: UploadOutcome[], extra: Partial<BulkResult> = {}): BulkResult => ({ dryRun: false, uploads, ...extra });

const json = (r: BulkResult) => render(resultDocument(r), { format: 'json', color: false, terminalWidth: 80, title: 'AbortMultipartUpload' });

describe('isoTimestamp', () => {
  it.each([
    [T, '2026-11-20T10:00:00+00:00'],
    [new Date(Date.UTC(2026, 10, 20, 10, 0, 0, 123)), '2026-11-20T10:00:00.123000+00:00'],
    [new Date(Date.UTC(2026, 10, 20, 10, 0, 0, 5)), '2026-11-20T10:00:00.005000+00:00'],
    [new Date(Date.UTC(1999, 0, 1, 0, 0, 0)), '1999-01-01T00:00:00+00:00'],
  ])('prints %o as the AWS CLI does', (d, text) => {
    expect(isoTimestamp(d)).toBe(text);
  });
});

describe('resultDocument', () => {
  it('prints the documented shape, keys in order', async () => {
    const r = result([
      up('a', 'Aborted', { Verified: true }),
      failed('b', 254),
    ]);
    expect(await json(r)).toBe(
      [
        '{',
        '    "DryRun": false,',
        '    "Uploads": [',
        '        {',
        '            "Key": "k/a",',
        '            "UploadId": "a",',
        '            "Initiated": "2026-11-20T10:00:00+00:00",',
        '            "Status": "Aborted",',
        '            "Verified": true',
        '        },',
        '        {',
        '            "Key": "k/b",',
        '            "UploadId": "b",',
        '            "Initiated": "2026-11-20T10:00:00+00:00",',
        '            "Status": "Failed",',
        '            "Error": {',
        '                "Code": "AccessDenied",',
        '                "Message": "Access Denied"',
        '            }',
        '        }',
        '    ],',
        '    "Summary": {',
        '        "Selected": 2,',
        '        "Aborted": 1,',
        '        "AlreadyGone": 0,',
        '        "Unconfirmed": 0,',
        '        "Failed": 1',
        '    }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('leaves out Initiated when unknown (a single upload) and Verified without --verify', () => {
    const doc = resultDocument(result([{ Key: 'k', UploadId: 'u', Status: 'Aborted' }]));
    const uploads = doc.get('Uploads') as Map<string, unknown>[];
    expect([...uploads[0]!.keys()]).toEqual(['Key', 'UploadId', 'Status']);
    expect([...doc.keys()]).toEqual(['DryRun', 'Uploads', 'Summary']);
  });

  it('prints an empty selection', async () => {
    expect(JSON.parse(await json(result([])))).toEqual({
      DryRun: false, Uploads: [], Summary: { Selected: 0, Aborted: 0, AlreadyGone: 0, Unconfirmed: 0, Failed: 0 },
    });
  });

  it('adds Skipped to the summary only when some were skipped (SIGINT)', async () => {
    const r = result([up('a', 'Aborted'), up('b', 'Skipped'), up('c', 'Skipped')], { stopped: { signal: 'SIGINT' } });
    expect(JSON.parse(await json(r)).Summary).toEqual({ Selected: 3, Aborted: 1, AlreadyGone: 0, Unconfirmed: 0, Failed: 0, Skipped: 2 });
    expect(summarize(r)).toEqual({ Selected: 3, Aborted: 1, AlreadyGone: 0, Unconfirmed: 0, Failed: 0, Skipped: 2 });
    expect(JSON.parse(await json(r)).Stopped).toBe('signal SIGINT');
  });

  it('reports a dry run with DryRun true and WouldAbort', async () => {
    const r = result([up('a', 'WouldAbort')], { dryRun: true });
    expect(JSON.parse(await json(r))).toEqual({
      DryRun: true,
      Uploads: [{ Key: 'k/a', UploadId: 'a', Initiated: '2026-11-20T10:00:00+00:00', Status: 'WouldAbort' }],
      Summary: { Selected: 1, Aborted: 0, AlreadyGone: 0, Unconfirmed: 0, Failed: 0 },
    });
  });

  it('states the cutoff and how far the listing got, with the error that stopped it', async () => {
    const listingError = new ServiceError('AccessDenied', 'Access Denied', 403, 'An error occurred (AccessDenied) when calling the ListMultipartUploads operation: Access Denied');
    const r = result([up('a', 'Aborted'), up('b', 'Unconfirmed', { Error: { Code: 'RequestFailed', Message: 'Read timeout' }, errorExit: 255 })], {
      cutoff: new Date(Date.UTC(2026, 11, 1, 5, 50)),
      listing: { complete: false, pages: 2, error: listingError },
    });
    const doc = JSON.parse(await json(r));
    expect(Object.keys(doc)).toEqual(['DryRun', 'Cutoff', 'Uploads', 'Listing', 'Summary']);
    expect(doc.Cutoff).toBe('2026-12-01T05:50:00+00:00');
    expect(doc.Listing).toEqual({ Complete: false, Pages: 2, Error: { Code: 'AccessDenied', Message: 'Access Denied' } });
    expect(doc.Summary).toEqual({ Selected: 2, Aborted: 1, AlreadyGone: 0, Unconfirmed: 1, Failed: 0 });
    expect(bulkExitCode(r)).toBe(254);
  });

  it('never leaks the internal exit class', async () => {
    expect(await json(result([failed('a', 255)]))).not.toMatch(/errorExit/);
  });

  it('works with --query and the text formatter', async () => {
    const r = result([up('a', 'Aborted'), up('b', 'AlreadyGone'), failed('c', 254)]);
    const text = await render(resultDocument(r), {
      format: 'text', color: false, terminalWidth: 80, title: 'AbortMultipartUpload',
      query: compileQuery("Uploads[?Status!='Failed'].[Key,Status]"),
    });
    expect(text).toBe('k/a\tAborted\nk/b\tAlreadyGone\n');
    const n = await render(resultDocument(r), { format: 'json', color: false, terminalWidth: 80, title: 'x', query: compileQuery('Summary.Failed') });
    expect(n).toBe('1\n');
  });
});

describe('bulkExitCode', () => {
  it.each([
    ['every upload aborted', [up('a', 'Aborted'), up('b', 'AlreadyGone')], 0],
    ['a dry run', [up('a', 'WouldAbort')], 0],
    ['nothing selected', [], 0],
    ['some failed', [up('a', 'Aborted'), failed('b', 254)], 1],
    ['some failed otherwise', [up('a', 'Aborted'), failed('b', 255)], 1],
    ['all failed with service errors', [failed('a', 254), failed('b', 254)], 254],
    ['all failed with connection errors', [failed('a', 255), failed('b', 255)], 255],
    ['all failed, some not with service errors', [failed('a', 254), failed('b', 255)], 255],
    ['a verification that never succeeded', [up('a', 'Failed', { Verified: false, Error: { Code: 'PartsRemain', Message: '' } })], 255],
    ['some unconfirmed', [up('a', 'Aborted'), up('b', 'Unconfirmed', { errorExit: 255 })], 1],
    ['all unconfirmed', [up('a', 'Unconfirmed', { errorExit: 255 })], 255],
  ] as [string, UploadOutcome[], number][])('%s: %i', (_name, uploads, code) => {
    expect(bulkExitCode(result(uploads))).toBe(code);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ])('exits 128 + the number of %s that stopped it, whatever the uploads did', (signal, code) => {
    expect(bulkExitCode(result([up('a', 'Aborted'), up('b', 'Skipped')], { stopped: { signal } }))).toBe(code);
    expect(bulkExitCode(result([], { stopped: { signal } }))).toBe(code);
  });

  it('exits with the listing error when the listing stopped partway, although every selected upload was aborted', () => {
    const listingError = new ServiceError('AccessDenied', 'Access Denied', 403, 'x');
    expect(bulkExitCode(result([up('a', 'Aborted')], { listing: { complete: false, pages: 1, error: listingError } }))).toBe(254);
  });

  it('exits 255 when the endpoint stopped answering', () => {
    const down = new TransportError('Could not connect to the endpoint URL: "http://x/"', 'connect', false);
    expect(bulkExitCode(result([up('a', 'Aborted'), up('b', 'Skipped')], { stopped: { endpointDown: down } }))).toBe(255);
  });
});

describe('writeResultJson', () => {
  const streamed = (r: BulkResult) => {
    const chunks: string[] = [];
    writeResultJson(r, (c) => chunks.push(c));
    return { text: chunks.join(''), writes: chunks.length };
  };
  const odd = ['a"b', 'back\\slash', 'new\nline', 'tab\tand\u0001', 'ünï €', '{"not": "json"}', ''];
  it.each([
    ['no uploads', result([])],
    ['no uploads, dry run', result([], { dryRun: true })],
    ['one upload', result([up('a', 'Aborted')])],
    ['every status and field', result([
      up('a', 'Aborted', { Verified: true }),
      up('b', 'AlreadyGone'),
      failed('c', 254),
      failed('d', 255),
      up('e', 'Skipped'),
      up('f', 'Failed', { Verified: false, Error: { Code: 'PartsRemain', Message: 'parts were still listed' } }),
      { Key: 'no-date', UploadId: 'x', Status: 'Aborted' },
    ])],
    ['dry run', result([up('a', 'WouldAbort'), up('b', 'WouldAbort')], { dryRun: true })],
    ['cutoff, listing and a stop', result([up('a', 'Aborted'), up('b', 'Unconfirmed', { Error: { Code: 'Interrupted', Message: 'm' } }), up('c', 'Skipped')], {
      cutoff: new Date(Date.UTC(2026, 11, 1)), listing: { complete: false, pages: 3 }, stopped: { signal: 'SIGTERM' },
    })],
    ['keys that need escaping', result(odd.map((k, i) => ({ ...up(String(i), 'Failed'), Key: k, Error: { Code: k, Message: `m ${k}` } })))],
    ['more uploads than one write holds', result(Array.from({ length: 1234 }, (_, i) => up(String(i), i % 7 ? 'Aborted' : 'Skipped')))],
  ])('writes what the json formatter prints: %s', async (_, r) => {
    expect(streamed(r).text).toBe(await json(r));
  });

  it('writes a long list in several pieces', () => {
    const r = result(Array.from({ length: 1234 }, (_, i) => up(String(i), 'Aborted')));
    expect(streamed(r).writes).toBeGreaterThan(2);
  });
});

describe('logRecord', () => {
  it('is one line of JSON: the time, the bucket, then the fields of the upload\'s entry', () => {
    const line = logRecord('b', up('a', 'Failed', { Verified: false, Error: { Code: 'AccessDenied', Message: 'Access Denied' }, errorExit: 254 }), new Date(Date.UTC(2026, 11, 2, 6, 0, 1, 250)));
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/\n/);
    expect(JSON.parse(line)).toEqual({
      Time: '2026-12-02T06:00:01.250000+00:00', Bucket: 'b', Key: 'k/a', UploadId: 'a', Initiated: '2026-11-20T10:00:00+00:00',
      Status: 'Failed', Verified: false, Error: { Code: 'AccessDenied', Message: 'Access Denied' },
    });
    expect(Object.keys(JSON.parse(line))).toEqual(['Time', 'Bucket', 'Key', 'UploadId', 'Initiated', 'Status', 'Verified', 'Error']);
  });

  it('keeps a key with a newline on one line', () => {
    const line = logRecord('b', { Key: 'a\nb', UploadId: 'u', Status: 'WouldAbort' }, new Date(0));
    expect(line.split('\n')).toHaveLength(2);
    expect(JSON.parse(line).Key).toBe('a\nb');
  });
});

describe('sampleResult', () => {
  it('has one upload of each status a run of these options can end in', () => {
    const statuses = (f: Parameters<typeof sampleResult>[0]) => sampleResult(f, 'b').uploads.map((u) => u.Status);
    expect(statuses({ allUploads: true, dryRun: false, verify: false, ignoreMissing: false })).toEqual(['Aborted', 'Unconfirmed', 'Failed', 'Skipped']);
    expect(statuses({ allUploads: true, dryRun: false, verify: true, ignoreMissing: true })).toEqual(['Aborted', 'AlreadyGone', 'Unconfirmed', 'Failed', 'Skipped']);
    expect(statuses({ allUploads: true, dryRun: true, verify: false, ignoreMissing: false })).toEqual(['WouldAbort']);
    expect(statuses({ allUploads: false, dryRun: true, verify: false, ignoreMissing: true })).toEqual(['WouldAbort', 'Failed', 'AlreadyGone']);
  });

  it('has the document shape of the run: Cutoff and Listing only when listing', () => {
    expect([...resultDocument(sampleResult({ allUploads: true, dryRun: false, verify: false, ignoreMissing: false }, 'b')).keys()]).toEqual(['DryRun', 'Cutoff', 'Uploads', 'Listing', 'Summary']);
    expect([...resultDocument(sampleResult({ allUploads: false, dryRun: false, verify: true, ignoreMissing: false }, 'b')).keys()]).toEqual(['DryRun', 'Uploads', 'Summary']);
  });
});
