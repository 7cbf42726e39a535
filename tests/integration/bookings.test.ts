import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { and, eq, inArray } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, bookings } from '../../db/schema/index.ts';
import { smtpMailer } from '../../src/server/mail/mailer.ts';
import { book, bookingForm, cancelBooking, leaveWaitingList, mailBookingChanges, moveBooking, saveWorkshop, workshopForm, workshopView } from '../../src/server/training/index.ts';
import { scopeOf } from '../support/scope.ts';
import { startSmtpServer } from './smtp.ts';
import { formPost, freshDatabase, PUBLIC_URL, quietMailer } from './support.ts';
import { addPractitioners, addWorkshop, PROGRAMME_IDS, T0, workshopFields } from './training-support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

async function queue(workshopId: string) {
  const rows = await database.db
    .select()
    .from(bookings)
    .where(and(eq(bookings.workshopId, workshopId), inArray(bookings.state, ['booked', 'waiting'])));
  const booked = rows.filter((r) => r.state === 'booked').sort((a, b) => a.seq - b.seq);
  const waiting = rows.filter((r) => r.state === 'waiting').sort((a, b) => a.seq - b.seq);
  return { rows, booked, waiting };
}

/** The invariants every queue keeps: places never exceeded, one live place per person, seats and arrival numbers unique. */
function expectSoundQueue(q: Awaited<ReturnType<typeof queue>>, places: number) {
  expect(q.booked.length).toBeLessThanOrEqual(places);
  expect(new Set(q.rows.map((r) => r.personId)).size).toBe(q.rows.length);
  expect(new Set(q.booked.map((r) => r.seat)).size).toBe(q.booked.length);
  expect(q.booked.every((r) => r.seat! >= 1 && r.seat! <= places)).toBe(true);
  // Nobody who arrived later holds a place while someone who arrived earlier waits.
  const lastBooked = Math.max(0, ...q.booked.map((r) => r.seq));
  const firstWaiting = Math.min(Infinity, ...q.waiting.map((r) => r.seq));
  if (q.booked.length === places) expect(lastBooked).toBeLessThan(firstWaiting);
}

describe('booking a place on a workshop with few places', () => {
  it('books exactly the places and queues the rest in arrival order when 30 people press at once in one process', async () => {
    const ids = await addPractitioners(database.db, 30);
    const workshopId = await addWorkshop(database.db, { places: 5 });
    const scopes = await Promise.all(ids.map((id) => scopeOf(database.db, id, T0)));
    const results = await Promise.all(scopes.map((scope, i) => book(scope, workshopId, { requestKey: `key-${i}` }, '127.0.0.1')));

    expect(results.every((r) => r.ok)).toBe(true);
    const q = await queue(workshopId);
    expect(q.booked).toHaveLength(5);
    expect(q.waiting).toHaveLength(25);
    expect(q.rows.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(q.booked.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expectSoundQueue(q, 5);
    // Each person's page shows their number: their place in arrival order.
    const last = q.waiting[24]!;
    const view = await workshopView(await scopeOf(database.db, last.personId, T0), workshopId);
    expect(view?.mine).toEqual({ state: 'waiting', position: 25 });
  });

  it('books exactly the places when 30 people press at once in three server processes', async () => {
    const ids = await addPractitioners(database.db, 30);
    const workshopId = await addWorkshop(database.db, { places: 5 });
    const worker = join(import.meta.dirname, 'booking-worker.ts');
    const run = promisify(execFile);
    const url = `file:${join(database.dir, 'camau.db')}`;
    const startAt = String(Date.now() + 4000);
    const groups = [ids.slice(0, 10), ids.slice(10, 20), ids.slice(20)];
    const outputs = await Promise.all(groups.map((group) => run(process.execPath, [worker, url, workshopId, startAt, group.join(','), String(T0)])));
    const lines = outputs.flatMap((o) => o.stdout.split('\n').filter(Boolean));

    expect(lines).toHaveLength(30);
    expect(lines.every((line) => / (booked|waiting)$/.test(line))).toBe(true);
    const q = await queue(workshopId);
    expect(q.booked).toHaveLength(5);
    expect(q.waiting).toHaveLength(25);
    expect(new Set(q.rows.map((r) => r.seq)).size).toBe(30);
    expectSoundQueue(q, 5);
  }, 60_000);

  it('gives a cancelled place to the first person waiting at once, and everyone behind moves up', async () => {
    const ids = await addPractitioners(database.db, 8);
    const workshopId = await addWorkshop(database.db, { places: 5 });
    for (const id of ids) await book(await scopeOf(database.db, id, T0), workshopId, { requestKey: id }, null);
    const before = await queue(workshopId);
    const [firstWaiting, secondWaiting, thirdWaiting] = before.waiting.map((r) => r.personId);

    const cancelled = await cancelBooking(await scopeOf(database.db, before.booked[2]!.personId, T0), workshopId);

    expect(cancelled.ok && cancelled.value.changes).toEqual([
      { personId: before.booked[2]!.personId, workshopId, change: 'cancelled' },
      { personId: firstWaiting, workshopId, change: 'promoted' },
    ]);
    const after = await queue(workshopId);
    expect(after.booked.map((r) => r.personId)).toContain(firstWaiting);
    expect(after.booked.find((r) => r.personId === firstWaiting)!.seat).toBe(before.booked[2]!.seat);
    expect((await workshopView(await scopeOf(database.db, secondWaiting!, T0), workshopId))?.mine).toEqual({ state: 'waiting', position: 1 });
    expect((await workshopView(await scopeOf(database.db, thirdWaiting!, T0), workshopId))?.mine).toEqual({ state: 'waiting', position: 2 });
    expectSoundQueue(after, 5);
  });

  it('promotes the next three in order when the places go from 5 to 8', async () => {
    const ids = await addPractitioners(database.db, 10);
    const workshopId = await addWorkshop(database.db, { places: 5 });
    for (const id of ids) await book(await scopeOf(database.db, id, T0), workshopId, { requestKey: id }, null);
    const waiting = (await queue(workshopId)).waiting.map((r) => r.personId);

    const saved = await saveWorkshop(await scopeOf(database.db, 'demo-admin', T0), workshopId, workshopFields({ places: 8 }), { programmeIds: PROGRAMME_IDS, ip: null });

    expect(saved.ok && saved.value.changes).toEqual(waiting.slice(0, 3).map((personId) => ({ personId, workshopId, change: 'promoted' })));
    const after = await queue(workshopId);
    expect(after.booked).toHaveLength(8);
    expect(after.waiting.map((r) => r.personId)).toEqual(waiting.slice(3));
    expectSoundQueue(after, 8);
  });

  it('makes one booking from a double POST with the same request key, even when both arrive at once', async () => {
    const workshopId = await addWorkshop(database.db, { places: 5 });
    const scope = await scopeOf(database.db, 'demo-learner', T0);
    const ctx = { scope, locale: 'cy' as const, ip: '127.0.0.1', mailer: quietMailer, publicUrl: PUBLIC_URL };
    const post = () => formPost({ intent: 'book', requestKey: 'same-key' });
    const answers = await Promise.all([bookingForm(ctx, workshopId, post()), bookingForm(ctx, workshopId, post())]);
    const again = await bookingForm(ctx, workshopId, post());

    expect([...answers, again].map((a) => a.status)).toEqual([303, 303, 303]);
    expect(answers[0]!.redirect).toBe(`/cy/training/workshops/${workshopId}?done=booked#booking`);
    const rows = await database.db.select().from(bookings).where(eq(bookings.personId, 'demo-learner'));
    expect(rows).toHaveLength(1);
  });

  it('answers a double press on a full workshop with the waiting place it made, never a booking', async () => {
    const workshopId = await addWorkshop(database.db, { places: 1 });
    await book(await scopeOf(database.db, 'demo-p01', T0), workshopId, { requestKey: 'first' }, null);
    const scope = await scopeOf(database.db, 'demo-learner', T0);
    const answers = await Promise.all([book(scope, workshopId, { requestKey: 'one' }, null), book(scope, workshopId, { requestKey: 'two' }, null)]);

    expect(answers.map((a) => a.ok && a.value.state)).toEqual(['waiting', 'waiting']);
    expect(answers.filter((a) => a.ok && a.value.already)).toHaveLength(1);
    const q = await queue(workshopId);
    expect(q.waiting.map((r) => r.personId)).toEqual(['demo-learner']);
    expectSoundQueue(q, 1);
  });

  it('answers a repeated request after a cancellation with the old booking, not a new one', async () => {
    const workshopId = await addWorkshop(database.db, { places: 5 });
    const scope = await scopeOf(database.db, 'demo-learner', T0);
    await book(scope, workshopId, { requestKey: 'k1' }, null);
    await cancelBooking(scope, workshopId);
    const repeated = await book(scope, workshopId, { requestKey: 'k1' }, null);
    expect(repeated).toEqual({ ok: true, value: { state: 'cancelled', already: true, changes: [] } });
    const fresh = await book(scope, workshopId, { requestKey: 'k2' }, null);
    expect(fresh.ok && fresh.value).toMatchObject({ state: 'booked', already: false });
  });

  it('lets a person leave the waiting list and nobody else moves into a place', async () => {
    const ids = await addPractitioners(database.db, 3);
    const workshopId = await addWorkshop(database.db, { places: 1 });
    for (const id of ids) await book(await scopeOf(database.db, id, T0), workshopId, { requestKey: id }, null);
    const left = await leaveWaitingList(await scopeOf(database.db, ids[1]!, T0), workshopId);
    expect(left.ok).toBe(true);
    const q = await queue(workshopId);
    expect(q.booked.map((r) => r.personId)).toEqual([ids[0]]);
    expect(q.waiting.map((r) => r.personId)).toEqual([ids[2]]);
  });

  it('refuses booking, joining and promotion after booking closes, and the page says why', async () => {
    const ids = await addPractitioners(database.db, 2);
    const workshopId = await addWorkshop(database.db, { places: 1 });
    await book(await scopeOf(database.db, ids[0]!, T0), workshopId, { requestKey: 'a' }, null);
    await book(await scopeOf(database.db, ids[1]!, T0), workshopId, { requestKey: 'b' }, null);
    const afterClosing = Date.UTC(2027, 2, 16, 10, 0);

    const late = await scopeOf(database.db, 'demo-learner', afterClosing);
    expect(await book(late, workshopId, { requestKey: 'c' }, null)).toEqual({ ok: false, error: 'closed' });
    const form = await bookingForm({ scope: late, locale: 'en', ip: null, mailer: quietMailer, publicUrl: PUBLIC_URL }, workshopId, formPost({ intent: 'book', requestKey: 'd' }));
    expect(form.status).toBe(422);
    expect(form.errors._form?.key).toBe('training.closed');

    const cancelled = await cancelBooking(await scopeOf(database.db, ids[0]!, afterClosing), workshopId);
    expect(cancelled.ok && cancelled.value.changes.map((c) => c.change)).toEqual(['cancelled']);
    expect((await queue(workshopId)).waiting.map((r) => r.personId)).toEqual([ids[1]]);
  });
});

describe('a manager booking for a team member', () => {
  it('books a person of a team they manage, records it in the audit log, and cannot book someone of another team', async () => {
    const workshopId = await addWorkshop(database.db, { places: 5 });
    const manager = await scopeOf(database.db, 'demo-manager', T0); // manages Assessment and Coastal
    const booked = await book(manager, workshopId, { personId: 'demo-p01', requestKey: 'm1' }, '127.0.0.1');
    expect(booked).toEqual({ ok: true, value: { state: 'booked', already: false, changes: [{ personId: 'demo-p01', workshopId, change: 'booked' }] } });
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'booking.made-for'));
    expect(audit.map((a) => [a.actorId, a.subjectId])).toEqual([['demo-manager', 'demo-p01']]);
    expect(await book(manager, workshopId, { personId: 'demo-p14', requestKey: 'm2' }, null)).toEqual({ ok: false, error: 'not-found' });
    expect(await book(await scopeOf(database.db, 'demo-learner', T0), workshopId, { personId: 'demo-p02', requestKey: 'm3' }, null)).toEqual({ ok: false, error: 'not-found' });
  });

  it('moves a booking to another workshop of the same programme, and the place left behind goes to the first waiting', async () => {
    const from = await addWorkshop(database.db, { places: 1 });
    const to = await addWorkshop(database.db, { places: 3, date: '2027-03-27', bookingClosesOn: '2027-03-20' });
    const other = await addWorkshop(database.db, { programmeId: 'risk-model' });
    await book(await scopeOf(database.db, 'demo-p01', T0), from, { requestKey: 'a' }, null);
    await book(await scopeOf(database.db, 'demo-p02', T0), from, { requestKey: 'b' }, null);
    const [row] = await database.db.select().from(bookings).where(and(eq(bookings.workshopId, from), eq(bookings.personId, 'demo-p01')));
    const manager = await scopeOf(database.db, 'demo-manager', T0);

    expect(await moveBooking(manager, row!.id, other, null)).toEqual({ ok: false, error: 'not-allowed' });
    const moved = await moveBooking(manager, row!.id, to, '127.0.0.1');

    expect(moved.ok && moved.value.changes).toEqual([
      { personId: 'demo-p01', workshopId: from, change: 'moved' },
      { personId: 'demo-p01', workshopId: to, change: 'booked' },
      { personId: 'demo-p02', workshopId: from, change: 'promoted' },
    ]);
    expect((await queue(from)).booked.map((r) => r.personId)).toEqual(['demo-p02']);
    expect((await queue(to)).booked.map((r) => r.personId)).toEqual(['demo-p01']);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'booking.moved'))).toHaveLength(1);
  });
});

describe('booking e-mails with the calendar file', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
  });

  function parsed(content: string) {
    const calendar = new ICAL.Component(ICAL.parse(content));
    const event = calendar.getFirstSubcomponent('vevent')!;
    return { method: calendar.getFirstPropertyValue('method'), uid: event.getFirstPropertyValue('uid'), sequence: event.getFirstPropertyValue('sequence') };
  }

  it('sends an invitation on booking, an update with a higher SEQUENCE on a change of time, and METHOD:CANCEL on cancellation, in each person’s language', async () => {
    smtp = await startSmtpServer();
    const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    const workshopId = await addWorkshop(database.db, { places: 5 });
    const learner = await scopeOf(database.db, 'demo-learner', T0); // Welsh
    const ctx = { scope: learner, locale: 'cy' as const, ip: null, mailer, publicUrl: PUBLIC_URL };
    await bookingForm(ctx, workshopId, formPost({ intent: 'book', requestKey: 'k' }));

    const admin = { scope: await scopeOf(database.db, 'demo-admin', T0), locale: 'en' as const, ip: null, mailer, publicUrl: PUBLIC_URL };
    const values = { ...workshopFields({ startsAt: '10:00', endsAt: '13:00' }), places: '5', teamIds: [], facilitatorIds: [] };
    const changed = await workshopForm(admin, workshopId, PROGRAMME_IDS, formPost(values as Record<string, string | string[]>));
    expect(changed.status).toBe(303);
    const cancelled = await workshopForm(admin, workshopId, PROGRAMME_IDS, formPost({ intent: 'cancel' }));
    expect(cancelled.status).toBe(303);

    expect(smtp.received.map((r) => r.to)).toEqual([['learner@camau.example'], ['learner@camau.example'], ['learner@camau.example']]);
    const [invitation, update, cancellation] = smtp.received;
    expect(invitation!.subject).toBe('Eich lle: Gweithdy amddiffyn plant');
    expect(parsed(invitation!.calendar!.content)).toEqual({ method: 'REQUEST', uid: `workshop-${workshopId}@camau.test`, sequence: 0 });
    expect(invitation!.calendar!.contentType).toMatch(/method=REQUEST/i);
    expect(update!.subject).toBe('Newid i’r gweithdy: Gweithdy amddiffyn plant');
    expect(parsed(update!.calendar!.content)).toEqual({ method: 'REQUEST', uid: `workshop-${workshopId}@camau.test`, sequence: 1 });
    expect(update!.calendar!.content).toContain('DTSTART;TZID=Europe/London:20270320T100000');
    expect(parsed(cancellation!.calendar!.content)).toEqual({ method: 'CANCEL', uid: `workshop-${workshopId}@camau.test`, sequence: 2 });
  });

  it('e-mails the promoted person at once, in English when that is their language', async () => {
    smtp = await startSmtpServer();
    const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    const workshopId = await addWorkshop(database.db, { places: 1 });
    await book(await scopeOf(database.db, 'demo-learner', T0), workshopId, { requestKey: 'a' }, null);
    await book(await scopeOf(database.db, 'demo-p03', T0), workshopId, { requestKey: 'b' }, null); // English, waiting
    const cancelled = await cancelBooking(await scopeOf(database.db, 'demo-learner', T0), workshopId);
    if (!cancelled.ok) throw new Error('not cancelled');
    await mailBookingChanges(database.db, mailer, PUBLIC_URL, cancelled.value.changes, T0);

    const promoted = smtp.received.find((r) => r.to.includes('cai.pritchard@camau.example'))!;
    expect(promoted.subject).toBe('A place has come free for you: Gweithdy amddiffyn plant');
    expect(parsed(promoted.calendar!.content).method).toBe('REQUEST');
    const own = smtp.received.find((r) => r.to.includes('learner@camau.example'))!;
    expect(parsed(own.calendar!.content).method).toBe('CANCEL');
  });
});
