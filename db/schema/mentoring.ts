import { sqliteTable, text, integer, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ACTIVITY_KINDS, WORK_KINDS, SUBMISSION_STATES, MARKER_ROLES } from '../../src/domain/mentoring/index.ts';
import { LOCALES } from '../../src/domain/common/index.ts';
import { MI_CODES } from '../../src/domain/simulations/index.ts';
import { organisations } from './organisations.ts';
import { people } from './people.ts';
import { simulationOwnResponses } from './simulations.ts';

/** A mentor-written assignment with no platform activity; the mentee answers it in their own words. */
export const practiceTasks = sqliteTable(
  'practice_tasks',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    authorId: text('author_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    instructions: text('instructions').notNull(),
    locale: text('locale', { enum: LOCALES }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('practice_tasks_author_idx').on(t.authorId, t.createdAt)],
);

/** Work a mentor set one mentee, with a due date. Withdrawn work is kept (history), never deleted. */
export const assignments = sqliteTable(
  'assignments',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    menteeId: text('mentee_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    assignedBy: text('assigned_by').notNull().references(() => people.id, { onDelete: 'cascade' }),
    // The mentor now responsible; null once passed on with no mentor to take it: the organisation's admins act on it.
    ownerId: text('owner_id').references(() => people.id, { onDelete: 'set null' }),
    activityKind: text('activity_kind', { enum: ACTIVITY_KINDS }).notNull(),
    // A content id, or practice_tasks.id for a task.
    activityId: text('activity_id').notNull(),
    dueDate: text('due_date').notNull(),
    note: text('note'),
    askReview: integer('ask_review', { mode: 'boolean' }).notNull().default(false),
    revision: integer('revision').notNull().default(0),
    // The hidden key of the form that made it: a repeated POST finds this row instead of making a second.
    requestKey: text('request_key').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    withdrawnAt: integer('withdrawn_at'),
    withdrawnBy: text('withdrawn_by').references(() => people.id, { onDelete: 'set null' }),
    passedOnAt: integer('passed_on_at'),
    passedOnFrom: text('passed_on_from').references(() => people.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('assignments_mentee_idx').on(t.menteeId, t.dueDate),
    index('assignments_owner_idx').on(t.ownerId, t.withdrawnAt),
    index('assignments_organisation_idx').on(t.organisationId, t.ownerId),
    uniqueIndex('assignments_request_uq').on(t.assignedBy, t.requestKey, t.menteeId),
  ],
);

/** Each version of a mentee's answer to a practice task (a revision adds a version). */
export const taskAnswers = sqliteTable(
  'task_answers',
  {
    id: text('id').primaryKey(),
    assignmentId: text('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
    personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('task_answers_version_uq').on(t.assignmentId, t.version)],
);

/** Finished work a mentee submitted for review; a revision is a newer version of the same assignment. */
export const submissions = sqliteTable(
  'submissions',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    // Null for a reflective-log entry the mentee shared without an assignment.
    assignmentId: text('assignment_id').references(() => assignments.id, { onDelete: 'cascade' }),
    menteeId: text('mentee_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    workKind: text('work_kind', { enum: WORK_KINDS }).notNull(),
    // The attempt, task answer or reflective entry submitted.
    workId: text('work_id').notNull(),
    noteToMentor: text('note_to_mentor'),
    state: text('state', { enum: SUBMISSION_STATES }).notNull(),
    // The first marker; null once passed on with no mentor to take it.
    reviewerId: text('reviewer_id').references(() => people.id, { onDelete: 'set null' }),
    rubricId: text('rubric_id').notNull(),
    submittedAt: integer('submitted_at').notNull(),
    revisionAskedAt: integer('revision_asked_at'),
    revisionMessage: text('revision_message'),
    releasedAt: integer('released_at'),
  },
  (t) => [
    uniqueIndex('submissions_version_uq').on(t.assignmentId, t.version),
    index('submissions_queue_idx').on(t.reviewerId, t.state, t.submittedAt),
    index('submissions_mentee_idx').on(t.menteeId),
  ],
);

/** One marker's rubric scoring of a submission: the first marker's, or a second marker's in moderation. */
export const markings = sqliteTable(
  'markings',
  {
    id: text('id').primaryKey(),
    submissionId: text('submission_id').notNull().references(() => submissions.id, { onDelete: 'cascade' }),
    markerId: text('marker_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    role: text('role', { enum: MARKER_ROLES }).notNull(),
    requestedBy: text('requested_by').references(() => people.id, { onDelete: 'set null' }),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: integer('rubric_version').notNull(),
    // { criterionId: { level, score } } and { criterionId: comment }.
    levels: text('levels', { mode: 'json' }).$type<Record<string, { level: string; score?: number }>>().notNull(),
    comments: text('comments', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    overall: text('overall').notNull().default(''),
    total: real('total'),
    revision: integer('revision').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
    releasedAt: integer('released_at'),
  },
  (t) => [uniqueIndex('markings_marker_uq').on(t.submissionId, t.markerId), index('markings_marker_idx').on(t.markerId, t.releasedAt)],
);

/** The mentor's MITI code for one own-words response; the learner's self-code stays on the response. */
export const ownResponseCodes = sqliteTable('own_response_codes', {
  responseId: text('response_id').primaryKey().references(() => simulationOwnResponses.id, { onDelete: 'cascade' }),
  submissionId: text('submission_id').notNull().references(() => submissions.id, { onDelete: 'cascade' }),
  code: text('code', { enum: MI_CODES }).notNull(),
  codedBy: text('coded_by').notNull().references(() => people.id, { onDelete: 'cascade' }),
  codedAt: integer('coded_at').notNull(),
});

/** A mentor's personal bank of reusable feedback comments. */
export const commentBank = sqliteTable(
  'comment_bank',
  {
    id: text('id').primaryKey(),
    mentorId: text('mentor_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('comment_bank_mentor_idx').on(t.mentorId, t.createdAt)],
);
