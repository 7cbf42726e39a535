import { and, asc, count, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { assignments, markings, ownResponseCodes, people, practiceTasks, reflectiveEntries, simulationOwnResponses, submissions, taskAnswers } from '../../../db/schema/index.ts';
import { MI_CODES, type MiCode } from '../../domain/simulations/index.ts';
import { londonDate, workingDaysBetween } from '../../domain/common/index.ts';
import { rubricTotal, type ActivityRef, type MarkerRole, type RubricMark, type SubmissionState, type WorkKind } from '../../domain/mentoring/index.ts';
import { hasRole, mayOnSubmission, type SubmissionTarget } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { RubricContent } from '../content/index.ts';
import { newId, type FieldErrors } from '../platform/index.ts';
import { attemptForReview, ownWordsAgreement, type OwnWordsResponse, type SimulationAttempt } from '../simulations/index.ts';
import { thresholdAttemptForReview, type ThresholdAttempt } from '../thresholds/index.ts';
import type { Scope } from '../people/index.ts';
import { catalogueEntry, type ContentCatalogue } from './activity-catalogue.ts';
import { markingView, submissionRow, targetOf, type MarkingView, type SubmissionRow } from './submission-records.ts';

/** The longest criterion comment, overall feedback and revision message a form takes. */
export const COMMENT_MAX = 2000;
export const OVERALL_MAX = 10_000;

/** One row of the Review queue. */
export type QueueRow = {
  id: string;
  menteeId: string;
  menteeName: string;
  workKind: WorkKind;
  activity: ActivityRef | null;
  title: { en: string; cy: string } | null;
  version: number;
  submittedAt: number;
  /** Working days (England and Wales) since the day it was submitted; null outside the bank-holiday data. */
  waitingDays: number | null;
  /** 'second' when the viewer was asked to second-mark it. */
  role: MarkerRole;
};

/** Working days from the London day of `from` to the London day of `now`; null outside the bank-holiday data. */
export function waitingDays(from: number, now: number): number | null {
  try {
    return workingDaysBetween(londonDate(from), londonDate(now));
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

// Submissions waiting for this viewer: theirs to review, or work no mentor holds when they are an admin.
function reviewerIs(scope: Scope): SQL {
  const mine = eq(submissions.reviewerId, scope.viewer.id);
  return hasRole(scope.viewer, 'admin') ? (or(mine, isNull(submissions.reviewerId)) as SQL) : mine;
}

// Waiting for this viewer: submitted work they review, or work they were asked to second-mark and have not released.
function waitingFor(scope: Scope): SQL {
  const toSecondMark = sql`exists (select 1 from ${markings} where ${markings.submissionId} = ${submissions.id} and ${markings.markerId} = ${scope.viewer.id} and ${markings.role} = 'second' and ${markings.releasedAt} is null)`;
  return or(and(eq(submissions.state, 'submitted'), reviewerIs(scope)), toSecondMark) as SQL;
}

function titleOf(kind: string | null, id: string | null, taskTitle: string | null, catalogue: ContentCatalogue): { en: string; cy: string } | null {
  if (!kind || !id) return null;
  if (kind === 'task') return taskTitle ? { en: taskTitle, cy: taskTitle } : null;
  return catalogueEntry(catalogue, { kind: kind as ActivityRef['kind'], id })?.title ?? null;
}

// A shared reflective-log entry is titled by the module it reflects on (none: the page says "reflective-log entry").
const reflectionTitle = (moduleId: string | null, catalogue: ContentCatalogue) => (moduleId ? titleOf('module', moduleId, null, catalogue) : null);

/** The signed-in reviewer's waiting submissions (and those they were asked to second-mark), oldest first, filtered by mentee and kind of work. */
export async function reviewQueue(scope: Scope, filter: { menteeId?: string; kind?: WorkKind }, catalogue: ContentCatalogue): Promise<QueueRow[]> {
  const rows = await scope.db
    .select({ s: submissions, menteeName: people.name, activityKind: assignments.activityKind, activityId: assignments.activityId, taskTitle: practiceTasks.title, reflectionModuleId: reflectiveEntries.moduleId })
    .from(submissions)
    .innerJoin(people, eq(people.id, submissions.menteeId))
    .leftJoin(assignments, eq(assignments.id, submissions.assignmentId))
    .leftJoin(practiceTasks, and(eq(assignments.activityKind, 'task'), eq(practiceTasks.id, assignments.activityId)))
    .leftJoin(reflectiveEntries, and(eq(submissions.workKind, 'reflection'), eq(reflectiveEntries.id, submissions.workId)))
    .where(and(
      eq(submissions.organisationId, scope.organisationId),
      waitingFor(scope),
      filter.menteeId ? eq(submissions.menteeId, filter.menteeId) : undefined,
      filter.kind ? eq(submissions.workKind, filter.kind) : undefined,
    ))
    .orderBy(asc(submissions.submittedAt), asc(submissions.id));
  const now = scope.now.getTime();
  return rows.map(({ s, menteeName, activityKind, activityId, taskTitle, reflectionModuleId }) => ({
    id: s.id,
    menteeId: s.menteeId,
    menteeName,
    workKind: s.workKind,
    activity: activityKind && activityId ? { kind: activityKind, id: activityId } : null,
    title: s.workKind === 'reflection' ? reflectionTitle(reflectionModuleId, catalogue) : titleOf(activityKind, activityId, taskTitle, catalogue),
    version: s.version,
    submittedAt: s.submittedAt,
    waitingDays: waitingDays(s.submittedAt, now),
    role: s.state === 'submitted' && (s.reviewerId === scope.viewer.id || (s.reviewerId === null && hasRole(scope.viewer, 'admin'))) ? 'first' : 'second',
  }));
}

/** How many submissions wait for the signed-in reviewer (the count on the workspace home). */
export async function queueCount(scope: Scope): Promise<number> {
  const [row] = await scope.db
    .select({ n: count() })
    .from(submissions)
    .where(and(eq(submissions.organisationId, scope.organisationId), waitingFor(scope)));
  return row?.n ?? 0;
}

/** The submitted work as the mentee sees it, read-only. */
export type SubmittedWork =
  | { kind: 'task'; text: string; version: number }
  | { kind: 'simulation'; scenarioId: string; outcome: string | null; attempt: SimulationAttempt; ownResponses: OwnWordsResponse[]; agreement: { n: number; percent: number | null; kappa: number | null } }
  | ({ kind: 'threshold'; vignetteId: string; attempt: ThresholdAttempt } & Pick<ThresholdAttempt, 'screening' | 'decision' | 'likelihood' | 'significant'>)
  | { kind: 'reflection'; prompt: string; text: string; moduleId: string | null; createdAt: number }
  | { kind: 'missing' };

export type { MarkingView } from './submission-records.ts';

/** Everything the review page of one submission shows. */
export type ReviewView = {
  id: string;
  assignmentId: string | null;
  menteeId: string;
  menteeName: string;
  title: { en: string; cy: string } | null;
  instructions: string | null;
  version: number;
  state: SubmissionState;
  noteToMentor: string | null;
  /** What the reviewer wrote when they asked for a revision of this version. */
  revisionMessage: string | null;
  submittedAt: number;
  waitingDays: number | null;
  rubric: RubricContent | null;
  work: SubmittedWork;
  /** The viewer's own marking (none yet: null). */
  marking: MarkingView | null;
  /** Whether the viewer may mark it (the reviewer); a mentee viewing their own work may not. */
  canReview: boolean;
  max: number | null;
};


async function workOf(scope: Scope, s: SubmissionRow, target: SubmissionTarget): Promise<SubmittedWork> {
  const { db } = scope;
  // The attempt readers ask the policy through the submission: only its mentee's work, only for its viewers.
  const may = (ownerId: string) => ownerId === s.menteeId && mayOnSubmission(scope.viewer, 'submission.view', target);
  if (s.workKind === 'task') {
    const [answer] = await db.select().from(taskAnswers).where(and(eq(taskAnswers.id, s.workId), eq(taskAnswers.personId, s.menteeId)));
    return answer ? { kind: 'task', text: answer.text, version: answer.version } : { kind: 'missing' };
  }
  if (s.workKind === 'simulation') {
    const read = await attemptForReview(scope, s.workId, may);
    if (!read) return { kind: 'missing' };
    const { attempt, ownResponses } = read;
    return { kind: 'simulation', scenarioId: attempt.scenarioId, outcome: attempt.outcome, attempt, ownResponses, agreement: ownWordsAgreement(ownResponses) };
  }
  if (s.workKind === 'threshold') {
    const attempt = await thresholdAttemptForReview(scope, s.workId, may);
    if (!attempt) return { kind: 'missing' };
    return { kind: 'threshold', vignetteId: attempt.vignetteId, attempt, screening: attempt.screening, decision: attempt.decision, likelihood: attempt.likelihood, significant: attempt.significant };
  }
  if (s.workKind === 'reflection') {
    // Only an entry its author shares with their mentor is ever read here.
    const [entry] = await db
      .select()
      .from(reflectiveEntries)
      .where(and(eq(reflectiveEntries.id, s.workId), eq(reflectiveEntries.personId, s.menteeId), eq(reflectiveEntries.sharedWithMentor, true)));
    return entry ? { kind: 'reflection', prompt: entry.prompt, text: entry.text, moduleId: entry.moduleId, createdAt: entry.createdAt } : { kind: 'missing' };
  }
  return { kind: 'missing' };
}

const isMiCode = (value: string): value is MiCode => (MI_CODES as readonly string[]).includes(value);


/**
 * One submission for someone the policy lets see it ('submission.view': the mentee, the reviewer,
 * a second marker); null otherwise, which the page shows as 404. Only the viewer's own marking is
 * included, so a second marker never sees the first marking here.
 */
export async function submissionForReview(scope: Scope, id: string, rubrics: readonly RubricContent[], catalogue: ContentCatalogue): Promise<ReviewView | null> {
  const s = await submissionRow(scope, id);
  if (!s) return null;
  const target = await targetOf(scope, s);
  if (!mayOnSubmission(scope.viewer, 'submission.view', target)) return null;
  const [meta] = await scope.db
    .select({ menteeName: people.name, activityKind: assignments.activityKind, activityId: assignments.activityId, taskTitle: practiceTasks.title, instructions: practiceTasks.instructions })
    .from(people)
    .leftJoin(assignments, eq(assignments.id, sql`${s.assignmentId}`))
    .leftJoin(practiceTasks, and(eq(assignments.activityKind, 'task'), eq(practiceTasks.id, assignments.activityId)))
    .where(eq(people.id, s.menteeId));
  const [mine] = await scope.db.select().from(markings).where(and(eq(markings.submissionId, s.id), eq(markings.markerId, scope.viewer.id)));
  const rubric = rubrics.find((r) => r.id === s.rubricId) ?? null;
  const work = await workOf(scope, s, target);
  return {
    id: s.id,
    assignmentId: s.assignmentId,
    menteeId: s.menteeId,
    menteeName: meta?.menteeName ?? '',
    title: work.kind === 'reflection' ? reflectionTitle(work.moduleId, catalogue) : titleOf(meta?.activityKind ?? null, meta?.activityId ?? null, meta?.taskTitle ?? null, catalogue),
    instructions: meta?.instructions ?? null,
    version: s.version,
    state: s.state,
    noteToMentor: s.noteToMentor,
    revisionMessage: s.revisionMessage,
    submittedAt: s.submittedAt,
    waitingDays: waitingDays(s.submittedAt, scope.now.getTime()),
    rubric,
    work,
    marking: mine ? markingView(mine) : null,
    canReview: mayOnSubmission(scope.viewer, 'submission.review', target),
    max: rubric ? rubricTotal(rubric, {}).max : null,
  };
}

/** What the rubric form sends, already read from the form. */
export type MarkingInput = {
  levels: Record<string, RubricMark>;
  comments: Record<string, string>;
  overall: string;
  revision: number;
  release: boolean;
  /** The rubric the form was drawn with; another one (changed in another tab) is a conflict. */
  rubricId?: string;
};
export type SaveMarkingResult =
  | { ok: true; total: number | null; released: boolean; /** True only for the save that released it. */ releasedNow: boolean }
  | { ok: false; refusal: 'not-found' }
  | { ok: false; errors: FieldErrors }
  | { ok: false; conflict: true };

type CheckedMarking = { ok: true; levels: Record<string, RubricMark>; comments: Record<string, string>; overall: string; scored: ReturnType<typeof rubricTotal> };

// The marking as it may be saved; releasing needs every criterion marked and the overall feedback.
function checkMarking(rubric: RubricContent, input: MarkingInput): CheckedMarking | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const levels: Record<string, RubricMark> = {};
  const comments: Record<string, string> = {};
  for (const criterion of rubric.criteria) {
    const mark = Object.hasOwn(input.levels, criterion.id) ? input.levels[criterion.id] : undefined;
    if (mark) levels[criterion.id] = mark;
    const comment = (Object.hasOwn(input.comments, criterion.id) ? input.comments[criterion.id] : '')?.trim() ?? '';
    if (comment.length > COMMENT_MAX) errors[`comment-${criterion.id}`] = { key: 'errors.tooLong', params: { max: COMMENT_MAX } };
    if (comment) comments[criterion.id] = comment;
  }
  const scored = rubricTotal(rubric, levels);
  for (const p of scored.problems) {
    if (p.problem === 'missing' && !input.release) continue;
    errors[`level-${p.criterionId}`] = { key: p.problem === 'missing' ? 'review.error.levelMissing' : p.problem === 'out-of-range' ? 'review.error.outOfRange' : 'review.error.unknownLevel' };
  }
  const overall = input.overall.trim();
  if (overall.length > OVERALL_MAX) errors.overall = { key: 'errors.tooLong', params: { max: OVERALL_MAX } };
  if (input.release && !overall) errors.overall = { key: 'errors.required' };
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, levels, comments, overall, scored };
}

// A second marker's marking: saved as a draft, or released to the first marker (never to the mentee).
async function saveSecondMarking(scope: Scope, s: SubmissionRow, input: MarkingInput, rubrics: readonly RubricContent[]): Promise<SaveMarkingResult> {
  const [mine] = await scope.db.select().from(markings).where(and(eq(markings.submissionId, s.id), eq(markings.markerId, scope.viewer.id), eq(markings.role, 'second')));
  if (!mine) return { ok: false, refusal: 'not-found' };
  if (mine.releasedAt !== null) {
    if (input.release) return { ok: true, total: mine.total, released: true, releasedNow: false };
    return { ok: false, errors: { _form: { key: 'review.error.alreadyReleased' } } };
  }
  const rubric = rubrics.find((r) => r.id === mine.rubricId);
  if (!rubric) throw new Error(`unknown rubric ${mine.rubricId}`);
  const checked = checkMarking(rubric, input);
  if (!checked.ok) return checked;
  const now = scope.now.getTime();
  const done = await scope.db
    .update(markings)
    .set({ levels: checked.levels, comments: checked.comments, overall: checked.overall, total: checked.scored.total, updatedAt: now, rubricVersion: rubric.version, revision: sql`${markings.revision} + 1`, releasedAt: input.release ? now : null })
    .where(and(eq(markings.id, mine.id), eq(markings.revision, input.revision), isNull(markings.releasedAt)))
    .returning({ id: markings.id });
  if (!done.length) return { ok: false, conflict: true };
  return { ok: true, total: checked.scored.total, released: input.release, releasedNow: false };
}

/**
 * Saves the reviewer's marking of a submission as a draft, or releases it to the mentee (a second
 * marker's release goes only to the first marker). The
 * posted `revision` must be the one the form was drawn with, else `conflict` (another tab saved
 * since) and nothing is written. Releasing needs every criterion marked; releasing again after a
 * release changes nothing (one release, one audit event).
 */
export async function saveMarking(scope: Scope, submissionId: string, input: MarkingInput, ip: string | null, rubrics: readonly RubricContent[]): Promise<SaveMarkingResult> {
  const s = await submissionRow(scope, submissionId);
  if (!s) return { ok: false, refusal: 'not-found' };
  const target = await targetOf(scope, s);
  const asFirst = mayOnSubmission(scope.viewer, 'submission.review', target);
  if (!asFirst && !mayOnSubmission(scope.viewer, 'submission.second-mark', target)) return { ok: false, refusal: 'not-found' };
  if (!asFirst) return saveSecondMarking(scope, s, input, rubrics);
  if (s.releasedAt !== null) {
    if (input.release) return { ok: true, total: null, released: true, releasedNow: false };
    return { ok: false, errors: { _form: { key: 'review.error.alreadyReleased' } } };
  }
  if (s.state !== 'submitted') return { ok: false, errors: { _form: { key: 'review.error.notWaiting' } } };
  if (input.rubricId !== undefined && input.rubricId !== s.rubricId) return { ok: false, conflict: true };
  const rubric = rubrics.find((r) => r.id === s.rubricId);
  if (!rubric) throw new Error(`unknown rubric ${s.rubricId}`);
  const checked = checkMarking(rubric, input);
  if (!checked.ok) return checked;
  const { levels, comments, overall, scored } = checked;

  const now = scope.now.getTime();
  return scope.db.transaction(async (tx): Promise<SaveMarkingResult> => {
    const values = { levels, comments, overall, total: scored.total, updatedAt: now, rubricId: rubric.id, rubricVersion: rubric.version };
    const [existing] = await tx.select({ id: markings.id, revision: markings.revision }).from(markings).where(and(eq(markings.submissionId, s.id), eq(markings.markerId, scope.viewer.id)));
    if (!existing) {
      if (input.revision !== 0) return { ok: false, conflict: true };
      try {
        await tx.insert(markings).values({ id: newId(), submissionId: s.id, markerId: scope.viewer.id, role: 'first', ...values, revision: 1 });
      } catch {
        // Another tab made the first draft at the same moment.
        return { ok: false, conflict: true };
      }
    } else {
      const done = await tx
        .update(markings)
        .set({ ...values, revision: sql`${markings.revision} + 1` })
        .where(and(eq(markings.id, existing.id), eq(markings.revision, input.revision), isNull(markings.releasedAt)))
        .returning({ id: markings.id });
      if (!done.length) return { ok: false, conflict: true };
    }
    if (!input.release) return { ok: true, total: scored.total, released: false, releasedNow: false };
    const released = await tx
      .update(submissions)
      .set({ state: 'feedback-released', releasedAt: now })
      .where(and(eq(submissions.id, s.id), isNull(submissions.releasedAt), eq(submissions.state, 'submitted')))
      .returning({ id: submissions.id });
    if (released.length) {
      await tx.update(markings).set({ releasedAt: now }).where(and(eq(markings.submissionId, s.id), eq(markings.markerId, scope.viewer.id)));
      await recordAudit(tx, { organisationId: scope.organisationId, actorId: scope.viewer.id, subjectId: s.menteeId, action: 'feedback.released', detail: { submissionId: s.id, rubricId: rubric.id }, ip }, now);
    }
    return { ok: true, total: scored.total, released: true, releasedNow: released.length > 0 };
  });
}

export type ChooseRubricResult = { ok: true; changed: boolean; cleared: boolean } | { ok: false; refusal: 'not-found' } | { ok: false; errors: FieldErrors };

/**
 * The reviewer marks a waiting submission against another of the rubrics instead of its kind's
 * default. A draft made with the earlier rubric keeps its overall feedback but loses its levels
 * and criterion comments (`cleared`), so marks of two rubrics are never mixed; its revision moves
 * on, so a tab still showing the earlier rubric gets a conflict. Refused once released, and once
 * a second marker has been asked (both marks must use one rubric).
 */
export async function chooseRubric(scope: Scope, submissionId: string, rubricId: string, rubrics: readonly RubricContent[]): Promise<ChooseRubricResult> {
  const s = await submissionRow(scope, submissionId);
  if (!s) return { ok: false, refusal: 'not-found' };
  const target = await targetOf(scope, s);
  if (!mayOnSubmission(scope.viewer, 'submission.review', target)) return { ok: false, refusal: 'not-found' };
  const rubric = rubrics.find((r) => r.id === rubricId);
  if (!rubric) return { ok: false, errors: { rubricId: { key: 'review.error.unknownRubric' } } };
  if (s.state !== 'submitted') return { ok: false, errors: { _form: { key: s.releasedAt !== null ? 'review.error.alreadyReleased' : 'review.error.notWaiting' } } };
  if (target.secondMarkerIds.length) return { ok: false, errors: { rubricId: { key: 'review.error.rubricModerated' } } };
  if (s.rubricId === rubric.id) return { ok: true, changed: false, cleared: false };
  const now = scope.now.getTime();
  return scope.db.transaction(async (tx): Promise<ChooseRubricResult> => {
    const moved = await tx
      .update(submissions)
      .set({ rubricId: rubric.id })
      .where(and(eq(submissions.id, s.id), eq(submissions.state, 'submitted'), eq(submissions.rubricId, s.rubricId)))
      .returning({ id: submissions.id });
    if (!moved.length) return { ok: true, changed: false, cleared: false };
    const cleared = await tx
      .update(markings)
      .set({ rubricId: rubric.id, rubricVersion: rubric.version, levels: {}, comments: {}, total: null, revision: sql`${markings.revision} + 1`, updatedAt: now })
      .where(and(eq(markings.submissionId, s.id), eq(markings.role, 'first'), isNull(markings.releasedAt)))
      .returning({ id: markings.id });
    return { ok: true, changed: true, cleared: cleared.length > 0 };
  });
}

/**
 * The reviewer asks for a revision instead of releasing feedback: the mentee's work opens again
 * and their next finished work becomes the next version. Asking twice changes nothing more.
 */
export async function askRevision(scope: Scope, submissionId: string, message: string, ip: string | null): Promise<{ ok: true } | { ok: false; refusal: 'not-found' } | { ok: false; errors: FieldErrors }> {
  const s = await submissionRow(scope, submissionId);
  if (!s || !mayOnSubmission(scope.viewer, 'submission.review', await targetOf(scope, s))) return { ok: false, refusal: 'not-found' };
  const text = message.trim();
  if (text.length > COMMENT_MAX) return { ok: false, errors: { revisionMessage: { key: 'errors.tooLong', params: { max: COMMENT_MAX } } } };
  if (s.state === 'revision-asked') return { ok: true };
  if (s.state !== 'submitted') return { ok: false, errors: { _form: { key: 'review.error.alreadyReleased' } } };
  const now = scope.now.getTime();
  await scope.db.transaction(async (tx) => {
    const done = await tx
      .update(submissions)
      .set({ state: 'revision-asked', revisionAskedAt: now, revisionMessage: text || null })
      .where(and(eq(submissions.id, s.id), eq(submissions.state, 'submitted')))
      .returning({ id: submissions.id });
    if (done.length) await recordAudit(tx, { organisationId: scope.organisationId, actorId: scope.viewer.id, subjectId: s.menteeId, action: 'revision.asked', detail: { submissionId: s.id }, ip }, now);
  });
  return { ok: true };
}

/** The mentee's released feedback on one version of their work. */
export type FeedbackView = {
  submissionId: string;
  assignmentId: string;
  version: number;
  title: { en: string; cy: string } | null;
  reviewerName: string;
  rubric: RubricContent | null;
  levels: Record<string, RubricMark>;
  comments: Record<string, string>;
  overall: string;
  total: number | null;
  max: number | null;
  releasedAt: number;
};

/**
 * The signed-in mentee's released feedback on one version of an assignment: only their own
 * mentor's (first) marking, never a second marker's; null before release or for anyone else.
 */
export async function releasedFeedback(scope: Scope, assignmentId: string, version: number, rubrics: readonly RubricContent[], catalogue: ContentCatalogue): Promise<FeedbackView | null> {
  if (!Number.isInteger(version) || version < 1) return null;
  const [s] = await scope.db
    .select()
    .from(submissions)
    .where(and(eq(submissions.assignmentId, assignmentId), eq(submissions.version, version), eq(submissions.menteeId, scope.viewer.id), eq(submissions.organisationId, scope.organisationId)));
  if (!s || !s.assignmentId || s.releasedAt === null) return null;
  if (!mayOnSubmission(scope.viewer, 'feedback.read', await targetOf(scope, s))) return null;
  const [m] = await scope.db
    .select({ m: markings, reviewerName: people.name })
    .from(markings)
    .innerJoin(people, eq(people.id, markings.markerId))
    .where(and(eq(markings.submissionId, s.id), eq(markings.role, 'first'), sql`${markings.releasedAt} is not null`));
  if (!m) return null;
  const [a] = await scope.db.select({ kind: assignments.activityKind, id: assignments.activityId, taskTitle: practiceTasks.title }).from(assignments).leftJoin(practiceTasks, eq(practiceTasks.id, assignments.activityId)).where(eq(assignments.id, s.assignmentId));
  const rubric = rubrics.find((r) => r.id === m.m.rubricId) ?? null;
  return {
    submissionId: s.id,
    assignmentId: s.assignmentId,
    version: s.version,
    title: titleOf(a?.kind ?? null, a?.id ?? null, a?.taskTitle ?? null, catalogue),
    reviewerName: m.reviewerName,
    rubric,
    levels: m.m.levels,
    comments: m.m.comments,
    overall: m.m.overall,
    total: m.m.total,
    max: rubric ? rubricTotal(rubric, {}).max : null,
    releasedAt: s.releasedAt,
  };
}

/** One submitted version of a piece of work, as the versions lists show it. */
export type SubmissionVersion = {
  id: string;
  version: number;
  state: SubmissionState;
  submittedAt: number;
  revisionMessage: string | null;
  workKind: WorkKind;
  workId: string;
  /** A practice task's answer as submitted in this version (null for other kinds of work). */
  answer: string | null;
};

const versionColumns = {
  id: submissions.id,
  version: submissions.version,
  state: submissions.state,
  submittedAt: submissions.submittedAt,
  revisionMessage: submissions.revisionMessage,
  workKind: submissions.workKind,
  workId: submissions.workId,
  answer: taskAnswers.text,
};

/** Every version of an assignment the signed-in mentee submitted, oldest first, with what each links to. */
export async function submissionVersions(scope: Scope, assignmentId: string): Promise<SubmissionVersion[]> {
  return scope.db
    .select(versionColumns)
    .from(submissions)
    .leftJoin(taskAnswers, and(eq(submissions.workKind, 'task'), eq(taskAnswers.id, submissions.workId)))
    .where(and(eq(submissions.assignmentId, assignmentId), eq(submissions.menteeId, scope.viewer.id), eq(submissions.organisationId, scope.organisationId)))
    .orderBy(asc(submissions.version));
}

/**
 * Every version of the work one submission belongs to (the same assignment, or the same shared
 * reflective-log entry), oldest first: only the versions the viewer may see ('submission.view'),
 * so a mentor who took over reads only what passed to them. Empty when they may not see this one.
 */
export async function versionsOfSubmission(scope: Scope, submissionId: string): Promise<SubmissionVersion[]> {
  const s = await submissionRow(scope, submissionId);
  if (!s || !mayOnSubmission(scope.viewer, 'submission.view', await targetOf(scope, s))) return [];
  const sameWork = s.assignmentId ? eq(submissions.assignmentId, s.assignmentId) : and(isNull(submissions.assignmentId), eq(submissions.workKind, s.workKind), eq(submissions.workId, s.workId));
  const rows = await scope.db
    .select({ ...versionColumns, row: submissions })
    .from(submissions)
    .leftJoin(taskAnswers, and(eq(submissions.workKind, 'task'), eq(taskAnswers.id, submissions.workId)))
    .where(and(sameWork, eq(submissions.menteeId, s.menteeId), eq(submissions.organisationId, scope.organisationId)))
    .orderBy(asc(submissions.version));
  const visible: SubmissionVersion[] = [];
  for (const { row, ...version } of rows) {
    if (row.id === s.id || mayOnSubmission(scope.viewer, 'submission.view', await targetOf(scope, row))) visible.push(version);
  }
  return visible;
}

/**
 * The reviewer's MITI 4.2.1 codes for the own-words responses of a submitted conversation
 * (response id → code); the learner's self-codes stay as they are. Only responses of the
 * submitted attempt are accepted, and only while the submission waits for review; an unknown
 * code is a field error and nothing is saved.
 */
export async function saveMentorCodes(scope: Scope, submissionId: string, codes: Readonly<Record<string, string>>): Promise<{ ok: true; saved: number } | { ok: false; refusal: 'not-found' } | { ok: false; errors: FieldErrors }> {
  const s = await submissionRow(scope, submissionId);
  if (!s || s.workKind !== 'simulation' || !mayOnSubmission(scope.viewer, 'submission.review', await targetOf(scope, s))) return { ok: false, refusal: 'not-found' };
  // The mentee's figures follow the codes: once feedback is released (or a revision asked) they stay as read.
  if (s.state !== 'submitted') return { ok: false, errors: { _form: { key: 'review.error.codesLocked' } } };
  const responses = await scope.db
    .select({ id: simulationOwnResponses.id })
    .from(simulationOwnResponses)
    .where(and(eq(simulationOwnResponses.attemptId, s.workId), eq(simulationOwnResponses.personId, s.menteeId)));
  const ids = new Set(responses.map((r) => r.id));
  const errors: FieldErrors = {};
  const chosen: { responseId: string; code: MiCode }[] = [];
  for (const [responseId, code] of Object.entries(codes)) {
    if (!ids.has(responseId)) return { ok: false, refusal: 'not-found' };
    if (code === '') continue;
    if (!isMiCode(code)) errors[`code-${responseId}`] = { key: 'review.error.unknownCode' };
    else chosen.push({ responseId, code });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const now = scope.now.getTime();
  await scope.db.transaction(async (tx) => {
    for (const { responseId, code } of chosen) {
      await tx
        .insert(ownResponseCodes)
        .values({ responseId, submissionId: s.id, code, codedBy: scope.viewer.id, codedAt: now })
        .onConflictDoUpdate({ target: ownResponseCodes.responseId, set: { code, codedBy: scope.viewer.id, codedAt: now, submissionId: s.id } });
    }
  });
  return { ok: true, saved: chosen.length };
}
