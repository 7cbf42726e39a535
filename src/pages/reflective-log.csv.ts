import type { APIRoute } from 'astro';
import { formatDateTime } from '../i18n/index.ts';
import { recordAudit } from '../server/audit.ts';
import { services } from '../server/app.ts';
import { getModule, pick } from '../server/content.ts';
import { csvResponse, toCsv } from '../server/csv.ts';
import { listReflections } from '../server/learning.ts';

/** The learner's own reflective log as CSV, in the language of the page it was asked from. */
export const GET: APIRoute = async ({ locals }) => {
  const viewer = locals.viewer!;
  const { t, locale } = locals;
  const { db } = await services();
  const entries = await listReflections(db, viewer.id);
  const rows = await Promise.all(
    entries.map(async (e) => {
      const module = e.moduleId ? await getModule(e.moduleId) : null;
      // The prompt in the reader's language where the module still exists; else as it was saved.
      return [formatDateTime(locale, e.createdAt), module ? pick(module.title, locale) : '', module ? pick(module.reflection.prompt, locale) : e.prompt, e.text];
    }),
  );
  await recordAudit(db, { organisationId: viewer.organisationId, actorId: viewer.id, subjectId: viewer.id, action: 'export.created', detail: { export: 'reflective-log', rows: rows.length }, ip: locals.ip });
  const csv = toCsv([t('reflections.date'), t('reflections.module'), t('reflections.prompt'), t('reflections.text')], rows);
  return csvResponse(csv, locale === 'cy' ? 'dyddlyfr-myfyriol.csv' : 'reflective-log.csv');
};
