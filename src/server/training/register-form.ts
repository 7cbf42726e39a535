import { localePath } from '../../domain/common/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult, type FormValues } from '../platform/index.ts';
import { saveRegister, type RegisterMarkInput } from './register.ts';
import type { TrainingFormContext } from './workshop-form.ts';

const text = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};
const list = (values: FormValues, name: string): string[] => {
  const value = values[name];
  return Array.isArray(value) ? value.filter((v) => v !== '') : typeof value === 'string' && value !== '' ? [value] : [];
};

/** The register's rows as posted: `row` names each person; `mark-<id>` and `minutes-<id>` their mark and minutes. */
export function registerMarks(values: FormValues): RegisterMarkInput[] {
  return list(values, 'row').map((personId) => {
    const minutes = text(values, `minutes-${personId}`);
    return { personId, mark: text(values, `mark-${personId}`), minutes: minutes === '' ? null : /^\d{1,4}$/.test(minutes) ? Number(minutes) : Number.NaN };
  });
}

/**
 * **Save register**: every row the viewer may mark, and the walk-ins ticked, in one save. A save
 * made meanwhile by someone else answers 409 with what was typed kept; a wrong row 422 with the
 * error beside it. **Search** (`intent=search`) is a button of the same form: it saves nothing and
 * shows the form again with every mark typed kept and the walk-ins found (`q`). Works without JavaScript.
 */
export async function registerForm(ctx: TrainingFormContext, workshopId: string, request: Request): Promise<FormResult<{ conflict: boolean }>> {
  const values = formValues(await readFormData(request), ['row', 'walkIns']);
  if (text(values, 'intent') === 'search') return { ...formAgain({}, values, 200), conflict: false };
  const revision = Number(text(values, 'revision'));
  const saved = await saveRegister(ctx.scope, workshopId, registerMarks(values), list(values, 'walkIns'), Number.isInteger(revision) ? revision : -1, ctx.ip);
  // A search typed but not run (Enter saves) is run on the saved register.
  const query = text(values, 'q').slice(0, 100);
  const search = query ? `&q=${encodeURIComponent(query)}` : '';
  if (saved.ok) return { ...formRedirect(`${localePath(ctx.locale, `/training/workshops/${workshopId}/register`)}?done=saved${search}`), conflict: false };
  if (saved.error === 'conflict') return { ...formAgain({ _form: { key: 'register.conflict' } }, values, 409), conflict: true };
  if (saved.error === 'invalid') return { ...formAgain(saved.errors ?? {}, values), conflict: false };
  if (saved.error === 'closed') return { ...formAgain({ _form: { key: 'register.notYet' } }, values), conflict: false };
  return { ...formAgain({}, values, saved.error === 'not-allowed' ? 403 : 404), conflict: false };
}
