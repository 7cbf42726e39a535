import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobs } from '../../db/schema/index.ts';
import { mailJobKinds } from '../../src/server/mail/jobs.ts';
import { smtpMailer, type Mailer } from '../../src/server/mail/mailer.ts';
import { runDueJobs } from '../../src/server/platform/jobs/runner.ts';
import {
  bookingForm,
  reactionForm,
  REACTION_REQUEST_JOB,
  reminderAt,
  saveRegister,
  trainingJobKinds,
  WORKSHOP_REMINDER_JOB,
  workshopForm,
  type TrainingFormContext,
} from '../../src/server/training/index.ts';
import { scopeOf } from '../support/scope.ts';
import { startSmtpServer } from './smtp.ts';
import { formPost, freshDatabase, PUBLIC_URL } from './support.ts';
import { addWorkshop, PROGRAMME_IDS, T0, workshopFields } from './training-support.ts';

// The workshop is on Friday 19 March 2027, 09:30–12:30: its reminder is due on Wednesday 17 March at 07:00 London (GMT).
const REMINDER = Date.UTC(2027, 2, 17, 7, 0);
const AFTER = Date.UTC(2027, 2, 19, 13, 0);

let database: Awaited<ReturnType<typeof freshDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mailer: Mailer;
let workshopId: string;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
  smtp = await startSmtpServer();
  mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
  workshopId = await addWorkshop(database.db, { date: '2027-03-19', facilitatorIds: ['demo-mentor'] });
});
afterEach(async () => {
  database.cleanup();
  await smtp.close();
});

const kinds = () => [...mailJobKinds(mailer), ...trainingJobKinds(mailer, PUBLIC_URL)];
const runJobsAt = (at: number) => runDueJobs({ db: database.db, kinds: kinds(), now: () => at });
const to = (email: string) => smtp.received.filter((m) => m.to.includes(email));
async function ctx(person: string, at = T0): Promise<TrainingFormContext> {
  return { scope: await scopeOf(database.db, person, at), locale: 'en', ip: null, mailer, publicUrl: PUBLIC_URL };
}
async function bookAs(person: string) {
  const answer = await bookingForm(await ctx(person), workshopId, formPost({ intent: 'book', requestKey: `key-${person}` }));
  expect(answer.status).toBe(303);
}

describe('the workshop reminder', () => {
  it('is queued for 07:00 London two working days before and sent once, in the person’s language', async () => {
    await bookAs('demo-learner');
    expect(reminderAt('2027-03-19')).toBe(REMINDER);
    const queued = await database.db.select().from(jobs).where(eq(jobs.kind, WORKSHOP_REMINDER_JOB));
    expect(queued.map((j) => j.runAt)).toEqual([REMINDER]);
    const confirmations = to('learner@camau.example').length;

    await runJobsAt(REMINDER - 60_000);
    expect(to('learner@camau.example')).toHaveLength(confirmations);
    await runJobsAt(REMINDER);
    await runJobsAt(REMINDER + 3_600_000);
    const reminders = to('learner@camau.example').slice(confirmations);
    expect(reminders).toHaveLength(1);
    // Elin reads Welsh.
    expect(reminders[0]!.subject).toContain('Nodyn atgoffa: Gweithdy amddiffyn plant');
    expect(reminders[0]!.text).toContain(`http://camau.test/cy/training/workshops/${workshopId}`);
  });

  it('is dropped when the booking is cancelled', async () => {
    await bookAs('demo-p03');
    const cancelled = await bookingForm(await ctx('demo-p03'), workshopId, formPost({ intent: 'cancel' }));
    expect(cancelled.status).toBe(303);
    const before = smtp.received.length;
    const summary = await runJobsAt(REMINDER);
    expect(summary.dropped).toBe(1);
    expect(smtp.received.length).toBe(before);
  });

  it('follows a change of date: the old reminder drops itself and the new one is sent', async () => {
    await bookAs('demo-p03');
    const changed = await workshopForm(await ctx('demo-admin'), workshopId, PROGRAMME_IDS, formPost(Object.fromEntries(Object.entries({ ...workshopFields(), date: '2027-03-26', bookingClosesOn: '2027-03-20', places: '5' }).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]))));
    expect(changed.status).toBe(303);
    const before = to('cai.pritchard@camau.example').length;
    await runJobsAt(REMINDER);
    expect(to('cai.pritchard@camau.example')).toHaveLength(before);
    await runJobsAt(reminderAt('2027-03-26'));
    const sent = to('cai.pritchard@camau.example').slice(before);
    expect(sent.map((m) => m.subject)).toEqual([expect.stringContaining('Reminder: Gweithdy amddiffyn plant')]);
  });

  it('is sent once when the job runner runs twice at the same moment', async () => {
    await bookAs('demo-p03');
    const before = to('cai.pritchard@camau.example').length;
    await Promise.all([runJobsAt(REMINDER), runJobsAt(REMINDER)]);
    expect(to('cai.pritchard@camau.example').length - before).toBe(1);
  });
});

describe('the reaction request', () => {
  async function markAttended(people: string[]) {
    const marks = people.map((personId) => ({ personId, mark: 'attended', minutes: null }));
    expect(await saveRegister(await scopeOf(database.db, 'demo-mentor', Date.UTC(2027, 2, 19, 12)), workshopId, marks, [], 0, null)).toEqual({ ok: true });
  }

  it('is e-mailed to each attendee once after the workshop ends, and not to someone who already answered', async () => {
    for (const person of ['demo-learner', 'demo-p03']) await bookAs(person);
    await markAttended(['demo-learner', 'demo-p03']);
    expect((await database.db.select().from(jobs).where(eq(jobs.kind, REACTION_REQUEST_JOB))).map((j) => j.runAt)).toEqual([
      Date.UTC(2027, 2, 19, 12, 30),
      Date.UTC(2027, 2, 19, 12, 30),
    ]);
    // Cai answers from the home page before the e-mail goes.
    await reactionForm({ scope: await scopeOf(database.db, 'demo-p03', Date.UTC(2027, 2, 19, 12, 31)), locale: 'en' }, workshopId, formPost({ usefulness: '4', relevance: '4', confidence: '4', comment: '' }));
    const before = { elin: to('learner@camau.example').length, cai: to('cai.pritchard@camau.example').length };
    await Promise.all([runJobsAt(AFTER), runJobsAt(AFTER)]);
    await runJobsAt(AFTER + 86_400_000);
    const elin = to('learner@camau.example').slice(before.elin);
    expect(elin.map((m) => m.subject)).toEqual(['Sut aeth Gweithdy amddiffyn plant?']);
    expect(elin[0]!.text).toContain(`http://camau.test/cy/training/workshops/${workshopId}/reaction`);
    expect(to('cai.pritchard@camau.example').length).toBe(before.cai);
  });
});

describe('the notice to the waiting list when booking closes', () => {
  // Booking closes at the end of Monday 15 March 2027: midnight London (GMT) starts the 16th.
  const CLOSED = Date.UTC(2027, 2, 16, 0, 0);
  const subjects = (email: string, from: number) => to(email).slice(from).map((m) => m.subject);

  it('is e-mailed once, in their language, to each person still waiting, even when the runner runs twice', async () => {
    const full = await addWorkshop(database.db, { title: 'Gweithdy llawn', date: '2027-03-19', places: 1 });
    for (const person of ['demo-p03', 'demo-learner', 'demo-p01', 'demo-p02']) {
      expect((await bookingForm(await ctx(person), full, formPost({ intent: 'book', requestKey: `full-${person}` }))).status).toBe(303);
    }
    // Cai gives up his place, so Elin gets it; Aled leaves the waiting list; Bethan is still waiting.
    expect((await bookingForm(await ctx('demo-p03'), full, formPost({ intent: 'cancel' }))).status).toBe(303);
    expect((await bookingForm(await ctx('demo-p01'), full, formPost({ intent: 'leave' }))).status).toBe(303);
    const before = Object.fromEntries(['learner', 'aled.roberts', 'bethan.owen', 'cai.pritchard'].map((p) => [p, to(`${p}@camau.example`).length]));

    await runJobsAt(CLOSED - 60_000);
    expect(subjects('bethan.owen@camau.example', before['bethan.owen']!)).toEqual([]);
    await Promise.all([runJobsAt(CLOSED), runJobsAt(CLOSED)]);
    await runJobsAt(CLOSED + 86_400_000);

    const bethan = to('bethan.owen@camau.example').slice(before['bethan.owen']!);
    expect(bethan.map((m) => m.subject)).toEqual(['Mae’r archebu wedi cau: Gweithdy llawn']);
    expect(bethan[0]!.text).toContain('chewch chi ddim lle arno bellach');
    expect(bethan[0]!.text).toContain('http://camau.test/cy/training');
    // Elin (promoted), Aled (left) and Cai (cancelled) are not told anything at closing.
    expect(subjects('learner@camau.example', before.learner!).filter((s) => s.includes('archebu wedi cau'))).toEqual([]);
    expect(subjects('aled.roberts@camau.example', before['aled.roberts']!)).toEqual([]);
    expect(subjects('cai.pritchard@camau.example', before['cai.pritchard']!)).toEqual([]);
  });

  it('follows a later closing date: the first notice drops itself and the person is told at the new close, in English', async () => {
    const full = await addWorkshop(database.db, { title: 'Gweithdy llawn', date: '2027-03-19', places: 1 });
    for (const person of ['demo-learner', 'demo-p03']) {
      expect((await bookingForm(await ctx(person), full, formPost({ intent: 'book', requestKey: `full-${person}` }))).status).toBe(303);
    }
    const fields = { ...workshopFields({ title: 'Gweithdy llawn', date: '2027-03-19', bookingClosesOn: '2027-03-17' }), places: '1' };
    const changed = await workshopForm(await ctx('demo-admin'), full, PROGRAMME_IDS, formPost(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]))));
    expect(changed.status).toBe(303);
    const before = to('cai.pritchard@camau.example').length;
    expect((await runJobsAt(CLOSED)).dropped).toBe(1);
    expect(to('cai.pritchard@camau.example')).toHaveLength(before);
    await runJobsAt(Date.UTC(2027, 2, 18, 0, 0));
    expect(subjects('cai.pritchard@camau.example', before)).toEqual(['Booking has closed: Gweithdy llawn']);
  });
});
