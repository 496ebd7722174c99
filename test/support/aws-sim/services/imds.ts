// The EC2 instance metadata service on http://169.254.169.254 and http://[fd00:ec2::254]: the
// IMDSv2 token (PUT /latest/api/token with its TTL header), the instance profile's role and
// credentials, placement and the identity document, in one of the modes of spec.ts.
import { FAKE, SIM_ACCOUNT } from '../fake-credentials.js';
import { json, text, type Handler } from '../handler.js';
import type { ImdsConfig } from '../spec.js';

const TOKEN_TTL = 'x-aws-ec2-metadata-token-ttl-seconds';
const TOKEN = 'x-aws-ec2-metadata-token';

export function imdsHandler(config: ImdsConfig = {}): Handler {
  const mode = config.mode ?? 'required';
  const region = config.region ?? 'us-west-2';
  const role = config.role ?? 'sim-instance-role';
  const issued = new Set<string>();

  return (req) => {
    if (req.path === '/latest/api/token') {
      if (req.method !== 'PUT') return text(405, '');
      if (mode === 'v1-only') return text(405, '');
      if (mode === 'token-error') return text(500, 'Internal Server Error');
      // IMDS refuses a token PUT that went through a proxy (X-Forwarded-For) as it does in token-refused mode
      if (mode === 'token-refused' || 'x-forwarded-for' in req.headers) return text(403, 'Forbidden');
      const ttl = Number(req.headers[TOKEN_TTL]);
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > 21_600) return text(400, 'Bad Request');
      const token = `AQAEAsimImdsToken-${issued.size + 1}==`;
      issued.add(token);
      req.entry.notes.push(`token ttl ${ttl}`);
      return text(200, token, { [TOKEN_TTL]: String(ttl) });
    }
    if (req.method !== 'GET') return text(405, '');
    const token = req.headers[TOKEN];
    if (token !== undefined && !issued.has(token)) {
      req.entry.notes.push('unknown token');
      return text(401, '');
    }
    if (token === undefined && mode === 'required') {
      req.entry.notes.push('no token (IMDSv1) refused');
      return text(401, '');
    }
    req.entry.notes.push(token === undefined ? 'IMDSv1 request' : 'IMDSv2 request');
    const now = Date.now();
    // IMDS answers a leaf with or without a trailing slash (AWS CLI v2 asks placement/availability-zone/)
    const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path;
    switch (path) {
      case '/latest/meta-data/iam/security-credentials':
        return text(200, role);
      case `/latest/meta-data/iam/security-credentials/${role}`:
        return json(200, {
          Code: 'Success',
          LastUpdated: new Date(now).toISOString().replace(/\.\d+Z$/, 'Z'),
          Type: 'AWS-HMAC',
          AccessKeyId: FAKE.imds.accessKeyId,
          SecretAccessKey: FAKE.imds.secretAccessKey,
          Token: FAKE.imds.sessionToken,
          Expiration: new Date(now + 6 * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        });
      case '/latest/meta-data/placement/region':
        return text(200, region);
      case '/latest/meta-data/placement/availability-zone':
        return text(200, `${region}a`);
      case '/latest/dynamic/instance-identity/document':
        return json(200, {
          accountId: SIM_ACCOUNT,
          architecture: 'x86_64',
          availabilityZone: `${region}a`,
          imageId: 'ami-0123456789abcdef0',
          instanceId: 'i-0123456789abcdef0',
          instanceType: 't3.micro',
          pendingTime: '2025-01-01T00:00:00Z',
          privateIp: '10.0.0.10',
          region,
          version: '2017-09-30',
        });
      default:
        return text(404, '');
    }
  };
}
