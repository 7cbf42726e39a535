import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attemptFeedback, getOwnAttempt, recordSectionVisit, submitKnowledgeCheck } from '../../src/server/learning/learning.ts';
import { allRight, fixtureModule, threeRight } from '../fixtures/module.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const learner = 'demo-p02';
const module = fixtureModule();

describe('the feedback on a stored knowledge-check attempt', () => {
  it('keeps the best answers back after a fail and reveals them after the pass that follows', async () => {
    for (const s of module.sections) await recordSectionVisit(await scopeOf(database.db, learner), module, s.id);

    const failed = await submitKnowledgeCheck(await scopeOf(database.db, learner), { module, version: 1, answers: threeRight, startedAt: null });
    if (!failed.ok) throw new Error('the failing answers should be marked');
    const failedFeedback = attemptFeedback(module, (await getOwnAttempt(await scopeOf(database.db, learner), failed.attemptId))!)!;
    expect(failedFeedback.map((f) => ({ q: f.question.id, chosen: f.chosen?.id, correct: f.correct, best: f.best }))).toEqual([
      { q: 'q1', chosen: 'a', correct: true, best: null },
      { q: 'q2', chosen: 'a', correct: true, best: null },
      { q: 'q3', chosen: 'a', correct: true, best: null },
      { q: 'q4', chosen: 'b', correct: false, best: null },
      { q: 'q5', chosen: 'c', correct: false, best: null },
    ]);
    // The chosen option's own feedback is what a failed attempt explains with.
    expect(failedFeedback[3]!.chosen!.feedback.en).toBe('Because b');

    const fourRight = { ...allRight, q5: 'b' };
    const passed = await submitKnowledgeCheck(await scopeOf(database.db, learner), { module, version: 1, answers: fourRight, startedAt: null });
    if (!passed.ok) throw new Error('the passing answers should be marked');
    expect(passed).toMatchObject({ grade: { passed: true }, completed: true });
    const passedFeedback = attemptFeedback(module, (await getOwnAttempt(await scopeOf(database.db, learner), passed.attemptId))!)!;
    expect(passedFeedback.map((f) => f.best?.id ?? null)).toEqual([null, null, null, null, 'a']);
  });
});
