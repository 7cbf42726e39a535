import { localePath } from '../../domain/common/index.ts';
import { pick, type RubricContent } from '../content/index.ts';
import { formAgain, formRedirect, type FieldError, type FormResult, type FormValues } from '../platform/index.ts';
import type { MentoringFormContext } from './assign-form.ts';
import { bankComment, removeFromCommentBank, saveToCommentBank } from './comment-bank.ts';
import { askSecondMarker, noticeSecondMarkingAsked } from './moderation.ts';

/** A form result that may carry a status line to show above the form shown again. */
export type ReviewFormResult = FormResult<{ notice?: FieldError }>;

/**
 * The review page's moderation and comment-bank buttons: **Ask to second-mark**, and per
 * criterion **Use** (a saved comment is added to the comment typed so far), save a comment to the
 * bank, and remove a saved one. Each comment-bank button shows the form again with everything
 * typed kept (nothing of the marking is saved); null when the button is none of these.
 */
export async function moderationFormAction(ctx: MentoringFormContext, submissionId: string, values: FormValues, rubric: RubricContent | null): Promise<ReviewFormResult | null> {
  const action = typeof values.action === 'string' ? values.action : '';
  const str = (name: string) => (typeof values[name] === 'string' ? values[name] : '');
  const criterion = (id: string) => rubric?.criteria.find((c) => c.id === id) ?? null;
  if (action === 'second-marker') {
    const asked = await askSecondMarker(ctx.scope, submissionId, str('secondMarker'), ctx.ip);
    if (!asked.ok) return 'errors' in asked ? formAgain(asked.errors, values) : formAgain({ _form: { key: 'review.error.notFound' } }, values, 404);
    if (asked.asked && ctx.mail) {
      // The request stands whatever the mail does; a failed notice is logged, never shown as a failed request.
      await noticeSecondMarkingAsked(ctx.scope.db, ctx.mail.mailer, ctx.mail.publicUrl, submissionId, ctx.scope.now.getTime()).catch((error) => console.error('Second-marking notice failed:', error));
    }
    return formRedirect(`${localePath(ctx.locale, `/mentoring/queue/${submissionId}`)}?asked#moderation-heading`);
  }
  if (action.startsWith('bank-use:')) {
    const c = criterion(action.slice('bank-use:'.length));
    if (!c) return formAgain({ _form: { key: 'errors.invalidChoice' } }, values);
    const saved = await bankComment(ctx.scope, str(`bank-${c.id}`));
    if (!saved) return formAgain({ [`bank-${c.id}`]: { key: 'commentBank.error.choose' } }, values);
    const typed = str(`comment-${c.id}`).trim();
    return { ...formAgain({}, { ...values, [`comment-${c.id}`]: typed ? `${typed}\n\n${saved.text}` : saved.text }, 200), notice: { key: 'commentBank.used', params: { criterion: pick(c.title, ctx.locale) } } };
  }
  if (action.startsWith('bank-save:')) {
    const c = criterion(action.slice('bank-save:'.length));
    if (!c) return formAgain({ _form: { key: 'errors.invalidChoice' } }, values);
    const saved = await saveToCommentBank(ctx.scope, str(`comment-${c.id}`));
    if (!saved.ok) return formAgain({ [`comment-${c.id}`]: saved.error }, values);
    return { ...formAgain({}, values, 200), notice: { key: 'commentBank.saved' } };
  }
  if (action.startsWith('bank-remove:')) {
    await removeFromCommentBank(ctx.scope, action.slice('bank-remove:'.length));
    return { ...formAgain({}, values, 200), notice: { key: 'commentBank.removed' } };
  }
  return null;
}
