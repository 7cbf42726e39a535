import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { mentorLinks, organisations, people, personRoles, teamMemberships, teams } from '../schema/index.ts';
import { DEMO_ORGANISATION_ID } from './demo.ts';

// Two more fictional demo councils that take part in the anonymous comparison of figures, with
// the main demo organisation, so the comparison shows on first start. Their staff are made up;
// their history is written by seedDemoHistory (src/server/evaluation) from the ids given here.

/** A demo council of the comparison: its rows, and who its history is about. */
export type DemoCouncil = {
  id: string;
  nameEn: string;
  nameCy: string;
  domain: string;
  teamEn: string;
  teamCy: string;
  adminId: string;
  mentorIds: readonly [string, string];
  staffIds: readonly string[];
  /** Mentee → mentor. */
  mentorOf: Readonly<Record<string, string>>;
  seed: number;
  venue: string;
};

const FIRST = ['Alaw', 'Bedwyr', 'Celyn', 'Dafydd', 'Eira', 'Ffraid', 'Garmon', 'Hedd', 'Iola', 'Llinos', 'Macsen', 'Nest', 'Owain', 'Pedr', 'Rhun', 'Siwan', 'Tudur', 'Wyn', 'Anest', 'Berwyn', 'Cadi'];
const LAST = ['Hughes', 'Owen', 'Jones', 'Roberts', 'Williams', 'Parry', 'Thomas', 'Evans', 'Griffith', 'Lewis', 'Pritchard', 'Morris'];
const STAFF = 18;

function council(id: string, nameEn: string, nameCy: string, domain: string, team: [string, string], seed: number, venue: string): DemoCouncil {
  const staffIds = Array.from({ length: STAFF }, (_, i) => `${id}-p${String(i + 1).padStart(2, '0')}`);
  const mentorIds = [`${id}-mentor-1`, `${id}-mentor-2`] as const;
  const mentorOf = Object.fromEntries(staffIds.filter((_, i) => i % 3 === 0).map((menteeId, m) => [menteeId, mentorIds[m % 2]!]));
  return { id, nameEn, nameCy, domain, teamEn: team[0], teamCy: team[1], adminId: `${id}-admin`, mentorIds, staffIds, mentorOf, seed, venue };
}

/** The two extra demo councils (fictional rows, marked “(demo)” in their names). */
export const DEMO_COUNCILS: readonly DemoCouncil[] = [
  council('demo-mon', 'Harbour Council (demo)', 'Cyngor yr Harbwr (demo)', 'harbour.camau.example', ['Children’s Services Team', 'Tîm Gwasanaethau Plant'], 2024, 'Swyddfa’r Cyngor, Porth yr Harbwr (demo)'),
  council('demo-conwy', 'Valley Council (demo)', 'Cyngor y Cwm (demo)', 'valley.camau.example', ['Safeguarding Team', 'Tîm Diogelu'], 3119, 'Swyddfa’r Cyngor, Pen y Cwm (demo)'),
];

/**
 * Adds the extra demo councils with their staff, all taking part in the comparison, and opts the
 * main demo organisation in too (first start only). `passwordHash` lets each council's admin
 * (admin@<domain>) sign in with the demo password.
 */
export async function seedDemoCouncils(db: Db, passwordHash: string, now: number): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [c, index] of DEMO_COUNCILS.map((c, i) => [c, i] as const)) {
      await tx.insert(organisations).values({ id: c.id, nameEn: c.nameEn, nameCy: c.nameCy, defaultLocale: 'cy', createdAt: now + 10 + index, kind: 'council', sharesFiguresSince: now });
      const teamId = `${c.id}-team`;
      await tx.insert(teams).values({ id: teamId, organisationId: c.id, nameEn: c.teamEn, nameCy: c.teamCy, createdAt: now });
      const everyone = [
        { id: c.adminId, name: `${FIRST[index]} ${LAST[index + 5]}`, email: `admin@${c.domain}`, roles: ['admin'] as const, hash: passwordHash },
        ...c.mentorIds.map((id, m) => ({ id, name: `${FIRST[index * 2 + m + 1]} ${LAST[(index + m + 2) % LAST.length]}`, email: `mentor${m + 1}@${c.domain}`, roles: ['mentor', 'learner'] as const, hash: null })),
        ...c.staffIds.map((id, i) => ({ id, name: `${FIRST[(i + index * 7) % FIRST.length]} ${LAST[(i * 5 + index) % LAST.length]}`, email: `staff${i + 1}@${c.domain}`, roles: ['learner'] as const, hash: null })),
      ];
      await tx.insert(people).values(everyone.map((p) => ({ id: p.id, organisationId: c.id, email: p.email, name: p.name, locale: 'cy' as const, status: 'active' as const, passwordHash: p.hash, createdAt: now, updatedAt: now })));
      await tx.insert(personRoles).values(everyone.flatMap((p) => p.roles.map((role) => ({ personId: p.id, role }))));
      await tx.insert(teamMemberships).values([...c.mentorIds, ...c.staffIds].map((personId) => ({ personId, teamId })));
      await tx.insert(mentorLinks).values(Object.entries(c.mentorOf).map(([menteeId, mentorId]) => ({ menteeId, mentorId, createdAt: now })));
    }
    await tx.update(organisations).set({ sharesFiguresSince: now }).where(eq(organisations.id, DEMO_ORGANISATION_ID));
  });
}
