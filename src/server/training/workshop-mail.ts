import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { bookings, organisations, people, workshops } from '../../../db/schema/index.ts';
import { formatDay, localePath, type Locale } from '../../domain/common/index.ts';
import { waitingPosition } from '../../domain/training/index.ts';
import { translator, type MessageKey } from '../../i18n/index.ts';
import { deliverMessage, type Mailer } from '../mail/index.ts';
import { calendarFile, londonTimeOf } from '../platform/index.ts';
import type { Scope } from '../people/index.ts';
import { mayOnWorkshop } from '../access/index.ts';
import { workshopTarget, type BookingChange, type Workshop } from './workshops.ts';

type Recipient = { name: string; email: string; locale: Locale };

type MailKeys = { subject: MessageKey; body: MessageKey; method: 'request' | 'cancel' | null };
const mail = (subject: MessageKey, body: MessageKey, method: MailKeys['method']): MailKeys => ({ subject, body, method });
const CANCELLED_BOOKING = mail('training.mail.cancelledBooking.subject', 'training.mail.cancelledBooking.body', 'cancel');
// Which e-mail each change sends, and whether it carries an invitation, a cancellation or no calendar file.
const MAIL: Record<BookingChange['change'], MailKeys> = {
  booked: mail('training.mail.booked.subject', 'training.mail.booked.body', 'request'),
  promoted: mail('training.mail.promoted.subject', 'training.mail.promoted.body', 'request'),
  'workshop-changed': mail('training.mail.changed.subject', 'training.mail.changed.body', 'request'),
  waiting: mail('training.mail.waiting.subject', 'training.mail.waiting.body', null),
  left: mail('training.mail.left.subject', 'training.mail.left.body', null),
  cancelled: CANCELLED_BOOKING,
  moved: CANCELLED_BOOKING,
  'workshop-cancelled': mail('training.mail.workshopCancelled.subject', 'training.mail.workshopCancelled.body', 'cancel'),
};

/** Where a workshop happens, as one line in the reader's language. */
export function workshopPlace(workshop: Pick<Workshop, 'venue' | 'onlineLink'>, locale: Locale): string {
  const online = workshop.onlineLink ? translator(locale)('training.mail.online', { link: workshop.onlineLink }) : null;
  return [workshop.venue, online].filter(Boolean).join('; ');
}

/** When a workshop happens, as one line in the reader's language (London time). */
export function workshopWhen(workshop: Pick<Workshop, 'date' | 'startAt' | 'endAt'>, locale: Locale): string {
  return `${formatDay(locale, workshop.date)}, ${londonTimeOf(workshop.startAt)}–${londonTimeOf(workshop.endAt)}`;
}

async function organiserOf(db: Db, workshop: Workshop, siteDomain: string) {
  if (workshop.createdBy) {
    const [creator] = await db.select({ name: people.name, email: people.email }).from(people).where(eq(people.id, workshop.createdBy));
    if (creator) return creator;
  }
  const [organisation] = await db.select({ name: organisations.nameEn }).from(organisations).where(eq(organisations.id, workshop.organisationId));
  return { name: organisation?.name ?? 'Camau', email: `no-reply@${siteDomain}` };
}

/**
 * The workshop's calendar file for one person, in their language: UID `workshop-<id>@<site>`,
 * SEQUENCE the workshop's revision, METHOD:CANCEL for a cancellation.
 */
export async function workshopCalendar(db: Db, workshop: Workshop, recipient: Recipient, method: 'request' | 'cancel', publicUrl: URL, now: number) {
  const t = translator(recipient.locale);
  const link = new URL(localePath(recipient.locale, `/training/workshops/${workshop.id}`), publicUrl).toString();
  const content = calendarFile(
    {
      kind: 'workshop',
      id: workshop.id,
      sequence: workshop.revision,
      start: new Date(workshop.startAt),
      end: new Date(workshop.endAt),
      summary: workshop.title,
      description: `${t('training.workshop')}: ${workshop.title}\n${link}`,
      location: workshopPlace(workshop, recipient.locale),
      organiser: await organiserOf(db, workshop, publicUrl.hostname),
      attendees: [{ name: recipient.name, email: recipient.email }],
      locale: recipient.locale,
    },
    { method, siteDomain: publicUrl.hostname, stamp: new Date(now) },
  );
  return { method, filename: recipient.locale === 'cy' ? 'gweithdy.ics' : 'workshop.ics', content };
}

/**
 * Tells each person of a change at once (never in a digest), in their own language, with the
 * workshop's calendar file: an invitation for a place, an update for a change of time or venue,
 * a cancellation when a place or the workshop ends.
 */
export async function mailBookingChanges(db: Db, mailer: Mailer, publicUrl: URL, changes: readonly BookingChange[], now: number): Promise<void> {
  for (const change of changes) {
    const [workshop] = await db.select().from(workshops).where(eq(workshops.id, change.workshopId));
    const [person] = await db
      .select({ id: people.id, name: people.name, email: people.email, locale: people.locale, organisationId: people.organisationId, status: people.status })
      .from(people)
      .where(eq(people.id, change.personId));
    if (!workshop || !person || person.status === 'deactivated') continue;
    const [organisation] = await db.select({ nameEn: organisations.nameEn, nameCy: organisations.nameCy }).from(organisations).where(eq(organisations.id, person.organisationId));
    const { subject: subjectKey, body, method } = MAIL[change.change];
    const locale = person.locale;
    const t = translator(locale);
    let position = 0;
    if (change.change === 'waiting') {
      const waiting = await db
        .select({ personId: bookings.personId, seq: bookings.seq })
        .from(bookings)
        .where(and(eq(bookings.workshopId, workshop.id), eq(bookings.state, 'waiting')));
      position = waitingPosition(waiting, person.id) ?? 0;
    }
    const params = {
      title: workshop.title,
      when: workshopWhen(workshop, locale),
      where: workshopPlace(workshop, locale),
      link: new URL(localePath(locale, `/training/workshops/${workshop.id}`), publicUrl).toString(),
      n: position,
      name: person.name,
      organisation: organisation ? (locale === 'cy' ? organisation.nameCy : organisation.nameEn) : '',
    };
    const subject = t(subjectKey, params);
    const text = [t('email.greeting', params), t(body, params), t('email.signature', params)].join('\n\n');
    const calendar = method ? await workshopCalendar(db, workshop, person, method, publicUrl, now) : null;
    await deliverMessage(db, mailer, { organisationId: person.organisationId, personId: person.id, to: person.email, locale, subject, text, calendar }, now);
  }
}

/** The workshop's calendar file for the viewer to download, or null when they may not see it (or it is cancelled). */
export async function workshopIcs(scope: Scope, id: string, publicUrl: URL): Promise<string | null> {
  const found = await workshopTarget(scope.db, scope.organisationId, id);
  if (!found || found.target.cancelled || !mayOnWorkshop(scope.viewer, 'workshop.view', found.target)) return null;
  const { viewer } = scope;
  const file = await workshopCalendar(scope.db, found.workshop, { name: viewer.name, email: viewer.email, locale: viewer.locale }, 'request', publicUrl, scope.now.getTime());
  return file.content;
}
