import type { APIRoute } from 'astro';
import { recordAudit } from '../server/audit/index.ts';
import { cpdRecord } from '../server/cpd/index.ts';
import { csvResponse, toCsv } from '../server/platform/index.ts';
import { signedIn } from '../server/auth/index.ts';

/** The learner's CPD record as CSV, in the language of the page it was asked from. */
export const GET: APIRoute = async ({ locals }) => {
  const { viewer, scope } = signedIn(locals);
  const { t, locale } = locals;
  const record = await cpdRecord(scope, locale);
  await recordAudit(scope.db, { organisationId: scope.organisationId, actorId: viewer.id, subjectId: viewer.id, action: 'export.created', detail: { export: 'cpd', rows: record.rows.length }, ip: locals.ip }, scope.now.getTime());
  const csv = toCsv(
    // Time as people read it, and whole minutes for spreadsheets to add up.
    [t('cpd.date'), t('cpd.activity'), t('cpd.kind'), t('cpd.programme'), t('cpd.time'), t('cpd.minutes')],
    record.rows.map((r) => [r.date, r.activity, r.kind, r.programme, r.time, r.minutes]),
  );
  return csvResponse(csv, locale === 'cy' ? 'cofnod-dpp.csv' : 'cpd-record.csv');
};
