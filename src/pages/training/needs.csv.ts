import type { APIRoute } from 'astro';
import { signedIn } from '../../server/auth/index.ts';
import { listProgrammes } from '../../server/content/index.ts';
import { csvResponse } from '../../server/platform/index.ts';
import { tnaCsv, tnaFilterFrom } from '../../server/training/index.ts';

/** The training needs analysis as CSV: the page's columns and filters, every row; managers see their own teams only. */
export const GET: APIRoute = async ({ locals, url }) => {
  const { scope } = signedIn(locals);
  const { t, locale } = locals;
  const programmes = await listProgrammes();
  const csv = await tnaCsv(scope, programmes, tnaFilterFrom(url.searchParams, programmes.map((p) => p.id)), t, locale, locals.ip);
  if (csv === null) return new Response(t('errors.403.title'), { status: 403 });
  return csvResponse(csv, locale === 'cy' ? 'anghenion-hyfforddi.csv' : 'training-needs.csv');
};
