import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { SESSION_KINDS, SESSION_FORMATS, SESSION_STATES, ATTENDANCE, ACTION_STATES, type FocusTag } from '../../src/domain/mentoring/index.ts';
import { organisations } from './organisations.ts';
import { people } from './people.ts';

/** A mentor's facilitated support group: members from their mentees or any team of the organisation. */
export const mentoringGroups = sqliteTable(
  'mentoring_groups',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    mentorId: text('mentor_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    revision: integer('revision').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    archivedAt: integer('archived_at'),
  },
  (t) => [index('mentoring_groups_mentor_idx').on(t.mentorId, t.archivedAt)],
);

export const groupMembers = sqliteTable(
  'group_members',
  {
    groupId: text('group_id').notNull().references(() => mentoringGroups.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    addedAt: integer('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] }), index('group_members_person_idx').on(t.personId)],
);

/** A 1:1 or group mentoring session, planned or recorded. Its private note lives in its own table. */
export const mentoringSessions = sqliteTable(
  'mentoring_sessions',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    authorId: text('author_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: SESSION_KINDS }).notNull(),
    menteeId: text('mentee_id').references(() => people.id, { onDelete: 'cascade' }),
    groupId: text('group_id').references(() => mentoringGroups.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    // London wall-clock time, HH:MM.
    startsAt: text('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    format: text('format', { enum: SESSION_FORMATS }).notNull(),
    focus: text('focus', { mode: 'json' }).$type<FocusTag[]>().notNull(),
    location: text('location'),
    // A group session's topic; a 1:1 session has none.
    topic: text('topic'),
    sharedSummary: text('shared_summary').notNull().default(''),
    state: text('state', { enum: SESSION_STATES }).notNull(),
    revision: integer('revision').notNull().default(0),
    requestKey: text('request_key').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    cancelledAt: integer('cancelled_at'),
  },
  (t) => [
    uniqueIndex('mentoring_sessions_request_uq').on(t.authorId, t.requestKey),
    index('mentoring_sessions_mentee_idx').on(t.menteeId, t.date),
    index('mentoring_sessions_group_idx').on(t.groupId, t.date),
    index('mentoring_sessions_author_idx').on(t.authorId, t.date),
  ],
);

/** The author's private note on a session: a separate table so no read of a session can carry it by accident. */
export const sessionPrivateNotes = sqliteTable('session_private_notes', {
  sessionId: text('session_id').primaryKey().references(() => mentoringSessions.id, { onDelete: 'cascade' }),
  authorId: text('author_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const sessionAttendance = sqliteTable(
  'session_attendance',
  {
    sessionId: text('session_id').notNull().references(() => mentoringSessions.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    attendance: text('attendance', { enum: ATTENDANCE }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] }), index('session_attendance_person_idx').on(t.personId)],
);

/** A line a mentee or group member adds to a session's summary: "what I took from it". */
export const sessionTakeaways = sqliteTable(
  'session_takeaways',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id').notNull().references(() => mentoringSessions.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('session_takeaways_session_idx').on(t.sessionId)],
);

/** An action agreed in a session; carrying it forward closes this row and opens a new one pointing back. */
export const agreedActions = sqliteTable(
  'agreed_actions',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    sessionId: text('session_id').notNull().references(() => mentoringSessions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    ownerId: text('owner_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    dueDate: text('due_date').notNull(),
    state: text('state', { enum: ACTION_STATES }).notNull(),
    carriedFromId: text('carried_from_id'),
    doneAt: integer('done_at'),
    doneBy: text('done_by').references(() => people.id, { onDelete: 'set null' }),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('agreed_actions_owner_idx').on(t.ownerId, t.state), index('agreed_actions_session_idx').on(t.sessionId, t.position)],
);
