// Each simulated service answers as the real one would: the handlers' protocol in-process (modes,
// errors, formats), then one namespace run showing that AWS's addresses and names reach them.
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../support/aws-sim/fake-credentials.js';
import type { SimAnswer, SimIncoming } from '../support/aws-sim/handler.js';
import { runProbe } from '../support/aws-sim/run-probe.js';
import { containerHandler } from '../support/aws-sim/services/container.js';
import { imdsHandler } from '../support/aws-sim/services/imds.js';
import { signinHandler } from '../support/aws-sim/services/signin.js';
import { ssoOidcHandler, ssoPortalHandler } from '../support/aws-sim/services/sso.js';
import { stsHandler } from '../support/aws-sim/services/sts.js';
import type { ImdsMode, SsoConfig } from '../support/aws-sim/spec.js';

function incoming(method: string, hostname: string, target: string, headers: Record<string, string> = {}, body = ''): SimIncoming {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? '' : target.slice(q + 1);
  return {
    method,
    hostname,
    path,
    query,
    headers,
    body,
    entry: { seq: 1, service: '', listener: '', method, host: hostname, path, query, headers, body, status: 0, notes: [] },
  };
}

async function ask(h: (r: SimIncoming) => SimAnswer | Promise<SimAnswer>, r: SimIncoming): Promise<{ status: number; body: string; headers: Record<string, string> }> {
  const a = await h(r);
  if (!('status' in a)) throw new Error('no answer');
  return { status: a.status, body: a.body ?? '', headers: a.headers ?? {} };
}

const TTL = { 'x-aws-ec2-metadata-token-ttl-seconds': '21600' };
const CREDS = '/latest/meta-data/iam/security-credentials/';

describe('IMDS', () => {
  it('issues IMDSv2 tokens, requires them in required mode, and serves role, credentials, region and identity', async () => {
    const h = imdsHandler({ mode: 'required' });
    const token = await ask(h, incoming('PUT', '169.254.169.254', '/latest/api/token', TTL));
    expect(token).toMatchObject({ status: 200, body: 'AQAEAsimImdsToken-1==' });
    expect((await ask(h, incoming('PUT', '169.254.169.254', '/latest/api/token'))).status).toBe(400);
    expect((await ask(h, incoming('GET', '169.254.169.254', CREDS))).status).toBe(401);
    expect((await ask(h, incoming('GET', '169.254.169.254', CREDS, { 'x-aws-ec2-metadata-token': 'forged' }))).status).toBe(401);
    const t = { 'x-aws-ec2-metadata-token': token.body };
    expect(await ask(h, incoming('GET', '169.254.169.254', CREDS, t))).toMatchObject({ status: 200, body: 'sim-instance-role' });
    const creds = JSON.parse((await ask(h, incoming('GET', '169.254.169.254', `${CREDS}sim-instance-role`, t))).body) as Record<string, string>;
    expect(creds).toMatchObject({ Code: 'Success', Type: 'AWS-HMAC', AccessKeyId: FAKE.imds.accessKeyId, Token: FAKE.imds.sessionToken });
    expect(Date.parse(creds.Expiration!)).toBeGreaterThan(Date.now() + 3600_000);
    expect((await ask(h, incoming('GET', '169.254.169.254', '/latest/meta-data/placement/region', t))).body).toBe('us-west-2');
    expect((await ask(h, incoming('GET', '169.254.169.254', '/latest/meta-data/placement/availability-zone/', t))).body).toBe('us-west-2a');
    expect(JSON.parse((await ask(h, incoming('GET', '169.254.169.254', '/latest/dynamic/instance-identity/document', t))).body)).toMatchObject({ region: 'us-west-2', accountId: '123456789012' });
    // IMDS refuses a token PUT that a proxy forwarded
    expect((await ask(h, incoming('PUT', '169.254.169.254', '/latest/api/token', { ...TTL, 'x-forwarded-for': '10.0.0.1' }))).status).toBe(403);
  });

  it.each([
    ['optional', 200, 200],
    ['token-refused', 403, 200],
    ['token-error', 500, 200],
    ['v1-only', 405, 200],
  ] as Array<[ImdsMode, number, number]>)('mode %s: token PUT %i, GET without a token %i', async (mode, put, get) => {
    const h = imdsHandler({ mode });
    expect((await ask(h, incoming('PUT', '169.254.169.254', '/latest/api/token', TTL))).status).toBe(put);
    expect((await ask(h, incoming('GET', '169.254.169.254', CREDS))).status).toBe(get);
  });
});

describe('container credentials', () => {
  it('hands out per-address keys and checks the Authorization token', async () => {
    const ecs = JSON.parse((await ask(containerHandler({}, '169.254.170.2'), incoming('GET', '169.254.170.2', '/v2/credentials/sim-task'))).body) as Record<string, string>;
    expect(ecs).toMatchObject({ AccessKeyId: FAKE.ecs.accessKeyId, Token: FAKE.ecs.sessionToken, AccountId: '123456789012' });
    const eks = containerHandler({ token: 'tok' }, '169.254.170.23');
    expect((await ask(eks, incoming('GET', '169.254.170.23', '/v1/credentials'))).status).toBe(401);
    expect((await ask(eks, incoming('GET', '169.254.170.23', '/v1/credentials', { authorization: 'bad' }))).status).toBe(401);
    expect(JSON.parse((await ask(eks, incoming('GET', '169.254.170.23', '/v1/credentials', { authorization: 'tok' }))).body)).toMatchObject({ AccessKeyId: FAKE.eksPodIdentity.accessKeyId });
    expect((await ask(eks, incoming('GET', '169.254.170.23', '/other', { authorization: 'tok' }))).status).toBe(404);
    expect(JSON.parse((await ask(containerHandler({}, 'fd00:ec2::23'), incoming('GET', 'fd00:ec2::23', '/v1/credentials'))).body)).toMatchObject({ AccessKeyId: FAKE.eksPodIdentityV6.accessKeyId });
  });
});

describe('STS', () => {
  it('answers AssumeRole and AssumeRoleWithWebIdentity with the query protocol XML', async () => {
    const h = stsHandler({ webIdentityToken: 'jwt' });
    const form = 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr&RoleSessionName=s';
    const ar = await ask(h, incoming('POST', 'sts.us-west-2.amazonaws.com', '/', { authorization: 'AWS4-HMAC-SHA256 ...' }, form));
    expect(ar.status).toBe(200);
    expect(ar.body).toMatch(/^<AssumeRoleResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><AssumeRoleResult><AssumedRoleUser><AssumedRoleId>AROASIMROLEID000001:s<\/AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role\/r\/s<\/Arn>/);
    expect(ar.body).toContain(`<AccessKeyId>${FAKE.assumeRole.accessKeyId}</AccessKeyId>`);
    expect((await ask(h, incoming('POST', 'sts.amazonaws.com', '/', {}, form))).status).toBe(403);
    const web = (token: string) => `Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fw&RoleSessionName=s&WebIdentityToken=${token}`;
    const ok = await ask(h, incoming('POST', 'sts.amazonaws.com', '/', {}, web('jwt')));
    expect(ok.body).toContain(`<AccessKeyId>${FAKE.webIdentity.accessKeyId}</AccessKeyId>`);
    const bad = await ask(h, incoming('POST', 'sts.amazonaws.com', '/', {}, web('other')));
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('<Code>InvalidIdentityToken</Code>');
  });
});

const SSO: SsoConfig = { accessTokens: ['at'], clientId: 'cid', clientSecret: 'cs', refreshToken: 'rt', newAccessToken: 'at2', newRefreshToken: 'rt2' };

describe('SSO portal and SSO-OIDC', () => {
  it('GetRoleCredentials takes the bearer token; CreateToken refreshes with the client and refresh token', async () => {
    const portal = ssoPortalHandler(SSO);
    const target = '/federation/credentials?role_name=SimRole&account_id=123456789012';
    const ok = await ask(portal, incoming('GET', 'portal.sso.us-east-1.amazonaws.com', target, { 'x-amz-sso_bearer_token': 'at' }));
    const rc = (JSON.parse(ok.body) as { roleCredentials: Record<string, unknown> }).roleCredentials;
    expect(rc).toMatchObject({ accessKeyId: FAKE.sso.accessKeyId, sessionToken: FAKE.sso.sessionToken });
    expect(typeof rc.expiration).toBe('number');
    const denied = await ask(portal, incoming('GET', 'portal.sso.us-east-1.amazonaws.com', target, { 'x-amz-sso_bearer_token': 'nope' }));
    expect([denied.status, denied.headers['x-amzn-ErrorType']]).toEqual([401, 'UnauthorizedException']);
    const oidc = ssoOidcHandler(SSO);
    const body = (rt: string) => JSON.stringify({ clientId: 'cid', clientSecret: 'cs', grantType: 'refresh_token', refreshToken: rt });
    const fresh = await ask(oidc, incoming('POST', 'oidc.us-east-1.amazonaws.com', '/token', { 'content-type': 'application/json' }, body('rt')));
    expect(JSON.parse(fresh.body)).toEqual({ accessToken: 'at2', tokenType: 'Bearer', expiresIn: 28_800, refreshToken: 'rt2' });
    const stale = await ask(oidc, incoming('POST', 'oidc.us-east-1.amazonaws.com', '/token', {}, body('old')));
    expect([stale.status, stale.headers['x-amzn-ErrorType']]).toEqual([400, 'InvalidGrantException']);
  });
});

/** A DPoP proof as botocore's login provider builds one (ES256 JWT with the public JWK in its header). */
function dpop(htu: string, key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })): string {
  const jwk = key.publicKey.export({ format: 'jwk' });
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${b64({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', x: jwk.x, y: jwk.y, crv: 'P-256' } })}.${b64({ htm: 'POST', htu, iat: Math.floor(Date.now() / 1000), jti: 'j' })}`;
  return `${input}.${sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

describe('the sign-in service', () => {
  it('CreateOAuth2Token refreshes an aws login session after checking the DPoP proof', async () => {
    const h = signinHandler({ clientId: 'arn:aws:signin:::devtools/same-device', refreshToken: 'rt', newRefreshToken: 'rt2' });
    const host = 'us-east-1.signin.aws.amazon.com';
    const body = JSON.stringify({ clientId: 'arn:aws:signin:::devtools/same-device', refreshToken: 'rt', grantType: 'refresh_token' });
    const ok = await ask(h, incoming('POST', host, '/v1/token', { dpop: dpop(`https://${host}/v1/token`) }, body));
    expect(JSON.parse(ok.body)).toMatchObject({
      accessToken: { accessKeyId: FAKE.loginRefreshed.accessKeyId, sessionToken: FAKE.loginRefreshed.sessionToken },
      tokenType: 'aws_sigv4',
      expiresIn: 900,
      refreshToken: 'rt2',
    });
    const wrongUrl = incoming('POST', host, '/v1/token', { dpop: dpop('https://elsewhere/v1/token') }, body);
    expect((await ask(h, wrongUrl)).status).toBe(400);
    expect(wrongUrl.entry.notes[0]).toMatch(/^DPoP htu https:\/\/elsewhere\/v1\/token is not/);
    const tampered = dpop(`https://${host}/v1/token`).replace(/\.[^.]+$/, `.${Buffer.alloc(64, 1).toString('base64url')}`);
    const t = incoming('POST', host, '/v1/token', { dpop: tampered }, body);
    expect((await ask(h, t)).status).toBe(400);
    expect(t.entry.notes).toEqual(['DPoP signature does not verify']);
    const expired = await ask(h, incoming('POST', host, '/v1/token', { dpop: dpop(`https://${host}/v1/token`) }, body.replace('"rt"', '"old"')));
    expect([expired.status, JSON.parse(expired.body).error, expired.headers['x-amzn-ErrorType']]).toEqual([401, 'TOKEN_EXPIRED', 'AccessDeniedException']);
  });
});

describe('inside the namespace', () => {
  it('reaches every service on its AWS address or name, and S3 answers from the stub script', async () => {
    const http = (host: string, method: string, target: string, headers: Record<string, string> = {}) =>
      ({ op: 'request', host, port: 80, method, target, headers }) as const;
    const https = (host: string, method: string, target: string, headers: Record<string, string> = {}, body?: string) =>
      ({ op: 'request', host, port: 443, tls: { servername: host, ca: '{ca}' }, method, target, headers, ...(body !== undefined ? { body } : {}) }) as const;
    const express = 'bucket--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com';
    const { results, log } = await runProbe(
      {
        hosts: ['bucket.s3.us-west-2.amazonaws.com', 's3.us-west-2.amazonaws.com', 'sts.us-west-2.amazonaws.com', 'portal.sso.us-east-1.amazonaws.com', express, 'elsewhere.example.com'],
        services: {
          imds: { mode: 'required' },
          container: { token: 'tok' },
          sso: SSO,
          s3: { scripts: { bucket: [{ status: 404, body: '<Error><Code>NoSuchUpload</Code></Error>' }] } },
        },
      },
      [
        http('169.254.169.254', 'PUT', '/latest/api/token', TTL),
        { ...http('fd00:ec2::254', 'PUT', '/latest/api/token', TTL), host: 'fd00:ec2::254' },
        http('169.254.170.2', 'GET', '/v2/credentials/sim-task', { Authorization: 'tok' }),
        http('169.254.170.23', 'GET', '/v1/credentials', { Authorization: 'tok' }),
        http('fd00:ec2::23', 'GET', '/v1/credentials', { Authorization: 'tok' }),
        https('bucket.s3.us-west-2.amazonaws.com', 'DELETE', '/k?uploadId=U'),
        https('s3.us-west-2.amazonaws.com', 'DELETE', '/bucket/k?uploadId=U'),
        https(express, 'GET', '/?session'),
        https('sts.us-west-2.amazonaws.com', 'POST', '/', {}, 'Action=Nope&RoleArn=a&RoleSessionName=b'),
        https('portal.sso.us-east-1.amazonaws.com', 'GET', '/federation/credentials?role_name=r&account_id=1', { 'x-amz-sso_bearer_token': 'at' }),
        https('elsewhere.example.com', 'GET', '/'),
      ],
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 404, 404, 200, 400, 200, 404]);
    expect(results[7]!.body).toContain(`<SessionToken>${FAKE.s3express.sessionToken}</SessionToken>`);
    expect(results[5]!.headers).toMatchObject({ 'x-amz-request-id': 'REQ123', 'x-amz-id-2': 'HOSTID456' });
    expect(log.requests.map((r) => `${r.service} ${r.listener} ${r.method} ${r.host} ${r.path}`)).toEqual([
      'imds http 169.254.169.254:80 PUT 169.254.169.254 /latest/api/token',
      'imds http [fd00:ec2::254]:80 PUT fd00:ec2::254 /latest/api/token',
      'container http 169.254.170.2:80 GET 169.254.170.2 /v2/credentials/sim-task',
      'container http 169.254.170.23:80 GET 169.254.170.23 /v1/credentials',
      'container http [fd00:ec2::23]:80 GET fd00:ec2::23 /v1/credentials',
      's3 https 127.0.0.1:443 DELETE bucket.s3.us-west-2.amazonaws.com /k',
      's3 https 127.0.0.1:443 DELETE s3.us-west-2.amazonaws.com /bucket/k',
      `s3 https 127.0.0.1:443 GET ${express} /`,
      'sts https 127.0.0.1:443 POST sts.us-west-2.amazonaws.com /',
      'sso https 127.0.0.1:443 GET portal.sso.us-east-1.amazonaws.com /federation/credentials',
      'unknown https 127.0.0.1:443 GET elsewhere.example.com /',
    ]);
    expect(JSON.parse(results[4]!.body!)).toMatchObject({ AccessKeyId: FAKE.eksPodIdentityV6.accessKeyId });
  });
});
