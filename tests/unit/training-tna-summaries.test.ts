import { describe, expect, it } from 'vitest';
import { SMALL_GROUP_MINIMUM } from '../../src/domain/common/index.ts';
import { tnaSummaries, type SummaryRow, type TnaStatus } from '../../src/domain/training/index.ts';

const row = (teamIds: string[], statuses: TnaStatus[]): SummaryRow => ({ teamIds, cells: statuses.map((status) => ({ status })) });

describe('team summaries of the needs analysis', () => {
  it('gives no figures for a team of fewer than the small-group minimum of people', () => {
    const rows = Array.from({ length: SMALL_GROUP_MINIMUM - 1 }, () => row(['t'], ['to-do']));
    expect(tnaSummaries(rows, ['t'])).toEqual([{ teamId: 't', people: SMALL_GROUP_MINIMUM - 1, counts: null, percentComplete: null }]);
  });

  it('counts the needs of a team of 5 or more by status, with the percentage complete of those needed', () => {
    const rows = [row(['t'], ['complete']), row(['t'], ['to-do']), row(['t'], ['in-progress']), row(['t'], ['overdue']), row(['t', 'u'], ['not-needed'])];
    const [summary] = tnaSummaries(rows, ['t', 'u']);
    expect(summary).toEqual({ teamId: 't', people: 5, counts: { 'to-do': 1, 'in-progress': 1, complete: 1, overdue: 1, 'not-needed': 1 }, percentComplete: 25 });
    expect(tnaSummaries(rows, ['u'])).toEqual([{ teamId: 'u', people: 1, counts: null, percentComplete: null }]);
  });

  it('counts every need of each person (one per programme shown), a person in two teams in both', () => {
    const rows = [...Array.from({ length: 4 }, () => row(['t'], ['complete', 'to-do'])), row(['t', 'u'], ['complete', 'complete'])];
    const [t] = tnaSummaries(rows, ['t']);
    expect(t).toEqual({ teamId: 't', people: 5, counts: { 'to-do': 4, 'in-progress': 0, complete: 6, overdue: 0, 'not-needed': 0 }, percentComplete: 60 });
  });

  it('follows the order of the teams asked for and leaves out teams with nobody in them', () => {
    const rows = [row(['b'], ['to-do']), row(['a'], ['to-do'])];
    expect(tnaSummaries(rows, ['a', 'empty', 'b']).map((s) => s.teamId)).toEqual(['a', 'b']);
  });

  it('gives percentage complete as null when nobody in the team needs anything', () => {
    const rows = Array.from({ length: 5 }, () => row(['t'], ['not-needed']));
    expect(tnaSummaries(rows, ['t'])[0]!.percentComplete).toBeNull();
  });
});
