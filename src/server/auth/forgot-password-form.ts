import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import type { Mailer } from '../mail/index.ts';
import { fields, formAgain, parseForm, readFormData, type FormResult } from '../platform/index.ts';
import { requestPasswordReset } from './account-links.ts';

const forgotSchema = z.object({ email: fields.email() });

/** The answer to "forgot your password": the address the page says it wrote to, once valid. */
export type ForgotPasswordFormResult = FormResult<{ sentTo: string | null }>;

/**
 * Asks for a reset link. The page says the same thing whether or not the address has an
 * account, and the e-mail is sent in the background so the answer takes the same time.
 */
export async function forgotPasswordForm(
  services: { db: Db; mailer: Mailer; publicUrl: URL },
  request: Request,
  ip: string | null,
): Promise<ForgotPasswordFormResult> {
  const parsed = parseForm(forgotSchema, await readFormData(request));
  if (!parsed.ok) return { ...formAgain(parsed.errors, parsed.values), sentTo: null };
  // Not awaited: the answer must not take longer for an address that has an account.
  requestPasswordReset(services.db, services.mailer, services.publicUrl, parsed.data.email, ip).catch((error) => console.error('Password reset e-mail failed:', error));
  return { status: 200, errors: {}, values: parsed.values, redirect: null, sentTo: parsed.data.email };
}
