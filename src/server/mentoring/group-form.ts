import { localePath, type FormValues, type Locale } from '../../domain/common/index.ts';
import type { Mailer } from '../mail/index.ts';
import type { Scope } from '../people/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult } from '../platform/index.ts';
import { cancelGroup, saveGroup } from './groups.ts';
import { sendSessionInvitations } from './session-invitations.ts';

const str = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value : '';
};

/** What the Cancel group action needs besides the group form's context: the mail to send the cancellations. */
export type GroupFormContext = { scope: Scope; locale: Locale; ip: string | null; mailer: Mailer; publicUrl: URL };

/**
 * The group form (new, or an edit when `groupId` is given): name and members; 409 on a stale
 * revision. `intent=cancel` on an existing group cancels it once the confirm box is ticked, and
 * sends each member of its planned sessions the cancellation at once.
 */
export async function groupForm(ctx: GroupFormContext, request: Request, groupId: string | null = null): Promise<FormResult<{ notFound: boolean }>> {
  const values = formValues(await readFormData(request), ['memberIds']);
  const revision = Number.parseInt(str(values, 'revision'), 10);
  if (groupId && str(values, 'intent') === 'cancel') {
    const cancelled = await cancelGroup(ctx.scope, { id: groupId, revision: Number.isInteger(revision) ? revision : null, confirmed: str(values, 'confirm') === 'yes' }, ctx.ip);
    if (cancelled.ok) {
      for (const id of cancelled.cancelledSessionIds) await sendSessionInvitations(ctx.scope.db, ctx.mailer, ctx.publicUrl, id, 'cancel', ctx.scope.now.getTime());
      return { ...formRedirect(`${localePath(ctx.locale, '/mentoring/groups')}?cancelled=1`, values), notFound: false };
    }
    if ('notFound' in cancelled) return { ...formAgain({}, values, 404), notFound: true };
    if ('conflict' in cancelled) return { ...formAgain({ _form: { key: 'sessions.conflict' } }, values, 409), notFound: false };
    return { ...formAgain(cancelled.errors, values), notFound: false };
  }
  const members = values.memberIds;
  const result = await saveGroup(
    ctx.scope,
    { id: groupId, name: str(values, 'name'), memberIds: Array.isArray(members) ? members : [], revision: Number.isInteger(revision) ? revision : null },
    ctx.ip,
  );
  if (result.ok) return { ...formRedirect(`${localePath(ctx.locale, `/mentoring/groups/${result.id}`)}?saved=1`, values), notFound: false };
  if ('notFound' in result) return { ...formAgain({}, values, 404), notFound: true };
  if ('conflict' in result) return { ...formAgain({ _form: { key: 'sessions.conflict' } }, values, 409), notFound: false };
  return { ...formAgain(result.errors, values), notFound: false };
}
