import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LOCALES } from '../../src/domain/common/index.ts';
import { CPD_DISCUSSED_WITH, CPD_KINDS } from '../../src/domain/cpd/index.ts';
import { organisations } from './organisations.ts';
import { people } from './people.ts';

/** Which sections of a module a person has opened (for completion and "resume"). */
export const sectionVisits = sqliteTable(
  'section_visits',
  {
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    sectionId: text('section_id').notNull(),
    firstVisitedAt: integer('first_visited_at').notNull(),
    lastVisitedAt: integer('last_visited_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.moduleId, t.sectionId] })],
);

/** Every submitted knowledge check, kept whether passed or not. */
export const knowledgeCheckAttempts = sqliteTable(
  'knowledge_check_attempts',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    moduleVersion: integer('module_version').notNull(),
    answers: text('answers', { mode: 'json' }).notNull().$type<Record<string, string>>(),
    score: integer('score').notNull(),
    total: integer('total').notNull(),
    passed: integer('passed', { mode: 'boolean' }).notNull(),
    startedAt: integer('started_at'),
    submittedAt: integer('submitted_at').notNull(),
  },
  (t) => [
    index('knowledge_check_attempts_person_module_idx').on(t.personId, t.moduleId, t.submittedAt),
    // Covers the evaluation report's count of each person's first attempt per module.
    index('knowledge_check_attempts_first_idx').on(t.organisationId, t.personId, t.moduleId, t.submittedAt, t.score, t.total),
  ],
);

/** A completed module, per version: earlier completions stay valid when a module changes. */
export const moduleCompletions = sqliteTable(
  'module_completions',
  {
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    moduleVersion: integer('module_version').notNull(),
    programmeId: text('programme_id').notNull(),
    completedAt: integer('completed_at').notNull(),
    // The language the module was completed in (for the Welsh-medium share); null on rows older than the column.
    locale: text('locale', { enum: LOCALES }),
  },
  (t) => [primaryKey({ columns: [t.personId, t.moduleId, t.moduleVersion] }), index('module_completions_programme_idx').on(t.programmeId)],
);

/** The learner's reflective log: private unless they choose to share an entry with their mentor. */
export const reflectiveEntries = sqliteTable(
  'reflective_entries',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    moduleId: text('module_id'),
    moduleVersion: integer('module_version'),
    prompt: text('prompt').notNull(),
    text: text('text').notNull(),
    sharedWithMentor: integer('shared_with_mentor', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('reflective_entries_person_idx').on(t.personId, t.createdAt)],
);

/** Continuing professional development: one row per completed activity, with its time. */
export const cpdEntries = sqliteTable(
  'cpd_entries',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CPD_KINDS }).notNull(),
    /** The module version, simulation attempt, exercise or session it records. */
    sourceId: text('source_id').notNull(),
    /** What was done (the module, scenario or vignette), so a repeat on the same day is recognised. */
    activityId: text('activity_id').notNull().default(''),
    programmeId: text('programme_id'),
    titleEn: text('title_en').notNull(),
    titleCy: text('title_cy').notNull(),
    minutes: integer('minutes').notNull(),
    completedAt: integer('completed_at').notNull(),
    /** Who provided learning added by hand (a course, a conference); null for Camau's own. */
    provider: text('provider'),
    /** How it contributed to the person's practice: theirs alone to read. */
    contribution: text('contribution'),
    discussedWith: text('discussed_with', { enum: CPD_DISCUSSED_WITH }),
    /** The calendar day (YYYY-MM-DD) it was discussed: a date, not a moment. */
    discussedOn: text('discussed_on'),
  },
  // One entry per thing done, even if two requests record it at once.
  (t) => [index('cpd_entries_person_idx').on(t.personId, t.completedAt), uniqueIndex('cpd_entries_source_uq').on(t.personId, t.kind, t.sourceId)],
);
