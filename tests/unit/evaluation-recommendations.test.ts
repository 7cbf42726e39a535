import { describe, expect, it } from 'vitest';
import {
  LOW_DECISION_ALPHA,
  LOW_USEFULNESS_MEAN,
  ONE_TO_ONE_GAP_PERCENT,
  phaseRisks,
  recommendations,
  type DecisionConsistency,
  type Figure,
  type RecommendationInput,
} from '../../src/domain/evaluation/index.ts';
import { pairedChange, type ReactionFigures } from '../../src/domain/training/index.ts';

const none: RecommendationInput = { teamConsistency: [], phases: [], confidence: [], reactions: [], teamOneToOne: [] };
const shown = <T>(n: number, value: T): Figure<T> => ({ n, value, suppressed: false });
const hidden = <T>(n: number): Figure<T> => ({ n, value: null, suppressed: true });

const consistency = (alpha: number | null): DecisionConsistency => ({
  decisionAlpha: { value: alpha, reason: null, reading: 'reading.moderate' },
  likelihoodAlpha: { value: null, reason: 'no-variation', reading: 'reading.undefined' },
  decisionKappa: hidden(0),
  percentWithPanel: 70,
});
const reactionsWithUsefulness = (n: number, mean: number): ReactionFigures => {
  const item = { mean, counts: [0, 0, 0, 0, 0] as [number, number, number, number, number] };
  return { n, usefulness: item, relevance: item, confidence: item };
};
const confidence = (differences: number[]) => {
  const change = pairedChange(differences.map((d) => ({ before: 5, after: 5 + d })));
  return shown(change.n, { change, reading: null });
};

describe('recommendations', () => {
  it('raise nothing when every figure is fine', () => {
    expect(recommendations(none)).toEqual([]);
  });

  it('flag a team whose decision agreement is below 0.667 with at least five raters, not one at 0.667', () => {
    const flags = recommendations({
      ...none,
      teamConsistency: [
        { teamId: 'north', figure: shown(6, consistency(0.666)) },
        { teamId: 'south', figure: shown(8, consistency(LOW_DECISION_ALPHA)) },
        { teamId: 'west', figure: shown(5, consistency(null)) }, // undefined: nothing to judge
        { teamId: 'east', figure: hidden(4) }, // four raters: suppressed, never flagged
      ],
    });
    expect(flags).toEqual([{ rule: 'team-decision-agreement-low', teamId: 'north', figures: { alpha: 0.666, raters: 6 } }]);
  });

  it('flag a rollout phase judged at risk', () => {
    const flags = recommendations({
      ...none,
      phases: [
        { phaseId: 'pilot', atRisk: false, projectedPercent: 95, targetPercent: 90 },
        { phaseId: 'wave-2', atRisk: true, projectedPercent: 61.5, targetPercent: 80 },
      ],
    });
    expect(flags).toEqual([{ rule: 'rollout-phase-at-risk', phaseId: 'wave-2', figures: { projectedPercent: 61.5, targetPercent: 80 } }]);
  });

  it('flag a programme whose confidence change has a 95% interval wholly at or below zero', () => {
    const flags = recommendations({
      ...none,
      confidence: [
        // −1, −2, 0, −1, −1: mean −1, sd √0.5, interval −1 ± 2.7764 × 0.7071 / √5 = [−1.878, −0.122].
        { programmeId: 'falling', figure: confidence([-1, -2, 0, -1, -1]) },
        // −1, 0, 1, 0, 0: the interval spans zero.
        { programmeId: 'unclear', figure: confidence([-1, 0, 1, 0, 0]) },
        // Nobody's confidence moved: no spread, the interval is [0, 0].
        { programmeId: 'flat', figure: confidence([0, 0, 0, 0, 0]) },
        { programmeId: 'small', figure: hidden(3) },
      ],
    });
    expect(flags.map((f) => f.rule === 'confidence-not-improving' && f.programmeId)).toEqual(['falling', 'flat']);
    const falling = flags[0]!;
    expect(falling.rule).toBe('confidence-not-improving');
    if (falling.rule !== 'confidence-not-improving') return;
    expect(falling.figures.n).toBe(5);
    expect(falling.figures.meanDifference).toBe(-1);
    expect(falling.figures.ci95[0]).toBeCloseTo(-1.878, 3);
    expect(falling.figures.ci95[1]).toBeCloseTo(-0.122, 3);
    expect(flags[1]).toEqual({ rule: 'confidence-not-improving', programmeId: 'flat', figures: { n: 5, meanDifference: 0, ci95: [0, 0] } });
  });

  it('flag a workshop programme whose mean usefulness is below 3.5 from at least five reactions', () => {
    const flags = recommendations({
      ...none,
      reactions: [
        { programmeId: 'dull', figure: shown(6, reactionsWithUsefulness(6, 3.4)) },
        { programmeId: 'fine', figure: shown(9, reactionsWithUsefulness(9, LOW_USEFULNESS_MEAN)) },
        { programmeId: 'few', figure: hidden(4) },
      ],
    });
    expect(flags).toEqual([{ rule: 'workshop-usefulness-low', programmeId: 'dull', figures: { meanUsefulness: 3.4, reactions: 6 } }]);
  });

  it('flag a team where more than 20% of mentees had no 1:1 session in 8 weeks, not one at exactly 20%', () => {
    const flags = recommendations({
      ...none,
      teamOneToOne: [
        { teamId: 'north', figure: shown(10, { withSession: 8, percent: 80 }) }, // 20 % without: at the line
        { teamId: 'south', figure: shown(10, { withSession: 7, percent: 70 }) }, // 30 % without
        { teamId: 'east', figure: hidden(3) },
      ],
    });
    expect(ONE_TO_ONE_GAP_PERCENT).toBe(20);
    expect(flags).toEqual([{ rule: 'team-one-to-one-gap', teamId: 'south', figures: { mentees: 10, withoutSession: 3, percentWithout: 30 } }]);
  });

  it('list flags rule by rule', () => {
    const flags = recommendations({
      teamConsistency: [{ teamId: 'north', figure: shown(6, consistency(0.5)) }],
      phases: [{ phaseId: 'wave-2', atRisk: true, projectedPercent: null, targetPercent: 80 }],
      confidence: [{ programmeId: 'falling', figure: confidence([-1, -2, 0, -1, -1]) }],
      reactions: [{ programmeId: 'dull', figure: shown(6, reactionsWithUsefulness(6, 2)) }],
      teamOneToOne: [{ teamId: 'south', figure: shown(5, { withSession: 1, percent: 20 }) }],
    });
    expect(flags.map((f) => f.rule)).toEqual(['team-decision-agreement-low', 'rollout-phase-at-risk', 'confidence-not-improving', 'workshop-usefulness-low', 'team-one-to-one-gap']);
  });
});

describe('rollout phases for the rollout rule', () => {
  // 10 people eligible; 3 done long ago and 1 in the last 28 days before 1 June: 40 % now, 1/10 per 28 days.
  const phase = {
    phaseId: 'wave-2',
    startsOn: '2026-04-01',
    endsOn: '2026-06-28',
    targetPercent: 80,
    completedOn: ['2026-04-02', '2026-04-03', '2026-04-04', '2026-05-20'],
    eligible: 10,
  };

  it('are judged by the rollout rule on the period’s last day when the period is over', () => {
    // On 1 June: 40 % + (10 % / 28 days) × 27 days left ≈ 49.6 %, below the 80 % target.
    const [judged] = phaseRisks([phase], '2026-06-01', '2026-12-01');
    expect(judged!.atRisk).toBe(true);
    expect(judged!.projectedPercent).toBeCloseTo(40 + (10 / 28) * 27, 10);
    expect(judged!.targetPercent).toBe(80);
  });

  it('are judged today while the period is still running, and not before a phase starts', () => {
    expect(phaseRisks([phase], '2026-12-31', '2026-03-01')).toEqual([{ phaseId: 'wave-2', atRisk: false, projectedPercent: null, targetPercent: 80 }]);
  });
});
