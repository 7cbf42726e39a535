import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { calibrationRounds, roundParticipants, thresholdAttempts } from '../../../db/schema/index.ts';
import { roundState } from '../../domain/thresholds/calibration.ts';
import type { Scope } from '../people/index.ts';

/**
 * The calibration rounds a person is asked to answer that are not closed yet, soonest closing
 * first, each with how many of its situations they have finished (for their home page).
 */
export async function assignedRounds(scope: Scope) {
  const { db, viewer } = scope;
  const now = scope.now.getTime();
  const rounds = await db
    .select({ id: calibrationRounds.id, title: calibrationRounds.title, vignetteIds: calibrationRounds.vignetteIds, opensAt: calibrationRounds.opensAt, closesAt: calibrationRounds.closesAt, closedAt: calibrationRounds.closedAt })
    .from(calibrationRounds)
    .innerJoin(roundParticipants, and(eq(roundParticipants.roundId, calibrationRounds.id), eq(roundParticipants.personId, viewer.id)))
    .where(and(eq(calibrationRounds.organisationId, viewer.organisationId), isNull(calibrationRounds.closedAt), gt(calibrationRounds.closesAt, now)))
    .orderBy(asc(calibrationRounds.closesAt));
  if (!rounds.length) return [];
  const finished = await db
    .select({ roundId: thresholdAttempts.roundId, vignetteId: thresholdAttempts.vignetteId })
    .from(thresholdAttempts)
    .where(and(eq(thresholdAttempts.personId, viewer.id), eq(thresholdAttempts.status, 'complete')));
  return rounds.map((round) => ({
    ...round,
    state: roundState(round, now),
    done: new Set(finished.filter((f) => f.roundId === round.id && round.vignetteIds.includes(f.vignetteId)).map((f) => f.vignetteId)).size,
    total: round.vignetteIds.length,
  }));
}
