import { overdueDay, reminderDay } from '../../domain/mentoring/index.ts';
import { enqueueJob, londonInstant } from '../platform/index.ts';
import type { Tx } from './pass-on.ts';

export const ASSIGNMENT_REMINDER_JOB = 'mentoring.assignment-reminder';
export const ASSIGNMENT_OVERDUE_JOB = 'mentoring.assignment-overdue';

/** What a reminder or overdue job carries: the assignment and the due date it was queued for. */
export type AssignmentNoticePayload = { assignmentId: string; dueDate: string };

/**
 * When a dated notice is queued on its day: 06:30 in Wales, before the 07:00 UTC daily digest in
 * both winter and summer, so the digest that morning carries it.
 */
export function noticeTimeOn(day: string): number {
  return londonInstant(day, '06:30');
}

/**
 * Queues an assignment's reminder (2 working days before it is due) and overdue notice (the day
 * after), inside the caller's transaction. Keyed by the due date: after a change of date the new
 * pair is queued and the old pair drops itself when it finds the date moved.
 */
export async function queueAssignmentNotices(tx: Tx, assignment: { id: string; dueDate: string }, now: number): Promise<void> {
  const payload: AssignmentNoticePayload = { assignmentId: assignment.id, dueDate: assignment.dueDate };
  const remindAt = noticeTimeOn(reminderDay(assignment.dueDate));
  // Work set with less than two working days to go gets no reminder: the new-work notice is enough.
  if (remindAt > now) {
    await enqueueJob(tx, { kind: ASSIGNMENT_REMINDER_JOB, payload, runAt: remindAt, dedupeKey: `${ASSIGNMENT_REMINDER_JOB}:${assignment.id}:${assignment.dueDate}` }, now);
  }
  await enqueueJob(tx, { kind: ASSIGNMENT_OVERDUE_JOB, payload, runAt: noticeTimeOn(overdueDay(assignment.dueDate)), dedupeKey: `${ASSIGNMENT_OVERDUE_JOB}:${assignment.id}:${assignment.dueDate}` }, now);
}
