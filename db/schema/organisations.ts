import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LOCALES } from '../../src/domain/common/index.ts';

/** One local authority. Everything a person can see is scoped to their organisation. */
export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameCy: text('name_cy').notNull(),
  defaultLocale: text('default_locale', { enum: LOCALES }).notNull().default('cy'),
  createdAt: integer('created_at').notNull(),
});

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
