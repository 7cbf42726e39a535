import type { Db } from '../../../db/client.ts';
import { localePath, type Locale } from '../../domain/shared/index.ts';
import { getVignette, type Vignette } from '../content/index.ts';
import type { Viewer } from '../people/index.ts';
import { formAgain, formRedirect, readFormData, type FormResult } from '../platform/index.ts';
import { startAttempt } from './threshold-practice.ts';

/** The "start" button beside each vignette: starts a practice attempt and goes to it. */
export async function practiceStartForm(
  db: Db,
  viewer: Viewer,
  request: Request,
  locale: Locale,
  findVignette: (id: string) => Promise<Vignette | null> = getVignette,
): Promise<FormResult> {
  const vignette = await findVignette(String((await readFormData(request)).get('vignette') ?? ''));
  if (!vignette) return formAgain({ _form: { key: 'practice.notFound' } });
  const id = await startAttempt(db, { personId: viewer.id, organisationId: viewer.organisationId, vignette });
  return formRedirect(localePath(locale, `/practice/attempts/${id}`));
}
