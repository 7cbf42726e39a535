import { localePath } from '../../domain/common/index.ts';
import type { Rubric } from '../../domain/mentoring/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult } from '../platform/index.ts';
import type { MentoringFormContext } from './assign-form.ts';
import { submitForReview, submitReflection, type ReflectionRefusal, type SubmitRefusal } from './submissions.ts';

const refusalKey = {
  'not-found': 'review.error.notFound',
  'not-asked': 'review.error.notAsked',
  locked: 'review.error.locked',
  'no-work': 'review.error.noWork',
} as const satisfies Record<SubmitRefusal, string>;

/**
 * The Submit for review form (POST to /assigned/:id with `intent=submit`): submits the mentee's
 * finished work with an optional note, then shows the assigned item again; a refusal is shown
 * on the form (404 for someone else's assignment, 409 when it is already waiting, else 422).
 */
export async function submitReviewForm(ctx: MentoringFormContext, assignmentId: string, request: Request, rubrics: readonly Rubric[]): Promise<FormResult> {
  const values = formValues(await readFormData(request));
  const str = (name: string) => (typeof values[name] === 'string' ? values[name] : '');
  const result = await submitForReview(ctx.scope, { assignmentId, workId: str('workId') || null, note: str('note') || null }, ctx.ip, rubrics);
  if (result.ok) return formRedirect(`${localePath(ctx.locale, `/assigned/${assignmentId}`)}?submitted#review-heading`);
  if ('errors' in result) return formAgain(result.errors, values);
  const status = result.refusal === 'not-found' ? 404 : result.refusal === 'locked' ? 409 : 422;
  return formAgain({ _form: { key: refusalKey[result.refusal] } }, values, status);
}

const reflectionRefusalKey = {
  'not-found': 'reviewRead.reflection.notFound',
  'no-mentor': 'reviewRead.reflection.noMentor',
  locked: 'review.error.locked',
} as const satisfies Record<ReflectionRefusal, string>;

/**
 * Submit for review on a reflective-log entry (POST to /reflective-log with `intent=submit` and
 * `entryId`): shares the entry with the mentor and submits it, then shows the log again at that
 * entry; a refusal is shown beside the entry (404 for someone else's entry, 409 when locked, else 422).
 */
export async function submitReflectionForm(ctx: MentoringFormContext, request: Request, rubrics: readonly Rubric[]): Promise<FormResult> {
  const values = formValues(await readFormData(request));
  const str = (name: string) => (typeof values[name] === 'string' ? values[name] : '');
  const entryId = str('entryId');
  const result = await submitReflection(ctx.scope, { entryId, note: str('note') || null }, ctx.ip, rubrics);
  if (result.ok) return formRedirect(`${localePath(ctx.locale, '/reflective-log')}?submitted=${encodeURIComponent(entryId)}#entry-${encodeURIComponent(entryId)}`);
  if ('errors' in result) return formAgain(result.errors, values);
  const status = result.refusal === 'not-found' ? 404 : result.refusal === 'locked' ? 409 : 422;
  return formAgain({ _form: { key: reflectionRefusalKey[result.refusal] } }, values, status);
}
