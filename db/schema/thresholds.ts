import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { ATTEMPT_STATUSES } from '../../src/domain/common/index.ts';
import { DECISIONS, LIKELIHOODS, SCREENING_ANSWERS, SIGNIFICANT } from '../../src/domain/thresholds/index.ts';
import { organisations } from './organisations.ts';
import { people } from './people.ts';

/**
 * A calibration round: a mentor or manager asks a group to answer the same vignettes
 * independently; results are shown to the group only once the round has closed.
 */
export const calibrationRounds = sqliteTable(
  'calibration_rounds',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdBy: text('created_by')
      .notNull()
      .references(() => people.id),
    title: text('title').notNull(),
    vignetteIds: text('vignette_ids', { mode: 'json' }).notNull().$type<string[]>(),
    opensAt: integer('opens_at').notNull(),
    closesAt: integer('closes_at').notNull(),
    closedAt: integer('closed_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('calibration_rounds_org_idx').on(t.organisationId, t.opensAt)],
);

export const roundParticipants = sqliteTable(
  'round_participants',
  {
    roundId: text('round_id')
      .notNull()
      .references(() => calibrationRounds.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.personId] }), index('round_participants_person_idx').on(t.personId)],
);

/**
 * One practitioner's attempt at one vignette. The machine's persisted snapshot is the source of
 * truth; `revision` rises with every accepted event so a stale or replayed post is refused.
 * The final judgements are copied into columns when the attempt completes, for analytics.
 */
export const thresholdAttempts = sqliteTable(
  'threshold_attempts',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    vignetteId: text('vignette_id').notNull(),
    vignetteVersion: integer('vignette_version').notNull(),
    roundId: text('round_id').references(() => calibrationRounds.id, { onDelete: 'set null' }),
    snapshot: text('snapshot', { mode: 'json' }).notNull().$type<unknown>(),
    revision: integer('revision').notNull().default(0),
    status: text('status', { enum: ATTEMPT_STATUSES }).notNull().default('in-progress'),
    screening: text('screening', { enum: SCREENING_ANSWERS }),
    decision: text('decision', { enum: DECISIONS }),
    likelihood: text('likelihood', { enum: LIKELIHOODS }),
    significant: text('significant', { enum: SIGNIFICANT }),
    startedAt: integer('started_at').notNull(),
    completedAt: integer('completed_at'),
  },
  (t) => [
    index('threshold_attempts_person_idx').on(t.personId, t.startedAt),
    index('threshold_attempts_org_vignette_idx').on(t.organisationId, t.vignetteId, t.status),
    index('threshold_attempts_round_idx').on(t.roundId),
    // Covers the consistency query (latest answer per person and vignette) without a sort.
    index('threshold_attempts_answers_idx').on(t.organisationId, t.status, t.personId, t.vignetteId, t.completedAt, t.decision, t.likelihood),
  ],
);

/** Every accepted learner action, in order: the record the feedback is computed from. */
export const thresholdEvents = sqliteTable(
  'threshold_events',
  {
    attemptId: text('attempt_id')
      .notNull()
      .references(() => thresholdAttempts.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    event: text('event', { mode: 'json' }).notNull().$type<{ type: string }>(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.revision] })],
);

/**
 * Each person's latest finished answer to each vignette, kept by triggers on
 * `threshold_attempts` (see migration 0005) so every writer keeps it right. The consistency
 * page counts from here with index-only GROUP BYs instead of finding the latest answer among
 * all attempts on every view.
 */
export const thresholdLatestAnswers = sqliteTable(
  'threshold_latest_answers',
  {
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    vignetteId: text('vignette_id').notNull(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    attemptId: text('attempt_id').notNull(),
    decision: text('decision', { enum: DECISIONS }).notNull(),
    likelihood: text('likelihood', { enum: LIKELIHOODS }).notNull(),
    completedAt: integer('completed_at').notNull(),
    /** `YYYY-MM` (UTC) of completion, for the trend by month. */
    month: text('month').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.vignetteId] }),
    index('threshold_latest_answers_counts_idx').on(t.organisationId, t.vignetteId, t.decision, t.likelihood, t.month, t.personId),
    index('threshold_latest_answers_people_idx').on(t.organisationId, t.personId, t.vignetteId, t.decision),
  ],
);
