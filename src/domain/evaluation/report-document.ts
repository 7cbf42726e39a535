import type { Locale } from '../common/index.ts';

// The evaluation report as a document: headings, paragraphs and tables, already translated.
// The page, the .docx export and the figures exports are all written from one of these.

export type ReportCell = string | number | null;
export type ReportTable = { caption: string; columns: readonly string[]; rows: readonly (readonly ReportCell[])[] };
export type ReportBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; table: ReportTable };
export type DocumentSection = { heading: string; blocks: readonly ReportBlock[]; sections?: readonly DocumentSection[] };
export type ReportDocument = { locale: Locale; title: string; subtitle: string; sections: readonly DocumentSection[] };

/** The Kirkpatrick levels the report is organised by. */
export const EVALUATION_LEVELS = [1, 2, 3, 4] as const;
export type EvaluationLevel = (typeof EVALUATION_LEVELS)[number];

/** One figure as the CSV and JSON exports carry it: its definition, period, scope and n travel with it. */
export type FigureRecord = {
  level: EvaluationLevel;
  figure: string;
  name: string;
  definition: string;
  period: string;
  scope: string;
  subject: string;
  value: number | null;
  n: number | null;
  suppressed: boolean;
  /** A coefficient's plain reading, or why it is undefined; absent for other figures. */
  reading?: string;
};

/** The figures export's columns, in order; the header row translates them. */
export const FIGURE_RECORD_COLUMNS = ['level', 'figure', 'name', 'definition', 'period', 'scope', 'subject', 'value', 'n', 'suppressed', 'reading'] as const;
export type FigureRecordColumn = (typeof FIGURE_RECORD_COLUMNS)[number];

/** A figure record as a CSV row in column order: a suppressed figure has no value, never a zero. */
export function figureRecordRow(record: FigureRecord, yesNo: { yes: string; no: string }): (string | number | null)[] {
  return FIGURE_RECORD_COLUMNS.map((column) => {
    if (column === 'suppressed') return record.suppressed ? yesNo.yes : yesNo.no;
    if (column === 'value') return record.suppressed ? null : record.value;
    return record[column] ?? null;
  });
}

/** Every table of a document, depth first, in reading order. */
export function tablesOf(document: Pick<ReportDocument, 'sections'>): ReportTable[] {
  const walk = (sections: readonly DocumentSection[]): ReportTable[] =>
    sections.flatMap((s) => [...s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])), ...walk(s.sections ?? [])]);
  return walk(document.sections);
}
