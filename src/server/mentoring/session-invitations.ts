import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { groupMembers, mentoringGroups, mentoringSessions, organisations, people } from '../../../db/schema/index.ts';
import { formatDay, localePath, nameIn, type Locale } from '../../domain/common/index.ts';
import { labelKey, translator, type MessageKey } from '../../i18n/index.ts';
import { deliverMessage, type Mailer } from '../mail/index.ts';
import type { Scope } from '../people/index.ts';
import { calendarFile } from '../platform/index.ts';
import { sessionInstants } from './session-time.ts';
import { sessionView } from './sessions.ts';

const MESSAGES = {
  invite: { subject: 'sessions.email.invite.subject', body: 'sessions.email.invite.body' },
  update: { subject: 'sessions.email.update.subject', body: 'sessions.email.update.body' },
  cancel: { subject: 'sessions.email.cancel.subject', body: 'sessions.email.cancel.body' },
} as const satisfies Record<string, { subject: MessageKey; body: MessageKey }>;

type SessionRow = typeof mentoringSessions.$inferSelect;
type Person = { id: string; name: string; email: string; locale: Locale };

/** The .ics of a session for one reader: the UID stays the session's, the SEQUENCE is its revision. */
function sessionCalendar(session: SessionRow, organiser: Person, attendees: readonly Person[], locale: Locale, link: string, method: 'request' | 'cancel', siteDomain: string, stamp: Date): string {
  const t = translator(locale);
  const { start, end } = sessionInstants(session);
  return calendarFile(
    {
      kind: 'mentoring-session',
      id: session.id,
      sequence: session.revision,
      start,
      end,
      locale,
      // A group session's topic is what the calendar entry is about; a 1:1 has none.
      summary: session.topic ? t('sessions.calendar.summaryTopic', { mentor: organiser.name, topic: session.topic }) : t('sessions.calendar.summary', { mentor: organiser.name }),
      description: session.topic
        ? t('sessions.calendar.descriptionTopic', { mentor: organiser.name, topic: session.topic, link })
        : t('sessions.calendar.description', { mentor: organiser.name, link }),
      ...(session.location ? { location: session.location } : {}),
      organiser: { name: organiser.name, email: organiser.email },
      attendees: attendees.map((p) => ({ name: p.name, email: p.email })),
    },
    { method, siteDomain, stamp },
  );
}

/**
 * Sends every attendee of a session (the mentee, or the group's members) its invitation, update
 * (`request`, SEQUENCE = the session's revision) or cancellation (`cancel`) at once, never in the
 * digest, each in their own language with the calendar file. Through the outbox, so a failed
 * delivery is retried with its calendar part.
 */
export async function sendSessionInvitations(db: Db, mailer: Mailer, publicUrl: URL, sessionId: string, method: 'request' | 'cancel', now: number): Promise<void> {
  const [session] = await db.select().from(mentoringSessions).where(eq(mentoringSessions.id, sessionId));
  if (!session) return;
  const personColumns = { id: people.id, name: people.name, email: people.email, locale: people.locale };
  const [organiser] = await db.select(personColumns).from(people).where(eq(people.id, session.authorId));
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, session.organisationId));
  if (!organiser || !organisation) return;
  const attendeeIds = session.menteeId
    ? [session.menteeId]
    : session.groupId
      ? (await db.select({ id: groupMembers.personId }).from(groupMembers).innerJoin(mentoringGroups, eq(mentoringGroups.id, groupMembers.groupId)).where(eq(groupMembers.groupId, session.groupId))).map((m) => m.id)
      : [];
  if (!attendeeIds.length) return;
  const attendees = await db
    .select(personColumns)
    .from(people)
    .where(and(inArray(people.id, attendeeIds), eq(people.organisationId, session.organisationId), eq(people.status, 'active')));
  const template: keyof typeof MESSAGES = method === 'cancel' ? 'cancel' : session.revision === 0 ? 'invite' : 'update';
  for (const person of attendees) {
    const t = translator(person.locale);
    const link = new URL(localePath(person.locale, '/my-mentoring'), publicUrl).href;
    const params = {
      name: person.name,
      organisation: nameIn(person.locale, organisation),
      mentor: organiser.name,
      date: formatDay(person.locale, session.date),
      time: session.startsAt,
      minutes: session.durationMinutes,
      format: t(labelKey('sessions.format', session.format)),
      link,
    };
    const subject = t(MESSAGES[template].subject, params);
    const body = t(MESSAGES[template].body, params);
    const content = sessionCalendar(session, organiser, [person], person.locale, link, method, publicUrl.hostname, new Date(now));
    await deliverMessage(
      db,
      mailer,
      {
        organisationId: session.organisationId,
        personId: person.id,
        to: person.email,
        locale: person.locale,
        subject,
        text: [t('email.greeting', params), body, t('email.signature', params)].join('\n\n'),
        calendar: { method, filename: method === 'cancel' ? 'cancel.ics' : 'invite.ics', content },
      },
      now,
    );
  }
}

/** The session's calendar file for someone who may see it (the download on its page), in their language; null otherwise. */
export async function sessionCalendarFor(scope: Scope, sessionId: string, publicUrl: URL): Promise<string | null> {
  const view = await sessionView(scope, sessionId);
  if (!view) return null;
  const [session] = await scope.db.select().from(mentoringSessions).where(eq(mentoringSessions.id, sessionId));
  if (!session) return null;
  const ids = [session.authorId, ...view.attendees.map((a) => a.id)];
  const everyone = await scope.db.select({ id: people.id, name: people.name, email: people.email, locale: people.locale }).from(people).where(inArray(people.id, ids));
  const organiser = everyone.find((p) => p.id === session.authorId);
  if (!organiser) return null;
  const locale = scope.viewer.locale;
  const attendees = everyone.filter((p) => p.id !== session.authorId);
  const link = new URL(localePath(locale, scope.viewer.id === session.authorId ? `/mentoring/sessions/${session.id}` : '/my-mentoring'), publicUrl).href;
  return sessionCalendar(session, organiser, attendees, locale, link, session.state === 'cancelled' ? 'cancel' : 'request', publicUrl.hostname, scope.now);
}
