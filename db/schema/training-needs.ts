import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { NEEDS, CONFIDENCE_MOMENTS } from '../../src/domain/training/index.ts';
import { organisations, teams } from './organisations.ts';
import { people } from './people.ts';

/**
 * Which programmes a team and/or role needs. '' (not NULL) means "every team" or "every role", because
 * SQLite treats NULLs as distinct and the unique index must hold one rule per combination.
 */
export const needRules = sqliteTable(
  'need_rules',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    programmeId: text('programme_id').notNull(),
    teamId: text('team_id').notNull().default(''),
    role: text('role').notNull().default(''),
    need: text('need', { enum: NEEDS }).notNull(),
    workshopRequired: integer('workshop_required', { mode: 'boolean' }).notNull().default(false),
    updatedBy: text('updated_by').references(() => people.id, { onDelete: 'set null' }),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('need_rules_uq').on(t.organisationId, t.programmeId, t.teamId, t.role)],
);

/** A manager's override of one person's need for one programme, with the reason (audited). */
export const needOverrides = sqliteTable(
  'need_overrides',
  {
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    programmeId: text('programme_id').notNull(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    need: text('need', { enum: NEEDS }).notNull(),
    reason: text('reason').notNull(),
    setBy: text('set_by').references(() => people.id, { onDelete: 'set null' }),
    setAt: integer('set_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.programmeId] })],
);

/** A person's 1–10 rating of one confidence statement of a programme, before or after it. */
export const confidenceRatings = sqliteTable(
  'confidence_ratings',
  {
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    programmeId: text('programme_id').notNull(),
    statementId: text('statement_id').notNull(),
    moment: text('moment', { enum: CONFIDENCE_MOMENTS }).notNull(),
    rating: integer('rating').notNull(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    ratedAt: integer('rated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.programmeId, t.statementId, t.moment] }), index('confidence_ratings_org_idx').on(t.organisationId, t.programmeId)],
);

/** Whether a person answered or skipped a confidence prompt, so a skipped prompt stays away. */
export const confidencePrompts = sqliteTable(
  'confidence_prompts',
  {
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    programmeId: text('programme_id').notNull(),
    moment: text('moment', { enum: CONFIDENCE_MOMENTS }).notNull(),
    skippedAt: integer('skipped_at'),
    answeredAt: integer('answered_at'),
  },
  (t) => [primaryKey({ columns: [t.personId, t.programmeId, t.moment] })],
);

/** A rollout phase (pilot area to whole service): its dates, target and teams. */
export const rolloutPhases = sqliteTable(
  'rollout_phases',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    targetPercent: integer('target_percent').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('rollout_phases_org_idx').on(t.organisationId, t.startsOn)],
);

/** A team belongs to at most one phase: the needs analysis reads "the end date of the person's team's phase". */
export const phaseTeams = sqliteTable(
  'phase_teams',
  {
    phaseId: text('phase_id').notNull().references(() => rolloutPhases.id, { onDelete: 'cascade' }),
    teamId: text('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.phaseId, t.teamId] }), uniqueIndex('phase_teams_team_uq').on(t.teamId)],
);
