import { localePath, type Locale } from '../../domain/common/index.ts';
import type { Vignette } from '../content/index.ts';
import type { Scope } from '../people/index.ts';
import { formAgain, formRedirect, parseForm, readFormData, type FormResult } from '../platform/index.ts';
import { mayOpenRounds, openRound, roundSchema } from './calibration.ts';
import { notifyRoundParticipants, type RoundMail } from './round-notices.ts';

/**
 * The "open a calibration round" form: opens it, e-mails the participants (given `mail`) and
 * goes to the new round's page.
 */
export async function roundForm(scope: Scope, request: Request, vignettes: readonly Vignette[], locale: Locale, mail?: RoundMail): Promise<FormResult> {
  if (!mayOpenRounds(scope.viewer)) return formAgain({ _form: { key: 'practice.errorNotAllowed' } }, {}, 403);
  const parsed = parseForm(roundSchema, await readFormData(request), ['vignetteIds', 'participantIds']);
  const result = parsed.ok ? await openRound(scope, parsed.data, vignettes) : parsed;
  if (result.ok && mail) {
    // The round is open whatever happens to the e-mails; the outbox retries failed ones.
    await notifyRoundParticipants(scope, result.id, mail).catch((error) => console.error('Calibration round e-mails failed:', error));
  }
  if (result.ok) return formRedirect(`${localePath(locale, `/practice/rounds/${result.id}`)}?created`, parsed.values);
  return formAgain(result.errors, parsed.values);
}
