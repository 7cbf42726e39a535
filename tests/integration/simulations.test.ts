import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { cpdEntries, simulationEvents, simulationOwnResponses } from '../../db/schema/index.ts';
import type { SimulationScenario } from '../../src/content/schemas.ts';
import { loadContent } from '../../src/content/load.ts';
import { applySimulationEvent, getOwnSimulationAttempt, listOwnSimulationAttempts, listSimulationEvents, simulationResult, simulationState, startSimulation } from '../../src/server/simulations/simulations.ts';
import { fixtureConference, fixtureConversation } from '../fixtures/simulations.ts';
import { conferencePaths, conversationPaths, replayEvents } from '../support/simulation-paths.ts';
import type { Scope } from '../../src/server/people/scope.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  database = await freshDatabase({ demo: true });
});
afterAll(() => database.cleanup());

const content = loadContent(resolve('content'));
const person = { personId: 'demo-p03', organisationId: 'demo-org' };

/** Posts each event as the learner would, carrying the revision the page was made from. */
async function play(scenario: SimulationScenario, events: readonly unknown[], scope?: Scope) {
  const asPerson = scope ?? (await scopeOf(database.db, person.personId));
  const attemptId = await startSimulation(asPerson, { scenario });
  for (const [revision, event] of events.entries()) {
    const result = await applySimulationEvent(asPerson, { attemptId, revision, event, scenario });
    if (!result.ok) throw new Error(`event ${revision} (${JSON.stringify(event)}) refused: ${result.reason}`);
  }
  return (await getOwnSimulationAttempt(asPerson, attemptId))!;
}

describe('every model-based path, replayed through the server', () => {
  it.each([fixtureConversation(), ...content.conversations].map((s) => [s.id, s] as const))('%s: every path to an ending reaches the same ending and the same result', { timeout: 120_000 }, async (_id, scenario) => {
    const paths = conversationPaths(scenario).filter((p) => p.state.value === 'ended');
    expect(new Set(paths.map((p) => p.state.context.ending)).size).toBe(scenario.endings.length);
    const asPerson = await scopeOf(database.db, person.personId);
    for (const path of paths) {
      const events = path.steps.slice(1).map((s) => s.event);
      const attempt = await play(scenario, events, asPerson);
      const state = simulationState(attempt, scenario);
      expect(state).toMatchObject({ value: 'ended', done: true, context: { ending: path.state.context.ending, state: path.state.context.state } });
      expect(attempt.status).toBe('complete');
      // Replayed apart from the server, the same events must give the stored result. (The graph's
      // state stands for every way to it, so its context need not hold this path's transcript.)
      expect(attempt.result).toEqual(simulationResult(scenario, replayEvents(scenario, events).context as typeof state.context));
      expect(attempt.outcome).toBe(scenario.endings.find((e) => e.id === path.state.context.ending)!.outcome);
    }
  });

  it.each([fixtureConference(), ...content.conferences].map((s) => [s.id, s] as const))('%s: every path to the end gives the same result', async (_id, scenario) => {
    const finished = conferencePaths(scenario).filter((p) => p.state.value === 'complete');
    const asPerson = await scopeOf(database.db, person.personId);
    for (const path of finished) {
      const attempt = await play(scenario, path.steps.slice(1).map((s) => s.event), asPerson);
      const state = simulationState(attempt, scenario);
      expect(state).toMatchObject({ value: 'complete', done: true });
      expect(attempt.result).toEqual(simulationResult(scenario, path.state.context));
    }
  });
});

describe('a simulation attempt on the server', () => {
  const scenario = fixtureConversation();

  it('stores every event, so the transcript and the snapshot can be rebuilt from them', async () => {
    const attempt = await play(scenario, [{ type: 'CHOOSE', optionId: 'reflect' }, { type: 'CHOOSE', optionId: 'summarise' }]);
    const events = await listSimulationEvents(await scopeOf(database.db, person.personId), attempt.id);
    expect(events.map((e) => e.revision)).toEqual([1, 2]);
    expect(replayEvents(scenario, events.map((e) => e.event)).context).toEqual(simulationState(attempt, scenario).context);
    expect(attempt.outcome).toBe('change-named');
  });

  it('adds one CPD entry when it finishes, for the programme it practises', async () => {
    const attempt = await play(scenario, [{ type: 'CHOOSE', optionId: 'confront' }]);
    const entries = await database.db.select().from(cpdEntries).where(and(eq(cpdEntries.sourceId, attempt.id), eq(cpdEntries.kind, 'simulation')));
    // Its time follows the CPD rules (tests/integration/cpd.test.ts): a one-step attempt that ends at once adds none.
    expect(entries).toMatchObject([{ personId: person.personId, activityId: scenario.id, programmeId: 'collaborative-conversations', minutes: 0, titleEn: scenario.title.en, titleCy: scenario.title.cy }]);
  });

  it('keeps a response in the learner’s own words for mentor review', async () => {
    const attempt = await play(scenario, [{ type: 'RESPOND_OWN', text: ' You sound fed up with people telling you what to do. ', code: 'complex-reflection' }]);
    const kept = await database.db.select().from(simulationOwnResponses).where(eq(simulationOwnResponses.attemptId, attempt.id));
    expect(kept).toMatchObject([{ personId: person.personId, turnId: 'opening', text: 'You sound fed up with people telling you what to do.', code: 'complex-reflection', reviewedAt: null }]);
  });

  it('refuses a stale or replayed post, an unknown option, an event the step does not take and a finished attempt, changing nothing', async () => {
    const attemptId = await startSimulation(await scopeOf(database.db, person.personId), { scenario });
    const post = async (revision: number, event: unknown) => applySimulationEvent(await scopeOf(database.db, person.personId), { attemptId, revision, event, scenario });
    expect(await post(0, { type: 'CHOOSE', optionId: 'summarise' })).toEqual({ ok: false, reason: 'invalid', problems: [{ field: 'optionId', problem: 'invalid-choice' }] });
    expect(await post(0, { type: 'SHOUT' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await post(0, { type: 'RESPOND_OWN', text: '', code: 'confront' })).toEqual({ ok: false, reason: 'invalid', problems: [{ field: 'text', problem: 'required' }] });
    expect(await post(0, { type: 'CHOOSE', optionId: 'ask' })).toMatchObject({ ok: true });
    expect(await post(0, { type: 'CHOOSE', optionId: 'ask' })).toEqual({ ok: false, reason: 'stale' });
    expect(await post(1, { type: 'CHOOSE', optionId: 'warn' })).toMatchObject({ ok: true });
    expect(await post(2, { type: 'CHOOSE', optionId: 'affirm' })).toEqual({ ok: false, reason: 'not-allowed' });
    const attempt = (await getOwnSimulationAttempt(await scopeOf(database.db, person.personId), attemptId))!;
    expect(attempt).toMatchObject({ revision: 2, status: 'complete', outcome: 'disengaged' });
    expect(await database.db.select().from(simulationEvents).where(eq(simulationEvents.attemptId, attemptId))).toHaveLength(2);
  });

  it('refuses a conference event meant for another step (409) apart from a wrong one for this step (422)', async () => {
    const conference = fixtureConference();
    const attemptId = await startSimulation(await scopeOf(database.db, person.personId), { scenario: conference });
    const post = async (event: unknown) => applySimulationEvent(await scopeOf(database.db, person.personId), { attemptId, revision: 0, event, scenario: conference });
    expect(await post({ type: 'DECIDE', review: { date: '2026-05-01', decision: 'end', reasons: 'x' } })).toEqual({ ok: false, reason: 'not-allowed' });
    expect(await post({ type: 'SET_PLAN', areas: [] })).toEqual({ ok: false, reason: 'invalid', problems: [{ field: 'areas', problem: 'required' }, { field: 'outlinePlanDate', problem: 'required' }] });
    expect((await getOwnSimulationAttempt(await scopeOf(database.db, person.personId), attemptId))!.revision).toBe(0);
  });

  it('lets two tabs post at once: one step is taken, the other is told it is stale', async () => {
    const attemptId = await startSimulation(await scopeOf(database.db, person.personId), { scenario });
    const asPerson = await scopeOf(database.db, person.personId);
    const results = await Promise.all(['reflect', 'ask'].map((optionId) => applySimulationEvent(asPerson, { attemptId, revision: 0, event: { type: 'CHOOSE', optionId }, scenario })));
    expect(results.map((r) => (r.ok ? 'ok' : r.reason)).sort()).toEqual(['ok', 'stale']);
    const attempt = (await getOwnSimulationAttempt(await scopeOf(database.db, person.personId), attemptId))!;
    expect(attempt.revision).toBe(1);
    expect(simulationState(attempt, scenario).context.transcript).toHaveLength(1);
  });

  it('is the learner’s own: another person cannot see it or post to it, and a changed scenario version is refused', async () => {
    const attemptId = await startSimulation(await scopeOf(database.db, person.personId), { scenario });
    expect(await getOwnSimulationAttempt(await scopeOf(database.db, 'demo-p04'), attemptId)).toBeNull();
    expect(await applySimulationEvent(await scopeOf(database.db, 'demo-p04'), { attemptId, revision: 0, event: { type: 'CHOOSE', optionId: 'ask' }, scenario })).toEqual({ ok: false, reason: 'not-found' });
    expect(await applySimulationEvent(await scopeOf(database.db, person.personId), { attemptId, revision: 0, event: { type: 'CHOOSE', optionId: 'ask' }, scenario: { ...scenario, version: 2 } })).toEqual({ ok: false, reason: 'changed-content' });
    expect((await listOwnSimulationAttempts(await scopeOf(database.db, person.personId))).some((a) => a.id === attemptId)).toBe(true);
    expect((await listOwnSimulationAttempts(await scopeOf(database.db, 'demo-p04'))).some((a) => a.id === attemptId)).toBe(false);
  });
});
