import type { Scope } from '../people/index.ts';
import { localePath, type Locale } from '../../domain/common/index.ts';
import { getVignette, type Vignette } from '../content/index.ts';
import { formAgain, formRedirect, formValues, readFormData, type FieldError, type FormResult } from '../platform/index.ts';
import { refusalToHttp } from '../attempts/index.ts';
import { closeRound, roundState, startRoundAttempt, type RoundAccess } from './calibration.ts';
import { THRESHOLD_REFUSALS } from './threshold-practice.ts';

/** A round page's answer: on a refusal (409) one message shown above the page; `confirmClose` asks the organiser to confirm closing. */
export type RoundActionsFormResult = FormResult<{ refusal: FieldError | null; confirmClose?: boolean }>;

/**
 * The buttons on a calibration round's page, chosen by the hidden `action` field: the
 * organiser closes the round (after confirming it), a participant starts (or continues) a vignette in it.
 */
export async function roundActionsForm(
  scope: Scope,
  access: RoundAccess,
  request: Request,
  locale: Locale,
  findVignette: (id: string) => Promise<Vignette | null> = getVignette,
): Promise<RoundActionsFormResult> {
  const form = await readFormData(request);
  const action = String(form.get('action') ?? '');
  const refused = (reason: 'round-closed' | 'not-allowed') => {
    const { status, key } = refusalToHttp(reason, THRESHOLD_REFUSALS);
    return { ...formAgain({}, formValues(form), status), refusal: { key } };
  };
  if (action === 'close' && access.organiser && roundState(access.round) !== 'closed' && form.get('confirm') !== 'yes') {
    // Closing cannot be undone: a second POST with `confirm` does it, so this works without JavaScript.
    return { ...formAgain({}, {}, 200), refusal: null, confirmClose: true };
  }
  if (action === 'close' && (await closeRound(scope, access))) return { ...formRedirect(`${localePath(locale, `/practice/rounds/${access.round.id}`)}?closed`), refusal: null };
  if (action !== 'start') return refused('not-allowed');
  const vignette = await findVignette(String(form.get('vignette') ?? ''));
  const started = vignette ? await startRoundAttempt(scope, access, vignette) : ({ ok: false, reason: 'not-allowed' } as const);
  if (started.ok) return { ...formRedirect(localePath(locale, `/practice/attempts/${started.attemptId}`)), refusal: null };
  return refused(started.reason);
}
