import { and, eq, inArray, isNull } from 'drizzle-orm';
import { assignments, submissions } from '../../../db/schema/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../../../db/client.ts';

/** A write transaction of the caller's (people administration runs pass-on inside its own). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Who passes work to whom, and for which mentees ('all-of-mentor': everything the mentor holds). */
export type PassOn = {
  organisationId: string;
  menteeIds: readonly string[] | 'all-of-mentor';
  fromMentorId: string;
  /** The new mentor; null hands the work to the organisation's administrators. */
  toMentorId: string | null;
  actorId: string;
  ip: string | null;
  now: number;
};

/**
 * Passes a mentor's open assignments and their mentees' submitted work on, inside the caller's
 * transaction (a change of mentor, a dropped mentor role, a deactivated mentor). Submissions move
 * in every state, reviewed ones too, so the new mentor sees each version and its feedback and the
 * former mentor no longer sees the mentee's work. Withdrawn work stays with whoever withdrew it.
 * Answers how many assignments moved; one audit entry per mentee affected.
 */
export async function passOnMentoringWork(tx: Tx, input: PassOn): Promise<number> {
  const { organisationId, fromMentorId, toMentorId } = input;
  if (toMentorId === fromMentorId) return 0;
  const mentees = input.menteeIds === 'all-of-mentor' ? undefined : [...input.menteeIds];
  if (mentees && mentees.length === 0) return 0;
  const moved = await tx
    .update(assignments)
    .set({ ownerId: toMentorId, passedOnAt: input.now, passedOnFrom: fromMentorId, updatedAt: input.now })
    .where(and(eq(assignments.organisationId, organisationId), eq(assignments.ownerId, fromMentorId), isNull(assignments.withdrawnAt), mentees ? inArray(assignments.menteeId, mentees) : undefined))
    .returning({ id: assignments.id, menteeId: assignments.menteeId });
  const handedOver = await tx
    .update(submissions)
    .set({ reviewerId: toMentorId })
    .where(and(eq(submissions.organisationId, organisationId), eq(submissions.reviewerId, fromMentorId), mentees ? inArray(submissions.menteeId, mentees) : undefined))
    .returning({ id: submissions.id, menteeId: submissions.menteeId });
  const byMentee = new Map<string, { assignmentIds: string[]; submissionIds: string[] }>();
  const of = (menteeId: string) => byMentee.get(menteeId) ?? byMentee.set(menteeId, { assignmentIds: [], submissionIds: [] }).get(menteeId)!;
  for (const a of moved) of(a.menteeId).assignmentIds.push(a.id);
  for (const s of handedOver) of(s.menteeId).submissionIds.push(s.id);
  for (const [menteeId, detail] of byMentee) {
    await recordAudit(tx, { organisationId, actorId: input.actorId, subjectId: menteeId, action: 'assignment.passed-on', detail: { from: fromMentorId, to: toMentorId, ...detail }, ip: input.ip }, input.now);
  }
  return moved.length;
}
