import { isShowable } from '../common/index.ts';

/**
 * A figure of the report: `n` is what it counts (people, or answers where it says so) and is
 * always shown; `value` is null when the figure is suppressed because it would describe fewer
 * than five people (SMALL_GROUP_MINIMUM), so no one can be identified from a small group.
 */
export type Figure<T> = { n: number; value: T | null; suppressed: boolean };

/**
 * A figure over `n`, computed only when it describes at least five people: `compute` is never
 * called on a small group. `people` is how many distinct people stand behind the figure when
 * that differs from `n` (e.g. reactions counted per workshop); it defaults to `n`.
 */
export function figure<T>(n: number, compute: () => T, people: number = n): Figure<T> {
  if (!isShowable(people)) return { n, value: null, suppressed: true };
  return { n, value: compute(), suppressed: false };
}
