/**
 * The fewest people a figure may describe: below this a figure is suppressed, so that no one
 * can be identified from a small group (n ≥ 5 everywhere in Camau).
 */
export const SMALL_GROUP_MINIMUM = 5;

/** Whether a figure over `n` people may be shown. */
export function isShowable(n: number): boolean {
  return n >= SMALL_GROUP_MINIMUM;
}
