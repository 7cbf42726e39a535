import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../db/schema/index.ts';
import { mailJobKinds } from '../../src/server/mail/jobs.ts';
import { smtpMailer } from '../../src/server/mail/mailer.ts';
import { deliverMessage } from '../../src/server/mail/outbox.ts';
import { calendarFile, type CalendarEvent } from '../../src/server/platform/calendar.ts';
import { runDueJobs } from '../../src/server/platform/jobs/runner.ts';
import { startSmtpServer } from './smtp.ts';
import { freshDatabase } from './support.ts';

const T0 = Date.UTC(2031, 2, 3, 9, 0);
const MINUTE = 60_000;

const meeting: CalendarEvent = {
  kind: 'mentoring-session',
  id: 'session-1',
  sequence: 0,
  start: new Date('2031-03-10T10:00:00Z'),
  end: new Date('2031-03-10T11:00:00Z'),
  summary: 'Sesiwn fentora',
  description: 'Sesiwn 1:1',
  organiser: { name: 'Gwenno Parry', email: 'mentor@camau.example' },
  attendees: [{ name: 'Elin Hughes', email: 'learner@camau.example' }],
  locale: 'cy',
};
const invitation = (method: 'request' | 'cancel', sequence: number) => ({
  method,
  filename: 'sesiwn.ics',
  content: calendarFile({ ...meeting, sequence }, { method, siteDomain: 'camau.test', stamp: new Date(T0) }),
});

let database: Awaited<ReturnType<typeof freshDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(async () => {
  database.cleanup();
  await smtp?.close();
  smtp = undefined;
});

const message = (calendar: ReturnType<typeof invitation>) => ({
  organisationId: 'demo-org', personId: 'demo-learner', to: 'learner@camau.example', locale: 'cy' as const, subject: 'Gwahoddiad', text: 'Dyma wahoddiad.', calendar,
});

function parsed(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return { method: calendar.getFirstPropertyValue('method'), uid: event.getFirstPropertyValue('uid'), sequence: event.getFirstPropertyValue('sequence') };
}

describe('a message carrying a calendar file', () => {
  it('arrives with a text/calendar part whose method Outlook acts on, and the .ics parses back', async () => {
    smtp = await startSmtpServer();
    await deliverMessage(database.db, smtpMailer(smtp.url, 'Camau <no-reply@camau.test>'), message(invitation('request', 0)), T0);

    expect(smtp.received).toHaveLength(1);
    const received = smtp.received[0]!;
    expect(received.text).toContain('Dyma wahoddiad.');
    expect(received.calendar?.contentType).toMatch(/^text\/calendar; .*method=REQUEST/i);
    expect(parsed(received.calendar!.content)).toEqual({ method: 'REQUEST', uid: 'mentoring-session-session-1@camau.test', sequence: 0 });
  });

  it('sends a cancellation as METHOD:CANCEL with the same UID and a higher SEQUENCE', async () => {
    smtp = await startSmtpServer();
    const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    await deliverMessage(database.db, mailer, message(invitation('request', 0)), T0);
    await deliverMessage(database.db, mailer, message(invitation('cancel', 1)), T0 + MINUTE);

    const [first, second] = smtp.received.map((r) => parsed(r.calendar!.content));
    expect(second).toEqual({ method: 'CANCEL', uid: first!.uid, sequence: 1 });
    expect(smtp.received[1]!.calendar?.contentType).toMatch(/method=CANCEL/i);
  });

  it('still carries its calendar file when a refused first delivery is retried', async () => {
    smtp = await startSmtpServer({ refuse: (attempt) => attempt === 1 });
    const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    await deliverMessage(database.db, mailer, message(invitation('request', 0)), T0);
    expect(smtp.received).toHaveLength(0);
    const [kept] = await database.db.select().from(mailOutbox);
    expect(kept).toMatchObject({ status: 'failed' });
    expect(kept!.calendar?.method).toBe('request');

    await runDueJobs({ db: database.db, kinds: mailJobKinds(mailer), now: () => T0 + MINUTE });

    expect(smtp.received).toHaveLength(1);
    expect(parsed(smtp.received[0]!.calendar!.content)).toMatchObject({ method: 'REQUEST', sequence: 0 });
  });
});
