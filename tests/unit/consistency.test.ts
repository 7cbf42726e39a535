import { describe, expect, it } from 'vitest';
import { consistencyReport, readingOf, type PanelAnswer, type ThresholdAnswer } from '../../src/domain/thresholds/consistency.ts';
import type { Decision, Likelihood } from '../../src/domain/thresholds/thresholds.ts';

const panel = new Map<string, PanelAnswer>([
  ['v1', { decision: 'strategy-discussion', likelihood: 'likely' }],
  ['v2', { decision: 'care-and-support-assessment', likelihood: 'possible' }],
]);
const at = Date.UTC(2026, 9, 15);
const answer = (personId: string, vignetteId: string, decision: Decision, likelihood: Likelihood, completedAt = at): ThresholdAnswer => ({ personId, vignetteId, decision, likelihood, completedAt });

describe('a consistency report', () => {
  it('says nothing about fewer than five respondents', () => {
    const four = ['a', 'b', 'c', 'd'].map((p) => answer(p, 'v1', 'strategy-discussion', 'likely'));
    expect(consistencyReport(four, panel, ['v1', 'v2'])).toEqual({ enough: false, respondents: 4 });
  });

  it('shows perfect agreement when everyone agrees with the panel and each other', () => {
    const answers = ['a', 'b', 'c', 'd', 'e'].flatMap((p) => [answer(p, 'v1', 'strategy-discussion', 'likely'), answer(p, 'v2', 'care-and-support-assessment', 'possible')]);
    const report = consistencyReport(answers, panel, ['v1', 'v2']);
    expect(report).toMatchObject({ enough: true, respondents: 5, percentWithPanel: 100, decisionAlpha: { value: 1, reason: null }, decisionKappa: { value: 1, raters: 5, reason: null }, likelihoodAlpha: 1, likelihoodAlphaReason: null });
  });

  it('measures agreement on the decision with Krippendorff’s alpha when nobody answered every situation, and says why Fleiss’ kappa is undefined', () => {
    // a–e answered only v1, f–g only v2: nobody answered both.
    const answers = [
      ...['a', 'b', 'c'].map((p) => answer(p, 'v1', 'strategy-discussion', 'likely')),
      ...['d', 'e'].map((p) => answer(p, 'v1', 'immediate-protection', 'very-likely')),
      ...['f', 'g'].map((p) => answer(p, 'v2', 'care-and-support-assessment', 'possible')),
    ];
    const none = consistencyReport(answers, panel, ['v1', 'v2']);
    if (!none.enough) throw new Error('expected a report');
    expect(none.decisionKappa).toMatchObject({ value: null, raters: 0, reason: 'no-complete-sets' });
    expect(none.decisionAlpha.value).toEqual(expect.any(Number));
    expect(none.decisionAlpha.reason).toBeNull();
  });

  it('gives “no variation” as the reason when everyone chose the same decision', () => {
    const answers = ['a', 'b', 'c', 'd', 'e'].map((p) => answer(p, 'v1', 'strategy-discussion', 'likely'));
    const report = consistencyReport(answers, panel, ['v1']);
    expect(report).toMatchObject({ enough: true, decisionAlpha: { value: null, reason: 'no-variation' }, decisionKappa: { value: null, reason: 'no-variation' }, likelihoodAlphaReason: 'no-variation' });
  });

  it('names the most common decision of each situation, with its share', () => {
    const answers = ['a', 'b', 'c', 'd', 'e'].map((p, i) => answer(p, 'v1', i < 3 ? 'information-and-advice' : 'strategy-discussion', 'likely'));
    const report = consistencyReport(answers, panel, ['v1', 'v2']);
    if (!report.enough) throw new Error('expected a report');
    expect(report.vignettes[0]).toMatchObject({ modalDecision: 'information-and-advice', percentModal: 60 });
    expect(report.vignettes[1]).toMatchObject({ respondents: 0, modalDecision: null });
  });

  it('flags a vignette where fewer than 60% agree with the panel, and counts each person’s latest answer once', () => {
    const answers = [
      ...['a', 'b', 'c', 'd', 'e'].map((p) => answer(p, 'v1', 'strategy-discussion', 'likely')),
      answer('a', 'v2', 'care-and-support-assessment', 'possible'),
      answer('b', 'v2', 'strategy-discussion', 'likely'),
      answer('c', 'v2', 'information-and-advice', 'unlikely'),
      answer('d', 'v2', 'strategy-discussion', 'likely'),
      answer('e', 'v2', 'strategy-discussion', 'possible', at - 1000), // superseded below
      answer('e', 'v2', 'care-and-support-assessment', 'possible', at + 1000),
    ];
    const report = consistencyReport(answers, panel, ['v1', 'v2']);
    if (!report.enough) throw new Error('expected a report');
    const v2 = report.vignettes.find((v) => v.vignetteId === 'v2')!;
    expect(v2).toMatchObject({ respondents: 5, percentWithPanel: 40, percentModal: 40, flagged: true });
    expect(v2.decisions).toEqual({ 'no-further-action': 0, 'information-and-advice': 1, 'care-and-support-assessment': 2, 'strategy-discussion': 2, 'immediate-protection': 0 });
    expect(report.vignettes.find((v) => v.vignetteId === 'v1')!.flagged).toBe(false);
    expect(report.percentWithPanel).toBe(70);
    expect(report.decisionKappa.raters).toBe(5);
    expect(report.decisionKappa.value).toBeLessThan(1);
  });

  it('leaves out of Fleiss’ kappa those who skipped a vignette, but keeps them for alpha', () => {
    const answers = [
      ...['a', 'b', 'c', 'd', 'e'].map((p) => answer(p, 'v1', 'strategy-discussion', 'likely')),
      ...['a', 'b'].map((p) => answer(p, 'v2', 'care-and-support-assessment', 'possible')),
    ];
    const report = consistencyReport(answers, panel, ['v1', 'v2']);
    expect(report).toMatchObject({ enough: true, decisionKappa: { raters: 2 } });
  });

  it('gives the trend by month', () => {
    const answers = ['a', 'b', 'c', 'd', 'e'].map((p, i) => answer(p, 'v1', i < 2 ? 'strategy-discussion' : 'information-and-advice', 'likely', i < 3 ? Date.UTC(2026, 8, 2) : Date.UTC(2026, 9, 2)));
    const report = consistencyReport(answers, panel, ['v1']);
    if (!report.enough) throw new Error('expected a report');
    expect(report.byMonth).toEqual([
      { month: '2026-09', answers: 3, percentWithPanel: (2 / 3) * 100 },
      { month: '2026-10', answers: 2, percentWithPanel: 0 },
    ]);
  });
});

describe('reading an agreement coefficient in plain language', () => {
  it.each([
    [null, 'reading.undefined'],
    [-0.1, 'reading.poor'],
    [0.15, 'reading.slight'],
    [0.41, 'reading.moderate'],
    [0.7, 'reading.substantial'],
    [0.9, 'reading.almostPerfect'],
  ] as const)('%s → %s', (value, key) => {
    expect(readingOf(value)).toBe(key);
  });
});
