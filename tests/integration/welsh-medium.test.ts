import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, moduleCompletions, registerRows, workshops } from '../../db/schema/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { auditWelshMediumExport, welshMediumCsv, welshMediumFigures } from '../../src/server/training/index.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';
import { T0 } from './training-support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
  // Start from the records each test writes, not the demo's.
  await database.db.delete(workshops);
  await database.db.delete(moduleCompletions);
});
afterEach(() => database.cleanup());

const scope = (personId: string) => scopeOf(database.db, personId, T0);
const PERIOD = { from: '2026-04-01', to: '2027-03-31' };

async function workshop(id: string, programmeId: string, date: string, language: 'cy' | 'en' | 'bilingual', attendees: readonly string[], cancelled = false) {
  const start = Date.parse(`${date}T09:30:00Z`);
  await database.db.insert(workshops).values({ id, organisationId: 'demo-org', programmeId, title: id, date, startAt: start, endAt: start + 3_600_000, venue: 'Caernarfon', deliveryLanguage: language, places: 20, bookingClosesOn: date, openToAll: true, createdBy: 'demo-admin', createdAt: T0, updatedAt: T0, cancelledAt: cancelled ? T0 : null });
  if (attendees.length) await database.db.insert(registerRows).values(attendees.map((personId, i) => ({ workshopId: id, personId, mark: i === 0 ? ('attended-part' as const) : ('attended' as const), markedAt: start })));
}

describe('the Welsh-medium share', () => {
  it('counts workshops by language, staff attending Welsh or bilingual workshops, the Welsh-medium share per programme and modules by language', async () => {
    const cyPeople = ['demo-p01', 'demo-p02', 'demo-p04', 'demo-p05', 'demo-p07', 'demo-p08'];
    const enPeople = ['demo-p03', 'demo-p06', 'demo-p09', 'demo-p12'];
    await workshop('ecp-cy', 'effective-child-protection', '2026-10-14', 'cy', cyPeople);
    await workshop('ecp-en', 'effective-child-protection', '2026-11-18', 'en', enPeople);
    await workshop('cc-bi', 'collaborative-conversations', '2027-02-10', 'bilingual', ['demo-p01', 'demo-p14']);
    // Outside the period, or cancelled: not counted.
    await workshop('old-cy', 'risk-model', '2026-03-31', 'cy', ['demo-p15']);
    await workshop('gone-en', 'risk-model', '2026-12-01', 'en', [], true);
    // Did not attend is not attendance.
    await database.db.insert(registerRows).values({ workshopId: 'ecp-cy', personId: 'demo-p10', mark: 'did-not-attend', markedAt: T0 });
    const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
    await database.db.insert(moduleCompletions).values([
      { personId: 'demo-p01', moduleId: 'ecp-four-components', moduleVersion: 1, programmeId: 'effective-child-protection', completedAt: at('2026-05-01'), locale: 'cy' },
      { personId: 'demo-p02', moduleId: 'ecp-four-components', moduleVersion: 1, programmeId: 'effective-child-protection', completedAt: at('2026-06-01'), locale: 'cy' },
      { personId: 'demo-p03', moduleId: 'ecp-four-components', moduleVersion: 1, programmeId: 'effective-child-protection', completedAt: at('2026-07-01'), locale: 'en' },
      { personId: 'demo-p04', moduleId: 'ecp-four-components', moduleVersion: 1, programmeId: 'effective-child-protection', completedAt: at('2026-04-02'), locale: null },
      // The day before the period starts, in London (BST): not counted.
      { personId: 'demo-p05', moduleId: 'ecp-four-components', moduleVersion: 1, programmeId: 'effective-child-protection', completedAt: Date.UTC(2026, 2, 31, 22, 30), locale: 'cy' },
      // Another organisation's completion: never counted.
      { personId: 'demo-other-p01', moduleId: 'ecp-four-components', moduleVersion: 1, programmeId: 'effective-child-protection', completedAt: at('2026-05-01'), locale: 'cy' },
    ]);

    const figures = await welshMediumFigures(await scope('demo-admin'), PERIOD);
    expect(figures).toEqual({
      period: PERIOD,
      workshopsByLanguage: { cy: 1, en: 1, bilingual: 1 },
      staffAttendingWelsh: 7,
      programmes: [{ programmeId: 'effective-child-protection', attendees: 10, welshMediumAttendees: 6, percentWelshMedium: 60 }],
      modulesCompleted: { cy: 2, en: 1, notRecorded: 1 },
    });

    const csv = welshMediumCsv(figures!, translator('cy'), (id) => (id === 'effective-child-protection' ? 'Amddiffyn Plant Effeithiol' : id));
    expect(csv.startsWith('\uFEFFAdran,Eitem,Gwerth\n')).toBe(true);
    expect(csv).toContain('Gweithdai yn ôl iaith y cyflwyno,Cymraeg,1');
    expect(csv).toContain('Amddiffyn Plant Effeithiol: cyfran yn Gymraeg (%),60');
    // Fewer than 5 modules: no percentage.
    expect(csv).toContain('Cymraeg (%),llai na 5');
  });

  it('shows no percentage below 5 attendees', async () => {
    await workshop('ecp-cy', 'effective-child-protection', '2026-10-14', 'cy', ['demo-p01', 'demo-p02']);
    await workshop('ecp-en', 'effective-child-protection', '2026-11-18', 'en', ['demo-p03']);
    const figures = await welshMediumFigures(await scope('demo-admin'), PERIOD);
    const csv = welshMediumCsv(figures!, translator('en'), (id) => id);
    expect(csv).toContain('effective-child-protection: share in Welsh (%),fewer than 5');
  });

  it('records the download in the audit log', async () => {
    await auditWelshMediumExport(await scope('demo-admin'), PERIOD, '127.0.0.1');
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'export.created'));
    expect(event!.detail).toEqual({ export: 'welsh-medium', from: PERIOD.from, to: PERIOD.to });
  });

  it('is for admins only: a manager, a learner and nobody of another organisation get figures', async () => {
    expect(await welshMediumFigures(await scope('demo-manager'), PERIOD)).toBeNull();
    expect(await welshMediumFigures(await scope('demo-learner'), PERIOD)).toBeNull();
    await workshop('ecp-cy', 'effective-child-protection', '2026-10-14', 'cy', ['demo-p01']);
    const other = await welshMediumFigures(await scope('demo-other-admin'), PERIOD);
    expect(other?.workshopsByLanguage).toEqual({ cy: 0, en: 0, bilingual: 0 });
  });
});
