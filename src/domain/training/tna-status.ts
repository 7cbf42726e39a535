import type { Need } from './vocabulary.ts';

export const TNA_STATUSES = ['to-do', 'in-progress', 'complete', 'overdue', 'not-needed'] as const;
export type TnaStatus = (typeof TNA_STATUSES)[number];

export type TnaProgress = {
  need: Need;
  modulesDone: number;
  modulesTotal: number;
  workshopRequired: boolean;
  workshopAttended: boolean;
  phaseEndsOn: string | null;
};

/** Complete = every module of the programme done and, where required, a workshop attended; overdue = not complete after phaseEndsOn. */
export function tnaStatus(x: TnaProgress, today: string): TnaStatus {
  if (x.need === 'not-needed') return 'not-needed';
  const complete = x.modulesDone >= x.modulesTotal && (!x.workshopRequired || x.workshopAttended);
  if (complete) return 'complete';
  // The end date itself is still in time: overdue starts the day after.
  if (x.phaseEndsOn !== null && today > x.phaseEndsOn) return 'overdue';
  return x.modulesDone > 0 || x.workshopAttended ? 'in-progress' : 'to-do';
}

export type TeamSummary = { teamId: string; counts: Record<TnaStatus, number>; percentComplete: number | null };

/** Counts per status for each team (in order of first appearance) and the percentage complete of those with a need. */
export function teamSummary(rows: readonly { teamId: string; status: TnaStatus }[]): TeamSummary[] {
  const byTeam = new Map<string, Record<TnaStatus, number>>();
  for (const row of rows) {
    const counts = byTeam.get(row.teamId) ?? { 'to-do': 0, 'in-progress': 0, complete: 0, overdue: 0, 'not-needed': 0 };
    counts[row.status] += 1;
    byTeam.set(row.teamId, counts);
  }
  return [...byTeam].map(([teamId, counts]) => {
    const needed = counts['to-do'] + counts['in-progress'] + counts.complete + counts.overdue;
    return { teamId, counts, percentComplete: needed === 0 ? null : (counts.complete / needed) * 100 };
  });
}
