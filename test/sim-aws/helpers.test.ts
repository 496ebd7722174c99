// The pure pieces of the simulated AWS: how a host name picks a service and a bucket, how an
// Authorization header is read (SigV4 and SigV4a), the DNS answer, the placeholders.
import { describe, expect, it } from 'vitest';
import { nxdomain, parseQuestion } from '../support/aws-sim/dns.js';
import { hostnameOf } from '../support/aws-sim/handler.js';
import { hostsFile } from '../support/aws-sim/hosts-file.js';
import { parseAuthorization, recordRequest } from '../support/aws-sim/observation.js';
import { substText, unsubstText } from '../support/aws-sim/placeholders.js';
import { serviceOf } from '../support/aws-sim/routes.js';
import { s3HostBucket } from '../support/aws-sim/services/s3.js';

describe('routing by host', () => {
  it.each([
    ['bucket.s3.us-west-2.amazonaws.com', 's3', 'bucket'],
    ['s3.us-west-2.amazonaws.com', 's3', ''],
    ['s3.amazonaws.com', 's3', ''],
    ['bucket.s3-accelerate.amazonaws.com', 's3', 'bucket'],
    ['bucket.s3.dualstack.us-west-2.amazonaws.com', 's3', 'bucket'],
    ['bucket.s3-fips.us-west-2.amazonaws.com', 's3', 'bucket'],
    ['name-123456789012.s3-accesspoint.us-west-2.amazonaws.com', 's3', 'name-123456789012'],
    ['mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com', 's3', 'mfzwi23gnjvgw.mrap'],
    ['bucket--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com', 's3', 'bucket--usw2-az1--x-s3'],
    ['sts.amazonaws.com', 'sts', ''],
    ['sts.us-west-2.amazonaws.com', 'sts', ''],
    ['portal.sso.us-east-1.amazonaws.com', 'sso', ''],
    ['oidc.us-east-1.amazonaws.com', 'oidc', ''],
    ['us-east-1.signin.aws.amazon.com', 'signin', ''],
    ['signin.us-east-1.amazonaws.com', 'signin', ''],
    ['example.com', 'unknown', ''],
  ])('%s → %s', (host, service, bucket) => {
    expect(serviceOf(host)).toBe(service);
    if (service === 's3') expect(s3HostBucket(host)).toBe(bucket);
  });

  it('reads Host headers with ports and IPv6 brackets', () => {
    expect(hostnameOf('Bucket.S3.us-west-2.amazonaws.com:443')).toBe('bucket.s3.us-west-2.amazonaws.com');
    expect(hostnameOf('[fd00:ec2::254]:80')).toBe('fd00:ec2::254');
    expect(hostnameOf('169.254.169.254')).toBe('169.254.169.254');
  });
});

describe('signing facts', () => {
  it('reads SigV4 and SigV4a Authorization headers', () => {
    expect(parseAuthorization('AWS4-HMAC-SHA256 Credential=AKID/20250101/us-west-2/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc123')).toEqual({
      algorithm: 'AWS4-HMAC-SHA256',
      accessKeyId: 'AKID',
      scope: 'us-west-2/s3',
      signedHeaders: 'host;x-amz-date',
    });
    expect(parseAuthorization('AWS4-ECDSA-P256-SHA256 Credential=AKID/20250101/s3/aws4_request, SignedHeaders=host;x-amz-region-set, Signature=3045')).toMatchObject({
      algorithm: 'AWS4-ECDSA-P256-SHA256',
      scope: 's3',
    });
    expect(parseAuthorization('Bearer token')).toBeUndefined();
  });

  it('masks what changes between runs and names the session token source', () => {
    const r = recordRequest({
      seq: 1, service: 's3', listener: 'https 127.0.0.1:443', method: 'DELETE', host: 'h', path: '/k', query: '', body: '', status: 204, notes: [],
      headers: {
        'x-amz-date': '20250101T000000Z',
        authorization: 'AWS4-HMAC-SHA256 Credential=ASIA/20250101/us-west-2/s3/aws4_request, SignedHeaders=host, Signature=ff00',
        'amz-sdk-invocation-id': 'uuid',
        'x-amz-security-token': 'SIMIMDSROLESESSIONTOKENEXAMPLE',
      },
    });
    expect(r.headers).toMatchObject({
      'x-amz-date': '{amz-date}',
      authorization: 'AWS4-HMAC-SHA256 Credential=ASIA/{yyyymmdd}/us-west-2/s3/aws4_request, SignedHeaders=host, Signature={signature}',
      'amz-sdk-invocation-id': '{invocation-id}',
    });
    expect(r.securityTokenOf).toBe('imds');
  });
});

describe('DNS and hosts', () => {
  it('answers a query with NXDOMAIN for the same id and question', () => {
    // id 0x1234, RD, one question: s3.eu-west-1.amazonaws.com A IN
    const name = Buffer.concat(['s3', 'eu-west-1', 'amazonaws', 'com'].map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)])));
    const q = Buffer.concat([Buffer.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]), name, Buffer.from([0, 0, 1, 0, 1])]);
    const parsed = parseQuestion(q)!;
    expect(parsed).toMatchObject({ name: 's3.eu-west-1.amazonaws.com', type: 1 });
    const a = nxdomain(q, parsed.end);
    expect([...a.subarray(0, 12)]).toEqual([0x12, 0x34, 0x81, 0x83, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(a.subarray(12).equals(q.subarray(12))).toBe(true);
  });

  it('maps only the declared names', () => {
    expect(hostsFile(['a.amazonaws.com'], ['b.amazonaws.com'])).toBe(
      '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.0.1\ta.amazonaws.com\n::1\tb.amazonaws.com\n',
    );
  });
});

describe('placeholders', () => {
  it('substitutes paths and relative times, and puts paths back longest first', () => {
    const ctx = { tmp: '/tmp/x/run', home: '/tmp/x/run/home' };
    expect(substText('{home}/.aws {now+60}', ctx, Date.UTC(2025, 0, 1))).toBe('/tmp/x/run/home/.aws 2025-01-01T00:01:00Z');
    expect(unsubstText('/tmp/x/run/home/.aws /tmp/x/run/a', ctx)).toBe('{home}/.aws {tmp}/a');
  });
});
