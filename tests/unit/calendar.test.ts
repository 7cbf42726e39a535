import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarFile, calendarUid, type CalendarEvent } from '../../src/server/platform/calendar.ts';

// Saturday 28 March 2026 is GMT; Monday 30 March is BST (the clocks went forward on Sunday 29th).
const session: CalendarEvent = {
  kind: 'mentoring-session',
  id: 'abc123',
  sequence: 0,
  start: new Date('2026-03-28T10:00:00Z'),
  end: new Date('2026-03-30T11:00:00Z'),
  summary: 'Sesiwn fentora gyda Siân ap Rhys',
  description: 'Adolygu’r cynllun gofal a chymorth gyda’r teulu; dewch â’ch nodiadau o’r ymweliad diwethaf, os gwelwch yn dda — ŵ ŷ.',
  location: 'Swyddfa Caernarfon, Stryd y Castell',
  organiser: { name: 'Siân ap Rhys', email: 'sian@example.org' },
  attendees: [
    { name: 'Dafydd Jones', email: 'dafydd@example.org' },
    { name: 'Megan Evans', email: 'megan@example.org' },
  ],
  locale: 'cy',
};
const site = { siteDomain: 'camau.example', stamp: new Date('2026-03-01T09:15:00Z') };

/** Parses with ical.js, registering only the VTIMEZONE the file itself carries. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

afterEach(() => ICAL.TimezoneService.reset());

describe('calendar files', () => {
  it('invite with a stable UID, SEQUENCE 0, METHOD:REQUEST and a UTC DTSTAMP', () => {
    const { calendar, vevent, event } = parse(calendarFile(session, { method: 'request', ...site }));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe('mentoring-session-abc123@camau.example');
    expect(event.uid).toBe(calendarUid('mentoring-session', 'abc123', 'camau.example'));
    expect(event.sequence).toBe(0);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.zone).toBe(ICAL.Timezone.utcTimezone);
    expect(stamp.toJSDate().toISOString()).toBe('2026-03-01T09:15:00.000Z');
  });

  it('give times in Europe/London with its VTIMEZONE, right on both sides of the change to BST', () => {
    const { calendar, vevent, event } = parse(calendarFile(session, { method: 'request', ...site }));
    expect(calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/London');
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/London');
    expect(event.startDate.zone!.tzid).toBe('Europe/London');
    expect(event.startDate.toString()).toBe('2026-03-28T10:00:00');
    expect(event.endDate.toString()).toBe('2026-03-30T12:00:00');
    // Converted with the file's own VTIMEZONE rules, the instants are the ones given.
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-28T10:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-30T11:00:00.000Z');
  });

  it('carry the organiser, every attendee asked to reply, and the texts exactly as given', () => {
    const { vevent, event } = parse(calendarFile(session, { method: 'request', ...site }));
    const organiser = vevent.getFirstProperty('organizer')!;
    expect(organiser.getFirstValue()).toBe('mailto:sian@example.org');
    expect(organiser.getParameter('cn')).toBe('Siân ap Rhys');
    const attendees = event.attendees.map((a) => ({ email: String(a.getFirstValue()).toLowerCase(), name: a.getParameter('cn'), rsvp: a.getParameter('rsvp'), status: a.getParameter('partstat') }));
    expect(attendees).toEqual([
      { email: 'mailto:dafydd@example.org', name: 'Dafydd Jones', rsvp: 'TRUE', status: 'NEEDS-ACTION' },
      { email: 'mailto:megan@example.org', name: 'Megan Evans', rsvp: 'TRUE', status: 'NEEDS-ACTION' },
    ]);
    expect(event.summary).toBe(session.summary);
    expect(event.description).toBe(session.description);
    expect(event.location).toBe(session.location);
  });

  it('give an update the same UID with the record’s higher SEQUENCE', () => {
    const first = parse(calendarFile(session, { method: 'request', ...site })).event;
    const moved = parse(calendarFile({ ...session, sequence: 1, start: new Date('2026-03-31T09:00:00Z'), end: new Date('2026-03-31T10:00:00Z') }, { method: 'request', ...site })).event;
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBe(1);
    expect(moved.startDate.toString()).toBe('2026-03-31T10:00:00');
  });

  it('cancel with METHOD:CANCEL, STATUS:CANCELLED and the request’s UID', () => {
    const request = parse(calendarFile(session, { method: 'request', ...site }));
    const cancel = parse(calendarFile({ ...session, sequence: 2 }, { method: 'cancel', ...site }));
    expect(cancel.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancel.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancel.event.uid).toBe(request.event.uid);
    expect(cancel.event.sequence).toBe(2);
    expect(cancel.event.attendees).toHaveLength(2);
  });

  it('end every line with CRLF and fold long lines at 75 octets', () => {
    const text = calendarFile(session, { method: 'request', ...site });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('write the same London times whatever time zone the server runs in', () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      const elsewhere = calendarFile(session, { method: 'request', ...site });
      process.env.TZ = 'UTC';
      expect(elsewhere).toBe(calendarFile(session, { method: 'request', ...site }));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('refuse a negative or fractional SEQUENCE and an event that does not end after it starts', () => {
    expect(() => calendarFile({ ...session, sequence: -1 }, { method: 'request', ...site })).toThrow(RangeError);
    expect(() => calendarFile({ ...session, sequence: 1.5 }, { method: 'request', ...site })).toThrow(RangeError);
    expect(() => calendarFile({ ...session, end: session.start }, { method: 'request', ...site })).toThrow(/ends after it starts/);
  });
});
