// The AWS Sign-In service that `aws login` sessions refresh through (us-east-1:
// https://us-east-1.signin.aws.amazon.com, from botocore's signin endpoint rules):
// CreateOAuth2Token, POST /v1/token, rest-json, unsigned, with a DPoP proof made with the key of the
// cache file. The proof is checked (ES256 over the JWK it carries, htm, htu) and the verdict noted.
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { FAKE } from '../fake-credentials.js';
import { json, type Handler, type SimIncoming } from '../handler.js';
import type { SigninConfig } from '../spec.js';

function b64urlJson(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Why a DPoP proof is not valid for this request, or '' when it is. */
export function checkDpop(req: SimIncoming): string {
  const proof = req.headers.dpop;
  if (!proof) return 'no DPoP header';
  const parts = proof.split('.');
  if (parts.length !== 3) return 'DPoP is not a JWT';
  try {
    const header = b64urlJson(parts[0]!);
    const payload = b64urlJson(parts[1]!);
    if (header.typ !== 'dpop+jwt' || header.alg !== 'ES256') return `DPoP header ${JSON.stringify(header)}`;
    const jwk = header.jwk as JsonWebKey | undefined;
    if (!jwk || jwk.kty !== 'EC' || jwk.crv !== 'P-256') return 'DPoP without a P-256 JWK';
    const key = createPublicKey({ key: jwk, format: 'jwk' });
    const ok = verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(parts[2]!, 'base64url'));
    if (!ok) return 'DPoP signature does not verify';
    if (payload.htm !== 'POST') return `DPoP htm ${String(payload.htm)}`;
    const htu = `https://${req.hostname}${req.path}`;
    if (payload.htu !== htu) return `DPoP htu ${String(payload.htu)} is not ${htu}`;
    if (typeof payload.iat !== 'number' || typeof payload.jti !== 'string') return 'DPoP without iat/jti';
    return '';
  } catch (e) {
    return `DPoP unreadable: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export function signinHandler(config: SigninConfig): Handler {
  return (req) => {
    if (req.method !== 'POST' || req.path !== '/v1/token') {
      return json(404, { message: 'not a CreateOAuth2Token request' });
    }
    const dpop = checkDpop(req);
    req.entry.notes.push(dpop === '' ? 'DPoP valid' : dpop);
    if (dpop !== '') return json(400, { error: 'INVALID_REQUEST', message: dpop }, { 'x-amzn-ErrorType': 'ValidationException' });
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(req.body) as Record<string, unknown>;
    } catch {
      return json(400, { error: 'INVALID_REQUEST', message: 'body is not JSON' }, { 'x-amzn-ErrorType': 'ValidationException' });
    }
    if (body.grantType !== 'refresh_token' || body.clientId !== config.clientId || body.refreshToken !== config.refreshToken) {
      req.entry.notes.push('refresh token or client did not match');
      return json(
        401,
        { error: 'TOKEN_EXPIRED', message: 'The refresh token has expired' },
        { 'x-amzn-ErrorType': 'AccessDeniedException' },
      );
    }
    return json(200, {
      accessToken: {
        accessKeyId: FAKE.loginRefreshed.accessKeyId,
        secretAccessKey: FAKE.loginRefreshed.secretAccessKey,
        sessionToken: FAKE.loginRefreshed.sessionToken,
      },
      tokenType: 'aws_sigv4',
      expiresIn: 900,
      refreshToken: config.newRefreshToken,
    });
  };
}
