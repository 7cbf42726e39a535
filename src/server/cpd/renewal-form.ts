import { parseRenewalDetails } from '../../domain/cpd/index.ts';
import { localePath } from '../../domain/common/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FieldErrors, type FormResult } from '../platform/index.ts';
import type { CpdFormContext } from './cpd-entry-form.ts';
import { saveRenewalDetails } from './renewal.ts';

/**
 * The account page's registration form: the Social Care Wales registration number (optional,
 * digits) and the renewal date; saving queues the renewal reminders.
 */
export async function renewalForm(ctx: CpdFormContext, request: Request): Promise<FormResult> {
  const values = formValues(await readFormData(request));
  const str = (name: string) => (typeof values[name] === 'string' ? values[name] : '');
  const parsed = parseRenewalDetails({ registrationNumber: str('registrationNumber'), renewalDate: str('renewalDate') });
  if (!parsed.ok) {
    const errors: FieldErrors = {};
    for (const [field, key] of Object.entries(parsed.errors)) errors[field] = { key };
    return formAgain(errors, values);
  }
  await saveRenewalDetails(ctx.scope, parsed.value);
  return formRedirect(`${localePath(ctx.locale, '/account')}?renewal=saved#renewal-heading`);
}
