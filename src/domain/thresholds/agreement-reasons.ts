/**
 * Why an agreement figure (Fleiss' kappa, Krippendorff's alpha) cannot be computed, so a page
 * can give the real reason rather than a dash. Pure.
 */

/** The reasons an agreement figure is undefined, in the order they are checked. */
export const UNDEFINED_REASONS = ['no-complete-sets', 'too-few-pairs', 'no-variation'] as const;
export type UndefinedReason = (typeof UNDEFINED_REASONS)[number];

/**
 * Why agreement cannot be measured on these counts (`unitCounts[unit][category]`), or null when
 * it can. `completeRaters`, given for Fleiss' kappa, is how many people answered every unit:
 * kappa needs at least two. Otherwise a figure needs a unit answered by at least two people,
 * and more than one category used on such units (else chance agreement is total).
 */
export function undefinedReason(unitCounts: readonly (readonly number[])[], options: { completeRaters?: number } = {}): UndefinedReason | null {
  if (options.completeRaters !== undefined && options.completeRaters < 2) return 'no-complete-sets';
  const pairable = unitCounts.filter((counts) => counts.reduce((a, b) => a + b, 0) >= 2);
  if (!pairable.length) return 'too-few-pairs';
  const used = new Set<number>();
  for (const counts of pairable) counts.forEach((c, i) => c > 0 && used.add(i));
  return used.size < 2 ? 'no-variation' : null;
}
