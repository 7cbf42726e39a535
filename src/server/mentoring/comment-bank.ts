import { and, asc, count, eq } from 'drizzle-orm';
import { commentBank } from '../../../db/schema/index.ts';
import { mayInOrganisation } from '../access/index.ts';
import { newId, type FieldError } from '../platform/index.ts';
import type { Scope } from '../people/index.ts';
import { COMMENT_MAX } from './review.ts';

/** The most comments one mentor's bank holds. */
export const COMMENT_BANK_MAX = 200;

/** One reusable comment in a mentor's bank. */
export type BankComment = { id: string; text: string };

/** The signed-in mentor's own saved comments, oldest first; nobody else's, and none for someone without a workspace. */
export async function commentBankOf(scope: Scope): Promise<BankComment[]> {
  if (!mayInOrganisation(scope.viewer, 'mentoring.workspace')) return [];
  return scope.db
    .select({ id: commentBank.id, text: commentBank.text })
    .from(commentBank)
    .where(eq(commentBank.mentorId, scope.viewer.id))
    .orderBy(asc(commentBank.createdAt), asc(commentBank.id));
}

/** One of the signed-in mentor's own saved comments; null for anyone else's. */
export async function bankComment(scope: Scope, id: string): Promise<BankComment | null> {
  const [row] = await scope.db.select({ id: commentBank.id, text: commentBank.text }).from(commentBank).where(and(eq(commentBank.id, id), eq(commentBank.mentorId, scope.viewer.id)));
  return row ?? null;
}

/**
 * Saves a comment to the signed-in mentor's bank. The same text saved again is kept once; an
 * empty or too long comment, or a full bank, is an error and nothing is saved.
 */
export async function saveToCommentBank(scope: Scope, text: string): Promise<{ ok: true; id: string } | { ok: false; error: FieldError }> {
  if (!mayInOrganisation(scope.viewer, 'mentoring.workspace')) return { ok: false, error: { key: 'errors.403.body' } };
  const clean = text.trim();
  if (!clean) return { ok: false, error: { key: 'commentBank.error.empty' } };
  if (clean.length > COMMENT_MAX) return { ok: false, error: { key: 'errors.tooLong', params: { max: COMMENT_MAX } } };
  return scope.db.transaction(async (tx) => {
    const [same] = await tx.select({ id: commentBank.id }).from(commentBank).where(and(eq(commentBank.mentorId, scope.viewer.id), eq(commentBank.text, clean)));
    if (same) return { ok: true as const, id: same.id };
    const [held] = await tx.select({ n: count() }).from(commentBank).where(eq(commentBank.mentorId, scope.viewer.id));
    if ((held?.n ?? 0) >= COMMENT_BANK_MAX) return { ok: false as const, error: { key: 'commentBank.error.full', params: { max: COMMENT_BANK_MAX } } satisfies FieldError };
    const id = newId();
    await tx.insert(commentBank).values({ id, mentorId: scope.viewer.id, text: clean, createdAt: scope.now.getTime() });
    return { ok: true as const, id };
  });
}

/** Removes one of the signed-in mentor's own saved comments; false when there is no such comment of theirs. */
export async function removeFromCommentBank(scope: Scope, id: string): Promise<boolean> {
  const gone = await scope.db.delete(commentBank).where(and(eq(commentBank.id, id), eq(commentBank.mentorId, scope.viewer.id))).returning({ id: commentBank.id });
  return gone.length > 0;
}
