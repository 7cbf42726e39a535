import { and, asc, eq, inArray } from 'drizzle-orm';
import { registerRows, workshopReactions } from '../../../db/schema/index.ts';
import { checkReaction, reactionFigures, type ReactionFigures } from '../../domain/training/index.ts';
import { mayOnWorkshop } from '../access/index.ts';
import type { Scope } from '../people/index.ts';
import type { FieldErrors } from '../platform/index.ts';
import { workshopTarget, type Workshop } from './workshops.ts';
import { ATTENDED, forgetPromptRecords, promptRecords } from './prompts.ts';

/** Whether the viewer is asked for a reaction to a workshop, has given one, or may not give one. */
export type ReactionState = 'ask' | 'given' | 'not-open';


/** A workshop the viewer may react to: over, and they are marked on its register as attending. */
async function attendedWorkshop(scope: Scope, workshopId: string): Promise<Workshop | null> {
  const found = await workshopTarget(scope.db, scope.organisationId, workshopId);
  if (!found || found.workshop.endAt > scope.now.getTime()) return null;
  const [mark] = await scope.db
    .select({ mark: registerRows.mark })
    .from(registerRows)
    .where(and(eq(registerRows.workshopId, workshopId), eq(registerRows.personId, scope.viewer.id), inArray(registerRows.mark, [...ATTENDED])));
  return mark ? found.workshop : null;
}

/** The reaction page of a workshop: its title and whether the viewer is asked; null when the workshop is not theirs to see. */
export async function reactionPage(scope: Scope, workshopId: string): Promise<{ workshop: Workshop; state: ReactionState } | null> {
  const found = await workshopTarget(scope.db, scope.organisationId, workshopId);
  if (!found) return null;
  const attended = await attendedWorkshop(scope, workshopId);
  // Someone who was there may answer even if the workshop was later closed to their team.
  if (!attended && !mayOnWorkshop(scope.viewer, 'workshop.view', found.target)) return null;
  if (!attended) return { workshop: found.workshop, state: 'not-open' };
  const [given] = await scope.db
    .select({ at: workshopReactions.createdAt })
    .from(workshopReactions)
    .where(and(eq(workshopReactions.workshopId, workshopId), eq(workshopReactions.personId, scope.viewer.id)));
  return { workshop: found.workshop, state: given ? 'given' : 'ask' };
}

export type ReactionInput = { usefulness: string; relevance: string; confidence: string; comment: string };
export type ReactionResult = { ok: true } | { ok: false; error: 'not-found' | 'not-open' | 'given' | 'invalid'; errors?: FieldErrors };

/**
 * Saves the viewer's reaction to a workshop they attended, once: a second answer (another tab, a
 * double click) changes nothing and says it was already given.
 */
export async function saveReaction(scope: Scope, workshopId: string, input: ReactionInput): Promise<ReactionResult> {
  const page = await reactionPage(scope, workshopId);
  if (!page) return { ok: false, error: 'not-found' };
  if (page.state !== 'ask') return { ok: false, error: page.state };
  const checked = checkReaction(input);
  const errors: FieldErrors = {};
  for (const [field, key] of Object.entries(checked)) if (key) errors[field] = { key };
  if (Object.keys(errors).length) return { ok: false, error: 'invalid', errors };
  const inserted = await scope.db
    .insert(workshopReactions)
    .values({
      workshopId,
      personId: scope.viewer.id,
      usefulness: Number(input.usefulness),
      relevance: Number(input.relevance),
      confidence: Number(input.confidence),
      comment: input.comment.trim() || null,
      createdAt: scope.now.getTime(),
    })
    .onConflictDoNothing()
    .returning({ at: workshopReactions.createdAt });
  forgetPromptRecords(scope);
  return inserted.length ? { ok: true } : { ok: false, error: 'given' };
}

/** Workshops of the last 60 days the viewer attended and has not yet reacted to (home and training pages). */
export async function pendingReactions(scope: Scope): Promise<{ id: string; title: string; date: string }[]> {
  return (await promptRecords(scope)).pendingReactions;
}

/**
 * A workshop's reaction figures for its facilitators and admins (null below 5 answers, so nobody's
 * answer can be picked out) and, for admins only, the comments without names.
 */
export async function reactionFiguresFor(
  scope: Scope,
  workshopId: string,
): Promise<{ answered: number; figures: ReactionFigures | null; comments: string[] | null } | null> {
  const found = await workshopTarget(scope.db, scope.organisationId, workshopId);
  if (!found || !mayOnWorkshop(scope.viewer, 'workshop.reactions.figures', found.target)) return null;
  const rows = await scope.db
    .select({ usefulness: workshopReactions.usefulness, relevance: workshopReactions.relevance, confidence: workshopReactions.confidence, comment: workshopReactions.comment })
    .from(workshopReactions)
    .where(eq(workshopReactions.workshopId, workshopId))
    .orderBy(asc(workshopReactions.createdAt));
  const figures = reactionFigures(rows);
  const mayReadComments = mayOnWorkshop(scope.viewer, 'workshop.reactions.comments', found.target);
  const comments = mayReadComments && figures ? rows.flatMap((r) => (r.comment ? [r.comment] : [])) : null;
  return { answered: rows.length, figures, comments };
}
