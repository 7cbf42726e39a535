import { localePath, type Locale } from '../../domain/common/index.ts';
import { formAgain, formRedirect, parseForm, readFormData, type FormResult } from '../platform/index.ts';
import { invitePerson, inviteSchema, type AdminContext } from './people-admin.ts';

/**
 * The notice the people list shows after an invitation (`?done=…`), as a message key: whether it
 * was e-mailed, only kept in the outbox (no mail server), or refused by the mail server and queued.
 */
export const INVITE_NOTICES = {
  'invitation-emailed': 'people.invitationEmailed',
  'invitation-kept': 'people.invitationKept',
  'invitation-queued': 'people.invitationQueued',
} as const;

/** The message key of the people list's `?done=…` value, or null for any other value. */
export function inviteNotice(done: string | null): (typeof INVITE_NOTICES)[keyof typeof INVITE_NOTICES] | null {
  for (const [value, key] of Object.entries(INVITE_NOTICES)) if (value === done) return key;
  return null;
}

const NOTICE_FOR_DELIVERY = { sent: 'invitation-emailed', kept: 'invitation-kept', failed: 'invitation-queued' } as const;

/** The invitation form: invites the person and goes back to the people list, saying how it went. */
export async function inviteForm(ctx: AdminContext, request: Request, locale: Locale): Promise<FormResult> {
  const parsed = parseForm(inviteSchema, await readFormData(request), ['roles', 'teamIds']);
  if (!parsed.ok) return formAgain(parsed.errors, parsed.values);
  const result = await invitePerson(ctx, parsed.data);
  // The same answer whether or not the address has an account in another organisation.
  if (result.ok) return formRedirect(`${localePath(locale, '/admin/people')}?done=${NOTICE_FOR_DELIVERY[result.value.delivery]}`, parsed.values);
  return formAgain(result.errors, parsed.values);
}
