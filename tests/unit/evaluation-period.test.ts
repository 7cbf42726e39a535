import { describe, expect, it } from 'vitest';
import {
  addQuarters,
  checkPeriod,
  dateInPeriod,
  inPeriod,
  parseQuarter,
  quarterBounds,
  quarterDates,
  quarterHasEnded,
  quarterOf,
  quarterOfDate,
  quartersIn,
} from '../../src/domain/evaluation/index.ts';

const at = (iso: string) => Date.parse(iso);

describe('a report period', () => {
  it('is two real London dates with the end not before the start', () => {
    expect(checkPeriod('2026-04-01', '2026-06-30')).toEqual({ ok: true, period: { from: '2026-04-01', to: '2026-06-30' } });
    expect(checkPeriod('2026-04-01', '2026-04-01').ok).toBe(true);
    expect(checkPeriod('2026-02-30', '2026-06-30')).toEqual({ ok: false, error: 'invalid-date' });
    expect(checkPeriod('2026-04-01', '')).toEqual({ ok: false, error: 'invalid-date' });
    expect(checkPeriod('2026-06-30', '2026-04-01')).toEqual({ ok: false, error: 'end-before-start' });
  });

  it('holds an instant from London midnight of its first day to London midnight after its last (BST here)', () => {
    const spring = { from: '2026-04-01', to: '2026-06-30' };
    expect(inPeriod(at('2026-03-31T22:59:59.999Z'), spring)).toBe(false);
    expect(inPeriod(at('2026-03-31T23:00:00Z'), spring)).toBe(true); // 00:00 BST on 1 April
    expect(inPeriod(at('2026-06-30T22:59:59.999Z'), spring)).toBe(true); // 23:59 BST on 30 June
    expect(inPeriod(at('2026-06-30T23:00:00Z'), spring)).toBe(false);
  });

  it('holds an instant by London time in winter too (GMT equals UTC)', () => {
    const winter = { from: '2026-01-01', to: '2026-01-31' };
    expect(inPeriod(at('2025-12-31T23:59:59.999Z'), winter)).toBe(false);
    expect(inPeriod(at('2026-01-01T00:00:00Z'), winter)).toBe(true);
    expect(inPeriod(at('2026-01-31T23:59:59.999Z'), winter)).toBe(true);
    expect(inPeriod(at('2026-02-01T00:00:00Z'), winter)).toBe(false);
  });

  it('holds a calendar date between its first and last dates inclusive', () => {
    const period = { from: '2026-04-01', to: '2026-06-30' };
    expect(['2026-03-31', '2026-04-01', '2026-06-30', '2026-07-01'].map((d) => dateInPeriod(d, period))).toEqual([false, true, true, false]);
  });
});

describe('a calendar quarter', () => {
  it('is read from text written YYYY-Qn and nothing else', () => {
    expect(parseQuarter('2026-Q3')).toBe('2026-Q3');
    expect(parseQuarter('1999-Q1')).toBe('1999-Q1');
    for (const bad of ['2026-q3', ' 2026-Q3', '2026-Q3 ', '2026-Q5', '2026-Q0', '2026', '26-Q1', '2026-Q3x', 'Q3-2026', '']) expect(parseQuarter(bad)).toBeNull();
  });

  it('of a time just after midnight in London on 1 October (still BST) is already the fourth quarter', () => {
    expect(quarterOf(at('2026-09-30T23:00:00Z'))).toBe('2026-Q4'); // 00:00 BST, 1 October
    expect(quarterOf(at('2026-09-30T23:30:00Z'))).toBe('2026-Q4'); // 00:30 BST, 1 October
    expect(quarterOf(at('2026-09-30T22:59:59.999Z'))).toBe('2026-Q3'); // 23:59 BST, 30 September
  });

  it('of a time around midnight on 1 January (GMT) follows UTC', () => {
    expect(quarterOf(at('2025-12-31T23:59:59.999Z'))).toBe('2025-Q4');
    expect(quarterOf(at('2026-01-01T00:00:00Z'))).toBe('2026-Q1');
  });

  it('of a time just after midnight in London on 1 April (BST began on 29 March) is the second quarter', () => {
    expect(quarterOf(at('2026-03-31T23:15:00Z'))).toBe('2026-Q2');
    expect(quarterOf(at('2026-03-31T22:45:00Z'))).toBe('2026-Q1');
  });

  it('of a calendar date is the three months it falls in', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-09-30', '2026-10-01', '2026-12-31'].map(quarterOfDate)).toEqual([
      '2026-Q1', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-Q4',
    ]);
  });

  it('runs from London midnight of its first day to London midnight of the next quarter', () => {
    expect(quarterBounds('2026-Q3')).toEqual([at('2026-06-30T23:00:00Z'), at('2026-09-30T23:00:00Z')]);
    expect(quarterBounds('2026-Q4')).toEqual([at('2026-09-30T23:00:00Z'), at('2027-01-01T00:00:00Z')]);
    expect(quarterBounds('2026-Q1')).toEqual([at('2026-01-01T00:00:00Z'), at('2026-03-31T23:00:00Z')]);
    expect(quarterDates('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterDates('2024-Q4')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
  });

  it('steps forwards and backwards across years', () => {
    expect(addQuarters('2025-Q4', 1)).toBe('2026-Q1');
    expect(addQuarters('2026-Q1', -1)).toBe('2025-Q4');
    expect(addQuarters('2026-Q2', 8)).toBe('2028-Q2');
  });

  it('lists every quarter a period touches, oldest first', () => {
    expect(quartersIn({ from: '2025-11-15', to: '2026-07-01' })).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(quartersIn({ from: '2026-04-01', to: '2026-04-01' })).toEqual(['2026-Q2']);
    expect(quartersIn({ from: '2026-07-01', to: '2026-04-01' })).toEqual([]);
  });

  it('has ended once London midnight after its last day has come', () => {
    expect(quarterHasEnded('2026-Q3', at('2026-09-30T22:59:59.999Z'))).toBe(false);
    expect(quarterHasEnded('2026-Q3', at('2026-09-30T23:00:00Z'))).toBe(true);
    expect(quarterHasEnded('2026-Q4', at('2026-11-15T12:00:00Z'))).toBe(false);
  });
});
