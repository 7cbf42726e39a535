import type { Db } from '../../../db/client.ts';
import { localePath, type Locale } from '../../domain/shared/index.ts';
import type { Vignette } from '../content/index.ts';
import type { Viewer } from '../people/index.ts';
import { formAgain, formRedirect, parseForm, readFormData, type FormResult } from '../platform/index.ts';
import { mayOpenRounds, openRound, roundSchema } from './calibration.ts';
import { notifyRoundParticipants, type RoundMail } from './round-notices.ts';

/**
 * The "open a calibration round" form: opens it, e-mails the participants (given `mail`) and
 * goes to the new round's page.
 */
export async function roundForm(db: Db, viewer: Viewer, request: Request, vignettes: readonly Vignette[], locale: Locale, now = Date.now(), mail?: RoundMail): Promise<FormResult> {
  if (!mayOpenRounds(viewer)) return formAgain({ _form: { key: 'practice.errorNotAllowed' } }, {}, 403);
  const parsed = parseForm(roundSchema, await readFormData(request), ['vignetteIds', 'participantIds']);
  const result = parsed.ok ? await openRound(db, viewer, parsed.data, vignettes, now) : parsed;
  if (result.ok && mail) {
    // The round is open whatever happens to the e-mails; the outbox retries failed ones.
    await notifyRoundParticipants(db, viewer, result.id, mail, now).catch((error) => console.error('Calibration round e-mails failed:', error));
  }
  if (result.ok) return formRedirect(`${localePath(locale, `/practice/rounds/${result.id}`)}?created`, parsed.values);
  return formAgain(result.errors, parsed.values);
}
