import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DELIVERY_LANGUAGES, BOOKING_STATES, REGISTER_MARKS } from '../../src/domain/training/index.ts';
import { organisations, teams } from './organisations.ts';
import { people } from './people.ts';

/** A training workshop of one programme. `startAt`/`endAt` are instants made from London wall-clock time. */
export const workshops = sqliteTable(
  'workshops',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    // A programme id from the content, checked against it on save (never a fixed list).
    programmeId: text('programme_id').notNull(),
    title: text('title').notNull(),
    date: text('date').notNull(),
    startAt: integer('start_at').notNull(),
    endAt: integer('end_at').notNull(),
    venue: text('venue'),
    onlineLink: text('online_link'),
    deliveryLanguage: text('delivery_language', { enum: DELIVERY_LANGUAGES }).notNull(),
    places: integer('places').notNull(),
    bookingClosesOn: text('booking_closes_on').notNull(),
    // True: everyone in the organisation may book; false: only the teams in workshop_teams.
    openToAll: integer('open_to_all', { mode: 'boolean' }).notNull().default(true),
    // Also the calendar file's SEQUENCE: every change of time or venue raises it.
    revision: integer('revision').notNull().default(0),
    createdBy: text('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    cancelledAt: integer('cancelled_at'),
  },
  (t) => [index('workshops_organisation_idx').on(t.organisationId, t.date), index('workshops_programme_idx').on(t.organisationId, t.programmeId)],
);

export const workshopTeams = sqliteTable(
  'workshop_teams',
  {
    workshopId: text('workshop_id').notNull().references(() => workshops.id, { onDelete: 'cascade' }),
    teamId: text('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.teamId] })],
);

export const workshopFacilitators = sqliteTable(
  'workshop_facilitators',
  {
    workshopId: text('workshop_id').notNull().references(() => workshops.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.personId] }), index('workshop_facilitators_person_idx').on(t.personId)],
);

/**
 * A place or a waiting-list place. `seq` is arrival order (the waiting list promotes by it, so nobody
 * jumps the queue); `seat` numbers a booked place, so two people can never hold one seat.
 */
export const bookings = sqliteTable(
  'bookings',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    workshopId: text('workshop_id').notNull().references(() => workshops.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    state: text('state', { enum: BOOKING_STATES }).notNull(),
    seq: integer('seq').notNull(),
    seat: integer('seat'),
    bookedBy: text('booked_by').references(() => people.id, { onDelete: 'set null' }),
    requestKey: text('request_key'),
    queuedAt: integer('queued_at').notNull(),
    bookedAt: integer('booked_at'),
    endedAt: integer('ended_at'),
    movedTo: text('moved_to'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('bookings_live_person_uq').on(t.workshopId, t.personId).where(sql`state in ('booked', 'waiting')`),
    uniqueIndex('bookings_seat_uq').on(t.workshopId, t.seat).where(sql`state = 'booked'`),
    uniqueIndex('bookings_seq_uq').on(t.workshopId, t.seq),
    index('bookings_person_idx').on(t.personId, t.state),
  ],
);

/** The attendance register: one row per person marked; minutes only for part attendance. */
export const registerRows = sqliteTable(
  'register_rows',
  {
    workshopId: text('workshop_id').notNull().references(() => workshops.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    mark: text('mark', { enum: REGISTER_MARKS }).notNull(),
    minutes: integer('minutes'),
    walkIn: integer('walk_in', { mode: 'boolean' }).notNull().default(false),
    markedBy: text('marked_by').references(() => people.id, { onDelete: 'set null' }),
    markedAt: integer('marked_at').notNull(),
    revision: integer('revision').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.personId] }), index('register_rows_person_idx').on(t.personId)],
);

/** An attendee's reaction to a workshop (each 1–5), given once. */
export const workshopReactions = sqliteTable(
  'workshop_reactions',
  {
    workshopId: text('workshop_id').notNull().references(() => workshops.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    usefulness: integer('usefulness').notNull(),
    relevance: integer('relevance').notNull(),
    confidence: integer('confidence').notNull(),
    comment: text('comment'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.personId] })],
);
