// The value checks botocore applies to settings, with their texts (all 255).

import { GeneralError } from '../../errors.js';
import { pyRepr } from '../../output/pyvalue.js';
import { type IniValue, pyStrip } from '../ini.js';

/** Python's str() of a config value (a nested block prints as a dict). */
export function pyStrValue(value: IniValue): string {
  return typeof value === 'string' ? value : pyRepr(new Map(value));
}

/** botocore utils.ensure_boolean: only the text 'true' (any case) is true. */
export function ensureBoolean(value: IniValue | undefined): boolean {
  return typeof value === 'string' && value.toLowerCase() === 'true';
}

/**
 * Python's int() on text, base 10: surrounding whitespace, a sign, ASCII digits with single
 * underscores between them. Anything else raises ValueError, whose text (255) is returned as
 * GeneralError: `invalid literal for int() with base 10: 'abc'` (the repr cut at 200 characters).
 */
export function pyInt(value: IniValue): number {
  if (typeof value !== 'string') {
    throw new GeneralError("int() argument must be a string, a bytes-like object or a real number, not 'dict'");
  }
  const text = pyStrip(value);
  if (!/^[+-]?[0-9](?:_?[0-9])*$/.test(text)) {
    const repr = Array.from(pyRepr(value)).slice(0, 200).join('');
    throw new GeneralError(`invalid literal for int() with base 10: ${repr}`);
  }
  return Number(text.replace(/_/g, ''));
}

const REGION_RE = /^(?![0-9]+\n?$)(?!-)[a-zA-Z0-9-]{0,63}(?<!-)\n?$/;

/** botocore utils.validate_region_name (a host label; Python's `$` also allows one final newline). */
export function validateRegionName(region: string): void {
  if (!REGION_RE.test(region)) {
    throw new GeneralError(`Provided region_name '${region}' doesn't match a supported format.`);
  }
}

// botocore utils.is_valid_uri: is_valid_endpoint_url or is_valid_ipv6_endpoint_url
export function isValidUri(url: string): boolean {
  if (/[\t\r\n]/.test(url)) return false;
  const host = urlHostname(url);
  if (host === undefined) return false;
  if (host.startsWith('[')) return /^\[[0-9a-f:.]+(%25[\w.~-]+)?\]$/i.test(host);
  return isValidEndpointUrl(url);
}

/** botocore utils.is_valid_endpoint_url: no CR/LF/tab, and a host name of DNS labels. */
export function isValidEndpointUrl(url: string): boolean {
  if (/[\t\r\n]/.test(url)) return false;
  const host = urlHostname(url);
  if (host === undefined) return false;
  let h = host;
  if (h.length > 255) return false;
  if (h.endsWith('.')) h = h.slice(0, -1);
  return /^((?!-)[A-Z\d-]{1,63}(?<!-)\.)*((?!-)[A-Z\d-]{1,63}(?<!-))$/i.test(h);
}

// urllib.parse.urlsplit(url).hostname, enough for the checks above: the netloc after `scheme://`
function urlHostname(url: string): string | undefined {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(url);
  if (!m) return undefined;
  let netloc = m[1]!;
  const at = netloc.lastIndexOf('@');
  if (at >= 0) netloc = netloc.slice(at + 1);
  if (netloc.startsWith('[')) {
    const end = netloc.indexOf(']');
    return end < 0 ? undefined : netloc.slice(0, end + 1).toLowerCase();
  }
  const colon = netloc.indexOf(':');
  const host = colon >= 0 ? netloc.slice(0, colon) : netloc;
  return host === '' ? undefined : host.toLowerCase();
}
