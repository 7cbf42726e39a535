import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roundEndsAt, roundFor, roundState } from '../../src/server/thresholds/calibration.ts';
import { assignedRounds } from '../../src/server/thresholds/assigned-rounds.ts';
import { translator } from '../../src/i18n/index.ts';
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
const mentees = ['demo-learner', 'demo-p01', 'demo-p02', 'demo-p04', 'demo-p07'];
const roundFields = { title: 'Autumn round', vignetteIds: [vignette.id], participantIds: mentees, opens: today, closes: later };

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
    expect(result).toMatchObject({ status: 422, redirect: null, errors: { title: { key: 'errors.required' } }, values: { vignetteIds: [vignette.id], participantIds: mentees } });
  });
});

describe('the open-a-round form’s participants', () => {
  it('need at least 5, with an error that names the field in both languages, and the ticks kept', async () => {
    const four = mentees.slice(0, 4);
    const result = await roundForm(await scopeAs('demo-mentor'), formPost({ ...roundFields, participantIds: four }), [vignette], 'en');
    expect(result).toMatchObject({ status: 422, redirect: null, errors: { participantIds: { key: 'rounds.errorParticipants' } }, values: { participantIds: four } });
    expect(translator('en')('rounds.errorParticipants')).toMatch(/^Participants: choose at least 5/);
    expect(translator('cy')('rounds.errorParticipants')).toMatch(/^Cyfranogwyr: dewiswch o leiaf 5/);
  });

  it('see the new round under Assigned to you until it closes', async () => {
    const roundId = await openedRound();
    const learner = await scopeAs('demo-learner');
    expect(await assignedRounds(learner)).toMatchObject([{ id: roundId, title: 'Autumn round', state: 'open', done: 0, total: 1 }]);
    expect(await assignedRounds(await scopeAs('demo-p08'))).toEqual([]); // not asked
    const mentor = await scopeAs('demo-mentor');
    await roundActionsForm(mentor, (await roundFor(mentor, roundId))!, formPost({ action: 'close', confirm: 'yes' }), 'en', findVignette);
    expect(await assignedRounds(learner)).toEqual([]);
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

  it('ask the organiser to confirm before closing, and leave the round open until they do', async () => {
    const roundId = await openedRound();
    expect(await act('demo-mentor', roundId, { action: 'close' })).toMatchObject({ status: 200, redirect: null, refusal: null, confirmClose: true });
    const mentor = await scopeAs('demo-mentor');
    expect(roundState((await roundFor(mentor, roundId))!.round)).toBe('open');
  });

  it('refuse a participant’s close, confirmed or not', async () => {
    const roundId = await openedRound();
    expect(await act('demo-p01', roundId, { action: 'close' })).toMatchObject({ status: 409, refusal: { key: 'practice.errorNotAllowed' } });
    expect(await act('demo-p01', roundId, { action: 'close', confirm: 'yes' })).toMatchObject({ status: 409, refusal: { key: 'practice.errorNotAllowed' } });
  });

  it('once closed early, give the actual closing time rather than the planned end', async () => {
    const roundId = await openedRound();
    const before = Date.now();
    await act('demo-mentor', roundId, { action: 'close', confirm: 'yes' });
    const { round } = (await roundFor(await scopeAs('demo-mentor'), roundId))!;
    expect(round.closedAt).toBeGreaterThanOrEqual(before);
    expect(roundEndsAt(round)).toBe(round.closedAt);
    expect(roundEndsAt(round)).toBeLessThan(round.closesAt);
  });

  it('let the organiser close the round once confirmed, after which starting is refused as closed', async () => {
    const roundId = await openedRound();
    expect(await act('demo-mentor', roundId, { action: 'close', confirm: 'yes' })).toMatchObject({ redirect: `/practice/rounds/${roundId}?closed`, refusal: null });
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
