// Which simulated service answers a host name behind the front, by the shapes of AWS's names:
// sts[.region].amazonaws.com, portal.sso.<region>..., oidc.<region>..., the sign-in service's
// <region>.signin.aws.amazon.com, and any name with an S3 service label. Anything else is
// `unknown` (a 404 that names the host), so a case that forgot a service shows it in the log.
import { text, type Handler, type Route } from './handler.js';
import { s3Handler, type S3Backend } from './services/s3.js';
import { signinHandler } from './services/signin.js';
import { ssoOidcHandler, ssoPortalHandler } from './services/sso.js';
import { stsHandler } from './services/sts.js';
import type { ServicesConfig, SigninConfig, SsoConfig } from './spec.js';

const STS = /^sts(-fips)?(\.[a-z0-9-]+)?\.amazonaws\.com$/;
const SSO_PORTAL = /^portal\.sso(-fips)?\.[a-z0-9-]+\.amazonaws\.com$/;
const SSO_OIDC = /^oidc(-fips)?\.[a-z0-9-]+\.amazonaws\.com$/;
const SIGNIN = /^([a-z0-9-]+\.signin\.aws\.amazon\.com|signin(-fips)?\.[a-z0-9-]+\.amazonaws\.com)$/;
const S3 = /(^|\.)(s3|s3-[a-z0-9-]+|s3express-[a-z0-9-]+|accesspoint\.s3-global)(\.|$).*amazonaws\.com$/;

/** What an unconfigured SSO or sign-in service accepts: nothing. */
const NO_SSO: SsoConfig = { accessTokens: [], clientId: '', clientSecret: '', refreshToken: '\0', newAccessToken: '', newRefreshToken: '' };
const NO_SIGNIN: SigninConfig = { clientId: '', refreshToken: '\0', newRefreshToken: '' };

export function serviceOf(hostname: string): string {
  if (STS.test(hostname)) return 'sts';
  if (SSO_PORTAL.test(hostname)) return 'sso';
  if (SSO_OIDC.test(hostname)) return 'oidc';
  if (SIGNIN.test(hostname)) return 'signin';
  if (S3.test(hostname)) return 's3';
  return 'unknown';
}

export function makeRouter(services: ServicesConfig, s3: S3Backend): (hostname: string) => Route {
  const handlers: Record<string, Handler> = {
    sts: stsHandler(services.sts),
    sso: ssoPortalHandler(services.sso ?? NO_SSO),
    oidc: ssoOidcHandler(services.sso ?? NO_SSO),
    signin: signinHandler(services.signin ?? NO_SIGNIN),
    s3: s3Handler(s3),
    unknown: (req) => text(404, `no simulated AWS service for host ${req.hostname}`),
  };
  return (hostname) => {
    const service = serviceOf(hostname);
    return { service, handler: handlers[service]! };
  };
}
