import { localePath } from '../../domain/common/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FieldErrors, type FormResult } from '../platform/index.ts';
import { overrideNeed } from './needs.ts';
import type { NeedsFormContext } from './needs-rules-form.ts';

/**
 * A manager's (or admin's) change to one person's need for one programme, with a reason: back to
 * the person's training record when saved; 422 with the errors beside the fields; 404 for someone
 * the viewer may not act for (nothing saved).
 */
export async function needOverrideForm(ctx: NeedsFormContext, personId: string, programmeIds: readonly string[], request: Request): Promise<FormResult> {
  const values = formValues(await readFormData(request));
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const result = await overrideNeed(ctx.scope, personId, { programmeId: str('programmeId'), need: str('need'), reason: str('reason') }, programmeIds, ctx.ip);
  if (result.ok) return formRedirect(`${localePath(ctx.locale, `/people/${personId}`)}?need=saved#training-record-heading`);
  if (result.error !== 'invalid') return formAgain({}, {}, 404);
  const errors: FieldErrors = {};
  for (const [field, key] of Object.entries(result.fields)) errors[field] = { key };
  return formAgain(errors, values);
}
