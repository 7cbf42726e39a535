import {
  checkDiscussion,
  CPD_CONTRIBUTION_MAX_LENGTH,
  CPD_MANUAL_KINDS,
  CPD_PROVIDER_MAX_LENGTH,
  CPD_TITLE_MAX_LENGTH,
  parseManualTime,
  type CpdManualKind,
} from '../../domain/cpd/index.ts';
import { isCalendarDate, localePath, type Locale } from '../../domain/common/index.ts';
import type { Scope } from '../people/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FieldErrors, type FormResult, type FormValues } from '../platform/index.ts';
import { addExternalCpd, getOwnCpdEntry, ukToday, updateCpdReflection } from './cpd-entries.ts';

/** Whose record (the viewer's), on which language's page, at the request's time. */
export type CpdFormContext = { scope: Scope; locale: Locale };

const text = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};

function checkLength(errors: FieldErrors, field: string, value: string, max: number) {
  if (value.length > max && !errors[field]) errors[field] = { key: 'errors.tooLong', params: { max } };
}

/** Reads "how it contributed" and "discussed with" from a form, adding any problems to `errors`. */
function readReflection(values: FormValues, errors: FieldErrors, today: string) {
  const contribution = text(values, 'contribution');
  checkLength(errors, 'contribution', contribution, CPD_CONTRIBUTION_MAX_LENGTH);
  const discussion = checkDiscussion({ discussedWith: text(values, 'discussedWith'), discussedOn: text(values, 'discussedOn') }, today);
  if (!discussion.ok) for (const [field, key] of Object.entries(discussion.errors)) errors[field] = { key };
  return discussion.ok ? { contribution: contribution || null, ...discussion.value } : null;
}

/**
 * The form for learning done elsewhere (title, date, provider, time in hours and minutes, kind,
 * and optionally how it contributed): adds it to the record, or shows the form again.
 */
export async function externalCpdForm(ctx: CpdFormContext, request: Request): Promise<FormResult> {
  const values = formValues(await readFormData(request));
  const today = ukToday(ctx.scope.now.getTime());
  const errors: FieldErrors = {};
  const title = text(values, 'title');
  const date = text(values, 'date');
  const provider = text(values, 'provider');
  const kind = text(values, 'kind');
  if (!title) errors.title = { key: 'errors.required' };
  checkLength(errors, 'title', title, CPD_TITLE_MAX_LENGTH);
  if (!date) errors.date = { key: 'errors.required' };
  else if (!isCalendarDate(date)) errors.date = { key: 'cpd.errors.date' };
  else if (date > today) errors.date = { key: 'cpd.errors.dateInFuture' };
  checkLength(errors, 'provider', provider, CPD_PROVIDER_MAX_LENGTH);
  const time = parseManualTime({ hours: text(values, 'hours'), minutes: text(values, 'minutes') });
  if (!time.ok) errors.hours = { key: time.error };
  if (!(CPD_MANUAL_KINDS as readonly string[]).includes(kind)) errors.kind = { key: 'errors.invalidChoice' };
  const contribution = text(values, 'contribution');
  checkLength(errors, 'contribution', contribution, CPD_CONTRIBUTION_MAX_LENGTH);
  if (Object.keys(errors).length || !time.ok) return formAgain(errors, values);
  await addExternalCpd(ctx.scope, { title, date, provider, minutes: time.minutes, kind: kind as CpdManualKind, contribution: contribution || null });
  return formRedirect(`${localePath(ctx.locale, '/cpd')}?done=added`);
}

/**
 * An entry's edit form: how it contributed to the person's practice and who they discussed it
 * with (and when). Someone else's entry answers 404, as if it did not exist.
 */
export async function cpdReflectionForm(ctx: CpdFormContext, entryId: string, request: Request): Promise<FormResult> {
  const values = formValues(await readFormData(request));
  if (!(await getOwnCpdEntry(ctx.scope, entryId))) return formAgain({}, values, 404);
  const errors: FieldErrors = {};
  const reflection = readReflection(values, errors, ukToday(ctx.scope.now.getTime()));
  if (Object.keys(errors).length || !reflection) return formAgain(errors, values);
  await updateCpdReflection(ctx.scope, entryId, reflection);
  return formRedirect(`${localePath(ctx.locale, '/cpd')}?done=saved#entry-${entryId}`);
}
