// Generators for argv, input documents, paths, queries and timestamps, shared by the in-process
// and the spawned fuzz suites.
import fc from 'fast-check';

const OPTION_WORDS = [
  '--bucket', '--key', '--upload-id', '--request-payer', '--expected-bucket-owner', '--if-match-initiated-time',
  '--cli-input-json', '--cli-input-yaml', '--generate-cli-skeleton', '--debug', '--endpoint-url', '--no-verify-ssl',
  '--no-paginate', '--output', '--query', '--profile', '--region', '--color', '--no-sign-request', '--ca-bundle',
  '--cli-read-timeout', '--cli-connect-timeout', '--cli-binary-format', '--no-cli-pager', '--cli-auto-prompt',
  '--no-cli-auto-prompt', '--all-uploads', '--prefix', '--older-than', '--dry-run', '--concurrency', '--verify',
  '--verify-attempts', '--ignore-missing', '--buck', '--k', '--up', '--no', '--cli', '--out', '--cli-input', '--', '-',
  'help', 's3api', 'abort-multipart-upload', '--version', '--foo', '-x',
];

const weird = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', ' ', '-', '--', '=', 'null', 'None', '0', '-1', '1e400', 'NaN', '\u0000', '\u2028', '%2F', '../..'),
);

export const timestampText = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.integer({ min: -1e11, max: 1e11 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom('2024-01-02', 'Jan 2 2024', 'Tue, 02 Jan 2024 03:04:05 GMT', '2024-01-02T03:04:05+02:00', 'now', 'PST', '2024-13-45', '9999-12-31T23:59:59Z', '0001-01-01'),
  weird,
);

export const queryText = fc.oneof(
  fc.constantFrom('RequestCharged', '@', 'length(@)', 'keys(@)', '[0]', 'a[', '`1.5`', "'x'", 'foo()', 'sort_by(@, &a)', '{a: @}', '[*].x', '!@', 'to_number(`"1e3"`)', 'abs(`-1`, `2`)'),
  fc.stringMatching(/^[a-zA-Z0-9_@.\[\]{}()|&!<>=*?,:'"` -]{0,16}$/),
);

const jsonValue = fc.jsonValue({ maxDepth: 4 });

export const inputDocument = fc.oneof(
  fc.record(
    {
      Bucket: fc.oneof(fc.constantFrom('b', 'bad/name', ''), weird, jsonValue),
      Key: fc.oneof(fc.constant('k'), weird, jsonValue),
      UploadId: fc.oneof(fc.constant('u'), weird, jsonValue),
      RequestPayer: fc.oneof(fc.constant('requester'), jsonValue),
      IfMatchInitiatedTime: fc.oneof(timestampText, jsonValue),
      Foo: jsonValue,
    },
    { requiredKeys: [] },
  ).map((o) => JSON.stringify(o)),
  jsonValue.map((v) => JSON.stringify(v)),
  fc.nat(300).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.nat(300).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.constantFrom('{"Bucket": 1e999}', '{"UploadId": 123456789012345678901234567890}', 'Bucket: b\nKey: !!binary aGk=\n', 'a: [', '- 1', '', '{}', 'Bucket: &a b\nKey: *a\nUploadId: 2024-01-01\n'),
  weird,
);

export const pathValue = fc.oneof(
  fc.constantFrom('file://', 'file:///', 'file:///dev/null', 'file:///etc', 'file://~/x', 'file://$HOME/x', 'fileb://x', 'file:///nonexistent/a', 'file://in.json'),
  weird.map((s) => `file://${s}`),
);

/** One argv: a mix of known options (some abbreviated), their values and stray words. */
export const argvArb = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...OPTION_WORDS) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...OPTION_WORDS), weird).map(([o, v]) => `${o}=${v}`) },
      { weight: 3, arbitrary: weird },
      { weight: 1, arbitrary: timestampText },
      { weight: 1, arbitrary: queryText },
      { weight: 1, arbitrary: inputDocument },
      { weight: 1, arbitrary: pathValue },
      { weight: 1, arbitrary: fc.constantFrom('json', 'text', 'table', 'yaml', 'yaml-stream', 'xml', 'on', 'off', 'auto', 'input', 'output', 'yaml-input', '7d', '0', '257') },
    ),
    { maxLength: 14 },
  );

/** A plausible command line with one part disturbed, so runs get past the parser too. */
export const nearValidArgv = fc
  .record({
    bucket: fc.oneof(fc.constant('b'), weird),
    key: fc.oneof(fc.constant('k'), weird, pathValue),
    uploadId: fc.oneof(fc.constant('u'), weird, pathValue),
    extra: fc.array(fc.oneof(
      fc.tuple(fc.constant('--output'), fc.constantFrom('json', 'text', 'table', 'yaml', 'yaml-stream', 'xml')),
      fc.tuple(fc.constant('--query'), queryText),
      fc.tuple(fc.constant('--if-match-initiated-time'), timestampText),
      fc.tuple(fc.constant('--cli-input-json'), inputDocument),
      fc.tuple(fc.constant('--cli-input-yaml'), inputDocument),
      fc.tuple(fc.constant('--color'), fc.constantFrom('on', 'off', 'auto')),
      fc.tuple(fc.constant('--generate-cli-skeleton'), fc.constantFrom('input', 'output', 'yaml-input')),
      fc.tuple(fc.constant('--older-than'), timestampText),
      fc.tuple(fc.constantFrom('--all-uploads', '--dry-run', '--verify', '--ignore-missing', '--debug', '--no-sign-request'), fc.constant(undefined)),
    ), { maxLength: 4 }),
  })
  .map(({ bucket, key, uploadId, extra }) => [
    '--endpoint-url', 'http://127.0.0.1:1', '--bucket', bucket, '--key', key, '--upload-id', uploadId,
    ...extra.flatMap(([o, v]) => (v === undefined ? [o] : [o, v])),
  ]);
