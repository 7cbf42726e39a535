import { localePath, type Locale } from '../../domain/common/index.ts';
import type { Scope } from '../people/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult } from '../platform/index.ts';
import { saveEvaluationNote } from './notes.ts';
import type { ReportPeriod } from './results.ts';
import type { ReportScopeOption } from './report-scope.ts';

/**
 * **Save recommendations** (admins): keeps a new version of the text of the scope chosen in the
 * form (one of `options`, the scopes the viewer may see) and returns to the same report.
 */
export async function notesForm(scope: Scope, locale: Locale, ip: string | null, request: Request, options: readonly ReportScopeOption[]): Promise<FormResult> {
  const values = formValues(await readFormData(request));
  const option = options.find((o) => o.key === values.scope);
  if (!option) return formAgain({}, values, 404);
  const period = { from: String(values.from ?? ''), to: String(values.to ?? '') } satisfies ReportPeriod;
  const saved = await saveEvaluationNote(scope, option, typeof values.text === 'string' ? values.text : '', ip);
  if (saved.ok) {
    const query = new URLSearchParams({ from: period.from, to: period.to, scope: option.key, done: saved.saved ? 'saved' : 'unchanged' });
    return formRedirect(`${localePath(locale, '/evaluation')}?${query}#recommendations-heading`);
  }
  if (saved.error === 'invalid') return formAgain(saved.errors, values);
  return formAgain({}, values, 403);
}
