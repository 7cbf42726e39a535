import { describe, expect, it } from 'vitest';
import { figureRecordRow, FIGURE_RECORD_COLUMNS, tablesOf, type FigureRecord } from '../../src/domain/evaluation/index.ts';

const record: FigureRecord = {
  level: 2,
  figure: 'confidence-change',
  name: 'Confidence change',
  definition: 'Mean of after − before, for people who rated both.',
  period: '2026-04-01 – 2027-03-31',
  scope: 'Organisation',
  subject: 'Risk Model',
  value: 1.4,
  n: 23,
  suppressed: false,
};

describe('a figure record as an export row', () => {
  it('carries every column in order, with its definition, period, scope and n', () => {
    expect(FIGURE_RECORD_COLUMNS).toEqual(['level', 'figure', 'name', 'definition', 'period', 'scope', 'subject', 'value', 'n', 'suppressed', 'reading']);
    expect(figureRecordRow(record, { yes: 'Yes', no: 'No' })).toEqual([
      2, 'confidence-change', 'Confidence change', 'Mean of after − before, for people who rated both.', '2026-04-01 – 2027-03-31', 'Organisation', 'Risk Model', 1.4, 23, 'No', null,
    ]);
  });

  it('ends with a coefficient’s plain reading where the figure has one', () => {
    const row = figureRecordRow({ ...record, figure: 'decision-alpha', value: 0.5, reading: 'Moderate' }, { yes: 'Yes', no: 'No' });
    expect(row[FIGURE_RECORD_COLUMNS.indexOf('reading')]).toBe('Moderate');
  });

  it('leaves a suppressed figure’s value empty rather than writing a number', () => {
    const row = figureRecordRow({ ...record, value: 0.2, n: 3, suppressed: true }, { yes: 'Ydy', no: 'Nac ydy' });
    expect(row[FIGURE_RECORD_COLUMNS.indexOf('value')]).toBeNull();
    expect(row[FIGURE_RECORD_COLUMNS.indexOf('n')]).toBe(3);
    expect(row[FIGURE_RECORD_COLUMNS.indexOf('suppressed')]).toBe('Ydy');
  });
});

describe('the tables of a report', () => {
  it('are listed depth first in reading order', () => {
    const t = (caption: string) => ({ kind: 'table' as const, table: { caption, columns: [], rows: [] } });
    const tables = tablesOf({
      sections: [
        { heading: 'A', blocks: [t('a1'), { kind: 'paragraph', text: 'x' }, t('a2')], sections: [{ heading: 'A.1', blocks: [t('a1.1')] }] },
        { heading: 'B', blocks: [t('b1')] },
      ],
    });
    expect(tables.map((table) => table.caption)).toEqual(['a1', 'a2', 'a1.1', 'b1']);
  });
});
