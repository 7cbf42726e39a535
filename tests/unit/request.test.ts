import { afterEach, describe, expect, it } from 'vitest';
import { clientIp, isSameOriginWrite, safeNextPath } from '../../src/server/platform/request.ts';

describe('the "next" path after signing in', () => {
  it.each(['/home', '/learn/risk-model/rm-threshold', '/admin/people?q=parry&page=2', '/search?q=niwed%20sylweddol'])('accepts the local path %s', (path) => {
    expect(safeNextPath(path)).toBe(path);
  });

  it.each([
    ['another site', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash trick', '/\\evil.example'],
    ['a tab that browsers drop', '/\t/evil.example'],
    ['a newline (header splitting)', '/\nSet-Cookie: x=1'],
    ['a doubled slash later on', '/home//evil.example'],
    ['no leading slash', 'home'],
    ['nothing', ''],
  ])('refuses %s', (_, path) => {
    expect(safeNextPath(path)).toBeNull();
  });
});

describe('the client address', () => {
  const original = process.env.TRUST_PROXY;
  afterEach(() => {
    if (original === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = original;
  });
  const context = (forwarded: string) => ({ request: new Request('http://camau.test/', { headers: { 'x-forwarded-for': forwarded } }), clientAddress: '10.0.0.1' });

  it('ignores X-Forwarded-For unless Camau is told it sits behind a proxy', () => {
    delete process.env.TRUST_PROXY;
    expect(clientIp(context('203.0.113.9'))).toBe('10.0.0.1');
  });

  it('behind a proxy, takes the address the proxy added, not one the client made up', () => {
    process.env.TRUST_PROXY = 'true';
    expect(clientIp(context('1.2.3.4, 203.0.113.9'))).toBe('203.0.113.9');
  });
});

describe('where a write may come from', () => {
  const write = (headers: Record<string, string>, method = 'POST') => ({ request: new Request('http://camau.test/sign-out', { method, headers }), url: new URL('http://camau.test/sign-out') });

  it('lets reads through whatever their origin', () => {
    expect(isSameOriginWrite(write({ origin: 'https://evil.example' }, 'GET'))).toBe(true);
  });

  it('accepts a write whose Origin is the site, or, without Origin, that the browser calls same-origin', () => {
    expect(isSameOriginWrite(write({ origin: 'http://camau.test', 'content-type': 'application/json' }))).toBe(true);
    expect(isSameOriginWrite(write({ 'sec-fetch-site': 'same-origin' }))).toBe(true);
  });

  it.each([
    ['a foreign Origin, whatever the content type', { origin: 'https://evil.example', 'content-type': 'application/json' }],
    ['a foreign Origin that claims same-origin fetch metadata', { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }],
    ['no Origin and cross-site fetch metadata', { 'sec-fetch-site': 'cross-site' }],
    ['no Origin and no fetch metadata', {}],
  ])('refuses a write with %s', (_, headers) => {
    expect(isSameOriginWrite(write(headers))).toBe(false);
  });
});
