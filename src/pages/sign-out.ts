import type { APIRoute } from 'astro';
import { localePath } from '../domain/common/index.ts';
import { recordAudit } from '../server/audit/index.ts';
import { clearSessionCookie } from '../server/auth/index.ts';
import { deleteSession } from '../server/auth/index.ts';
import { isHttps } from '../server/platform/index.ts';

/** Ends this session on the server and clears the cookie. */
export const POST: APIRoute = async (context) => {
  const { auth, locale, ip } = context.locals;
  if (auth) {
    const { sessionId, viewer, scope, operator } = auth;
    // An operator's organisation scope refuses; their own scope has the database.
    const db = operator ? operator.db : scope.db;
    await deleteSession(db, sessionId);
    await recordAudit(db, { organisationId: viewer.organisationId, actorId: viewer.id, subjectId: viewer.id, action: 'sign-out', ip });
  }
  clearSessionCookie(context.cookies, isHttps(context));
  return context.redirect(`${localePath(locale, '/sign-in')}?signed-out`, 303);
};

export const GET: APIRoute = (context) => context.redirect(localePath(context.locals.locale, '/home'), 303);
