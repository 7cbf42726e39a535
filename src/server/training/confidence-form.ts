import { localePath, type Locale } from '../../domain/common/index.ts';
import type { Scope } from '../people/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult } from '../platform/index.ts';
import { ratingField, saveConfidence, skipConfidence, type ProgrammeOutline } from './confidence.ts';

/**
 * The confidence form (`/training/confidence/:programme`): saves a rating 1–10 for each statement,
 * or skips the prompt once (`intent=skip`). A wrong or missing rating shows the form again with
 * the error beside the statement and nothing saved; a prompt that is not due is a 409.
 */
export async function confidenceForm(scope: Scope, locale: Locale, programme: ProgrammeOutline, request: Request): Promise<FormResult> {
  const values = formValues(await readFormData(request));
  const moment = typeof values.moment === 'string' ? values.moment : '';
  const back = localePath(locale, `/learn/${programme.id}`);
  if (values.intent === 'skip') {
    const skipped = await skipConfidence(scope, programme, moment);
    return skipped.ok ? formRedirect(`${back}?done=confidenceSkipped`) : formAgain({}, values, 409);
  }
  const ratings = Object.fromEntries(programme.statementIds.map((id) => [id, values[ratingField(id)]]));
  const saved = await saveConfidence(scope, programme, moment, ratings);
  if (saved.ok) return formRedirect(`${back}?done=confidenceSaved`);
  return saved.error === 'invalid' ? formAgain(saved.errors, values) : formAgain({}, values, 409);
}
