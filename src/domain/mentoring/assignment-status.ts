import { addDays, addWorkingDays, BANK_HOLIDAYS_COVER, isCalendarDate } from '../common/index.ts';
import type { SubmissionState } from './vocabulary.ts';

/** How far the mentee has got with the activity itself, read from real records. */
export type ActivityProgress = 'not-started' | 'in-progress' | 'done' | 'unavailable';
export type AssignmentStatus = 'not-started' | 'in-progress' | 'done' | 'submitted' | 'feedback-ready' | 'overdue' | 'withdrawn' | 'unavailable';

/** The facts an assignment's status is derived from; `submission` is its latest version, if any. */
export type AssignmentFacts = {
  dueDate: string;
  withdrawn: boolean;
  askReview: boolean;
  progress: ActivityProgress;
  submission: { state: SubmissionState } | null;
};

/**
 * The status shown for an assignment on `today` (a London calendar date). Precedence: withdrawn >
 * unavailable > feedback-ready > submitted > revision asked (in progress, or overdue after the
 * due date) > done (overdue instead when review was asked, nothing submitted and the date passed)
 * > overdue > in progress > not started.
 */
export function assignmentStatus(a: AssignmentFacts, today: string): AssignmentStatus {
  const late = today > a.dueDate;
  if (a.withdrawn) return 'withdrawn';
  if (a.progress === 'unavailable') return 'unavailable';
  if (a.submission?.state === 'feedback-released') return 'feedback-ready';
  if (a.submission?.state === 'submitted') return 'submitted';
  if (a.submission?.state === 'revision-asked') return late ? 'overdue' : 'in-progress';
  if (a.progress === 'done') return a.askReview && late ? 'overdue' : 'done';
  if (late) return 'overdue';
  return a.progress;
}

/** A copy sorted soonest due first; equal dates keep the order they were assigned in. */
export function byDueDate<T extends { dueDate: string; createdAt: number }>(items: readonly T[]): T[] {
  return [...items].sort((x, y) => (x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : x.createdAt - y.createdAt));
}

/** The day the reminder goes out: two working days before the due date (England and Wales). */
export function reminderDay(dueDate: string): string {
  return addWorkingDays(dueDate, -2);
}

/** The day work becomes overdue: the calendar day after its due date. */
export function overdueDay(dueDate: string): string {
  return addDays(dueDate, 1);
}

/** Why a typed due date cannot be used (a message's last key part), or null when it can. */
export function checkDueDate(value: string, today: string): 'required' | 'invalid' | 'past' | 'out-of-range' | null {
  const date = value.trim();
  if (!date) return 'required';
  if (!isCalendarDate(date)) return 'invalid';
  if (date < today) return 'past';
  // Reminders count working days, which are known only inside the bank holiday data.
  if (date < BANK_HOLIDAYS_COVER.first || date > BANK_HOLIDAYS_COVER.last) return 'out-of-range';
  return null;
}
