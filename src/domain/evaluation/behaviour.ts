// Level 3, behaviour: consistency of threshold decisions, mentors' rubric scores, supervision actions, 1:1 sessions.
import { addDays } from '../common/index.ts';
import { rubricTotal, type Rubric, type RubricMark, type SessionKind, type SessionState } from '../mentoring/index.ts';
import {
  consistencyFromCounts,
  countAnswers,
  readingOf,
  type AnswerCounts,
  type PanelAnswer,
  type ThresholdAnswer,
  type UndefinedReason,
} from '../thresholds/index.ts';
import { distinctPeople, groupBy, mean } from './grouping.ts';
import { AnswerTally } from './answer-tally.ts';
import { dateInPeriod, inPeriod, periodBounds, quarterOf, quarterOfDate, quartersIn, type Period, type Quarter } from './period.ts';
import { figure, type Figure } from './suppression.ts';

/** The translation key of an agreement coefficient's plain reading (the consistency page's readings). */
export type ReadingKey = ReturnType<typeof readingOf>;
/** An agreement coefficient, why it is undefined when it is, and its reading. */
export type Coefficient = { value: number | null; reason: UndefinedReason | null; reading: ReadingKey };

export type DecisionConsistency = {
  /** Krippendorff's alpha (nominal) on the decision, missing answers allowed: the headline. */
  decisionAlpha: Coefficient;
  /** Krippendorff's alpha (ordinal) on the likelihood of significant harm. */
  likelihoodAlpha: Coefficient;
  /** Fleiss' kappa on the decision among the people who answered every situation: n counts them. */
  decisionKappa: Figure<Coefficient>;
  /** Share (0–100) of decisions that matched the expert panel's. */
  percentWithPanel: number;
};

const coefficient = (value: number | null, reason: UndefinedReason | null): Coefficient => ({ value, reason, reading: readingOf(value) });

/**
 * Decision consistency of a group from its answer counts (`countAnswers`, or the database's),
 * through the consistency page's own report: n counts raters, suppressed below five. Fleiss'
 * kappa is a figure of its own over the people who answered every situation (also from five).
 */
export function decisionConsistencyFromCounts(counts: AnswerCounts, panel: ReadonlyMap<string, PanelAnswer>, vignetteIds: readonly string[]): Figure<DecisionConsistency> {
  return figure(counts.respondents, () => {
    const report = consistencyFromCounts(counts, panel, vignetteIds);
    // MIN_RESPONDENTS and SMALL_GROUP_MINIMUM are both five, so a shown figure always has a report.
    if (!report.enough) throw new Error('consistency report withheld for a group of five or more');
    const kappa = report.decisionKappa;
    return {
      decisionAlpha: coefficient(report.decisionAlpha.value, report.decisionAlpha.reason),
      likelihoodAlpha: coefficient(report.likelihoodAlpha, report.likelihoodAlphaReason),
      decisionKappa: figure(kappa.raters, () => coefficient(kappa.value, kappa.reason)),
      percentWithPanel: report.percentWithPanel,
    };
  });
}

/** Decision consistency of a group from its answers: each person's latest answer per situation in the set counts. */
export function decisionConsistency(answers: readonly ThresholdAnswer[], panel: ReadonlyMap<string, PanelAnswer>, vignetteIds: readonly string[]): Figure<DecisionConsistency> {
  const ids = vignetteIds.filter((id) => panel.has(id));
  return decisionConsistencyFromCounts(countAnswers(answers, ids), panel, ids);
}

/**
 * Decision consistency per quarter of the period (every quarter, oldest first, empty ones
 * suppressed): the answers finished in that quarter and in the period, each person's latest per
 * situation, over the situations in `vignetteIds` that have a panel answer.
 */
export function consistencyByQuarter(
  answers: readonly ThresholdAnswer[],
  panel: ReadonlyMap<string, PanelAnswer>,
  vignetteIds: readonly string[],
  period: Period,
): { quarter: Quarter; figure: Figure<DecisionConsistency> }[] {
  const byQuarter = new Map(groupBy(answers.filter((a) => inPeriod(a.completedAt, period)), (a) => quarterOf(a.completedAt)));
  return quartersIn(period).map((quarter) => ({ quarter, figure: decisionConsistency(byQuarter.get(quarter) ?? [], panel, vignetteIds) }));
}

/**
 * Decision consistency per team over the whole period (answers finished in it, each member's
 * latest per situation): what the low-agreement recommendation reads. Teams in the order given.
 */
export function consistencyByTeam(
  teams: readonly { teamId: string; answers: readonly ThresholdAnswer[] }[],
  panel: ReadonlyMap<string, PanelAnswer>,
  vignetteIds: readonly string[],
  period: Period,
): { teamId: string; figure: Figure<DecisionConsistency> }[] {
  return teams.map(({ teamId, answers }) => ({ teamId, figure: decisionConsistency(answers.filter((a) => inPeriod(a.completedAt, period)), panel, vignetteIds) }));
}

/** A calibration round as the report needs it: its situations and when it stopped taking answers (`roundEndsAt`). */
export type CalibrationRoundRecord = { roundId: string; endsAt: number; vignetteIds: readonly string[] };
/** A finished threshold answer and the calibration round it was given in, if any. */
export type RoundAnswer = ThresholdAnswer & { roundId: string | null };

/** Decision consistency per calibration round that ended in the period (in the order they ended), over the round's own answers and situations. */
export function consistencyByRound(
  rounds: readonly CalibrationRoundRecord[],
  answers: readonly RoundAnswer[],
  panel: ReadonlyMap<string, PanelAnswer>,
  period: Period,
): { roundId: string; endsAt: number; figure: Figure<DecisionConsistency> }[] {
  const byRound = new Map(groupBy(answers.filter((a) => a.roundId !== null), (a) => a.roundId!));
  return rounds
    .filter((r) => inPeriod(r.endsAt, period))
    .sort((a, b) => a.endsAt - b.endsAt)
    .map((r) => ({ roundId: r.roundId, endsAt: r.endsAt, figure: decisionConsistency(byRound.get(r.roundId) ?? [], panel, r.vignetteIds) }));
}

/** What the report needs about threshold answers, computed in one pass (see `thresholdConsistency`). */
export type ThresholdConsistency = {
  byQuarter: ReturnType<typeof consistencyByQuarter>;
  byRound: ReturnType<typeof consistencyByRound>;
  byTeam: ReturnType<typeof consistencyByTeam>;
};

/**
 * `consistencyByQuarter`, `consistencyByRound` and `consistencyByTeam` at once, from each person's
 * answers (their teams among `teamIds` with them), counting every answer once per group it falls
 * in rather than filtering the whole list per group: the same figures, for a whole organisation.
 */
export function thresholdConsistency(
  people: Iterable<{ teamIds: readonly string[]; answers: readonly RoundAnswer[] }>,
  input: { panel: ReadonlyMap<string, PanelAnswer>; vignetteIds: readonly string[]; period: Period; rounds: readonly CalibrationRoundRecord[]; teamIds: readonly string[] },
): ThresholdConsistency {
  const { panel, period } = input;
  const ids = input.vignetteIds.filter((id) => panel.has(id));
  const inSet = new Set(ids);
  const rounds = input.rounds.filter((r) => inPeriod(r.endsAt, period)).sort((a, b) => a.endsAt - b.endsAt);
  const roundSets = new Map(rounds.map((r) => [r.roundId, new Set(r.vignetteIds.filter((id) => panel.has(id)))]));
  const [start, end] = periodBounds(period);
  const tally = new AnswerTally();
  for (const person of people) {
    const teamGroups = person.teamIds.map((teamId) => `t:${teamId}`);
    tally.addPerson(person.answers, (a) => {
      const groups: string[] = [];
      if (a.completedAt >= start && a.completedAt < end && inSet.has(a.vignetteId)) groups.push(`q:${quarterOf(a.completedAt)}`, ...teamGroups);
      if (a.roundId !== null && roundSets.get(a.roundId)?.has(a.vignetteId)) groups.push(`r:${a.roundId}`);
      return groups;
    });
  }
  return {
    byQuarter: quartersIn(period).map((quarter) => ({ quarter, figure: decisionConsistencyFromCounts(tally.countsOf(`q:${quarter}`), panel, ids) })),
    byRound: rounds.map((r) => {
      const set = r.vignetteIds.filter((id) => panel.has(id));
      return { roundId: r.roundId, endsAt: r.endsAt, figure: decisionConsistencyFromCounts(tally.countsOf(`r:${r.roundId}`), panel, set) };
    }),
    byTeam: input.teamIds.map((teamId) => ({ teamId, figure: decisionConsistencyFromCounts(tally.countsOf(`t:${teamId}`), panel, ids) })),
  };
}

/** A mentor's marked review of a mentee's work (one per submission: the released one), marked at `markedAt` (ms). */
export type RubricReviewRecord = { personId: string; rubric: Rubric; marks: Readonly<Record<string, RubricMark>>; markedAt: number };

/**
 * Mean score per rubric criterion per quarter of the period (each criterion's own score, as
 * `rubricTotal` reads a mark, unweighted; unmarked or invalid marks left out). n counts scores;
 * suppressed while fewer than five people were scored. Every criterion marked in the period gets
 * a row for every quarter, by rubric, criterion order, then quarter.
 */
export function rubricScoresByQuarter(
  reviews: readonly RubricReviewRecord[],
  period: Period,
): { rubricId: string; criterionId: string; quarter: Quarter; figure: Figure<number> }[] {
  const scores: { rubricId: string; criterionId: string; order: number; quarter: Quarter; personId: string; score: number }[] = [];
  for (const review of reviews) {
    if (!inPeriod(review.markedAt, period)) continue;
    review.rubric.criteria.forEach((criterion, order) => {
      const { total } = rubricTotal({ ...review.rubric, criteria: [{ ...criterion, weight: 1 }] }, review.marks);
      if (total !== null) scores.push({ rubricId: review.rubric.id, criterionId: criterion.id, order, quarter: quarterOf(review.markedAt), personId: review.personId, score: total });
    });
  }
  const criteria = groupBy(scores, (s) => `${s.rubricId}\u0000${s.criterionId}`).sort(
    ([, a], [, b]) => (a[0]!.rubricId === b[0]!.rubricId ? a[0]!.order - b[0]!.order : a[0]!.rubricId < b[0]!.rubricId ? -1 : 1),
  );
  return criteria.flatMap(([, rows]) => {
    const byQuarter = new Map(groupBy(rows, (r) => r.quarter));
    return quartersIn(period).map((quarter) => {
      const inQuarter = byQuarter.get(quarter) ?? [];
      return { rubricId: rows[0]!.rubricId, criterionId: rows[0]!.criterionId, quarter, figure: figure(inQuarter.length, () => mean(inQuarter.map((r) => r.score)), distinctPeople(inQuarter)) };
    });
  });
}

/**
 * An agreed supervision action: its owner, the date of the session that agreed it, whether it is
 * a carried-forward copy (agreed earlier, so not counted again), and when it was marked done.
 */
export type ActionRecord = { personId: string; agreedOn: string; carried: boolean; doneAt: number | null };

/**
 * Supervision actions agreed (new, not carried, in a session dated in the quarter) and completed
 * (marked done in the quarter) per quarter of the period; n counts the people who own them,
 * suppressed below five.
 */
export function actionsByQuarter(actions: readonly ActionRecord[], period: Period): { quarter: Quarter; figure: Figure<{ agreed: number; completed: number }> }[] {
  const agreed = new Map(groupBy(actions.filter((a) => !a.carried && dateInPeriod(a.agreedOn, period)), (a) => quarterOfDate(a.agreedOn)));
  const completed = new Map(groupBy(actions.filter((a) => a.doneAt !== null && inPeriod(a.doneAt, period)), (a) => quarterOf(a.doneAt!)));
  return quartersIn(period).map((quarter) => {
    const agreedIn = agreed.get(quarter) ?? [];
    const completedIn = completed.get(quarter) ?? [];
    return { quarter, figure: figure(distinctPeople([...agreedIn, ...completedIn]), () => ({ agreed: agreedIn.length, completed: completedIn.length })) };
  });
}

/** How far back from the window's last day a 1:1 session still counts: 8 weeks, that day included. */
export const ONE_TO_ONE_WINDOW_DAYS = 56;

/** A mentoring session with one mentee on a London date; only recorded one-to-one sessions count. */
export type OneToOneSession = { menteeId: string | null; kind: SessionKind; state: SessionState; date: string };
export type OneToOneShare = { withSession: number; percent: number };

/**
 * The 8 weeks (ONE_TO_ONE_WINDOW_DAYS dates) ending on the period's last day, or on `today` (a
 * London date) when the period ends later: weeks that have not happened yet hold no sessions.
 */
export function oneToOneWindow(period: Period, today: string): Period {
  const to = period.to < today ? period.to : today;
  return { from: addDays(to, -(ONE_TO_ONE_WINDOW_DAYS - 1)), to };
}

/**
 * The share of staff with a recorded 1:1 session in the 8 weeks up to the period's last day, or
 * up to `today` while the period runs on (`oneToOneWindow`). n counts staff; suppressed below five.
 */
export function oneToOneShare(staffIds: readonly string[], sessions: readonly OneToOneSession[], period: Period, today: string): Figure<OneToOneShare> {
  const staff = new Set(staffIds);
  const window = oneToOneWindow(period, today);
  const seen = new Set(
    sessions
      .filter((s) => s.kind === 'one-to-one' && s.state === 'recorded' && s.menteeId !== null && staff.has(s.menteeId) && dateInPeriod(s.date, window))
      .map((s) => s.menteeId),
  );
  return figure(staff.size, () => ({ withSession: seen.size, percent: (seen.size / staff.size) * 100 }));
}
