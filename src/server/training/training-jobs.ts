import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { bookings, people, registerRows, workshopReactions, workshops } from '../../../db/schema/index.ts';
import { addDays, addWorkingDays, localePath, nameIn } from '../../domain/common/index.ts';
import { translator } from '../../i18n/index.ts';
import type { Tx } from '../cpd/index.ts';
import { sendNotice, type Mailer } from '../mail/index.ts';
import { getOrganisation } from '../people/index.ts';
import { defineJobKind, enqueueJob, londonInstant, type JobKind } from '../platform/index.ts';
import { workshopPlace, workshopWhen } from './workshop-mail.ts';
import type { BookingChange, Workshop } from './workshops.ts';

export const WORKSHOP_REMINDER_JOB = 'training.workshop-reminder';
export const REACTION_REQUEST_JOB = 'training.reaction-request';
export const WAITING_CLOSED_JOB = 'training.waiting-list-closed';

/** A reminder is for one booking on the workshop's date as it was when queued. */
export type WorkshopReminderPayload = { bookingId: string; workshopId: string; date: string };
export type ReactionRequestPayload = { workshopId: string; personId: string };
/** The notice at booking close is for one waiting place and the closing date it was queued for. */
export type WaitingClosedPayload = { bookingId: string; workshopId: string; closesOn: string };

/** When a workshop's reminder is sent: 07:00 London time two working days before it. */
export function reminderAt(date: string): number {
  return londonInstant(addWorkingDays(date, -2), '07:00');
}

/** When booking has closed: midnight London at the end of the closing day (booking is open all that day). */
export function bookingClosedAt(closesOn: string): number {
  return londonInstant(addDays(closesOn, 1), '00:00');
}

/**
 * Queues the one e-mail at booking close for each person waiting on a workshop (all of them, or
 * `personId`), keyed by the booking and the closing date: queued again it does nothing, and after a
 * change of closing date the old one drops itself while the new one is queued.
 */
export async function queueWaitingClosedNotices(db: Db | Tx, workshopId: string, now: number, personId?: string): Promise<void> {
  const rows = await db
    .select({ id: bookings.id, closesOn: workshops.bookingClosesOn })
    .from(bookings)
    .innerJoin(workshops, eq(workshops.id, bookings.workshopId))
    .where(and(eq(bookings.workshopId, workshopId), eq(bookings.state, 'waiting'), personId ? eq(bookings.personId, personId) : undefined));
  for (const row of rows) {
    const runAt = bookingClosedAt(row.closesOn);
    if (runAt <= now) continue;
    const payload: WaitingClosedPayload = { bookingId: row.id, workshopId, closesOn: row.closesOn };
    await enqueueJob(db, { kind: WAITING_CLOSED_JOB, payload, runAt, dedupeKey: `${WAITING_CLOSED_JOB}:${row.id}:${row.closesOn}` }, now);
  }
}

/**
 * Queues the reminder of each new place (a booking, a promotion, a move, a change of date), keyed
 * by the booking and the date: queued again it does nothing, and after a change of date the new
 * reminder is queued while the old one drops itself. No reminder when its time has already passed.
 */
export async function queueWorkshopReminders(db: Db | Tx, changes: readonly BookingChange[], now: number): Promise<void> {
  for (const change of changes) {
    if (change.change === 'waiting') await queueWaitingClosedNotices(db, change.workshopId, now, change.personId);
    if (change.change !== 'booked' && change.change !== 'promoted' && change.change !== 'workshop-changed') continue;
    const [row] = await db
      .select({ id: bookings.id, date: workshops.date })
      .from(bookings)
      .innerJoin(workshops, eq(workshops.id, bookings.workshopId))
      .where(and(eq(bookings.workshopId, change.workshopId), eq(bookings.personId, change.personId), eq(bookings.state, 'booked')));
    if (!row) continue;
    const runAt = reminderAt(row.date);
    if (runAt <= now) continue;
    const payload: WorkshopReminderPayload = { bookingId: row.id, workshopId: change.workshopId, date: row.date };
    await enqueueJob(db, { kind: WORKSHOP_REMINDER_JOB, payload, runAt, dedupeKey: `${WORKSHOP_REMINDER_JOB}:${row.id}:${row.date}` }, now);
  }
}

/**
 * Queues the reaction request of each person marked as attending, due when the workshop ends
 * (or at once if it has), once per workshop and person however often the register is saved.
 */
export async function queueReactionRequests(tx: Tx, workshop: Workshop, personIds: readonly string[], now: number): Promise<void> {
  for (const personId of personIds) {
    const payload: ReactionRequestPayload = { workshopId: workshop.id, personId };
    await enqueueJob(tx, { kind: REACTION_REQUEST_JOB, payload, runAt: Math.max(workshop.endAt, now), dedupeKey: `${REACTION_REQUEST_JOB}:${workshop.id}:${personId}` }, now);
  }
}

async function activePerson(db: Db, personId: string) {
  const [person] = await db.select().from(people).where(eq(people.id, personId));
  return person && person.status === 'active' ? person : null;
}

/** A booking's workshop and its holder, while the holder is still active. */
async function bookingWithPerson(db: Db, bookingId: string) {
  const [booking] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
  const [workshop] = booking ? await db.select().from(workshops).where(eq(workshops.id, booking.workshopId)) : [];
  const person = booking ? await activePerson(db, booking.personId) : null;
  return workshop && person ? { workshop, person } : null;
}

async function send(db: Db, mailer: Mailer, person: NonNullable<Awaited<ReturnType<typeof activePerson>>>, subject: string, body: string, now: number) {
  const organisation = await getOrganisation(db, person.organisationId);
  const t = translator(person.locale);
  const params = { name: person.name, organisation: organisation ? nameIn(person.locale, organisation) : '' };
  const text = [t('email.greeting', params), body, t('email.signature', params)].join('\n\n');
  await sendNotice(db, mailer, { organisationId: person.organisationId, personId: person.id, to: person.email, locale: person.locale, subject, text }, { digestible: false, now });
}

/** The reminder two working days before: dropped if the place was given up, the workshop cancelled or its date changed. */
function reminderKind(mailer: Mailer, publicUrl: URL) {
  return defineJobKind<WorkshopReminderPayload>({
    kind: WORKSHOP_REMINDER_JOB,
    async isStillRelevant({ bookingId, workshopId, date }, { db, now }) {
      const [row] = await db
        .select({ state: bookings.state, date: workshops.date, startAt: workshops.startAt, cancelledAt: workshops.cancelledAt })
        .from(bookings)
        .innerJoin(workshops, eq(workshops.id, bookings.workshopId))
        .where(and(eq(bookings.id, bookingId), eq(bookings.workshopId, workshopId)));
      return !!row && row.state === 'booked' && row.cancelledAt === null && row.date === date && now() < row.startAt;
    },
    async run({ bookingId }, { db, now }) {
      const found = await bookingWithPerson(db, bookingId);
      if (!found) return { ok: true };
      const { workshop, person } = found;
      const t = translator(person.locale);
      const params = {
        title: workshop.title,
        when: workshopWhen(workshop, person.locale),
        where: workshopPlace(workshop, person.locale),
        link: new URL(localePath(person.locale, `/training/workshops/${workshop.id}`), publicUrl).href,
      };
      await send(db, mailer, person, t('register.reminder.subject', params), t('register.reminder.body', params), now());
      return { ok: true };
    },
  });
}

/** The one reaction request after a workshop: dropped once the person has answered or is no longer marked as attending. */
function reactionRequestKind(mailer: Mailer, publicUrl: URL) {
  return defineJobKind<ReactionRequestPayload>({
    kind: REACTION_REQUEST_JOB,
    async isStillRelevant({ workshopId, personId }, { db }) {
      const [mark] = await db
        .select({ mark: registerRows.mark })
        .from(registerRows)
        .where(and(eq(registerRows.workshopId, workshopId), eq(registerRows.personId, personId), inArray(registerRows.mark, ['attended', 'attended-part'])));
      const [answered] = await db
        .select({ at: workshopReactions.createdAt })
        .from(workshopReactions)
        .where(and(eq(workshopReactions.workshopId, workshopId), eq(workshopReactions.personId, personId)));
      return !!mark && !answered;
    },
    async run({ workshopId, personId }, { db, now }) {
      const [workshop] = await db.select().from(workshops).where(eq(workshops.id, workshopId));
      const person = await activePerson(db, personId);
      if (!workshop || !person) return { ok: true };
      const t = translator(person.locale);
      const params = {
        title: workshop.title,
        when: workshopWhen(workshop, person.locale),
        link: new URL(localePath(person.locale, `/training/workshops/${workshop.id}/reaction`), publicUrl).href,
      };
      await send(db, mailer, person, t('reaction.email.subject', params), t('reaction.email.body', params), now());
      return { ok: true };
    },
  });
}

/** The notice to someone still waiting when booking closes: dropped if they got a place, left, or the date or workshop changed. */
function waitingClosedKind(mailer: Mailer, publicUrl: URL) {
  return defineJobKind<WaitingClosedPayload>({
    kind: WAITING_CLOSED_JOB,
    async isStillRelevant({ bookingId, workshopId, closesOn }, { db }) {
      const [row] = await db
        .select({ state: bookings.state, closesOn: workshops.bookingClosesOn, cancelledAt: workshops.cancelledAt })
        .from(bookings)
        .innerJoin(workshops, eq(workshops.id, bookings.workshopId))
        .where(and(eq(bookings.id, bookingId), eq(bookings.workshopId, workshopId)));
      return !!row && row.state === 'waiting' && row.cancelledAt === null && row.closesOn === closesOn;
    },
    async run({ bookingId }, { db, now }) {
      const found = await bookingWithPerson(db, bookingId);
      if (!found) return { ok: true };
      const { workshop, person } = found;
      const t = translator(person.locale);
      const params = { title: workshop.title, when: workshopWhen(workshop, person.locale), link: new URL(localePath(person.locale, '/training'), publicUrl).href };
      await send(db, mailer, person, t('training.mail.waitingClosed.subject', params), t('training.mail.waitingClosed.body', params), now());
      return { ok: true };
    },
  });
}

/** The training job kinds the server runs beside the mail jobs: reminders, reaction requests, and the waiting list's notice at booking close. */
export function trainingJobKinds(mailer: Mailer, publicUrl: URL): JobKind[] {
  return [reminderKind(mailer, publicUrl), reactionRequestKind(mailer, publicUrl), waitingClosedKind(mailer, publicUrl)];
}
