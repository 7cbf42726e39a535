import type { APIRoute } from 'astro';
import { localePath } from '../../domain/common/index.ts';
import { signedIn } from '../../server/auth/index.ts';
import { loadReportContent, refreshReportResponse } from '../../server/evaluation/index.ts';

/** **Refresh figures** on the evaluation report (a form POST; works without JavaScript). */
export const POST: APIRoute = async ({ locals, request }) => {
  const { scope } = signedIn(locals);
  return refreshReportResponse(scope, locals.locale, locals.t, await loadReportContent(), request);
};

export const GET: APIRoute = ({ locals, redirect }) => redirect(localePath(locals.locale, '/evaluation'), 303);
