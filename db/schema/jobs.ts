import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { JOB_STATUSES } from '../../src/domain/common/index.ts';

/**
 * Work to do later (mail retries, digests, reminders). A job is claimed in one UPDATE before it
 * runs, so several server processes sharing the database never run it twice.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).$type<unknown>().notNull(),
    runAt: integer('run_at').notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    // The same notice is never queued twice: a second enqueue with this key does nothing.
    dedupeKey: text('dedupe_key'),
    claimedBy: text('claimed_by'),
    claimedAt: integer('claimed_at'),
    createdAt: integer('created_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (t) => [index('jobs_due_idx').on(t.status, t.runAt), uniqueIndex('jobs_dedupe_idx').on(t.dedupeKey)],
);
