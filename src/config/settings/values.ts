// The value checks botocore applies to settings, with their texts (all 255).

import { GeneralError } from '../../errors.js';
import { pyIntError, pyInt as pyIntOfText } from '../../py/int.js';
import { pyRepr } from '../../py/repr.js';
import { urlsplitHostnameBracketed as urlHostname } from '../../py/urllib.js';
import type { IniValue } from '../ini.js';

/** Python's str() of a config value (a nested block prints as a dict). */
export function pyStrValue(value: IniValue): string {
  return typeof value === 'string' ? value : pyRepr(new Map(value));
}

/** botocore utils.ensure_boolean: only the text 'true' (any case) is true. */
export function ensureBoolean(value: IniValue | undefined): boolean {
  return typeof value === 'string' && value.toLowerCase() === 'true';
}

/**
 * Python's int() of a config value (src/py/int.ts). Its ValueError or TypeError text (255) is
 * thrown as GeneralError: `invalid literal for int() with base 10: 'abc'`.
 */
export function pyInt(value: IniValue): number {
  if (typeof value !== 'string') {
    throw new GeneralError("int() argument must be a string, a bytes-like object or a real number, not 'dict'");
  }
  const n = pyIntOfText(value);
  if (n === undefined) throw new GeneralError(pyIntError(value));
  return Number(n);
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
