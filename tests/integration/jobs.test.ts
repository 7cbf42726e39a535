import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { jobs } from '../../db/schema/index.ts';
import { CLAIM_LEASE_MS, claimDueJobs, defineJobKind, enqueueJob, type JobOutcome } from '../../src/server/platform/jobs/jobs.ts';
import { runDueJobs } from '../../src/server/platform/jobs/runner.ts';
import { freshDatabase } from './support.ts';

const T0 = Date.UTC(2031, 2, 3, 9, 0); // a fixed clock: no test depends on today's date
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase();
});
afterEach(() => database.cleanup());

/** A job kind that records each run and answers what the test tells it to. */
function recorder(kind: string, extra: { staleAfterMs?: number; repeatEveryMs?: number; relevant?: (p: { id: string }) => boolean; outcome?: () => JobOutcome } = {}) {
  const runs: { id: string; at: number }[] = [];
  const definition = defineJobKind<{ id: string }>({
    kind,
    staleAfterMs: extra.staleAfterMs,
    repeatEveryMs: extra.repeatEveryMs,
    isStillRelevant: extra.relevant ? async (p) => extra.relevant!(p) : undefined,
    async run(payload, { now }) {
      runs.push({ id: payload.id, at: now() });
      return extra.outcome?.() ?? { ok: true };
    },
  });
  return { definition, runs };
}

async function jobRow(id: string) {
  const [row] = await database.db.select().from(jobs).where(eq(jobs.id, id));
  return row!;
}

describe('the job runner', () => {
  it('runs a job once it is due, not before, and marks it done', async () => {
    const { definition, runs } = recorder('test.note');
    const { id } = await enqueueJob(database.db, { kind: 'test.note', payload: { id: 'a' }, runAt: T0 + HOUR }, T0);
    expect(await runDueJobs({ db: database.db, kinds: [definition], now: () => T0 })).toEqual({ done: 0, retried: 0, failed: 0, dropped: 0 });
    expect(runs).toEqual([]);
    expect(await runDueJobs({ db: database.db, kinds: [definition], now: () => T0 + HOUR })).toMatchObject({ done: 1 });
    await runDueJobs({ db: database.db, kinds: [definition], now: () => T0 + 2 * HOUR });
    expect(runs).toEqual([{ id: 'a', at: T0 + HOUR }]);
    expect(await jobRow(id!)).toMatchObject({ status: 'done', attempts: 1, finishedAt: T0 + HOUR });
  });

  it('queues the same notice once when it is enqueued twice with one dedupe key', async () => {
    const first = await enqueueJob(database.db, { kind: 'test.note', payload: { id: 'a' }, runAt: T0, dedupeKey: 'note:a' }, T0);
    const second = await enqueueJob(database.db, { kind: 'test.note', payload: { id: 'a' }, runAt: T0, dedupeKey: 'note:a' }, T0);
    expect(first.queued).toBe(true);
    expect(second).toEqual({ queued: false, id: null });
    expect(await database.db.select().from(jobs)).toHaveLength(1);
  });

  it('runs a failed job again at the time it asks for, and records the error', async () => {
    let calls = 0;
    const { definition, runs } = recorder('test.flaky', { outcome: () => (++calls === 1 ? { ok: false, error: 'not yet', retryAt: T0 + 5 * MINUTE } : { ok: true }) });
    const { id } = await enqueueJob(database.db, { kind: 'test.flaky', payload: { id: 'f' }, runAt: T0 }, T0);
    expect(await runDueJobs({ db: database.db, kinds: [definition], now: () => T0 })).toMatchObject({ retried: 1 });
    expect(await jobRow(id!)).toMatchObject({ status: 'pending', runAt: T0 + 5 * MINUTE, lastError: 'not yet', claimedBy: null });
    await runDueJobs({ db: database.db, kinds: [definition], now: () => T0 + 4 * MINUTE });
    await runDueJobs({ db: database.db, kinds: [definition], now: () => T0 + 5 * MINUTE });
    expect(runs.map((r) => r.at)).toEqual([T0, T0 + 5 * MINUTE]);
    expect(await jobRow(id!)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('runs a recurring job once after downtime, not once per missed interval, and keeps its time of day', async () => {
    const { definition, runs } = recorder('test.daily', { repeatEveryMs: 24 * HOUR });
    const { id } = await enqueueJob(database.db, { kind: 'test.daily', payload: { id: 'd' }, runAt: T0 }, T0);
    // The server was down for three and a half days.
    const back = T0 + 3 * 24 * HOUR + 12 * HOUR;
    await runDueJobs({ db: database.db, kinds: [definition], now: () => back });
    await runDueJobs({ db: database.db, kinds: [definition], now: () => back + MINUTE });
    expect(runs).toHaveLength(1);
    expect(await jobRow(id!)).toMatchObject({ status: 'pending', runAt: T0 + 4 * 24 * HOUR });
  });

  it('drops a past-due notice that is older than its kind’s stale-after window instead of sending it late', async () => {
    const { definition, runs } = recorder('test.reminder', { staleAfterMs: 2 * HOUR });
    const late = await enqueueJob(database.db, { kind: 'test.reminder', payload: { id: 'late' }, runAt: T0 }, T0);
    const recent = await enqueueJob(database.db, { kind: 'test.reminder', payload: { id: 'recent' }, runAt: T0 + 2 * HOUR }, T0);
    expect(await runDueJobs({ db: database.db, kinds: [definition], now: () => T0 + 3 * HOUR })).toMatchObject({ done: 1, dropped: 1 });
    expect(runs.map((r) => r.id)).toEqual(['recent']);
    expect(await jobRow(late.id!)).toMatchObject({ status: 'dropped', lastError: 'Past due for longer than it stays useful' });
    expect(await jobRow(recent.id!)).toMatchObject({ status: 'done' });
  });

  it('drops a notice whose kind says it no longer applies', async () => {
    const cancelled = new Set(['meeting-2']);
    const { definition, runs } = recorder('test.meeting', { relevant: (p) => !cancelled.has(p.id) });
    await enqueueJob(database.db, { kind: 'test.meeting', payload: { id: 'meeting-1' }, runAt: T0 }, T0);
    const dropped = await enqueueJob(database.db, { kind: 'test.meeting', payload: { id: 'meeting-2' }, runAt: T0 }, T0);
    await runDueJobs({ db: database.db, kinds: [definition], now: () => T0 });
    expect(runs.map((r) => r.id)).toEqual(['meeting-1']);
    expect(await jobRow(dropped.id!)).toMatchObject({ status: 'dropped', lastError: 'No longer applies' });
  });

  it('fails a job of a kind this server does not know, without running anything', async () => {
    const { id } = await enqueueJob(database.db, { kind: 'test.unknown', payload: {}, runAt: T0 }, T0);
    expect(await runDueJobs({ db: database.db, kinds: [], now: () => T0 })).toMatchObject({ failed: 1 });
    expect(await jobRow(id!)).toMatchObject({ status: 'failed', lastError: 'No job kind “test.unknown” is known to this server' });
  });

  it('takes over a job whose claiming process died, once its lease has run out', async () => {
    const { definition, runs } = recorder('test.note');
    const { id } = await enqueueJob(database.db, { kind: 'test.note', payload: { id: 'orphan' }, runAt: T0 }, T0);
    expect(await claimDueJobs(database.db, 'dead-process', T0)).toHaveLength(1);
    await runDueJobs({ db: database.db, kinds: [definition], now: () => T0 + CLAIM_LEASE_MS - 1 });
    expect(runs).toEqual([]);
    await runDueJobs({ db: database.db, kinds: [definition], now: () => T0 + CLAIM_LEASE_MS });
    expect(runs.map((r) => r.id)).toEqual(['orphan']);
    expect(await jobRow(id!)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('never runs one job twice when two server processes claim from the same database file at once', async () => {
    const total = 60;
    for (let n = 0; n < total; n++) await enqueueJob(database.db, { kind: 'test.count', payload: { n }, runAt: T0 + n }, T0);
    const worker = join(import.meta.dirname, 'jobs-worker.ts');
    const run = promisify(execFile);
    const url = `file:${join(database.dir, 'camau.db')}`;
    const startAt = String(Date.now() + 3000);
    const outputs = await Promise.all([1, 2].map(() => run(process.execPath, [worker, url, String(T0 + total), startAt])));
    const perProcess = outputs.map((o) => o.stdout.split('\n').filter(Boolean));
    expect(perProcess.every((ids) => ids.length > 0)).toBe(true); // both really took part
    const ran = perProcess.flat();
    expect(ran).toHaveLength(total);
    expect(new Set(ran).size).toBe(total);
    const rows = await database.db.select().from(jobs);
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
  });
});
