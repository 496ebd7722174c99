// IAM Identity Center: the portal (portal.sso.<region>.amazonaws.com, GetRoleCredentials with the
// x-amz-sso_bearer_token header) and SSO-OIDC (oidc.<region>.amazonaws.com, CreateToken, which a
// CLI calls to refresh an sso-session's token that is about to expire). rest-json, as AWS answers.
import { FAKE } from '../fake-credentials.js';
import { json, type Handler } from '../handler.js';
import type { SsoConfig } from '../spec.js';

function error(status: number, type: string, value: Record<string, string>) {
  return json(status, value, { 'x-amzn-ErrorType': type });
}

export function ssoPortalHandler(config: SsoConfig): Handler {
  return (req) => {
    if (req.method !== 'GET' || req.path !== '/federation/credentials') {
      return error(404, 'UnknownOperationException', { message: 'not a GetRoleCredentials request' });
    }
    const q = new URLSearchParams(req.query);
    const token = req.headers['x-amz-sso_bearer_token'];
    if (token === undefined || !config.accessTokens.includes(token)) {
      req.entry.notes.push(token === undefined ? 'no bearer token' : 'unknown bearer token');
      return error(401, 'UnauthorizedException', { message: 'Session token not found or invalid' });
    }
    req.entry.notes.push(`role ${q.get('role_name') ?? ''} in ${q.get('account_id') ?? ''}`);
    return json(200, {
      roleCredentials: {
        accessKeyId: FAKE.sso.accessKeyId,
        secretAccessKey: FAKE.sso.secretAccessKey,
        sessionToken: FAKE.sso.sessionToken,
        expiration: Date.now() + 3600_000,
      },
    });
  };
}

export function ssoOidcHandler(config: SsoConfig): Handler {
  return (req) => {
    if (req.method !== 'POST' || req.path !== '/token') {
      return error(404, 'UnknownOperationException', { message: 'not a CreateToken request' });
    }
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(req.body) as Record<string, unknown>;
    } catch {
      return error(400, 'InvalidRequestException', { error: 'invalid_request', error_description: 'body is not JSON' });
    }
    if (body.clientId !== config.clientId || body.clientSecret !== config.clientSecret) {
      req.entry.notes.push('wrong client');
      return error(400, 'InvalidClientException', { error: 'invalid_client' });
    }
    if (body.grantType !== 'refresh_token' || body.refreshToken !== config.refreshToken) {
      req.entry.notes.push('wrong grant');
      return error(400, 'InvalidGrantException', { error: 'invalid_grant' });
    }
    return json(200, {
      accessToken: config.newAccessToken,
      tokenType: 'Bearer',
      expiresIn: 28_800,
      refreshToken: config.newRefreshToken,
    });
  };
}
