import { describe, expect, it } from 'vitest';
import { checkDiscussion, decimalHours, inPeriod, parseManualTime, parsePeriod, totalsByKind } from '../../src/domain/cpd/index.ts';

describe('a CPD pack period', () => {
  it('is two real dates, the first no later than the second (one day is allowed)', () => {
    expect(parsePeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ ok: true, period: { from: '2026-01-01', to: '2026-12-31' } });
    expect(parsePeriod({ from: '2026-05-05', to: '2026-05-05' }).ok).toBe(true);
  });

  it('names the "to" field when the period runs backwards', () => {
    expect(parsePeriod({ from: '2026-12-31', to: '2026-01-01' })).toEqual({ ok: false, errors: { to: 'cpd.errors.periodOrder' } });
  });

  it('names each field that is missing or not a real date', () => {
    expect(parsePeriod({ from: '31/12/2026', to: '' })).toEqual({ ok: false, errors: { from: 'cpd.errors.date', to: 'cpd.errors.periodMissing' } });
    expect(parsePeriod({ from: '2026-02-29', to: '2026-03-01' })).toEqual({ ok: false, errors: { from: 'cpd.errors.date' } });
  });

  it('includes both of its days, judged by the UK calendar day', () => {
    const period = { from: '2026-06-01', to: '2026-06-30' };
    expect(inPeriod(Date.parse('2026-05-31T23:30:00Z'), period)).toBe(true); // 00:30 on 1 June in BST
    expect(inPeriod(Date.parse('2026-06-30T22:59:00Z'), period)).toBe(true);
    expect(inPeriod(Date.parse('2026-06-30T23:00:00Z'), period)).toBe(false); // midnight into July
  });
});

describe('pack totals', () => {
  it('add minutes and entries by kind, in the record’s order of kinds, leaving out kinds with none', () => {
    const totals = totalsByKind([
      { kind: 'external', minutes: 90 },
      { kind: 'module', minutes: 40 },
      { kind: 'external', minutes: 30 },
      { kind: 'module', minutes: 25 },
      { kind: 'threshold-practice', minutes: 20 },
    ]);
    expect(totals).toEqual([
      { kind: 'module', minutes: 65, entries: 2 },
      { kind: 'threshold-practice', minutes: 20, entries: 1 },
      { kind: 'external', minutes: 120, entries: 2 },
    ]);
  });

  it('show time as hours to two decimal places', () => {
    expect(decimalHours(90)).toBe(1.5);
    expect(decimalHours(40)).toBe(0.67);
  });
});

describe('hand-added time', () => {
  it('is read from hours and minutes', () => {
    expect(parseManualTime({ hours: '2', minutes: '15' })).toEqual({ ok: true, minutes: 135 });
    expect(parseManualTime({ hours: '', minutes: '45' })).toEqual({ ok: true, minutes: 45 });
  });

  it('must be whole numbers, minutes under 60, more than nothing and at most 100 hours', () => {
    expect(parseManualTime({ hours: '1.5', minutes: '' })).toEqual({ ok: false, error: 'cpd.errors.time' });
    expect(parseManualTime({ hours: '1', minutes: '60' })).toEqual({ ok: false, error: 'cpd.errors.time' });
    expect(parseManualTime({ hours: '0', minutes: '0' })).toEqual({ ok: false, error: 'cpd.errors.timeMissing' });
    expect(parseManualTime({ hours: '101', minutes: '0' })).toEqual({ ok: false, error: 'cpd.errors.timeTooLong' });
  });
});

describe('a discussion record', () => {
  it('needs both who and when, or neither', () => {
    expect(checkDiscussion({ discussedWith: '', discussedOn: '' }, '2026-06-01')).toEqual({ ok: true, value: { discussedWith: null, discussedOn: null } });
    expect(checkDiscussion({ discussedWith: 'manager', discussedOn: '2026-05-20' }, '2026-06-01')).toEqual({ ok: true, value: { discussedWith: 'manager', discussedOn: '2026-05-20' } });
    expect(checkDiscussion({ discussedWith: 'mentor', discussedOn: '' }, '2026-06-01')).toEqual({ ok: false, errors: { discussedOn: 'cpd.errors.discussedOnMissing' } });
    expect(checkDiscussion({ discussedWith: '', discussedOn: '2026-05-20' }, '2026-06-01')).toEqual({ ok: false, errors: { discussedWith: 'cpd.errors.discussedWithMissing' } });
  });

  it('refuses someone other than a manager or mentor, and a date still to come', () => {
    expect(checkDiscussion({ discussedWith: 'director', discussedOn: '2026-06-02' }, '2026-06-01')).toEqual({ ok: false, errors: { discussedWith: 'cpd.errors.discussedWith', discussedOn: 'cpd.errors.dateInFuture' } });
  });
});
