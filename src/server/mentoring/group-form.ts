import { localePath, type FormValues, type Locale } from '../../domain/common/index.ts';
import type { Scope } from '../people/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult } from '../platform/index.ts';
import { saveGroup } from './groups.ts';

const str = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value : '';
};

/** The group form (new, or an edit when `groupId` is given): name and members; 409 on a stale revision. */
export async function groupForm(ctx: { scope: Scope; locale: Locale; ip: string | null }, request: Request, groupId: string | null = null): Promise<FormResult<{ notFound: boolean }>> {
  const values = formValues(await readFormData(request), ['memberIds']);
  const revision = Number.parseInt(str(values, 'revision'), 10);
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
