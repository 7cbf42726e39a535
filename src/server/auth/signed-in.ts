import type { Db } from '../../../db/client.ts';
import { loadViewer, refusingScope, scopeFor, type OperatorScope, type Scope, type Viewer } from '../people/index.ts';
import { validateSessionToken } from './sessions.ts';

/**
 * A signed-in request: its session, its person and its scope, always all three together. For a
 * platform operator `operator` is their scope and `scope` refuses every organisation-scoped use.
 */
export type Auth = { sessionId: string; viewer: Viewer; scope: Scope; operator: OperatorScope | null };

/**
 * The signed-in person a session token stands for, or null; `staleSessionId` names a live
 * session whose person can no longer sign in (deactivated, gone, or of a deactivated council),
 * for the caller to end.
 */
export async function authFromSession(db: Db, token: string | undefined, now: Date = new Date()): Promise<{ auth: Auth | null; staleSessionId: string | null }> {
  const session = await validateSessionToken(db, token, now.getTime());
  if (!session) return { auth: null, staleSessionId: null };
  const viewer = await loadViewer(db, session.personId);
  if (!viewer) return { auth: null, staleSessionId: session.id };
  if (viewer.operator) return { auth: { sessionId: session.id, viewer, scope: refusingScope(now), operator: { db, operator: viewer, now } }, staleSessionId: null };
  return { auth: { sessionId: session.id, viewer, scope: scopeFor(db, viewer, now), operator: null }, staleSessionId: null };
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
