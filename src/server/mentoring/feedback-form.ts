import { localePath } from '../../domain/common/index.ts';
import type { RubricMark } from '../../domain/mentoring/index.ts';
import type { RubricContent } from '../content/index.ts';
import { formAgain, formRedirect, formValues, readFormData } from '../platform/index.ts';
import type { ContentCatalogue } from './activity-catalogue.ts';
import type { MentoringFormContext } from './assign-form.ts';
import { noticeFeedbackReleased } from './notices.ts';
import { askRevision, chooseRubric, saveMarking, saveMentorCodes } from './review.ts';
import { moderationFormAction, type ReviewFormResult } from './moderation-form.ts';

/**
 * The rubric form on /mentoring/queue/:id: **Save draft**, **Release feedback**, **Ask for a
 * revision** or **Use this rubric** (the button's `action`). Mistakes show the form again (422) beside their fields; a
 * draft saved in another tab since answers 409 with everything typed kept in the form.
 */
export async function feedbackForm(ctx: MentoringFormContext, submissionId: string, request: Request, rubric: RubricContent | null, rubrics: readonly RubricContent[], catalogue?: ContentCatalogue): Promise<ReviewFormResult> {
  const values = formValues(await readFormData(request));
  const moderated = await moderationFormAction(ctx, submissionId, values, rubric);
  if (moderated) return moderated;
  const str = (name: string) => (typeof values[name] === 'string' ? values[name] : '');
  const here = localePath(ctx.locale, `/mentoring/queue/${submissionId}`);
  if (str('action') === 'revision') {
    const asked = await askRevision(ctx.scope, submissionId, str('revisionMessage'), ctx.ip);
    if (asked.ok) return formRedirect(`${localePath(ctx.locale, '/mentoring/queue')}?revision`);
    if ('errors' in asked) return formAgain(asked.errors, values);
    return formAgain({ _form: { key: 'review.error.notFound' } }, values, 404);
  }
  if (str('action') === 'rubric') {
    const chosen = await chooseRubric(ctx.scope, submissionId, str('rubricId'), rubrics);
    if (chosen.ok) return formRedirect(`${here}?${chosen.cleared ? 'rubric&cleared' : 'rubric'}#rubric-heading`);
    if ('errors' in chosen) return formAgain(chosen.errors, values);
    return formAgain({ _form: { key: 'review.error.notFound' } }, values, 404);
  }
  if (str('action') === 'codes') {
    const codes = Object.fromEntries(Object.entries(values).flatMap(([name, v]) => (name.startsWith('code-') && typeof v === 'string' ? [[name.slice(5), v]] : [])));
    const coded = await saveMentorCodes(ctx.scope, submissionId, codes);
    if (coded.ok) return formRedirect(`${here}?coded#coding-heading`);
    if ('errors' in coded) return formAgain(coded.errors, values);
    return formAgain({ _form: { key: 'review.error.notFound' } }, values, 404);
  }
  const levels: Record<string, RubricMark> = {};
  const comments: Record<string, string> = {};
  for (const criterion of rubric?.criteria ?? []) {
    const level = str(`level-${criterion.id}`);
    const score = str(`score-${criterion.id}`).trim();
    if (level) levels[criterion.id] = score ? { level, score: Number(score) } : { level };
    const comment = str(`comment-${criterion.id}`);
    if (comment.trim()) comments[criterion.id] = comment;
  }
  const revision = Number.parseInt(str('revision'), 10);
  const release = str('action') === 'release';
  const drawnWith = str('rubricId');
  const saved = await saveMarking(ctx.scope, submissionId, { levels, comments, overall: str('overall'), revision: Number.isFinite(revision) ? revision : -1, release, ...(drawnWith ? { rubricId: drawnWith } : {}) }, ctx.ip, rubrics);
  if (saved.ok && saved.releasedNow && ctx.mail) {
    // The feedback is released whatever the mail does; a failed notice is logged, never shown as a failed release.
    await noticeFeedbackReleased(ctx.scope.db, ctx.mail.mailer, ctx.mail.publicUrl, submissionId, ctx.scope.now.getTime(), catalogue).catch((error) => console.error('Feedback notice failed:', error));
  }
  if (saved.ok) return formRedirect(`${here}?${saved.released ? 'released' : 'saved'}#total`);
  if ('conflict' in saved) return formAgain({ _form: { key: 'review.error.conflict' } }, values, 409);
  if ('errors' in saved) return formAgain(saved.errors, values);
  return formAgain({ _form: { key: 'review.error.notFound' } }, values, 404);
}
