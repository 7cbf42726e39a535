import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { ownResponseCodes, simulationAttempts, simulationOwnResponses, submissions } from '../../../db/schema/index.ts';
import { mitiSummary, recodedCounts, type MitiCounts } from '../../domain/simulations/index.ts';
import { mayOnPerson, type PersonTarget } from '../access/index.ts';
import { personTarget, type Scope } from '../people/index.ts';

/** One finished conversation attempt with its MITI figures (mentor-coded where the mentor coded it). */
export type FinishedAttempt = {
  id: string;
  scenarioId: string;
  completedAt: number;
  outcome: string | null;
  counts: MitiCounts;
  reflectionToQuestion: number | null;
  percentComplexReflections: number | null;
  mentorCoded: boolean;
};

type StoredResult = { kind?: string; counts?: MitiCounts } | null;

/**
 * A person's finished simulation conversations, oldest first, for their mentor or themselves
 * ('mentoring.progress.view'); null for anyone else.
 */
export async function finishedAttemptsOf(scope: Scope, personId: string): Promise<FinishedAttempt[] | null> {
  const target = await personTarget(scope.db, personId);
  if (!target || !mayOnPerson(scope.viewer, 'mentoring.progress.view', target)) return null;
  return (await finishedAttemptsOfMany(scope, [target])).get(personId) ?? [];
}

/** The same for several people in two queries (the overview); people the viewer may not follow are left out. */
export async function finishedAttemptsOfMany(scope: Scope, targets: readonly PersonTarget[]): Promise<Map<string, FinishedAttempt[]>> {
  const ids = targets.filter((t) => mayOnPerson(scope.viewer, 'mentoring.progress.view', t)).map((t) => t.id);
  const result = new Map<string, FinishedAttempt[]>(ids.map((id) => [id, []]));
  if (!ids.length) return result;
  const attempts = await scope.db
    .select({ id: simulationAttempts.id, personId: simulationAttempts.personId, scenarioId: simulationAttempts.scenarioId, completedAt: simulationAttempts.completedAt, outcome: simulationAttempts.outcome, result: simulationAttempts.result })
    .from(simulationAttempts)
    .where(and(inArray(simulationAttempts.personId, ids), eq(simulationAttempts.organisationId, scope.organisationId), eq(simulationAttempts.kind, 'conversation'), eq(simulationAttempts.status, 'complete')))
    .orderBy(asc(simulationAttempts.completedAt));
  const recodes = await scope.db
    .select({ attemptId: simulationOwnResponses.attemptId, selfCode: simulationOwnResponses.code, mentorCode: ownResponseCodes.code })
    .from(simulationOwnResponses)
    .innerJoin(ownResponseCodes, eq(ownResponseCodes.responseId, simulationOwnResponses.id))
    .where(and(inArray(simulationOwnResponses.personId, ids), eq(simulationOwnResponses.organisationId, scope.organisationId)));
  // A person sees a mentor's codes on their own attempts only once that feedback is released (as in the debrief).
  const releasedToSelf = ids.includes(scope.viewer.id)
    ? new Set((await scope.db
        .select({ workId: submissions.workId })
        .from(submissions)
        .where(and(eq(submissions.workKind, 'simulation'), eq(submissions.menteeId, scope.viewer.id), isNotNull(submissions.releasedAt)))).map((r) => r.workId))
    : new Set<string>();
  for (const a of attempts) {
    const stored = (a.result as StoredResult)?.counts;
    if (!stored || a.completedAt === null) continue;
    const codesShown = a.personId !== scope.viewer.id || releasedToSelf.has(a.id);
    const mine = codesShown ? recodes.filter((r) => r.attemptId === a.id) : [];
    const counts = recodedCounts(stored, mine);
    const miti = mitiSummary(counts);
    result.get(a.personId)?.push({
      id: a.id,
      scenarioId: a.scenarioId,
      completedAt: a.completedAt,
      outcome: a.outcome,
      counts,
      reflectionToQuestion: miti.reflectionToQuestion,
      percentComplexReflections: miti.percentComplexReflections,
      mentorCoded: mine.length > 0,
    });
  }
  return result;
}
