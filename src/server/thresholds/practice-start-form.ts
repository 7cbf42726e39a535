import type { Scope } from '../people/index.ts';
import { localePath, type Locale } from '../../domain/common/index.ts';
import { getVignette, type Vignette } from '../content/index.ts';
import { formAgain, formRedirect, readFormData, type FormResult } from '../platform/index.ts';
import { startAttempt } from './threshold-practice.ts';

/** The "start" button beside each vignette: starts a practice attempt and goes to it. */
export async function practiceStartForm(
  scope: Scope,
  request: Request,
  locale: Locale,
  findVignette: (id: string) => Promise<Vignette | null> = getVignette,
): Promise<FormResult> {
  const vignette = await findVignette(String((await readFormData(request)).get('vignette') ?? ''));
  if (!vignette) return formAgain({ _form: { key: 'practice.notFound' } });
  const id = await startAttempt(scope, { vignette });
  return formRedirect(localePath(locale, `/practice/attempts/${id}`));
}
