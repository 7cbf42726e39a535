import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, cpdEntries, registerRows } from '../../db/schema/index.ts';
import { book, cancelBooking, registerFor, registerForm, saveRegister, trainingHome, walkInCandidates, type TrainingFormContext } from '../../src/server/training/index.ts';
import { scopeOf } from '../support/scope.ts';
import { formPost, freshDatabase, PUBLIC_URL, quietMailer } from './support.ts';
import { addWorkshop, T0 } from './training-support.ts';

// The workshop runs on Saturday 20 March 2027, 09:30–12:30 (180 minutes); the register is marked that afternoon.
const AFTER = Date.UTC(2027, 2, 20, 14, 0);

let database: Awaited<ReturnType<typeof freshDatabase>>;
let workshopId: string;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
  workshopId = await addWorkshop(database.db, { facilitatorIds: ['demo-mentor'] });
  // Elin (assessment team), Gethin (coastal team, managed by Rhodri too) and Osian (uplands team) book.
  for (const person of ['demo-learner', 'demo-p07', 'demo-p14']) {
    const booked = await book(await scopeOf(database.db, person, T0), workshopId, { requestKey: `key-${person}` }, null);
    expect(booked.ok).toBe(true);
  }
});
afterEach(() => database.cleanup());

const scope = (person: string, at = AFTER) => scopeOf(database.db, person, at);
const cpdOf = (person: string) => database.db.select().from(cpdEntries).where(and(eq(cpdEntries.personId, person), eq(cpdEntries.kind, 'workshop')));
async function revision(person = 'demo-mentor') {
  return (await registerFor(await scope(person), workshopId))!.revision;
}

describe('the attendance register', () => {
  it('lets a facilitator mark everyone booked, and records the workshop’s CPD minutes for those who attended', async () => {
    const view = await registerFor(await scope('demo-mentor'), workshopId);
    expect(view?.whole).toBe(true);
    expect(view?.lengthMinutes).toBe(180);
    expect(view?.rows.map((r) => r.personId).sort()).toEqual(['demo-learner', 'demo-p07', 'demo-p14']);

    const saved = await saveRegister(
      await scope('demo-mentor'),
      workshopId,
      [
        { personId: 'demo-learner', mark: 'attended', minutes: null },
        { personId: 'demo-p07', mark: 'attended-part', minutes: 90 },
        { personId: 'demo-p14', mark: 'did-not-attend', minutes: null },
      ],
      [],
      view!.revision,
      '127.0.0.1',
    );
    expect(saved).toEqual({ ok: true });
    expect((await cpdOf('demo-learner')).map((e) => [e.minutes, e.sourceId, e.titleEn])).toEqual([[180, workshopId, 'Gweithdy amddiffyn plant']]);
    expect((await cpdOf('demo-p07')).map((e) => e.minutes)).toEqual([90]);
    expect(await cpdOf('demo-p14')).toEqual([]);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'register.saved'))).toHaveLength(1);

    // The Training page then lists the workshop under the past workshops each attendee attended.
    const attendedBy = async (person: string) => (await trainingHome(await scope(person))).attended.map((w) => [w.id, w.mark]);
    expect(await attendedBy('demo-learner')).toEqual([[workshopId, 'attended']]);
    expect(await attendedBy('demo-p07')).toEqual([[workshopId, 'attended-part']]);
    expect(await attendedBy('demo-p14')).toEqual([]);
  });

  it('corrects the CPD entry when a mark is corrected, never adding a second', async () => {
    const mark = async (mark: string, minutes: number | null) => {
      const saved = await saveRegister(await scope('demo-mentor'), workshopId, [{ personId: 'demo-learner', mark, minutes }], [], await revision(), null);
      expect(saved).toEqual({ ok: true });
      return (await cpdOf('demo-learner')).map((e) => e.minutes);
    };
    expect(await mark('attended', null)).toEqual([180]);
    expect(await mark('attended-part', 60)).toEqual([60]);
    expect(await mark('did-not-attend', null)).toEqual([]);
    expect(await mark('attended', null)).toEqual([180]);
    expect(await mark('attended', null)).toEqual([180]);
  });

  it('answers a save over someone else’s with 409, keeping what was typed, and writes nothing', async () => {
    const stale = await revision();
    await saveRegister(await scope('demo-admin'), workshopId, [{ personId: 'demo-learner', mark: 'attended', minutes: null }], [], stale, null);
    const ctx: TrainingFormContext = { scope: await scope('demo-mentor'), locale: 'cy', ip: null, mailer: quietMailer, publicUrl: PUBLIC_URL };
    const answer = await registerForm(ctx, workshopId, formPost({ revision: String(stale), row: ['demo-learner'], 'mark-demo-learner': 'did-not-attend' }));
    expect(answer.status).toBe(409);
    expect(answer.errors._form?.key).toBe('register.conflict');
    expect(answer.values['mark-demo-learner']).toBe('did-not-attend');
    const [row] = await database.db.select().from(registerRows).where(eq(registerRows.personId, 'demo-learner'));
    expect(row?.mark).toBe('attended');
    expect((await cpdOf('demo-learner')).map((e) => e.minutes)).toEqual([180]);
  });

  it('shows a mistake beside the row: attended part needs minutes within the workshop’s length', async () => {
    const ctx: TrainingFormContext = { scope: await scope('demo-mentor'), locale: 'en', ip: null, mailer: quietMailer, publicUrl: PUBLIC_URL };
    const answer = await registerForm(ctx, workshopId, formPost({ revision: '0', row: ['demo-learner', 'demo-p07'], 'mark-demo-learner': 'attended', 'mark-demo-p07': 'attended-part', 'minutes-demo-p07': '240' }));
    expect(answer.status).toBe(422);
    expect(answer.errors).toEqual({ 'minutes-demo-p07': { key: 'register.errors.minutes' } });
    expect(await database.db.select().from(registerRows)).toHaveLength(0);
  });

  it('lets a manager see and mark only the rows of people in teams they manage', async () => {
    // Rhodri manages the assessment and coastal teams, not the uplands team.
    const view = await registerFor(await scope('demo-manager'), workshopId);
    expect(view?.whole).toBe(false);
    expect(view?.rows.map((r) => r.personId).sort()).toEqual(['demo-learner', 'demo-p07']);
    const own = await saveRegister(await scope('demo-manager'), workshopId, [{ personId: 'demo-p07', mark: 'attended', minutes: null }], [], view!.revision, null);
    expect(own).toEqual({ ok: true });
    const other = await saveRegister(await scope('demo-manager'), workshopId, [{ personId: 'demo-p14', mark: 'attended', minutes: null }], [], await revision(), null);
    expect(other).toMatchObject({ ok: false, error: 'not-allowed' });
    const walkIn = await saveRegister(await scope('demo-manager'), workshopId, [], ['demo-p01'], await revision(), null);
    expect(walkIn).toMatchObject({ ok: false, error: 'invalid' });
    expect(await cpdOf('demo-p14')).toEqual([]);
    expect(await cpdOf('demo-p01')).toEqual([]);
  });

  it('is not there for a learner, nor for another organisation', async () => {
    expect(await registerFor(await scope('demo-learner'), workshopId)).toBeNull();
    expect(await registerFor(await scope('demo-other-admin'), workshopId)).toBeNull();
    const tried = await saveRegister(await scope('demo-learner'), workshopId, [{ personId: 'demo-learner', mark: 'attended', minutes: null }], [], 0, null);
    expect(tried).toMatchObject({ ok: false, error: 'not-found' });
    expect(await cpdOf('demo-learner')).toEqual([]);
  });

  it('adds walk-ins a facilitator finds by name, marked as attending', async () => {
    const found = await walkInCandidates(await scope('demo-mentor'), workshopId, 'aled');
    expect(found).toEqual([{ id: 'demo-p01', name: 'Aled Roberts' }]);
    // Someone already on the register is not offered again.
    expect(await walkInCandidates(await scope('demo-mentor'), workshopId, 'Elin')).toEqual([]);
    const saved = await saveRegister(await scope('demo-mentor'), workshopId, [], ['demo-p01'], 0, null);
    expect(saved).toEqual({ ok: true });
    const view = await registerFor(await scope('demo-mentor'), workshopId);
    expect(view?.rows.find((r) => r.personId === 'demo-p01')).toMatchObject({ walkIn: true, mark: 'attended', booking: null });
    expect((await cpdOf('demo-p01')).map((e) => e.minutes)).toEqual([180]);
  });

  it('cannot be marked before the day of the workshop', async () => {
    const before = Date.UTC(2027, 2, 19, 12);
    expect((await registerFor(await scope('demo-mentor', before), workshopId))?.open).toBe(false);
    const saved = await saveRegister(await scope('demo-mentor', before), workshopId, [{ personId: 'demo-learner', mark: 'attended', minutes: null }], [], 0, null);
    expect(saved).toMatchObject({ ok: false, error: 'closed' });
  });
});

describe('people who cancelled late', () => {
  // Booking closes at the end of Monday 15 March 2027.
  const BEFORE_CLOSE = Date.UTC(2027, 2, 10, 12);
  const AFTER_CLOSE = Date.UTC(2027, 2, 17, 12);

  it('lists someone who cancelled online after booking closed, so they can be marked Cancelled late', async () => {
    expect((await cancelBooking(await scope('demo-p14', AFTER_CLOSE), workshopId)).ok).toBe(true);
    const view = await registerFor(await scope('demo-mentor'), workshopId);
    expect(view?.rows.find((r) => r.personId === 'demo-p14')).toMatchObject({ booking: 'cancelled-late', mark: null, walkIn: false });

    const saved = await saveRegister(await scope('demo-mentor'), workshopId, [{ personId: 'demo-p14', mark: 'cancelled-late', minutes: null }], [], view!.revision, null);
    expect(saved).toEqual({ ok: true });
    const after = await registerFor(await scope('demo-mentor'), workshopId);
    expect(after?.rows.find((r) => r.personId === 'demo-p14')).toMatchObject({ booking: 'cancelled-late', mark: 'cancelled-late' });
    expect(await cpdOf('demo-p14')).toEqual([]);
  });

  it('does not list someone who cancelled while booking was open: their place went to the waiting list', async () => {
    expect((await cancelBooking(await scope('demo-p07', BEFORE_CLOSE), workshopId)).ok).toBe(true);
    const view = await registerFor(await scope('demo-mentor'), workshopId);
    expect(view?.rows.map((r) => r.personId).sort()).toEqual(['demo-learner', 'demo-p14']);
    const tried = await saveRegister(await scope('demo-mentor'), workshopId, [{ personId: 'demo-p07', mark: 'cancelled-late', minutes: null }], [], view!.revision, null);
    expect(tried).toMatchObject({ ok: false, error: 'not-allowed' });
  });

  it('shows a manager the late cancellations of their own teams only', async () => {
    for (const person of ['demo-p07', 'demo-p14']) expect((await cancelBooking(await scope(person, AFTER_CLOSE), workshopId)).ok).toBe(true);
    const view = await registerFor(await scope('demo-manager'), workshopId);
    expect(view?.rows.map((r) => [r.personId, r.booking])).toEqual([['demo-learner', 'booked'], ['demo-p07', 'cancelled-late']]);
  });
});

describe('the walk-in search on the register', () => {
  const ctx = async (): Promise<TrainingFormContext> => ({ scope: await scope('demo-mentor'), locale: 'cy', ip: null, mailer: quietMailer, publicUrl: PUBLIC_URL });

  it('is a button of the save form: searching keeps every mark typed and saves nothing', async () => {
    const answer = await registerForm(
      await ctx(),
      workshopId,
      formPost({ intent: 'search', q: 'aled', revision: '0', row: ['demo-learner', 'demo-p07'], 'mark-demo-learner': 'attended', 'mark-demo-p07': 'attended-part', 'minutes-demo-p07': '45' }),
    );
    expect(answer.status).toBe(200);
    expect(answer.redirect).toBeNull();
    expect(answer.errors).toEqual({});
    expect(answer.values).toMatchObject({ q: 'aled', 'mark-demo-learner': 'attended', 'mark-demo-p07': 'attended-part', 'minutes-demo-p07': '45' });
    expect(await database.db.select().from(registerRows)).toEqual([]);
  });

  it('is run again on the saved register when Enter saved the form with a search typed', async () => {
    const answer = await registerForm(await ctx(), workshopId, formPost({ q: 'aled', revision: '0', row: ['demo-learner'], 'mark-demo-learner': 'attended' }));
    expect(answer.redirect).toBe(`/cy/training/workshops/${workshopId}/register?done=saved&q=aled`);
    expect((await database.db.select().from(registerRows)).map((r) => r.personId)).toEqual(['demo-learner']);
  });
});

describe('walk-ins ticked before another search', () => {
  it('stay offered, ticked people first, and the new search finds others', async () => {
    const found = await walkInCandidates(await scope('demo-mentor'), workshopId, 'Bethan', ['demo-p01']);
    expect(found).toEqual([{ id: 'demo-p01', name: 'Aled Roberts' }, { id: 'demo-p02', name: 'Bethan Owen' }]);
    // Someone on the register, or of another organisation, is never offered however they got into the form.
    expect(await walkInCandidates(await scope('demo-mentor'), workshopId, '', ['demo-learner', 'demo-other-p01'])).toEqual([]);
  });
});
