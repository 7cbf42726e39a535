// Level 2, learning: knowledge-check first attempts, confidence before and after, MITI figures.
import { mitiSummary, recodedCounts, type MitiCounts } from '../simulations/index.ts';
import { pairedChange, pairedChangeReading, type PairedChange, type PairedChangeReading } from '../training/index.ts';
import { groupBy, mean } from './grouping.ts';
import { inPeriod, type Period } from './period.ts';
import { figure, type Figure } from './suppression.ts';

/** One submitted knowledge check: `score` right out of `total` questions, submitted at `submittedAt` (ms). */
export type KnowledgeCheckRecord = { personId: string; moduleId: string; score: number; total: number; submittedAt: number };

/** Bins of the score distribution: 0–9, 10–19, …, 90–100 per cent (a full score falls in the last). */
export const SCORE_BINS = 10;

export type ScoreSummary = {
  /** Mean score, per cent. */
  mean: number;
  /** Median score, per cent (the mean of the middle two for an even count). */
  median: number;
  /** How many first attempts fall in each bin (see SCORE_BINS). */
  distribution: number[];
};

/** The bin (0–9) a percentage score falls in; 100 joins 90–99. */
export function scoreBin(percent: number): number {
  return Math.min(SCORE_BINS - 1, Math.max(0, Math.floor(percent / (100 / SCORE_BINS))));
}

/** The median of a non-empty list: the middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * First-attempt knowledge-check scores per module: each person's first ever attempt at the
 * module, counted when it was submitted in the period (a retry in the period after a first
 * attempt before it does not count, so pass every attempt, not only the period's). n counts
 * people; suppressed below five. Modules in id order.
 */
export function firstAttemptScores(records: readonly KnowledgeCheckRecord[], period: Period): { moduleId: string; figure: Figure<ScoreSummary> }[] {
  const first = new Map<string, KnowledgeCheckRecord>();
  for (const r of records) {
    const key = `${r.moduleId}\u0000${r.personId}`;
    const seen = first.get(key);
    if (!seen || r.submittedAt < seen.submittedAt) first.set(key, r);
  }
  const inside = [...first.values()].filter((r) => inPeriod(r.submittedAt, period));
  return firstAttemptScoresFromCounts(inside.map((r) => ({ moduleId: r.moduleId, score: r.score, total: r.total, people: 1 })));
}

/** How many people's first attempt at a module had this score out of this total (the database can count them). */
export type FirstAttemptCount = { moduleId: string; score: number; total: number; people: number };

/** `firstAttemptScores` from counts of first attempts already limited to the period (rows of one module and score may repeat). */
export function firstAttemptScoresFromCounts(counts: readonly FirstAttemptCount[]): { moduleId: string; figure: Figure<ScoreSummary> }[] {
  return groupBy(
    counts.filter((c) => c.total > 0 && c.people > 0),
    (c) => c.moduleId,
  ).map(([moduleId, rows]) => {
    const people = rows.reduce((sum, r) => sum + r.people, 0);
    return {
      moduleId,
      figure: figure(people, () => {
        const percents = rows.flatMap((r) => new Array<number>(r.people).fill((r.score / r.total) * 100));
        const distribution = new Array<number>(SCORE_BINS).fill(0);
        for (const p of percents) distribution[scoreBin(p)]! += 1;
        return { mean: mean(percents), median: median(percents), distribution };
      }),
    };
  });
}

/**
 * One person's confidence in a programme before and after it: the means of the statements they
 * rated both times (as `personPair` reads them), the after-ratings given at `ratedAt` (ms).
 */
export type ConfidencePair = { personId: string; programmeId: string; before: number; after: number; ratedAt: number };
export type ConfidenceChange = { change: PairedChange; reading: PairedChangeReading | null };

/**
 * Confidence before and after per programme, over people whose after-ratings fall in the period
 * (their latest pair when there are several): `pairedChange` and its plain reading. n counts
 * people; suppressed below five. Programmes in id order.
 */
export function confidenceByProgramme(pairs: readonly ConfidencePair[], period: Period): { programmeId: string; figure: Figure<ConfidenceChange> }[] {
  const latest = new Map<string, ConfidencePair>();
  for (const p of pairs) {
    if (!inPeriod(p.ratedAt, period)) continue;
    const key = `${p.programmeId}\u0000${p.personId}`;
    const seen = latest.get(key);
    if (!seen || p.ratedAt > seen.ratedAt) latest.set(key, p);
  }
  return groupBy([...latest.values()], (p) => p.programmeId).map(([programmeId, rows]) => ({
    programmeId,
    figure: figure(rows.length, () => {
      const change = pairedChange(rows.map((r) => ({ before: r.before, after: r.after })));
      return { change, reading: pairedChangeReading(change) };
    }),
  }));
}

/** A finished practice conversation: its self-coded MITI counts and any mentor recodes of its own-words responses. */
export type SimulationRecord = {
  personId: string;
  completedAt: number;
  counts: MitiCounts;
  recodes: readonly { selfCode: string; mentorCode: string }[];
};

export const MITI_MEASURES = ['reflectionToQuestion', 'percentComplexReflections', 'miAdherentShare'] as const;
export type MitiMeasure = (typeof MITI_MEASURES)[number];

/** MI-adherent behaviours as a percentage (0–100) of all MI-adherent and non-adherent ones; null when there were none. */
export function miAdherentShare(counts: MitiCounts): number | null {
  const coded = counts.miAdherent + counts.miNonAdherent;
  return coded === 0 ? null : (counts.miAdherent / coded) * 100;
}

/** The three MITI measures of one attempt, from its counts after any mentor recodes; null where undefined. */
export function mitiMeasures(attempt: Pick<SimulationRecord, 'counts' | 'recodes'>): Record<MitiMeasure, number | null> {
  const counts = recodedCounts(attempt.counts, attempt.recodes);
  const summary = mitiSummary(counts);
  return { reflectionToQuestion: summary.reflectionToQuestion, percentComplexReflections: summary.percentComplexReflections, miAdherentShare: miAdherentShare(counts) };
}

/**
 * MITI measures on each person's first and latest practice conversation finished in the period,
 * over people with at least two (so the two differ): per measure, the mean over people on whom
 * it is defined in both attempts. n counts those people; each measure suppressed below five.
 */
export function mitiFirstAndLatest(records: readonly SimulationRecord[], period: Period): Record<MitiMeasure, Figure<{ first: number; latest: number }>> {
  const byPerson = groupBy(records.filter((r) => inPeriod(r.completedAt, period)), (r) => r.personId)
    .filter(([, attempts]) => attempts.length >= 2)
    .map(([, attempts]) => {
      const ordered = [...attempts].sort((a, b) => a.completedAt - b.completedAt);
      return { first: mitiMeasures(ordered[0]!), latest: mitiMeasures(ordered[ordered.length - 1]!) };
    });
  const measure = (name: MitiMeasure) => {
    const pairs = byPerson.flatMap(({ first, latest }) => {
      const [before, after] = [first[name], latest[name]];
      return before !== null && after !== null ? [{ first: before, latest: after }] : [];
    });
    return figure(pairs.length, () => ({ first: mean(pairs.map((p) => p.first)), latest: mean(pairs.map((p) => p.latest)) }));
  };
  return { reflectionToQuestion: measure('reflectionToQuestion'), percentComplexReflections: measure('percentComplexReflections'), miAdherentShare: measure('miAdherentShare') };
}
