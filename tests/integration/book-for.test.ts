import { and, eq, inArray } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings, jobs } from '../../db/schema/index.ts';
import { smtpMailer, type Mailer } from '../../src/server/mail/mailer.ts';
import { bookForForm, bookForPanel, WORKSHOP_REMINDER_JOB, workshopForm, workshopPageForm, type TrainingFormContext } from '../../src/server/training/index.ts';
import { scopeOf } from '../support/scope.ts';
import { startSmtpServer } from './smtp.ts';
import { formPost, freshDatabase, PUBLIC_URL, quietMailer } from './support.ts';
import { addWorkshop, PROGRAMME_IDS, T0 } from './training-support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let first: string;
let second: string;
let otherProgramme: string;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
  first = await addWorkshop(database.db, { title: 'Cyntaf', places: 1 });
  second = await addWorkshop(database.db, { title: 'Ail', date: '2027-03-27', bookingClosesOn: '2027-03-25' });
  otherProgramme = await addWorkshop(database.db, { title: 'Arall', programmeId: 'risk-model' });
});
afterEach(() => database.cleanup());

async function ctx(person: string): Promise<TrainingFormContext> {
  return { scope: await scopeOf(database.db, person, T0), locale: 'en', ip: null, mailer: quietMailer, publicUrl: PUBLIC_URL };
}
const liveBookings = (workshopId: string) =>
  database.db
    .select({ personId: bookings.personId, state: bookings.state })
    .from(bookings)
    .where(and(eq(bookings.workshopId, workshopId), inArray(bookings.state, ['booked', 'waiting'])))
    .orderBy(bookings.seq);

describe('a manager booking for a team member', () => {
  it('offers only the people of the teams they manage, and books them (or puts them on the waiting list)', async () => {
    // Rhodri manages the assessment and coastal teams, not the uplands team.
    const panel = await bookForPanel((await ctx('demo-manager')).scope, first);
    const offered = panel!.candidates.map((c) => c.id);
    expect(offered).toContain('demo-learner');
    expect(offered).toContain('demo-p07');
    expect(offered).not.toContain('demo-p14');

    const booked = await bookForForm(await ctx('demo-manager'), first, formPost({ intent: 'book-for', personId: 'demo-learner', requestKey: 'k1' }));
    expect(booked.redirect).toBe(`/training/workshops/${first}?done=bookedFor#book-for`);
    const waiting = await bookForForm(await ctx('demo-manager'), first, formPost({ intent: 'book-for', personId: 'demo-p07', requestKey: 'k2' }));
    expect(waiting.status).toBe(303);
    expect((await liveBookings(first)).map((b) => [b.personId, b.state])).toEqual([['demo-learner', 'booked'], ['demo-p07', 'waiting']]);
    expect(await database.db.select().from(jobs).where(eq(jobs.kind, WORKSHOP_REMINDER_JOB))).toHaveLength(1);
  });

  it('refuses someone outside their teams, and a learner booking for anyone', async () => {
    const outside = await bookForForm(await ctx('demo-manager'), first, formPost({ intent: 'book-for', personId: 'demo-p14', requestKey: 'k3' }));
    expect(outside.status).toBe(422);
    expect(outside.errors.personId?.key).toBe('register.bookFor.errors.person');
    expect(await bookForPanel((await ctx('demo-learner')).scope, first)).toBeNull();
    const learner = await bookForForm(await ctx('demo-learner'), first, formPost({ intent: 'book-for', personId: 'demo-p01', requestKey: 'k4' }));
    expect(learner.status).toBe(422);
    expect(await liveBookings(first)).toEqual([]);
  });

  it('moves a booking to another workshop of the same programme only; the place left goes to the first waiting', async () => {
    await bookForForm(await ctx('demo-manager'), first, formPost({ intent: 'book-for', personId: 'demo-learner', requestKey: 'k5' }));
    await bookForForm(await ctx('demo-manager'), first, formPost({ intent: 'book-for', personId: 'demo-p07', requestKey: 'k6' }));
    const panel = await bookForPanel((await ctx('demo-manager')).scope, first);
    const elin = panel!.team.find((b) => b.personId === 'demo-learner')!;
    expect(elin.moveTo.map((w) => w.id)).toEqual([second]);

    const wrong = await bookForForm(await ctx('demo-manager'), first, formPost({ intent: 'move', bookingId: elin.bookingId, toWorkshopId: otherProgramme }));
    expect(wrong.status).toBe(422);
    const moved = await bookForForm(await ctx('demo-manager'), first, formPost({ intent: 'move', bookingId: elin.bookingId, toWorkshopId: second }));
    expect(moved.redirect).toBe(`/training/workshops/${first}?done=moved#book-for`);
    expect((await liveBookings(second)).map((b) => [b.personId, b.state])).toEqual([['demo-learner', 'booked']]);
    expect((await liveBookings(first)).map((b) => [b.personId, b.state])).toEqual([['demo-p07', 'booked']]);
  });
});

describe('the workshop page’s forms', () => {
  it('reads the body once and routes the manager’s panel and the viewer’s own button by intent', async () => {
    const forElin = await workshopPageForm(await ctx('demo-manager'), second, formPost({ intent: 'book-for', personId: 'demo-learner', requestKey: 'p1' }));
    expect(forElin.redirect).toBe(`/training/workshops/${second}?done=bookedFor#book-for`);
    const own = await workshopPageForm(await ctx('demo-manager'), second, formPost({ intent: 'book', requestKey: 'p2' }));
    expect(own.redirect).toBe(`/training/workshops/${second}?done=booked#booking`);
    expect((await liveBookings(second)).map((b) => [b.personId, b.state])).toEqual([['demo-learner', 'booked'], ['demo-manager', 'booked']]);
  });
});

describe('the e-mails a manager’s booking sends', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let mailer: Mailer;
  beforeEach(async () => {
    smtp = await startSmtpServer();
    mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
  });
  afterEach(() => smtp.close());

  async function mailing(person: string): Promise<TrainingFormContext> {
    return { scope: await scopeOf(database.db, person, T0), locale: 'en', ip: null, mailer, publicUrl: PUBLIC_URL };
  }
  function parsed(content: string) {
    const calendar = new ICAL.Component(ICAL.parse(content));
    const event = calendar.getFirstSubcomponent('vevent')!;
    return { method: calendar.getFirstPropertyValue('method'), uid: event.getFirstPropertyValue('uid'), sequence: event.getFirstPropertyValue('sequence') };
  }
  const to = (email: string) => smtp.received.filter((m) => m.to.includes(email));

  it('tells the person booked, in their language, with a calendar invitation', async () => {
    const answer = await bookForForm(await mailing('demo-manager'), first, formPost({ intent: 'book-for', personId: 'demo-learner', requestKey: 'm1' }));
    expect(answer.status).toBe(303);
    const [mail] = to('learner@camau.example');
    expect(smtp.received).toHaveLength(1);
    expect(mail!.subject).toBe('Eich lle: Cyntaf');
    expect(mail!.text).toContain(`http://camau.test/cy/training/workshops/${first}`);
    expect(parsed(mail!.calendar!.content)).toEqual({ method: 'REQUEST', uid: `workshop-${first}@camau.test`, sequence: 0 });
    expect(mail!.calendar!.contentType).toMatch(/method=REQUEST/i);
  });

  it('tells the person moved: the old workshop is taken off their calendar and the new one put on it', async () => {
    await bookForForm(await ctx('demo-manager'), first, formPost({ intent: 'book-for', personId: 'demo-p03', requestKey: 'm2' }));
    const panel = await bookForPanel((await ctx('demo-manager')).scope, first);
    const cai = panel!.team.find((b) => b.personId === 'demo-p03')!;
    const moved = await bookForForm(await mailing('demo-manager'), first, formPost({ intent: 'move', bookingId: cai.bookingId, toWorkshopId: second }));
    expect(moved.status).toBe(303);

    const mails = to('cai.pritchard@camau.example');
    expect(mails.map((m) => m.subject)).toEqual(['Booking cancelled: Cyntaf', 'Your place: Ail']);
    expect(parsed(mails[0]!.calendar!.content)).toEqual({ method: 'CANCEL', uid: `workshop-${first}@camau.test`, sequence: 0 });
    expect(mails[0]!.calendar!.contentType).toMatch(/method=CANCEL/i);
    expect(parsed(mails[1]!.calendar!.content)).toEqual({ method: 'REQUEST', uid: `workshop-${second}@camau.test`, sequence: 0 });
    expect(mails[1]!.calendar!.content).toContain('DTSTART;TZID=Europe/London:20270327T093000');
  });

  it('tells the people on the waiting list when the workshop is cancelled, each in their language', async () => {
    // One place: Elin has it; Cai (English) and Gethin (Welsh) wait.
    for (const [person, key] of [['demo-learner', 'w1'], ['demo-p03', 'w2'], ['demo-p07', 'w3']] as const) {
      await bookForForm(await ctx('demo-manager'), first, formPost({ intent: 'book-for', personId: person, requestKey: key }));
    }
    const cancelled = await workshopForm(await mailing('demo-admin'), first, PROGRAMME_IDS, formPost({ intent: 'cancel' }));
    expect(cancelled.status).toBe(303);

    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['cai.pritchard@camau.example', 'gethin.thomas@camau.example', 'learner@camau.example']);
    const [cai] = to('cai.pritchard@camau.example');
    expect(cai!.subject).toBe('Workshop cancelled: Cyntaf');
    expect(cai!.text).toContain('Your booking or waiting-list place has ended');
    const [gethin] = to('gethin.thomas@camau.example');
    expect(gethin!.subject).toBe('Gweithdy wedi’i ganslo: Cyntaf');
    for (const mail of [cai!, gethin!]) expect(parsed(mail.calendar!.content)).toEqual({ method: 'CANCEL', uid: `workshop-${first}@camau.test`, sequence: 1 });
  });
});
