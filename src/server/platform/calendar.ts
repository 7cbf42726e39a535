/**
 * Calendar files (.ics) for invitations, updates and cancellations that Outlook, Google and
 * Apple calendars accept: times in Europe/London with its VTIMEZONE block, a UID that stays
 * the same for the life of the record, and a SEQUENCE that tells a newer copy from an older one.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Locale } from '../../domain/common/index.ts';

export const CALENDAR_TIME_ZONE = 'Europe/London';

export type CalendarPerson = { name: string; email: string };

/** One meeting as its recipient sees it: the texts are already in the recipient's language. */
export type CalendarEvent = {
  /** What the record is (e.g. 'mentoring-session'); with `id` and the site it makes the UID. */
  kind: string;
  id: string;
  /** The record's revision: 0 for the first invitation, one more for every update or the cancellation. */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location?: string;
  organiser: CalendarPerson;
  attendees: readonly CalendarPerson[];
  locale: Locale;
};

/** The event's UID: the same record on the same site always gives the same UID. */
export function calendarUid(kind: string, id: string, siteDomain: string): string {
  return `${kind}-${id}@${siteDomain}`;
}

/**
 * The .ics text for an invitation or update (METHOD:REQUEST) or a cancellation (METHOD:CANCEL,
 * STATUS:CANCELLED). `stamp` is when the file is made (DTSTAMP), injectable for tests.
 */
export function calendarFile(event: CalendarEvent, options: { method: 'request' | 'cancel'; siteDomain: string; stamp: Date }): string {
  if (!Number.isInteger(event.sequence) || event.sequence < 0) throw new RangeError(`SEQUENCE is a whole number from 0, not ${event.sequence}`);
  if (!(event.end > event.start)) throw new RangeError('A calendar event ends after it starts');
  const cancel = options.method === 'cancel';
  const calendar = ical({
    prodId: { company: 'Camau', product: 'Camau', language: event.locale.toUpperCase() },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone: with one, ical-generator writes DTSTAMP as local time, which RFC 5545 forbids.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  // Luxon values carry their zone, so the wall-clock times do not depend on the server's TZ.
  const london = (date: Date) => DateTime.fromJSDate(date, { zone: CALENDAR_TIME_ZONE });
  calendar.createEvent({
    id: calendarUid(event.kind, event.id, options.siteDomain),
    sequence: event.sequence,
    stamp: options.stamp,
    start: london(event.start),
    end: london(event.end),
    timezone: CALENDAR_TIME_ZONE,
    summary: event.summary,
    description: event.description,
    location: event.location ?? null,
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: event.organiser.name, email: event.organiser.email },
    attendees: event.attendees.map((person) => ({
      name: person.name,
      email: person.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: !cancel,
    })),
  });
  // RFC 5545 ends every content line, the last one too, with CRLF; ical-generator leaves the last bare.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
