import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { thresholdAttempts, thresholdLatestAnswers } from '../../db/schema/index.ts';
import { consistencyReport } from '../../src/domain/thresholds/consistency.ts';
import type { Decision } from '../../src/domain/thresholds/thresholds.ts';
import { consistencyGroups, groupAnswers, groupConsistency, mayViewConsistency } from '../../src/server/thresholds/consistency.ts';
import { seedSyntheticAnswers } from '../../src/server/thresholds/practice-seed.ts';
import { fixtureVignette } from '../fixtures/vignette.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
const vignettes = [fixtureVignette(), fixtureVignette({ id: 'v-fixture-two', borderline: true }), fixtureVignette({ id: 'v-fixture-three' })];
beforeAll(async () => {
  database = await freshDatabase({ demo: true });
  await seedSyntheticAnswers(database.db, 'demo-org', vignettes);
});
afterAll(() => database.cleanup());
const scopeAs = (id: string) => scopeOf(database.db, id);
const ids = vignettes.map((v) => v.id);

describe('consistency analytics', () => {
  it('come from the synthetic demo answers from the first start', async () => {
    const report = await groupConsistency(await scopeAs('demo-admin'), { kind: 'organisation' }, vignettes);
    expect(report.enough).toBe(true);
    if (!report.enough) return;
    expect(report.respondents).toBeGreaterThanOrEqual(20);
    expect(report.percentWithPanel).toBeGreaterThan(50);
    expect(report.decisionKappa.value).not.toBeNull();
    expect(report.vignettes).toHaveLength(3);
  });

  it('are for mentors, managers and administrators, not practitioners alone', async () => {
    expect(mayViewConsistency((await scopeAs('demo-learner')).viewer)).toBe(false);
    expect(await consistencyGroups(await scopeAs('demo-learner'))).toEqual([]);
    for (const id of ['demo-mentor', 'demo-manager', 'demo-admin']) expect(mayViewConsistency((await scopeAs(id)).viewer)).toBe(true);
  });

  it('offer a manager only the teams they manage, a mentor their mentees, an admin every team', async () => {
    const keys = async (id: string) => (await consistencyGroups(await scopeAs(id))).map((g) => g.key).sort();
    expect(await keys('demo-manager')).toEqual(['organisation', 'team:demo-team-assessment', 'team:demo-team-coast']);
    expect(await keys('demo-mentor')).toEqual(['mentees', 'organisation']);
    expect(await keys('demo-admin')).toEqual(['organisation', 'team:demo-team-assessment', 'team:demo-team-coast', 'team:demo-team-uplands']);
  });

  it('count a mentor’s own mentees only, and never another organisation', async () => {
    const mentees = await groupAnswers(await scopeAs('demo-mentor'), { kind: 'mentees' }, ids);
    const personIds = new Set(mentees.map((a) => a.personId));
    expect([...personIds].every((id) => ['demo-learner', 'demo-p01', 'demo-p02', 'demo-p04', 'demo-p07', 'demo-p08'].includes(id))).toBe(true);
    expect(personIds.size).toBeGreaterThan(0);
    const otherAdmin = await scopeAs('demo-other-admin');
    expect(await groupAnswers(otherAdmin, { kind: 'organisation' }, ids)).toEqual([]);
  });

  it('show figures for exactly five respondents, and nothing for fewer', async () => {
    const mentees = await groupConsistency(await scopeAs('demo-mentor'), { kind: 'mentees' }, vignettes);
    expect(mentees).toMatchObject({ enough: true, respondents: 5 });
    const other = await groupConsistency(await scopeAs('demo-other-admin'), { kind: 'organisation' }, vignettes);
    expect(other).toEqual({ enough: false, respondents: 0 });
  });

  it('computed by the database are exactly what the reference computation gives from the answers', async () => {
    const panel = new Map(vignettes.map((v) => [v.id, { decision: v.panel.decision.answer, likelihood: v.panel.likelihood.answer }]));
    for (const [id, group] of [['demo-admin', { kind: 'organisation' }], ['demo-manager', { kind: 'team', teamId: 'demo-team-coast' }], ['demo-mentor', { kind: 'mentees' }]] as const) {
      const person = await scopeAs(id);
      const fromDatabase = await groupConsistency(person, group, vignettes);
      const fromAnswers = consistencyReport(await groupAnswers(person, group, ids), panel, ids);
      expect(fromDatabase).toEqual(fromAnswers);
    }
  });

  it('keep each person’s latest answer as attempts finish, in any order, and fall back when one goes', async () => {
    const day = 86_400_000;
    const attempt = (id: string, decision: Decision, completedAt: number | null) => ({
      id, personId: 'demo-p24', organisationId: 'demo-org', vignetteId: 'v-latest', vignetteVersion: 1, snapshot: {}, revision: 1,
      status: completedAt ? ('complete' as const) : ('in-progress' as const), decision, likelihood: 'possible' as const, significant: 'no' as const, startedAt: 0, completedAt,
    });
    const latest = async () =>
      database.db.select().from(thresholdLatestAnswers).where(and(eq(thresholdLatestAnswers.personId, 'demo-p24'), eq(thresholdLatestAnswers.vignetteId, 'v-latest')));
    await database.db.insert(thresholdAttempts).values(attempt('latest-1', 'information-and-advice', 10 * day));
    expect(await latest()).toMatchObject([{ attemptId: 'latest-1', decision: 'information-and-advice', month: '1970-01' }]);
    // Finishing a newer attempt (an update, as the exercise does) replaces it.
    await database.db.insert(thresholdAttempts).values(attempt('latest-2', 'care-and-support-assessment', null));
    await database.db.update(thresholdAttempts).set({ status: 'complete', completedAt: 40 * day }).where(eq(thresholdAttempts.id, 'latest-2'));
    expect(await latest()).toMatchObject([{ attemptId: 'latest-2', decision: 'care-and-support-assessment', month: '1970-02' }]);
    // An older completion arriving late does not.
    await database.db.insert(thresholdAttempts).values(attempt('latest-0', 'no-further-action', 5 * day));
    expect(await latest()).toMatchObject([{ attemptId: 'latest-2' }]);
    await database.db.delete(thresholdAttempts).where(eq(thresholdAttempts.id, 'latest-2'));
    expect(await latest()).toMatchObject([{ attemptId: 'latest-1' }]);
    await database.db.delete(thresholdAttempts).where(eq(thresholdAttempts.personId, 'demo-p24'));
    expect(await latest()).toEqual([]);
  });
});
