import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { ACCOUNT_TOKEN_PURPOSES } from '../../src/domain/auth/index.ts';
import { people } from './people.ts';

/**
 * A signed-in session. The token given to the browser is `id.secret`; only the SHA-256 of the
 * secret is stored and it is compared in constant time (the layout the Lucia guide recommends).
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_person_idx').on(t.personId)],
);

/** Single-use links sent by e-mail (invitation, password reset); token layout as for sessions. */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [index('account_tokens_person_idx').on(t.personId, t.purpose)],
);

/** Failed sign-ins, kept in the database so limits hold across server processes. */
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountKey: text('account_key').notNull(),
    ip: text('ip').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('sign_in_failures_account_idx').on(t.accountKey, t.at), index('sign_in_failures_ip_idx').on(t.ip, t.at)],
);
