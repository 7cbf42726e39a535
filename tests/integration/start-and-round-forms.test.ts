import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roundFor } from '../../src/server/thresholds/calibration.ts';
import { practiceStartForm } from '../../src/server/thresholds/practice-start-form.ts';
import { roundActionsForm } from '../../src/server/thresholds/round-actions-form.ts';
import { roundForm } from '../../src/server/thresholds/round-form.ts';
import { simulationStartForm } from '../../src/server/simulations/simulation-start-form.ts';
import { fixtureConversation } from '../fixtures/simulations.ts';
import { fixtureVignette } from '../fixtures/vignette.ts';
import { scopeOf } from '../support/scope.ts';
import { formPost, freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const vignette = fixtureVignette();
const findVignette = async (id: string) => (id === vignette.id ? vignette : null);
const scopeAs = (id: string) => scopeOf(database.db, id);
const today = new Date().toISOString().slice(0, 10);
const later = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const roundFields = { title: 'Autumn round', vignetteIds: [vignette.id], participantIds: ['demo-p01', 'demo-p02'], opens: today, closes: later };

async function openedRound(): Promise<string> {
  const result = await roundForm(await scopeAs('demo-mentor'), formPost(roundFields), [vignette], 'en');
  const id = /^\/practice\/rounds\/([^?]+)\?created$/.exec(result.redirect ?? '')?.[1];
  if (!id) throw new Error(`round not opened: ${JSON.stringify(result)}`);
  return id;
}

describe('the open-a-round form', () => {
  it('opens a round for a mentor and goes to its page', async () => {
    expect(await openedRound()).toEqual(expect.any(String));
  });

  it('refuses someone who may not open rounds with 403', async () => {
    expect(await roundForm(await scopeAs('demo-learner'), formPost(roundFields), [vignette], 'en')).toMatchObject({ status: 403, redirect: null });
  });

  it('shows the form again with the ticked boxes kept when the title is missing', async () => {
    const result = await roundForm(await scopeAs('demo-mentor'), formPost({ ...roundFields, title: '' }), [vignette], 'cy');
    expect(result).toMatchObject({ status: 422, redirect: null, errors: { title: { key: 'errors.required' } }, values: { vignetteIds: [vignette.id], participantIds: ['demo-p01', 'demo-p02'] } });
  });
});

describe("a round page's buttons", () => {
  const act = async (personId: string, roundId: string, fields: Record<string, string>) => {
    const person = await scopeAs(personId);
    return roundActionsForm(person, (await roundFor(person, roundId))!, formPost(fields), 'en', findVignette);
  };

  it('start a participant on a vignette of the round', async () => {
    const result = await act('demo-p01', await openedRound(), { action: 'start', vignette: vignette.id });
    expect(result).toMatchObject({ status: 303, refusal: null, redirect: expect.stringMatching(/^\/practice\/attempts\/.+/) });
  });

  it('refuse with 409 a vignette that is not in the round, or an unknown action', async () => {
    const roundId = await openedRound();
    expect(await act('demo-p01', roundId, { action: 'start', vignette: 'elsewhere' })).toMatchObject({ status: 409, redirect: null, refusal: { key: 'practice.errorNotAllowed' } });
    expect(await act('demo-p01', roundId, { action: 'publish' })).toMatchObject({ status: 409, refusal: { key: 'practice.errorNotAllowed' } });
  });

  it('let the organiser close the round, after which starting is refused as closed', async () => {
    const roundId = await openedRound();
    expect(await act('demo-mentor', roundId, { action: 'close' })).toMatchObject({ redirect: `/practice/rounds/${roundId}?closed`, refusal: null });
    expect(await act('demo-p01', roundId, { action: 'start', vignette: vignette.id })).toMatchObject({ status: 409, refusal: { key: 'practice.errorRoundClosed' } });
  });
});

describe('the practice start form', () => {
  it('starts an attempt on a known vignette and refuses an unknown one with 422', async () => {
    const learner = await scopeAs('demo-learner');
    expect((await practiceStartForm(learner, formPost({ vignette: vignette.id }), 'cy', findVignette)).redirect).toMatch(/^\/cy\/practice\/attempts\/.+/);
    expect(await practiceStartForm(learner, formPost({ vignette: 'nope' }), 'en', findVignette)).toMatchObject({ status: 422, redirect: null, errors: { _form: { key: 'practice.notFound' } } });
  });
});

describe('the simulation start form', () => {
  it('starts an attempt on a known scenario and refuses an unknown one with 422', async () => {
    const scenario = fixtureConversation();
    const findScenario = async (id: string) => (id === scenario.id ? scenario : null);
    const learner = await scopeAs('demo-learner');
    expect((await simulationStartForm(learner, formPost({ scenario: scenario.id }), 'en', findScenario)).redirect).toMatch(/^\/simulations\/attempts\/.+/);
    expect(await simulationStartForm(learner, formPost({}), 'en', findScenario)).toMatchObject({ status: 422, redirect: null, errors: { _form: { key: 'sim.unknownScenario' } } });
  });
});
