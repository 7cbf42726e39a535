/** A fixed number of failures allowed within a sliding window. */
export type FailureLimit = { maxFailures: number; windowMs: number };

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Decides whether another attempt is allowed, given the times of recent failures.
 * Once `maxFailures` fall inside the window, attempts are refused until the oldest of the
 * most recent `maxFailures` leaves it.
 */
export function decideLimit(failureTimes: readonly number[], limit: FailureLimit, now: number): LimitDecision {
  const recent = failureTimes.filter((t) => t > now - limit.windowMs && t <= now).sort((a, b) => b - a);
  if (recent.length < limit.maxFailures) return { allowed: true };
  const oldestCounted = recent[limit.maxFailures - 1]!;
  return { allowed: false, retryAfterMs: Math.max(1, oldestCounted + limit.windowMs - now) };
}

/** Whole minutes to wait, never fewer than one. */
export function minutesToWait(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}
