import { randomUUID } from 'node:crypto';
import type { Db } from '../../../../db/client.ts';
import { claimDueJobs, completeJob, dropJob, failJob, rescheduleJob, type Clock, type Job, type JobContext, type JobKind } from './jobs.ts';

export type RunSummary = { done: number; retried: number; failed: number; dropped: number };

export type RunnerOptions = {
  db: Db;
  kinds: readonly JobKind[];
  now?: Clock;
  /** Names this process in `claimed_by`; one per runner. */
  workerId?: string;
  batchSize?: number;
  log?: (line: string) => void;
};

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function runOne(options: Required<RunnerOptions>, job: Job, summary: RunSummary): Promise<void> {
  const { db, now, log } = options;
  const kind = options.kinds.find((k) => k.kind === job.kind);
  if (!kind) {
    await failJob(db, job, `No job kind “${job.kind}” is known to this server`, now());
    summary.failed++;
    return;
  }
  const ctx: JobContext = { db, now, job };
  // A recurring job is never stale: it runs once for all the slots it missed.
  if (!kind.repeatEveryMs && kind.staleAfterMs !== undefined && now() - job.runAt > kind.staleAfterMs) {
    await dropJob(db, job, 'Past due for longer than it stays useful', now());
    summary.dropped++;
    return;
  }
  if (kind.isStillRelevant && !(await kind.isStillRelevant(job.payload, ctx))) {
    await dropJob(db, job, 'No longer applies', now());
    summary.dropped++;
    return;
  }
  let outcome;
  try {
    outcome = await kind.run(job.payload, ctx);
  } catch (error) {
    // A thrown error is a bug, not an expected failure: record it and do not retry blindly.
    log(`[camau jobs] ${job.kind} ${job.id} threw: ${message(error)}`);
    outcome = { ok: false as const, error: message(error) };
  }
  if (kind.repeatEveryMs) {
    await rescheduleJob(db, job, kind.repeatEveryMs, now(), outcome.ok ? null : outcome.error);
    summary[outcome.ok ? 'done' : 'failed']++;
  } else if (outcome.ok) {
    await completeJob(db, job, now());
    summary.done++;
  } else {
    await failJob(db, job, outcome.error, now(), outcome.retryAt);
    summary[outcome.retryAt === undefined ? 'failed' : 'retried']++;
  }
}

/**
 * Claims and runs every job due at `now()`, one batch at a time, and answers what happened.
 * Tests drive time by calling this with their own clock.
 */
export async function runDueJobs(options: RunnerOptions): Promise<RunSummary> {
  const full: Required<RunnerOptions> = { now: Date.now, workerId: `worker-${randomUUID()}`, batchSize: 20, log: console.error, ...options };
  const summary: RunSummary = { done: 0, retried: 0, failed: 0, dropped: 0 };
  const started = full.now();
  // Bounded, so a job that keeps asking to run again "now" cannot hold the runner forever.
  for (let batch = 0; batch < 50; batch++) {
    const claimed = await claimDueJobs(full.db, full.workerId, started, full.batchSize);
    if (!claimed.length) break;
    for (const job of claimed) await runOne(full, job, summary);
  }
  return summary;
}

export type JobRunner = { stop(): Promise<void> };

/**
 * Runs due jobs every `intervalMs` until stopped. Runs never overlap; `stop` waits for the run
 * in progress, so a shutdown does not cut a job off halfway.
 */
export function startJobRunner(options: RunnerOptions & { intervalMs: number }): JobRunner {
  const workerId = options.workerId ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const log = options.log ?? console.error;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = runDueJobs({ ...options, workerId })
      .catch((error) => log(`[camau jobs] run failed: ${message(error)}`))
      .finally(() => {
        if (!stopped) schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, options.intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
