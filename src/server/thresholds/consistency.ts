import { and, desc, eq, sql } from 'drizzle-orm';
import { thresholdAttempts } from '../../../db/schema/index.ts';
import type { Vignette } from '../../content/schemas.ts';
import { consistencyFromCounts, type AnswerCounts, type ThresholdAnswer } from '../../domain/thresholds/consistency.ts';
import type { Decision, Likelihood } from '../../domain/thresholds/thresholds.ts';
import { hasRole, mayInOrganisation } from '../access/index.ts';
import { listTeams, type Scope, type Viewer } from '../people/index.ts';

/** A group whose consistency can be looked at. */
export type ConsistencyGroup = { kind: 'organisation' } | { kind: 'team'; teamId: string } | { kind: 'mentees' };

/** Whether this person may look at group consistency at all (see the policy module). */
export function mayViewConsistency(viewer: Viewer): boolean {
  return mayInOrganisation(viewer, 'consistency.view');
}

/** The groups a person may choose: the organisation; teams they manage (all, for an admin); their mentees. */
export async function consistencyGroups(scope: Scope) {
  const { viewer } = scope;
  if (!mayViewConsistency(viewer)) return [];
  const teams = await listTeams(scope);
  const visibleTeams = hasRole(viewer, 'admin') ? teams : teams.filter((t) => viewer.managedTeamIds.includes(t.id));
  return [
    { key: 'organisation', group: { kind: 'organisation' } as ConsistencyGroup, team: null },
    ...(hasRole(viewer, 'mentor') ? [{ key: 'mentees', group: { kind: 'mentees' } as ConsistencyGroup, team: null }] : []),
    ...visibleTeams.map((team) => ({ key: `team:${team.id}`, group: { kind: 'team', teamId: team.id } as ConsistencyGroup, team })),
  ];
}

/** Only the group's members, inside the viewer's own organisation (the caller adds that). */
function memberFilter(viewer: Viewer, group: ConsistencyGroup) {
  if (group.kind === 'team') return sql`AND person_id IN (SELECT person_id FROM team_memberships WHERE team_id = ${group.teamId})`;
  if (group.kind === 'mentees') return sql`AND person_id IN (SELECT mentee_id FROM mentor_links WHERE mentor_id = ${viewer.id})`;
  return sql``;
}

/**
 * Each group member's latest finished answer per vignette in the set, found among all attempts
 * (the reference the kept `threshold_latest_answers` table is tested against).
 */
function latestAnswers(viewer: Viewer, group: ConsistencyGroup, vignetteIds: readonly string[]) {
  // SQLite returns the other columns from the row holding MAX(completed_at) in each group;
  // the covering index threshold_attempts_answers_idx makes this a scan without a sort.
  return sql`
    SELECT person_id, vignette_id, decision, likelihood, MAX(completed_at) AS completed_at
    FROM threshold_attempts
    WHERE organisation_id = ${viewer.organisationId} AND status = 'complete'
      AND decision IS NOT NULL AND likelihood IS NOT NULL AND completed_at IS NOT NULL
      AND vignette_id IN (${sql.join(vignetteIds.map((id) => sql`${id}`), sql`, `)}) ${memberFilter(viewer, group)}
    GROUP BY person_id, vignette_id`;
}

/** The individual final answers of a group (for small groups: a mentor's or a round's). */
export async function groupAnswers(scope: Scope, group: ConsistencyGroup, vignetteIds: readonly string[]): Promise<ThresholdAnswer[]> {
  const { db, viewer } = scope;
  if (!vignetteIds.length) return [];
  const rows = await db.all<{ person_id: string; vignette_id: string; decision: Decision; likelihood: Likelihood; completed_at: number }>(latestAnswers(viewer, group, vignetteIds));
  return rows.map((r) => ({ personId: r.person_id, vignetteId: r.vignette_id, decision: r.decision, likelihood: r.likelihood, completedAt: r.completed_at }));
}

/**
 * The counts the consistency report needs, computed by SQLite from the kept latest answers
 * (`threshold_latest_answers`), so a whole authority (5,000 people × 24 vignettes) returns a
 * few hundred rows rather than 120,000, each from an index-only GROUP BY.
 */
export async function groupCounts(scope: Scope, group: ConsistencyGroup, vignetteIds: readonly string[]): Promise<AnswerCounts> {
  const { db, viewer } = scope;
  const empty: AnswerCounts = { respondents: 0, decisions: [], likelihoods: [], completeRaters: 0, completeDecisions: [], months: [] };
  if (!vignetteIds.length) return empty;
  const matching = sql`organisation_id = ${viewer.organisationId} AND vignette_id IN (${sql.join(vignetteIds.map((id) => sql`${id}`), sql`, `)}) ${memberFilter(viewer, group)}`;
  const [answers, people] = await Promise.all([
    db.all<{ vignette_id: string; decision: Decision; likelihood: Likelihood; month: string; n: number }>(
      sql`SELECT vignette_id, decision, likelihood, month, count(*) AS n FROM threshold_latest_answers WHERE ${matching} GROUP BY 1, 2, 3, 4`,
    ),
    // How many people answered how many of the vignettes.
    db.all<{ answered: number; n: number }>(
      sql`SELECT answered, count(*) AS n FROM (SELECT count(*) AS answered FROM threshold_latest_answers WHERE ${matching} GROUP BY person_id) GROUP BY answered`,
    ),
  ]);
  const units = new Set(answers.map((r) => r.vignette_id)).size;
  const respondents = people.reduce((sum, r) => sum + r.n, 0);
  const completeRaters = people.find((r) => r.answered === units)?.n ?? 0;
  const tally = <T extends { count: number }>(keyOf: (r: (typeof answers)[number]) => string, make: (r: (typeof answers)[number]) => T) => {
    const map = new Map<string, T>();
    for (const r of answers) {
      const entry = map.get(keyOf(r)) ?? make(r);
      entry.count += r.n;
      map.set(keyOf(r), entry);
    }
    return [...map.values()];
  };
  const decisions = tally((r) => `${r.vignette_id}|${r.decision}`, (r) => ({ vignetteId: r.vignette_id, decision: r.decision, count: 0 }));
  // Fleiss' kappa needs the raters who answered every vignette; usually that is everyone.
  let completeDecisions = completeRaters === respondents ? decisions : [];
  if (completeRaters > 0 && completeRaters < respondents) {
    const rows = await db.all<{ vignette_id: string; decision: Decision; n: number }>(sql`
      SELECT vignette_id, decision, count(*) AS n FROM threshold_latest_answers
      WHERE ${matching} AND person_id IN (SELECT person_id FROM threshold_latest_answers WHERE ${matching} GROUP BY person_id HAVING count(*) = ${units})
      GROUP BY 1, 2`);
    completeDecisions = rows.map((r) => ({ vignetteId: r.vignette_id, decision: r.decision, count: r.n }));
  }
  return {
    respondents,
    decisions,
    likelihoods: tally((r) => `${r.vignette_id}|${r.likelihood}`, (r) => ({ vignetteId: r.vignette_id, likelihood: r.likelihood, count: 0 })),
    completeRaters,
    completeDecisions,
    months: tally((r) => `${r.month}|${r.vignette_id}|${r.decision}`, (r) => ({ month: r.month, vignetteId: r.vignette_id, decision: r.decision, count: 0 })),
  };
}

/** The consistency report for a group over a set of vignettes. */
export async function groupConsistency(scope: Scope, group: ConsistencyGroup, vignettes: readonly Vignette[]) {
  const panel = new Map(vignettes.map((v) => [v.id, { decision: v.panel.decision.answer, likelihood: v.panel.likelihood.answer }]));
  const ids = vignettes.map((v) => v.id);
  return consistencyFromCounts(await groupCounts(scope, group, ids), panel, ids);
}

/** A person's finished threshold answers, newest first, for themselves and for those who support them. */
export async function personThresholdAnswers(scope: Scope, personId: string) {
  const { db } = scope;
  return db
    .select({ id: thresholdAttempts.id, vignetteId: thresholdAttempts.vignetteId, decision: thresholdAttempts.decision, likelihood: thresholdAttempts.likelihood, completedAt: thresholdAttempts.completedAt })
    .from(thresholdAttempts)
    .where(and(eq(thresholdAttempts.personId, personId), eq(thresholdAttempts.organisationId, scope.organisationId), eq(thresholdAttempts.status, 'complete')))
    .orderBy(desc(thresholdAttempts.completedAt));
}
