import { z } from 'zod';
import { localePath, type Locale } from '../../domain/common/index.ts';
import { changeOwnPassword, deletePersonSessions, rememberLocale } from '../auth/index.ts';
import { fields, formAgain, formRedirect, formValues, parseForm, readFormData, type FormResult } from '../platform/index.ts';
import type { OperatorScope } from '../people/index.ts';
import { createOrganisation, newOrganisationSchema, organisationNamesSchema, renameOrganisation, setOrganisationActive, type OperatorContext } from './organisations.ts';

/** The `?done=…` notices of the operator's pages, as message keys. */
export const OPERATOR_NOTICES = {
  'created-emailed': 'operator.notice.createdEmailed',
  'created-kept': 'operator.notice.createdKept',
  'created-queued': 'operator.notice.createdQueued',
  renamed: 'operator.notice.renamed',
  deactivated: 'operator.notice.deactivated',
  reactivated: 'operator.notice.reactivated',
  language: 'operator.notice.language',
  password: 'operator.notice.password',
} as const;

/** The message key of a `?done=…` value, or null for any other value. */
export function operatorNotice(done: string | null): (typeof OPERATOR_NOTICES)[keyof typeof OPERATOR_NOTICES] | null {
  for (const [value, key] of Object.entries(OPERATOR_NOTICES)) if (value === done) return key;
  return null;
}

const DELIVERY = { sent: 'created-emailed', kept: 'created-kept', failed: 'created-queued' } as const;

/** The new-organisation form: creates the council and invites its first administrator, then back to the list. */
export async function createOrganisationForm(ctx: OperatorContext, request: Request, locale: Locale): Promise<FormResult> {
  const parsed = parseForm(newOrganisationSchema, await readFormData(request));
  if (!parsed.ok) return formAgain(parsed.errors, parsed.values);
  const result = await createOrganisation(ctx, parsed.data);
  if (!result.ok) return formAgain(result.errors, parsed.values);
  return formRedirect(`${localePath(locale, '/operator')}?done=${DELIVERY[result.value.delivery]}`);
}

const confirmSchema = z.object({ confirm: z.literal('yes', { error: 'operator.errors.confirmDeactivate' }) });

/**
 * One council's forms, chosen by the hidden `action` field: rename (both names), deactivate
 * (only with the warning's box ticked) and reactivate. Back to the council's page after each.
 */
export async function organisationForm(ctx: OperatorContext, id: string, request: Request, locale: Locale): Promise<FormResult> {
  const form = await readFormData(request);
  const action = String(form.get('action') ?? '');
  const back = (done: string) => formRedirect(`${localePath(locale, `/operator/organisations/${encodeURIComponent(id)}`)}?done=${done}`);
  if (action === 'rename') {
    const parsed = parseForm(organisationNamesSchema, form);
    if (!parsed.ok) return formAgain(parsed.errors, parsed.values);
    const result = await renameOrganisation(ctx, id, parsed.data);
    return result.ok ? back('renamed') : formAgain(result.errors, parsed.values, result.errors._form ? 404 : 422);
  }
  if (action === 'deactivate' || action === 'reactivate') {
    if (action === 'deactivate') {
      const confirmed = parseForm(confirmSchema, form);
      if (!confirmed.ok) return formAgain(confirmed.errors, { action });
    }
    const result = await setOrganisationActive(ctx, id, action === 'reactivate');
    return result.ok ? back(`${action}d`) : formAgain(result.errors, {}, 404);
  }
  return formAgain({ _form: { key: 'errors.invalidChoice' } }, formValues(form), 400);
}

/** The operator's account forms: language, password, sign out everywhere. `endSession` asks the page to clear this browser's cookie. */
export async function operatorAccountForm(
  scope: OperatorScope & { sessionId: string },
  request: Request,
  ip: string | null,
  locale: Locale,
): Promise<FormResult<{ endSession: boolean }>> {
  const form = await readFormData(request);
  const action = String(form.get('action') ?? '');
  const account = { db: scope.db, personId: scope.operator.id, now: scope.now };
  if (action === 'language') {
    const parsed = parseForm(z.object({ locale: fields.locale() }), form);
    if (!parsed.ok) return { ...formAgain(parsed.errors), endSession: false };
    await rememberLocale(scope.db, scope.operator.id, parsed.data.locale, scope.now.getTime());
    return { ...formRedirect(`${localePath(parsed.data.locale, '/operator/account')}?done=language`), endSession: false };
  }
  if (action === 'password') {
    const { current, password, confirm, ...values } = formValues(form);
    const input = { sessionId: scope.sessionId, current: String(current ?? ''), password: String(password ?? ''), confirm: String(confirm ?? ''), signOutOthers: values.signOutOthers === 'yes', ip };
    const result = await changeOwnPassword(account, input);
    if (result.ok) return { ...formRedirect(`${localePath(locale, '/operator/account')}?done=password`), endSession: false };
    return { ...formAgain(result.errors, values), endSession: false };
  }
  if (action === 'sign-out-everywhere') {
    await deletePersonSessions(scope.db, scope.operator.id);
    return { ...formRedirect(`${localePath(locale, '/sign-in')}?signed-out`), endSession: true };
  }
  return { ...formAgain({ _form: { key: 'errors.invalidChoice' } }, {}, 400), endSession: false };
}
