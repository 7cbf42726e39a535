export type ModuleStatus = 'not-started' | 'in-progress' | 'complete';

/**
 * A module is complete once a completion is recorded (of any version; `meetsCompletionRule`
 * decides that when it is written); it is in progress once anything has been done.
 */
export function moduleStatus(input: {
  visitedSectionIds: readonly string[];
  hasAttempt: boolean;
  completedVersion: number | null;
}): ModuleStatus {
  if (input.completedVersion !== null) return 'complete';
  if (input.visitedSectionIds.length > 0 || input.hasAttempt) return 'in-progress';
  return 'not-started';
}

/**
 * Whether passing the check completes the module: every section must have been opened before
 * the pass (a pass first and reading afterwards needs the check passed again).
 */
export function meetsCompletionRule(sectionIds: readonly string[], visitedSectionIds: readonly string[], passedCheck: boolean): boolean {
  const visited = new Set(visitedSectionIds);
  return passedCheck && sectionIds.every((id) => visited.has(id));
}

/** Where "resume" should take the learner: the first unvisited section, else the last one visited. */
export function resumeSection(sectionIds: readonly string[], visitedSectionIds: readonly string[], lastVisitedSectionId: string | null): string | null {
  const visited = new Set(visitedSectionIds);
  const firstUnvisited = sectionIds.find((id) => !visited.has(id));
  if (firstUnvisited && visited.size > 0) return firstUnvisited;
  if (lastVisitedSectionId && sectionIds.includes(lastVisitedSectionId)) return lastVisitedSectionId;
  return sectionIds[0] ?? null;
}

/** Progress through a programme: complete modules, total modules and a whole percentage. */
export function programmeProgress(statuses: readonly ModuleStatus[]): { complete: number; total: number; percent: number } {
  const complete = statuses.filter((s) => s === 'complete').length;
  const total = statuses.length;
  return { complete, total, percent: total === 0 ? 0 : Math.round((complete / total) * 100) };
}
