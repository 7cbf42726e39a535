import { addDays, daysBetween, isCalendarDate } from '../common/index.ts';
import type { CpdErrorKey } from './cpd-entry-rules.ts';

/**
 * Social Care Wales opens a renewal application 86 days before the registration ends, and it
 * must be done 21 days before: the two reminders, earliest first.
 */
export const RENEWAL_REMINDER_DAYS = [86, 21] as const;
export type RenewalReminderDays = (typeof RENEWAL_REMINDER_DAYS)[number];

/** The most digits a Social Care Wales registration number has (they are digits only). */
export const REGISTRATION_NUMBER_MAX_DIGITS = 10;

/** The day each reminder is due: 86 days (the application opens) and 21 days (the last day to do it) before renewal. */
export function renewalReminderDates(renewalDate: string): { opens: string; deadline: string } {
  return { opens: addDays(renewalDate, -86), deadline: addDays(renewalDate, -21) };
}

/**
 * The reminder e-mails still to send for a renewal date, seen on `today`: each on its due day,
 * or today when its day has passed but its stage is not over (a date saved 30 days before
 * renewal still tells the person the application is open). Nothing once the renewal date has gone.
 */
export function renewalReminderSchedule(renewalDate: string, today: string): { days: RenewalReminderDays; sendOn: string }[] {
  const { opens, deadline } = renewalReminderDates(renewalDate);
  const schedule: { days: RenewalReminderDays; sendOn: string }[] = [];
  if (today < deadline) schedule.push({ days: 86, sendOn: today > opens ? today : opens });
  if (today <= renewalDate) schedule.push({ days: 21, sendOn: today > deadline ? today : deadline });
  return schedule;
}

export type RenewalStage =
  | { stage: 'open'; daysLeft: number; deadline: string }
  | { stage: 'due'; daysLeft: number; deadline: string };

/**
 * What the home page says about renewal on `today`: from 86 days before, the application is
 * open; from 21 days before, it is due now. Null outside those windows (or with no date).
 */
export function renewalStage(renewalDate: string | null, today: string): RenewalStage | null {
  if (!renewalDate || !isCalendarDate(renewalDate) || today > renewalDate) return null;
  const { opens, deadline } = renewalReminderDates(renewalDate);
  const daysLeft = daysBetween(today, renewalDate);
  if (today >= deadline) return { stage: 'due', daysLeft, deadline };
  if (today >= opens) return { stage: 'open', daysLeft, deadline };
  return null;
}

export type RenewalDetailsError = Extract<CpdErrorKey, 'cpd.errors.registrationNumber' | 'cpd.errors.date'>;

/**
 * Reads the registration number (optional; 1–10 digits, spaces ignored) and renewal date
 * (optional; a real YYYY-MM-DD date) as typed on the account page.
 */
export function parseRenewalDetails(input: { registrationNumber: string; renewalDate: string }):
  | { ok: true; value: { registrationNumber: string | null; renewalDate: string | null } }
  | { ok: false; errors: Partial<Record<'registrationNumber' | 'renewalDate', RenewalDetailsError>> } {
  const number = input.registrationNumber.replace(/\s+/g, '');
  const date = input.renewalDate.trim();
  const errors: Partial<Record<'registrationNumber' | 'renewalDate', RenewalDetailsError>> = {};
  if (number && !new RegExp(`^\\d{1,${REGISTRATION_NUMBER_MAX_DIGITS}}$`).test(number)) errors.registrationNumber = 'cpd.errors.registrationNumber';
  if (date && !isCalendarDate(date)) errors.renewalDate = 'cpd.errors.date';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { registrationNumber: number || null, renewalDate: date || null } };
}
