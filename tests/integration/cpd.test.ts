import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { cpdEntries, moduleCompletions } from '../../db/schema/index.ts';
import type { Assessment } from '../../src/domain/thresholds/thresholds.ts';
import { learningProgress, listCpdEntries, recordSectionVisit, submitKnowledgeCheck } from '../../src/server/learning/learning.ts';
import { applySimulationEvent, startSimulation } from '../../src/server/simulations/simulations.ts';
import { applyAttemptEvent, startAttempt } from '../../src/server/thresholds/threshold-practice.ts';
import { allRight, fixtureModule } from '../fixtures/module.ts';
import { fixtureConversation } from '../fixtures/simulations.ts';
import { fixtureVignette } from '../fixtures/vignette.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const learner = 'demo-learner';
const MINUTE = 60_000;
// A Tuesday in BST; the whole test day stays on one UK calendar day.
const morning = Date.parse('2026-05-12T08:00:00Z');
const minutesOf = async (kind: 'module' | 'simulation' | 'threshold-practice') =>
  (await database.db.select({ minutes: cpdEntries.minutes }).from(cpdEntries).where(and(eq(cpdEntries.personId, learner), eq(cpdEntries.kind, kind)))).map((e) => e.minutes);

const conversation = fixtureConversation();
// Reflecting twice names the change: a two-step conversation.
const twoSteps = [{ type: 'CHOOSE', optionId: 'reflect' }, { type: 'CHOOSE', optionId: 'summarise' }];

/** Plays the fixture conversation to its end, each step at the time given (real time when omitted). */
async function converse(stepTimes: readonly (number | undefined)[] = [undefined, undefined]) {
  const attemptId = await startSimulation(await scopeOf(database.db, learner, stepTimes[0]), { scenario: conversation });
  for (const [revision, event] of twoSteps.entries()) {
    const result = await applySimulationEvent(await scopeOf(database.db, learner, stepTimes[revision]), { attemptId, revision, event, scenario: conversation });
    if (!result.ok) throw new Error(`step ${revision} refused: ${result.reason}`);
  }
  return attemptId;
}

describe('CPD from simulations cannot be farmed', () => {
  it('gives five scripted attempts finished in under a second no more time than was actually spent', async () => {
    const began = Date.now();
    for (let i = 0; i < 5; i++) await converse();
    const secondsSpent = (Date.now() - began) / 1000;
    const minutes = await minutesOf('simulation');
    expect(minutes).toHaveLength(5); // each finished attempt is still on the record…
    expect(minutes.reduce((a, b) => a + b, 0) * 60).toBeLessThanOrEqual(secondsSpent); // …with only the time it took
  });

  it('counts the time from the first step to the last, capped at the estimate', async () => {
    await converse([morning, morning + 12.5 * MINUTE]);
    await converse([morning + 24 * 3_600_000, morning + 24 * 3_600_000 + 3 * 3_600_000]); // the next day, left open for hours
    expect((await minutesOf('simulation')).sort((a, b) => a - b)).toEqual([12, 20]);
  });

  it('adds nothing for a second attempt at the same scenario on the same day', async () => {
    await converse([morning, morning + 15 * MINUTE]);
    await converse([morning + 6 * 60 * MINUTE, morning + 6 * 60 * MINUTE + 18 * MINUTE]);
    expect((await minutesOf('simulation')).sort((a, b) => a - b)).toEqual([0, 15]);
  });
});

describe('CPD from threshold practice cannot be farmed', () => {
  const vignette = fixtureVignette();
  const assessment: Assessment = {
    needs: { developmentalNeeds: 'does-not-meet', parentingCapacity: 'partly', familyAndEnvironment: 'meets' },
    childNeedsMet: 'does-not-meet',
    levelOfHarm: 'moderate',
    kindsOfHarm: ['neglect'],
    likelihood: 'very-likely',
    significant: 'yes',
    decision: 'strategy-discussion',
    followUp: ['Strategy discussion'],
    summary: 'Hunger and missed health care over months.',
  };
  const steps = [
    { type: 'SCREEN', screening: { answer: 'need-more-information', reason: 'One report is not enough.' } },
    { type: 'REVEAL_NEXT' },
    { type: 'START_ASSESSMENT' },
    { type: 'SUBMIT_ASSESSMENT', assessment },
  ] as const;
  async function exercise(first: number, minutesBetweenSteps: number) {
    const attemptId = await startAttempt(await scopeOf(database.db, learner, first), { vignette });
    for (const [revision, event] of steps.entries()) {
      const result = await applyAttemptEvent(await scopeOf(database.db, learner, first + revision * minutesBetweenSteps * MINUTE), { attemptId, revision, event, vignette });
      if (!result.ok) throw new Error(`step ${revision} refused: ${result.reason}`);
    }
  }

  it('counts the time between the first and last step, and nothing for a repeat of the vignette that day', async () => {
    await exercise(morning, 3); // three gaps of three minutes
    await exercise(morning + 2 * 60 * MINUTE, 5);
    expect((await minutesOf('threshold-practice')).sort((a, b) => a - b)).toEqual([0, 9]);
  });
});

describe('completing a module for CPD', () => {
  const module = fixtureModule();
  const readAll = async (at: number) => {
    for (const s of module.sections) await recordSectionVisit(await scopeOf(database.db, learner, at), module, s.id);
  };
  const pass = async (at: number) => submitKnowledgeCheck(await scopeOf(database.db, learner, at), { module, version: module.version, answers: allRight, startedAt: null });

  it('needs every section opened before the check is passed: reading them afterwards is not enough', async () => {
    expect(await pass(morning)).toMatchObject({ ok: true, grade: { passed: true }, completed: false });
    await readAll(morning + MINUTE);
    expect(await database.db.select().from(moduleCompletions).where(eq(moduleCompletions.personId, learner))).toHaveLength(0);
    expect(await listCpdEntries(await scopeOf(database.db, learner))).toEqual([]);
    expect((await learningProgress(await scopeOf(database.db, learner))).get(module.id)?.completedVersions).toEqual([]);

    expect(await pass(morning + 11 * MINUTE)).toMatchObject({ ok: true, completed: true });
    expect(await minutesOf('module')).toEqual([10]);
  });

  it('counts from the first section opened to the pass, up to the module’s estimated minutes', async () => {
    await readAll(morning);
    await pass(morning + 3 * 60 * MINUTE);
    expect(await minutesOf('module')).toEqual([module.minutes]);
  });

  it('adds no time for a new version of the same module completed the same day', async () => {
    await readAll(morning);
    await pass(morning + 20 * MINUTE);
    const v2 = fixtureModule({ version: 2 });
    expect(await submitKnowledgeCheck(await scopeOf(database.db, learner, morning + 40 * MINUTE), { module: v2, version: 2, answers: allRight, startedAt: null })).toMatchObject({ completed: true });
    expect((await listCpdEntries(await scopeOf(database.db, learner))).map((e) => [e.sourceId, e.minutes])).toEqual([
      ['cc-fixture@v2', 0],
      ['cc-fixture@v1', 20],
    ]);
  });
});
