// **Download** the evaluation report (Word, CSV, JSON): the page's own data, audited.
import { londonDate, type Locale } from '../../domain/common/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Scope } from '../people/index.ts';
import { csvResponse, downloadResponse, DOCX_TYPE } from '../platform/index.ts';
import { reportDocx } from './report-docx.ts';
import { figuresCsv, figuresJson } from './report-exports.ts';
import { evaluationReportData, figureRecords, reportChoices, reportDocument, reportFileName, reportPeriodText, reportScopeName, type ReportContent } from './report-model.ts';

export const REPORT_EXPORT_FORMATS = ['docx', 'csv', 'json'] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];

/**
 * The report for the period and scope in `query` as a file to download, or 403 (the report is not
 * the viewer's) or 404 (a scope the viewer may not choose). Every export is audited as
 * `evaluation.exported` with its format, scope and period.
 */
export async function reportExportResponse(scope: Scope, locale: Locale, t: Translate, content: ReportContent, query: URLSearchParams, format: ReportExportFormat, ip: string | null): Promise<Response> {
  const choices = await reportChoices(scope, locale, content);
  if (!choices) return new Response(t('errors.403.title'), { status: 403 });
  const data = await evaluationReportData(scope, locale, choices, query);
  if (!data) return new Response(t('errors.404.title'), { status: 404 });
  const now = scope.now.getTime();
  const filename = reportFileName(locale, londonDate(now), format);
  let response: Response;
  if (format === 'docx') response = downloadResponse(await reportDocx(reportDocument(data, t, locale)), DOCX_TYPE, filename);
  else {
    const records = figureRecords(data, t, locale);
    response =
      format === 'csv'
        ? csvResponse(figuresCsv(records, t), filename)
        : downloadResponse(
            figuresJson(records, { title: t('report.title'), period: reportPeriodText(locale, data.period), scope: reportScopeName(t, data.chosen), locale, generatedAt: scope.now, figuresComputedAt: data.computedAt === null ? null : new Date(data.computedAt) }),
            'application/json; charset=utf-8',
            filename,
          );
  }
  await recordAudit(
    scope.db,
    { organisationId: scope.organisationId, actorId: scope.viewer.id, action: 'evaluation.exported', detail: { format, scope: data.chosen.key, from: data.period.from, to: data.period.to }, ip },
    now,
  );
  return response;
}
