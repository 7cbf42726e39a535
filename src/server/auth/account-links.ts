import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { accountTokens, auditEvents, people } from '../../../db/schema/index.ts';
import { type AccountTokenPurpose } from '../../domain/auth/index.ts';
import { localePath, nameIn } from '../../domain/common/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Mailer } from '../mail/index.ts';
import { sendMail } from '../mail/index.ts';
import { findPersonByEmail, getOrganisation, type Person } from '../people/index.ts';
import { hashPassword, PASSWORD_PROBLEM_MESSAGE, validateNewPassword } from './password.ts';
import { createSession, deletePersonSessions } from './sessions.ts';
import { issueToken, parseToken, secretMatches } from '../platform/index.ts';
import type { FieldErrors } from '../platform/index.ts';

export const LINK_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  invitation: 7 * 24 * 60 * 60_000,
  'password-reset': 60 * 60_000,
};

type Writer = Pick<Db, 'insert' | 'update'>;

/** Issues a single-use link token; any earlier unused link of the same kind stops working. */
export async function issueAccountLink(db: Writer, personId: string, purpose: AccountTokenPurpose, now = Date.now()): Promise<string> {
  await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.personId, personId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
  const { id, secretHash, token } = issueToken();
  await db.insert(accountTokens).values({ id, secretHash, personId, purpose, createdAt: now, expiresAt: now + LINK_LIFETIME_MS[purpose] });
  return token;
}

export function accountLinkUrl(publicUrl: URL, locale: 'cy' | 'en', token: string): string {
  const url = new URL(localePath(locale, '/set-password'), publicUrl);
  url.searchParams.set('token', token);
  return url.toString();
}

/** The person a link belongs to while it is unused and unexpired, else null. */
export async function findUsableAccountLink(db: Db, token: string | null | undefined, now = Date.now()) {
  const parsed = parseToken(token);
  if (!parsed) return null;
  const [row] = await db.select({ link: accountTokens, person: people }).from(accountTokens).innerJoin(people, eq(people.id, accountTokens.personId)).where(eq(accountTokens.id, parsed.id));
  if (!row || !secretMatches(parsed.secret, row.link.secretHash)) return null;
  if (row.link.usedAt !== null || now >= row.link.expiresAt || row.person.status === 'deactivated') return null;
  return row;
}

export type SetPasswordResult =
  | { ok: true; person: Person; sessionToken: string; sessionExpiresAt: number }
  | { ok: false; reason: 'invalid-link' }
  | { ok: false; reason: 'invalid-input'; errors: FieldErrors };

/**
 * Sets a password from an emailed link: the link is used up, an invited person becomes
 * active, every existing session ends, and a new session starts.
 */
export async function setPasswordFromLink(
  db: Db,
  input: { token: string; password: string; confirm: string; ip: string | null },
  now = Date.now(),
): Promise<SetPasswordResult> {
  const policy = validateNewPassword(input.password);
  const errors: FieldErrors = {};
  if (!policy.ok) errors.password = { key: PASSWORD_PROBLEM_MESSAGE[policy.problem] };
  else if (input.password !== input.confirm) errors.confirm = { key: 'errors.passwordMismatch' };
  // The link is checked before anything slow, so junk tokens cost no password hashing.
  if (!(await findUsableAccountLink(db, input.token, now))) return { ok: false, reason: 'invalid-link' };
  if (Object.keys(errors).length) return { ok: false, reason: 'invalid-input', errors };
  const passwordHash = await hashPassword(input.password);
  const person = await db.transaction(async (tx) => {
    const parsed = parseToken(input.token);
    if (!parsed) return null;
    const [row] = await tx.select({ link: accountTokens, person: people }).from(accountTokens).innerJoin(people, eq(people.id, accountTokens.personId)).where(eq(accountTokens.id, parsed.id));
    // Checked again inside the write transaction so two submissions cannot both use one link.
    if (!row || !secretMatches(parsed.secret, row.link.secretHash) || row.link.usedAt !== null || now >= row.link.expiresAt || row.person.status === 'deactivated') return null;
    await tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.id, row.link.id));
    const [updated] = await tx.update(people).set({ passwordHash, status: 'active', updatedAt: now }).where(eq(people.id, row.person.id)).returning();
    await recordAudit(tx, { organisationId: row.person.organisationId, actorId: row.person.id, subjectId: row.person.id, action: 'password.set', detail: { via: row.link.purpose }, ip: input.ip }, now);
    return updated!;
  });
  if (!person) return { ok: false, reason: 'invalid-link' };
  await deletePersonSessions(db, person.id);
  const { token, session } = await createSession(db, person.id, now);
  return { ok: true, person, sessionToken: token, sessionExpiresAt: session.expiresAt };
}

/** At most this many reset links an hour to one address, so nobody can flood someone's inbox. */
const RESET_REQUESTS_PER_HOUR = 3;

/**
 * Sends a reset link if the address belongs to a person who can sign in. The caller answers
 * the same either way, so nobody can learn which addresses have accounts.
 */
export async function requestPasswordReset(db: Db, mailer: Mailer, publicUrl: URL, email: string, ip: string | null, now = Date.now()): Promise<void> {
  const person = await findPersonByEmail(db, email);
  if (!person || person.status === 'deactivated') return;
  // The people of a council a platform operator has deactivated get no link (they cannot sign in).
  if ((await getOrganisation(db, person.organisationId))?.deactivatedAt != null) return;
  // Counting and recording in one write transaction, as sign-in attempts are reserved, so
  // requests sent at once cannot all slip under the limit.
  const reserved = await db.transaction(async (tx) => {
    const [recent] = await tx
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, person.id), eq(auditEvents.action, 'password.reset-requested'), gt(auditEvents.at, now - 60 * 60_000)));
    if ((recent?.n ?? 0) >= RESET_REQUESTS_PER_HOUR) return false;
    await recordAudit(tx, { organisationId: person.organisationId, actorId: null, subjectId: person.id, action: 'password.reset-requested', ip }, now);
    return true;
  });
  if (!reserved) return;
  const organisation = await getOrganisation(db, person.organisationId);
  const purpose: AccountTokenPurpose = person.status === 'invited' ? 'invitation' : 'password-reset';
  const token = await issueAccountLink(db, person.id, purpose, now);
  await sendMail(db, mailer, {
    organisationId: person.organisationId,
    organisationName: nameIn(person.locale, organisation!),
    personId: person.id,
    to: person.email,
    recipientName: person.name,
    locale: person.locale,
    template: purpose === 'invitation' ? 'invitation' : 'reset',
    link: accountLinkUrl(publicUrl, person.locale, token),
  }, now);
}
