import { DECISIONS, type Decision } from './thresholds.ts';

/** The share of vignettes above which one panel decision makes "always answer X" a winning strategy. */
export const DECISION_SHARE_MAX = 0.5;

type PanelShape = { borderline: boolean; decision: Decision; significant: 'yes' | 'no' };

export type DecisionSpread = {
  /** How many vignettes the panel decided each way, in the order of the decision scale. */
  counts: Record<Decision, number>;
  /** Borderline vignettes on each side of the threshold. */
  borderline: { met: number; notMet: number };
  /** Why the spread lets a learner match the panel without judging each case; empty when fair. */
  problems: string[];
};

/**
 * How the panel's decisions spread across the vignettes, and whether the spread is fair: every
 * decision on the scale appears, none is more than half of the set, and the borderline cases
 * come down on both sides of the threshold, so no single answer matches the panel most of the time.
 */
export function decisionSpread(panels: readonly PanelShape[]): DecisionSpread {
  const counts = Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>;
  for (const p of panels) counts[p.decision] += 1;
  const borderline = {
    met: panels.filter((p) => p.borderline && p.significant === 'yes').length,
    notMet: panels.filter((p) => p.borderline && p.significant === 'no').length,
  };
  const problems: string[] = [];
  if (panels.length === 0) return { counts, borderline, problems: ['there are no vignettes'] };
  const missing = DECISIONS.filter((d) => counts[d] === 0);
  if (missing.length) problems.push(`no vignette has the panel decision ${missing.map((d) => `"${d}"`).join(', ')}`);
  for (const d of DECISIONS) {
    if (counts[d] > panels.length * DECISION_SHARE_MAX) problems.push(`"${d}" is the panel decision in ${counts[d]} of ${panels.length} vignettes; no decision may be more than half`);
  }
  if (borderline.met === 0) problems.push('no borderline vignette comes down on "significant harm" (threshold met)');
  if (borderline.notMet === 0) problems.push('no borderline vignette comes down on "not significant" (threshold not met)');
  return { counts, borderline, problems };
}

/** One line for the content check: the count of each decision, then the borderline split. */
export function describeDecisionSpread(spread: DecisionSpread): string {
  const counts = DECISIONS.map((d) => `${d} ${spread.counts[d]}`).join(', ');
  return `Panel decisions: ${counts} (borderline: ${spread.borderline.met} met, ${spread.borderline.notMet} not met).`;
}
