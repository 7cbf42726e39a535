import { localePath, type Locale } from '../../domain/common/index.ts';
import type { Need } from '../../domain/training/index.ts';
import type { Scope } from '../people/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FieldErrors, type FormResult } from '../platform/index.ts';
import { removeNeedRule, saveNeedRule } from './needs.ts';

export type NeedsFormContext = { scope: Scope; locale: Locale; ip: string | null };

/**
 * The needs rules page's POST: `intent=remove` with `ruleId` removes a rule; otherwise the one
 * rule for (programme, team, role) is added or changed. Admins only (the route is /admin).
 */
export async function needsRulesForm(ctx: NeedsFormContext, programmeIds: readonly string[], request: Request): Promise<FormResult> {
  const values = formValues(await readFormData(request));
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  const back = `${localePath(ctx.locale, '/admin/training/rules')}?saved=1`;
  if (str('intent') === 'remove') {
    const removed = await removeNeedRule(ctx.scope, str('ruleId'), ctx.ip);
    if (removed.ok) return formRedirect(back);
    return formAgain({}, {}, removed.error === 'not-allowed' ? 403 : 404);
  }
  const saved = await saveNeedRule(
    ctx.scope,
    { programmeId: str('programmeId'), teamId: str('teamId'), role: str('role'), need: str('need') as Need, workshopRequired: str('workshopRequired') === 'yes' },
    programmeIds,
    ctx.ip,
  );
  if (saved.ok) return formRedirect(back);
  if (saved.error !== 'invalid') return formAgain({}, values, saved.error === 'not-allowed' ? 403 : 404);
  const errors: FieldErrors = {};
  for (const [field, key] of Object.entries(saved.fields)) errors[field] = { key };
  return formAgain(errors, values);
}
