// Proxies as botocore takes them: only from the environment, through Python's
// urllib.request.getproxies_environment and proxy_bypass_environment, then botocore's
// ProxyConfiguration (httpsession.py) for the scheme fix-up, the credentials and their mask
// (docs/aws-cli-today.md §1).

import type { Env } from '../config/settings/lookup.js';

/**
 * getproxies_environment: every variable whose name ends in `_proxy` (any case) with a value; a
 * name whose last six characters are literally `_proxy` wins over the others, and when empty it
 * deletes the entry; with REQUEST_METHOD set (CGI) the `http` entry of the first pass is dropped.
 */
export function getProxiesEnvironment(env: Env): Map<string, string> {
  const proxies = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    if (value && name.toLowerCase().endsWith('_proxy')) proxies.set(name.toLowerCase().slice(0, -6), value);
  }
  // CVE-2016-1000110: under CGI, HTTP_PROXY may come from a request's Proxy: header
  if ('REQUEST_METHOD' in env) proxies.delete('http');
  for (const [name, value] of Object.entries(env)) {
    if (!name.endsWith('_proxy')) continue;
    const scheme = name.toLowerCase().slice(0, -6);
    if (value) proxies.set(scheme, value);
    else proxies.delete(scheme);
  }
  return proxies;
}

/**
 * proxy_bypass_environment(netloc): `*` alone bypasses everything; otherwise each comma-separated
 * entry (stripped, leading dots dropped, lower-cased) matches the host or host:port exactly, or
 * as a suffix after a dot. No globs, no CIDR; an IPv6 host is matched with its brackets.
 */
export function proxyBypass(netloc: string, noProxy: string | undefined): boolean {
  if (noProxy === undefined) return false;
  if (noProxy === '*') return true;
  const hostPort = netloc.toLowerCase();
  const m = /^(.*?)(?::(\d+))?$/.exec(hostPort);
  const host = m?.[1] ?? hostPort;
  for (const raw of noProxy.split(',')) {
    const entry = raw.trim().replace(/^\.+/, '').toLowerCase();
    if (!entry) continue;
    if (host === entry || hostPort === entry) return true;
    if (host.endsWith(`.${entry}`) || hostPort.endsWith(`.${entry}`)) return true;
  }
  return false;
}

/** A proxy to send a request through. */
export interface ProxyRoute {
  /** the proxy URL as configured, with a scheme (`http://` when it had none) */
  readonly url: string;
  readonly protocol: 'http:' | 'https:';
  readonly hostname: string;
  readonly port: number;
  /** `Basic <base64>` when the URL holds both a user and a password */
  readonly authorization?: string;
  /** the URL as errors show it: user and password replaced by `***` */
  readonly masked: string;
}

/** botocore's text when the proxy cannot be used (ProxyConnectionError). */
export function proxyErrorText(route: Pick<ProxyRoute, 'masked'>): string {
  return `Failed to connect to proxy URL: "${route.masked}"`;
}

/** httpsession.py _fix_proxy_url: no scheme means http:// (and `//host` means http://host). */
function fixProxyUrl(url: string): string {
  if (url.startsWith('http:') || url.startsWith('https:')) return url;
  if (url.startsWith('//')) return `http:${url}`;
  return `http://${url}`;
}

/** httpsession.py mask_proxy_url: the first occurrence of the user, then of the password, as `***`. */
function maskProxyUrl(url: string, user: string, password: string): string {
  let masked = url;
  if (user) masked = masked.replace(user, '***');
  if (password) masked = masked.replace(password, '***');
  return masked;
}

/** Thrown for a proxy URL whose credentials Python could not encode (ASCII only). */
export class ProxyCredentialsError extends Error {
  override name = 'ProxyCredentialsError';
}

/** urllib.parse.unquote: %XX as UTF-8 bytes (an invalid sequence left as it is). */
function unquote(s: string): string {
  try {
    return decodeURIComponent(s.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
  } catch {
    return s;
  }
}

/**
 * The proxy for a request to `targetScheme`, decided (as botocore decides it, once per client)
 * against the client's endpoint netloc; undefined when there is none or NO_PROXY bypasses it.
 */
export function proxyRoute(env: Env, targetScheme: 'http' | 'https', clientEndpointNetloc: string): ProxyRoute | undefined {
  const proxies = getProxiesEnvironment(env);
  if (proxyBypass(clientEndpointNetloc, proxies.get('no'))) return undefined;
  const configured = proxies.get(targetScheme);
  if (configured === undefined) return undefined;
  const url = fixProxyUrl(configured);
  // urlparse: the netloc after `//`, user info before its last `@`
  const m = /^(https?):\/\/([^/?#]*)/i.exec(url);
  const netloc = m?.[2] ?? '';
  const at = netloc.lastIndexOf('@');
  const userinfo = at >= 0 ? netloc.slice(0, at) : '';
  const hostport = at >= 0 ? netloc.slice(at + 1) : netloc;
  const colon = userinfo.indexOf(':');
  const rawUser = colon >= 0 ? userinfo.slice(0, colon) : userinfo;
  const rawPassword = colon >= 0 ? userinfo.slice(colon + 1) : '';
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostport);
  const hostname = (hp?.[1] ?? hostport).replace(/^\[|\]$/g, '');
  const protocol = (m?.[1]?.toLowerCase() === 'https' ? 'https:' : 'http:') as 'http:' | 'https:';
  const port = hp?.[2] ? Number(hp[2]) : protocol === 'https:' ? 443 : 80;
  const user = unquote(rawUser);
  const password = unquote(rawPassword);
  let authorization: string | undefined;
  if (user && password) {
    const plain = `${user}:${password}`;
    const chars = [...plain];
    const bad = chars.findIndex((c) => c.codePointAt(0)! > 0x7f);
    if (bad >= 0) {
      // UnicodeEncodeError: the character as repr() escapes it, its position in code points
      const cp = chars[bad]!.codePointAt(0)!;
      const esc = cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
      throw new ProxyCredentialsError(`'ascii' codec can't encode character '${esc}' in position ${bad}: ordinal not in range(128)`);
    }
    authorization = `Basic ${Buffer.from(plain, 'latin1').toString('base64')}`;
  }
  return {
    url,
    protocol,
    hostname,
    port,
    ...(authorization ? { authorization } : {}),
    masked: maskProxyUrl(url, rawUser, rawPassword),
  };
}
