import type { APIRoute } from 'astro';
import { recordAudit } from '../../server/audit/index.ts';
import { signedIn } from '../../server/auth/index.ts';
import { cpdPack, cpdPackCsv, packPeriodFrom } from '../../server/cpd/index.ts';
import { csvResponse } from '../../server/platform/index.ts';

/** The person's CPD pack for a period as CSV, in the language of the page it was asked from. */
export const GET: APIRoute = async ({ locals, url }) => {
  const { viewer, scope } = signedIn(locals);
  const { t, locale } = locals;
  const asked = packPeriodFrom(url, scope.now.getTime());
  if (!asked.ok) {
    // A period that cannot be read: say why, in the page's language.
    const reasons = Object.values(asked.errors).map((e) => t(e.key, e.params));
    return new Response([t('cpd.pack.badPeriod'), ...reasons].join('\n'), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const pack = await cpdPack(scope, locale, asked.period);
  await recordAudit(scope.db, { organisationId: scope.organisationId, actorId: viewer.id, subjectId: viewer.id, action: 'export.created', detail: { export: 'cpd-pack', rows: pack.rows.length }, ip: locals.ip }, scope.now.getTime());
  const name = locale === 'cy' ? 'pecyn-dpp' : 'cpd-pack';
  return csvResponse(cpdPackCsv(pack, locale), `${name}-${asked.period.from}-${asked.period.to}.csv`);
};
