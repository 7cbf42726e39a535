import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { organisations, people, sessions } from '../../../db/schema/index.ts';
import { myMentoringExists } from '../mentoring/index.ts';
import { refusingScope, scopeFor, viewerColumns, viewerFromRow, type OperatorScope, type Scope, type Viewer } from '../people/index.ts';
import { parseToken } from '../platform/index.ts';
import { liveSession } from './sessions.ts';

/**
 * A signed-in request: its session, its person and its scope, always all three together. For a
 * platform operator `operator` is their scope and `scope` refuses every organisation-scoped use.
 */
export type Auth = {
  sessionId: string;
  viewer: Viewer;
  scope: Scope;
  operator: OperatorScope | null;
  /** Whether the person has a mentor, sessions or a group to see (the My mentoring link). */
  myMentoring: boolean;
};

/**
 * The signed-in person a session token stands for, or null; `staleSessionId` names a live
 * session whose person can no longer sign in (deactivated, gone, or of a deactivated council),
 * for the caller to end.
 */
export async function authFromSession(db: Db, token: string | undefined, now: Date = new Date()): Promise<{ auth: Auth | null; staleSessionId: string | null }> {
  const parsed = parseToken(token);
  if (!parsed) return { auth: null, staleSessionId: null };
  // Session, person, council, roles, teams, mentees and the My mentoring link: one statement per request.
  const [row] = await db
    .select({ session: sessions, ...viewerColumns(), myMentoring: myMentoringExists(sessions.personId) })
    .from(sessions)
    .leftJoin(people, eq(people.id, sessions.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(sessions.id, parsed.id));
  // Last-seen is written off the request's path: a page need not wait for it.
  const { live: session } = liveSession(db, row?.session, parsed.secret, now.getTime());
  if (!session) return { auth: null, staleSessionId: null };
  const viewer = viewerFromRow(row);
  if (!viewer) return { auth: null, staleSessionId: session.id };
  const myMentoring = Boolean(row!.myMentoring);
  if (viewer.operator) return { auth: { sessionId: session.id, viewer, scope: refusingScope(now), operator: { db, operator: viewer, now }, myMentoring: false }, staleSessionId: null };
  return { auth: { sessionId: session.id, viewer, scope: scopeFor(db, viewer, now), operator: null, myMentoring }, staleSessionId: null };
}

/**
 * The signed-in person on a route the access rules only open to signed-in people. Null there
 * is a programming error (a route missing from the rules), so it throws.
 */
export function signedIn(locals: { auth: Auth | null }): Auth {
  if (!locals.auth) throw new Error('signedIn used on a route that is open without signing in');
  return locals.auth;
}

/** The operator's scope on an operator's page; anyone else there is a gap in the access rules, so it throws. */
export function operatorSignedIn(locals: { auth: Auth | null }): OperatorScope & { sessionId: string } {
  const operator = locals.auth?.operator;
  if (!operator) throw new Error('operatorSignedIn used on a route open to people who are not operators');
  return { ...operator, sessionId: locals.auth!.sessionId };
}
