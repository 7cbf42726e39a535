import { localePath, type Locale } from '../../domain/common/index.ts';
import type { Scope } from '../people/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult } from '../platform/index.ts';
import { saveIndicators } from './indicators.ts';

/** **Save indicators** (admins): saves the quarter's changed values and shows the quarter again, or the errors beside the fields with what was typed. */
export async function indicatorsForm(scope: Scope, locale: Locale, ip: string | null, request: Request): Promise<FormResult> {
  const values = formValues(await readFormData(request));
  const saved = await saveIndicators(scope, values, ip);
  if (saved.ok) return formRedirect(`${localePath(locale, '/evaluation/indicators')}?quarter=${saved.quarter}&done=${saved.changed ? 'saved' : 'unchanged'}`);
  if (saved.error === 'invalid') return formAgain(saved.errors, values);
  return formAgain({}, values, 403);
}
