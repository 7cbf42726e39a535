import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import type { ReportDocument } from '../../src/domain/evaluation/index.ts';
import { reportDocx } from '../../src/server/evaluation/index.ts';

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
