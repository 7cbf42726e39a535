import type { ActivityKind, WorkKind } from './vocabulary.ts';

/** A level of a criterion: a fixed score, or a range the marker picks a score inside. */
export type RubricLevel = { id: string; score: number } | { id: string; range: readonly [number, number] };
export type RubricCriterion = { id: string; weight: number; levels: readonly RubricLevel[] };
/** A rubric as the domain needs it (titles and descriptors stay in the content). */
export type Rubric = {
  id: string;
  version: number;
  workKinds: readonly WorkKind[];
  /** The activity kinds this rubric is the default for (with one of its work kinds). */
  defaultFor: readonly ActivityKind[];
  criteria: readonly RubricCriterion[];
};
/** A marker's choice for one criterion; `score` only matters for a ranged level. */
export type RubricMark = { level: string; score?: number };
export type RubricProblem = { criterionId: string; problem: 'missing' | 'unknown-level' | 'out-of-range' };

const topOf = (level: RubricLevel): number => ('score' in level ? level.score : level.range[1]);

/**
 * Weighted total of the criteria marked so far (null when none is), the weighted maximum, and
 * whether every criterion is marked properly; a ranged level needs a score inside its range.
 */
export function rubricTotal(rubric: Rubric, marks: Readonly<Record<string, RubricMark>>):
  { total: number | null; max: number; complete: boolean; problems: RubricProblem[] } {
  let total: number | null = null;
  let max = 0;
  const problems: RubricProblem[] = [];
  for (const criterion of rubric.criteria) {
    max += criterion.weight * Math.max(...criterion.levels.map(topOf));
    const mark = Object.hasOwn(marks, criterion.id) ? marks[criterion.id] : undefined;
    if (!mark) { problems.push({ criterionId: criterion.id, problem: 'missing' }); continue; }
    const level = criterion.levels.find((l) => l.id === mark.level);
    if (!level) { problems.push({ criterionId: criterion.id, problem: 'unknown-level' }); continue; }
    let score: number;
    if ('score' in level) score = level.score;
    else {
      const [low, high] = level.range;
      if (mark.score === undefined || !Number.isFinite(mark.score) || mark.score < low || mark.score > high) {
        problems.push({ criterionId: criterion.id, problem: 'out-of-range' });
        continue;
      }
      score = mark.score;
    }
    total = (total ?? 0) + criterion.weight * score;
  }
  return { total, max, complete: problems.length === 0, problems };
}

/**
 * The rubric a submission starts with: the one covering the work kind that is the default for the
 * activity's kind; else the only rubric covering the work kind; else null (the mentor chooses).
 */
export function defaultRubricFor(workKind: WorkKind, activityKind: ActivityKind | null, rubrics: readonly Rubric[]): Rubric | null {
  const covering = rubrics.filter((r) => r.workKinds.includes(workKind));
  const byDefault = activityKind === null ? undefined : covering.find((r) => r.defaultFor.includes(activityKind));
  return byDefault ?? (covering.length === 1 ? covering[0]! : null);
}
