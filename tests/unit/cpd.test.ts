import { describe, expect, it } from 'vitest';
import { cpdTotals, cpdYear, hoursFromMinutes } from '../../src/domain/cpd/cpd.ts';

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
    [0, 0],
    [30, 0.5],
    [40, 0.7],
    [90, 1.5],
  ])('%i minutes are %f hours', (minutes, hours) => {
    expect(hoursFromMinutes(minutes)).toBe(hours);
  });
});
