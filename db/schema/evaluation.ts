import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
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
