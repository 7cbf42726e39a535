// Counting threshold answers for many groups at once (quarters, calibration rounds, teams), one person at a time.
import type { AnswerCounts, Decision, Likelihood } from '../thresholds/index.ts';
import type { RoundAnswer } from './behaviour.ts';

/** One group's tally: latest answers per person and situation, counted as `AnswerCounts` needs them. */
class GroupTally {
  readonly decisions = new Map<string, number>();
  readonly likelihoods = new Map<string, number>();
  /** Each person's decision per situation, kept to find who answered every situation anyone answered. */
  readonly people: Map<string, Decision>[] = [];

  add(latest: Map<string, RoundAnswer>): void {
    const decided = new Map<string, Decision>();
    for (const [vignetteId, a] of latest) {
      const d = `${vignetteId}\u0000${a.decision}`;
      this.decisions.set(d, (this.decisions.get(d) ?? 0) + 1);
      const l = `${vignetteId}\u0000${a.likelihood}`;
      this.likelihoods.set(l, (this.likelihoods.get(l) ?? 0) + 1);
      decided.set(vignetteId, a.decision);
    }
    this.people.push(decided);
  }

  counts(): AnswerCounts {
    const answered = new Set<string>();
    for (const person of this.people) for (const vignetteId of person.keys()) answered.add(vignetteId);
    const complete = this.people.filter((person) => person.size === answered.size);
    const completeDecisions = new Map<string, number>();
    for (const person of complete) {
      for (const [vignetteId, decision] of person) {
        const key = `${vignetteId}\u0000${decision}`;
        completeDecisions.set(key, (completeDecisions.get(key) ?? 0) + 1);
      }
    }
    const split = (key: string) => key.split('\u0000') as [string, string];
    const decisionRows = (map: Map<string, number>) =>
      [...map].map(([key, count]) => {
        const [vignetteId, decision] = split(key);
        return { vignetteId, decision: decision as Decision, count };
      });
    return {
      respondents: this.people.length,
      decisions: decisionRows(this.decisions),
      likelihoods: [...this.likelihoods].map(([key, count]) => {
        const [vignetteId, likelihood] = split(key);
        return { vignetteId, likelihood: likelihood as Likelihood, count };
      }),
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
