import { describe, expect, it } from 'vitest';
import {
  COMPARISON_CONTRIBUTION_MINIMUM,
  COMPARISON_MEDIAN_MINIMUM,
  COMPARISON_RANGE_MINIMUM,
  compareCouncils,
  compareFigure,
  sharedFigures,
  type SharedFigureSource,
} from '../../src/domain/evaluation/index.ts';

const shown = <T>(n: number, value: T) => ({ n, value, suppressed: false });
const withheld = (n: number) => ({ n, value: null, suppressed: true });
const councils = (...values: number[]) => values.map((value) => ({ value, n: 12 }));

describe('compareFigure: the median and range across councils', () => {
  it('names its thresholds: a median from three councils, a range from five, each figure of five or more people', () => {
    expect([COMPARISON_MEDIAN_MINIMUM, COMPARISON_RANGE_MINIMUM, COMPARISON_CONTRIBUTION_MINIMUM]).toEqual([3, 5, 5]);
  });

  it('gives nothing for two councils', () => {
    expect(compareFigure(councils(40, 60))).toEqual({ contributors: 2, median: null, range: null });
  });

  it('gives the median but no range for three councils, so no council’s figure is revealed', () => {
    expect(compareFigure(councils(70, 40, 55))).toEqual({ contributors: 3, median: 55, range: null });
  });

  it('gives the mean of the two middle figures as the median of four councils, still without a range', () => {
    expect(compareFigure(councils(10, 40, 20, 30))).toEqual({ contributors: 4, median: 25, range: null });
  });

  it('gives the median and the range from lowest to highest for five councils', () => {
    expect(compareFigure(councils(0.8, 0.4, 0.6, 0.5, 0.7))).toEqual({ contributors: 5, median: 0.6, range: { low: 0.4, high: 0.8 } });
  });

  it('does not count a council whose figure describes fewer than five people', () => {
    const contributions = [...councils(50, 60), { value: 99, n: 4 }];
    expect(compareFigure(contributions)).toEqual({ contributors: 2, median: null, range: null });
    expect(compareFigure([...contributions, { value: 70, n: 5 }])).toEqual({ contributors: 3, median: 60, range: null });
  });
});

describe('compareCouncils: every shared figure compared, none named', () => {
  it('compares each key across the councils that have it, in report order', () => {
    const a = [{ key: 'one-to-one', kind: 'one-to-one' as const, subject: null, value: 60, n: 20 }, { key: 'alpha:2026-Q1', kind: 'alpha' as const, subject: '2026-Q1', value: 0.5, n: 9 }];
    const b = [{ key: 'alpha:2026-Q1', kind: 'alpha' as const, subject: '2026-Q1', value: 0.7, n: 8 }, { key: 'one-to-one', kind: 'one-to-one' as const, subject: null, value: 80, n: 15 }];
    const c = [{ key: 'alpha:2026-Q1', kind: 'alpha' as const, subject: '2026-Q1', value: 0.6, n: 6 }];
    expect(compareCouncils([a, b, c])).toEqual([
      { key: 'alpha:2026-Q1', kind: 'alpha', subject: '2026-Q1', figure: 'decision-alpha', contributors: 3, median: 0.6, range: null },
      { key: 'one-to-one', kind: 'one-to-one', subject: null, figure: 'one-to-one-share', contributors: 2, median: null, range: null },
    ]);
  });
});

describe('sharedFigures: what a council shares from its organisation-wide levels', () => {
  const consistency = (alpha: number | null, panel: number) => ({
    decisionAlpha: { value: alpha, reason: null, reading: 'reading.moderate' as const },
    likelihoodAlpha: { value: 0.5, reason: null, reading: 'reading.moderate' as const },
    decisionKappa: withheld(3),
    percentWithPanel: panel,
  });
  const levels = {
    learning: {
      firstAttempts: [
        { moduleId: 'm1', figure: shown(8, { mean: 72.5, median: 70, distribution: [] }) },
        { moduleId: 'm2', figure: withheld(3) },
      ],
      confidence: [{ programmeId: 'p1', figure: shown(6, { change: { n: 6, meanBefore: 4, meanAfter: 6.5, meanDifference: 2.5, sdDifference: 1, ci95: [1, 4] as [number, number], effectSizeDz: 1, wilcoxon: null }, reading: null }) }],
      miti: {
        reflectionToQuestion: shown(7, { first: 0.6, latest: 1.1 }),
        percentComplexReflections: shown(7, { first: 20, latest: 45 }),
        miAdherentShare: withheld(2),
      },
    },
    behaviour: {
      byQuarter: [
        { quarter: '2026-Q1', figure: shown(9, consistency(0.62, 81)) },
        { quarter: '2026-Q2', figure: shown(9, consistency(null, 75)) },
        { quarter: '2026-Q3', figure: withheld(2) },
      ],
      oneToOne: shown(20, { withSession: 12, percent: 60 }),
    },
  } as unknown as SharedFigureSource;

  it('shares first-attempt means per module, confidence change per programme, the latest MITI measures, alpha and panel agreement per quarter and the 1:1 share, each with its n', () => {
    expect(sharedFigures(levels)).toEqual([
      { key: 'first-attempt:m1', kind: 'first-attempt', subject: 'm1', value: 72.5, n: 8 },
      { key: 'confidence:p1', kind: 'confidence', subject: 'p1', value: 2.5, n: 6 },
      { key: 'miti-reflection-to-question', kind: 'miti-reflection-to-question', subject: null, value: 1.1, n: 7 },
      { key: 'miti-percent-complex-reflections', kind: 'miti-percent-complex-reflections', subject: null, value: 45, n: 7 },
      { key: 'alpha:2026-Q1', kind: 'alpha', subject: '2026-Q1', value: 0.62, n: 9 },
      { key: 'panel:2026-Q1', kind: 'panel', subject: '2026-Q1', value: 81, n: 9 },
      { key: 'panel:2026-Q2', kind: 'panel', subject: '2026-Q2', value: 75, n: 9 },
      { key: 'one-to-one', kind: 'one-to-one', subject: null, value: 60, n: 20 },
    ]);
  });

  it('shares nothing of a suppressed figure or an undefined coefficient', () => {
    const keys = sharedFigures(levels).map((f) => f.key);
    expect(keys).not.toContain('first-attempt:m2');
    expect(keys).not.toContain('miti-mi-adherent-share');
    expect(keys).not.toContain('alpha:2026-Q2');
    expect(keys).not.toContain('alpha:2026-Q3');
  });
});
