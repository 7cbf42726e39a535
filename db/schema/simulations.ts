import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { ATTEMPT_STATUSES } from '../../src/domain/common/index.ts';
import { SIMULATION_KINDS } from '../../src/domain/simulations/index.ts';
import { organisations } from './organisations.ts';
import { people } from './people.ts';

/**
 * One practitioner's run through one simulation scenario. As with threshold attempts, the
 * machine's persisted snapshot is the source of truth and `revision` rises with every accepted
 * event, so a stale or replayed post is refused. `outcome` and `result` are computed by the
 * server from the recorded events when the attempt finishes, for the attempts list.
 */
export const simulationAttempts = sqliteTable(
  'simulation_attempts',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: SIMULATION_KINDS }).notNull(),
    scenarioId: text('scenario_id').notNull(),
    scenarioVersion: integer('scenario_version').notNull(),
    snapshot: text('snapshot', { mode: 'json' }).notNull().$type<unknown>(),
    revision: integer('revision').notNull().default(0),
    status: text('status', { enum: ATTEMPT_STATUSES }).notNull().default('in-progress'),
    outcome: text('outcome'),
    result: text('result', { mode: 'json' }).$type<unknown>(),
    startedAt: integer('started_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    completedAt: integer('completed_at'),
  },
  (t) => [index('simulation_attempts_person_idx').on(t.personId, t.startedAt), index('simulation_attempts_org_scenario_idx').on(t.organisationId, t.scenarioId, t.status)],
);

/** Every accepted learner action, in order: what the transcript and the feedback are computed from. */
export const simulationEvents = sqliteTable(
  'simulation_events',
  {
    attemptId: text('attempt_id')
      .notNull()
      .references(() => simulationAttempts.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    event: text('event', { mode: 'json' }).notNull().$type<{ type: string }>(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.revision] })],
);

/**
 * Responses a learner wrote in their own words and coded themselves, kept for a practice
 * mentor to review. Nothing reads them yet: the mentor workspace's review queue will.
 */
export const simulationOwnResponses = sqliteTable(
  'simulation_own_responses',
  {
    id: text('id').primaryKey(),
    attemptId: text('attempt_id')
      .notNull()
      .references(() => simulationAttempts.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    scenarioId: text('scenario_id').notNull(),
    turnId: text('turn_id').notNull(),
    text: text('text').notNull(),
    code: text('code').notNull(),
    createdAt: integer('created_at').notNull(),
    reviewedAt: integer('reviewed_at'),
    reviewedBy: text('reviewed_by').references(() => people.id, { onDelete: 'set null' }),
  },
  (t) => [index('simulation_own_responses_review_idx').on(t.organisationId, t.reviewedAt), index('simulation_own_responses_person_idx').on(t.personId, t.createdAt)],
);
