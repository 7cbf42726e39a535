// Reactions after a workshop: three 1–5 ratings and an optional comment.
export const REACTION_ITEMS = ['usefulness', 'relevance', 'confidence'] as const;
export type ReactionItem = (typeof REACTION_ITEMS)[number];
export type ReactionRow = Record<ReactionItem, number>;
export type ItemFigures = { mean: number; counts: [number, number, number, number, number] };
export type ReactionFigures = { n: number } & Record<ReactionItem, ItemFigures>;
export type ReactionErrorKey = 'reaction.errors.rating' | 'reaction.errors.comment';

export const REACTION_MINIMUM = 5;
export const COMMENT_MAX = 2000;

/** Means and counts per item; null below `minimum` (5) answers, so nobody's answer can be picked out. */
export function reactionFigures(rows: readonly ReactionRow[], minimum = REACTION_MINIMUM): ReactionFigures | null {
  if (rows.length === 0 || rows.length < minimum) return null;
  const item = (name: ReactionItem): ItemFigures => {
    const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
    let sum = 0;
    for (const row of rows) {
      counts[row[name] - 1]! += 1;
      sum += row[name];
    }
    return { mean: sum / rows.length, counts };
  };
  return { n: rows.length, usefulness: item('usefulness'), relevance: item('relevance'), confidence: item('confidence') };
}

/** The errors of a reaction form by field: each rating a whole number 1–5, the comment at most 2,000 characters. */
export function checkReaction(input: { usefulness: unknown; relevance: unknown; confidence: unknown; comment: string }): Partial<
  Record<ReactionItem | 'comment', ReactionErrorKey>
> {
  const errors: Partial<Record<ReactionItem | 'comment', ReactionErrorKey>> = {};
  for (const name of REACTION_ITEMS) {
    const value = Number(input[name]);
    if (input[name] === '' || input[name] === null || !Number.isInteger(value) || value < 1 || value > 5) errors[name] = 'reaction.errors.rating';
  }
  if (input.comment.length > COMMENT_MAX) errors.comment = 'reaction.errors.comment';
  return errors;
}
