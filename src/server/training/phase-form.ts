import { localePath, type Locale } from '../../domain/common/index.ts';
import type { Scope } from '../people/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult, type FormValues } from '../platform/index.ts';
import { removePhase, savePhase, type PhaseInput } from './phases.ts';

const text = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** The phase form's fields as typed; a target that is not a whole number stays NaN for the check to name. */
export function phaseFields(values: FormValues): PhaseInput {
  const target = text(values, 'targetPercent');
  const teamIds = values.teamIds;
  return {
    id: text(values, 'id') || null,
    name: text(values, 'name'),
    startsOn: text(values, 'startsOn'),
    endsOn: text(values, 'endsOn'),
    targetPercent: /^\d{1,3}$/.test(target) ? Number(target) : Number.NaN,
    teamIds: Array.isArray(teamIds) ? teamIds.filter((v) => v !== '') : teamIds ? [teamIds] : [],
  };
}

/** **Add a phase** / change one / remove one (`intent=remove`) (admins): returns to the list, or shows the errors beside the fields. */
export async function phaseForm(scope: Scope, locale: Locale, ip: string | null, request: Request): Promise<FormResult> {
  const values = formValues(await readFormData(request), ['teamIds']);
  if (text(values, 'intent') === 'remove') {
    const removed = await removePhase(scope, text(values, 'id'), ip);
    if (removed.ok) return formRedirect(`${localePath(locale, '/admin/training/phases')}?done=removed`);
    return formAgain({}, {}, removed.error === 'not-allowed' ? 403 : 404);
  }
  const saved = await savePhase(scope, phaseFields(values), ip);
  if (saved.ok) return formRedirect(`${localePath(locale, '/admin/training/phases')}?done=saved`);
  if (saved.error === 'invalid') return formAgain(saved.errors, values);
  return formAgain({}, values, saved.error === 'not-allowed' ? 403 : 404);
}
