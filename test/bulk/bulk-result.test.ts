// The result document (keys, order, timestamps) as every formatter prints it, and the exit code.
import { describe, expect, it } from 'vitest';
import { bulkExitCode, isoTimestamp, resultDocument, summarize, writeResultJson } from '../../src/bulk/bulk-result.js';
import type { BulkResult, UploadOutcome } from '../../src/bulk/run-bulk.js';
import { render } from '../../src/output/display.js';
import { compileQuery } from '../../src/query/jmespath.js';

const T = new Date(Date.UTC(2026, 10, 20, 10, 0, 0));

const up = (id: string, status: UploadOutcome['Status'], extra: Partial<UploadOutcome> = {}): UploadOutcome => ({
  Key: `k/${id}`, UploadId: id, Initiated: T, Status: status, ...extra,
});
const failed = (id: string, exit: number, code = exit === 254 ? 'AccessDenied' : 'RequestFailed'): UploadOutcome =>
  up(id, 'Failed', { Error: { Code: code, Message: code === 'AccessDenied' ? 'Access Denied' : 'Could not connect' }, errorExit: exit });
const result = (uploads: UploadOutcome[], extra: Partial<BulkResult> = {}): BulkResult => ({ dryRun: false, uploads, interrupted: false, ...extra });

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
      DryRun: false, Uploads: [], Summary: { Selected: 0, Aborted: 0, AlreadyGone: 0, Failed: 0 },
    });
  });

  it('adds Skipped to the summary only when some were skipped (SIGINT)', async () => {
    const r = result([up('a', 'Aborted'), up('b', 'Skipped'), up('c', 'Skipped')], { interrupted: true });
    expect(JSON.parse(await json(r)).Summary).toEqual({ Selected: 3, Aborted: 1, AlreadyGone: 0, Failed: 0, Skipped: 2 });
    expect(summarize(r)).toEqual({ Selected: 3, Aborted: 1, AlreadyGone: 0, Failed: 0, Skipped: 2 });
  });

  it('reports a dry run with DryRun true and WouldAbort', async () => {
    const r = result([up('a', 'WouldAbort')], { dryRun: true });
    expect(JSON.parse(await json(r))).toEqual({
      DryRun: true,
      Uploads: [{ Key: 'k/a', UploadId: 'a', Initiated: '2026-11-20T10:00:00+00:00', Status: 'WouldAbort' }],
      Summary: { Selected: 1, Aborted: 0, AlreadyGone: 0, Failed: 0 },
    });
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
  ] as [string, UploadOutcome[], number][])('%s: %i', (_name, uploads, code) => {
    expect(bulkExitCode(result(uploads))).toBe(code);
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
