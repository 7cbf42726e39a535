import { describe, expect, it } from 'vitest';
import { SMALL_GROUP_MINIMUM } from '../../src/domain/common/index.ts';
import { onTimeLate, panelAgreementFigure, parseOverviewSort, sortOverview, type OverviewRow } from '../../src/domain/mentoring/index.ts';

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
  thresholdDecisions: 0,
  thresholdAgreement: null,
  sessionsRecorded: 0,
  lastSessionOn: null,
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

describe('agreement with the panel on the overview', () => {
  it('is a percentage from the small-group minimum of decisions up, and no figure below it', () => {
    expect(SMALL_GROUP_MINIMUM).toBe(5);
    expect(panelAgreementFigure(4, 4)).toBeNull();
    expect(panelAgreementFigure(0, 0)).toBeNull();
    expect(panelAgreementFigure(5, 4)).toBe(80);
    expect(panelAgreementFigure(8, 2)).toBe(25);
  });

  it('sorts by agreement, sessions and last session, with no figure last either way', () => {
    const figures = [
      row('a', 'Awel', { thresholdAgreement: 60, sessionsRecorded: 1, lastSessionOn: '2026-11-02' }),
      row('b', 'Bethan', { thresholdAgreement: null, sessionsRecorded: 0, lastSessionOn: null }),
      row('c', 'Cai', { thresholdAgreement: 90, sessionsRecorded: 3, lastSessionOn: '2026-12-01' }),
    ];
    const order = (key: Parameters<typeof sortOverview>[1], dir: 'asc' | 'desc') => sortOverview(figures, key, dir).map((r) => r.menteeId);
    expect(order('thresholdAgreement', 'desc')).toEqual(['c', 'a', 'b']);
    expect(order('thresholdAgreement', 'asc')).toEqual(['a', 'c', 'b']);
    expect(order('sessions', 'desc')).toEqual(['c', 'a', 'b']);
    expect(order('lastSession', 'asc')).toEqual(['a', 'c', 'b']);
    expect(parseOverviewSort('lastSession', 'desc')).toEqual({ key: 'lastSession', direction: 'desc' });
  });
});
