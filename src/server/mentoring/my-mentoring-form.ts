import { localePath, type FormValues, type Locale } from '../../domain/common/index.ts';
import type { Scope } from '../people/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult } from '../platform/index.ts';
import { addTakeaway, markMyActionDone } from './sessions.ts';

const str = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value : '';
};

/**
 * My mentoring's two small forms: `intent=done` marks one of the person's own actions done;
 * `intent=takeaway` adds their "what I took from it" line to a session (errors keep the text and
 * name the session, so the page shows them beside that session's field).
 */
export async function myMentoringForm(ctx: { scope: Scope; locale: Locale }, request: Request): Promise<FormResult<{ sessionId: string | null }>> {
  const values = formValues(await readFormData(request));
  const back = (query: string, anchor: string) => ({ ...formRedirect(`${localePath(ctx.locale, '/my-mentoring')}?${query}#${anchor}`, values), sessionId: null });
  if (str(values, 'intent') === 'done') {
    const result = await markMyActionDone(ctx.scope, str(values, 'actionId'));
    if (result.ok) return back('done=action', 'open-actions-heading');
    return { ...formAgain(result.errors, values, 422), sessionId: null };
  }
  const sessionId = str(values, 'sessionId');
  const result = await addTakeaway(ctx.scope, sessionId, str(values, 'takeaway'));
  if (result.ok) return back('done=takeaway', `session-${sessionId}`);
  if ('notFound' in result) return { ...formAgain({}, values, 404), sessionId: null };
  return { ...formAgain(result.errors, values, 422), sessionId };
}
