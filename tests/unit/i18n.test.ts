import { describe, expect, it } from 'vitest';
import { cy } from '../../src/i18n/cy/index.ts';
import { en } from '../../src/i18n/en/index.ts';
import { ROLES } from '../../src/domain/people/index.ts';
import { formatDuration, interpolate, labelKey, labelsFor, missingKeys, translator } from '../../src/i18n/index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
// Strings that are rightly the same in both languages.
const SAME_IN_BOTH = new Set(['site.name', 'audit.system', 'role.mentor', 'email.signature', 'sim.outcome.none', 'report.levels.n', 'evaluationExport.column.n']);

describe('UI strings', () => {
  it('exist in Welsh for every English key, and in English for every Welsh key', () => {
    expect(missingKeys()).toEqual({ missingInCy: [], missingInEn: [] });
    expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as (keyof typeof en)[])('%s has the same placeholders in both languages', (key) => {
    expect(placeholders(cy[key])).toEqual(placeholders(en[key]));
  });

  it('are really translated, not English copied into the Welsh file', () => {
    const copied = (Object.keys(en) as (keyof typeof en)[]).filter((k) => !SAME_IN_BOTH.has(k) && cy[k] === en[k]);
    expect(copied).toEqual([]);
  });

  it('uses the agreed Welsh terms for the sign-in form', () => {
    expect([cy['signIn.email'], cy['signIn.password'], cy['signIn.submit']]).toEqual(['Cyfeiriad e-bost', 'Cyfrinair', 'Mewngofnodi']);
    expect([en['signIn.email'], en['signIn.password'], en['signIn.submit']]).toEqual(['Email address', 'Password', 'Sign in']);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Croeso, {name}', { name: 'Elin' })).toBe('Croeso, Elin');
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(translator('cy')('signIn.lockedMany', { minutes: 4 })).toBe('Gormod o ymdrechion. Rhowch gynnig arall arni ymhen 4 munud.');
  });
});

describe('Keys built from a vocabulary', () => {
  it('name the message of each value under a prefix', () => {
    expect(labelKey('practice.decision', 'strategy-discussion')).toBe('practice.decision.strategy-discussion');
    expect(ROLES.map((r) => translator('cy')(labelKey('role', r)))).toEqual(['Dysgwr', 'Mentor ymarfer', 'Rheolwr tîm', 'Gweinyddwr']);
  });

  it('are refused by the type checker where a value with no message is translated', () => {
    const key = labelKey('role', 'owner');
    expect(key).toBe('role.owner');
    // @ts-expect-error 'owner' is not a role, so there is no role.owner message (npm run check fails without this line).
    expect(translator('en')(key)).toBeUndefined();
  });
});

describe('An island’s labels', () => {
  it('hold exactly the keys asked for, in the reader’s language', () => {
    expect(labelsFor(translator('cy'), ['errors.summary', 'sim.saving'])).toEqual({ 'errors.summary': cy['errors.summary'], 'sim.saving': cy['sim.saving'] });
  });
});

describe('CPD time', () => {
  it.each([
    [0, '0 min', '0 mun'],
    [45, '45 min', '45 mun'],
    [60, '1 h', '1 awr'],
    [90, '1 h 30 min', '1 awr 30 mun'],
    [605, '10 h 5 min', '10 awr 5 mun'],
  ])('of %i minutes reads “%s” in English and “%s” in Welsh', (minutes, english, welsh) => {
    expect(formatDuration('en', minutes)).toBe(english);
    expect(formatDuration('cy', minutes)).toBe(welsh);
  });
});
