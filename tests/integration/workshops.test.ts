import { eq, inArray, notLike } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, workshops } from '../../db/schema/index.ts';
import {
  book,
  bookingForm,
  cancelWorkshop,
  saveWorkshop,
  trainingHome,
  workshopForEdit,
  workshopForm,
  workshopIcs,
  workshopView,
  type TrainingFormContext,
} from '../../src/server/training/index.ts';
import { scopeOf } from '../support/scope.ts';
import { formPost, freshDatabase, PUBLIC_URL, quietMailer } from './support.ts';
import { addPractitioners, addWorkshop, PROGRAMME_IDS, T0, workshopFields } from './training-support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

async function context(personId: string, locale: 'cy' | 'en' = 'en'): Promise<TrainingFormContext> {
  return { scope: await scopeOf(database.db, personId, T0), locale, ip: '127.0.0.1', mailer: quietMailer, publicUrl: PUBLIC_URL };
}

/** The workshop form as the browser posts it. */
function posted(overrides: Record<string, string | string[]> = {}) {
  const { places, teamIds, facilitatorIds, ...rest } = workshopFields();
  return formPost({ ...rest, places: String(places), teamIds: [...teamIds], facilitatorIds: [...facilitatorIds], ...overrides });
}

describe('adding a workshop', () => {
  it('saves a workshop an admin adds, with its facilitators and teams, and records it in the audit log', async () => {
    const answer = await workshopForm(await context('demo-admin'), null, PROGRAMME_IDS, posted({ facilitatorIds: ['demo-mentor'], teamIds: ['demo-team-assessment', 'demo-team-coast'] }));
    expect(answer.status).toBe(303);
    const id = /workshops\/([^?]+)\?done=saved/.exec(answer.redirect!)![1]!;
    const saved = await workshopForEdit(await scopeOf(database.db, 'demo-admin', T0), id);
    expect(saved?.fields).toMatchObject({ title: 'Gweithdy amddiffyn plant', startsAt: '09:30', endsAt: '12:30', places: 5, facilitatorIds: ['demo-mentor'] });
    expect([...saved!.fields.teamIds].sort()).toEqual(['demo-team-assessment', 'demo-team-coast']);
    const [row] = await database.db.select().from(workshops).where(eq(workshops.id, id));
    // 09:30 in London on 20 March 2027 is 09:30 UTC (before the clocks change).
    expect(row!.startAt).toBe(Date.UTC(2027, 2, 20, 9, 30));
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'workshop.added'));
    expect(audit).toHaveLength(1);
  });

  it('lets a manager add a workshop', async () => {
    const answer = await workshopForm(await context('demo-manager'), null, PROGRAMME_IDS, posted());
    expect(answer.status).toBe(303);
  });

  it('shows each mistake beside its field with 422 and saves nothing', async () => {
    const answer = await workshopForm(
      await context('demo-admin', 'cy'),
      null,
      PROGRAMME_IDS,
      posted({ programmeId: 'a-fixed-list-programme', date: '2027-02-01', startsAt: '14:00', endsAt: '13:00', places: '0', venue: '', onlineLink: '', language: 'fr' }),
    );
    expect(answer.status).toBe(422);
    expect(Object.fromEntries(Object.entries(answer.errors).map(([field, error]) => [field, error.key]))).toEqual({
      programmeId: 'training.errors.programme',
      date: 'training.errors.datePast',
      endsAt: 'training.errors.endBeforeStart',
      places: 'training.errors.places',
      venue: 'training.errors.place',
      language: 'training.errors.language',
      bookingClosesOn: 'training.errors.closesAfterDate',
    });
    expect(answer.values.title).toBe('Gweithdy amddiffyn plant');
    expect(await database.db.select().from(workshops).where(notLike(workshops.id, 'demo-%'))).toHaveLength(0);
  });

  it('refuses fewer places than people already booked, naming how many', async () => {
    const ids = await addPractitioners(database.db, 3);
    const id = await addWorkshop(database.db, { places: 5 });
    for (const person of ids) await book(await scopeOf(database.db, person, T0), id, { requestKey: person }, null);
    const answer = await workshopForm(await context('demo-admin'), id, PROGRAMME_IDS, posted({ places: '2' }));
    expect(answer.status).toBe(422);
    expect(answer.errors.places).toEqual({ key: 'training.errors.placesBelowBooked', params: { count: 3 } });
    const [row] = await database.db.select().from(workshops).where(eq(workshops.id, id));
    expect(row!.places).toBe(5);
  });

  it('refuses a practitioner: the form answers 403 and nothing is saved', async () => {
    const answer = await workshopForm(await context('demo-learner'), null, PROGRAMME_IDS, posted());
    expect(answer.status).toBe(403);
    expect(await saveWorkshop(await scopeOf(database.db, 'demo-learner', T0), null, workshopFields(), { programmeIds: PROGRAMME_IDS, ip: null })).toEqual({ ok: false, error: 'not-allowed' });
    expect(await database.db.select().from(workshops).where(notLike(workshops.id, 'demo-%'))).toHaveLength(0);
  });

  it('does not let a practitioner change or cancel a workshop', async () => {
    const id = await addWorkshop(database.db);
    const learner = await scopeOf(database.db, 'demo-learner', T0);
    expect(await workshopForEdit(learner, id)).toBeNull();
    expect(await cancelWorkshop(learner, id, null)).toEqual({ ok: false, error: 'not-allowed' });
    expect((await workshopForm(await context('demo-learner'), id, PROGRAMME_IDS, posted({ places: '50' }))).status).toBe(403);
  });
});

describe('who sees a workshop', () => {
  it('answers another organisation’s workshop id as if there were none', async () => {
    const otherAdmin = await scopeOf(database.db, 'demo-other-admin', T0);
    const saved = await saveWorkshop(otherAdmin, null, workshopFields(), { programmeIds: PROGRAMME_IDS, ip: null });
    if (!saved.ok) throw new Error('not saved');
    const id = saved.value.id;
    for (const personId of ['demo-learner', 'demo-admin']) {
      const scope = await scopeOf(database.db, personId, T0);
      expect(await workshopView(scope, id)).toBeNull();
      expect(await workshopIcs(scope, id, PUBLIC_URL)).toBeNull();
      expect(await book(scope, id, { requestKey: 'x' }, null)).toEqual({ ok: false, error: 'not-found' });
      expect((await bookingForm(await context(personId), id, formPost({ intent: 'book', requestKey: 'y' }))).status).toBe(404);
      expect(await workshopForEdit(scope, id)).toBeNull();
      expect(await cancelWorkshop(scope, id, null)).toEqual({ ok: false, error: 'not-found' });
    }
  });

  it('answers a workshop closed to other teams as if there were none, for a practitioner outside them', async () => {
    const id = await addWorkshop(database.db, { teamIds: ['demo-team-uplands'] });
    const outsider = await scopeOf(database.db, 'demo-learner', T0); // Assessment team
    expect(await workshopView(outsider, id)).toBeNull();
    expect(await book(outsider, id, { requestKey: 'x' }, null)).toEqual({ ok: false, error: 'not-found' });
    expect((await bookingForm(await context('demo-learner'), id, formPost({ intent: 'book', requestKey: 'y' }))).status).toBe(404);
    expect((await trainingHome(outsider)).upcoming.map((w) => w.id)).not.toContain(id);

    const member = await scopeOf(database.db, 'demo-p14', T0); // Uplands team
    expect((await workshopView(member, id))?.may.book).toBe(true);
    expect((await trainingHome(member)).upcoming.map((w) => w.id)).toContain(id);
  });

  it('lists the viewer’s own places on the training page, with their number on the waiting list', async () => {
    const ids = await addPractitioners(database.db, 1);
    const id = await addWorkshop(database.db, { places: 1 });
    await book(await scopeOf(database.db, ids[0]!, T0), id, { requestKey: 'a' }, null);
    const learner = await scopeOf(database.db, 'demo-learner', T0);
    await book(learner, id, { requestKey: 'b' }, null);
    const home = await trainingHome(learner);
    expect(home.mine).toEqual([expect.objectContaining({ id, state: 'waiting', position: 1, placesLeft: 0 })]);
  });

  it('lists the workshops of programmes the viewer needs first, each group in date order', async () => {
    const later = await addWorkshop(database.db, { programmeId: 'risk-model', date: '2027-03-25', bookingClosesOn: '2027-03-24' });
    const sooner = await addWorkshop(database.db, { programmeId: 'collaborative-conversations', date: '2027-03-22', bookingClosesOn: '2027-03-21' });
    const soonest = await addWorkshop(database.db, { programmeId: 'collaborative-conversations', date: '2027-03-21', bookingClosesOn: '2027-03-20' });
    const learner = await scopeOf(database.db, 'demo-learner', T0);
    const order = (home: Awaited<ReturnType<typeof trainingHome>>) => home.upcoming.map((w) => w.id).filter((id) => [later, sooner, soonest].includes(id));
    expect(order(await trainingHome(learner))).toEqual([soonest, sooner, later]);
    expect(order(await trainingHome(learner, new Set(['risk-model'])))).toEqual([later, soonest, sooner]);
  });

  it('serves the calendar file of a workshop the viewer may see', async () => {
    const id = await addWorkshop(database.db);
    const ics = await workshopIcs(await scopeOf(database.db, 'demo-learner', T0), id, PUBLIC_URL);
    expect(ics).toContain(`UID:workshop-${id}@camau.test`);
    expect(ics).toContain('METHOD:REQUEST');
  });
});

describe('the audit log of a workshop', () => {
  it('records a change by the admin who made it, naming the workshop and the fields changed', async () => {
    const id = await addWorkshop(database.db);
    const answer = await workshopForm(await context('demo-admin'), id, PROGRAMME_IDS, posted({ startsAt: '10:00', venue: 'Swyddfa Dolgellau' }));
    expect(answer.status).toBe(303);
    const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'workshop.changed'));
    expect(rows.map((r) => ({ organisationId: r.organisationId, actorId: r.actorId, ip: r.ip, at: r.at }))).toEqual([{ organisationId: 'demo-org', actorId: 'demo-admin', ip: '127.0.0.1', at: T0 }]);
    expect(rows[0]!.detail).toEqual({ workshopId: id, fields: ['startAt', 'venue'] });
  });

  it('records a cancellation by the admin who made it, naming the workshop and how many people it ended', async () => {
    const id = await addWorkshop(database.db);
    await book(await scopeOf(database.db, 'demo-learner', T0), id, { requestKey: 'a' }, null);
    const answer = await workshopForm(await context('demo-admin'), id, PROGRAMME_IDS, formPost({ intent: 'cancel' }));
    expect(answer.status).toBe(303);
    const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'workshop.cancelled'));
    expect(rows.map((r) => ({ organisationId: r.organisationId, actorId: r.actorId, ip: r.ip, detail: r.detail }))).toEqual([
      { organisationId: 'demo-org', actorId: 'demo-admin', ip: '127.0.0.1', detail: { workshopId: id, people: 1 } },
    ]);
  });

  it('records nothing when a change or cancellation is refused', async () => {
    const id = await addWorkshop(database.db);
    expect((await workshopForm(await context('demo-learner'), id, PROGRAMME_IDS, posted({ startsAt: '10:00' }))).status).toBe(403);
    expect((await workshopForm(await context('demo-learner'), id, PROGRAMME_IDS, formPost({ intent: 'cancel' }))).status).toBe(403);
    const rows = await database.db.select().from(auditEvents).where(inArray(auditEvents.action, ['workshop.changed', 'workshop.cancelled']));
    expect(rows).toEqual([]);
  });
});
