import { hasRole } from '../access/index.ts';
import { listMenteesOf, type Scope } from '../people/index.ts';
import { workspaceAssignments, type MentorAssignmentRow } from './assignments.ts';
import type { ContentCatalogue } from './activity-catalogue.ts';

/** The mentees a mentor works with now: invited or active, never deactivated (the one rule every mentee list follows). */
export const LIVE_MENTEE_STATUSES = ['invited', 'active'] as const;

/** Whether a mentee is live by `LIVE_MENTEE_STATUSES`. */
export function isLiveMentee(mentee: { status: string }): boolean {
  return (LIVE_MENTEE_STATUSES as readonly string[]).includes(mentee.status);
}

/** Work passed on to the viewer from one earlier mentor (or held for the admins), for the workspace's notice. */
export type PassedOnGroup = { fromName: string | null; count: number; latestAt: number; toAdmins: boolean };

/** What the mentor's workspace home shows. */
export type Workspace = {
  mentees: { id: string; name: string; status: string }[];
  /** Every open assignment and the most recent ones finished with, soonest due first. */
  assignments: MentorAssignmentRow[];
  /** Finished or withdrawn assignments older than those listed (each mentee's page lists them all). */
  earlier: number;
  passedOn: PassedOnGroup[];
};

/**
 * The workspace home: the mentor's mentees, the assignments they are responsible for (an admin
 * also sees work whose mentor has gone: open ones and the latest finished, never the whole
 * history) and what was passed on to them and is still open.
 */
export async function mentoringWorkspace(scope: Scope, catalogue?: ContentCatalogue): Promise<Workspace> {
  const [mentees, work] = await Promise.all([
    hasRole(scope.viewer, 'mentor') ? listMenteesOf(scope, scope.viewer.id) : Promise.resolve([]),
    workspaceAssignments(scope, catalogue),
  ]);
  const groups = new Map<string, PassedOnGroup>();
  for (const row of work.passedOn) {
    const key = `${row.fromName ?? ''}|${row.toAdmins}`;
    const group = groups.get(key) ?? { fromName: row.fromName, count: 0, latestAt: 0, toAdmins: row.toAdmins };
    group.count += 1;
    group.latestAt = Math.max(group.latestAt, row.passedOnAt);
    groups.set(key, group);
  }
  return {
    mentees: mentees.filter(isLiveMentee).map((m) => ({ id: m.id, name: m.name, status: m.status })),
    assignments: work.rows,
    earlier: work.earlier,
    passedOn: [...groups.values()].sort((a, b) => b.latestAt - a.latestAt),
  };
}
