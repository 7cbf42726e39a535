import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { SERVICE_INDICATORS } from '../../src/domain/evaluation/index.ts';
import { organisations } from './organisations.ts';
import { people } from './people.ts';

/**
 * Every entry of a quarterly service indicator, kept: the newest row per (organisation, quarter,
 * indicator) is the current value, the older ones its history with author and date.
 * A NULL value records that an entry was cleared.
 */
export const indicatorEntries = sqliteTable(
  'indicator_entries',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    // A calendar quarter, e.g. 2026-Q3 (Europe/London).
    quarter: text('quarter').notNull(),
    indicator: text('indicator', { enum: SERVICE_INDICATORS }).notNull(),
    value: integer('value'),
    authorId: text('author_id').references(() => people.id, { onDelete: 'set null' }),
    recordedAt: integer('recorded_at').notNull(),
  },
  (t) => [index('indicator_entries_current_idx').on(t.organisationId, t.quarter, t.indicator, t.recordedAt)],
);

/**
 * The recommendations text an admin writes and keeps with the report, one row per version:
 * the newest row per (organisation, scope) is current. Scope is 'organisation' or 'team:<id>'.
 */
export const evaluationNotes = sqliteTable(
  'evaluation_notes',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    text: text('text').notNull(),
    authorId: text('author_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('evaluation_notes_scope_idx').on(t.organisationId, t.scope, t.createdAt)],
);

/**
 * The evaluation report's computed levels 1–3 for one organisation, scope, period and content,
 * kept so that a page view or export reads them instead of recomputing two years of records:
 * figures, never free text (the admin's comments are read live). Recomputed in the background
 * once a few minutes old, at once on **Refresh figures**; safe to delete at any time.
 */
export const evaluationSnapshots = sqliteTable(
  'evaluation_snapshots',
  {
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    computedAt: integer('computed_at').notNull(),
    levels: text('levels', { mode: 'json' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.key] })],
);
