import { localePath, type Locale } from '../../domain/common/index.ts';
import { formAgain, formRedirect, parseForm, readFormData, type FormResult } from '../platform/index.ts';
import { createTeam, renameTeam, teamSchema, type AdminContext } from './people-admin.ts';

/**
 * The teams page's forms: with a `teamId` it renames that team, without one it adds a team.
 * The values returned keep `teamId`, so the page reopens the form that was sent.
 */
export async function teamForm(ctx: AdminContext, request: Request, locale: Locale): Promise<FormResult> {
  const form = await readFormData(request);
  const renaming = String(form.get('teamId') ?? '');
  const parsed = parseForm(teamSchema, form);
  const result = parsed.ok ? (renaming ? await renameTeam(ctx, renaming, parsed.data) : await createTeam(ctx, parsed.data)) : parsed;
  if (result.ok) return formRedirect(`${localePath(locale, '/admin/teams')}?done=${renaming ? 'renamed' : 'added'}`, parsed.values);
  return formAgain(result.errors, parsed.values);
}
