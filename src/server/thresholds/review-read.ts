// Reading a mentee's threshold attempt for review. `getOwnThresholdAttempt` stays strict (viewer =
// learner); this asks the caller's policy check before anything is returned.
import { and, eq } from 'drizzle-orm';
import { thresholdAttempts } from '../../../db/schema/index.ts';
import type { Scope } from '../people/index.ts';
import type { ThresholdAttempt } from './threshold-practice.ts';

/**
 * A mentee's threshold attempt for someone reviewing it (its judgements and reasons come from the
 * attempt's state and `attemptFeedback`): `may` is asked with the attempt's learner and decides;
 * null when it refuses or the attempt is not in the viewer's organisation (404).
 */
export async function thresholdAttemptForReview(scope: Scope, attemptId: string, may: (ownerId: string) => boolean): Promise<ThresholdAttempt | null> {
  const [attempt] = await scope.db
    .select()
    .from(thresholdAttempts)
    .where(and(eq(thresholdAttempts.id, attemptId), eq(thresholdAttempts.organisationId, scope.organisationId)));
  if (!attempt || !may(attempt.personId)) return null;
  return attempt;
}
