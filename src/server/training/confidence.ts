import { and, avg, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { confidencePrompts, confidenceRatings, moduleCompletions, people, sectionVisits, teamMemberships } from '../../../db/schema/index.ts';
import {
  CONFIDENCE_MOMENTS,
  checkConfidenceRatings,
  pairedChange,
  pairedChangeReading,
  type ConfidenceMoment,
  type PairedChange,
} from '../../domain/training/index.ts';
import { hasRole } from '../access/index.ts';
import type { Scope } from '../people/index.ts';
import type { FieldErrors } from '../platform/index.ts';

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
  const personId = scope.viewer.id;
  const [visits, completions, prompts] = await Promise.all([
    scope.db.selectDistinct({ moduleId: sectionVisits.moduleId }).from(sectionVisits).where(eq(sectionVisits.personId, personId)),
    scope.db.selectDistinct({ moduleId: moduleCompletions.moduleId }).from(moduleCompletions).where(eq(moduleCompletions.personId, personId)),
    scope.db.select({ programmeId: confidencePrompts.programmeId, moment: confidencePrompts.moment }).from(confidencePrompts).where(eq(confidencePrompts.personId, personId)),
  ]);
  const visited = new Set(visits.map((v) => v.moduleId));
  const done = new Set(completions.map((c) => c.moduleId));
  const closed = new Set(prompts.map((p) => `${p.programmeId}/${p.moment}`));
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
  return { ok: true };
}

/** Skips a due prompt: it is recorded once and then stays away. */
export async function skipConfidence(scope: Scope, programme: ProgrammeOutline, moment: string): Promise<ConfidenceResult> {
  if (!isMoment(moment) || (await duePromptFor(scope, programme)) !== moment) return { ok: false, error: 'not-due' };
  await scope.db
    .insert(confidencePrompts)
    .values({ personId: scope.viewer.id, programmeId: programme.id, moment, skippedAt: scope.now.getTime() })
    .onConflictDoNothing();
  return { ok: true };
}

export type ConfidenceFigures = {
  programmeId: string;
  change: PairedChange;
  /** The plain-language reading; null below the minimum number of people. */
  reading: ReturnType<typeof pairedChangeReading>;
};

/**
 * Before/after figures per programme over the people the viewer may see (a manager: members of
 * the teams they manage; an admin: the organisation). Each person gives one pair: the means of
 * the statements they rated both before and after (as `personPair` in the domain reads it).
 */
export async function confidenceFigures(scope: Scope, programmes: readonly Pick<ProgrammeOutline, 'id' | 'statementIds'>[]): Promise<ConfidenceFigures[]> {
  const { db, viewer } = scope;
  const admin = hasRole(viewer, 'admin');
  if (!admin && !hasRole(viewer, 'manager')) return [];
  const where = admin
    ? eq(confidenceRatings.organisationId, scope.organisationId)
    : and(
        eq(confidenceRatings.organisationId, scope.organisationId),
        inArray(
          confidenceRatings.personId,
          db.selectDistinct({ id: teamMemberships.personId }).from(teamMemberships).where(inArray(teamMemberships.teamId, viewer.managedTeamIds.length ? [...viewer.managedTeamIds] : [''])),
        ),
      );
  // One pair per person, averaged in SQL over the current statements they rated both before and after.
  const after = alias(confidenceRatings, 'after_ratings');
  const pairsOf = (programme: Pick<ProgrammeOutline, 'id' | 'statementIds'>) =>
    programme.statementIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ before: avg(confidenceRatings.rating), after: avg(after.rating) })
          .from(confidenceRatings)
          .innerJoin(
            after,
            and(eq(after.personId, confidenceRatings.personId), eq(after.programmeId, confidenceRatings.programmeId), eq(after.statementId, confidenceRatings.statementId), eq(after.moment, 'after')),
          )
          .innerJoin(people, eq(people.id, confidenceRatings.personId))
          .where(and(where, eq(confidenceRatings.programmeId, programme.id), eq(confidenceRatings.moment, 'before'), inArray(confidenceRatings.statementId, [...programme.statementIds]), eq(people.status, 'active')))
          .groupBy(confidenceRatings.personId);
  const all = await Promise.all(programmes.map(pairsOf));
  return programmes.map((programme, i) => {
    const change = pairedChange(all[i]!.map((p) => ({ before: Number(p.before), after: Number(p.after) })));
    return { programmeId: programme.id, change, reading: pairedChangeReading(change) };
  });
}
