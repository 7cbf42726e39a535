import type { Db } from '../../../db/client.ts';
import { localePath, type Locale } from '../../domain/common/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult } from '../platform/index.ts';
import { setPasswordFromLink } from './account-links.ts';

/** The set-password form's answer; `values.token` is the link it was sent from. */
export type SetPasswordFormResult = FormResult<{ session: { token: string; expiresAt: number } | null }>;

/**
 * The form behind an invitation or reset link: sets the password and starts a session
 * (410 when the link is used up or unknown). Only the token comes back in the values.
 */
export async function setPasswordForm(db: Db, request: Request, ip: string | null, locale: Locale, now = Date.now()): Promise<SetPasswordFormResult> {
  const posted = formValues(await readFormData(request));
  const values = { token: String(posted.token ?? '') };
  const result = await setPasswordFromLink(db, { token: values.token, password: String(posted.password ?? ''), confirm: String(posted.confirm ?? ''), ip }, now);
  if (result.ok) return { ...formRedirect(localePath(locale, '/home'), values), session: { token: result.sessionToken, expiresAt: result.sessionExpiresAt } };
  if (result.reason === 'invalid-link') return { ...formAgain({}, values, 410), session: null };
  return { ...formAgain(result.errors, values), session: null };
}
