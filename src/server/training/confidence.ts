import { sql } from 'drizzle-orm';
import { confidencePrompts, confidenceRatings } from '../../../db/schema/index.ts';
import {
  CONFIDENCE_MOMENTS,
  checkConfidenceRatings,
  pairedChange,
  pairedChangeReading,
  type ConfidenceMoment,
  type PairedChange,
} from '../../domain/training/index.ts';
import { hasRole } from '../access/index.ts';
import { learningProgress } from '../learning/index.ts';
import { forgetPromptRecords, promptRecords } from './prompts.ts';
import type { Scope } from '../people/index.ts';
import { jsonList, type FieldErrors } from '../platform/index.ts';

/** What the confidence prompts need of a programme from the content: its modules and statements. */
export type ProgrammeOutline = { id: string; moduleIds: readonly string[]; statementIds: readonly string[] };

export type DuePrompt = { programmeId: string; moment: ConfidenceMoment };

/** The field of the confidence form that holds one statement's rating. */
export const ratingField = (statementId: string) => `rating-${statementId}`;

/**
 * The confidence prompts due to the viewer, read from their records (no write on a learning page):
 * **before** once they have opened a section of the programme and it is not complete yet; **after**
 * once every module is complete. A prompt answered or skipped once stays away.
 */
export async function dueConfidencePrompts(scope: Scope, programmes: readonly ProgrammeOutline[]): Promise<DuePrompt[]> {
  // The learning progress is the request's own read, shared with the rest of the page.
  const [progress, { closedConfidence: closed }] = await Promise.all([learningProgress(scope), promptRecords(scope)]);
  const visited = new Set([...progress].filter(([, p]) => p.visited.length > 0).map(([moduleId]) => moduleId));
  const done = new Set([...progress].filter(([, p]) => p.completedVersions.length > 0).map(([moduleId]) => moduleId));
  const due: DuePrompt[] = [];
  for (const programme of programmes) {
    if (programme.moduleIds.length === 0 || programme.statementIds.length === 0) continue;
    const complete = programme.moduleIds.every((id) => done.has(id));
    const started = programme.moduleIds.some((id) => visited.has(id) || done.has(id));
    if (complete && !closed.has(`${programme.id}/after`)) due.push({ programmeId: programme.id, moment: 'after' });
    else if (!complete && started && !closed.has(`${programme.id}/before`)) due.push({ programmeId: programme.id, moment: 'before' });
  }
  return due;
}

/** The prompt due for one programme, if any (after wins over before). */
export async function duePromptFor(scope: Scope, programme: ProgrammeOutline): Promise<ConfidenceMoment | null> {
  const [due] = await dueConfidencePrompts(scope, [programme]);
  return due?.moment ?? null;
}

export type ConfidenceResult = { ok: true } | { ok: false; error: 'not-due' } | { ok: false; error: 'invalid'; errors: FieldErrors };

const isMoment = (value: string): value is ConfidenceMoment => (CONFIDENCE_MOMENTS as readonly string[]).includes(value);

/** Saves the viewer's 1–10 rating of each statement for a moment that is due; a missing or wrong rating saves nothing. */
export async function saveConfidence(scope: Scope, programme: ProgrammeOutline, moment: string, ratings: Readonly<Record<string, unknown>>): Promise<ConfidenceResult> {
  if (!isMoment(moment) || (await duePromptFor(scope, programme)) !== moment) return { ok: false, error: 'not-due' };
  const checked = checkConfidenceRatings(programme.statementIds, ratings);
  if (!checked.ok) {
    return { ok: false, error: 'invalid', errors: Object.fromEntries(Object.entries(checked.errors).map(([id, key]) => [ratingField(id), { key }])) };
  }
  const now = scope.now.getTime();
  const personId = scope.viewer.id;
  await scope.db.transaction(async (tx) => {
    await tx.insert(confidenceRatings).values(
      Object.entries(checked.ratings).map(([statementId, rating]) => ({ personId, programmeId: programme.id, statementId, moment, rating, organisationId: scope.organisationId, ratedAt: now })),
    );
    await tx
      .insert(confidencePrompts)
      .values({ personId, programmeId: programme.id, moment, answeredAt: now })
      .onConflictDoUpdate({ target: [confidencePrompts.personId, confidencePrompts.programmeId, confidencePrompts.moment], set: { answeredAt: now } });
  });
  forgetPromptRecords(scope);
  return { ok: true };
}

/** Skips a due prompt: it is recorded once and then stays away. */
export async function skipConfidence(scope: Scope, programme: ProgrammeOutline, moment: string): Promise<ConfidenceResult> {
  if (!isMoment(moment) || (await duePromptFor(scope, programme)) !== moment) return { ok: false, error: 'not-due' };
  await scope.db
    .insert(confidencePrompts)
    .values({ personId: scope.viewer.id, programmeId: programme.id, moment, skippedAt: scope.now.getTime() })
    .onConflictDoNothing();
  forgetPromptRecords(scope);
  return { ok: true };
}

/** Before/after figures over one group of people: `pairedChange` and its plain-language reading (null below the small-group minimum). */
export type ConfidenceChange = { change: PairedChange; reading: ReturnType<typeof pairedChangeReading> };
export type TeamConfidence = ConfidenceChange & { teamId: string; nameEn: string; nameCy: string };
export type ConfidenceFigures = ConfidenceChange & {
  programmeId: string;
  /** The same figures for each team in view with at least one person's pair, by team name. */
  teams: TeamConfidence[];
};

/**
 * Before/after figures per programme, and per team within it, over the people the viewer may see
 * (a manager: members of the teams they manage, and only those teams; an admin: the organisation).
 * Each person gives one pair: the means of the current statements they rated both before and after
 * (as `personPair` in the domain reads it). One statement for every programme and team.
 */
export async function confidenceFigures(scope: Scope, programmes: readonly Pick<ProgrammeOutline, 'id' | 'statementIds'>[]): Promise<ConfidenceFigures[]> {
  const { db, viewer, organisationId } = scope;
  const admin = hasRole(viewer, 'admin');
  if (!admin && !hasRole(viewer, 'manager')) return [];
  const asked = programmes.filter((p) => p.statementIds.length > 0);
  const managed = viewer.managedTeamIds.length ? [...viewer.managedTeamIds] : [''];
  const list = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);
  // One statement: the before/after pairs (sums and counts, so no average passes through text) and the organisation's teams.
  const [row] = await db.all<{ pairs: string; teams: string }>(sql`select
    ${asked.length === 0 ? sql`'[]'` : sql`(select json_group_array(json_array(person_id, programme_id, before_sum, after_sum, n, teams)) from (
      select b.person_id, b.programme_id, sum(b.rating) as before_sum, sum(a.rating) as after_sum, count(*) as n,
        (select group_concat(tm.team_id, ' ') from team_memberships tm where tm.person_id = b.person_id) as teams
      from confidence_ratings b
      join confidence_ratings a on a.person_id = b.person_id and a.programme_id = b.programme_id and a.statement_id = b.statement_id and a.moment = 'after'
      join people p on p.id = b.person_id
      where b.organisation_id = ${organisationId} and b.moment = 'before' and p.status = 'active'
        and (${sql.join(asked.map((p) => sql`(b.programme_id = ${p.id} and b.statement_id in (${list(p.statementIds)}))`), sql` or `)})
        ${admin ? sql`` : sql`and b.person_id in (select person_id from team_memberships where team_id in (${list(managed)}))`}
      group by b.person_id, b.programme_id))`} as pairs,
    (select json_group_array(json_array(id, name_en, name_cy)) from (select id, name_en, name_cy from teams where organisation_id = ${organisationId} order by name_en)) as teams`);
  const pairs = jsonList<[string, string, number, number, number, string | null]>(row?.pairs).map(([, programmeId, beforeSum, afterSum, n, teamList]) => ({
    programmeId,
    before: beforeSum / n,
    after: afterSum / n,
    teamIds: teamList ? teamList.split(' ') : [],
  }));
  const orgTeams = jsonList<[string, string, string]>(row?.teams).map(([id, nameEn, nameCy]) => ({ id, nameEn, nameCy }));
  const shownTeams = admin ? orgTeams : orgTeams.filter((t) => viewer.managedTeamIds.includes(t.id));
  const figures = (list: readonly { before: number; after: number }[]): ConfidenceChange => {
    const change = pairedChange(list);
    return { change, reading: pairedChangeReading(change) };
  };
  return programmes.map((programme) => {
    const mine = pairs.filter((p) => p.programmeId === programme.id);
    const byTeam = shownTeams.flatMap((team) => {
      const inTeam = mine.filter((p) => p.teamIds.includes(team.id));
      return inTeam.length === 0 ? [] : [{ teamId: team.id, nameEn: team.nameEn, nameCy: team.nameCy, ...figures(inTeam) }];
    });
    return { programmeId: programme.id, ...figures(mine), teams: byTeam };
  });
}
