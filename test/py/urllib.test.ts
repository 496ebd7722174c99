// The host name of a URL against urllib.parse (expected values from CPython 3.11's
// urlparse(url).hostname; the bracketed form adds the brackets back for IPv6 literals).

import { describe, expect, it } from 'vitest';
import { urlparseHostname, urlsplitHostnameBracketed } from '../../src/py/urllib.js';

describe('urlparseHostname / urlsplitHostnameBracketed', () => {
  it.each([
    ['http://169.254.170.2/v2/creds', '169.254.170.2', '169.254.170.2'],
    ['HTTP://LocalHost:8080/x', 'localhost', 'localhost'],
    ['http://user:pw@Example.COM:80/', 'example.com', 'example.com'],
    ['http://[FD00:EC2::254]/', 'fd00:ec2::254', '[fd00:ec2::254]'],
    ['http://[::1]:8080/a', '::1', '[::1]'],
    ['http://:80/', undefined, undefined],
    ['ftp://h?x', 'h', 'h'],
    ['http://h#f', 'h', 'h'],
    ['no-scheme/path', undefined, undefined],
  ])('%s', (url, parsed, bracketed) => {
    expect(urlparseHostname(url)).toBe(parsed);
    expect(urlsplitHostnameBracketed(url)).toBe(bracketed);
  });
});
