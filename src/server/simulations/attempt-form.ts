import type { Scope } from '../people/index.ts';
import type { SimulationScenario } from '../../content/schemas.ts';
import { eventFromForm, MULTI_FIELDS } from '../../domain/simulations/simulation-forms.ts';
import type { Locale } from '../../domain/common/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { refusalToHttp } from '../attempts/index.ts';
import { formValues, readFormData, type FormValues } from '../platform/index.ts';
import { problemMessages, stepFieldLabelIn } from './simulation-view.ts';
import { applySimulationEvent, getOwnSimulationAttempt, SIMULATION_REFUSALS, simulationState, type SimulationAttempt } from './simulations.ts';

/** What a simulation attempt page shows after a plain (no-JavaScript) post, or where it goes next. */
export type SimulationFormResult = { status: number; errors: Record<string, string>; values: FormValues; notice: string | undefined; redirect: string | null; attempt: SimulationAttempt | null };

/**
 * Handles a plain post of one simulation step, the same events the island sends: applies it
 * through the attempt engine and answers with a redirect to the current step of `self` (303),
 * the step again with translated errors (422), or a notice with the attempt as it now stands
 * (404/409, typed values dropped).
 */
export async function handleSimulationAttemptPost(
  scope: Scope,
  request: Request,
  input: { attempt: SimulationAttempt; scenario: SimulationScenario; self: string; t: Translate; locale: Locale },
): Promise<SimulationFormResult> {
  const { attempt, scenario, t } = input;
  const values = formValues(await readFormData(request), MULTI_FIELDS);
  const revision = typeof values.revision === 'string' && /^\d+$/.test(values.revision) ? Number(values.revision) : -1;
  const result = await applySimulationEvent(scope, { attemptId: attempt.id, revision, event: eventFromForm(values), scenario });
  if (result.ok) return { status: 303, errors: {}, values, notice: undefined, redirect: `${input.self}#sim-current`, attempt: result.attempt };
  const current = await getOwnSimulationAttempt(scope, attempt.id);
  if (result.reason === 'invalid') {
    const step = simulationState(attempt, scenario).value;
    const errors = problemMessages(result.problems, t, (field) => stepFieldLabelIn(scenario, step, field, input.locale, t));
    return { status: 422, errors, values, notice: undefined, redirect: null, attempt: current };
  }
  const { status, key } = refusalToHttp(result.reason, SIMULATION_REFUSALS);
  return { status, errors: {}, values: {}, notice: t(key), redirect: null, attempt: current };
}
