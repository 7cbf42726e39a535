import type { APIRoute } from 'astro';
import { services } from '../../../server/app.ts';
import { signedIn } from '../../../server/auth/index.ts';
import { workshopIcs } from '../../../server/training/index.ts';

/** The workshop as a calendar file for the viewer (the same UID and SEQUENCE as the e-mailed invitations). */
export const GET: APIRoute = async ({ locals, params }) => {
  const { scope } = signedIn(locals);
  const { config } = await services();
  const ics = await workshopIcs(scope, params.id ?? '', config.publicUrl);
  if (ics === null) return new Response(locals.t('training.notFound'), { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8; method=REQUEST',
      'Content-Disposition': `attachment; filename="${locals.locale === 'cy' ? 'gweithdy' : 'workshop'}.ics"`,
      'Cache-Control': 'no-store',
    },
  });
};
