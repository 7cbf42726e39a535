import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { PERSON_STATUSES, ROLES } from '../../src/domain/people/index.ts';
import { LOCALES } from '../../src/domain/common/index.ts';
import { organisations, teams } from './organisations.ts';


/** A member of staff with an account. `email` is stored lower-cased and is unique across the platform. */
export const people = sqliteTable(
  'people',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    locale: text('locale', { enum: LOCALES }).notNull(),
    passwordHash: text('password_hash'),
    status: text('status', { enum: PERSON_STATUSES }).notNull().default('invited'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    lastSignInAt: integer('last_sign_in_at'),
    /** Social Care Wales registration number (digits), when the person gives it. */
    registrationNumber: text('registration_number'),
    /** The calendar day (YYYY-MM-DD) their registration is due for renewal: a date, not a moment. */
    renewalDate: text('renewal_date'),
  },
  (t) => [
    uniqueIndex('people_email_uq').on(t.email),
    index('people_organisation_idx').on(t.organisationId, t.name),
  ],
);

export const personRoles = sqliteTable(
  'person_roles',
  {
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.role] }), index('person_roles_role_idx').on(t.role)],
);

export const teamMemberships = sqliteTable(
  'team_memberships',
  {
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.personId, t.teamId] }), index('team_memberships_team_idx').on(t.teamId)],
);

/** Which teams a manager manages (a manager need not be a member of them). */
export const teamManagers = sqliteTable(
  'team_managers',
  {
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.personId, t.teamId] }), index('team_managers_team_idx').on(t.teamId)],
);

/** A practice mentor's link to a mentee; each mentee has at most one mentor. */
export const mentorLinks = sqliteTable(
  'mentor_links',
  {
    menteeId: text('mentee_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    mentorId: text('mentor_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('mentor_links_mentor_idx').on(t.mentorId)],
);
