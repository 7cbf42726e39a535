import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { people } from '../../../db/schema/index.ts';
import type { Locale } from '../../domain/common/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { FieldErrors } from '../platform/index.ts';
import { getPersonInAnyOrganisation, type Scope } from '../people/index.ts';
import { minutesToWait } from '../../domain/auth/rate-limit.ts';
import { hashPassword, PASSWORD_PROBLEM_MESSAGE, validateNewPassword, verifyPassword } from './password.ts';
import { clearAccountFailures, lockedMessage, reserveSignInAttempt } from './rate-limit.ts';
import { deletePersonSessions } from './sessions.ts';

/** Saves a person's language, used for pages and the e-mails Camau sends them. */
export async function setPreferredLocale(scope: Scope, locale: Locale): Promise<void> {
  await rememberLocale(scope.db, scope.viewer.id, locale, scope.now.getTime());
}

/** The same while signing in, before the request has a scope: the sign-in page's language is a choice. */
export async function rememberLocale(db: Db, personId: string, locale: Locale, now: number): Promise<void> {
  await db.update(people).set({ locale, updatedAt: now }).where(eq(people.id, personId));
}

/**
 * Changes a signed-in person's password after checking the current one. Other sessions end
 * when the person asks (this one stays signed in).
 */
export async function changePassword(scope: Scope, input: PasswordChange): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  return changeOwnPassword({ db: scope.db, personId: scope.viewer.id, now: scope.now }, input);
}

export type PasswordChange = { sessionId: string; current: string; password: string; confirm: string; signOutOthers: boolean; ip: string | null };

/** The same for an account holder with no organisation scope (a platform operator). */
export async function changeOwnPassword(account: { db: Db; personId: string; now: Date }, input: PasswordChange): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const { db } = account;
  const now = account.now.getTime();
  const person = await getPersonInAnyOrganisation(db, account.personId);
  if (!person) return { ok: false, errors: { _form: { key: 'errors.invalidChoice' } } };
  // Guessing the current password from a stolen session counts against the sign-in limits.
  const ip = input.ip ?? 'unknown';
  const limit = await reserveSignInAttempt(db, person.email, ip, now);
  if (!limit.allowed) {
    return { ok: false, errors: { current: lockedMessage(minutesToWait(limit.retryAfterMs)) } };
  }
  const errors: FieldErrors = {};
  if (!person.passwordHash || !(await verifyPassword(person.passwordHash, input.current))) errors.current = { key: 'account.currentWrong' };
  else await clearAccountFailures(db, person.email);
  const policy = validateNewPassword(input.password);
  if (!policy.ok) errors.password = { key: PASSWORD_PROBLEM_MESSAGE[policy.problem] };
  else if (input.password !== input.confirm) errors.confirm = { key: 'errors.passwordMismatch' };
  if (Object.keys(errors).length) return { ok: false, errors };
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx.update(people).set({ passwordHash, updatedAt: now }).where(eq(people.id, person.id));
    await recordAudit(tx, { organisationId: person.organisationId, actorId: person.id, subjectId: person.id, action: 'password.changed', detail: { signedOutOthers: input.signOutOthers }, ip: input.ip }, now);
  });
  if (input.signOutOthers) await deletePersonSessions(db, person.id, input.sessionId);
  return { ok: true };
}
