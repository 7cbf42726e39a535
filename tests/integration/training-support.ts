import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema/index.ts';
import { saveWorkshop, type WorkshopFields } from '../../src/server/training/index.ts';
import { scopeOf } from '../support/scope.ts';

/** 2027-03-01 10:00 in London: the tests' "now". */
export const T0 = Date.UTC(2027, 2, 1, 10, 0);
export const PROGRAMME_IDS = ['effective-child-protection', 'collaborative-conversations', 'risk-model', 'practice-mentoring'] as const;

/** A workshop form as an admin fills it in, changed by `overrides`. */
export function workshopFields(overrides: Partial<WorkshopFields> = {}): WorkshopFields {
  return {
    programmeId: 'effective-child-protection',
    title: 'Gweithdy amddiffyn plant',
    date: '2027-03-20',
    startsAt: '09:30',
    endsAt: '12:30',
    venue: 'Swyddfa Caernarfon',
    onlineLink: '',
    language: 'bilingual',
    places: 5,
    bookingClosesOn: '2027-03-15',
    teamIds: [],
    facilitatorIds: [],
    ...overrides,
  };
}

/** Adds a workshop as the demo organisation's administrator and answers its id. */
export async function addWorkshop(db: Db, overrides: Partial<WorkshopFields> = {}, now = T0): Promise<string> {
  const saved = await saveWorkshop(await scopeOf(db, 'demo-admin', now), null, workshopFields(overrides), { programmeIds: PROGRAMME_IDS, ip: '127.0.0.1' });
  if (!saved.ok) throw new Error(`workshop not saved: ${JSON.stringify(saved)}`);
  return saved.value.id;
}

/** `n` more active practitioners in the demo organisation (ids bk-01 …), for crowds of bookers. */
export async function addPractitioners(db: Db, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `bk-${String(i + 1).padStart(2, '0')}`);
  await db.insert(people).values(
    ids.map((id, i) => ({ id, organisationId: 'demo-org', email: `${id}@camau.example`, name: `Ymarferydd ${i + 1}`, locale: i % 2 ? ('en' as const) : ('cy' as const), status: 'active' as const, createdAt: T0, updatedAt: T0 })),
  );
  return ids;
}
