// The credentials each simulated source hands out. Every source has its own access key id, so the
// Authorization header of the S3 request tells which source the CLI used, and its own secret and
// session token, which the secret scan knows (s3abort must never print them).
export interface FakeCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

function fake(tag: string): FakeCredentials {
  // 20 characters like a real temporary key id; the tag shows in logs and goldens
  const id = `ASIA${tag}`.padEnd(20, '0').slice(0, 20);
  return {
    accessKeyId: id,
    secretAccessKey: `sim${tag}SecretKey/EXAMPLE`.padEnd(40, 'x'),
    sessionToken: `SIM${tag}SESSIONTOKENEXAMPLE`,
  };
}

export const FAKE = {
  imds: fake('IMDSROLE'),
  /** ECS's agent on 169.254.170.2. */
  ecs: fake('ECSTASK'),
  /** EKS Pod Identity's agent on 169.254.170.23. */
  eksPodIdentity: fake('EKSPODID'),
  /** The same agent on its IPv6 address fd00:ec2::23. */
  eksPodIdentityV6: fake('EKSPODV6'),
  assumeRole: fake('STSROLE'),
  webIdentity: fake('STSWEBID'),
  sso: fake('SSOROLE'),
  /** What an `aws login` cache file holds, before any refresh. */
  loginCached: fake('LOGINCACHE'),
  /** What the sign-in service hands out on refresh. */
  loginRefreshed: fake('LOGINFRESH'),
  /** An S3 Express CreateSession answer. */
  s3express: fake('S3XSESSION'),
} as const;

export const SIM_ACCOUNT = '123456789012';

/** Every secret above, for the secret scan. */
export function fakeSecrets(): string[] {
  return Object.values(FAKE).flatMap((c) => [c.secretAccessKey, c.sessionToken]);
}
