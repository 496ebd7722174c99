// Endpoint ruleset failures worded as the AWS CLI 2.9.19 words them (botocore regions.py
// ruleset_error_to_botocore_exception; cases validate-arn-* of test/conformance/cases-extra.json).
import { describe, expect, it } from 'vitest';
import { endpointRulesetError, isArn } from '../../src/aws/s3.js';

describe('endpointRulesetError', () => {
  it('an ARN the ruleset cannot read is a parameter validation error (252)', () => {
    const e = endpointRulesetError('Invalid ARN: Unrecognized format: arn:aws:s3:::mybucket (type: mybucket)', undefined);
    expect(e.exitCode).toBe(252);
    expect(e.message).toBe('Parameter validation failed:\nInvalid ARN: Unrecognized format: arn:aws:s3:::mybucket (type: mybucket)');
  });
  it('a bad region in an ARN is a host label error (255)', () => {
    const e = endpointRulesetError('Invalid region in ARN: `us-we$t-2` (invalid DNS name)', undefined);
    expect([e.exitCode, e.message]).toEqual([255, 'Invalid host label to be bound to the hostname of the endpoint: "us-we$t-2".']);
  });
  it('access point configuration errors get their prefix', () => {
    const e = endpointRulesetError('Client was configured for partition `aws` but ARN has `aws-cn`', undefined);
    expect(e.message).toBe('Unsupported configuration when using S3 access-points: Client was configured for partition `aws` but ARN has `aws-cn`');
  });
  it('quotes the endpoint URL as it was given', () => {
    const e = endpointRulesetError('Custom endpoint `http://h/?a=b` was not a valid URI', 'http://h?a=b');
    expect(e.message).toBe('Custom endpoint `http://h?a=b` was not a valid URI');
  });
});

describe('isArn (botocore ArnParser.is_arn)', () => {
  it('needs "arn:" and six parts', () => {
    expect(isArn('arn:aws:s3:::b')).toBe(true);
    expect(isArn('arn:aws:s3:us-east-1:1')).toBe(false);
    expect(isArn('bucket')).toBe(false);
  });
});
