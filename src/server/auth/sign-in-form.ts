import type { Db } from '../../../db/client.ts';
import { PASSWORD_MAX_LENGTH } from '../../domain/auth/index.ts';
import { localePath, type Locale } from '../../domain/common/index.ts';
import { EMAIL_MAX_LENGTH, formAgain, formRedirect, formValues, readFormData, safeNextPath, type FieldError, type FieldErrors, type FormResult } from '../platform/index.ts';
import { rememberLocale } from './account.ts';
import { lockedMessage } from './rate-limit.ts';
import { signIn } from './sign-in.ts';

/** The sign-in form's answer: a new session to set, or a refusal shown above the form. */
export type SignInFormResult = FormResult<{
  session: { token: string; expiresAt: number } | null;
  refusal: FieldError | null;
  /** With a 429, how long the browser is told to wait. */
  retryAfterSeconds: number | null;
}>;

/**
 * The sign-in form: checks the fields, then the password (rate-limited and audited by signIn).
 * The password never comes back in the values. Signing in on a page in one language (`locale`)
 * is a choice of that language: the person lands in it and it becomes their preference.
 */
export async function signInForm(db: Db, request: Request, ip: string, locale: Locale, now = Date.now()): Promise<SignInFormResult> {
  const { password: rawPassword, ...values } = formValues(await readFormData(request));
  const email = String(values.email ?? '').trim();
  const password = String(rawPassword ?? '');
  const none = { session: null, refusal: null, retryAfterSeconds: null };
  const errors: FieldErrors = {};
  if (!email) errors.email = { key: 'errors.required' };
  else if (email.length > EMAIL_MAX_LENGTH) errors.email = { key: 'errors.emailInvalid' };
  if (!password) errors.password = { key: 'errors.required' };
  else if (password.length > PASSWORD_MAX_LENGTH) errors.password = { key: 'errors.passwordTooLong' };
  if (Object.keys(errors).length) return { ...formAgain(errors, values), ...none };

  const result = await signIn(db, { email, password, ip }, now);
  if (result.ok) {
    if (result.person.locale !== locale) await rememberLocale(db, result.person.id, locale, now);
    const target = safeNextPath(String(values.next ?? '')) ?? '/home';
    return { ...formRedirect(localePath(locale, target), values), ...none, session: { token: result.token, expiresAt: result.expiresAt } };
  }
  if (result.reason === 'locked') return { ...formAgain({}, values, 429), ...none, refusal: lockedMessage(result.minutes), retryAfterSeconds: result.minutes * 60 };
  return { ...formAgain({}, values, 401), ...none, refusal: { key: 'signIn.invalid' } };
}
