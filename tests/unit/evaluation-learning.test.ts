import { describe, expect, it } from 'vitest';
import {
  confidenceByProgramme,
  firstAttemptScores,
  miAdherentShare,
  mitiFirstAndLatest,
  mitiMeasures,
  scoreBin,
  type ConfidencePair,
  type KnowledgeCheckRecord,
  type SimulationRecord,
} from '../../src/domain/evaluation/index.ts';

const period = { from: '2026-04-01', to: '2026-06-30' };
const day = (d: number) => Date.parse(`2026-05-${String(d).padStart(2, '0')}T10:00:00Z`);

describe('first-attempt knowledge-check scores (level 2)', () => {
  const check = (personId: string, score: number, submittedAt = day(1), moduleId = 'thresholds'): KnowledgeCheckRecord => ({ personId, moduleId, score, total: 10, submittedAt });

  it('puts a score in its band of ten, a full score in the last band', () => {
    expect([0, 9.9, 10, 55, 90, 99, 100].map(scoreBin)).toEqual([0, 0, 1, 5, 9, 9, 9]);
  });

  it('count each person’s first attempt at a module, when it falls in the period', () => {
    const records = [
      check('a', 8, day(1)),
      check('a', 10, day(5)), // a's retry: not a first attempt
      check('b', 6),
      check('c', 10),
      check('d', 5),
      check('e', 9),
      check('f', 2, Date.parse('2026-03-01T10:00:00Z')), // f's first attempt was before the period …
      check('f', 10, day(2)), // … so the retry in the period does not count
      check('g', 1, Date.parse('2026-07-01T10:00:00Z')), // after the period
    ];
    // Percentages 80, 60, 100, 50, 90: mean 76, median 80.
    expect(firstAttemptScores(records, period)).toEqual([
      { moduleId: 'thresholds', figure: { n: 5, suppressed: false, value: { mean: 76, median: 80, distribution: [0, 0, 0, 0, 0, 1, 1, 0, 1, 2] } } },
    ]);
  });

  it('take the median of an even number of scores as the mean of the middle two', () => {
    const records = ['a', 'b', 'c', 'd', 'e', 'f'].map((p, i) => check(p, [3, 4, 6, 7, 8, 8][i]!));
    expect(firstAttemptScores(records, period)[0]!.figure.value).toMatchObject({ median: 65, mean: 60 });
  });

  it('are suppressed for a module fewer than five people attempted', () => {
    const records = ['a', 'b', 'c', 'd'].map((p) => check(p, 7, day(1), 'conversations'));
    expect(firstAttemptScores(records, period)).toEqual([{ moduleId: 'conversations', figure: { n: 4, value: null, suppressed: true } }]);
  });
});

describe('confidence before and after per programme (level 2)', () => {
  const pair = (personId: string, before: number, after: number, ratedAt = day(3)): ConfidencePair => ({ personId, programmeId: 'ecp', before, after, ratedAt });

  it('measures the paired change over the people whose after-ratings fall in the period, and reads it', () => {
    const pairs = [
      pair('a', 1, 1, day(1)), // a's earlier pair: the latest one counts
      pair('a', 4, 6),
      pair('b', 5, 7),
      pair('c', 3, 6),
      pair('d', 6, 7),
      pair('e', 5, 8),
      pair('z', 1, 10, Date.parse('2026-08-01T10:00:00Z')), // after the period
    ];
    // Differences 2, 2, 3, 1, 3: mean 2.2, sd √0.7 ≈ 0.8367; t(0.975, 4) = 2.7764, half-width 1.0388.
    const [result] = confidenceByProgramme(pairs, period);
    expect(result!.programmeId).toBe('ecp');
    expect(result!.figure.n).toBe(5);
    const value = result!.figure.value!;
    expect(value.change.meanBefore).toBeCloseTo(4.6, 10);
    expect(value.change.meanAfter).toBeCloseTo(6.8, 10);
    expect(value.change.meanDifference).toBeCloseTo(2.2, 10);
    expect(value.change.ci95![0]).toBeCloseTo(1.1612, 3);
    expect(value.change.ci95![1]).toBeCloseTo(3.2388, 3);
    expect(value.reading?.key).toBe('tna.reading.improved');
  });

  it('is suppressed below five people', () => {
    expect(confidenceByProgramme([pair('a', 4, 6), pair('b', 4, 6), pair('c', 4, 6), pair('d', 4, 6)], period)).toEqual([
      { programmeId: 'ecp', figure: { n: 4, value: null, suppressed: true } },
    ]);
  });
});

describe('MITI figures on first and latest practice conversations (level 2)', () => {
  // First: 4 questions, 2 simple + 2 complex reflections, 1 adherent, 1 non-adherent → R:Q 1, 50 % complex, 50 % adherent.
  const first = { questions: 4, simpleReflections: 2, complexReflections: 2, miAdherent: 1, miNonAdherent: 1 };
  // Latest: 2 questions, 2 simple + 4 complex, 3 adherent → R:Q 3, 66.7 % complex, 100 % adherent.
  const latest = { questions: 2, simpleReflections: 2, complexReflections: 4, miAdherent: 3, miNonAdherent: 0 };
  const attempt = (personId: string, counts: SimulationRecord['counts'], completedAt: number, recodes: SimulationRecord['recodes'] = []): SimulationRecord => ({ personId, counts, completedAt, recodes });

  it('gives the MI-adherent share of all adherent and non-adherent behaviours, undefined with none', () => {
    expect(miAdherentShare(first)).toBe(50);
    expect(miAdherentShare({ ...first, miAdherent: 0, miNonAdherent: 0 })).toBeNull();
  });

  it('read an attempt’s measures from its counts after the mentor’s recodes', () => {
    expect(mitiMeasures({ counts: latest, recodes: [] })).toEqual({ reflectionToQuestion: 3, percentComplexReflections: (4 / 6) * 100, miAdherentShare: 100 });
    // The mentor heard a simple reflection where the learner coded a complex one: 3 simple + 3 complex.
    expect(mitiMeasures({ counts: latest, recodes: [{ selfCode: 'complex-reflection', mentorCode: 'simple-reflection' }] })).toEqual({
      reflectionToQuestion: 3,
      percentComplexReflections: 50,
      miAdherentShare: 100,
    });
  });

  it('average each measure over people with two or more attempts in the period, using mentor codes where given', () => {
    const records = [
      ...['p1', 'p2', 'p3', 'p4'].flatMap((p) => [attempt(p, first, day(1)), attempt(p, { ...first, questions: 9 }, day(2)), attempt(p, latest, day(3))]),
      attempt('p5', first, day(1)),
      attempt('p5', latest, day(4), [{ selfCode: 'complex-reflection', mentorCode: 'simple-reflection' }]),
      // p6's first attempt had no questions and no adherent or non-adherent behaviour: only % complex is defined for both attempts.
      attempt('p6', { questions: 0, simpleReflections: 1, complexReflections: 1, miAdherent: 0, miNonAdherent: 0 }, day(1)),
      attempt('p6', latest, day(2)),
      // p7 has one attempt in the period (the other is before it): no first-and-latest pair.
      attempt('p7', first, Date.parse('2026-03-01T10:00:00Z')),
      attempt('p7', latest, day(2)),
    ];
    const figures = mitiFirstAndLatest(records, period);
    expect(figures.reflectionToQuestion).toEqual({ n: 5, suppressed: false, value: { first: 1, latest: 3 } });
    // Latest % complex: five people at 66.67 (p1–p4, p6) and p5 at 50 after recoding: (4 × 200/3 + 50 + 200/3) / 6 = 63.89.
    expect(figures.percentComplexReflections.n).toBe(6);
    expect(figures.percentComplexReflections.value!.first).toBeCloseTo(50, 10);
    expect(figures.percentComplexReflections.value!.latest).toBeCloseTo(63.889, 3);
    expect(figures.miAdherentShare).toEqual({ n: 5, suppressed: false, value: { first: 50, latest: 100 } });
  });

  it('are suppressed below five people', () => {
    const records = ['p1', 'p2', 'p3', 'p4'].flatMap((p) => [attempt(p, first, day(1)), attempt(p, latest, day(2))]);
    const figures = mitiFirstAndLatest(records, period);
    expect(figures.reflectionToQuestion).toEqual({ n: 4, value: null, suppressed: true });
    expect(figures.miAdherentShare.suppressed).toBe(true);
  });
});
