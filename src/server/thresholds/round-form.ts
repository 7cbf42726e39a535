import { localePath, type Locale } from '../../domain/shared/index.ts';
import type { Vignette } from '../content/index.ts';
import type { Scope } from '../people/index.ts';
import { formAgain, formRedirect, parseForm, readFormData, type FormResult } from '../platform/index.ts';
import { mayOpenRounds, openRound, roundSchema } from './calibration.ts';

/** The "open a calibration round" form: opens it and goes to the new round's page. */
export async function roundForm(scope: Scope, request: Request, vignettes: readonly Vignette[], locale: Locale): Promise<FormResult> {
  if (!mayOpenRounds(scope.viewer)) return formAgain({ _form: { key: 'practice.errorNotAllowed' } }, {}, 403);
  const parsed = parseForm(roundSchema, await readFormData(request), ['vignetteIds', 'participantIds']);
  const result = parsed.ok ? await openRound(scope, parsed.data, vignettes) : parsed;
  if (result.ok) return formRedirect(`${localePath(locale, `/practice/rounds/${result.id}`)}?created`, parsed.values);
  return formAgain(result.errors, parsed.values);
}
