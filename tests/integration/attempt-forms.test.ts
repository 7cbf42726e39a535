import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import { getOwnSimulationAttempt, handleSimulationAttemptPost, startSimulation } from '../../src/server/simulations/index.ts';
import { getOwnThresholdAttempt, handleThresholdAttemptPost, startAttempt } from '../../src/server/thresholds/index.ts';
import { fixtureConversation } from '../fixtures/simulations.ts';
import { fixtureVignette } from '../fixtures/vignette.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const personId = 'demo-learner';
const post = (fields: Record<string, string>) => new Request('http://camau.test/x', { method: 'POST', body: new URLSearchParams(fields) });

describe('the threshold attempt form', () => {
  const vignette = fixtureVignette();
  async function started() {
    const id = await startAttempt(await scopeOf(database.db, personId), { vignette });
    return (await getOwnThresholdAttempt(await scopeOf(database.db, personId), id))!;
  }

  it('applies a valid step and sends the learner back to the attempt', async () => {
    const attempt = await started();
    const result = await handleThresholdAttemptPost(await scopeOf(database.db, personId), post({ revision: '0', event: 'SCREEN', answer: 'yes', reason: 'Bruises seen twice.' }), { attempt, vignette, self: '/practice/attempts/a' });
    expect(result).toMatchObject({ status: 303, redirect: '/practice/attempts/a' });
    expect((await getOwnThresholdAttempt(await scopeOf(database.db, personId), attempt.id))!.revision).toBe(1);
  });

  it('answers missing judgements with 422, an error per field, and keeps what was typed', async () => {
    const attempt = await started();
    const result = await handleThresholdAttemptPost(await scopeOf(database.db, personId), post({ revision: '0', event: 'SCREEN', reason: 'Typed but no answer.' }), { attempt, vignette, self: '/x' });
    expect(result).toMatchObject({ status: 422, redirect: null, notice: null, errors: { answer: { key: 'errors.required' } }, values: { reason: 'Typed but no answer.' } });
  });

  it('answers a stale post with 409 and the notice, dropping what was typed', async () => {
    const attempt = await started();
    const result = await handleThresholdAttemptPost(await scopeOf(database.db, personId), post({ revision: '3', event: 'SCREEN', answer: 'yes', reason: 'Late.' }), { attempt, vignette, self: '/x' });
    expect(result).toMatchObject({ status: 409, notice: 'practice.errorStale', values: {}, errors: {} });
    expect(result.attempt?.revision).toBe(0);
  });

  it('refuses an unknown step as not allowed', async () => {
    const attempt = await started();
    expect(await handleThresholdAttemptPost(await scopeOf(database.db, personId), post({ revision: '0', event: 'DELETE' }), { attempt, vignette, self: '/x' })).toMatchObject({ status: 409, notice: 'practice.errorNotAllowed' });
  });
});

describe('the simulation attempt form (no JavaScript)', () => {
  const scenario = fixtureConversation();
  const t = translator('cy');
  async function started() {
    const id = await startSimulation(await scopeOf(database.db, personId), { scenario });
    return (await getOwnSimulationAttempt(await scopeOf(database.db, personId), id))!;
  }

  it('applies a choice and sends the learner to the current step', async () => {
    const attempt = await started();
    const result = await handleSimulationAttemptPost(await scopeOf(database.db, personId), post({ revision: '0', event: 'CHOOSE', optionId: 'reflect' }), { attempt, scenario, self: '/sim/a', t });
    expect(result).toMatchObject({ status: 303, redirect: '/sim/a#sim-current' });
  });

  it('answers an unknown option with 422 and a translated error on its field', async () => {
    const attempt = await started();
    const result = await handleSimulationAttemptPost(await scopeOf(database.db, personId), post({ revision: '0', event: 'CHOOSE', optionId: 'nope' }), { attempt, scenario, self: '/x', t });
    expect(result.status).toBe(422);
    expect(Object.values(result.errors)).toEqual([t('errors.invalidChoice')]);
  });

  it('answers a replayed post with 409 and the translated notice', async () => {
    const attempt = await started();
    const result = await handleSimulationAttemptPost(await scopeOf(database.db, personId), post({ revision: 'x', event: 'CHOOSE', optionId: 'reflect' }), { attempt, scenario, self: '/x', t });
    expect(result).toMatchObject({ status: 409, notice: t('sim.errorStale'), values: {} });
  });
});
