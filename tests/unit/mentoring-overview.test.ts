import { describe, expect, it } from 'vitest';
import { onTimeLate, parseOverviewSort, sortOverview, type OverviewRow } from '../../src/domain/mentoring/index.ts';

const row = (menteeId: string, name: string, over: Partial<OverviewRow> = {}): OverviewRow => ({
  menteeId,
  name,
  programmesDone: 0,
  programmesInProgress: 0,
  onTime: 0,
  late: 0,
  outstanding: 0,
  lastActivityAt: null,
  latestMiti: null,
  openActions: 0,
  cpdMinutesThisYear: 0,
  attention: [],
  ...over,
});

const rows = [
  row('1', 'Rhodri Maelor', { late: 2, lastActivityAt: 300, attention: ['work-overdue'] }),
  row('2', 'awel jones', { late: 0, lastActivityAt: null, attention: ['work-overdue', 'inactive-30-days'] }),
  row('3', 'Bethan Evans', { late: 2, lastActivityAt: 100, latestMiti: { reflectionToQuestion: 1.5, percentComplexReflections: 40 } }),
];
const ids = (sorted: OverviewRow[]) => sorted.map((r) => r.menteeId);

describe('sorting the overview', () => {
  it('sorts by name whatever the case, both ways', () => {
    expect(ids(sortOverview(rows, 'name', 'asc'))).toEqual(['2', '3', '1']);
    expect(ids(sortOverview(rows, 'name', 'desc'))).toEqual(['1', '3', '2']);
  });

  it('sorts by a figure and breaks ties by name', () => {
    expect(ids(sortOverview(rows, 'late', 'desc'))).toEqual(['3', '1', '2']);
    expect(ids(sortOverview(rows, 'late', 'asc'))).toEqual(['2', '3', '1']);
  });

  it('puts empty values last in either direction', () => {
    expect(ids(sortOverview(rows, 'lastActivity', 'asc'))).toEqual(['3', '1', '2']);
    expect(ids(sortOverview(rows, 'lastActivity', 'desc'))).toEqual(['1', '3', '2']);
    expect(ids(sortOverview(rows, 'reflectionToQuestion', 'desc'))).toEqual(['3', '2', '1']);
  });

  it('puts those with most reasons for attention first by default', () => {
    const { key, direction } = parseOverviewSort(null, null);
    expect({ key, direction }).toEqual({ key: 'attention', direction: 'desc' });
    expect(ids(sortOverview(rows, key, direction))).toEqual(['2', '1', '3']);
  });

  it('reads the sort from the query string and ignores anything unknown', () => {
    expect(parseOverviewSort('name', 'desc')).toEqual({ key: 'name', direction: 'desc' });
    expect(parseOverviewSort('late', undefined)).toEqual({ key: 'late', direction: 'asc' });
    expect(parseOverviewSort('password', 'sideways')).toEqual({ key: 'attention', direction: 'desc' });
  });

  it('does not change the list it was given', () => {
    sortOverview(rows, 'name', 'asc');
    expect(ids(rows)).toEqual(['1', '2', '3']);
  });
});

describe('assignments on time, late and outstanding', () => {
  it('puts each assignment in exactly one count', () => {
    const result = onTimeLate([
      { dueDate: '2026-12-01', doneOn: '2026-12-01' },
      { dueDate: '2026-12-01', doneOn: '2026-11-20' },
      { dueDate: '2026-12-01', doneOn: '2026-12-02' },
      { dueDate: '2026-12-04', doneOn: null },
      { dueDate: '2026-12-05', doneOn: null },
      { dueDate: '2026-12-19', doneOn: null },
    ], '2026-12-05');
    expect(result).toEqual({ onTime: 2, late: 2, outstanding: 2 });
  });

  it('is all zero with no assignments', () => {
    expect(onTimeLate([], '2026-12-05')).toEqual({ onTime: 0, late: 0, outstanding: 0 });
  });
});
