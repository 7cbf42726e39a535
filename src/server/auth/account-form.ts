import { z } from 'zod';
import { localePath, type Locale } from '../../domain/common/index.ts';
import type { Scope } from '../people/index.ts';
import { fields, formAgain, formRedirect, formValues, parseForm, readFormData, type FormResult } from '../platform/index.ts';
import { changePassword, setPreferredLocale } from './account.ts';
import { deletePersonSessions } from './sessions.ts';
import { setNoticesReceived } from '../mail/index.ts';
import { NOTICE_KINDS, type NoticeKind } from '../../domain/mail/index.ts';

const isNoticeKind = (value: string): value is NoticeKind => (NOTICE_KINDS as readonly string[]).includes(value);

/** The account page's answer; `endSession` asks the page to clear this browser's cookie too. */
export type AccountFormResult = FormResult<{ endSession: boolean }>;

/** Who is changing their own account, from which session and address, on which language's page. */
export type AccountFormContext = { scope: Scope; sessionId: string; ip: string | null; locale: Locale };

const languageSchema = z.object({ locale: fields.locale() });

/**
 * The account page's forms, chosen by the hidden `action` field: language, password, the
 * e-mail notices received and "sign out everywhere". Passwords never come back in the values.
 */
export async function accountForm(ctx: AccountFormContext, request: Request): Promise<AccountFormResult> {
  const form = await readFormData(request);
  const action = String(form.get('action') ?? '');
  if (action === 'language') {
    const parsed = parseForm(languageSchema, form);
    if (!parsed.ok) return { ...formAgain(parsed.errors), endSession: false };
    await setPreferredLocale(ctx.scope, parsed.data.locale);
    // The next page is in the language just chosen.
    return { ...formRedirect(`${localePath(parsed.data.locale, '/account')}?done=language`), endSession: false };
  }
  if (action === 'password') {
    const { current, password, confirm, ...values } = formValues(form);
    const result = await changePassword(ctx.scope, {
      sessionId: ctx.sessionId,
      current: String(current ?? ''),
      password: String(password ?? ''),
      confirm: String(confirm ?? ''),
      signOutOthers: values.signOutOthers === 'yes',
      ip: ctx.ip,
    });
    if (result.ok) return { ...formRedirect(`${localePath(ctx.locale, '/account')}?done=password`), endSession: false };
    return { ...formAgain(result.errors, values), endSession: false };
  }
  if (action === 'notices') {
    const chosen = form.getAll('receive').map(String);
    if (chosen.some((kind) => !isNoticeKind(kind))) return { ...formAgain({ receive: { key: 'errors.invalidChoice' } }), endSession: false };
    await setNoticesReceived(ctx.scope, chosen.filter(isNoticeKind));
    return { ...formRedirect(`${localePath(ctx.locale, '/account')}?done=notices`), endSession: false };
  }
  if (action === 'sign-out-everywhere') {
    await deletePersonSessions(ctx.scope.db, ctx.scope.viewer.id);
    return { ...formRedirect(`${localePath(ctx.locale, '/sign-in')}?signed-out`), endSession: true };
  }
  return { ...formAgain({ _form: { key: 'errors.invalidChoice' } }), endSession: false };
}
