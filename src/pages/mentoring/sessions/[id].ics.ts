import type { APIRoute } from 'astro';
import { signedIn } from '../../../server/auth/index.ts';
import { readConfig } from '../../../server/platform/index.ts';
import { sessionCalendarFor } from '../../../server/mentoring/index.ts';

/** The session's calendar file, for its author (the mentee downloads theirs from My mentoring). */
export const GET: APIRoute = async ({ locals, params }) => {
  const { scope } = signedIn(locals);
  const ics = await sessionCalendarFor(scope, params.id ?? '', readConfig().publicUrl);
  if (ics === null) return new Response('Not found', { status: 404 });
  return new Response(ics, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'attachment; filename="mentoring-session.ics"' } });
};
