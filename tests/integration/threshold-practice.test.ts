import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cpdEntries, thresholdAttempts, thresholdEvents } from '../../db/schema/index.ts';
import type { Assessment } from '../../src/domain/thresholds/thresholds.ts';
import { applyAttemptEvent, attemptState, colleagueDecisions, getOwnThresholdAttempt, startAttempt } from '../../src/server/thresholds/threshold-practice.ts';
import { fixtureVignette } from '../fixtures/vignette.ts';
import type { ThresholdExerciseEvent } from '../../src/machines/thresholds/threshold-exercise.machine.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const vignette = fixtureVignette();
const screening = { answer: 'need-more-information' as const, reason: 'One report is not enough to judge.' };
const assessment: Assessment = {
  needs: { developmentalNeeds: 'does-not-meet', parentingCapacity: 'partly', familyAndEnvironment: 'meets' },
  childNeedsMet: 'does-not-meet',
  levelOfHarm: 'moderate',
  kindsOfHarm: ['neglect', 'emotional'],
  likelihood: 'very-likely',
  significant: 'yes',
  decision: 'strategy-discussion',
  followUp: ['Strategy discussion'],
  summary: 'Hunger, empty cupboards and missed health care over months.',
};

async function complete(personId: string, decision: Assessment['decision'] = 'strategy-discussion') {
  const attemptId = await startAttempt(await scopeOf(database.db, personId), { vignette });
  const steps = [
    { type: 'SCREEN', screening },
    { type: 'REVEAL_NEXT' },
    { type: 'START_ASSESSMENT' },
    { type: 'SUBMIT_ASSESSMENT', assessment: { ...assessment, decision, significant: decision === 'information-and-advice' ? 'no' : 'yes' } },
  ] as const;
  for (const [revision, event] of steps.entries()) {
    const result = await applyAttemptEvent(await scopeOf(database.db, personId), { attemptId, revision, event, vignette });
    if (!result.ok) throw new Error(`step ${revision} refused: ${result.reason}`);
  }
  return attemptId;
}

describe('a threshold exercise attempt', () => {
  it('advances on the server from its stored snapshot, records every event, and ends with a CPD entry', async () => {
    const attemptId = await complete('demo-learner');
    const attempt = (await getOwnThresholdAttempt(await scopeOf(database.db, 'demo-learner'), attemptId))!;
    expect(attempt).toMatchObject({ status: 'complete', revision: 4, decision: 'strategy-discussion', likelihood: 'very-likely', screening: 'need-more-information' });
    expect(attemptState(attempt, vignette).value).toBe('complete');
    expect((await database.db.select().from(thresholdEvents).where(eq(thresholdEvents.attemptId, attemptId))).map((e) => e.event.type)).toEqual(['SCREEN', 'REVEAL_NEXT', 'START_ASSESSMENT', 'SUBMIT_ASSESSMENT']);
    expect(await database.db.select().from(cpdEntries).where(eq(cpdEntries.sourceId, attemptId))).toHaveLength(1);
  });

  it.each([
    ['a stale revision (a replayed post)', { revision: 0 }, 'stale'],
    ['an event the current state does not allow', { revision: 1, event: { type: 'SUBMIT_ASSESSMENT' as const, assessment } }, 'not-allowed'],
    ['a screening answer without its reason', { revision: 1, event: { type: 'REVISE_SCREENING' as const, screening: { answer: 'yes' as const, reason: '' } } }, 'invalid'],
  ])('refuses %s and changes nothing', async (_, overrides, reason) => {
    const attemptId = await startAttempt(await scopeOf(database.db, 'demo-learner'), { vignette });
    expect((await applyAttemptEvent(await scopeOf(database.db, 'demo-learner'), { attemptId, revision: 0, event: { type: 'SCREEN', screening }, vignette })).ok).toBe(true);
    const before = (await getOwnThresholdAttempt(await scopeOf(database.db, 'demo-learner'), attemptId))!;
    const request = { attemptId, revision: 1, event: { type: 'SCREEN', screening } as ThresholdExerciseEvent, vignette };
    const result = await applyAttemptEvent(await scopeOf(database.db, 'demo-learner'), { ...request, ...overrides });
    expect(result).toMatchObject({ ok: false, reason });
    expect(await getOwnThresholdAttempt(await scopeOf(database.db, 'demo-learner'), attemptId)).toEqual(before);
  });

  it('cannot be advanced by anyone else', async () => {
    const attemptId = await startAttempt(await scopeOf(database.db, 'demo-learner'), { vignette });
    expect(await applyAttemptEvent(await scopeOf(database.db, 'demo-mentor'), { attemptId, revision: 0, event: { type: 'SCREEN', screening }, vignette })).toEqual({ ok: false, reason: 'not-found' });
    expect(await getOwnThresholdAttempt(await scopeOf(database.db, 'demo-mentor'), attemptId)).toBeNull();
  });

  it('submitted twice at once from two tabs applies once', async () => {
    const attemptId = await startAttempt(await scopeOf(database.db, 'demo-learner'), { vignette });
    const asLearner = await scopeOf(database.db, 'demo-learner');
    const results = await Promise.all([0, 1].map(() => applyAttemptEvent(asLearner, { attemptId, revision: 0, event: { type: 'SCREEN', screening }, vignette })));
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(await database.db.select().from(thresholdEvents).where(eq(thresholdEvents.attemptId, attemptId))).toHaveLength(1);
  });

  it('is refused once the vignette has changed version, and nothing changes', async () => {
    const attemptId = await startAttempt(await scopeOf(database.db, 'demo-learner'), { vignette });
    const result = await applyAttemptEvent(await scopeOf(database.db, 'demo-learner'), { attemptId, revision: 0, event: { type: 'SCREEN', screening }, vignette: fixtureVignette({ version: 2 }) });
    expect(result).toEqual({ ok: false, reason: 'changed-content' });
    expect(await database.db.select().from(thresholdAttempts).where(eq(thresholdAttempts.revision, 1))).toHaveLength(0);
  });
});

describe('colleagues’ decisions', () => {
  it('stay hidden until five colleagues have answered, then show only counts', async () => {
    const colleagues = ['demo-p01', 'demo-p02', 'demo-p03', 'demo-p04'];
    for (const person of colleagues) await complete(person);
    expect(await colleagueDecisions(await scopeOf(database.db, 'demo-learner'), vignette.id)).toBeNull();
    await complete('demo-p05', 'information-and-advice');
    const spread = await colleagueDecisions(await scopeOf(database.db, 'demo-learner'), vignette.id);
    expect(spread).toEqual({ respondents: 5, counts: { 'no-further-action': 0, 'information-and-advice': 1, 'care-and-support-assessment': 0, 'strategy-discussion': 4, 'immediate-protection': 0 } });
    expect(await colleagueDecisions(await scopeOf(database.db, 'demo-other-p01'), vignette.id)).toBeNull();
  });
});
