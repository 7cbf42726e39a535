import { localePath, type Locale } from '../../domain/common/index.ts';
import { mayOnPerson } from '../access/index.ts';
import { formAgain, formRedirect, formValues, parseForm, readFormData, type FieldErrors, type FormResult, type FormValues } from '../platform/index.ts';
import { accessSchema, detailsSchema, resendInvitation, setActive, updateAccess, updateDetails, type AdminContext } from './people-admin.ts';
import { personTarget } from './people-repo.ts';

/** The notice each outcome leaves on the person page (`?done=…`), as a message key. */
export const PERSON_NOTICES = {
  invited: 'invite.sent',
  saved: 'person.saved',
  deactivated: 'person.deactivated',
  reactivated: 'person.reactivated',
  'resent-emailed': 'person.inviteResentEmailed',
  'resent-kept': 'person.inviteResentKept',
  'resent-queued': 'person.inviteResentQueued',
} as const;
export type PersonNotice = keyof typeof PERSON_NOTICES;

type ActionOutcome = { result: { ok: true } | { ok: false; errors: FieldErrors }; values: FormValues; done: PersonNotice };

// A re-sent invitation's notice says what became of it, as the invitation form's does.
const RESENT_NOTICE = { sent: 'resent-emailed', kept: 'resent-kept', failed: 'resent-queued' } as const;
type PersonAction = (ctx: AdminContext, personId: string, form: FormData) => Promise<ActionOutcome>;

// One handler per value of the form's hidden `action` field.
const ACTIONS: Record<string, PersonAction> = {
  details: async (ctx, personId, form) => {
    const parsed = parseForm(detailsSchema, form);
    return { result: parsed.ok ? await updateDetails(ctx, personId, parsed.data) : parsed, values: parsed.values, done: 'saved' };
  },
  access: async (ctx, personId, form) => {
    const parsed = parseForm(accessSchema, form, ['roles', 'teamIds', 'managedTeamIds']);
    return { result: parsed.ok ? await updateAccess(ctx, personId, parsed.data) : parsed, values: parsed.values, done: 'saved' };
  },
  deactivate: async (ctx, personId, form) => ({ result: await setActive(ctx, personId, false), values: formValues(form), done: 'deactivated' }),
  reactivate: async (ctx, personId, form) => ({ result: await setActive(ctx, personId, true), values: formValues(form), done: 'reactivated' }),
  resend: async (ctx, personId, form) => {
    const result = await resendInvitation(ctx, personId);
    return { result, values: formValues(form), done: result.ok ? RESENT_NOTICE[result.value.delivery] : 'resent-emailed' };
  },
};

/**
 * One of the forms on an administrator's person page, chosen by its hidden `action` field.
 * The values returned keep `action`, so the page knows which form to show again.
 */
export async function personAdminForm(ctx: AdminContext, personId: string, request: Request, locale: Locale): Promise<FormResult> {
  const form = await readFormData(request);
  const target = await personTarget(ctx.scope.db, personId);
  if (!target || !mayOnPerson(ctx.scope.viewer, 'person.manage', target)) return formAgain({ _form: { key: 'person.notFound' } }, {}, 404);
  const action = String(form.get('action') ?? '');
  // hasOwn, so an action named like an Object method ("constructor") is refused, not called.
  const handle = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (!handle) return formAgain({ _form: { key: 'errors.invalidChoice' } }, formValues(form));
  const { result, values, done } = await handle(ctx, personId, form);
  if (result.ok) return formRedirect(`${localePath(locale, `/admin/people/${personId}`)}?done=${done}`, values);
  return formAgain(result.errors, values);
}
