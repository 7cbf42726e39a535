import { fleissKappa, krippendorffAlphaFromCounts } from '../common/index.ts';
import { DECISIONS, LIKELIHOODS, type Decision, type Likelihood } from './thresholds.ts';
import { undefinedReason, type UndefinedReason } from './agreement-reasons.ts';

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
  /** The most common decision (the first on the scale when tied); null with no answers. */
  modalDecision: Decision | null;
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
      /** Krippendorff's alpha (nominal) on the decision, all answers, missing allowed: the headline figure. */
      decisionAlpha: { value: number | null; reason: UndefinedReason | null };
      /** Fleiss' kappa on the decision, among practitioners who answered every vignette; null when undefined. */
      decisionKappa: { value: number | null; raters: number; reason: UndefinedReason | null };
      /** Krippendorff's alpha (ordinal) on likelihood, all answers, missing allowed. */
      likelihoodAlpha: number | null;
      likelihoodAlphaReason: UndefinedReason | null;
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
 * What the report needs, as counts of final answers (each person's latest per vignette). The
 * database can produce these directly for large groups; countAnswers makes them from a list.
 */
export type AnswerCounts = {
  respondents: number;
  decisions: { vignetteId: string; decision: Decision; count: number }[];
  likelihoods: { vignetteId: string; likelihood: Likelihood; count: number }[];
  /** People who answered every vignette that anyone in the group answered. */
  completeRaters: number;
  completeDecisions: { vignetteId: string; decision: Decision; count: number }[];
  months: { month: string; vignetteId: string; decision: Decision; count: number }[];
};

/** Counts from a list of answers, keeping each person's latest answer per vignette in the set. */
export function countAnswers(answers: readonly ThresholdAnswer[], vignetteIds: readonly string[]): AnswerCounts {
  const inSet = new Set(vignetteIds);
  const latest = new Map<string, Map<string, ThresholdAnswer>>();
  for (const a of answers) {
    if (!inSet.has(a.vignetteId)) continue;
    let byVignette = latest.get(a.personId);
    if (!byVignette) latest.set(a.personId, (byVignette = new Map()));
    const previous = byVignette.get(a.vignetteId);
    if (!previous || a.completedAt > previous.completedAt) byVignette.set(a.vignetteId, a);
  }
  const tally = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const decisions = new Map<string, number>();
  const likelihoods = new Map<string, number>();
  const months = new Map<string, number>();
  const answered = new Set<string>();
  const monthOf = monthKeys();
  for (const byVignette of latest.values()) {
    for (const a of byVignette.values()) {
      answered.add(a.vignetteId);
      tally(decisions, `${a.vignetteId}\u0000${a.decision}`);
      tally(likelihoods, `${a.vignetteId}\u0000${a.likelihood}`);
      tally(months, `${monthOf(a.completedAt)}\u0000${a.vignetteId}\u0000${a.decision}`);
    }
  }
  const complete = [...latest.values()].filter((byVignette) => byVignette.size === answered.size);
  const completeDecisions = new Map<string, number>();
  for (const byVignette of complete) for (const a of byVignette.values()) tally(completeDecisions, `${a.vignetteId}\u0000${a.decision}`);
  const split = (key: string) => key.split('\u0000');
  return {
    respondents: latest.size,
    decisions: [...decisions].map(([k, count]) => ({ vignetteId: split(k)[0]!, decision: split(k)[1] as Decision, count })),
    likelihoods: [...likelihoods].map(([k, count]) => ({ vignetteId: split(k)[0]!, likelihood: split(k)[1] as Likelihood, count })),
    completeRaters: complete.length,
    completeDecisions: [...completeDecisions].map(([k, count]) => ({ vignetteId: split(k)[0]!, decision: split(k)[1] as Decision, count })),
    months: [...months].map(([k, count]) => ({ month: split(k)[0]!, vignetteId: split(k)[1]!, decision: split(k)[2] as Decision, count })),
  };
}

/**
 * The consistency of a group's threshold decisions on a set of vignettes, from a list of
 * answers. Each person counts once per vignette (their latest answer).
 */
export function consistencyReport(answers: readonly ThresholdAnswer[], panel: ReadonlyMap<string, PanelAnswer>, vignetteIds: readonly string[]): ConsistencyReport {
  const set = vignetteIds.filter((id) => panel.has(id));
  return consistencyFromCounts(countAnswers(answers, set), panel, set);
}

/** The consistency report from counts (see AnswerCounts). */
export function consistencyFromCounts(counts: AnswerCounts, panel: ReadonlyMap<string, PanelAnswer>, vignetteIds: readonly string[]): ConsistencyReport {
  if (counts.respondents < MIN_RESPONDENTS) return { enough: false, respondents: counts.respondents };
  const ids = vignetteIds.filter((id) => panel.has(id));
  const zero = () => Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>;
  const decisionsBy = new Map(ids.map((id) => [id, zero()]));
  for (const c of counts.decisions) {
    const row = decisionsBy.get(c.vignetteId);
    if (row) row[c.decision] += c.count;
  }
  let answers = 0;
  let withPanelTotal = 0;
  const vignettes: VignetteConsistency[] = ids.map((vignetteId) => {
    const decisions = decisionsBy.get(vignetteId)!;
    const n = Object.values(decisions).reduce((a, b) => a + b, 0);
    const withPanel = decisions[panel.get(vignetteId)!.decision];
    answers += n;
    withPanelTotal += withPanel;
    const percentWithPanel = n ? (withPanel / n) * 100 : 0;
    const most = Math.max(...Object.values(decisions));
    const percentModal = n ? (most / n) * 100 : 0;
    const modalDecision = n ? DECISIONS.find((d) => decisions[d] === most)! : null;
    return { vignetteId, respondents: n, decisions, percentWithPanel, modalDecision, percentModal, flagged: n >= MIN_RESPONDENTS && percentWithPanel < LOW_AGREEMENT_PERCENT };
  });

  const units = vignettes.filter((v) => v.respondents > 0).map((v) => v.vignetteId);
  const decisionRows = vignettes.filter((v) => v.respondents > 0).map((v) => DECISIONS.map((d) => v.decisions[d]));
  const decisionAlpha = krippendorffAlphaFromCounts(decisionRows, DECISIONS.map((_, i) => i), 'nominal');
  const completeMatrix = new Map(units.map((id) => [id, DECISIONS.map(() => 0)]));
  for (const c of counts.completeDecisions) {
    const row = completeMatrix.get(c.vignetteId);
    if (row) row[DECISIONS.indexOf(c.decision)]! += c.count;
  }
  const kappaReason = units.length ? undefinedReason([...completeMatrix.values()], { completeRaters: counts.completeRaters }) : 'too-few-pairs';
  const decisionKappa = kappaReason ? null : fleissKappa([...completeMatrix.values()]);

  const likelihoodBy = new Map(units.map((id) => [id, LIKELIHOODS.map(() => 0)]));
  for (const c of counts.likelihoods) {
    const row = likelihoodBy.get(c.vignetteId);
    if (row) row[LIKELIHOODS.indexOf(c.likelihood)]! += c.count;
  }
  const likelihoodAlpha = krippendorffAlphaFromCounts([...likelihoodBy.values()], LIKELIHOODS.map((_, i) => i), 'ordinal');

  const months = new Map<string, { answers: number; agree: number }>();
  for (const c of counts.months) {
    if (!panel.has(c.vignetteId)) continue;
    const m = months.get(c.month) ?? { answers: 0, agree: 0 };
    m.answers += c.count;
    if (panel.get(c.vignetteId)!.decision === c.decision) m.agree += c.count;
    months.set(c.month, m);
  }
  return {
    enough: true,
    respondents: counts.respondents,
    percentWithPanel: answers ? (withPanelTotal / answers) * 100 : 0,
    decisionAlpha: { value: decisionAlpha, reason: decisionAlpha === null ? undefinedReason(decisionRows) ?? 'no-variation' : null },
    decisionKappa: { value: decisionKappa, raters: counts.completeRaters, reason: decisionKappa === null ? (kappaReason ?? 'no-variation') : null },
    likelihoodAlpha,
    likelihoodAlphaReason: likelihoodAlpha === null ? (undefinedReason([...likelihoodBy.values()]) ?? 'no-variation') : null,
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
