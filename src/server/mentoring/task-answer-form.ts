import { localePath } from '../../domain/common/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult } from '../platform/index.ts';
import type { MentoringFormContext } from './assign-form.ts';
import { saveTaskAnswer } from './assignments.ts';

/** The longest answer to a practice task. */
export const ANSWER_MAX = 10_000;

/**
 * The mentee's answer box on /assigned/:id: saves a new version of the answer; an empty or too
 * long answer is shown again (422); while a submission waits for feedback the answer is locked (409).
 */
export async function taskAnswerForm(ctx: MentoringFormContext, id: string, request: Request): Promise<FormResult> {
  const values = formValues(await readFormData(request));
  const text = typeof values.answer === 'string' ? values.answer.trim() : '';
  if (!text) return formAgain({ answer: { key: 'errors.required' } }, values);
  if (text.length > ANSWER_MAX) return formAgain({ answer: { key: 'errors.tooLong', params: { max: ANSWER_MAX } } }, values);
  const saved = await saveTaskAnswer(ctx.scope, id, text);
  if (saved.ok) return formRedirect(`${localePath(ctx.locale, `/assigned/${id}`)}?saved#answer-heading`);
  if (saved.refusal === 'locked') return formAgain({ _form: { key: 'mentoring.error.answerLocked' } }, values, 409);
  return formAgain({ _form: { key: 'mentoring.error.notFound' } }, values, 404);
}
