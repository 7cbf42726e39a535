import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { cpdEntries } from '../../db/schema/index.ts';
import { setAttendedCpd, type AttendedActivity } from '../../src/server/cpd/record-cpd.ts';
import { freshDatabase } from './support.ts';

const T0 = Date.UTC(2031, 2, 3, 9, 0);
let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const workshop: AttendedActivity = {
  personId: 'demo-learner',
  kind: 'workshop',
  sourceId: 'workshop-1',
  activityId: 'workshop-1',
  programmeId: 'risk-model',
  title: { en: 'Risk Model workshop', cy: 'Gweithdy’r Model Risg' },
  completedAt: T0,
};
const set = (entry: AttendedActivity, minutes: number | null) => database.db.transaction((tx) => setAttendedCpd(tx, entry, minutes));
const entries = () => database.db.select().from(cpdEntries).where(and(eq(cpdEntries.personId, 'demo-learner'), eq(cpdEntries.sourceId, 'workshop-1')));

describe('attended time in the CPD record', () => {
  it('is recorded as the register says, corrected when the register is, and removed when they did not attend', async () => {
    await set(workshop, 90);
    expect((await entries()).map((e) => [e.kind, e.minutes, e.organisationId])).toEqual([['workshop', 90, 'demo-org']]);

    await set(workshop, 45);
    expect((await entries()).map((e) => e.minutes)).toEqual([45]);

    await set(workshop, null);
    expect(await entries()).toEqual([]);
  });

  it('keeps what the person wrote about it when the time is corrected', async () => {
    await set(workshop, 90);
    await database.db.update(cpdEntries).set({ contribution: 'Fe helpodd fi i wahanu tebygolrwydd oddi wrth lefel y niwed.', discussedWith: 'manager', discussedOn: '2031-03-05' }).where(eq(cpdEntries.sourceId, 'workshop-1'));

    await set(workshop, 60);

    expect(await entries()).toMatchObject([{ minutes: 60, contribution: 'Fe helpodd fi i wahanu tebygolrwydd oddi wrth lefel y niwed.', discussedWith: 'manager', discussedOn: '2031-03-05' }]);
  });

  it('fills "discussed with" from a mentoring session and corrects it with the session', async () => {
    const session: AttendedActivity = { ...workshop, kind: 'mentoring', sourceId: 'session-1', activityId: 'session-1', programmeId: null, discussedWith: 'mentor', discussedOn: '2031-03-03' };
    await set(session, 60);
    await set({ ...session, discussedOn: '2031-03-04' }, 50);
    const rows = await database.db.select().from(cpdEntries).where(eq(cpdEntries.sourceId, 'session-1'));
    expect(rows.map((r) => [r.kind, r.minutes, r.discussedWith, r.discussedOn])).toEqual([['mentoring', 50, 'mentor', '2031-03-04']]);
  });
});
