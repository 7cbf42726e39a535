import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import { jobs } from '../../../../db/schema/index.ts';
import { randomUUID } from 'node:crypto';

export type Job = typeof jobs.$inferSelect;
export type Clock = () => number;

/** What a job's handler is given: the database, the clock, and the claimed row. */
export type JobContext = { db: Db; now: Clock; job: Job };

/** A handler's answer: done, or failed (retried at `retryAt` when given, else failed for good). */
export type JobOutcome = { ok: true } | { ok: false; error: string; retryAt?: number };

/** One kind of job and the rules for running it. */
export type JobKind<P = unknown> = {
  kind: string;
  run(payload: P, ctx: JobContext): Promise<JobOutcome>;
  /** A job due longer ago than this is dropped, not run (a reminder for a meeting that has passed). */
  staleAfterMs?: number;
  /** Checked just before running; false drops the job (the notice no longer applies). */
  isStillRelevant?(payload: P, ctx: JobContext): Promise<boolean>;
  /** Recurring: after each run the job is due again at the next slot after now, however many were missed. */
  repeatEveryMs?: number;
};

/** A job kind typed by its payload, kept in a list of kinds of different payloads. */
export function defineJobKind<P>(kind: JobKind<P>): JobKind<unknown> {
  return kind as JobKind<unknown>;
}

type Inserter = Pick<Db, 'insert'>;

/**
 * Queues a job. With a `dedupeKey` the same notice is queued once: a second call with the key
 * does nothing and answers `{ queued: false }`.
 */
export async function enqueueJob(
  db: Inserter,
  job: { kind: string; payload: unknown; runAt: number; dedupeKey?: string },
  now: number,
): Promise<{ queued: boolean; id: string | null }> {
  const id = randomUUID();
  const inserted = await db
    .insert(jobs)
    .values({ id, kind: job.kind, payload: job.payload, runAt: job.runAt, dedupeKey: job.dedupeKey ?? null, createdAt: now })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return inserted.length ? { queued: true, id } : { queued: false, id: null };
}

/** A claim older than this is taken to belong to a process that died mid-job, and is taken over. */
export const CLAIM_LEASE_MS = 15 * 60_000;

/**
 * Claims up to `limit` due jobs for `workerId` in one UPDATE … RETURNING: SQLite runs the
 * statement under its write lock, so a job is claimed by exactly one process.
 */
export async function claimDueJobs(db: Db, workerId: string, now: number, limit = 20): Promise<Job[]> {
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(or(and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)), and(eq(jobs.status, 'running'), lte(jobs.claimedAt, now - CLAIM_LEASE_MS))))
    .orderBy(asc(jobs.runAt))
    .limit(limit);
  return db
    .update(jobs)
    .set({ status: 'running', claimedBy: workerId, claimedAt: now, attempts: sql`${jobs.attempts} + 1` })
    .where(inArray(jobs.id, due))
    .returning();
}

// Every finishing write names the claimer, so a process whose lease was taken over cannot
// overwrite the new owner's result.
const owned = (job: Job) => and(eq(jobs.id, job.id), eq(jobs.claimedBy, job.claimedBy ?? ''), eq(jobs.status, 'running'));

/** Marks a claimed job done. */
export async function completeJob(db: Db, job: Job, now: number): Promise<void> {
  await db.update(jobs).set({ status: 'done', finishedAt: now, lastError: null }).where(owned(job));
}

/** Records a failure: due again at `retryAt`, or failed for good without one. */
export async function failJob(db: Db, job: Job, error: string, now: number, retryAt?: number): Promise<void> {
  const next = retryAt === undefined ? { status: 'failed' as const, finishedAt: now } : { status: 'pending' as const, runAt: retryAt, claimedBy: null, claimedAt: null };
  await db.update(jobs).set({ ...next, lastError: error }).where(owned(job));
}

/** Drops a job that no longer applies, saying why. */
export async function dropJob(db: Db, job: Job, reason: string, now: number): Promise<void> {
  await db.update(jobs).set({ status: 'dropped', finishedAt: now, lastError: reason }).where(owned(job));
}

/** Puts a recurring job back in the queue at its next slot strictly after `now`. */
export async function rescheduleJob(db: Db, job: Job, everyMs: number, now: number, lastError: string | null): Promise<void> {
  const missed = Math.floor((now - job.runAt) / everyMs) + 1;
  await db
    .update(jobs)
    .set({ status: 'pending', runAt: job.runAt + missed * everyMs, claimedBy: null, claimedAt: null, lastError })
    .where(owned(job));
}
