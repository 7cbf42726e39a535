import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { people } from '../../../db/schema/index.ts';
import { minutesToWait } from '../../domain/auth/rate-limit.ts';
import { recordAudit } from '../audit/index.ts';
import { findPersonByEmail, getOrganisation, normaliseEmail, type Person } from '../people/index.ts';
import { verifyAgainstNothing, verifyPassword } from './password.ts';
import { clearAccountFailures, reserveSignInAttempt } from './rate-limit.ts';
import { createSession } from './sessions.ts';

export type SignInResult =
  | { ok: true; person: Person; token: string; expiresAt: number }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; minutes: number };

/**
 * Checks an e-mail address and password. Limits are checked before the (deliberately slow)
 * hash, an unknown address costs the same time as a known one, and every outcome is audited.
 * People of a deactivated council are refused like a wrong password.
 */
export async function signIn(db: Db, input: { email: string; password: string; ip: string }, now = Date.now()): Promise<SignInResult> {
  const accountKey = normaliseEmail(input.email);
  const person = await findPersonByEmail(db, accountKey);
  const limit = await reserveSignInAttempt(db, accountKey, input.ip, now);
  if (!limit.allowed) {
    await recordAudit(db, { organisationId: person?.organisationId ?? null, actorId: null, subjectId: person?.id ?? null, action: 'sign-in.locked', detail: { email: accountKey }, ip: input.ip }, now);
    return { ok: false, reason: 'locked', minutes: minutesToWait(limit.retryAfterMs) };
  }
  // A person of a deactivated council gets the ordinary failure, like a deactivated person.
  const councilOpen = person ? (await getOrganisation(db, person.organisationId))?.deactivatedAt === null : false;
  const canSignIn = person && person.status === 'active' && person.passwordHash && councilOpen;
  const passwordOk = canSignIn ? await verifyPassword(person.passwordHash!, input.password) : (await verifyAgainstNothing(input.password), false);
  if (!canSignIn || !passwordOk) {
    await recordAudit(db, { organisationId: person?.organisationId ?? null, actorId: null, subjectId: person?.id ?? null, action: 'sign-in.failure', detail: { email: accountKey }, ip: input.ip }, now);
    return { ok: false, reason: 'invalid' };
  }
  await clearAccountFailures(db, accountKey);
  const { token, session } = await createSession(db, person.id, now);
  await db.update(people).set({ lastSignInAt: now }).where(eq(people.id, person.id));
  await recordAudit(db, { organisationId: person.organisationId, actorId: person.id, subjectId: person.id, action: 'sign-in.success', ip: input.ip }, now);
  return { ok: true, person, token, expiresAt: session.expiresAt };
}
