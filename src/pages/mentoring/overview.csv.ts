import type { APIRoute } from 'astro';
import { parseOverviewSort, sortOverview } from '../../domain/mentoring/index.ts';
import { recordAudit } from '../../server/audit/index.ts';
import { signedIn } from '../../server/auth/index.ts';
import { mentorOverview, overviewCsv } from '../../server/mentoring/index.ts';
import { csvResponse } from '../../server/platform/index.ts';
import { londonDate } from '../../domain/common/index.ts';

/** The mentor's overview as CSV, in the order and language of the page it was asked from; audited as an export. */
export const GET: APIRoute = async ({ locals, url }) => {
  const { viewer, scope } = signedIn(locals);
  const { t, locale } = locals;
  const { key, direction } = parseOverviewSort(url.searchParams.get('sort'), url.searchParams.get('dir'));
  const rows = sortOverview(await mentorOverview(scope), key, direction, locale);
  await recordAudit(scope.db, { organisationId: scope.organisationId, actorId: viewer.id, subjectId: viewer.id, action: 'export.created', detail: { export: 'mentoring-overview', rows: rows.length }, ip: locals.ip }, scope.now.getTime());
  return csvResponse(overviewCsv(rows, locale), `${t('overview.filename')}-${londonDate(scope.now.getTime())}.csv`);
};
