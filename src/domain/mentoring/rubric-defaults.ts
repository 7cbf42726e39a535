import type { Rubric } from './rubric.ts';
import { WORK_KINDS, type ActivityKind, type WorkKind } from './vocabulary.ts';

/**
 * The (work kind, activity kind) pairs a submission can come from, each with exactly one default
 * rubric. A reflection has no pair of its own: `defaultRubricFor` gives it the only rubric
 * covering reflections (content/rubrics keeps one; with two or more the mentor chooses).
 */
export const ASSESSED_WORK: readonly { workKind: WorkKind; activityKind: ActivityKind }[] = [
  { workKind: 'simulation', activityKind: 'conversation' },
  { workKind: 'simulation', activityKind: 'conference' },
  { workKind: 'threshold', activityKind: 'vignette' },
  { workKind: 'task', activityKind: 'task' },
];

/**
 * What is wrong with a set of rubrics' defaults, as sentences: a pair with no default or with
 * several, a work kind no rubric covers, and a default that names no pair the platform uses.
 */
export function rubricDefaultProblems(rubrics: readonly Pick<Rubric, 'id' | 'workKinds' | 'defaultFor'>[]): string[] {
  const problems: string[] = [];
  for (const { workKind, activityKind } of ASSESSED_WORK) {
    const defaults = rubrics.filter((r) => r.workKinds.includes(workKind) && r.defaultFor.includes(activityKind)).map((r) => r.id);
    if (defaults.length === 0) problems.push(`no rubric is the default for ${workKind} work on a ${activityKind}`);
    if (defaults.length > 1) problems.push(`${defaults.join(', ')} are all the default for ${workKind} work on a ${activityKind}: keep one`);
  }
  for (const workKind of WORK_KINDS) {
    if (!rubrics.some((r) => r.workKinds.includes(workKind))) problems.push(`no rubric covers ${workKind} work`);
  }
  for (const rubric of rubrics) {
    for (const activityKind of rubric.defaultFor) {
      if (!ASSESSED_WORK.some((p) => p.activityKind === activityKind && rubric.workKinds.includes(p.workKind))) {
        problems.push(`${rubric.id} is the default for a ${activityKind}, but none of its work kinds (${rubric.workKinds.join(', ')}) comes from one`);
      }
    }
  }
  return problems;
}
