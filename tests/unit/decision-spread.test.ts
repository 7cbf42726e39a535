import { describe, expect, it } from 'vitest';
import { decisionSpread, describeDecisionSpread, DECISIONS, type Decision } from '../../src/domain/thresholds/index.ts';

const panel = (decision: Decision, significant: 'yes' | 'no', borderline = false) => ({ decision, significant, borderline });
/** One vignette per decision on the scale, with a borderline case on each side of the threshold. */
const fair = [
  panel('no-further-action', 'no'),
  panel('information-and-advice', 'no'),
  panel('care-and-support-assessment', 'no', true),
  panel('strategy-discussion', 'yes', true),
  panel('immediate-protection', 'yes'),
];

describe('the spread of the panel’s decisions across the vignettes', () => {
  it('counts each decision on the scale, including those no vignette has', () => {
    const spread = decisionSpread([panel('strategy-discussion', 'yes'), panel('strategy-discussion', 'yes', true), panel('information-and-advice', 'no')]);
    expect(spread.counts).toEqual({ 'no-further-action': 0, 'information-and-advice': 1, 'care-and-support-assessment': 0, 'strategy-discussion': 2, 'immediate-protection': 0 });
    expect(spread.borderline).toEqual({ met: 1, notMet: 0 });
  });

  it('accepts a set in which every decision appears and borderline cases fall on both sides', () => {
    expect(decisionSpread(fair).problems).toEqual([]);
  });

  it('names every decision that no vignette has', () => {
    const spread = decisionSpread(fair.filter((p) => p.decision !== 'no-further-action' && p.decision !== 'immediate-protection'));
    expect(spread.problems).toContain('no vignette has the panel decision "no-further-action", "immediate-protection"');
  });

  it('refuses a set where one decision is more than half, so always giving it would match the panel', () => {
    const half = decisionSpread([...fair, ...Array.from({ length: 3 }, () => panel('care-and-support-assessment', 'no'))]);
    expect(half.counts['care-and-support-assessment']).toBe(4);
    expect(half.problems).toEqual([]); // 4 of 8 is half, which is allowed
    const tipped = decisionSpread([...fair, ...Array.from({ length: 4 }, () => panel('care-and-support-assessment', 'no'))]);
    expect(tipped.problems).toEqual(['"care-and-support-assessment" is the panel decision in 5 of 9 vignettes; no decision may be more than half']);
  });

  it('refuses borderline cases that all come down on the same side of the threshold', () => {
    const allNotMet = decisionSpread(fair.map((p) => (p.decision === 'strategy-discussion' ? { ...p, borderline: false } : p)));
    expect(allNotMet.problems).toEqual(['no borderline vignette comes down on "significant harm" (threshold met)']);
    const allMet = decisionSpread(fair.map((p) => (p.decision === 'care-and-support-assessment' ? { ...p, borderline: false } : p)));
    expect(allMet.problems).toEqual(['no borderline vignette comes down on "not significant" (threshold not met)']);
  });

  it('refuses an empty set', () => {
    expect(decisionSpread([]).problems).toEqual(['there are no vignettes']);
  });

  it('describes the spread in one line, in the order of the decision scale', () => {
    expect(describeDecisionSpread(decisionSpread(fair))).toBe(
      'Panel decisions: no-further-action 1, information-and-advice 1, care-and-support-assessment 1, strategy-discussion 1, immediate-protection 1 (borderline: 1 met, 1 not met).',
    );
    expect(DECISIONS.every((d) => describeDecisionSpread(decisionSpread(fair)).includes(d))).toBe(true);
  });
});
