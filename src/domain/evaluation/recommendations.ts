// Computed recommendations: flags raised by fixed rules, each with its rule and the figures behind it.
import { phaseAtRisk, type PhaseDates, type ReactionFigures } from '../training/index.ts';
import type { DecisionConsistency, OneToOneShare } from './behaviour.ts';
import type { ConfidenceChange } from './learning.ts';
import type { Figure } from './suppression.ts';

/** A team's decision agreement (Krippendorff's alpha, nominal) below this is flagged: Krippendorff's lowest level for tentative conclusions. */
export const LOW_DECISION_ALPHA = 0.667;
/** Raters a team needs before its decision agreement can be flagged. */
export const MIN_RATERS_FOR_AGREEMENT_FLAG = 5;
/** A programme whose mean usefulness (1–5) is below this is flagged. */
export const LOW_USEFULNESS_MEAN = 3.5;
/** Reactions a programme needs before its usefulness can be flagged. */
export const MIN_REACTIONS_FOR_USEFULNESS_FLAG = 5;
/** A team is flagged when more than this share (per cent) of its mentees had no 1:1 session in 8 weeks. */
export const ONE_TO_ONE_GAP_PERCENT = 20;

/** The rules that raise a recommendation, in the order the report lists them. */
export const RECOMMENDATION_RULES = [
  'team-decision-agreement-low',
  'rollout-phase-at-risk',
  'confidence-not-improving',
  'workshop-usefulness-low',
  'team-one-to-one-gap',
] as const;
export type RecommendationRule = (typeof RECOMMENDATION_RULES)[number];

export type Recommendation =
  | { rule: 'team-decision-agreement-low'; teamId: string; figures: { alpha: number; raters: number } }
  | { rule: 'rollout-phase-at-risk'; phaseId: string; figures: { projectedPercent: number | null; targetPercent: number } }
  | { rule: 'confidence-not-improving'; programmeId: string; figures: { n: number; meanDifference: number; ci95: [number, number] } }
  | { rule: 'workshop-usefulness-low'; programmeId: string; figures: { meanUsefulness: number; reactions: number } }
  | { rule: 'team-one-to-one-gap'; teamId: string; figures: { mentees: number; withoutSession: number; percentWithout: number } };

/** The figures the rules read; suppressed figures (fewer than five people) never raise a flag. */
export type RecommendationInput = {
  teamConsistency: readonly { teamId: string; figure: Figure<DecisionConsistency> }[];
  /** Rollout phases as `phaseAtRisk` judged them. */
  phases: readonly { phaseId: string; atRisk: boolean; projectedPercent: number | null; targetPercent: number }[];
  confidence: readonly { programmeId: string; figure: Figure<ConfidenceChange> }[];
  reactions: readonly { programmeId: string; figure: Figure<ReactionFigures> }[];
  /** Each team's mentees and how many had a 1:1 session in the 8 weeks (`oneToOneShare`). */
  teamOneToOne: readonly { teamId: string; figure: Figure<OneToOneShare> }[];
};

/** A rollout phase with its dates and progress, as `phaseAtRisk` reads them. */
export type PhaseProgress = PhaseDates & { phaseId: string; completedOn: readonly string[]; eligible: number };

/**
 * Each phase judged by `phaseAtRisk` on the period's last day, or today when the period has not
 * ended yet (`today` is a London date), for the rollout rule.
 */
export function phaseRisks(phases: readonly PhaseProgress[], periodTo: string, today: string): RecommendationInput['phases'] {
  const asOf = periodTo < today ? periodTo : today;
  return phases.map((p) => {
    const { atRisk, projectedPercent } = phaseAtRisk(p, { completedOn: p.completedOn, eligible: p.eligible }, asOf);
    return { phaseId: p.phaseId, atRisk, projectedPercent, targetPercent: p.targetPercent };
  });
}

/**
 * The flags the rules raise, rule by rule (RECOMMENDATION_RULES order), each with the figures
 * behind it: a team's decision alpha below 0.667 with at least 5 raters; a rollout phase at risk;
 * a programme whose 95% interval for confidence change lies wholly at or below 0 (or, with no
 * spread, whose every change is at or below 0); a programme with mean usefulness below 3.5 from
 * at least 5 reactions; a team where more than 20% of mentees had no 1:1 session in 8 weeks.
 */
export function recommendations(input: RecommendationInput): Recommendation[] {
  const flags: Recommendation[] = [];
  for (const { teamId, figure } of input.teamConsistency) {
    const alpha = figure.value?.decisionAlpha.value ?? null;
    if (alpha !== null && figure.n >= MIN_RATERS_FOR_AGREEMENT_FLAG && alpha < LOW_DECISION_ALPHA) {
      flags.push({ rule: 'team-decision-agreement-low', teamId, figures: { alpha, raters: figure.n } });
    }
  }
  for (const phase of input.phases) {
    if (phase.atRisk) flags.push({ rule: 'rollout-phase-at-risk', phaseId: phase.phaseId, figures: { projectedPercent: phase.projectedPercent, targetPercent: phase.targetPercent } });
  }
  for (const { programmeId, figure } of input.confidence) {
    const change = figure.value?.change;
    if (!change || change.meanDifference === null || change.n < 2) continue;
    // With no spread pairedChange gives no interval: every change equals the mean (as its reading treats it).
    const ci95 = change.ci95 ?? [change.meanDifference, change.meanDifference];
    if (ci95[1] <= 0) flags.push({ rule: 'confidence-not-improving', programmeId, figures: { n: change.n, meanDifference: change.meanDifference, ci95 } });
  }
  for (const { programmeId, figure } of input.reactions) {
    const value = figure.value;
    if (value && value.n >= MIN_REACTIONS_FOR_USEFULNESS_FLAG && value.usefulness.mean < LOW_USEFULNESS_MEAN) {
      flags.push({ rule: 'workshop-usefulness-low', programmeId, figures: { meanUsefulness: value.usefulness.mean, reactions: value.n } });
    }
  }
  for (const { teamId, figure } of input.teamOneToOne) {
    if (!figure.value) continue;
    const withoutSession = figure.n - figure.value.withSession;
    const percentWithout = (withoutSession / figure.n) * 100;
    if (percentWithout > ONE_TO_ONE_GAP_PERCENT) flags.push({ rule: 'team-one-to-one-gap', teamId, figures: { mentees: figure.n, withoutSession, percentWithout } });
  }
  return flags;
}
