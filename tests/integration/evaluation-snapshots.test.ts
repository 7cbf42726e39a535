import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { evaluationSnapshots, jobs, workshopReactions, workshops } from '../../db/schema/index.ts';
import {
  evaluationJobKinds,
  evaluationLevels,
  organisationLevels,
  refreshReportResponse,
  reportLevels,
  reportScopeOptions,
  SNAPSHOT_FRESH_MS,
  SNAPSHOT_PRUNE_EVERY_MS,
  SNAPSHOT_PRUNE_JOB,
  SNAPSHOT_REFRESH_MIN_MS,
  SNAPSHOT_STALE_MS,
  type EvaluationContent,
  type ReportScopeOption,
} from '../../src/server/evaluation/index.ts';
import { runDueJobs } from '../../src/server/platform/jobs/runner.ts';
import { translator } from '../../src/i18n/index.ts';
import type { ReportContent } from '../../src/server/evaluation/index.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';

// The report's levels 1–3 are kept per scope, period and content, and worked out again when they age or on request.
const NOW = Date.UTC(2026, 11, 10, 12);
const IN_PERIOD = Date.UTC(2026, 5, 10, 12);
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };
const ECP = 'effective-child-protection';
const CONTENT: EvaluationContent = {
  programmes: [{ id: ECP, moduleIds: ['ecp-module'] }],
  vignettes: [{ id: 'v1', panel: { decision: 'strategy-discussion', likelihood: 'likely' } }],
  rubrics: [],
};
const STAFF = ['demo-learner', 'demo-mentor', 'demo-p01', 'demo-p02', 'demo-p03', 'demo-p04', 'demo-p05', 'demo-p20'];

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
  await database.db.insert(workshops).values({
    id: 'w1', organisationId: 'demo-org', programmeId: ECP, title: 'Gweithdy', date: '2026-06-10', startAt: IN_PERIOD, endAt: IN_PERIOD + 3_600_000,
    deliveryLanguage: 'cy', places: 20, bookingClosesOn: '2026-06-01', createdAt: IN_PERIOD, updatedAt: IN_PERIOD,
  });
});
afterEach(() => database.cleanup());

const react = (personIds: readonly string[], comment: string | null = null) =>
  database.db.insert(workshopReactions).values(personIds.map((personId) => ({ workshopId: 'w1', personId, usefulness: 4, relevance: 4, confidence: 3, comment, createdAt: IN_PERIOD })));
const organisation = async (personId: string, at: number): Promise<ReportScopeOption> =>
  (await reportScopeOptions(await scopeOf(database.db, personId, at), 'en', [])).find((o) => o.key === 'organisation')!;
const levelsAt = async (at: number, options: { refresh?: boolean } = {}) =>
  (await reportLevels(await scopeOf(database.db, 'demo-admin', at), await organisation('demo-admin', at), PERIOD, CONTENT, options))!;
const reactionsCounted = (levels: Awaited<ReturnType<typeof levelsAt>>['levels']) => levels.reaction.programmes.find((p) => p.programmeId === ECP)?.figure.n ?? 0;

describe('kept evaluation figures', () => {
  it('are exactly the figures computed from the records, kept as they were', async () => {
    await react(STAFF.slice(0, 6), 'Mwy o amser i ymarfer.');
    const kept = await levelsAt(NOW);
    const computed = await evaluationLevels(await scopeOf(database.db, 'demo-admin', NOW), await organisation('demo-admin', NOW), PERIOD, CONTENT);
    expect(kept.levels).toEqual(computed);
    const again = await levelsAt(NOW + 1000);
    expect(again).toEqual(kept);
  });

  it('are served while fresh, and worked out again at once on Refresh figures', async () => {
    await react(STAFF.slice(0, 5));
    const first = await levelsAt(NOW);
    expect(reactionsCounted(first.levels)).toBe(5);
    await react(STAFF.slice(5, 8));
    const fresh = await levelsAt(NOW + SNAPSHOT_FRESH_MS - 1000);
    expect(fresh.computedAt).toBe(first.computedAt);
    expect(reactionsCounted(fresh.levels)).toBe(5);
    const refreshed = await levelsAt(NOW + SNAPSHOT_REFRESH_MIN_MS, { refresh: true });
    expect(reactionsCounted(refreshed.levels)).toBe(8);
    expect(refreshed.computedAt).toBeGreaterThanOrEqual(first.computedAt);
  });

  it('once stale, are served while a recomputation keeps the new figures for the next view', async () => {
    await react(STAFF.slice(0, 5));
    await levelsAt(NOW);
    await react(STAFF.slice(5, 8));
    const [row] = await database.db.select().from(evaluationSnapshots).where(eq(evaluationSnapshots.organisationId, 'demo-org'));
    // Age the kept figures: stale, but not too old to serve.
    await database.db.update(evaluationSnapshots).set({ computedAt: NOW - SNAPSHOT_FRESH_MS - 1000 }).where(eq(evaluationSnapshots.key, row!.key));
    const stale = await levelsAt(NOW);
    expect(reactionsCounted(stale.levels)).toBe(5);
    await expect.poll(async () => reactionsCounted((await levelsAt(NOW)).levels)).toBe(8);
  });

  it('are worked out first when too old to serve', async () => {
    await react(STAFF.slice(0, 5));
    await levelsAt(NOW);
    await react(STAFF.slice(5, 8));
    await database.db.update(evaluationSnapshots).set({ computedAt: NOW - SNAPSHOT_STALE_MS - 1000 });
    expect(reactionsCounted((await levelsAt(NOW)).levels)).toBe(8);
  });

  it('keep no free text: an admin reads the comments live, a manager never', async () => {
    await react(STAFF.slice(0, 5), 'Sylw cyntaf.');
    await levelsAt(NOW);
    const rows = await database.db.select({ levels: evaluationSnapshots.levels }).from(evaluationSnapshots);
    expect(JSON.stringify(rows)).not.toContain('Sylw cyntaf');
    await react(['demo-p20'], 'Sylw newydd.');
    const kept = await levelsAt(NOW + 1000);
    expect(kept.levels.reaction.comments?.map((c) => c.text)).toEqual(expect.arrayContaining(['Sylw cyntaf.', 'Sylw newydd.']));
    const manager = await scopeOf(database.db, 'demo-manager', NOW);
    const team = (await reportScopeOptions(manager, 'en', [])).find((o) => o.kind === 'team')!;
    expect((await reportLevels(manager, team, PERIOD, CONTENT))!.levels.reaction.comments).toBeNull();
  });

  it('are kept apart per scope, period, audience and content, and never for a viewer who may not see them', async () => {
    await levelsAt(NOW);
    const manager = await scopeOf(database.db, 'demo-manager', NOW);
    const team = (await reportScopeOptions(manager, 'en', [])).find((o) => o.kind === 'team')!;
    await reportLevels(manager, team, PERIOD, CONTENT);
    await reportLevels(await scopeOf(database.db, 'demo-admin', NOW), team, PERIOD, CONTENT);
    await reportLevels(await scopeOf(database.db, 'demo-admin', NOW), team, { from: '2026-04-01', to: '2026-12-31' }, CONTENT);
    await reportLevels(await scopeOf(database.db, 'demo-admin', NOW), team, PERIOD, { ...CONTENT, vignettes: [] });
    expect(await database.db.select().from(evaluationSnapshots)).toHaveLength(5);
    // A learner may not see the organisation's figures: nothing is read or kept for them.
    expect(await reportLevels(await scopeOf(database.db, 'demo-learner', NOW), await organisation('demo-admin', NOW), PERIOD, CONTENT)).toBeNull();
    expect(await database.db.select().from(evaluationSnapshots)).toHaveLength(5);
  });

  it('of a whole organisation for the comparison are read live and never kept', async () => {
    await react(STAFF.slice(0, 5));
    const first = await organisationLevels(database.db, 'demo-org', PERIOD, CONTENT, new Date(NOW));
    await react(STAFF.slice(5, 8));
    const again = await organisationLevels(database.db, 'demo-org', PERIOD, CONTENT, new Date(NOW + 1000));
    expect(first.reaction.programmes[0]!.figure.n).toBe(5);
    expect(again.reaction.programmes[0]!.figure.n).toBe(8);
    expect(first.reaction.comments).toBeNull();
    expect(await database.db.select().from(evaluationSnapshots)).toHaveLength(0);
  });

  it('are worked out again on Refresh figures only for a scope the viewer may choose', async () => {
    const content: ReportContent = { programmes: [], modules: [], vignettes: [], rubrics: [] };
    const post = async (personId: string, fields: Record<string, string>) =>
      refreshReportResponse(await scopeOf(database.db, personId, NOW), 'cy', translator('cy'), content, new Request('http://localhost/cy/evaluation/refresh', { method: 'POST', body: new URLSearchParams(fields) }));
    const admin = await post('demo-admin', { from: '2026-01-01', to: '2026-12-31', scope: 'organisation' });
    expect(admin.status).toBe(303);
    expect(admin.headers.get('location')).toBe('/cy/evaluation?from=2026-01-01&to=2026-12-31&scope=organisation&done=refreshed');
    expect(await database.db.select().from(evaluationSnapshots)).toHaveLength(1);
    expect((await post('demo-learner', { from: '2026-01-01', to: '2026-12-31', scope: 'organisation' })).status).toBe(403);
    // A manager may not choose the whole organisation, nor a made-up scope.
    expect((await post('demo-manager', { from: '2026-01-01', to: '2026-12-31', scope: 'organisation' })).status).toBe(404);
    expect((await post('demo-admin', { from: '2026-01-01', to: '2026-12-31', scope: 'team:nowhere' })).status).toBe(404);
    expect(await database.db.select().from(evaluationSnapshots)).toHaveLength(1);
  });

  it('are worked out again at most once in 30 seconds: a second Refresh shows the kept figures with a notice', async () => {
    const content: ReportContent = { programmes: [], modules: [], vignettes: [], rubrics: [] };
    const refreshAt = async (at: number) =>
      refreshReportResponse(await scopeOf(database.db, 'demo-admin', at), 'en', translator('en'), content, new Request('http://localhost/evaluation/refresh', { method: 'POST', body: new URLSearchParams({ from: '2026-01-01', to: '2026-12-31', scope: 'organisation' }) }));
    const kept = async () => (await database.db.select().from(evaluationSnapshots))[0]!;
    await react(STAFF.slice(0, 5));
    expect((await refreshAt(NOW)).headers.get('location')).toBe('/evaluation?from=2026-01-01&to=2026-12-31&scope=organisation&done=refreshed');
    expect((await kept()).computedAt).toBe(NOW);
    await react(STAFF.slice(5, 8));
    expect((await refreshAt(NOW + SNAPSHOT_REFRESH_MIN_MS - 1)).headers.get('location')).toBe('/evaluation?from=2026-01-01&to=2026-12-31&scope=organisation&done=recent');
    expect((await kept()).computedAt).toBe(NOW);
    expect(JSON.stringify((await kept()).levels)).toContain('"n":5');
    expect((await refreshAt(NOW + SNAPSHOT_REFRESH_MIN_MS)).headers.get('location')).toBe('/evaluation?from=2026-01-01&to=2026-12-31&scope=organisation&done=refreshed');
    expect((await kept()).computedAt).toBe(NOW + SNAPSHOT_REFRESH_MIN_MS);
    expect(translator('cy')('report.computed.recent')).not.toBe(translator('en')('report.computed.recent'));
  });

  it('older than a day are deleted by a recurring job that the first kept figures schedule', async () => {
    await levelsAt(NOW);
    await reportLevels(await scopeOf(database.db, 'demo-admin', NOW), await organisation('demo-admin', NOW), { from: '2026-04-01', to: '2026-12-31' }, CONTENT);
    const scheduled = await database.db.select().from(jobs).where(eq(jobs.kind, SNAPSHOT_PRUNE_JOB));
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]!.runAt).toBe(NOW + SNAPSHOT_PRUNE_EVERY_MS);
    // One set of figures ages past the day; the other is recomputed just inside it.
    await database.db.update(evaluationSnapshots).set({ computedAt: NOW - SNAPSHOT_STALE_MS - 1 }).where(eq(evaluationSnapshots.key, (await database.db.select().from(evaluationSnapshots))[0]!.key));
    const runAt = NOW + SNAPSHOT_PRUNE_EVERY_MS;
    await database.db.update(evaluationSnapshots).set({ computedAt: runAt - SNAPSHOT_STALE_MS + 1 }).where(eq(evaluationSnapshots.computedAt, NOW));
    const summary = await runDueJobs({ db: database.db, kinds: evaluationJobKinds(), now: () => runAt });
    expect(summary.done).toBe(1);
    const left = await database.db.select({ computedAt: evaluationSnapshots.computedAt }).from(evaluationSnapshots);
    expect(left).toEqual([{ computedAt: runAt - SNAPSHOT_STALE_MS + 1 }]);
    // It comes round again, and only one is ever queued.
    const [again] = await database.db.select().from(jobs).where(eq(jobs.kind, SNAPSHOT_PRUNE_JOB));
    expect(again).toMatchObject({ status: 'pending', runAt: runAt + SNAPSHOT_PRUNE_EVERY_MS });
    expect(await database.db.select().from(jobs).where(eq(jobs.kind, SNAPSHOT_PRUNE_JOB))).toHaveLength(1);
  });
});
