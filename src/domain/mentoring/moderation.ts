import { krippendorffAlpha, workingDaysBetween } from '../common/index.ts';

/** The fewest double-marked submissions before a rubric's agreement between mentors is shown. */
export const MODERATION_MINIMUM = 5;

/** Whether first and second marker may see each other's marking: only once both have released it. */
export function markingsVisibleToEachOther(first: { releasedAt: number | null }, second: { releasedAt: number | null }): boolean {
  return first.releasedAt !== null && second.releasedAt !== null;
}

/** Agreement between mentors on one rubric: Krippendorff's alpha (interval) over double-marked totals; null below `minimum` submissions. */
export function rubricModeration(pairs: readonly { first: number; second: number }[], minimum = MODERATION_MINIMUM): { n: number; alpha: number | null } {
  const n = pairs.length;
  if (n < minimum) return { n, alpha: null };
  return { n, alpha: krippendorffAlpha([pairs.map((p) => p.first), pairs.map((p) => p.second)], 'interval') };
}

/** Working days a submission has waited since the day it was submitted (0 on that day). */
export function waitingDays(submittedOn: string, today: string): number {
  return workingDaysBetween(submittedOn, today);
}
