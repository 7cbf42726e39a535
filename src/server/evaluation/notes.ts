import { and, desc, eq } from 'drizzle-orm';
import { evaluationNotes, people } from '../../../db/schema/index.ts';
import { mayOnEvaluation } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Scope } from '../people/index.ts';
import { LONGEST_TEXT_FIELD, newId, type FieldErrors } from '../platform/index.ts';
import { evaluationTargetOf, type ReportScopeOption } from './report-scope.ts';

/** One saved version of a scope's recommendations text. */
export type NoteVersion = { id: string; text: string; authorName: string | null; at: number };

export type SaveNoteResult = { ok: true; saved: boolean } | { ok: false; error: 'not-allowed' } | { ok: false; error: 'invalid'; errors: FieldErrors };

type ScopeRef = Pick<ReportScopeOption, 'key' | 'kind' | 'id'>;

/** The recommendations of a report scope: the current version and the earlier ones, newest first (none for a viewer who may not see the scope). */
export async function evaluationNotesOf(scope: Scope, option: ScopeRef): Promise<{ current: NoteVersion | null; earlier: NoteVersion[] }> {
  if (!mayOnEvaluation(scope.viewer, 'evaluation.view', evaluationTargetOf(scope.organisationId, option))) return { current: null, earlier: [] };
  const versions = await scope.db
    .select({ id: evaluationNotes.id, text: evaluationNotes.text, authorName: people.name, at: evaluationNotes.createdAt })
    .from(evaluationNotes)
    .leftJoin(people, eq(people.id, evaluationNotes.authorId))
    .where(and(eq(evaluationNotes.organisationId, scope.organisationId), eq(evaluationNotes.scope, option.key)))
    .orderBy(desc(evaluationNotes.createdAt), desc(evaluationNotes.id));
  return { current: versions[0] ?? null, earlier: versions.slice(1) };
}

/**
 * Saves the recommendations text of a report scope as a new version (admins): required, at most
 * 10,000 characters. The same text as the current version saves nothing (a form sent twice keeps
 * one version). A saved version is audited as `evaluation-notes.saved`.
 */
export async function saveEvaluationNote(scope: Scope, option: ScopeRef, text: string, ip: string | null): Promise<SaveNoteResult> {
  if (!mayOnEvaluation(scope.viewer, 'evaluation.notes.write', evaluationTargetOf(scope.organisationId, option))) return { ok: false, error: 'not-allowed' };
  const clean = text.replace(/\r\n/g, '\n').trim();
  if (clean === '') return { ok: false, error: 'invalid', errors: { text: { key: 'errors.required' } } };
  if (clean.length > LONGEST_TEXT_FIELD) return { ok: false, error: 'invalid', errors: { text: { key: 'errors.tooLong', params: { max: LONGEST_TEXT_FIELD } } } };
  const now = scope.now.getTime();
  return scope.db.transaction(async (tx): Promise<SaveNoteResult> => {
    const [current] = await tx
      .select({ text: evaluationNotes.text })
      .from(evaluationNotes)
      .where(and(eq(evaluationNotes.organisationId, scope.organisationId), eq(evaluationNotes.scope, option.key)))
      .orderBy(desc(evaluationNotes.createdAt), desc(evaluationNotes.id))
      .limit(1);
    if (current?.text === clean) return { ok: true, saved: false };
    const id = newId();
    await tx.insert(evaluationNotes).values({ id, organisationId: scope.organisationId, scope: option.key, text: clean, authorId: scope.viewer.id, createdAt: now });
    await recordAudit(tx, { organisationId: scope.organisationId, actorId: scope.viewer.id, action: 'evaluation-notes.saved', detail: { scope: option.key, noteId: id, characters: clean.length }, ip }, now);
    return { ok: true, saved: true };
  });
}
