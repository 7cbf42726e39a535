import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, bookings, registerRows, workshopReactions, workshops } from '../../db/schema/index.ts';
import { book, bookForForm, reactionForm, registerForm, saveRegister, saveWorkshop, workshopForm, type TrainingFormContext } from '../../src/server/training/index.ts';
import { scopeOf } from '../support/scope.ts';
import { formPost, freshDatabase, PUBLIC_URL, quietMailer } from './support.ts';
import { addWorkshop, PROGRAMME_IDS, T0, workshopFields } from './training-support.ts';

// Every POST of the workshop pages, tried with another organisation's and another team's ids:
// 404 (or 403 where the page is theirs to see), nothing saved, nothing of the other's data answered.

// The workshops run on Saturday 20 March 2027, 09:30–12:30; the register is marked that afternoon.
const AFTER = Date.UTC(2027, 2, 20, 14, 0);

let database: Awaited<ReturnType<typeof freshDatabase>>;
/** A workshop of the demo organisation, with Elin (assessment team) booked. */
let ours: string;
/** Another workshop of ours, same programme, to move to. */
let oursLater: string;
/** The other organisation's workshop, with Carys (its practitioner) booked. */
let theirs: string;
let theirsLater: string;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
  ours = await addWorkshop(database.db, { facilitatorIds: ['demo-mentor'] });
  oursLater = await addWorkshop(database.db, { date: '2027-03-27', bookingClosesOn: '2027-03-25' });
  const otherAdmin = await scopeOf(database.db, 'demo-other-admin', T0);
  const saveTheirs = async (overrides: Parameters<typeof workshopFields>[0]) => {
    const saved = await saveWorkshop(otherAdmin, null, workshopFields(overrides), { programmeIds: PROGRAMME_IDS, ip: null });
    if (!saved.ok) throw new Error('not saved');
    return saved.value.id;
  };
  theirs = await saveTheirs({ title: 'Eu gweithdy nhw', facilitatorIds: ['demo-other-admin'] });
  theirsLater = await saveTheirs({ title: 'Eu hail weithdy', date: '2027-03-27', bookingClosesOn: '2027-03-25' });
  for (const [person, workshopId] of [['demo-learner', ours], ['demo-other-p01', theirs]] as const) {
    const booked = await book(await scopeOf(database.db, person, T0), workshopId, { requestKey: `key-${person}` }, null);
    expect(booked.ok).toBe(true);
  }
});
afterEach(() => database.cleanup());

async function ctx(person: string, at = T0): Promise<TrainingFormContext> {
  return { scope: await scopeOf(database.db, person, at), locale: 'en', ip: '127.0.0.1', mailer: quietMailer, publicUrl: PUBLIC_URL };
}
const bookingOf = async (person: string, workshopId: string) => {
  const rows = await database.db.select().from(bookings).where(eq(bookings.workshopId, workshopId));
  return rows.find((r) => r.personId === person)!;
};
const everyBooking = () => database.db.select({ id: bookings.id, workshopId: bookings.workshopId, personId: bookings.personId, state: bookings.state }).from(bookings).orderBy(bookings.id);
const auditActions = async () => (await database.db.select({ action: auditEvents.action }).from(auditEvents)).map((a) => a.action).filter((a) => a.startsWith('booking.') || a.startsWith('register.'));
/** Nothing of the other side's rows in what the form answers. */
const answersNothingOf = (answer: { values: unknown; errors: unknown }, ...words: string[]) => {
  const text = JSON.stringify(answer);
  for (const word of words) expect(text).not.toContain(word);
};

describe('moving a booking with someone else’s ids', () => {
  it('is not found for another organisation’s administrator, whose booking id or workshop it is not; nothing moves', async () => {
    const elin = await bookingOf('demo-learner', ours);
    const before = await everyBooking();
    const answer = await bookForForm(await ctx('demo-other-admin'), theirs, formPost({ intent: 'move', bookingId: elin.id, toWorkshopId: theirsLater }));
    expect(answer.status).toBe(404);
    answersNothingOf(answer, 'Elin', 'demo-learner');
    expect(await everyBooking()).toEqual(before);
  });

  it('is not found for a manager moving their own person to another organisation’s workshop, or another organisation’s booking to theirs', async () => {
    const elin = await bookingOf('demo-learner', ours);
    const carys = await bookingOf('demo-other-p01', theirs);
    const before = await everyBooking();
    expect((await bookForForm(await ctx('demo-manager'), ours, formPost({ intent: 'move', bookingId: elin.id, toWorkshopId: theirsLater }))).status).toBe(404);
    const foreign = await bookForForm(await ctx('demo-manager'), ours, formPost({ intent: 'move', bookingId: carys.id, toWorkshopId: oursLater }));
    expect(foreign.status).toBe(404);
    answersNothingOf(foreign, 'Carys', 'Eu gweithdy');
    expect(await everyBooking()).toEqual(before);
    expect(await auditActions()).toEqual([]);
  });

  it('is not found for the manager of another team', async () => {
    const elin = await bookingOf('demo-learner', ours);
    const before = await everyBooking();
    // Catrin manages the uplands team; Elin is in the assessment team.
    expect((await bookForForm(await ctx('demo-manager-2'), ours, formPost({ intent: 'move', bookingId: elin.id, toWorkshopId: oursLater }))).status).toBe(404);
    expect(await everyBooking()).toEqual(before);
  });
});

describe('booking for someone with someone else’s ids', () => {
  it('is not found on another organisation’s workshop, and refuses another organisation’s person; nothing booked', async () => {
    const before = await everyBooking();
    const onTheirs = await bookForForm(await ctx('demo-manager'), theirs, formPost({ intent: 'book-for', personId: 'demo-learner', requestKey: 'a' }));
    expect(onTheirs.status).toBe(404);
    answersNothingOf(onTheirs, 'Eu gweithdy');
    const theirPerson = await bookForForm(await ctx('demo-admin'), ours, formPost({ intent: 'book-for', personId: 'demo-other-p01', requestKey: 'b' }));
    expect(theirPerson.status).toBe(422);
    expect(theirPerson.errors.personId?.key).toBe('register.bookFor.errors.person');
    answersNothingOf(theirPerson, 'Carys');
    expect(await everyBooking()).toEqual(before);
    expect(await auditActions()).toEqual([]);
  });

  it('refuses a person of a team the manager does not manage', async () => {
    const before = await everyBooking();
    const answer = await bookForForm(await ctx('demo-manager-2'), ours, formPost({ intent: 'book-for', personId: 'demo-p01', requestKey: 'c' }));
    expect(answer.status).toBe(422);
    expect(await everyBooking()).toEqual(before);
  });
});

describe('the workshop edit form with someone else’s ids', () => {
  const posted = (overrides: Record<string, string> = {}) => {
    const { places, teamIds, facilitatorIds, ...rest } = workshopFields({ title: 'Wedi’i newid' });
    return formPost({ ...rest, places: String(places + 10), teamIds: [...teamIds], facilitatorIds: [...facilitatorIds], ...overrides });
  };
  const workshopRow = async (id: string) => (await database.db.select().from(workshops).where(eq(workshops.id, id)))[0]!;

  it('is not found for our administrator on another organisation’s workshop, for a save or a cancellation; nothing changes', async () => {
    const before = await workshopRow(theirs);
    const saved = await workshopForm(await ctx('demo-admin'), theirs, PROGRAMME_IDS, posted());
    expect(saved.status).toBe(404);
    const cancelled = await workshopForm(await ctx('demo-admin'), theirs, PROGRAMME_IDS, formPost({ intent: 'cancel' }));
    expect(cancelled.status).toBe(404);
    expect(await workshopRow(theirs)).toEqual(before);
    expect((await bookingOf('demo-other-p01', theirs)).state).toBe('booked');
  });

  it('is refused (403) to a manager who did not add the workshop, and not found for a practitioner of a team it is closed to', async () => {
    const closed = await addWorkshop(database.db, { teamIds: ['demo-team-uplands'] });
    const before = [await workshopRow(ours), await workshopRow(closed)];
    expect((await workshopForm(await ctx('demo-manager'), ours, PROGRAMME_IDS, posted())).status).toBe(403);
    expect((await workshopForm(await ctx('demo-manager'), ours, PROGRAMME_IDS, formPost({ intent: 'cancel' }))).status).toBe(403);
    expect((await workshopForm(await ctx('demo-learner'), closed, PROGRAMME_IDS, posted())).status).toBe(404);
    expect([await workshopRow(ours), await workshopRow(closed)]).toEqual(before);
  });
});

describe('the register form with someone else’s ids', () => {
  const marks = (person: string) => formPost({ revision: '0', row: [person], [`mark-${person}`]: 'attended' });
  const rows = () => database.db.select().from(registerRows);

  it('is not found for another organisation’s administrator on our register, nor for ours on theirs', async () => {
    const ourRegister = await registerForm(await ctx('demo-other-admin', AFTER), ours, marks('demo-learner'));
    expect(ourRegister.status).toBe(404);
    answersNothingOf(ourRegister, 'Elin');
    expect((await registerForm(await ctx('demo-admin', AFTER), theirs, marks('demo-other-p01'))).status).toBe(404);
    // A walk-in from another organisation is refused beside the field.
    const walkIn = await saveRegister(await scopeOf(database.db, 'demo-mentor', AFTER), ours, [], ['demo-other-p01'], 0, null);
    expect(walkIn).toEqual({ ok: false, error: 'invalid', errors: { walkIns: { key: 'register.errors.walkIn' } } });
    expect(await rows()).toEqual([]);
  });

  it('is refused (403) to a manager marking a person outside the teams they manage, and saves none of the rows', async () => {
    // Catrin manages the uplands team only; Elin is in the assessment team.
    const answer = await registerForm(await ctx('demo-manager-2', AFTER), ours, marks('demo-learner'));
    expect(answer.status).toBe(403);
    expect(await rows()).toEqual([]);
  });
});

describe('the reaction form with someone else’s ids', () => {
  const reaction = formPost({ usefulness: '5', relevance: '5', confidence: '5', comment: 'Da iawn' });

  it('is not found for a person of another organisation, and refused (403) to someone of ours who did not attend', async () => {
    const mark = await saveRegister(await scopeOf(database.db, 'demo-mentor', AFTER), ours, [{ personId: 'demo-learner', mark: 'attended', minutes: null }], [], 0, null);
    expect(mark).toEqual({ ok: true });
    const foreign = await reactionForm({ scope: await scopeOf(database.db, 'demo-other-p01', AFTER), locale: 'en' }, ours, reaction);
    expect(foreign.status).toBe(404);
    const absent = await reactionForm({ scope: await scopeOf(database.db, 'demo-p03', AFTER), locale: 'en' }, ours, reaction);
    expect(absent.status).toBe(403);
    const ourAdminOnTheirs = await reactionForm({ scope: await scopeOf(database.db, 'demo-admin', AFTER), locale: 'en' }, theirs, reaction);
    expect(ourAdminOnTheirs.status).toBe(404);
    expect(await database.db.select().from(workshopReactions)).toEqual([]);
  });
});
