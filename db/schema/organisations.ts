import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LOCALES } from '../../src/domain/common/index.ts';
import { ORGANISATION_KINDS } from '../../src/domain/people/index.ts';

/**
 * One local authority. Everything a person can see is scoped to their organisation.
 * The one row of kind 'platform' is not an authority: it holds the platform operators' accounts
 * (so they sign in like everyone else), is never listed as an organisation and holds no records.
 */
export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameCy: text('name_cy').notNull(),
  defaultLocale: text('default_locale', { enum: LOCALES }).notNull().default('cy'),
  createdAt: integer('created_at').notNull(),
  kind: text('kind', { enum: ORGANISATION_KINDS }).notNull().default('council'),
  /** When an operator deactivated it: its people can no longer sign in. */
  deactivatedAt: integer('deactivated_at'),
  /** Since when its admin shares its aggregate figures in the anonymous comparison; null = not taking part. */
  sharesFiguresSince: integer('shares_figures_since'),
});

/** What operators did on the platform (organisations, the comparison): apart from any organisation's own audit log. */
export const platformAuditEvents = sqliteTable(
  'platform_audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: text('actor_id'),
    /** The organisation acted on, if any (kept when it is deactivated). */
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    ip: text('ip'),
    at: integer('at').notNull(),
  },
  (t) => [index('platform_audit_events_at_idx').on(t.at)],
);

export const teams = sqliteTable(
  'teams',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    nameEn: text('name_en').notNull(),
    nameCy: text('name_cy').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('teams_organisation_idx').on(t.organisationId),
    uniqueIndex('teams_organisation_name_en_uq').on(t.organisationId, t.nameEn),
  ],
);
