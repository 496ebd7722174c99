// Proxies from the environment, as Python's urllib and botocore read them: the vectors are the
// ones measured with CPython 3.11 and AWS CLI 2.36 (docs/aws-cli-today.md §1.2, §1.3, §1.6).
import { describe, expect, it } from 'vitest';
import { getProxiesEnvironment, ProxyCredentialsError, proxyBypass, proxyErrorText, proxyRoute } from '../../src/net/proxy-env.js';

describe('getProxiesEnvironment', () => {
  it.each<[string, Record<string, string>, Record<string, string>]>([
    ['lower case wins', { HTTPS_PROXY: 'http://U:1', https_proxy: 'http://l:2' }, { https: 'http://l:2' }],
    ['an empty lower-case variable cancels the upper-case one', { HTTPS_PROXY: 'http://U:1', https_proxy: '' }, {}],
    ['CGI drops HTTP_PROXY', { HTTP_PROXY: 'http://U:1', REQUEST_METHOD: 'GET' }, {}],
    ['CGI keeps http_proxy', { http_proxy: 'http://l:2', REQUEST_METHOD: 'GET' }, { http: 'http://l:2' }],
    ['a literal _proxy suffix counts as lower case', { HTTPS_proxy: 'http://m:6', HTTPS_PROXY: 'http://U:1' }, { https: 'http://m:6' }],
    ['any case is read', { HtTpS_PrOxY: 'http://m:5' }, { https: 'http://m:5' }],
    ['all_proxy is an entry botocore never asks for', { ALL_PROXY: 'http://a:1' }, { all: 'http://a:1' }],
    ['no_proxy lower case wins', { NO_PROXY: 'a', no_proxy: 'b' }, { no: 'b' }],
    ['an empty no_proxy removes the bypass list', { NO_PROXY: 'a', no_proxy: '' }, {}],
  ])('%s', (_name, env, expected) => {
    expect(Object.fromEntries(getProxiesEnvironment(env))).toEqual(expected);
  });
});

describe('proxyBypass', () => {
  it.each<[string, string, boolean]>([
    ['amazonaws.com', 's3.us-west-2.amazonaws.com', true],
    ['.amazonaws.com', 's3.us-west-2.amazonaws.com', true],
    ['..amazonaws.com', 's3.us-west-2.amazonaws.com', true],
    ['*.amazonaws.com', 's3.us-west-2.amazonaws.com', false],
    ['S3.US-WEST-2.AMAZONAWS.COM', 's3.us-west-2.amazonaws.com', true],
    ['ws.com', 's3.us-west-2.amazonaws.com', false],
    ['*', 'anything.example', true],
    [' * ', 'anything.example', false],
    ['foo,*', 'anything.example', false],
    ['localhost:9000', 'localhost:9000', true],
    ['localhost:9000', 'localhost:9001', false],
    ['localhost:9000', 'localhost', false],
    ['localhost', 'localhost:9000', true],
    ['127.0.0.1', '127.0.0.1:9000', true],
    ['127.0.0.0/8', '127.0.0.1:9000', false],
    ['0.0.1', '127.0.0.1', true],
    ['::1', '[::1]:9000', false],
    ['[::1]', '[::1]:9000', true],
    ['[::1]:9000', '[::1]:9000', true],
    ['a.com, b.com', 'x.b.com', true],
    ['a.com;b.com', 'x.b.com', false],
    ['', 'anything', false],
  ])('NO_PROXY=%j, %s: %s', (noProxy, netloc, bypass) => {
    expect(proxyBypass(netloc, noProxy)).toBe(bypass);
  });

  it('bypasses nothing without NO_PROXY', () => {
    expect(proxyBypass('s3.amazonaws.com', undefined)).toBe(false);
  });
});

describe('proxyRoute', () => {
  const endpoint = 's3.us-west-2.amazonaws.com';

  it('takes the proxy of the request scheme, with http:// when it has none', () => {
    expect(proxyRoute({ HTTPS_PROXY: '127.0.0.1:3999' }, 'https', endpoint)).toMatchObject({
      url: 'http://127.0.0.1:3999', protocol: 'http:', hostname: '127.0.0.1', port: 3999, masked: 'http://127.0.0.1:3999',
    });
    expect(proxyRoute({ HTTPS_PROXY: '//p:1' }, 'https', endpoint)?.url).toBe('http://p:1');
    expect(proxyRoute({ HTTP_PROXY: 'http://p:1' }, 'https', endpoint)).toBeUndefined();
    expect(proxyRoute({ HTTPS_PROXY: 'http://p:1' }, 'http', endpoint)).toBeUndefined();
    expect(proxyRoute({ HTTPS_PROXY: 'https://p' }, 'https', endpoint)).toMatchObject({ protocol: 'https:', port: 443 });
    expect(proxyRoute({ HTTP_PROXY: 'http://p' }, 'http', endpoint)).toMatchObject({ protocol: 'http:', port: 80 });
  });

  it("decides the bypass on the client's endpoint host, not the request's", () => {
    const env = { HTTPS_PROXY: 'http://p:1' };
    expect(proxyRoute({ ...env, NO_PROXY: 'bkt.s3.us-west-2.amazonaws.com' }, 'https', endpoint)).toBeDefined();
    expect(proxyRoute({ ...env, NO_PROXY: 's3.us-west-2.amazonaws.com' }, 'https', endpoint)).toBeUndefined();
    expect(proxyRoute({ ...env, NO_PROXY: '.s3.us-west-2.amazonaws.com' }, 'https', endpoint)).toBeUndefined();
    expect(proxyRoute({ ...env, NO_PROXY: 'amazonaws.com' }, 'https', endpoint)).toBeUndefined();
  });

  it.each<[string, string | undefined, string]>([
    ['http://user%40x:p%3Ass@127.0.0.1:1', 'Basic dXNlckB4OnA6c3M=', 'http://***:***@127.0.0.1:1'],
    ['http://u+s:p%20w@127.0.0.1:1', 'Basic dStzOnAgdw==', 'http://***:***@127.0.0.1:1'],
    ['http://user@127.0.0.1:1', undefined, 'http://***@127.0.0.1:1'],
    ['http://user:@127.0.0.1:1', undefined, 'http://***:@127.0.0.1:1'],
    ['http://:pw@127.0.0.1:1', undefined, 'http://:***@127.0.0.1:1'],
    ['http://user:p@ss:w@127.0.0.1:3999', 'Basic dXNlcjpwQHNzOnc=', 'http://***:***@127.0.0.1:3999'],
  ])('%s: Proxy-Authorization %s, shown as %s', (url, authorization, masked) => {
    const route = proxyRoute({ HTTPS_PROXY: url }, 'https', endpoint)!;
    expect(route.authorization).toBe(authorization);
    expect(route.masked).toBe(masked);
    expect(proxyErrorText(route)).toBe(`Failed to connect to proxy URL: "${masked}"`);
  });

  it("fails as Python's ASCII encoding does for credentials it cannot encode", () => {
    expect(() => proxyRoute({ HTTPS_PROXY: 'http://us%C3%A9r:pw@127.0.0.1:1' }, 'https', endpoint)).toThrow(ProxyCredentialsError);
    expect(() => proxyRoute({ HTTPS_PROXY: 'http://us%C3%A9r:pw@127.0.0.1:1' }, 'https', endpoint)).toThrow(
      "'ascii' codec can't encode character '\\xe9' in position 2: ordinal not in range(128)",
    );
  });
});
