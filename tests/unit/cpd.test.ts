import { describe, expect, it } from 'vitest';
import { cpdDay, cpdTotals, cpdYear, creditedMinutes, hoursAndMinutes } from '../../src/domain/cpd/cpd.ts';

const at = (iso: string) => Date.parse(iso);

describe('CPD totals', () => {
  it('add up per programme and per year, newest year first', () => {
    const totals = cpdTotals([
      { kind: 'module', programmeId: 'risk-model', minutes: 40, completedAt: at('2025-03-01T10:00:00Z') },
      { kind: 'module', programmeId: 'risk-model', minutes: 35, completedAt: at('2026-02-01T10:00:00Z') },
      { kind: 'module', programmeId: 'collaborative-conversations', minutes: 30, completedAt: at('2026-05-01T10:00:00Z') },
      { kind: 'mentoring', programmeId: null, minutes: 60, completedAt: at('2026-06-01T10:00:00Z') },
    ]);
    expect(totals.totalMinutes).toBe(165);
    expect(totals.byProgramme).toEqual([
      { programmeId: 'risk-model', minutes: 75, entries: 2 },
      { programmeId: 'collaborative-conversations', minutes: 30, entries: 1 },
      { programmeId: null, minutes: 60, entries: 1 },
    ]);
    expect(totals.byYear).toEqual([
      { year: 2026, minutes: 125, entries: 3 },
      { year: 2025, minutes: 40, entries: 1 },
    ]);
  });

  it('are empty for someone who has done nothing yet', () => {
    expect(cpdTotals([])).toEqual({ totalMinutes: 0, byProgramme: [], byYear: [] });
  });

  it('count New Year’s Eve late evening in UK time', () => {
    expect(cpdYear(at('2025-12-31T23:30:00Z'))).toBe(2025);
    expect(cpdYear(at('2026-06-30T23:30:00Z'))).toBe(2026); // BST: already 1 July, still 2026
  });

  it.each([
    [0, { hours: 0, minutes: 0 }],
    [30, { hours: 0, minutes: 30 }],
    [60, { hours: 1, minutes: 0 }],
    [90, { hours: 1, minutes: 30 }],
    [605, { hours: 10, minutes: 5 }],
  ])('%i minutes are shown as %o', (minutes, shown) => {
    expect(hoursAndMinutes(minutes)).toEqual(shown);
  });
});

describe('the CPD day', () => {
  it.each([
    ['2026-01-15T23:59:00Z', '2026-01-15'], // GMT: UK time is UTC
    ['2026-06-30T23:30:00Z', '2026-07-01'], // BST: already the next day in the UK
    ['2026-03-29T00:30:00Z', '2026-03-29'], // the night the clocks go forward
  ])('of %s is %s in UK time', (iso, day) => {
    expect(cpdDay(at(iso))).toBe(day);
  });
});

describe('the time an activity adds to the CPD record', () => {
  const start = at('2026-05-12T09:00:00Z');
  const minutes = (m: number) => start + m * 60_000;
  it.each([
    ['the whole minutes actually spent', { estimateMinutes: 20, startedAt: start, completedAt: minutes(12.9), earlierCompletions: [] }, 12],
    ['no more than the estimate, however long it took', { estimateMinutes: 20, startedAt: start, completedAt: minutes(95), earlierCompletions: [] }, 20],
    ['nothing for a run finished in under a second', { estimateMinutes: 20, startedAt: start, completedAt: start + 800, earlierCompletions: [] }, 0],
    ['nothing for a run finished in under a minute', { estimateMinutes: 20, startedAt: start, completedAt: minutes(0.99), earlierCompletions: [] }, 0],
    ['nothing for a repeat on the same UK day', { estimateMinutes: 20, startedAt: start, completedAt: minutes(15), earlierCompletions: [minutes(-120)] }, 0],
    ['nothing for a repeat late the same BST evening', { estimateMinutes: 20, startedAt: at('2026-06-30T22:30:00Z'), completedAt: at('2026-06-30T22:50:00Z'), earlierCompletions: [at('2026-06-30T08:00:00Z')] }, 0],
    ['full time for the same activity on the next UK day', { estimateMinutes: 20, startedAt: at('2026-06-30T23:05:00Z'), completedAt: at('2026-06-30T23:25:00Z'), earlierCompletions: [at('2026-06-30T22:00:00Z')] }, 20],
    ['full time when the earlier run was the day before', { estimateMinutes: 45, startedAt: start, completedAt: minutes(50), earlierCompletions: [start - 24 * 3_600_000] }, 45],
    ['nothing for a clock that ran backwards', { estimateMinutes: 20, startedAt: start, completedAt: start - 60_000, earlierCompletions: [] }, 0],
  ])('is %s', (_, input, expected) => {
    expect(creditedMinutes(input)).toBe(expected);
  });
});
