import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { assignments, mentorLinks, reflectiveEntries, simulationAttempts, submissions, taskAnswers, thresholdAttempts } from '../../../db/schema/index.ts';
import { defaultRubricFor, type ActivityKind, type Rubric, type WorkKind } from '../../domain/mentoring/index.ts';
import { recordAudit } from '../audit/index.ts';
import { newId, type FieldErrors } from '../platform/index.ts';
import type { Scope } from '../people/index.ts';

/** The longest note to the mentor a submission takes. */
export const SUBMIT_NOTE_MAX = 2000;

/** What the Submit for review form sends: the assignment, optionally the attempt or answer chosen, and a note. */
export type SubmitInput = { assignmentId: string; workId?: string | null; note: string | null };
export type SubmitRefusal = 'not-found' | 'not-asked' | 'locked' | 'no-work';
export type SubmitResult =
  | { ok: true; id: string; version: number; repeated: boolean }
  | { ok: false; refusal: SubmitRefusal }
  | { ok: false; errors: FieldErrors };

/** The kind of submitted work an assigned activity gives; null for reading (modules, programmes). */
export function workKindOf(activityKind: ActivityKind): WorkKind | null {
  switch (activityKind) {
    case 'conversation':
    case 'conference':
      return 'simulation';
    case 'vignette':
      return 'threshold';
    case 'task':
      return 'task';
    default:
      return null;
  }
}

type Tx = Parameters<Parameters<Scope['db']['transaction']>[0]>[0];

// The note to the mentor as stored (blank: none), or the field error for a note too long.
function noteOf(raw: string | null): { ok: true; note: string | null } | { ok: false; errors: FieldErrors } {
  const note = raw?.trim() || null;
  if (note && note.length > SUBMIT_NOTE_MAX) return { ok: false, errors: { note: { key: 'errors.tooLong', params: { max: SUBMIT_NOTE_MAX } } } };
  return { ok: true, note };
}

type NewVersion = {
  assignmentId: string | null;
  menteeId: string;
  workKind: WorkKind;
  activityKind: ActivityKind | null;
  workId: string;
  note: string | null;
  reviewerId: string | null;
  /** The version before this one, if any. */
  previous: number;
  /** What the audit entry names besides the submission (the assignment, or the reflective-log entry). */
  detail: Record<string, string>;
};

// Writes the next version of some work for review, marked against its kind's default rubric, and audits it.
async function insertVersion(tx: Tx, scope: Scope, v: NewVersion, ip: string | null, rubrics: readonly Rubric[], now: number): Promise<{ ok: true; id: string; version: number; repeated: false }> {
  const rubric = defaultRubricFor(v.workKind, v.activityKind, rubrics) ?? rubrics.find((r) => r.workKinds.includes(v.workKind));
  if (!rubric) throw new Error(`no rubric covers ${v.workKind} work`);
  const id = newId();
  const version = v.previous + 1;
  await tx.insert(submissions).values({
    id, organisationId: scope.organisationId, assignmentId: v.assignmentId, menteeId: v.menteeId, version, workKind: v.workKind, workId: v.workId,
    noteToMentor: v.note, state: 'submitted', reviewerId: v.reviewerId, rubricId: rubric.id, submittedAt: now,
  });
  await recordAudit(tx, { organisationId: scope.organisationId, actorId: scope.viewer.id, subjectId: v.menteeId, action: 'submission.made', detail: { submissionId: id, ...v.detail, version, workKind: v.workKind }, ip }, now);
  return { ok: true, id, version, repeated: false };
}

/** The mentee’s finished work for an assignment after `since` (when a revision was asked), newest first (attempts or answer versions). */
async function finishedWork(tx: Tx, a: typeof assignments.$inferSelect, kind: WorkKind, since: number): Promise<string[]> {
  if (kind === 'task') {
    const rows = await tx.select({ id: taskAnswers.id, at: taskAnswers.createdAt }).from(taskAnswers).where(eq(taskAnswers.assignmentId, a.id)).orderBy(desc(taskAnswers.version));
    return rows.filter((r) => r.at > since).map((r) => r.id);
  }
  const table = kind === 'simulation' ? simulationAttempts : thresholdAttempts;
  const content = kind === 'simulation' ? simulationAttempts.scenarioId : thresholdAttempts.vignetteId;
  const rows = await tx
    .select({ id: table.id, startedAt: table.startedAt, completedAt: table.completedAt })
    .from(table)
    .where(and(eq(table.personId, a.menteeId), eq(content, a.activityId), eq(table.status, 'complete')))
    .orderBy(desc(table.completedAt));
  return rows.filter((r) => r.startedAt >= a.createdAt && (r.completedAt ?? 0) > since).map((r) => r.id);
}

/**
 * Submits the mentee's finished work on an assignment that asked for review: one submission per
 * version, the reviewer is the assignment's current mentor, and the rubric the default for its
 * kind. A revision is a newer version made from work finished after the revision was asked.
 * Work already waiting (or already marked) is refused as 'locked'; a repeated POST answers the
 * waiting submission with `repeated`.
 */
export async function submitForReview(scope: Scope, input: SubmitInput, ip: string | null, rubrics: readonly Rubric[]): Promise<SubmitResult> {
  const checked = noteOf(input.note);
  if (!checked.ok) return checked;
  const { note } = checked;
  const now = scope.now.getTime();
  return scope.db.transaction(async (tx): Promise<SubmitResult> => {
    const [a] = await tx
      .select()
      .from(assignments)
      .where(and(eq(assignments.id, input.assignmentId), eq(assignments.menteeId, scope.viewer.id), eq(assignments.organisationId, scope.organisationId), isNull(assignments.withdrawnAt)));
    if (!a) return { ok: false, refusal: 'not-found' };
    const kind = workKindOf(a.activityKind);
    if (!a.askReview || !kind) return { ok: false, refusal: 'not-asked' };
    const [latest] = await tx.select().from(submissions).where(eq(submissions.assignmentId, a.id)).orderBy(desc(submissions.version)).limit(1);
    if (latest && latest.state !== 'revision-asked') {
      if (latest.state === 'submitted' && (!input.workId || input.workId === latest.workId)) return { ok: true, id: latest.id, version: latest.version, repeated: true };
      return { ok: false, refusal: 'locked' };
    }
    const work = await finishedWork(tx, a, kind, latest?.revisionAskedAt ?? 0);
    const workId = input.workId ? work.find((id) => id === input.workId) : work[0];
    if (!workId) return { ok: false, refusal: 'no-work' };
    const version = { assignmentId: a.id, menteeId: a.menteeId, workKind: kind, activityKind: a.activityKind, workId, note, reviewerId: a.ownerId, previous: latest?.version ?? 0, detail: { assignmentId: a.id } };
    return insertVersion(tx, scope, version, ip, rubrics, now);
  });
}

/** What the Submit for review component needs: whether it is offered, and the state of the latest version. */
export type SubmitOffer = {
  assignmentId: string;
  activityKind: ActivityKind;
  /** The finished work that can be submitted now (newest first); empty when nothing is ready. */
  workIds: string[];
  latest: { version: number; state: 'submitted' | 'revision-asked' | 'feedback-released'; revisionMessage: string | null } | null;
  canSubmit: boolean;
};

/** The signed-in mentee's submit offer for one of their assignments that asked for review; null otherwise. */
export async function submitOffer(scope: Scope, assignmentId: string): Promise<SubmitOffer | null> {
  return scope.db.transaction(async (tx) => {
    const [a] = await tx
      .select()
      .from(assignments)
      .where(and(eq(assignments.id, assignmentId), eq(assignments.menteeId, scope.viewer.id), eq(assignments.organisationId, scope.organisationId), isNull(assignments.withdrawnAt)));
    const kind = a ? workKindOf(a.activityKind) : null;
    if (!a || !a.askReview || !kind) return null;
    const [latest] = await tx.select().from(submissions).where(eq(submissions.assignmentId, a.id)).orderBy(desc(submissions.version)).limit(1);
    const open = !latest || latest.state === 'revision-asked';
    const workIds = open ? await finishedWork(tx, a, kind, latest?.revisionAskedAt ?? 0) : [];
    return {
      assignmentId: a.id,
      activityKind: a.activityKind,
      workIds,
      latest: latest ? { version: latest.version, state: latest.state, revisionMessage: latest.revisionMessage } : null,
      canSubmit: open && workIds.length > 0,
    };
  });
}

/** The assignment (of the signed-in mentee, asking for review) that a finished attempt answers, if any. */
export async function assignmentForWork(scope: Scope, activity: { kind: ActivityKind; id: string }): Promise<string | null> {
  const rows = await scope.db
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.menteeId, scope.viewer.id), eq(assignments.organisationId, scope.organisationId), eq(assignments.activityKind, activity.kind), eq(assignments.activityId, activity.id), eq(assignments.askReview, true), isNull(assignments.withdrawnAt)))
    .orderBy(desc(assignments.createdAt))
    .limit(1);
  return rows[0]?.id ?? null;
}

export type ReflectionRefusal = 'not-found' | 'no-mentor' | 'locked';
export type ReflectionSubmitResult =
  | { ok: true; id: string; version: number; repeated: boolean }
  | { ok: false; refusal: ReflectionRefusal }
  | { ok: false; errors: FieldErrors };

/**
 * Submits one of the signed-in learner's reflective-log entries to their practice mentor for
 * review, sharing it with the mentor as part of submitting (a private entry is never read by
 * anyone else). One submission waits at a time; a repeated POST answers the waiting one, and
 * after a revision is asked the entry can be submitted again as the next version.
 */
export async function submitReflection(scope: Scope, input: { entryId: string; note: string | null }, ip: string | null, rubrics: readonly Rubric[]): Promise<ReflectionSubmitResult> {
  const checked = noteOf(input.note);
  if (!checked.ok) return checked;
  const { note } = checked;
  const now = scope.now.getTime();
  return scope.db.transaction(async (tx): Promise<ReflectionSubmitResult> => {
    const [entry] = await tx
      .select({ id: reflectiveEntries.id })
      .from(reflectiveEntries)
      .where(and(eq(reflectiveEntries.id, input.entryId), eq(reflectiveEntries.personId, scope.viewer.id), eq(reflectiveEntries.organisationId, scope.organisationId)));
    if (!entry) return { ok: false, refusal: 'not-found' };
    const [link] = await tx.select({ mentorId: mentorLinks.mentorId }).from(mentorLinks).where(eq(mentorLinks.menteeId, scope.viewer.id));
    if (!link) return { ok: false, refusal: 'no-mentor' };
    const [latest] = await tx
      .select()
      .from(submissions)
      .where(and(eq(submissions.workKind, 'reflection'), eq(submissions.workId, entry.id), eq(submissions.menteeId, scope.viewer.id)))
      .orderBy(desc(submissions.version))
      .limit(1);
    if (latest && latest.state === 'submitted') return { ok: true, id: latest.id, version: latest.version, repeated: true };
    if (latest && latest.state !== 'revision-asked') return { ok: false, refusal: 'locked' };
    await tx.update(reflectiveEntries).set({ sharedWithMentor: true, updatedAt: now }).where(eq(reflectiveEntries.id, entry.id));
    const version = { assignmentId: null, menteeId: scope.viewer.id, workKind: 'reflection' as const, activityKind: null, workId: entry.id, note, reviewerId: link.mentorId, previous: latest?.version ?? 0, detail: { reflectionId: entry.id } };
    return insertVersion(tx, scope, version, ip, rubrics, now);
  });
}

/** Where each of the signed-in learner's reflective-log entries stands with review: the latest submission's version and state. */
export async function reflectionSubmissions(scope: Scope): Promise<Map<string, { version: number; state: 'submitted' | 'revision-asked' | 'feedback-released' }>> {
  const rows = await scope.db
    .select({ workId: submissions.workId, version: submissions.version, state: submissions.state })
    .from(submissions)
    .where(and(eq(submissions.workKind, 'reflection'), eq(submissions.menteeId, scope.viewer.id), eq(submissions.organisationId, scope.organisationId)))
    .orderBy(asc(submissions.version));
  return new Map(rows.map((r) => [r.workId, { version: r.version, state: r.state }]));
}

/** Whether the signed-in learner has a practice mentor to submit work to. */
export async function hasMentor(scope: Scope): Promise<boolean> {
  const [link] = await scope.db.select({ mentorId: mentorLinks.mentorId }).from(mentorLinks).where(eq(mentorLinks.menteeId, scope.viewer.id));
  return Boolean(link);
}
