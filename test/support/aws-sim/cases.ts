// The simulated-AWS cases: proxies, TLS trust, credential sources, endpoints and signing, each
// against AWS's real names. Goldens: test/fixtures/sim-aws/<id>.json (scripts/record-sim-aws.ts).
import { createHash, generateKeyPairSync } from 'node:crypto';
import { FAKE, SIM_ACCOUNT } from './fake-credentials.js';
import { PROXY_PORT } from './addresses.js';
import type { SimCase } from './sim-case.js';

export const BUCKET = 'bucket';
export const KEY = 'k/object.bin';
export const UPLOAD_ID = 'SIMUPLOAD1';
const ABORT = ['--bucket', BUCKET, '--key', KEY, '--upload-id', UPLOAD_ID];
const WEST_HOSTS = [`${BUCKET}.s3.us-west-2.amazonaws.com`, 's3.us-west-2.amazonaws.com'];
/** us-west-2, trusting the run's CA through AWS_CA_BUNDLE: the usual setting of a case. */
const WEST = { AWS_DEFAULT_REGION: 'us-west-2', AWS_CA_BUNDLE: '{ca}' };
const NO_KEYS = { AWS_ACCESS_KEY_ID: null, AWS_SECRET_ACCESS_KEY: null };
const PROXY = `http://127.0.0.1:${PROXY_PORT}`;
const PROXY_USER = 'simuser';
const PROXY_PASSWORD = 'simProxyPa55';
const STS_HOSTS = ['sts.amazonaws.com', 'sts.us-east-1.amazonaws.com', 'sts.us-west-2.amazonaws.com'];

// ---------------------------------------------------------------- credential fixtures

const SSO_SESSION = 'sim-sso';
const SSO = {
  accessTokens: ['sim-sso-cached-access-token', 'sim-sso-refreshed-access-token'],
  clientId: 'sim-sso-client-id',
  clientSecret: 'sim-sso-client-secret',
  refreshToken: 'sim-sso-refresh-token',
  newAccessToken: 'sim-sso-refreshed-access-token',
  newRefreshToken: 'sim-sso-refresh-token-2',
};
const SSO_CONFIG = [
  '[profile sim]',
  `sso_session = ${SSO_SESSION}`,
  `sso_account_id = ${SIM_ACCOUNT}`,
  'sso_role_name = SimRole',
  'region = us-west-2',
  `[sso-session ${SSO_SESSION}]`,
  'sso_start_url = https://sim-sso.awsapps.com/start',
  'sso_region = us-east-1',
  'sso_registration_scopes = sso:account:access',
  '',
].join('\n');
/** botocore's SSO token cache: ~/.aws/sso/cache/<sha1(session name)>.json. */
const SSO_CACHE = `home/.aws/sso/cache/${createHash('sha1').update(SSO_SESSION).digest('hex')}.json`;
function ssoToken(expiresAt: string): string {
  return JSON.stringify({
    startUrl: 'https://sim-sso.awsapps.com/start',
    region: 'us-east-1',
    accessToken: SSO.accessTokens[0],
    expiresAt,
    clientId: SSO.clientId,
    clientSecret: SSO.clientSecret,
    registrationExpiresAt: '{now+7776000}',
    refreshToken: SSO.refreshToken,
  });
}
const SSO_HOSTS = ['portal.sso.us-east-1.amazonaws.com', 'oidc.us-east-1.amazonaws.com', ...WEST_HOSTS];

const LOGIN_SESSION = `arn:aws:iam::${SIM_ACCOUNT}:user/sim-login-user`;
const LOGIN = { clientId: 'arn:aws:signin:::devtools/same-device', refreshToken: 'sim-login-refresh-token', newRefreshToken: 'sim-login-refresh-token-2' };
/** botocore 1.43's login cache: <dir>/<sha256(login_session)>.json, dir ~/.aws/login/cache or AWS_LOGIN_CACHE_DIRECTORY. */
const LOGIN_CACHE_NAME = `${createHash('sha256').update(LOGIN_SESSION).digest('hex')}.json`;
// the DPoP key the cache file carries (SEC1 PEM, as botocore reads it); a fresh one per test process
const DPOP_KEY = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString();
function loginToken(expiresAt: string): string {
  return JSON.stringify({
    accessToken: {
      accessKeyId: FAKE.loginCached.accessKeyId,
      secretAccessKey: FAKE.loginCached.secretAccessKey,
      sessionToken: FAKE.loginCached.sessionToken,
      accountId: SIM_ACCOUNT,
      expiresAt,
    },
    tokenType: 'aws_sigv4',
    refreshToken: LOGIN.refreshToken,
    idToken: 'sim-login-id-token',
    clientId: LOGIN.clientId,
    dpopKey: DPOP_KEY,
  });
}
const LOGIN_CONFIG = `[profile sim]\nlogin_session = ${LOGIN_SESSION}\nregion = us-west-2\n`;
const LOGIN_HOSTS = ['us-east-1.signin.aws.amazon.com', 'us-west-2.signin.aws.amazon.com', 'signin.us-east-1.amazonaws.com', ...WEST_HOSTS];

const EKS_TOKEN = 'sim-eks-pod-identity-token';

// ---------------------------------------------------------------- the cases

function proxied(id: string, summary: string, extra: Partial<SimCase>): SimCase {
  return { id, summary, args: ABORT, hosts: WEST_HOSTS, services: { proxies: [{ port: PROXY_PORT }] }, ...extra, env: { ...WEST, ...extra.env } };
}

const PROXY_CASES: SimCase[] = [
  proxied('proxy-http-absolute', 'HTTP_PROXY with an http:// endpoint: an absolute-form request through the proxy', {
    args: [...ABORT, '--endpoint-url', 'http://s3.us-west-2.amazonaws.com'],
    env: { HTTP_PROXY: PROXY },
  }),
  proxied('proxy-https-connect', 'HTTPS_PROXY with the https endpoint: a CONNECT tunnel', { env: { HTTPS_PROXY: PROXY } }),
  proxied('proxy-lowercase', 'https_proxy (lower case) alone', { env: { https_proxy: PROXY } }),
  proxied('proxy-both-cases', 'HTTPS_PROXY names port 3129, https_proxy port 3128: which one is used', {
    env: { HTTPS_PROXY: 'http://127.0.0.1:3129', https_proxy: PROXY },
    services: { proxies: [{ port: PROXY_PORT }, { port: 3129 }] },
  }),
  proxied('proxy-auth', 'a proxy URL with user:password: Proxy-Authorization on CONNECT', {
    env: { HTTPS_PROXY: `http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:${PROXY_PORT}` },
    services: { proxies: [{ port: PROXY_PORT, auth: `${PROXY_USER}:${PROXY_PASSWORD}` }] },
    watch: [PROXY_PASSWORD],
  }),
  proxied('proxy-auth-missing', 'the proxy demands Basic auth, the URL has none: 407', {
    env: { HTTPS_PROXY: PROXY },
    services: { proxies: [{ port: PROXY_PORT, auth: `${PROXY_USER}:${PROXY_PASSWORD}` }] },
  }),
  proxied('proxy-auth-wrong', 'the proxy demands Basic auth, the URL has the wrong password: 407', {
    env: { HTTPS_PROXY: `http://${PROXY_USER}:wrong@127.0.0.1:${PROXY_PORT}` },
    services: { proxies: [{ port: PROXY_PORT, auth: `${PROXY_USER}:${PROXY_PASSWORD}` }] },
    watch: ['wrong@'],
  }),
  proxied('no-proxy-suffix', 'NO_PROXY=amazonaws.com (a suffix of the host): no proxy', {
    env: { HTTPS_PROXY: PROXY, NO_PROXY: 'amazonaws.com' },
  }),
  proxied('no-proxy-leading-dot', 'NO_PROXY=.amazonaws.com (leading dot)', { env: { HTTPS_PROXY: PROXY, NO_PROXY: '.amazonaws.com' } }),
  proxied('no-proxy-star', 'NO_PROXY=*', { env: { HTTPS_PROXY: PROXY, NO_PROXY: '*' } }),
  proxied('no-proxy-host-port', 'NO_PROXY=<host>:443 (host and the default port)', {
    env: { HTTPS_PROXY: PROXY, NO_PROXY: `${BUCKET}.s3.us-west-2.amazonaws.com:443` },
  }),
  proxied('no-proxy-other-host', 'NO_PROXY names another host: the proxy is still used', {
    env: { HTTPS_PROXY: PROXY, no_proxy: 'example.com,169.254.169.254' },
  }),
  proxied('proxy-down', 'HTTPS_PROXY names a port where nothing listens', {
    env: { HTTPS_PROXY: PROXY },
    services: {},
  }),
  proxied('proxy-debug-masks', '--debug with proxy credentials: does the log show the password?', {
    args: [...ABORT, '--debug'],
    env: { HTTPS_PROXY: `http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:${PROXY_PORT}` },
    services: { proxies: [{ port: PROXY_PORT, auth: `${PROXY_USER}:${PROXY_PASSWORD}` }] },
    stderrKeep: `proxy|3128|${PROXY_USER}|${PROXY_PASSWORD}`,
    watch: [PROXY_PASSWORD, Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64')],
    compare: { stderr: false },
  }),
  proxied('proxy-debug-failure', '--debug with proxy credentials the proxy rejects (407): does the failure log show them?', {
    args: [...ABORT, '--debug'],
    env: { HTTPS_PROXY: `http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:${PROXY_PORT}` },
    services: { proxies: [{ port: PROXY_PORT, auth: `${PROXY_USER}:other` }] },
    stderrKeep: `proxy|3128|${PROXY_USER}|${PROXY_PASSWORD}`,
    watch: [PROXY_PASSWORD, Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64')],
    compare: { stderr: false },
  }),
  proxied('proxy-imds', 'HTTP_PROXY and HTTPS_PROXY with IMDS credentials: does IMDS go through the proxy?', {
    env: { ...NO_KEYS, AWS_EC2_METADATA_DISABLED: null, HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY },
    services: { proxies: [{ port: PROXY_PORT }], imds: { mode: 'required' } },
  }),
  proxied('proxy-container', 'HTTP_PROXY and HTTPS_PROXY with ECS container credentials: does the container endpoint go through the proxy?', {
    env: { ...NO_KEYS, HTTP_PROXY: PROXY, HTTPS_PROXY: PROXY, AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/sim-task' },
  }),
];

function tls(id: string, summary: string, extra: Partial<SimCase>): SimCase {
  return { id, summary, args: ABORT, hosts: WEST_HOSTS, ...extra, env: { AWS_DEFAULT_REGION: 'us-west-2', ...extra.env } };
}

const TLS_CASES: SimCase[] = [
  // (s3abort keeps the classic texts of 2.9.19, whose Python names _ssl.c lines 992 and 4123: the
  // cases whose text holds one are held to that golden; the behavior is the same in both)
  tls('tls-default-trust', 'no CA bundle: the default trust store does not know the test CA', { target: 'v2' }),
  tls('tls-ca-flag', '--ca-bundle names the right CA', { args: [...ABORT, '--ca-bundle', '{ca}'] }),
  tls('tls-ca-profile', 'the profile ca_bundle names the right CA', { files: { 'home/.aws/config': '[default]\nca_bundle = {ca}\n' } }),
  tls('tls-ca-env-missing', 'AWS_CA_BUNDLE names a missing file', { env: { AWS_CA_BUNDLE: '{tmp}/missing-ca.pem' } }),
  tls('tls-ca-flag-missing', '--ca-bundle names a missing file', { args: [...ABORT, '--ca-bundle', '{tmp}/missing-ca.pem'] }),
  tls('tls-ca-profile-missing', 'the profile ca_bundle names a missing file', {
    files: { 'home/.aws/config': '[default]\nca_bundle = {tmp}/missing-ca.pem\n' },
  }),
  tls('tls-ca-env-dir', 'AWS_CA_BUNDLE names a directory holding the CA as ca.pem (not hashed)', {
    env: { AWS_CA_BUNDLE: '{tmp}/cadir' },
    files: { 'cadir/ca.pem': '{ca_pem}' },
  }),
  tls('tls-ca-env-dir-hashed', 'AWS_CA_BUNDLE names a directory holding the CA as <subject hash>.0', {
    env: { AWS_CA_BUNDLE: '{tmp}/cadir' },
    files: { 'cadir/{ca_hash}.0': '{ca_pem}' },
  }),
  tls('tls-ca-flag-dir', '--ca-bundle names a directory holding the CA (not hashed)', {
    args: [...ABORT, '--ca-bundle', '{tmp}/cadir'],
    files: { 'cadir/ca.pem': '{ca_pem}' },
  }),
  tls('tls-ca-env-junk', 'AWS_CA_BUNDLE names a file that is no PEM', {
    target: 'v2',
    env: { AWS_CA_BUNDLE: '{tmp}/junk.pem' },
    files: { 'junk.pem': 'this is not a certificate\n' },
  }),
  tls('tls-ca-flag-junk', '--ca-bundle names a file that is no PEM', {
    target: 'v2',
    args: [...ABORT, '--ca-bundle', '{tmp}/junk.pem'],
    files: { 'junk.pem': 'this is not a certificate\n' },
  }),
];

function creds(id: string, summary: string, extra: Partial<SimCase>): SimCase {
  return { id, summary, args: ABORT, hosts: WEST_HOSTS, ...extra, env: { ...WEST, ...NO_KEYS, ...extra.env } };
}

const CREDENTIAL_CASES: SimCase[] = [
  creds('creds-eks-pod-identity', 'EKS Pod Identity: full URI http://169.254.170.23/v1/credentials and a token file', {
    env: {
      AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.23/v1/credentials',
      AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '{tmp}/eks-pod-identity-token',
    },
    files: { 'eks-pod-identity-token': EKS_TOKEN },
    services: { container: { token: EKS_TOKEN } },
  }),
  creds('creds-ecs-relative', 'ECS: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI on 169.254.170.2', {
    env: { AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/sim-task' },
    replay: true,
  }),
  creds('creds-container-ipv6', 'a full URI to http://[fd00:ec2::23] with AWS_CONTAINER_AUTHORIZATION_TOKEN', {
    env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://[fd00:ec2::23]/v1/credentials', AWS_CONTAINER_AUTHORIZATION_TOKEN: EKS_TOKEN },
    services: { container: { token: EKS_TOKEN } },
  }),
  creds('creds-container-disallowed', 'a full http URI to a host that is neither loopback nor a container agent', {
    env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://s3.us-west-2.amazonaws.com/v1/credentials' },
  }),
  creds('creds-imds-ipv4', 'IMDSv2 (tokens required) on 169.254.169.254', {
    env: { AWS_EC2_METADATA_DISABLED: null },
    services: { imds: { mode: 'required' } },
    replay: true,
  }),
  creds('creds-imds-ipv6-env', 'IMDSv2 on [fd00:ec2::254] through AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6', {
    env: { AWS_EC2_METADATA_DISABLED: null, AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'IPv6' },
    services: { imds: { mode: 'required' } },
  }),
  creds('creds-imds-ipv6-profile', 'IMDSv2 on [fd00:ec2::254] through the profile ec2_metadata_service_endpoint_mode', {
    env: { AWS_EC2_METADATA_DISABLED: null },
    files: { 'home/.aws/config': '[default]\nec2_metadata_service_endpoint_mode = IPv6\n' },
    services: { imds: { mode: 'required' } },
  }),
  creds('creds-imds-v1-fallback', 'the token PUT is refused (403): IMDSv1 requests without a token', {
    env: { AWS_EC2_METADATA_DISABLED: null },
    services: { imds: { mode: 'token-refused' } },
  }),
  creds('creds-imds-v1-disabled', 'ec2_metadata_v1_disabled = true and the token PUT is refused', {
    env: { AWS_EC2_METADATA_DISABLED: null },
    files: { 'home/.aws/config': '[default]\nec2_metadata_v1_disabled = true\n' },
    services: { imds: { mode: 'token-refused' } },
  }),
  creds('creds-imds-token-error', 'ec2_metadata_v1_disabled = true and the token PUT fails with 500', {
    env: { AWS_EC2_METADATA_DISABLED: null },
    files: { 'home/.aws/config': '[default]\nec2_metadata_v1_disabled = true\n' },
    services: { imds: { mode: 'token-error' } },
  }),
  creds('creds-assume-role', 'a profile with role_arn and source_profile: STS AssumeRole, then S3 with its keys', {
    env: { AWS_PROFILE: 'sim' },
    files: {
      'home/.aws/config': `[profile sim]\nrole_arn = arn:aws:iam::${SIM_ACCOUNT}:role/sim-role\nsource_profile = base\nrole_session_name = sim-session\n[profile base]\n`,
      'home/.aws/credentials': '[base]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMIK7MDENGbPxRfiCYSECRETKEY\n',
    },
    hosts: [...STS_HOSTS, ...WEST_HOSTS],
  }),
  creds('creds-web-identity', 'AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE: STS AssumeRoleWithWebIdentity', {
    env: {
      AWS_ROLE_ARN: `arn:aws:iam::${SIM_ACCOUNT}:role/sim-web-role`,
      AWS_WEB_IDENTITY_TOKEN_FILE: '{tmp}/web-identity-token',
      AWS_ROLE_SESSION_NAME: 'sim-web-session',
    },
    files: { 'web-identity-token': 'sim-web-identity-token' },
    services: { sts: { webIdentityToken: 'sim-web-identity-token' } },
    hosts: [...STS_HOSTS, ...WEST_HOSTS],
  }),
  creds('creds-sso-valid', 'an sso-session whose cached token is valid: portal GetRoleCredentials only', {
    env: { AWS_PROFILE: 'sim' },
    files: { 'home/.aws/config': SSO_CONFIG, [SSO_CACHE]: ssoToken('{now+28000}') },
    services: { sso: SSO },
    hosts: SSO_HOSTS,
  }),
  creds('creds-sso-refresh', 'an sso-session whose token expires in 3 minutes: SSO-OIDC CreateToken refresh, then the portal', {
    env: { AWS_PROFILE: 'sim' },
    files: { 'home/.aws/config': SSO_CONFIG, [SSO_CACHE]: ssoToken('{now+180}') },
    services: { sso: SSO },
    hosts: SSO_HOSTS,
  }),
  creds('creds-login-valid', 'an `aws login` session (login_session) whose cached credentials are valid, default cache folder', {
    env: { AWS_PROFILE: 'sim' },
    files: { 'home/.aws/config': LOGIN_CONFIG, [`home/.aws/login/cache/${LOGIN_CACHE_NAME}`]: loginToken('{now+3600}') },
    services: { signin: LOGIN },
    hosts: LOGIN_HOSTS,
  }),
  creds('creds-login-refresh', 'an `aws login` session expiring in 2 minutes, cache in AWS_LOGIN_CACHE_DIRECTORY: refresh through sign-in', {
    env: { AWS_PROFILE: 'sim', AWS_LOGIN_CACHE_DIRECTORY: '{tmp}/login-cache' },
    files: { 'home/.aws/config': LOGIN_CONFIG, [`login-cache/${LOGIN_CACHE_NAME}`]: loginToken('{now+120}') },
    services: { signin: LOGIN },
    hosts: LOGIN_HOSTS,
  }),
];

function endpoint(id: string, summary: string, extra: Partial<SimCase>): SimCase {
  return { id, summary, args: ABORT, hosts: WEST_HOSTS, ...extra, env: { ...WEST, ...extra.env } };
}

const S3_CONFIG = (lines: string[]): string => `[default]\ns3 =\n${lines.map((l) => `    ${l}\n`).join('')}`;
const MRAP = `arn:aws:s3::${SIM_ACCOUNT}:accesspoint/mfzwi23gnjvgw.mrap`;
const EXPRESS_BUCKET = 'bucket--usw2-az1--x-s3';
const EXPRESS_HOSTS = [`${EXPRESS_BUCKET}.s3express-usw2-az1.us-west-2.amazonaws.com`, 's3express-control.us-west-2.amazonaws.com', ...WEST_HOSTS];

const ENDPOINT_CASES: SimCase[] = [
  endpoint('s3-us-west-2-virtual', 'us-west-2, virtual host bucket.s3.us-west-2.amazonaws.com over TLS trusted through AWS_CA_BUNDLE', {
    replay: true,
  }),
  endpoint('s3-moto-virtual', 'the us-west-2 virtual host against moto_server: the upload is really gone afterwards', {
    args: ['--bucket', 'sim-moto-bucket', '--key', KEY, '--upload-id', '{upload_id}'],
    services: { s3: { moto: { uploads: [{ bucket: 'sim-moto-bucket', key: KEY, parts: 2 }] } } },
    hosts: ['sim-moto-bucket.s3.us-west-2.amazonaws.com', ...WEST_HOSTS],
  }),
  endpoint('s3-moto-no-such-upload', 'moto_server answers NoSuchUpload for an upload id it does not know; the real upload stays', {
    args: ['--bucket', 'sim-moto-bucket', '--key', KEY, '--upload-id', 'NOSUCHUPLOAD'],
    services: { s3: { moto: { uploads: [{ bucket: 'sim-moto-bucket', key: KEY }] } } },
    hosts: ['sim-moto-bucket.s3.us-west-2.amazonaws.com', ...WEST_HOSTS],
  }),
  endpoint('s3-path-style', 'addressing_style = path: s3.us-west-2.amazonaws.com/bucket/...', {
    files: { 'home/.aws/config': S3_CONFIG(['addressing_style = path']) },
  }),
  endpoint('s3-no-region', 'no region anywhere: which endpoint and which signing region', {
    env: { AWS_DEFAULT_REGION: null },
    hosts: [`${BUCKET}.s3.amazonaws.com`, 's3.amazonaws.com', `${BUCKET}.s3.us-east-1.amazonaws.com`, 's3.us-east-1.amazonaws.com', ...WEST_HOSTS],
  }),
  endpoint('s3-region-from-imds', 'no region configured but IMDS enabled: does the CLI take the region from IMDS placement?', {
    env: { AWS_DEFAULT_REGION: null, AWS_EC2_METADATA_DISABLED: null },
    services: { imds: { mode: 'required', region: 'us-west-2' } },
    hosts: [`${BUCKET}.s3.amazonaws.com`, 's3.amazonaws.com', `${BUCKET}.s3.us-east-1.amazonaws.com`, ...WEST_HOSTS],
  }),
  endpoint('s3-accelerate', 'use_accelerate_endpoint = true: bucket.s3-accelerate.amazonaws.com', {
    files: { 'home/.aws/config': S3_CONFIG(['use_accelerate_endpoint = true']) },
    hosts: [`${BUCKET}.s3-accelerate.amazonaws.com`, 's3-accelerate.amazonaws.com', ...WEST_HOSTS],
  }),
  endpoint('s3-accelerate-path-style', 'accelerate with addressing_style = path', {
    files: { 'home/.aws/config': S3_CONFIG(['use_accelerate_endpoint = true', 'addressing_style = path']) },
    hosts: [`${BUCKET}.s3-accelerate.amazonaws.com`, 's3-accelerate.amazonaws.com', ...WEST_HOSTS],
  }),
  endpoint('s3-dualstack', 'use_dualstack_endpoint = true: bucket.s3.dualstack.us-west-2.amazonaws.com (also on ::1)', {
    files: { 'home/.aws/config': '[default]\nuse_dualstack_endpoint = true\n' },
    hosts: [`${BUCKET}.s3.dualstack.us-west-2.amazonaws.com`, 's3.dualstack.us-west-2.amazonaws.com', ...WEST_HOSTS],
    ipv6Hosts: [`${BUCKET}.s3.dualstack.us-west-2.amazonaws.com`, 's3.dualstack.us-west-2.amazonaws.com'],
  }),
  endpoint('s3-fips', 'use_fips_endpoint = true: bucket.s3-fips.us-west-2.amazonaws.com', {
    files: { 'home/.aws/config': '[default]\nuse_fips_endpoint = true\n' },
    hosts: [`${BUCKET}.s3-fips.us-west-2.amazonaws.com`, 's3-fips.us-west-2.amazonaws.com', ...WEST_HOSTS],
  }),
  endpoint('s3-access-point', 'an access point ARN: sim-ap-123456789012.s3-accesspoint.us-west-2.amazonaws.com', {
    args: ['--bucket', `arn:aws:s3:us-west-2:${SIM_ACCOUNT}:accesspoint/sim-ap`, '--key', KEY, '--upload-id', UPLOAD_ID],
    hosts: [`sim-ap-${SIM_ACCOUNT}.s3-accesspoint.us-west-2.amazonaws.com`, ...WEST_HOSTS],
  }),
  endpoint('s3-mrap', 'a multi-region access point ARN: SigV4a (AWS4-ECDSA-P256-SHA256, X-Amz-Region-Set) where awscrt is importable', {
    // today's botocore signs it only with awscrt, as the AWS CLI v2 bundles it
    target: 'v1-crt',
    args: ['--bucket', MRAP, '--key', KEY, '--upload-id', UPLOAD_ID],
    hosts: ['mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com', ...WEST_HOSTS],
    references: ['v2', 'v1', 'v1-crt'],
  }),
  endpoint('s3-express', 'a directory bucket: CreateSession, then the abort with x-amz-s3session-token', {
    args: ['--bucket', EXPRESS_BUCKET, '--key', KEY, '--upload-id', UPLOAD_ID],
    hosts: EXPRESS_HOSTS,
  }),
  endpoint('s3-express-no-session-auth', 'a directory bucket with AWS_S3_DISABLE_EXPRESS_SESSION_AUTH=true: no CreateSession', {
    args: ['--bucket', EXPRESS_BUCKET, '--key', KEY, '--upload-id', UPLOAD_ID],
    env: { AWS_S3_DISABLE_EXPRESS_SESSION_AUTH: 'true' },
    hosts: EXPRESS_HOSTS,
  }),
];

export const SIM_CASES: readonly SimCase[] = [...PROXY_CASES, ...TLS_CASES, ...CREDENTIAL_CASES, ...ENDPOINT_CASES];

export function simCase(id: string): SimCase {
  const c = SIM_CASES.find((x) => x.id === id);
  if (!c) throw new Error(`no simulated-AWS case ${id}`);
  return c;
}
