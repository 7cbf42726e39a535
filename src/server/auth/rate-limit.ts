import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { signInFailures } from '../../../db/schema/index.ts';
import { decideLimit, type FailureLimit, type LimitDecision } from '../../domain/auth/rate-limit.ts';
import type { FieldError } from '../platform/index.ts';

export const ACCOUNT_LIMIT: FailureLimit = { maxFailures: 10, windowMs: 5 * 60_000 };
// Generous enough for a council office behind one address; stops spraying across accounts.
export const IP_LIMIT: FailureLimit = { maxFailures: 50, windowMs: 5 * 60_000 };

/** Whether a sign-in may be tried now for this account and address. Checked before any hashing. */
async function checkSignInLimits(db: Pick<Db, 'select'>, accountKey: string, ip: string, now = Date.now()): Promise<LimitDecision> {
  const since = now - Math.max(ACCOUNT_LIMIT.windowMs, IP_LIMIT.windowMs);
  const [byAccount, byIp] = await Promise.all([
    db.select({ at: signInFailures.at }).from(signInFailures).where(and(eq(signInFailures.accountKey, accountKey), gt(signInFailures.at, since))),
    db.select({ at: signInFailures.at }).from(signInFailures).where(and(eq(signInFailures.ip, ip), gt(signInFailures.at, since))),
  ]);
  const decisions = [decideLimit(byAccount.map((r) => r.at), ACCOUNT_LIMIT, now), decideLimit(byIp.map((r) => r.at), IP_LIMIT, now)];
  const refused = decisions.filter((d) => !d.allowed);
  if (refused.length === 0) return { allowed: true };
  return { allowed: false, retryAfterMs: Math.max(...refused.map((d) => d.retryAfterMs)) };
}

/**
 * Checks the limits and, if allowed, records this attempt as a failure in one write
 * transaction, before the password is checked: parallel guesses cannot all slip under the
 * limit. A successful sign-in then clears the account's record.
 */
export async function reserveSignInAttempt(db: Db, accountKey: string, ip: string, now = Date.now()): Promise<LimitDecision> {
  return db.transaction(async (tx) => {
    const decision = await checkSignInLimits(tx, accountKey, ip, now);
    if (decision.allowed) await tx.insert(signInFailures).values({ accountKey, ip, at: now });
    return decision;
  });
}

/** The message for someone who must wait `minutes` before trying again. */
export function lockedMessage(minutes: number): FieldError {
  return minutes === 1 ? { key: 'signIn.lockedOne' } : { key: 'signIn.lockedMany', params: { minutes } };
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearAccountFailures(db: Db, accountKey: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.accountKey, accountKey));
}

export async function pruneSignInFailures(db: Db, now = Date.now()): Promise<void> {
  await db.delete(signInFailures).where(lt(signInFailures.at, now - Math.max(ACCOUNT_LIMIT.windowMs, IP_LIMIT.windowMs)));
}
