import type { APIRoute } from 'astro';
import { formatDateTime } from '../i18n/index.ts';
import { recordAudit } from '../server/audit/index.ts';
import { csvResponse, toCsv } from '../server/platform/index.ts';
import { reflectiveLog } from '../server/cpd/index.ts';
import { signedIn } from '../server/auth/index.ts';

/** The learner's own reflective log as CSV, in the language of the page it was asked from. */
export const GET: APIRoute = async ({ locals }) => {
  const { viewer, scope } = signedIn(locals);
  const { t, locale } = locals;
  const rows = (await reflectiveLog(scope, locale)).map((e) => [formatDateTime(locale, e.createdAt), e.moduleTitle ?? '', e.prompt, e.text]);
  await recordAudit(scope.db, { organisationId: scope.organisationId, actorId: viewer.id, subjectId: viewer.id, action: 'export.created', detail: { export: 'reflective-log', rows: rows.length }, ip: locals.ip }, scope.now.getTime());
  const csv = toCsv([t('reflections.date'), t('reflections.module'), t('reflections.prompt'), t('reflections.text')], rows);
  return csvResponse(csv, locale === 'cy' ? 'dyddlyfr-myfyriol.csv' : 'reflective-log.csv');
};
