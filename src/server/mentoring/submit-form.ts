import { localePath } from '../../domain/common/index.ts';
import type { Rubric } from '../../domain/mentoring/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult } from '../platform/index.ts';
import type { MentoringFormContext } from './assign-form.ts';
import { submitForReview, type SubmitRefusal } from './submissions.ts';

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
