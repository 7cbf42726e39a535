import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';

/** One row that /health rewrites now and then, to prove the database still takes writes. */
export const healthChecks = sqliteTable('health_checks', {
  id: integer('id').primaryKey(),
  checkedAt: integer('checked_at').notNull(),
});
