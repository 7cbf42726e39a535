import { fleissKappa, krippendorffAlpha } from './agreement.ts';
import { DECISIONS, LIKELIHOODS, type Decision, type Likelihood } from './thresholds.ts';

/** One practitioner's final answer to one vignette. */
export type ThresholdAnswer = { personId: string; vignetteId: string; decision: Decision; likelihood: Likelihood; completedAt: number };
export type PanelAnswer = { decision: Decision; likelihood: Likelihood };

/** Group figures are shown only from this many respondents, so nobody can be singled out. */
export const MIN_RESPONDENTS = 5;
/** A vignette is flagged for a support group when fewer than this share agree with the panel. */
export const LOW_AGREEMENT_PERCENT = 60;

export type VignetteConsistency = {
  vignetteId: string;
  respondents: number;
  decisions: Record<Decision, number>;
  percentWithPanel: number;
  /** Share choosing the most common decision: how far practitioners agree with each other. */
  percentModal: number;
  flagged: boolean;
};

export type ConsistencyReport =
  | { enough: false; respondents: number }
  | {
      enough: true;
      respondents: number;
      percentWithPanel: number;
      /** Fleiss' kappa on the decision, among practitioners who answered every vignette; null when undefined. */
      decisionKappa: { value: number | null; raters: number };
      /** Krippendorff's alpha (ordinal) on likelihood, all answers, missing allowed. */
      likelihoodAlpha: number | null;
      vignettes: VignetteConsistency[];
      byMonth: { month: string; answers: number; percentWithPanel: number }[];
    };

const DAY_MS = 86_400_000;
/** "YYYY-MM" (UTC) of a time; cached by day because formatting dates is slow in bulk. */
function monthKeys() {
  const cache = new Map<number, string>();
  return (ms: number) => {
    const day = Math.floor(ms / DAY_MS);
    let key = cache.get(day);
    if (key === undefined) cache.set(day, (key = new Date(day * DAY_MS).toISOString().slice(0, 7)));
    return key;
  };
}

/**
 * The consistency of a group's threshold decisions on a set of vignettes. Each person counts
 * once per vignette (their latest answer). Pure and linear in the number of answers.
 */
export function consistencyReport(answers: readonly ThresholdAnswer[], panel: ReadonlyMap<string, PanelAnswer>, vignetteIds: readonly string[]): ConsistencyReport {
  const inSet = new Set(vignetteIds);
  const latest = new Map<string, ThresholdAnswer>();
  for (const a of answers) {
    if (!inSet.has(a.vignetteId) || !panel.has(a.vignetteId)) continue;
    const key = `${a.personId}\u0000${a.vignetteId}`;
    const previous = latest.get(key);
    if (!previous || a.completedAt > previous.completedAt) latest.set(key, a);
  }
  const final = [...latest.values()];
  const people = [...new Set(final.map((a) => a.personId))];
  if (people.length < MIN_RESPONDENTS) return { enough: false, respondents: people.length };

  const agrees = (a: ThresholdAnswer) => a.decision === panel.get(a.vignetteId)!.decision;
  const byVignette = new Map<string, ThresholdAnswer[]>();
  for (const a of final) {
    const list = byVignette.get(a.vignetteId);
    if (list) list.push(a);
    else byVignette.set(a.vignetteId, [a]);
  }
  const vignettes: VignetteConsistency[] = vignetteIds
    .filter((id) => panel.has(id))
    .map((vignetteId) => {
      const these = byVignette.get(vignetteId) ?? [];
      const decisions = Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>;
      let withPanel = 0;
      for (const a of these) {
        decisions[a.decision] += 1;
        if (agrees(a)) withPanel += 1;
      }
      const n = these.length;
      const percentWithPanel = n ? (withPanel / n) * 100 : 0;
      const percentModal = n ? (Math.max(...Object.values(decisions)) / n) * 100 : 0;
      return { vignetteId, respondents: n, decisions, percentWithPanel, percentModal, flagged: n >= MIN_RESPONDENTS && percentWithPanel < LOW_AGREEMENT_PERCENT };
    });

  // Fleiss needs every subject rated by the same raters: those who answered every vignette.
  const units = vignettes.filter((v) => v.respondents > 0).map((v) => v.vignetteId);
  const unitIndex = new Map(units.map((v, i) => [v, i]));
  const answeredCount = new Map<string, number>();
  for (const a of final) if (unitIndex.has(a.vignetteId)) answeredCount.set(a.personId, (answeredCount.get(a.personId) ?? 0) + 1);
  const complete = new Set(people.filter((p) => answeredCount.get(p) === units.length));
  let decisionKappa: number | null = null;
  if (complete.size >= 2 && units.length >= 1) {
    const counts = units.map(() => DECISIONS.map(() => 0));
    for (const a of final) if (complete.has(a.personId)) counts[unitIndex.get(a.vignetteId)!]![DECISIONS.indexOf(a.decision)]! += 1;
    decisionKappa = fleissKappa(counts);
  }

  const personIndex = new Map(people.map((p, i) => [p, i]));
  const ratings = people.map(() => units.map((): number | null => null));
  for (const a of final) ratings[personIndex.get(a.personId)!]![unitIndex.get(a.vignetteId)!] = LIKELIHOODS.indexOf(a.likelihood);
  const likelihoodAlpha = krippendorffAlpha(ratings, 'ordinal');

  const monthOf = monthKeys();
  const months = new Map<string, { answers: number; agree: number }>();
  for (const a of final) {
    const key = monthOf(a.completedAt);
    const m = months.get(key);
    if (m) {
      m.answers += 1;
      if (agrees(a)) m.agree += 1;
    } else months.set(key, { answers: 1, agree: agrees(a) ? 1 : 0 });
  }
  return {
    enough: true,
    respondents: people.length,
    percentWithPanel: (final.filter(agrees).length / final.length) * 100,
    decisionKappa: { value: decisionKappa, raters: complete.size },
    likelihoodAlpha,
    vignettes,
    byMonth: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, m]) => ({ month, answers: m.answers, percentWithPanel: (m.agree / m.answers) * 100 })),
  };
}

/** A plain-language reading of an agreement coefficient (kappa or alpha), as a translation key. */
export function readingOf(value: number | null): 'reading.undefined' | 'reading.poor' | 'reading.slight' | 'reading.fair' | 'reading.moderate' | 'reading.substantial' | 'reading.almostPerfect' {
  if (value === null) return 'reading.undefined';
  if (value < 0) return 'reading.poor';
  if (value <= 0.2) return 'reading.slight';
  if (value <= 0.4) return 'reading.fair';
  if (value <= 0.6) return 'reading.moderate';
  if (value <= 0.8) return 'reading.substantial';
  return 'reading.almostPerfect';
}
