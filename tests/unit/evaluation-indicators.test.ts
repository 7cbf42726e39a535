import { describe, expect, it } from 'vitest';
import { SERVICE_INDICATORS, changedIndicators, endedQuarters, parseIndicatorEntry, type IndicatorValues } from '../../src/domain/evaluation/index.ts';

// 10 December 2026, midday in London: 2026-Q4 is under way, 2026-Q3 has ended.
const NOW = Date.UTC(2026, 11, 10, 12);
const blank = Object.fromEntries(SERVICE_INDICATORS.map((i) => [i, ''])) as Record<string, string>;
const form = (fields: Record<string, string>) => ({ ...blank, quarter: '2026-Q3', ...fields });

describe('the quarter of an indicator entry', () => {
  it('accepts a quarter that has ended', () => {
    expect(parseIndicatorEntry(form({}), NOW)).toMatchObject({ ok: true, entry: { quarter: '2026-Q3' } });
  });

  it('refuses the quarter under way and one to come', () => {
    for (const quarter of ['2026-Q4', '2027-Q1']) expect(parseIndicatorEntry(form({ quarter }), NOW)).toEqual({ ok: false, errors: { quarter: 'indicators.errors.quarterNotEnded' } });
  });

  it('refuses something that is not a quarter', () => {
    for (const quarter of ['', '2026-Q5', '2026Q3', '26-Q1']) expect(parseIndicatorEntry(form({ quarter }), NOW)).toEqual({ ok: false, errors: { quarter: 'indicators.errors.quarter' } });
  });

  it('counts a quarter as ended only once its last day is over in London time', () => {
    // 23:30 UTC on 31 March 2026 is 00:30 on 1 April in London (summer time): Q1 has ended there.
    expect(parseIndicatorEntry(form({ quarter: '2026-Q1' }), Date.UTC(2026, 2, 31, 23, 30)).ok).toBe(true);
    expect(parseIndicatorEntry(form({ quarter: '2026-Q1' }), Date.UTC(2026, 2, 31, 22, 30)).ok).toBe(false);
  });

  it('offers the ended quarters newest first, across a year boundary', () => {
    expect(endedQuarters(Date.UTC(2026, 4, 1), 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(endedQuarters(NOW, 1)).toEqual(['2026-Q3']);
  });
});

describe('the values of an indicator entry', () => {
  it('keeps blanks as no figure and whole numbers as numbers, allowing thousands separators', () => {
    const parsed = parseIndicatorEntry(form({ 'children-on-register': '1,204', registrations: ' 37 ', deregistrations: '0' }), NOW);
    if (!parsed.ok) throw new Error('expected a valid entry');
    expect(parsed.entry.values).toMatchObject({ 'children-on-register': 1204, registrations: 37, deregistrations: 0, 'core-groups': null });
  });

  it('reads a comma only as a thousands separator between groups of three', () => {
    const parsed = parseIndicatorEntry(form({ 'children-on-register': '12,345', registrations: '100,000', deregistrations: ' 1,000 ', 're-registrations-12-months': '999' }), NOW);
    if (!parsed.ok) throw new Error('expected a valid entry');
    expect(parsed.entry.values).toMatchObject({ 'children-on-register': 12345, registrations: 100000, deregistrations: 1000, 're-registrations-12-months': 999 });
  });

  it('refuses a decimal comma, a short or long group, a stray comma and a space inside the number as not a whole number', () => {
    const parsed = parseIndicatorEntry(
      form({ 'children-on-register': '12,5', registrations: '1,00', deregistrations: '1 2', 're-registrations-12-months': '1,2345', 'core-groups': ',123', 'initial-conferences': '1,234,' }),
      NOW,
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        'children-on-register': 'indicators.errors.wholeNumber',
        registrations: 'indicators.errors.wholeNumber',
        deregistrations: 'indicators.errors.wholeNumber',
        're-registrations-12-months': 'indicators.errors.wholeNumber',
        'core-groups': 'indicators.errors.wholeNumber',
        'initial-conferences': 'indicators.errors.wholeNumber',
      },
    });
  });

  it('names a negative number written with a thousands separator as negative', () => {
    expect(parseIndicatorEntry(form({ registrations: '-1,200' }), NOW)).toEqual({ ok: false, errors: { registrations: 'indicators.errors.negative' } });
  });

  it('names a negative number, a fraction, a word and a number too large, each beside its field', () => {
    const parsed = parseIndicatorEntry(form({ registrations: '-3', deregistrations: '2.5', 'core-groups': 'ten', 'average-days-on-register': '100001' }), NOW);
    expect(parsed).toEqual({
      ok: false,
      errors: {
        registrations: 'indicators.errors.negative',
        deregistrations: 'indicators.errors.wholeNumber',
        'core-groups': 'indicators.errors.wholeNumber',
        'average-days-on-register': 'indicators.errors.tooLarge',
      },
    });
  });

  it('refuses fewer initial conferences than those that ended with three or fewer areas of change', () => {
    expect(parseIndicatorEntry(form({ 'initial-conferences': '9', 'initial-conferences-three-or-fewer-areas': '10' }), NOW)).toEqual({
      ok: false,
      errors: { 'initial-conferences': 'indicators.errors.conferencesBelowAreas' },
    });
    expect(parseIndicatorEntry(form({ 'initial-conferences': '10', 'initial-conferences-three-or-fewer-areas': '10' }), NOW).ok).toBe(true);
  });

  it('refuses fewer core groups than those held within 10 working days', () => {
    expect(parseIndicatorEntry(form({ 'core-groups': '4', 'core-groups-within-10-working-days': '5' }), NOW)).toEqual({
      ok: false,
      errors: { 'core-groups': 'indicators.errors.coreGroupsBelowTimely' },
    });
  });

  it('does not compare a pair when one of them is blank or already wrong', () => {
    expect(parseIndicatorEntry(form({ 'initial-conferences-three-or-fewer-areas': '10' }), NOW).ok).toBe(true);
    expect(parseIndicatorEntry(form({ 'core-groups': 'x', 'core-groups-within-10-working-days': '5' }), NOW)).toEqual({ ok: false, errors: { 'core-groups': 'indicators.errors.wholeNumber' } });
  });
});

describe('which indicators changed', () => {
  const values = (fields: Partial<IndicatorValues>) => ({ ...(Object.fromEntries(SERVICE_INDICATORS.map((i) => [i, null])) as IndicatorValues), ...fields });

  it('lists only values that differ, including a value cleared', () => {
    expect(changedIndicators({ registrations: 30, deregistrations: 20 }, values({ registrations: 30, deregistrations: null, 'core-groups': 5 }))).toEqual(['deregistrations', 'core-groups']);
  });

  it('treats a blank where nothing was entered as no change', () => {
    expect(changedIndicators({}, values({}))).toEqual([]);
  });
});
