import { describe, expect, it } from 'vitest';
import { tnaFilterFrom, tnaSummaries, type TnaRow } from '../../src/server/training/tna.ts';

const PROGRAMMES = ['risk-model', 'effective-child-protection'];

describe('the needs analysis filter from a query string', () => {
  it('keeps known values', () => {
    const filter = tnaFilterFrom(new URLSearchParams('team=demo-team-assessment&programme=risk-model&status=overdue&role=learner&sort=status&page=3'), PROGRAMMES);
    expect(filter).toEqual({ teamId: 'demo-team-assessment', programmeId: 'risk-model', status: 'overdue', role: 'learner', sort: 'status', page: 3 });
  });

  it('drops unknown or malformed values instead of failing', () => {
    const filter = tnaFilterFrom(new URLSearchParams('team=<script>&programme=nope&status=late&role=boss&sort=random&page=-1'), PROGRAMMES);
    expect(filter).toEqual({});
  });
});

const row = (personId: string, teamIds: string[], statuses: TnaRow['cells'][number]['status'][]): TnaRow => ({
  personId,
  name: personId,
  teamIds,
  roles: ['learner'],
  cells: statuses.map((status) => ({ programmeId: 'p', need: 'required', source: 'team', workshopRequired: false, modulesDone: 0, modulesTotal: 1, workshop: 'none', confidenceBefore: null, confidenceAfter: null, status })),
});

describe('team summaries', () => {
  it('gives no figures for a team of fewer than 5 people', () => {
    const rows = [row('a', ['t'], ['complete']), row('b', ['t'], ['to-do']), row('c', ['t'], ['to-do']), row('d', ['t'], ['overdue'])];
    expect(tnaSummaries(rows, ['t'])).toEqual([{ teamId: 't', people: 4, counts: null, percentComplete: null }]);
  });

  it('counts the needs of a team of 5 or more by status, with the percentage complete of those needed', () => {
    const rows = [row('a', ['t'], ['complete']), row('b', ['t'], ['to-do']), row('c', ['t'], ['in-progress']), row('d', ['t'], ['overdue']), row('e', ['t', 'u'], ['not-needed'])];
    const [summary] = tnaSummaries(rows, ['t', 'u']);
    expect(summary).toEqual({ teamId: 't', people: 5, counts: { 'to-do': 1, 'in-progress': 1, complete: 1, overdue: 1, 'not-needed': 1 }, percentComplete: 25 });
    expect(tnaSummaries(rows, ['u'])[0]!.counts).toBeNull();
  });
});
