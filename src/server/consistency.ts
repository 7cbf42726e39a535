import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { mentorLinks, teamMemberships, thresholdAttempts } from '../../db/schema/index.ts';
import type { Vignette } from '../content/schemas.ts';
import { consistencyReport, type ThresholdAnswer } from '../domain/consistency.ts';
import type { Decision, Likelihood } from '../domain/thresholds.ts';
import { hasRole } from './policy.ts';
import { listTeams, type Viewer } from './repos/people.ts';

/** A group whose consistency can be looked at. */
export type ConsistencyGroup = { kind: 'organisation' } | { kind: 'team'; teamId: string } | { kind: 'mentees' };

/** Whether this person may look at group consistency at all (practice mentors, team managers, administrators). */
export function mayViewConsistency(viewer: Viewer): boolean {
  return hasRole(viewer, 'mentor') || hasRole(viewer, 'manager') || hasRole(viewer, 'admin');
}

/** The groups a person may choose: the organisation; teams they manage (all, for an admin); their mentees. */
export async function consistencyGroups(db: Db, viewer: Viewer) {
  if (!mayViewConsistency(viewer)) return [];
  const teams = await listTeams(db, viewer.organisationId);
  const visibleTeams = hasRole(viewer, 'admin') ? teams : teams.filter((t) => viewer.managedTeamIds.includes(t.id));
  return [
    { key: 'organisation', group: { kind: 'organisation' } as ConsistencyGroup, team: null },
    ...(hasRole(viewer, 'mentor') ? [{ key: 'mentees', group: { kind: 'mentees' } as ConsistencyGroup, team: null }] : []),
    ...visibleTeams.map((team) => ({ key: `team:${team.id}`, group: { kind: 'team', teamId: team.id } as ConsistencyGroup, team })),
  ];
}

/** Final answers of a group's members in the viewer's organisation (never another's). */
export async function groupAnswers(db: Db, viewer: Viewer, group: ConsistencyGroup): Promise<ThresholdAnswer[]> {
  const conditions = [eq(thresholdAttempts.organisationId, viewer.organisationId), eq(thresholdAttempts.status, 'complete')];
  if (group.kind === 'team') conditions.push(inArray(thresholdAttempts.personId, db.select({ id: teamMemberships.personId }).from(teamMemberships).where(eq(teamMemberships.teamId, group.teamId))));
  if (group.kind === 'mentees') conditions.push(inArray(thresholdAttempts.personId, db.select({ id: mentorLinks.menteeId }).from(mentorLinks).where(eq(mentorLinks.mentorId, viewer.id))));
  const rows = await db
    .select({ personId: thresholdAttempts.personId, vignetteId: thresholdAttempts.vignetteId, decision: thresholdAttempts.decision, likelihood: thresholdAttempts.likelihood, completedAt: thresholdAttempts.completedAt })
    .from(thresholdAttempts)
    .where(and(...conditions));
  return rows.filter((r) => r.decision && r.likelihood && r.completedAt).map((r) => ({ personId: r.personId, vignetteId: r.vignetteId, decision: r.decision as Decision, likelihood: r.likelihood as Likelihood, completedAt: r.completedAt! }));
}

/** The consistency report for a group over a set of vignettes. */
export async function groupConsistency(db: Db, viewer: Viewer, group: ConsistencyGroup, vignettes: readonly Vignette[]) {
  const panel = new Map(vignettes.map((v) => [v.id, { decision: v.panel.decision.answer, likelihood: v.panel.likelihood.answer }]));
  return consistencyReport(await groupAnswers(db, viewer, group), panel, vignettes.map((v) => v.id));
}

/** A person's finished threshold answers, for themselves and for those who support them. */
export async function personThresholdAnswers(db: Db, personId: string) {
  return db.select().from(thresholdAttempts).where(and(eq(thresholdAttempts.personId, personId), eq(thresholdAttempts.status, 'complete')));
}
