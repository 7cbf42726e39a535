import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { AUDIT_ACTIONS } from '../../src/domain/audit/index.ts';
import { organisations } from './organisations.ts';


/** Who did what, to whom, when and from where. Rows are only ever appended. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    actorId: text('actor_id'),
    subjectId: text('subject_id'),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    ip: text('ip'),
    at: integer('at').notNull(),
  },
  (t) => [
    index('audit_events_org_at_idx').on(t.organisationId, t.at),
    index('audit_events_actor_idx').on(t.actorId),
    index('audit_events_subject_idx').on(t.subjectId),
  ],
);
