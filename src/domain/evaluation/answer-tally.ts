// Counting threshold answers for many groups at once (quarters, calibration rounds, teams), one person at a time.
import { DECISIONS, LIKELIHOODS, type AnswerCounts } from '../thresholds/index.ts';
import type { RoundAnswer } from './behaviour.ts';

const decisionIndex = new Map(DECISIONS.map((d, i) => [d, i]));
const likelihoodIndex = new Map(LIKELIHOODS.map((l, i) => [l, i]));

/** One group's tally: latest answers per person and situation, counted as `AnswerCounts` needs them. */
class GroupTally {
  /** Per situation, how many chose each decision and each likelihood (by their place on the scale). */
  private readonly decisions = new Map<string, number[]>();
  private readonly likelihoods = new Map<string, number[]>();
  /** Each person's latest answers, kept to find who answered every situation anyone answered. */
  private readonly people: ReadonlyMap<string, RoundAnswer>[] = [];

  add(latest: ReadonlyMap<string, RoundAnswer>): void {
    for (const [vignetteId, a] of latest) {
      let decisions = this.decisions.get(vignetteId);
      let likelihoods = this.likelihoods.get(vignetteId);
      if (!decisions || !likelihoods) {
        this.decisions.set(vignetteId, (decisions = new Array<number>(DECISIONS.length).fill(0)));
        this.likelihoods.set(vignetteId, (likelihoods = new Array<number>(LIKELIHOODS.length).fill(0)));
      }
      decisions[decisionIndex.get(a.decision)!]! += 1;
      likelihoods[likelihoodIndex.get(a.likelihood)!]! += 1;
    }
    this.people.push(latest);
  }

  counts(): AnswerCounts {
    const answered = this.decisions.size;
    const complete = this.people.filter((person) => person.size === answered);
    const completeDecisions = new Map<string, number[]>();
    for (const person of complete) {
      for (const [vignetteId, a] of person) {
        let row = completeDecisions.get(vignetteId);
        if (!row) completeDecisions.set(vignetteId, (row = new Array<number>(DECISIONS.length).fill(0)));
        row[decisionIndex.get(a.decision)!]! += 1;
      }
    }
    const decisionRows = (map: Map<string, number[]>) =>
      [...map].flatMap(([vignetteId, counts]) => DECISIONS.flatMap((decision, i) => (counts[i] ? [{ vignetteId, decision, count: counts[i] }] : [])));
    return {
      respondents: this.people.length,
      decisions: decisionRows(this.decisions),
      likelihoods: [...this.likelihoods].flatMap(([vignetteId, counts]) => LIKELIHOODS.flatMap((likelihood, i) => (counts[i] ? [{ vignetteId, likelihood, count: counts[i] }] : []))),
      completeRaters: complete.length,
      completeDecisions: decisionRows(completeDecisions),
      // The report reads no month-by-month figures.
      months: [],
    };
  }
}

/**
 * Answer counts for many overlapping groups in one pass over each person's answers: every
 * answer belongs to the groups `groupsOf` names (only groups that count its situation), and
 * within a group a person counts once per situation, with their latest answer (as `countAnswers`).
 * Give all of one person's answers in one call.
 */
export class AnswerTally {
  private readonly groups = new Map<string, GroupTally>();

  addPerson(answers: readonly RoundAnswer[], groupsOf: (answer: RoundAnswer) => readonly string[]): void {
    const latest = new Map<string, Map<string, RoundAnswer>>();
    for (const a of answers) {
      for (const group of groupsOf(a)) {
        let byVignette = latest.get(group);
        if (!byVignette) latest.set(group, (byVignette = new Map()));
        const previous = byVignette.get(a.vignetteId);
        if (!previous || a.completedAt > previous.completedAt) byVignette.set(a.vignetteId, a);
      }
    }
    for (const [group, byVignette] of latest) {
      let tally = this.groups.get(group);
      if (!tally) this.groups.set(group, (tally = new GroupTally()));
      tally.add(byVignette);
    }
  }

  /** The counts of a group (empty when nobody's answer fell in it). */
  countsOf(group: string): AnswerCounts {
    return (this.groups.get(group) ?? new GroupTally()).counts();
  }
}
