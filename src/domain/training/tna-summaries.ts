import { isShowable } from '../common/index.ts';
import { teamSummary, type TnaStatus } from './tna-status.ts';

/** What a team summary needs of a needs-analysis row: the person's teams and the status of each of their needs. */
export type SummaryRow = { teamIds: readonly string[]; cells: readonly { status: TnaStatus }[] };
export type TnaTeamSummary = { teamId: string; people: number; counts: Record<TnaStatus, number> | null; percentComplete: number | null };

/** Per team (in the order given): how many people, and the counts of their needs by status — none for a group under the small-group minimum. */
export function tnaSummaries(rows: readonly SummaryRow[], teamIds: readonly string[]): TnaTeamSummary[] {
  const wanted = new Set(teamIds);
  const members = new Map<string, SummaryRow[]>();
  // One pass over the rows: a page of an admin's 5,000 people must not be scanned once per team.
  for (const row of rows) {
    for (const teamId of row.teamIds) {
      if (!wanted.has(teamId)) continue;
      const list = members.get(teamId);
      if (list) list.push(row);
      else members.set(teamId, [row]);
    }
  }
  return teamIds.flatMap((teamId) => {
    const inTeam = members.get(teamId) ?? [];
    if (inTeam.length === 0) return [];
    if (!isShowable(inTeam.length)) return [{ teamId, people: inTeam.length, counts: null, percentComplete: null }];
    const [summary] = teamSummary(inTeam.flatMap((r) => r.cells.map((c) => ({ teamId, status: c.status }))));
    return [{ teamId, people: inTeam.length, counts: summary?.counts ?? null, percentComplete: summary?.percentComplete ?? null }];
  });
}
