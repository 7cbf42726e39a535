import { FIGURE_RECORD_COLUMNS, figureRecordRow, type FigureRecord } from '../../domain/evaluation/index.ts';
import type { Locale } from '../../domain/common/index.ts';
import { labelKey, type Translate } from '../../i18n/index.ts';
import { toCsv } from '../platform/index.ts';

/** Every figure of the report as CSV, one row each with its definition, period, scope and n, in the viewer's language. */
export function figuresCsv(records: readonly FigureRecord[], t: Translate): string {
  const yesNo = { yes: t('evaluationExport.yes'), no: t('evaluationExport.no') };
  return toCsv(
    FIGURE_RECORD_COLUMNS.map((column) => t(labelKey('evaluationExport.column', column))),
    records.map((r) => figureRecordRow(r, yesNo)),
  );
}

/** Every figure of the report as JSON for other tools: the same records as the CSV, with what they describe and when levels 1–3 were worked out. */
export function figuresJson(records: readonly FigureRecord[], about: { title: string; period: string; scope: string; locale: Locale; generatedAt: Date; figuresComputedAt: Date | null }): string {
  const figures = records.map((r) => ({ ...r, value: r.suppressed ? null : r.value }));
  return JSON.stringify({ title: about.title, period: about.period, scope: about.scope, language: about.locale, generatedAt: about.generatedAt.toISOString(), figuresComputedAt: about.figuresComputedAt?.toISOString() ?? null, figures }, null, 2);
}
