// urllib.parse (Lib/urllib/parse.py): the host name of a URL, the way botocore reads endpoints.
// urlsplit and urlparse find the same netloc; the two functions differ only on IPv6 literals.

/** The host part of the netloc after `scheme://`, lower-cased; undefined for none or an unclosed `[`. */
function hostOf(url: string, keepBrackets: boolean): string | undefined {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(url);
  if (!m) return undefined;
  let netloc = m[1]!;
  const at = netloc.lastIndexOf('@');
  if (at >= 0) netloc = netloc.slice(at + 1);
  if (netloc.startsWith('[')) {
    const end = netloc.indexOf(']');
    if (end < 0) return undefined;
    return (keepBrackets ? netloc.slice(0, end + 1) : netloc.slice(1, end)).toLowerCase();
  }
  const colon = netloc.indexOf(':');
  const host = colon >= 0 ? netloc.slice(0, colon) : netloc;
  return host === '' ? undefined : host.toLowerCase();
}

/**
 * urllib.parse.urlparse(url).hostname: lower-cased, an IPv6 literal without its brackets
 * (botocore ContainerMetadataFetcher checks it against the allowed hosts).
 */
export function urlparseHostname(url: string): string | undefined {
  return hostOf(url, false);
}

/**
 * urllib.parse.urlsplit(url).hostname, except that an IPv6 literal keeps its brackets: botocore's
 * is_valid_uri tries is_valid_endpoint_url (urlsplit(url).hostname as DNS labels), then
 * is_valid_ipv6_endpoint_url (f'[{urlparse(url).hostname}]' against an IPv6 pattern); the
 * brackets tell the caller which of the two applies.
 */
export function urlsplitHostnameBracketed(url: string): string | undefined {
  return hostOf(url, true);
}
