// The island's step endpoint: one learner action as JSON; the server applies it to the stored
// machine and answers with the new revision, or a translated 404/409/422 that changes nothing.
import type { APIRoute } from 'astro';
import { getSimulation } from '../../../server/content/index.ts';
import { refusalToHttp } from '../../../server/attempts/index.ts';
import { problemMessages, SIMULATION_REFUSALS } from '../../../server/simulations/index.ts';
import { applySimulationEvent, getOwnSimulationAttempt, simulationState, withoutStructure } from '../../../server/simulations/index.ts';
import { signedIn } from '../../../server/auth/index.ts';

export const POST: APIRoute = async ({ params, request, locals }) => {
  const { t } = locals;
  const { scope } = signedIn(locals);
  const attempt = await getOwnSimulationAttempt(scope, params.id ?? '');
  const scenario = attempt ? await getSimulation(attempt.scenarioId) : null;
  if (!attempt || !scenario) return Response.json({ error: t('sim.notFound') }, { status: 404 });
  let body: { revision?: unknown; event?: unknown };
  try {
    body = (await request.json()) as typeof body;
  } catch {
    return Response.json({ error: t('errors.invalidChoice') }, { status: 422 });
  }
  const revision = typeof body?.revision === 'number' && Number.isInteger(body.revision) ? body.revision : -1;
  const result = await applySimulationEvent(scope, { attemptId: attempt.id, revision, event: body?.event, scenario });
  if (result.ok) {
    const state = simulationState(result.attempt, scenario);
    return Response.json({ revision: result.attempt.revision, done: state.done, value: state.value });
  }
  if (result.reason === 'invalid') return Response.json({ error: t('errors.summary'), errors: problemMessages(result.problems, t) }, { status: 422 });
  const { status, key } = refusalToHttp(result.reason, SIMULATION_REFUSALS);
  // With a conflict, the island gets the attempt as it stands, so it can show the truth.
  const current = status === 409 ? await getOwnSimulationAttempt(scope, attempt.id) : null;
  return Response.json({ error: t(key), ...(current && result.reason !== 'changed-content' ? { revision: current.revision, snapshot: withoutStructure(current.snapshot) } : {}) }, { status });
};
