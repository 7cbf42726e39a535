import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookings, jobs } from '../../db/schema/index.ts';
import { bookForForm, bookForPanel, WORKSHOP_REMINDER_JOB, type TrainingFormContext } from '../../src/server/training/index.ts';
import { scopeOf } from '../support/scope.ts';
import { formPost, freshDatabase, PUBLIC_URL, quietMailer } from './support.ts';
import { addWorkshop, T0 } from './training-support.ts';

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
