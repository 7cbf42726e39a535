import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ReportBlock, ReportCell, ReportDocument, DocumentSection, ReportTable } from '../../domain/evaluation/index.ts';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

function cellText(cell: ReportCell, numberFormat: Intl.NumberFormat): string {
  if (cell === null) return '–';
  return typeof cell === 'number' ? numberFormat.format(cell) : cell;
}

function table(t: ReportTable, numberFormat: Intl.NumberFormat): (Paragraph | Table)[] {
  const row = (cells: readonly ReportCell[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: cells.map((cell) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: cellText(cell, numberFormat), bold: header })] })] })),
    });
  return [
    // Word has no table caption element: a captioned paragraph before the table is what its own Insert Caption makes.
    new Paragraph({ style: 'Caption', children: [new TextRun({ text: t.caption })] }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(t.columns, true), ...t.rows.map((r) => row(r, false))] }),
    new Paragraph({ text: '' }),
  ];
}

function block(b: ReportBlock, numberFormat: Intl.NumberFormat): (Paragraph | Table)[] {
  return b.kind === 'paragraph' ? [new Paragraph({ text: b.text })] : table(b.table, numberFormat);
}

function section(s: DocumentSection, depth: number, numberFormat: Intl.NumberFormat): (Paragraph | Table)[] {
  return [
    new Paragraph({ text: s.heading, heading: HEADINGS[Math.min(depth, HEADINGS.length - 1)] }),
    ...s.blocks.flatMap((b) => block(b, numberFormat)),
    ...(s.sections ?? []).flatMap((child) => section(child, depth + 1, numberFormat)),
  ];
}

/**
 * The report as a Word document with the page's headings, paragraphs and tables, marked as Welsh
 * or English so Word's spelling and screen readers use the right language.
 */
export async function reportDocx(report: ReportDocument): Promise<Uint8Array<ArrayBuffer>> {
  const language = report.locale === 'cy' ? 'cy-GB' : 'en-GB';
  const numberFormat = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const doc = new Document({
    title: report.title,
    description: report.subtitle,
    creator: 'Camau',
    styles: { default: { document: { run: { language: { value: language }, font: 'Arial', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ text: report.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: report.subtitle }),
          ...report.sections.flatMap((s) => section(s, 0, numberFormat)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
