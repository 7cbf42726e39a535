/**
 * Whether the dates a case conference simulation shows can all be followed: each meeting's
 * on-screen deadline must come after the meetings before it, or following the screen forces a
 * fail. Pure; `npm run content:check` runs it on every scenario.
 */
import { nextDeadline } from './case-conference.ts';

/** One step of a simulation: its deadline as shown, and the date it is held on. */
export type ChainStep = { step: string; deadline: string; date: string };

export type ChainProblem =
  | { step: string; problem: 'deadline-not-after-previous-date'; deadline: string; previous: string; previousDate: string }
  | { step: string; problem: 'deadline-before-earlier-deadline'; deadline: string; previous: string; previousDeadline: string };

/**
 * The steps a learner sees (each Core Group, then the review conference) when every meeting
 * is held on the last day its on-screen deadline allows.
 */
export function hintedDateChain(conferenceDate: string, coreGroups: number): ChainStep[] {
  const dates: string[] = [];
  const steps: ChainStep[] = [];
  for (let i = 0; i < coreGroups; i++) {
    const deadline = nextDeadline(conferenceDate, dates, false, coreGroups - i - 1);
    steps.push({ step: `core-group-${i + 1}`, deadline, date: deadline });
    dates.push(deadline);
  }
  const review = nextDeadline(conferenceDate, dates, true);
  steps.push({ step: 'review-conference', deadline: review, date: review });
  return steps;
}

/**
 * The impossible links in a chain of steps after the initial conference: a deadline on or
 * before the date of the step before it (nothing can be held after that step and by then), or
 * a later step whose deadline falls before an earlier step's deadline.
 */
export function checkDateChain(conferenceDate: string, steps: readonly ChainStep[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  steps.forEach((s, i) => {
    const before = steps[i - 1];
    const previousDate = before ? before.date : conferenceDate;
    if (s.deadline <= previousDate) problems.push({ step: s.step, problem: 'deadline-not-after-previous-date', deadline: s.deadline, previous: before?.step ?? 'initial-conference', previousDate });
    const earlier = steps.slice(0, i).find((e) => e.deadline > s.deadline);
    if (earlier) problems.push({ step: s.step, problem: 'deadline-before-earlier-deadline', deadline: s.deadline, previous: earlier.step, previousDeadline: earlier.deadline });
  });
  return problems;
}

/** A problem as one line for the content check. */
export function describeChainProblem(p: ChainProblem): string {
  return p.problem === 'deadline-not-after-previous-date'
    ? `${p.step}: its deadline ${p.deadline} is not after ${p.previous} (held on ${p.previousDate}), so following the dates on screen forces a fail`
    : `${p.step}: its deadline ${p.deadline} is before the deadline of ${p.previous} (${p.previousDeadline})`;
}
