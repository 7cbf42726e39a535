import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'csv-parse/sync';
import type { FigureRecord, ReportDocument } from '../../src/domain/evaluation/index.ts';
import { figuresCsv, figuresJson, reportDocx } from '../../src/server/evaluation/index.ts';
import { translator } from '../../src/i18n/index.ts';

const report: ReportDocument = {
  locale: 'cy',
  title: 'Gwerthuso',
  subtitle: 'Ebrill 2026 i Fawrth 2027 · Cyngor Dychmygol',
  sections: [
    {
      heading: '1 Ymateb',
      blocks: [
        { kind: 'paragraph', text: 'Ymatebion i’r gweithdai: pa mor ddefnyddiol, perthnasol a hyderus.' },
        { kind: 'table', table: { caption: 'Defnyddioldeb yn ôl rhaglen', columns: ['Rhaglen', 'Cymedr', 'n'], rows: [['Sgyrsiau Cydweithredol', 4.25, 12], ['Model Risg', null, 3]] } },
      ],
      sections: [{ heading: 'Sylwadau', blocks: [{ kind: 'paragraph', text: 'Ŵyr a ŷd: llythrennau Cymraeg yn gyfan.' }] }],
    },
  ],
};

function documentXml(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('no word/document.xml in the package');
  return strFromU8(xml);
}

describe('the report as a Word document', () => {
  it('is a Word package whose body holds the title, every heading, paragraph and table cell in order', async () => {
    const xml = documentXml(await reportDocx(report));
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts).toEqual([
      'Gwerthuso',
      'Ebrill 2026 i Fawrth 2027 · Cyngor Dychmygol',
      '1 Ymateb',
      'Ymatebion i’r gweithdai: pa mor ddefnyddiol, perthnasol a hyderus.',
      'Defnyddioldeb yn ôl rhaglen',
      'Rhaglen',
      'Cymedr',
      'n',
      'Sgyrsiau Cydweithredol',
      '4.25',
      '12',
      'Model Risg',
      '–',
      '3',
      'Sylwadau',
      'Ŵyr a ŷd: llythrennau Cymraeg yn gyfan.',
    ]);
  });

  it('marks headings with Word heading styles and repeats each table’s header row on every page', async () => {
    const xml = documentXml(await reportDocx(report));
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  });

  it('declares the report’s language so Word checks Welsh as Welsh', async () => {
    const files = unzipSync(await reportDocx(report));
    expect(strFromU8(files['word/styles.xml']!)).toContain('w:val="cy-GB"');
    const english = unzipSync(await reportDocx({ ...report, locale: 'en' }));
    expect(strFromU8(english['word/styles.xml']!)).toContain('w:val="en-GB"');
  });
});

const figures: FigureRecord[] = [
  { level: 1, figure: 'reaction-usefulness', name: '=Usefulness', definition: 'Mean rating, 1–5.', period: '2026-Q1 – 2026-Q4', scope: 'Tîm Asesu a Diogelu', subject: 'Model Risg', value: 4.2, n: 17, suppressed: false },
  { level: 2, figure: 'confidence-change', name: 'Confidence change', definition: 'after − before', period: '2026-Q1 – 2026-Q4', scope: 'Tîm Asesu a Diogelu', subject: 'Sgyrsiau', value: 0.4, n: 3, suppressed: true },
];

describe('the figures exports', () => {
  it('write one CSV row per figure under a Welsh header, formula-safe, with a suppressed figure’s value left empty', () => {
    const csv = figuresCsv(figures, translator('cy'));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, first, second] = parse(csv.slice(1)) as string[][];
    expect(header).toEqual(['Lefel', 'Dynodydd y ffigur', 'Ffigur', 'Diffiniad', 'Cyfnod', 'Cwmpas', 'Pwnc', 'Gwerth', 'n', 'Wedi’i guddio (llai na 5 o bobl)', 'Beth mae’n ei olygu']);
    expect(first?.slice(0, 10)).toEqual(['1', 'reaction-usefulness', "'=Usefulness", 'Mean rating, 1–5.', '2026-Q1 – 2026-Q4', 'Tîm Asesu a Diogelu', 'Model Risg', '4.2', '17', 'Nac ydy']);
    expect(second?.slice(7, 10)).toEqual(['', '3', 'Ydy']);
  });

  it('write the same records as JSON with what they describe, and no value for a suppressed figure', () => {
    const json = JSON.parse(figuresJson(figures, { title: 'Evaluation', period: '2026', scope: 'Organisation', locale: 'en', generatedAt: new Date('2026-12-05T10:00:00Z'), figuresComputedAt: new Date('2026-12-05T09:55:00Z') }));
    expect(json).toMatchObject({ title: 'Evaluation', period: '2026', scope: 'Organisation', language: 'en', generatedAt: '2026-12-05T10:00:00.000Z', figuresComputedAt: '2026-12-05T09:55:00.000Z' });
    expect(json.figures).toHaveLength(2);
    expect(json.figures[0]).toEqual(figures[0]);
    expect(json.figures[1]).toEqual({ ...figures[1], value: null });
  });
});
