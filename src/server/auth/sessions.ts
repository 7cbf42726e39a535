import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { sessions } from '../../../db/schema/index.ts';
import { issueToken, parseToken, passingWrite, secretMatches } from '../platform/index.ts';

export const SESSION_IDLE_TIMEOUT_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_LIFETIME_MS = 12 * 60 * 60_000;
// Writing last-seen on every request would make each page view a write; once a minute is enough.
const LAST_SEEN_WRITE_INTERVAL_MS = 60_000;

export type Session = typeof sessions.$inferSelect;

/** Starts a session for a person, always with a new token. */
export async function createSession(db: Db, personId: string, now = Date.now()) {
  const { id, secretHash, token } = issueToken();
  const session: Session = {
    id,
    secretHash,
    personId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + SESSION_ABSOLUTE_LIFETIME_MS,
  };
  await db.insert(sessions).values(session);
  return { token, session };
}

/**
 * The live session a token belongs to, or null. Expired sessions (idle for 30 minutes, or
 * older than 12 hours) are deleted on the way.
 */
export async function validateSessionToken(db: Db, token: string | undefined, now = Date.now()): Promise<Session | null> {
  const parsed = parseToken(token);
  if (!parsed) return null;
  const [session] = await db.select().from(sessions).where(eq(sessions.id, parsed.id));
  const { live, housekeeping } = liveSession(db, session, parsed.secret, now);
  await housekeeping;
  return live;
}

/**
 * The stored session if the token's secret matches and it has not expired, else null; with the
 * housekeeping that goes with it (deleting an expired session, writing last-seen at most once a
 * minute), which a page request need not wait for.
 */
export function liveSession(db: Db, session: Session | null | undefined, secret: string, now: number): { live: Session | null; housekeeping: Promise<unknown> } {
  if (!session || !secretMatches(secret, session.secretHash)) return { live: null, housekeeping: Promise.resolve() };
  if (now >= session.expiresAt || now - session.lastSeenAt >= SESSION_IDLE_TIMEOUT_MS) {
    // Refused either way; tidying it away is only housekeeping.
    return { live: null, housekeeping: passingWrite('expired session', () => db.delete(sessions).where(eq(sessions.id, session.id))) };
  }
  if (now - session.lastSeenAt < LAST_SEEN_WRITE_INTERVAL_MS) return { live: session, housekeeping: Promise.resolve() };
  const written = passingWrite('last seen', () => db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id)));
  return { live: session, housekeeping: written.then((ok) => ok && (session.lastSeenAt = now)) };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Signs a person out everywhere, or everywhere but `exceptSessionId`. */
export async function deletePersonSessions(db: Db, personId: string, exceptSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(exceptSessionId ? and(eq(sessions.personId, personId), ne(sessions.id, exceptSessionId)) : eq(sessions.personId, personId));
}

/** Removes sessions that can no longer be used (housekeeping at start-up). */
export async function deleteExpiredSessions(db: Db, now = Date.now()): Promise<void> {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, now - SESSION_IDLE_TIMEOUT_MS)));
}
