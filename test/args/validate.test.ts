import { describe, expect, it } from 'vitest';
import { parseCliInput } from '../../src/args/cli-input.js';
import { formatRfc822, unknownTimezoneWarning } from '../../src/args/timestamp.js';
import { validateParams, type AbortParams } from '../../src/args/validate.js';
import { CliError } from '../../src/errors.js';
import type { InputValue } from '../../src/py/input-value.js';

// Expected texts are what AWS CLI 2.9.19 printed for the same parameters (goldens and runs of the
// reference CLI with the current S3 model).

const NOW = Date.UTC(2025, 0, 31, 10, 20, 30);
const MEMBERS = 'Bucket, Key, UploadId, RequestPayer, ExpectedBucketOwner, IfMatchInitiatedTime';
const BUCKET_RULE =
  'Bucket name must match the regex "^[a-zA-Z0-9.\\-_]{1,255}$" or be an ARN matching the regex ' +
  '"^arn:(aws).*:(s3|s3-object-lambda):[a-z\\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\\-.]{1,63}$|' +
  '^arn:(aws).*:s3-outposts:[a-z\\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\\-]{1,63}$"';

/** Params in call order: CLI options (arg-table order), then cli-input keys not already given. */
function params(cli: Record<string, string | Uint8Array>, input?: { json?: string; yaml?: string }): Map<string, unknown> {
  const m = new Map<string, unknown>(Object.entries(cli));
  const doc = input?.json !== undefined ? parseCliInput('json', input.json) : input?.yaml !== undefined ? parseCliInput('yaml', input.yaml) : undefined;
  for (const [k, v] of doc ?? []) if (!m.has(k)) m.set(k, v as InputValue);
  return m;
}

function outcome(p: Map<string, unknown>, parameterValidation = true): AbortParams | { exitCode: number; message: string } {
  try {
    return validateParams(p, { parameterValidation, now: NOW });
  } catch (e) {
    if (e instanceof CliError) return { exitCode: e.exitCode, message: e.message };
    throw e;
  }
}

const failed = (...lines: string[]) => ({ exitCode: 252, message: ['Parameter validation failed:', ...lines].join('\n') });
const general = (message: string) => ({ exitCode: 255, message });
const base = { bucket: 'b', key: 'k', uploadId: 'u', warnings: [] };

describe('valid parameters', () => {
  it('returns the call parameters', () => {
    expect(outcome(params({ Bucket: 'b', Key: 'k', UploadId: 'u' }))).toEqual(base);
    expect(
      outcome(
        params({
          Bucket: 'my.bkt-1_x',
          Key: 'a b/ü',
          UploadId: '',
          RequestPayer: 'anything',
          ExpectedBucketOwner: '',
          IfMatchInitiatedTime: '2024-05-01T12:00:00Z',
        }),
      ),
    ).toEqual({
      bucket: 'my.bkt-1_x',
      key: 'a b/ü',
      uploadId: '',
      requestPayer: 'anything',
      expectedBucketOwner: '',
      ifMatchInitiatedTime: new Date('2024-05-01T12:00:00Z'),
      warnings: [],
    });
  });

  it.each([
    ['arn:aws:s3:us-east-1:123456789012:accesspoint/myap'],
    ['arn:aws:s3-outposts:us-west-2:123456789012:outpost/op-01ac5d28a6a232904/accesspoint/ap'],
    ['abc\n'], // Python's "$" matches before a final newline (file:// keeps it)
  ])('bucket %j passes the name check', (bucket) => {
    expect(outcome(params({ Bucket: bucket, Key: 'k', UploadId: 'u' }))).toMatchObject({ bucket });
  });

  it('takes timestamps from strings, epoch numbers, booleans and YAML datetimes', () => {
    const header = (p: Map<string, unknown>) => {
      const r = outcome(p) as AbortParams;
      return formatRfc822(r.ifMatchInitiatedTime!);
    };
    const at = (v: string) => params({ Bucket: 'b', Key: 'k', UploadId: 'u' }, { json: `{"IfMatchInitiatedTime": ${v}}` });
    expect(header(at('1700000000'))).toBe('Tue, 14 Nov 2023 22:13:20 GMT');
    expect(header(at('1700000000.9'))).toBe('Tue, 14 Nov 2023 22:13:20 GMT');
    expect(header(at('true'))).toBe('Thu, 01 Jan 1970 00:00:01 GMT');
    expect(header(at('"Jan 2 2024"'))).toBe('Tue, 02 Jan 2024 00:00:00 GMT');
    expect(header(params({ Bucket: 'b', Key: 'k', UploadId: 'u' }, { yaml: 'IfMatchInitiatedTime: 2024-01-02 03:04:05.5 +02:00' }))).toBe(
      'Tue, 02 Jan 2024 01:04:05 GMT',
    );
    expect(header(params({ Bucket: 'b', Key: 'k', UploadId: 'u', IfMatchInitiatedTime: new TextEncoder().encode('1700000000') }))).toBe(
      'Tue, 14 Nov 2023 22:13:20 GMT',
    );
  });

  it('passes on the UnknownTimezoneWarning', () => {
    expect(outcome(params({ Bucket: 'b', Key: 'k', UploadId: 'u', IfMatchInitiatedTime: '2024-01-02 03:04:05 PST' }))).toEqual({
      ...base,
      ifMatchInitiatedTime: new Date('2024-01-02T03:04:05Z'),
      warnings: [unknownTimezoneWarning('PST')],
    });
  });
});

describe('Parameter validation failed (252)', () => {
  it.each([
    ['golden validate-empty-key', params({ Bucket: 'b', Key: '', UploadId: 'x' }), failed('Invalid length for parameter Key, value: 0, valid min length: 1')],
    ['golden validate-bad-bucket', params({ Bucket: 'bad/name', Key: 'k', UploadId: 'x' }), failed(`Invalid bucket name "bad/name": ${BUCKET_RULE}`)],
    [
      'golden validate-bad-timestamp',
      params({ Bucket: 'b', Key: 'k', UploadId: 'u', IfMatchInitiatedTime: 'notatime' }),
      failed("Invalid type for parameter IfMatchInitiatedTime, value: notatime, type: <class 'str'>, valid types: <class 'datetime.datetime'>, timestamp-string"),
    ],
    [
      'golden input-json-unknown-key',
      params({}, { json: '{"Bucket": "b", "Key": "k", "UploadId": "u", "Foo": 1}' }),
      failed(`Unknown parameter in input: "Foo", must be one of: ${MEMBERS}`),
    ],
    [
      'two errors (3.5)',
      params({ Bucket: 'b', Key: '', UploadId: 'u', IfMatchInitiatedTime: 'foo' }),
      failed(
        'Invalid length for parameter Key, value: 0, valid min length: 1',
        "Invalid type for parameter IfMatchInitiatedTime, value: foo, type: <class 'str'>, valid types: <class 'datetime.datetime'>, timestamp-string",
      ),
    ],
    [
      'the bucket check replaces the report',
      params({ Bucket: 'abc def', Key: '', UploadId: 'u', IfMatchInitiatedTime: 'nope' }),
      failed(`Invalid bucket name "abc def": ${BUCKET_RULE}`),
    ],
    ['empty bucket', params({ Bucket: '', Key: 'k', UploadId: 'u' }), failed(`Invalid bucket name "": ${BUCKET_RULE}`)],
    [
      'nothing given',
      params({}, { json: '{}' }),
      failed('Missing required parameter in input: "Bucket"', 'Missing required parameter in input: "Key"', 'Missing required parameter in input: "UploadId"'),
    ],
    [
      'missing, then unknown, then members in params order',
      params({}, { json: '{"Foo": 1, "Bucket": "b", "UploadId": 5, "Bar": null, "RequestPayer": [1], "IfMatchInitiatedTime": "x"}' }),
      failed(
        'Missing required parameter in input: "Key"',
        `Unknown parameter in input: "Foo", must be one of: ${MEMBERS}`,
        `Unknown parameter in input: "Bar", must be one of: ${MEMBERS}`,
        "Invalid type for parameter UploadId, value: 5, type: <class 'int'>, valid types: <class 'str'>",
        "Invalid type for parameter RequestPayer, value: [1], type: <class 'list'>, valid types: <class 'str'>",
        "Invalid type for parameter IfMatchInitiatedTime, value: x, type: <class 'str'>, valid types: <class 'datetime.datetime'>, timestamp-string",
      ),
    ],
    [
      'a CLI option comes first in the params order',
      params({ Key: '' }, { json: '{"Bucket": "b", "Key": "k", "UploadId": "u", "IfMatchInitiatedTime": "x", "Key2": 1}' }),
      failed(
        `Unknown parameter in input: "Key2", must be one of: ${MEMBERS}`,
        'Invalid length for parameter Key, value: 0, valid min length: 1',
        "Invalid type for parameter IfMatchInitiatedTime, value: x, type: <class 'str'>, valid types: <class 'datetime.datetime'>, timestamp-string",
      ),
    ],
    [
      'JSON null',
      params({ Bucket: 'b', Key: 'k', UploadId: 'u' }, { json: '{"RequestPayer": null}' }),
      failed("Invalid type for parameter RequestPayer, value: None, type: <class 'NoneType'>, valid types: <class 'str'>"),
    ],
    [
      'a dict value',
      params({ Bucket: 'b', Key: 'k', UploadId: 'u' }, { json: '{"ExpectedBucketOwner": {"a": [1, 2.5, null, true]}}' }),
      failed("Invalid type for parameter ExpectedBucketOwner, value: {'a': [1, 2.5, None, True]}, type: <class 'dict'>, valid types: <class 'str'>"),
    ],
    [
      'timestamp list and dict',
      params({ Bucket: 'b', Key: 'k', UploadId: 'u' }, { json: '{"IfMatchInitiatedTime": {"a": "b"}}' }),
      failed("Invalid type for parameter IfMatchInitiatedTime, value: {'a': 'b'}, type: <class 'dict'>, valid types: <class 'datetime.datetime'>, timestamp-string"),
    ],
    [
      'timestamp "nan"',
      params({ Bucket: 'b', Key: 'k', UploadId: 'u', IfMatchInitiatedTime: 'nan' }),
      failed("Invalid type for parameter IfMatchInitiatedTime, value: nan, type: <class 'str'>, valid types: <class 'datetime.datetime'>, timestamp-string"),
    ],
    [
      'YAML date and datetime values',
      params({}, { yaml: 'Bucket: b\nKey: k\nUploadId: 2024-01-02t03:04:05\nRequestPayer: 2024-01-02\nIfMatchInitiatedTime: [2024-01-02]' }),
      failed(
        "Invalid type for parameter UploadId, value: 2024-01-02 03:04:05, type: <class 'datetime.datetime'>, valid types: <class 'str'>",
        "Invalid type for parameter RequestPayer, value: 2024-01-02, type: <class 'datetime.date'>, valid types: <class 'str'>",
        "Invalid type for parameter IfMatchInitiatedTime, value: [datetime.date(2024, 1, 2)], type: <class 'list'>, valid types: <class 'datetime.datetime'>, timestamp-string",
      ),
    ],
    [
      'a YAML date is not a timestamp',
      params({}, { yaml: 'Bucket: b\nKey: k\nUploadId: u\nIfMatchInitiatedTime: 2024-01-02' }),
      failed("Invalid type for parameter IfMatchInitiatedTime, value: 2024-01-02, type: <class 'datetime.date'>, valid types: <class 'datetime.datetime'>, timestamp-string"),
    ],
    [
      'YAML int, bytes and set',
      params({}, { yaml: 'Bucket: b\nKey: k\nUploadId: 0x1F\nRequestPayer: !!binary aGVsbG8=\nExpectedBucketOwner: !!set {a, b}' }),
      failed(
        "Invalid type for parameter UploadId, value: 31, type: <class 'int'>, valid types: <class 'str'>",
        "Invalid type for parameter RequestPayer, value: b'hello', type: <class 'bytes'>, valid types: <class 'str'>",
        "Invalid type for parameter ExpectedBucketOwner, value: {'a', 'b'}, type: <class 'set'>, valid types: <class 'str'>",
      ),
    ],
    [
      'fileb:// bytes for a string member',
      params({ Bucket: 'b', Key: 'k', UploadId: Uint8Array.from([0x6b, 0xe9, 0x79]) }),
      failed("Invalid type for parameter UploadId, value: b'k\\xe9y', type: <class 'bytes'>, valid types: <class 'str'>"),
    ],
    [
      'non-ASCII names are shown as they are',
      params({}, { json: '{"Bucket": "b", "Key": "k", "UploadId": "u\\u00e9", "Foo\\u00e9": 1}' }),
      failed(`Unknown parameter in input: "Fooé", must be one of: ${MEMBERS}`),
    ],
  ])('%s', (_name, p, want) => {
    expect(outcome(p)).toEqual(want);
  });
});

describe('errors that escape (255)', () => {
  it.each([
    ['Key from fileb://', params({ Bucket: 'b', Key: new TextEncoder().encode('k'), UploadId: 'u' }), general("Value (Key) is the wrong type. Must be <class 'str'>.")],
    ['Key 5', params({}, { json: '{"Bucket": "b", "Key": 5, "UploadId": "u"}' }), general("Value (Key) is the wrong type. Must be <class 'str'>.")],
    ['Bucket before Key', params({}, { json: '{"Bucket": true, "Key": 5, "UploadId": "u"}' }), general("Value (Bucket) is the wrong type. Must be <class 'str'>.")],
    ['a list Bucket', params({}, { json: '{"Bucket": ["x"], "Key": "k", "UploadId": "u"}' }), general("unhashable type: 'list'")],
    ['a dict Bucket', params({}, { json: '{"Bucket": {"a": 1}, "Key": "k", "UploadId": "u"}' }), general("unhashable type: 'dict'")],
    ['hashing comes before the type check', params({}, { yaml: 'Bucket: 1\nKey: [1]' }), general("unhashable type: 'list'")],
    ['a set Key', params({}, { yaml: 'Bucket: b\nKey: !!set {a}' }), general("unhashable type: 'set'")],
    ['a YAML date Bucket', params({}, { yaml: 'Bucket: 2024-01-02\nKey: k\nUploadId: u' }), general("Value (Bucket) is the wrong type. Must be <class 'str'>.")],
    [
      'Bucket null meets the bucket-name regex',
      params({}, { json: '{"Bucket": null, "Key": null, "UploadId": null}' }),
      general("expected string or bytes-like object, got 'NoneType'"),
    ],
    [
      'an epoch out of time_t range, even after other errors',
      params({}, { json: '{"Bucket": "b", "Key": "", "UploadId": "u", "IfMatchInitiatedTime": 1e20}' }),
      general('timestamp out of range for platform time_t'),
    ],
    ['"inf"', params({ Bucket: 'b', Key: 'k', UploadId: 'u', IfMatchInitiatedTime: 'inf' }), general('timestamp out of range for platform time_t')],
    ['YAML 1e400', params({}, { yaml: 'Bucket: b\nKey: k\nUploadId: u\nIfMatchInitiatedTime: 1e400' }), general('timestamp out of range for platform time_t')],
  ])('%s', (_name, p, want) => {
    expect(outcome(p)).toEqual(want);
  });
});

describe('parameter_validation = false', () => {
  const off = (p: Map<string, unknown>) => outcome(p, false);
  it.each([
    ['an unknown key is a KeyError', params({}, { json: '{"Bucket":"b","Key":"k","UploadId":"u","Foo":1,"IfMatchInitiatedTime":"nope"}' }), general("'Foo'")],
    [
      'in params order',
      params({}, { json: '{"Bucket":"b","Key":"k","IfMatchInitiatedTime":"nope","Foo":1}' }),
      general('Invalid timestamp "nope": Unknown string format: nope'),
    ],
    ['missing Key', params({}, { json: '{"Bucket":"b","UploadId":"u"}' }), general("'Key'")],
    ['missing Bucket', params({}, { json: '{"Key":"k","UploadId":"u"}' }), general("'Bucket'")],
    ['Key null', params({}, { json: '{"Bucket":"b","Key":null,"UploadId":"u"}' }), general("'Key'")],
    [
      'an impossible date',
      params({ Bucket: 'b', Key: 'k', UploadId: 'u', IfMatchInitiatedTime: '2024-02-30' }),
      general('Invalid timestamp "2024-02-30": day is out of range for month: 2024-02-30'),
    ],
    ['the bucket name is still checked', params({}, { json: '{"Bucket":"","Key":"k","UploadId":"u"}' }), failed(`Invalid bucket name "": ${BUCKET_RULE}`)],
    ['the endpoint types too', params({}, { json: '{"Bucket":"b","Key":5,"UploadId":"u"}' }), general("Value (Key) is the wrong type. Must be <class 'str'>.")],
  ])('%s', (_name, p, want) => {
    expect(off(p)).toEqual(want);
  });

  it('lets through what validation would refuse', () => {
    expect(off(params({ Bucket: 'b', Key: '', UploadId: 'u' }))).toEqual({ ...base, key: '' });
    expect(off(params({}, { json: '{"Bucket":"b","Key":"k"}' }))).toEqual({ ...base, uploadId: '', uploadIdAbsent: true });
    expect(off(params({}, { json: '{"Bucket":"b","Key":"k","UploadId":5,"RequestPayer":null,"ExpectedBucketOwner":true}' }))).toEqual({
      ...base,
      uploadId: '5',
      expectedBucketOwner: 'True',
    });
  });
});
