import { describe, expect, it } from 'vitest';
import { refusalToHttp, type RefusalMessages } from '../../src/server/attempts/refusal-to-http.ts';
import { THRESHOLD_REFUSALS } from '../../src/server/thresholds/threshold-practice.ts';
import { SIMULATION_REFUSALS } from '../../src/server/simulations/simulations.ts';

describe('a refused step as an HTTP answer', () => {
  it.each([
    ['not-found', 404],
    ['invalid', 422],
    ['stale', 409],
    ['not-allowed', 409],
    ['changed-content', 409],
    ['round-closed', 409],
  ] as const)('answers %s with %i whichever capability refused it', (reason, status) => {
    for (const messages of [THRESHOLD_REFUSALS, SIMULATION_REFUSALS]) expect(refusalToHttp(reason, messages).status).toBe(status);
  });

  it.each([
    ['threshold practice', THRESHOLD_REFUSALS, 'not-found', 'practice.errorNotAllowed'],
    ['threshold practice', THRESHOLD_REFUSALS, 'stale', 'practice.errorStale'],
    ['threshold practice', THRESHOLD_REFUSALS, 'changed-content', 'practice.errorChanged'],
    ['threshold practice', THRESHOLD_REFUSALS, 'round-closed', 'practice.errorRoundClosed'],
    ['simulations', SIMULATION_REFUSALS, 'not-found', 'sim.notFound'],
    ['simulations', SIMULATION_REFUSALS, 'stale', 'sim.errorStale'],
    ['simulations', SIMULATION_REFUSALS, 'changed-content', 'sim.errorChanged'],
    ['simulations', SIMULATION_REFUSALS, 'not-allowed', 'sim.errorNotAllowed'],
  ] as [string, RefusalMessages, keyof RefusalMessages, string][])('%s gives its own notice for %s (%s)', (_, messages, reason, key) => {
    expect(refusalToHttp(reason, messages).key).toBe(key);
  });
});
