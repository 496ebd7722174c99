import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ABORT_INPUT_MEMBERS, ABORT_OUTPUT_MEMBERS, ABORT_REQUIRED_MEMBERS } from '../../src/args/model.js';
import { inputSkeletonJson, inputSkeletonYaml, outputSkeletonResponse } from '../../src/args/skeleton.js';
import { parseCliInput } from '../../src/args/cli-input.js';

const golden = JSON.parse(readFileSync(new URL('../conformance/golden-public.json', import.meta.url), 'utf8')) as Record<
  string,
  { stdout: string }
>;

describe('--generate-cli-skeleton', () => {
  it('input (goldens skeleton-input, skeleton-default)', () => {
    expect(inputSkeletonJson()).toBe(golden['skeleton-input']!.stdout);
    expect(inputSkeletonJson()).toBe(golden['skeleton-default']!.stdout);
    expect(inputSkeletonJson()).toBe(
      '{\n    "Bucket": "",\n    "Key": "",\n    "UploadId": "",\n    "RequestPayer": "requester",\n    "ExpectedBucketOwner": "",\n    "IfMatchInitiatedTime": "1970-01-01T00:00:00"\n}\n',
    );
  });

  it('yaml-input, with ruamel\'s two spaces before the first comment (golden skeleton-yaml-input)', () => {
    expect(inputSkeletonYaml()).toBe(golden['skeleton-yaml-input']!.stdout);
    expect(inputSkeletonYaml()).toBe(
      "Bucket: ''  # [REQUIRED] The bucket name to which the upload was taking place.\n" +
        "Key: '' # [REQUIRED] Key of the object for which the multipart upload was initiated.\n" +
        "UploadId: '' # [REQUIRED] Upload ID that identifies the multipart upload.\n" +
        'RequestPayer: requester # Confirms that the requester knows that they will be charged for the request. Valid values are: requester.\n' +
        "ExpectedBucketOwner: '' # The account ID of the expected bucket owner.\n" +
        'IfMatchInitiatedTime: 1970-01-01 00:00:00 # If present, this header aborts an in progress multipart upload only if it was initiated on the provided timestamp.\n',
    );
  });

  it('output: strings are their member names (golden skeleton-output)', () => {
    expect(outputSkeletonResponse()).toEqual(new Map([['RequestCharged', 'RequestCharged']]));
  });

  it('the skeletons read back as cli-input documents with every member', () => {
    const names = ABORT_INPUT_MEMBERS.map((m) => m.name);
    expect([...parseCliInput('json', inputSkeletonJson()).keys()]).toEqual(names);
    expect([...parseCliInput('yaml', inputSkeletonYaml()).keys()]).toEqual(names);
  });
});

describe('model table', () => {
  it('has the members in model order with their CLI names', () => {
    expect(ABORT_INPUT_MEMBERS.map((m) => [m.name, m.cliName, m.type, m.required])).toEqual([
      ['Bucket', '--bucket', 'string', true],
      ['Key', '--key', 'string', true],
      ['UploadId', '--upload-id', 'string', true],
      ['RequestPayer', '--request-payer', 'string', false],
      ['ExpectedBucketOwner', '--expected-bucket-owner', 'string', false],
      ['IfMatchInitiatedTime', '--if-match-initiated-time', 'timestamp', false],
    ]);
    expect(ABORT_REQUIRED_MEMBERS).toEqual(['Bucket', 'Key', 'UploadId']);
    expect(ABORT_OUTPUT_MEMBERS.map((m) => m.name)).toEqual(['RequestCharged']);
  });
});
