import { describe, expect, it } from 'vitest';
import { localePath, negotiateLocale, otherLocale, splitLocalePath } from '../../src/domain/common/locale.ts';

describe('choosing a language from Accept-Language', () => {
  it.each([
    ['cy', 'cy'],
    ['cy-GB,cy;q=0.9,en;q=0.8', 'cy'],
    ['en-GB,en;q=0.9,cy;q=0.8', 'en'],
    ['en-GB;q=0.5, cy;q=0.7', 'cy'],
    ['fr-FR,fr;q=0.9,cy;q=0.4', 'cy'],
    ['fr-FR,de;q=0.9', null],
    ['', null],
    [null, null],
    ['cy;q=0, en;q=0.1', 'en'],
    ['cy;q=banana, en', 'en'],
  ])('%j → %j', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('language in the URL', () => {
  it.each([
    ['/', 'en', '/'],
    ['/home', 'en', '/home'],
    ['/cy', 'cy', '/'],
    ['/cy/', 'cy', '/'],
    ['/cy/home', 'cy', '/home'],
    ['/cymraeg', 'en', '/cymraeg'],
  ])('%s is %s at %s', (pathname, locale, path) => {
    expect(splitLocalePath(pathname)).toEqual({ locale, path });
  });

  it('builds each language’s path for the same page', () => {
    expect(localePath('en', '/home')).toBe('/home');
    expect(localePath('cy', '/home')).toBe('/cy/home');
    expect(localePath('cy', '/')).toBe('/cy/');
    expect(localePath('en', 'home')).toBe('/home');
    expect(otherLocale('cy')).toBe('en');
    expect(otherLocale('en')).toBe('cy');
  });
});
