// An http:// request through a proxy (urllib3's ProxyManager for botocore): sent to the proxy
// with the absolute URL as its target and Proxy-Authorization on every request.

import type { ProxyRoute } from './proxy-env.js';

/** Where a plain-http request goes and what it carries when it goes through `route`. */
export function forwardedRequest(route: ProxyRoute, url: URL): { hostname: string; port: number; path: string; headers: Record<string, string> } {
  return {
    hostname: route.hostname,
    port: route.port,
    // the request line names the whole target: `DELETE http://host/bkt/k?uploadId=u HTTP/1.1`
    path: `${url.protocol}//${url.host}${url.pathname}${url.search}`,
    headers: route.authorization ? { 'Proxy-Authorization': route.authorization } : {},
  };
}
