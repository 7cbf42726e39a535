import { describe, expect, it } from 'vitest';
import { sessionCookieName } from '../../src/server/auth/cookies.ts';
import { readConfig, servedOverHttps } from '../../src/server/platform/config.ts';

describe('the session cookie', () => {
  it('uses the __Host- prefix when Camau is served over HTTPS', () => {
    const config = readConfig({ PUBLIC_URL: 'https://camau.example.gov.wales' });
    expect(servedOverHttps(config)).toBe(true);
    expect(sessionCookieName(servedOverHttps(config))).toBe('__Host-camau_session');
  });

  it('has no prefix over plain HTTP on a developer’s machine', () => {
    const config = readConfig({});
    expect(servedOverHttps(config)).toBe(false);
    expect(servedOverHttps(config, new URL('https://localhost:4321/'))).toBe(true);
    expect(sessionCookieName(false)).toBe('camau_session');
  });
});

describe('configuration', () => {
  it('defaults to the demo on a local SQLite file', () => {
    expect(readConfig({})).toMatchObject({ databaseUrl: 'file:./data/camau.db', demo: true, smtpUrl: undefined, trustProxy: false });
    expect(readConfig({}).publicUrl.href).toBe('http://localhost:4321/');
  });

  it.each([
    ['off', false],
    ['OFF', false],
    ['on', true],
    ['', true],
  ])('CAMAU_DEMO=%j means demo %s', (value, demo) => {
    expect(readConfig({ CAMAU_DEMO: value }).demo).toBe(demo);
  });
});

describe('the deployment’s default language', () => {
  it.each([
    [undefined, 'cy'],
    ['en', 'en'],
    ['cy', 'cy'],
    ['fr', 'cy'],
  ])('is %s → %s: Welsh unless DEFAULT_LANGUAGE names English', (value, expected) => {
    expect(readConfig(value === undefined ? {} : { DEFAULT_LANGUAGE: value }).defaultLanguage).toBe(expected);
  });
});
