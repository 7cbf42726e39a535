import { localePath } from '../../domain/common/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult } from '../platform/index.ts';
import type { MentoringFormContext } from './assign-form.ts';
import { changeDueDate, withdrawAssignment, type AssignmentRefusal } from './assignments.ts';

const REFUSAL_STATUS: Record<AssignmentRefusal, number> = { 'not-found': 404, stale: 409, withdrawn: 409 };
const REFUSAL_KEY = {
  'not-found': 'mentoring.error.notFound',
  stale: 'mentoring.error.stale',
  withdrawn: 'mentoring.error.withdrawn',
} as const;

/**
 * The owner's form on /mentoring/assignments/:id: `intent` 'due' moves the due date (409 with the
 * typed date kept when the assignment changed since the page was drawn), 'withdraw' withdraws it.
 */
export async function assignmentChangeForm(ctx: MentoringFormContext, id: string, request: Request): Promise<FormResult> {
  const values = formValues(await readFormData(request));
  const str = (name: string) => (typeof values[name] === 'string' ? values[name] : '');
  const intent = str('intent');
  const here = localePath(ctx.locale, `/mentoring/assignments/${id}`);
  if (intent !== 'due' && intent !== 'withdraw') return formAgain({ _form: { key: 'errors.invalidChoice' } }, values);
  const revision = Number.parseInt(str('revision'), 10);
  const result = intent === 'due'
    ? await changeDueDate(ctx.scope, id, str('dueDate'), Number.isSafeInteger(revision) ? revision : -1, ctx.ip)
    : await withdrawAssignment(ctx.scope, id, ctx.ip);
  if (result.ok) return formRedirect(`${here}?${intent === 'due' ? 'changed' : 'withdrawn'}`);
  if ('errors' in result) return formAgain(result.errors, values);
  return formAgain({ _form: { key: REFUSAL_KEY[result.refusal] } }, values, REFUSAL_STATUS[result.refusal]);
}
