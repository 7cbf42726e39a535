import type { Scope } from '../people/index.ts';
import type { Vignette } from '../../content/schemas.ts';
import type { ThresholdProblem } from '../../domain/thresholds/thresholds.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { refusalToHttp } from '../attempts/index.ts';
import { formValues, readFormData, type FieldErrors, type FormValues } from '../platform/index.ts';
import { applyAttemptEvent, attemptEventFromForm, getOwnThresholdAttempt, THRESHOLD_REFUSALS, type ThresholdAttempt } from './threshold-practice.ts';

/** What a threshold attempt page shows after a post, or where it goes next. */
export type AttemptFormResult = { status: number; errors: FieldErrors; values: FormValues; notice: MessageKey | null; redirect: string | null; attempt: ThresholdAttempt | null };

const PROBLEM_MESSAGE: Record<ThresholdProblem['problem'], MessageKey> = { required: 'errors.required', 'invalid-choice': 'errors.invalidChoice', 'too-long': 'errors.tooLong' };

/**
 * Handles a post of one step of a threshold exercise: applies it through the attempt engine and
 * answers with a redirect to `self` (303), the form again with its errors (422), or a notice
 * with the attempt as it now stands (404/409, typed values dropped: they belong to a step that
 * has moved on).
 */
export async function handleThresholdAttemptPost(
  scope: Scope,
  request: Request,
  input: { attempt: ThresholdAttempt; vignette: Vignette; self: string },
): Promise<AttemptFormResult> {
  const { attempt, vignette } = input;
  const values = formValues(await readFormData(request), ['kindsOfHarm']);
  const revision = Number(values.revision);
  const event = attemptEventFromForm(values);
  const result = event
    ? await applyAttemptEvent(scope, { attemptId: attempt.id, revision: Number.isInteger(revision) ? revision : -1, event, vignette })
    : ({ ok: false, reason: 'not-allowed' } as const);
  if (result.ok) return { status: 303, errors: {}, values, notice: null, redirect: input.self, attempt: result.attempt };
  const current = await getOwnThresholdAttempt(scope, attempt.id);
  if (result.reason === 'invalid') {
    const errors: FieldErrors = {};
    for (const p of result.problems) errors[p.field] ??= { key: PROBLEM_MESSAGE[p.problem], params: p.max ? { max: p.max } : undefined };
    return { status: 422, errors, values, notice: null, redirect: null, attempt: current };
  }
  const { status, key } = refusalToHttp(result.reason, THRESHOLD_REFUSALS);
  return { status, errors: {}, values: {}, notice: key, redirect: null, attempt: current };
}
