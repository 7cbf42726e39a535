import type { APIRoute } from 'astro';
import { auditRoundExport, roundFor, roundResults } from '../../../server/thresholds/index.ts';
import { listVignettes, pick } from '../../../server/content/index.ts';
import { csvResponse, toCsv } from '../../../server/platform/index.ts';
import { labelKey } from '../../../i18n/index.ts';
import { signedIn } from '../../../server/auth/index.ts';

/** A closed round's individual results, for its organiser, in the reader's language. */
export const GET: APIRoute = async ({ params, locals }) => {
  const { scope } = signedIn(locals);
  const { t, locale } = locals;
  const access = await roundFor(scope, (params.id ?? '').replace(/\.csv$/, ''));
  const vignettes = access ? (await listVignettes()).filter((v) => access.round.vignetteIds.includes(v.id)) : [];
  const results = access?.organiser ? await roundResults(scope, access, vignettes) : null;
  if (!access || !results) return new Response(t('rounds.notFound'), { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const rows = results.individual.map((a) => {
    const vignette = vignettes.find((v) => v.id === a.vignetteId);
    return [a.name, vignette ? pick(vignette.title, locale) : a.vignetteId, t(labelKey('practice.likelihood', a.likelihood)), t(labelKey('practice.decision', a.decision)), a.agreesWithPanel ? t('common.yes') : t('common.no')];
  });
  await auditRoundExport(scope, access.round.id, rows.length, locals.ip);
  const csv = toCsv([t('rounds.person'), t('consistency.vignette'), t('practice.likelihood'), t('practice.decisionColumn'), t('rounds.agrees')], rows);
  return csvResponse(csv, locale === 'cy' ? 'rownd-galibradu.csv' : 'calibration-round.csv');
};
