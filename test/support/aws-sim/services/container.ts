// The container credential endpoints: ECS's agent on http://169.254.170.2 (the relative URI) and
// EKS Pod Identity's on http://169.254.170.23 and http://[fd00:ec2::23] (a full URI plus an
// Authorization token). Each address hands out its own keys, so a log shows which one was used.
import { FAKE, SIM_ACCOUNT, type FakeCredentials } from '../fake-credentials.js';
import { json, type Handler } from '../handler.js';
import type { ContainerConfig } from '../spec.js';

export const CONTAINER_PATHS = ['/v2/credentials/sim-task', '/v1/credentials'] as const;

export function containerHandler(config: ContainerConfig, address: string): Handler {
  const creds: FakeCredentials =
    address === '169.254.170.2' ? FAKE.ecs : address === '169.254.170.23' ? FAKE.eksPodIdentity : FAKE.eksPodIdentityV6;
  return (req) => {
    if (config.token !== undefined && req.headers.authorization !== config.token) {
      req.entry.notes.push(req.headers.authorization === undefined ? 'no Authorization' : 'wrong Authorization');
      return json(401, { code: 'AccessDeniedException', message: 'Authorization token is invalid' });
    }
    if (req.method !== 'GET' || !(CONTAINER_PATHS as readonly string[]).includes(req.path)) {
      return json(404, { code: 'NotFound', message: `no credentials at ${req.path}` });
    }
    return json(200, {
      AccessKeyId: creds.accessKeyId,
      SecretAccessKey: creds.secretAccessKey,
      Token: creds.sessionToken,
      AccountId: SIM_ACCOUNT,
      Expiration: new Date(Date.now() + 6 * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    });
  };
}
