import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Module } from '../../src/content/schemas.ts';
import { continueLearningFor } from '../../src/server/learning/continue-learning.ts';
import { recordSectionVisit, submitKnowledgeCheck } from '../../src/server/learning/learning.ts';
import { allRight, fixtureModule } from '../fixtures/module.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

// A learner with no learning history in the demo data, so every visit here is the test's own.
const learner = 'demo-p01';
const first = fixtureModule();
const second = fixtureModule({ id: 'cc-second', title: { en: 'Second module', cy: 'Ail fodiwl' } });
const modules = new Map<string, Module>([first, second].map((m) => [m.id, m]));
const findModule = async (id: string) => modules.get(id) ?? null;
const place = async () => continueLearningFor(await scopeOf(database.db, learner), findModule);
const summary = async () => {
  const p = await place();
  return p && { module: p.module.id, section: p.section.id, next: p.next.kind === 'section' ? p.next.section.id : p.next.kind };
};

describe('continue where you left off', () => {
  it('is nowhere for someone who has opened no section', async () => {
    expect(await place()).toBeNull();
  });

  it('names the section read last and the section after it', async () => {
    await recordSectionVisit(await scopeOf(database.db, learner, 1_000), first, 'one');
    expect(await summary()).toEqual({ module: 'cc-fixture', section: 'one', next: 'two' });
    const p = (await place())!;
    expect(p.section.title.en).toBe('Section one');
    expect(p.next).toMatchObject({ kind: 'section', section: { title: { en: 'Section two' } } });
  });

  it('follows the learner to the module they opened most recently', async () => {
    await recordSectionVisit(await scopeOf(database.db, learner, 1_000), first, 'two');
    await recordSectionVisit(await scopeOf(database.db, learner, 2_000), second, 'one');
    expect(await summary()).toEqual({ module: 'cc-second', section: 'one', next: 'two' });
    await recordSectionVisit(await scopeOf(database.db, learner, 3_000), first, 'two');
    expect(await summary()).toEqual({ module: 'cc-fixture', section: 'two', next: 'three' });
  });

  it('sends the learner to the knowledge check once every section is read, and says all done once it is passed', async () => {
    for (const [i, s] of first.sections.entries()) await recordSectionVisit(await scopeOf(database.db, learner, 1_000 + i), first, s.id);
    expect(await summary()).toEqual({ module: 'cc-fixture', section: 'three', next: 'check' });
    await submitKnowledgeCheck(await scopeOf(database.db, learner, 5_000), { module: first, version: 1, answers: allRight, startedAt: null });
    expect(await summary()).toEqual({ module: 'cc-fixture', section: 'three', next: 'done' });
  });

  it('passes over a module that no longer exists', async () => {
    await recordSectionVisit(await scopeOf(database.db, learner, 1_000), first, 'one');
    await recordSectionVisit(await scopeOf(database.db, learner, 2_000), fixtureModule({ id: 'cc-retired' }), 'one');
    expect(await summary()).toEqual({ module: 'cc-fixture', section: 'one', next: 'two' });
  });
});
