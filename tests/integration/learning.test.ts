import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cpdEntries, knowledgeCheckAttempts, moduleCompletions, reflectiveEntries, sectionVisits } from '../../db/schema/index.ts';
import { getOwnAttempt, learningProgress, listCpdEntries, listReflections, recordSectionVisit, saveReflection, submitKnowledgeCheck } from '../../src/server/learning/learning.ts';
import { allRight, fixtureModule, threeRight } from '../fixtures/module.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const learner = 'demo-learner';
const module = fixtureModule();
const visitAll = async (m = module, personId = learner) => {
  for (const s of m.sections) await recordSectionVisit(await scopeOf(database.db, personId), m, s.id);
};

describe('a knowledge check', () => {
  it('can be failed, retried and passed; each attempt is kept with its score, answers, time and version', async () => {
    await visitAll();
    const failed = await submitKnowledgeCheck(await scopeOf(database.db, learner), { module, version: 1, answers: threeRight, startedAt: Date.now() - 60_000 });
    expect(failed).toMatchObject({ ok: true, grade: { score: 3, total: 5, percent: 60, passed: false }, completed: false });
    const passed = await submitKnowledgeCheck(await scopeOf(database.db, learner), { module, version: 1, answers: allRight, startedAt: null });
    expect(passed).toMatchObject({ ok: true, grade: { score: 5, passed: true }, completed: true });

    const attempts = await database.db.select().from(knowledgeCheckAttempts).where(eq(knowledgeCheckAttempts.personId, learner));
    expect(attempts.map((a) => [a.score, a.passed, a.moduleVersion, a.answers])).toEqual([
      [3, false, 1, threeRight],
      [5, true, 1, allRight],
    ]);
  });

  it('does not complete the module until every section has been read before it is passed', async () => {
    await recordSectionVisit(await scopeOf(database.db, learner), module, 'one');
    const passed = await submitKnowledgeCheck(await scopeOf(database.db, learner), { module, version: 1, answers: allRight, startedAt: null });
    expect(passed).toMatchObject({ ok: true, completed: false });
    await recordSectionVisit(await scopeOf(database.db, learner), module, 'two');
    await recordSectionVisit(await scopeOf(database.db, learner), module, 'three');
    expect(await database.db.select().from(moduleCompletions).where(eq(moduleCompletions.personId, learner))).toHaveLength(0);
    const again = await submitKnowledgeCheck(await scopeOf(database.db, learner), { module, version: 1, answers: allRight, startedAt: null });
    expect(again).toMatchObject({ ok: true, completed: true });
  });

  it.each([
    ['a stale module version', { version: 0, answers: allRight }, 'stale-version'],
    ['an unknown question', { version: 1, answers: { ...allRight, q99: 'a' } }, 'unknown-question'],
    ['an option out of range', { version: 1, answers: { ...allRight, q2: 'z' } }, 'unknown-option'],
  ])('refuses %s and records nothing', async (_, submission, kind) => {
    const result = await submitKnowledgeCheck(await scopeOf(database.db, learner), { module, startedAt: null, ...submission });
    expect(result).toMatchObject({ ok: false, problem: { kind } });
    expect(await database.db.select().from(knowledgeCheckAttempts)).toHaveLength(0);
  });

  it('submitted from two tabs at once makes two attempts and one completion', async () => {
    await visitAll();
    const asLearner = await scopeOf(database.db, learner);
    const results = await Promise.all([0, 1].map(() => submitKnowledgeCheck(asLearner, { module, version: 1, answers: allRight, startedAt: null })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await database.db.select().from(knowledgeCheckAttempts)).toHaveLength(2);
    expect(await database.db.select().from(moduleCompletions).where(eq(moduleCompletions.personId, learner))).toHaveLength(1);
    expect(await database.db.select().from(cpdEntries)).toHaveLength(1);
  });

  it('shows an attempt only to the person who made it', async () => {
    const result = await submitKnowledgeCheck(await scopeOf(database.db, learner), { module, version: 1, answers: allRight, startedAt: null });
    if (!result.ok) throw new Error('submission refused');
    expect(await getOwnAttempt(await scopeOf(database.db, learner), result.attemptId)).not.toBeNull();
    expect(await getOwnAttempt(await scopeOf(database.db, 'demo-mentor'), result.attemptId)).toBeNull();
  });
});

describe('completing a module', () => {
  it('adds one CPD entry with the time spent, and a new version keeps the old completion', async () => {
    const start = Date.now() - 45 * 60_000;
    for (const s of module.sections) await recordSectionVisit(await scopeOf(database.db, learner, start), module, s.id);
    await submitKnowledgeCheck(await scopeOf(database.db, learner, start + 25 * 60_000), { module, version: 1, answers: allRight, startedAt: null });
    await submitKnowledgeCheck(await scopeOf(database.db, learner, start + 26 * 60_000), { module, version: 1, answers: allRight, startedAt: null });
    expect((await listCpdEntries(await scopeOf(database.db, learner))).map((e) => [e.kind, e.sourceId, e.minutes, e.titleCy])).toEqual([['module', 'cc-fixture@v1', 25, 'Modiwl prawf']]);

    const v2 = fixtureModule({ version: 2 });
    const progress = await learningProgress(await scopeOf(database.db, learner));
    expect(progress.get('cc-fixture')?.completedVersions).toEqual([1]);
    const stale = await submitKnowledgeCheck(await scopeOf(database.db, learner), { module: v2, version: 1, answers: allRight, startedAt: null });
    expect(stale).toMatchObject({ ok: false, problem: { kind: 'stale-version', expected: 2 } });
    const again = await submitKnowledgeCheck(await scopeOf(database.db, learner), { module: v2, version: 2, answers: allRight, startedAt: null });
    expect(again).toMatchObject({ ok: true, completed: true });
    expect((await learningProgress(await scopeOf(database.db, learner))).get('cc-fixture')?.completedVersions).toEqual([1, 2]);
  });

  it('keeps each learner’s progress to themselves', async () => {
    await visitAll();
    expect((await learningProgress(await scopeOf(database.db, 'demo-p15'))).size).toBe(0);
    expect((await learningProgress(await scopeOf(database.db, learner))).get('cc-fixture')?.visited.sort()).toEqual(['one', 'three', 'two']);
  });
});

describe('the reflective log', () => {
  it('keeps entries private and newest first', async () => {
    await saveReflection(await scopeOf(database.db, learner, 1000), { moduleId: 'cc-fixture', moduleVersion: 1, prompt: 'What did you notice?', text: 'First thought' });
    await saveReflection(await scopeOf(database.db, learner, 2000), { moduleId: 'cc-fixture', moduleVersion: 1, prompt: 'What did you notice?', text: 'Second thought' });
    const entries = await listReflections(await scopeOf(database.db, learner));
    expect(entries.map((e) => [e.text, e.sharedWithMentor])).toEqual([
      ['Second thought', false],
      ['First thought', false],
    ]);
    expect(await listReflections(await scopeOf(database.db, 'demo-mentor'))).toEqual([]);
  });
});

describe('learning records', () => {
  it('carry the learner’s own organisation, whoever’s they are', async () => {
    for (const [personId, organisationId] of [[learner, 'demo-org'], ['demo-other-p01', 'demo-other-org']] as const) {
      await visitAll(module, personId);
      await submitKnowledgeCheck(await scopeOf(database.db, personId), { module, version: 1, answers: allRight, startedAt: null });
      await saveReflection(await scopeOf(database.db, personId), { moduleId: module.id, moduleVersion: 1, prompt: 'What did you notice?', text: 'A thought' });
      const organisations = await Promise.all(
        [sectionVisits, knowledgeCheckAttempts, reflectiveEntries, cpdEntries].map(async (table) =>
          (await database.db.select({ organisationId: table.organisationId }).from(table).where(eq(table.personId, personId))).map((r) => r.organisationId),
        ),
      );
      expect(organisations.map((rows) => rows.length > 0 && rows.every((o) => o === organisationId))).toEqual([true, true, true, true]);
    }
  });
});
