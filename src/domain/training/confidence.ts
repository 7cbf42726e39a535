// Confidence ratings a person gives a programme's statements before and after it.
export const CONFIDENCE_MIN = 1;
export const CONFIDENCE_MAX = 10;
export type ConfidenceErrorKey = 'confidence.errors.rating';

/** The errors of a confidence form by statement id: every statement needs a whole-number rating 1–10. */
export function checkConfidenceRatings(
  statementIds: readonly string[],
  ratings: Readonly<Record<string, unknown>>,
): { ok: true; ratings: Record<string, number> } | { ok: false; errors: Record<string, ConfidenceErrorKey> } {
  const errors: Record<string, ConfidenceErrorKey> = {};
  const valid: Record<string, number> = {};
  for (const id of statementIds) {
    const raw = ratings[id];
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : typeof raw === 'number' ? raw : Number.NaN;
    if (Number.isInteger(value) && value >= CONFIDENCE_MIN && value <= CONFIDENCE_MAX) valid[id] = value;
    else errors[id] = 'confidence.errors.rating';
  }
  return Object.keys(errors).length === 0 ? { ok: true, ratings: valid } : { ok: false, errors };
}

/** Before/after pairs of one person's ratings for the statements both moments rated (their means, one pair per person). */
export function personPair(before: Readonly<Record<string, number>>, after: Readonly<Record<string, number>>): { before: number; after: number } | null {
  const ids = Object.keys(before).filter((id) => id in after);
  if (ids.length === 0) return null;
  const mean = (r: Readonly<Record<string, number>>) => ids.reduce((s, id) => s + r[id]!, 0) / ids.length;
  return { before: mean(before), after: mean(after) };
}
