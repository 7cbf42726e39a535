import { localePath, type Locale } from '../../domain/common/index.ts';
import type { Scope } from '../people/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult, type FormValues } from '../platform/index.ts';
import { saveReaction } from './reactions.ts';

const text = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value : '';
};

/**
 * The reaction form after a workshop: three ratings 1–5 and an optional comment, once. A wrong
 * field is shown again beside it with what was typed; a second answer shows the thanks.
 */
export async function reactionForm(ctx: { scope: Scope; locale: Locale }, workshopId: string, request: Request): Promise<FormResult> {
  const values = formValues(await readFormData(request));
  const saved = await saveReaction(ctx.scope, workshopId, {
    usefulness: text(values, 'usefulness'),
    relevance: text(values, 'relevance'),
    confidence: text(values, 'confidence'),
    comment: text(values, 'comment'),
  });
  const page = localePath(ctx.locale, `/training/workshops/${workshopId}/reaction`);
  if (saved.ok || saved.error === 'given') return formRedirect(`${page}?done=thanks`);
  if (saved.error === 'invalid') return formAgain(saved.errors ?? {}, values);
  if (saved.error === 'not-open') return formAgain({ _form: { key: 'reaction.notOpen' } }, values, 403);
  return formAgain({}, values, 404);
}
