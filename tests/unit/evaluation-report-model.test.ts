import { describe, expect, it } from 'vitest';
import { tablesOf, type ReportTable } from '../../src/domain/evaluation/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { figureRecords, quarterLabel, recommendationText, reportDocument } from '../../src/server/evaluation/index.ts';
import { data, levels, PERIOD } from '../support/evaluation-report-fixture.ts';

const table = (tables: ReportTable[], caption: string) => tables.find((t) => t.caption === caption)!;
const paragraphs = (doc: ReturnType<typeof reportDocument>): string[] => {
  const walk = (sections: typeof doc.sections): string[] => sections.flatMap((s) => [...s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])), ...walk(s.sections ?? [])]);
  return walk(doc.sections);
};

describe('a quarter of the report by name', () => {
  it('is named as the indicators page names it, in the viewer’s language', () => {
    expect(quarterLabel(translator('en'), 'en', '2025-Q4', PERIOD)).toBe('Q4 2025');
    expect(quarterLabel(translator('cy'), 'cy', '2025-Q4', PERIOD)).toBe('Chwarter 4 2025');
  });

  it('says which dates it covers when the period takes only part of it', () => {
    expect(quarterLabel(translator('en'), 'en', '2025-Q3', PERIOD)).toBe('Q3 2025 (part: 15 August 2025 – 30 September 2025)');
    expect(quarterLabel(translator('cy'), 'cy', '2025-Q3', PERIOD)).toMatch(/^Chwarter 3 2025 \(rhan: 15 Awst 2025 – 30 Medi 2025\)$/);
  });
});

describe('the report as a Word document', () => {
  const t = translator('en');

  it('says under its title when levels 1 to 3 were worked out, in the reader’s language', () => {
    expect(reportDocument(data(), translator('en'), 'en').subtitle).toMatch(/Levels 1 to 3 were worked out from the records at .+\.$/);
    expect(reportDocument(data(), translator('cy'), 'cy').subtitle).toMatch(/Cafodd lefelau 1 i 3 eu cyfrifo o’r cofnodion am .+\.$/);
    expect(reportDocument({ ...data(), computedAt: null }, translator('en'), 'en').subtitle).not.toContain('worked out');
  });

  it('has a table of how many gave each rating, per programme and question', () => {
    const counts = table(tablesOf(reportDocument(data(), t, 'en')), 'How many gave each rating, by programme and question (n counts reactions)');
    expect(counts.columns).toEqual(['Programme', 'Question', 'n', 'Rated 1', 'Rated 2', 'Rated 3', 'Rated 4', 'Rated 5']);
    expect(counts.rows).toEqual([
      ['Effective Child Protection', 'Usefulness', 6, 1, 1, 0, 2, 2],
      ['Effective Child Protection', 'Relevance', 6, 0, 0, 6, 0, 0],
      ['Effective Child Protection', 'Confidence to use', 6, 0, 0, 0, 6, 0],
    ]);
  });

  it('gives each calibration round and quarter every coefficient with its reading, or why it is undefined', () => {
    const tables = tablesOf(reportDocument(data(), t, 'en'));
    const rounds = table(tables, 'Consistency in each calibration round that ended in the period (n counts people)');
    expect(rounds.columns).toEqual([
      'Calibration round',
      'n',
      'Agreement on decisions (alpha)',
      'What it means',
      'Agreement on likelihood (alpha)',
      'What the likelihood figure means',
      'Fleiss’ kappa (people who answered every situation)',
      'What kappa means',
      'Agreement with the panel',
    ]);
    const noVariation = t('consistency.undefined.no-variation');
    expect(rounds.rows).toEqual([['Autumn calibration', 6, '0.55', t('reading.moderate'), 'not defined', noVariation, 'not defined (n = 5)', noVariation, '80.0%']]);
    const quarters = table(tables, 'Consistency of threshold decisions by quarter (n counts people)');
    expect(quarters.rows[0]).toEqual(['Q3 2025 (part: 15 August 2025 – 30 September 2025)', 6, '0.70', t('reading.substantial'), 'not defined', noVariation, 'not defined (n = 5)', noVariation, '80.0%']);
    expect(quarters.rows[1]).toEqual(['Q4 2025', 2, ...Array(7).fill('Not shown: fewer than 5 people')]);
  });

  it('lists the workshop comments for an admin, without names', () => {
    const text = paragraphs(reportDocument(data(), t, 'en'));
    expect(text).toContain('Comments people wrote (1), without names');
    expect(text).toContain('Effective Child Protection: More role play, please.');
  });

  it('says under Level 3 of a programme that its figures are the whole organisation’s, in both languages', () => {
    expect(paragraphs(reportDocument(data('programme'), t, 'en'))).toContain(t('report.levels.behaviour.wholeStaff'));
    expect(paragraphs(reportDocument(data('programme'), translator('cy'), 'cy'))).toContain(translator('cy')('report.levels.behaviour.wholeStaff'));
    expect(paragraphs(reportDocument(data(), t, 'en'))).not.toContain(t('report.levels.behaviour.wholeStaff'));
  });
});

describe('the report’s figure records', () => {
  const t = translator('en');
  const records = () => figureRecords(data(), t, 'en');
  const find = (figure: string, subject?: string) => records().find((r) => r.figure === figure && (subject === undefined || r.subject === subject));

  it('count how many gave each rating per question', () => {
    expect(find('reaction-usefulness-rated-4')).toMatchObject({ level: 1, name: 'Usefulness of workshops (number who rated 4)', subject: 'Effective Child Protection', value: 2, n: 6 });
    expect(find('reaction-relevance-rated-3')).toMatchObject({ value: 6, n: 6 });
  });

  it('carry the first-attempt median, the confidence means and interval, and the 1:1 count beside its percent', () => {
    expect(find('first-attempt-score-median')).toMatchObject({ value: 75, n: 5, name: 'First-attempt knowledge-check score (median)' });
    expect([find('confidence-change-mean-before')?.value, find('confidence-change-mean-after')?.value]).toEqual([4.2, 6.1]);
    expect([find('confidence-change-ci95-low')?.value, find('confidence-change-ci95-high')?.value]).toEqual([1.2, 2.6]);
    expect(find('one-to-one-share')).toMatchObject({ value: 60, n: 5 });
    expect(find('one-to-one-share-count')).toMatchObject({ value: 3, n: 5 });
  });

  it('carry every round figure with its reading or reason, kappa with its own n, under quarter names with their dates', () => {
    const round = records().filter((r) => r.subject === 'Autumn calibration');
    expect(round.map((r) => [r.figure, r.value, r.n, r.reading])).toEqual([
      ['decision-alpha', 0.55, 6, t('reading.moderate')],
      ['likelihood-alpha', null, 6, t('consistency.undefined.no-variation')],
      ['decision-kappa', null, 5, t('consistency.undefined.no-variation')],
      ['panel-agreement', 80, 6, undefined],
    ]);
    expect(find('decision-alpha', 'Q3 2025 (part: 15 August 2025 – 30 September 2025)')).toMatchObject({ value: 0.7, reading: t('reading.substantial') });
    expect(find('decision-alpha', 'Q4 2025')).toMatchObject({ value: null, suppressed: true });
    expect(find('decision-alpha', 'Q4 2025')).not.toHaveProperty('reading');
  });
});

describe('the low-agreement flag', () => {
  it('writes the alpha to three places, never rounded up to the rule’s 0.667', () => {
    const [flag] = levels().recommendations;
    expect(recommendationText(translator('en'), 'en', data().names, flag!)).toBe('Team one: agreement on decisions 0.666 from 6 people.');
  });
});
