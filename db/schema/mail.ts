import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { MAIL_STATUSES, NOTICE_KINDS } from '../../src/domain/mail/index.ts';
import { LOCALES } from '../../src/domain/common/index.ts';
import { organisations } from './organisations.ts';
import { people } from './people.ts';

/** Every e-mail Camau sends. Without SMTP it is `kept` here for administrators to read. */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    personId: text('person_id'),
    toAddress: text('to_address').notNull(),
    locale: text('locale', { enum: LOCALES }).notNull(),
    subject: text('subject').notNull(),
    // The copy administrators may read: any live link in it is replaced by a placeholder.
    text: text('text').notNull(),
    // The message as it must be delivered (with its live link) while it is still undelivered;
    // cleared once it is sent or given up. Shown only to the person it is addressed to.
    liveText: text('live_text'),
    // Which template made it (invitation, reset), so an administrator can re-send it with a fresh link.
    template: text('template'),
    status: text('status', { enum: MAIL_STATUSES }).notNull(),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    sentAt: integer('sent_at'),
    // For a digested notice: the outbox row of the digest e-mail that carried it.
    digestId: text('digest_id'),
    // A calendar invitation sent with the message (method, file name, .ics text), kept so a retry carries it too.
    calendar: text('calendar', { mode: 'json' }).$type<{ method: 'request' | 'cancel'; filename: string; content: string }>(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('mail_outbox_org_idx').on(t.organisationId, t.createdAt), index('mail_outbox_digest_idx').on(t.personId, t.status)],
);

/** The kinds of notice a person has turned off on their account page (a row means "do not send"). */
export const noticePreferences = sqliteTable(
  'notice_preferences',
  {
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTICE_KINDS }).notNull(),
    optedOutAt: integer('opted_out_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind] })],
);
