import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { people } from '../../../db/schema/index.ts';
import { renewalReminderSchedule, type RenewalReminderDays } from '../../domain/cpd/index.ts';
import { enqueueJob } from '../platform/index.ts';
import { ukToday } from './cpd-entries.ts';

export const CPD_RENEWAL_REMINDER_JOB = 'cpd.renewal-reminder';

/** What a renewal reminder job carries: whose, for which renewal date, and which of the two reminders. */
export type RenewalReminderPayload = { personId: string; renewalDate: string; days: RenewalReminderDays };

export type RenewalDetails = { registrationNumber: string | null; renewalDate: string | null };

/** The person's Social Care Wales registration number and renewal date, as they gave them. */
export async function getRenewalDetails(db: Db, personId: string): Promise<RenewalDetails> {
  const [row] = await db.select({ registrationNumber: people.registrationNumber, renewalDate: people.renewalDate }).from(people).where(eq(people.id, personId));
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
export async function saveRenewalDetails(db: Db, personId: string, details: RenewalDetails, now = Date.now()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(people).set({ ...details, updatedAt: now }).where(eq(people.id, personId));
    if (!details.renewalDate) return;
    for (const reminder of renewalReminderSchedule(details.renewalDate, ukToday(now))) {
      const payload: RenewalReminderPayload = { personId, renewalDate: details.renewalDate, days: reminder.days };
      await enqueueJob(tx, { kind: CPD_RENEWAL_REMINDER_JOB, payload, runAt: reminderTime(reminder.sendOn), dedupeKey: `${CPD_RENEWAL_REMINDER_JOB}:${personId}:${details.renewalDate}:${reminder.days}` }, now);
    }
  });
}
