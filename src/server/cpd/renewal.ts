import { and, eq } from 'drizzle-orm';
import { people } from '../../../db/schema/index.ts';
import type { Scope } from '../people/index.ts';
import { renewalReminderSchedule, type RenewalReminderDays } from '../../domain/cpd/index.ts';
import { enqueueJob } from '../platform/index.ts';
import { ukToday } from './cpd-entries.ts';

export const CPD_RENEWAL_REMINDER_JOB = 'cpd.renewal-reminder';

/** What a renewal reminder job carries: whose, for which renewal date, and which of the two reminders. */
export type RenewalReminderPayload = { personId: string; renewalDate: string; days: RenewalReminderDays };

export type RenewalDetails = { registrationNumber: string | null; renewalDate: string | null };

const viewerRow = (scope: Scope) => and(eq(people.id, scope.viewer.id), eq(people.organisationId, scope.organisationId));

/** The viewer's Social Care Wales registration number and renewal date, as they gave them. */
export async function getRenewalDetails(scope: Scope): Promise<RenewalDetails> {
  const [row] = await scope.db.select({ registrationNumber: people.registrationNumber, renewalDate: people.renewalDate }).from(people).where(viewerRow(scope));
  return row ?? { registrationNumber: null, renewalDate: null };
}

// Reminders go out early in the UK morning of their day.
const reminderTime = (day: string) => Date.parse(`${day}T07:00:00Z`);

/**
 * Saves the registration number and renewal date and queues the reminder e-mails still to come
 * for that date. Each reminder has its own de-duplication key (person, date, days before), so
 * saving the same date again never queues a second copy; a reminder for a date since changed
 * is dropped when it comes due.
 */
export async function saveRenewalDetails(scope: Scope, details: RenewalDetails): Promise<void> {
  const now = scope.now.getTime();
  const personId = scope.viewer.id;
  await scope.db.transaction(async (tx) => {
    await tx.update(people).set({ ...details, updatedAt: now }).where(viewerRow(scope));
    if (!details.renewalDate) return;
    for (const reminder of renewalReminderSchedule(details.renewalDate, ukToday(now))) {
      const payload: RenewalReminderPayload = { personId, renewalDate: details.renewalDate, days: reminder.days };
      await enqueueJob(tx, { kind: CPD_RENEWAL_REMINDER_JOB, payload, runAt: reminderTime(reminder.sendOn), dedupeKey: `${CPD_RENEWAL_REMINDER_JOB}:${personId}:${details.renewalDate}:${reminder.days}` }, now);
    }
  });
}
