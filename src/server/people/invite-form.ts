import { localePath, type Locale } from '../../domain/shared/index.ts';
import { formAgain, formRedirect, parseForm, readFormData, type FormResult } from '../platform/index.ts';
import { invitePerson, inviteSchema, type AdminContext } from './people-admin.ts';

/** The invitation form: invites the person and goes back to the people list. */
export async function inviteForm(ctx: AdminContext, request: Request, locale: Locale): Promise<FormResult> {
  const parsed = parseForm(inviteSchema, await readFormData(request), ['roles', 'teamIds']);
  if (!parsed.ok) return formAgain(parsed.errors, parsed.values);
  const result = await invitePerson(ctx, parsed.data);
  // The same answer whether or not the address has an account in another organisation.
  if (result.ok) return formRedirect(`${localePath(locale, '/admin/people')}?done=invited`, parsed.values);
  return formAgain(result.errors, parsed.values);
}
