import { localePath, type Locale } from '../../domain/common/index.ts';
import type { Scope } from '../people/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FormResult } from '../platform/index.ts';
import { setFigureSharing } from './comparison.ts';

/**
 * **Take part / Stop taking part** in the comparison between councils (admins): `share` is `yes`
 * or `no`; the setting page is shown again with what happened (POST, redirect, GET).
 */
export async function comparisonForm(scope: Scope, locale: Locale, ip: string | null, request: Request): Promise<FormResult> {
  const values = formValues(await readFormData(request));
  if (values.share !== 'yes' && values.share !== 'no') return formAgain({ share: { key: 'errors.invalidChoice' } }, values);
  const share = values.share === 'yes';
  const result = await setFigureSharing(scope, share, ip);
  if (!result.ok) return formAgain({}, values, 403);
  const done = result.changed ? (share ? 'joined' : 'left') : 'unchanged';
  return formRedirect(`${localePath(locale, '/evaluation/comparison')}?done=${done}`);
}
