import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations.ts';

export const MAIL_STATUSES = ['sent', 'kept', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** Every e-mail Camau sends. Without SMTP it is `kept` here for administrators to read. */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    personId: text('person_id'),
    toAddress: text('to_address').notNull(),
    locale: text('locale', { enum: ['cy', 'en'] }).notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: MAIL_STATUSES }).notNull(),
    error: text('error'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('mail_outbox_org_idx').on(t.organisationId, t.createdAt)],
);
