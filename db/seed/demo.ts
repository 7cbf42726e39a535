import { count } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { mentorLinks, organisations, people, personRoles, teamManagers, teamMemberships, teams } from '../schema/index.ts';
import type { Role } from '../../src/domain/people/index.ts';
import { seedDemoNeeds } from './demo-needs.ts';
import { seedDemoOperator } from './demo-operator.ts';
export { seedDemoMentoring } from './demo-mentoring.ts';
export { seedDemoRollout } from './demo-rollout.ts';
export { seedDemoIndicators } from './demo-indicators.ts';

export const DEMO_PASSWORD = 'camau-demo-2026';
export const DEMO_ORGANISATION_ID = 'demo-org';
export const OTHER_ORGANISATION_ID = 'demo-other-org';

/** The four demo sign-ins, one per role, printed at start-up and named in the README. */
export const DEMO_SIGN_INS: readonly { email: string; role: Role }[] = [
  { email: 'learner@camau.example', role: 'learner' },
  { email: 'mentor@camau.example', role: 'mentor' },
  { email: 'manager@camau.example', role: 'manager' },
  { email: 'admin@camau.example', role: 'admin' },
];

type DemoPerson = {
  id: string;
  name: string;
  email: string;
  locale: 'cy' | 'en';
  roles: Role[];
  teams: string[];
  manages?: string[];
  mentor?: string;
  status?: 'active' | 'invited' | 'deactivated';
};

const TEAMS = [
  { id: 'demo-team-assessment', nameEn: 'Assessment and Safeguarding Team', nameCy: 'Tîm Asesu a Diogelu' },
  { id: 'demo-team-coast', nameEn: 'Coastal Children and Families Team', nameCy: 'Tîm Plant a Theuluoedd yr Arfordir' },
  { id: 'demo-team-uplands', nameEn: 'Uplands Children and Families Team', nameCy: 'Tîm Plant a Theuluoedd yr Ucheldir' },
];
const [A, C, U] = TEAMS.map((t) => t.id) as [string, string, string];

// Fictional staff. The first four are the demo sign-ins.
const PEOPLE: DemoPerson[] = [
  { id: 'demo-learner', name: 'Elin Hughes', email: 'learner@camau.example', locale: 'cy', roles: ['learner'], teams: [A], mentor: 'demo-mentor' },
  { id: 'demo-mentor', name: 'Gwenno Parry', email: 'mentor@camau.example', locale: 'en', roles: ['mentor', 'learner'], teams: [A] },
  { id: 'demo-manager', name: 'Rhodri Evans', email: 'manager@camau.example', locale: 'cy', roles: ['manager', 'learner'], teams: [A], manages: [A, C] },
  { id: 'demo-admin', name: 'Sioned Williams', email: 'admin@camau.example', locale: 'en', roles: ['admin'], teams: [] },
  { id: 'demo-mentor-2', name: 'Iwan Jones', email: 'iwan.jones@camau.example', locale: 'cy', roles: ['mentor', 'learner'], teams: [U] },
  { id: 'demo-manager-2', name: 'Catrin Lloyd', email: 'catrin.lloyd@camau.example', locale: 'cy', roles: ['manager'], teams: [U], manages: [U] },
  { id: 'demo-p01', name: 'Aled Roberts', email: 'aled.roberts@camau.example', locale: 'cy', roles: ['learner'], teams: [A], mentor: 'demo-mentor' },
  { id: 'demo-p02', name: 'Bethan Owen', email: 'bethan.owen@camau.example', locale: 'cy', roles: ['learner'], teams: [A], mentor: 'demo-mentor' },
  { id: 'demo-p03', name: 'Cai Pritchard', email: 'cai.pritchard@camau.example', locale: 'en', roles: ['learner'], teams: [A] },
  { id: 'demo-p04', name: 'Delyth Morgan', email: 'delyth.morgan@camau.example', locale: 'cy', roles: ['learner'], teams: [A], mentor: 'demo-mentor' },
  { id: 'demo-p05', name: 'Emyr Griffiths', email: 'emyr.griffiths@camau.example', locale: 'cy', roles: ['learner'], teams: [A] },
  { id: 'demo-p06', name: 'Ffion Davies', email: 'ffion.davies@camau.example', locale: 'en', roles: ['learner'], teams: [A, C] },
  { id: 'demo-p07', name: 'Gethin Thomas', email: 'gethin.thomas@camau.example', locale: 'cy', roles: ['learner'], teams: [C], mentor: 'demo-mentor' },
  { id: 'demo-p08', name: 'Heledd Rowlands', email: 'heledd.rowlands@camau.example', locale: 'cy', roles: ['learner'], teams: [C], mentor: 'demo-mentor' },
  { id: 'demo-p09', name: 'Ieuan Williams', email: 'ieuan.williams@camau.example', locale: 'en', roles: ['learner'], teams: [C] },
  { id: 'demo-p10', name: 'Jac Edwards', email: 'jac.edwards@camau.example', locale: 'cy', roles: ['learner'], teams: [C] },
  { id: 'demo-p11', name: 'Lowri Jenkins', email: 'lowri.jenkins@camau.example', locale: 'cy', roles: ['learner'], teams: [C], mentor: 'demo-mentor-2' },
  { id: 'demo-p12', name: 'Manon Price', email: 'manon.price@camau.example', locale: 'en', roles: ['learner'], teams: [C] },
  { id: 'demo-p13', name: 'Nia Humphreys', email: 'nia.humphreys@camau.example', locale: 'cy', roles: ['learner'], teams: [C], mentor: 'demo-mentor-2' },
  { id: 'demo-p14', name: 'Osian Wyn', email: 'osian.wyn@camau.example', locale: 'cy', roles: ['learner'], teams: [U], mentor: 'demo-mentor-2' },
  { id: 'demo-p15', name: 'Peredur Ellis', email: 'peredur.ellis@camau.example', locale: 'cy', roles: ['learner'], teams: [U] },
  { id: 'demo-p16', name: 'Rhian Parry', email: 'rhian.parry@camau.example', locale: 'en', roles: ['learner'], teams: [U], mentor: 'demo-mentor-2' },
  { id: 'demo-p17', name: 'Sion Hughes', email: 'sion.hughes@camau.example', locale: 'cy', roles: ['learner'], teams: [U] },
  { id: 'demo-p18', name: 'Tegan Lewis', email: 'tegan.lewis@camau.example', locale: 'en', roles: ['learner'], teams: [U] },
  { id: 'demo-p19', name: 'Tomos Vaughan', email: 'tomos.vaughan@camau.example', locale: 'cy', roles: ['learner'], teams: [U], mentor: 'demo-mentor-2' },
  { id: 'demo-p20', name: 'Llio Bowen', email: 'llio.bowen@camau.example', locale: 'cy', roles: ['learner'], teams: [A] },
  { id: 'demo-p21', name: 'Dylan Morris', email: 'dylan.morris@camau.example', locale: 'en', roles: ['learner'], teams: [C] },
  { id: 'demo-p22', name: 'Mali Rees', email: 'mali.rees@camau.example', locale: 'cy', roles: ['learner'], teams: [U] },
  { id: 'demo-p23', name: 'Gruffudd Pugh', email: 'gruffudd.pugh@camau.example', locale: 'cy', roles: ['learner'], teams: [A], status: 'invited' },
  { id: 'demo-p24', name: 'Awen Tudor', email: 'awen.tudor@camau.example', locale: 'cy', roles: ['learner'], teams: [C], status: 'deactivated' },
];

// A second, separate organisation: nobody in the first may ever see these people.
const OTHER_TEAM = { id: 'demo-other-team', nameEn: 'Duty Team', nameCy: 'Tîm Dyletswydd' };
const OTHER_PEOPLE: DemoPerson[] = [
  { id: 'demo-other-admin', name: 'Morgan Bevan', email: 'admin@arall.example', locale: 'en', roles: ['admin'], teams: [] },
  { id: 'demo-other-p01', name: 'Carys Meredith', email: 'carys.meredith@arall.example', locale: 'cy', roles: ['learner'], teams: [OTHER_TEAM.id] },
];

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) === 0;
}

/**
 * Seeds the fictional demo organisations in one transaction. `passwordHash` is the hash of
 * DEMO_PASSWORD, computed by the caller (db/ does not depend on the application's auth code).
 */
export async function seedDemo(db: Db, passwordHash: string, now = Date.now()): Promise<{ people: number }> {
  await db.transaction(async (tx) => {
    await tx.insert(organisations).values([
      { id: DEMO_ORGANISATION_ID, nameEn: 'Example Council', nameCy: 'Cyngor Enghreifftiol', defaultLocale: 'cy', createdAt: now },
      { id: OTHER_ORGANISATION_ID, nameEn: 'Another Council', nameCy: 'Cyngor Arall', defaultLocale: 'en', createdAt: now + 1 },
    ]);
    await tx.insert(teams).values([
      ...TEAMS.map((t) => ({ ...t, organisationId: DEMO_ORGANISATION_ID, createdAt: now })),
      { ...OTHER_TEAM, organisationId: OTHER_ORGANISATION_ID, createdAt: now },
    ]);
    const all = [...PEOPLE.map((p) => ({ p, org: DEMO_ORGANISATION_ID })), ...OTHER_PEOPLE.map((p) => ({ p, org: OTHER_ORGANISATION_ID }))];
    await tx.insert(people).values(
      all.map(({ p, org }) => ({
        id: p.id,
        organisationId: org,
        email: p.email,
        name: p.name,
        locale: p.locale,
        status: p.status ?? 'active',
        passwordHash: p.status === 'invited' ? null : passwordHash,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await tx.insert(personRoles).values(all.flatMap(({ p }) => p.roles.map((role) => ({ personId: p.id, role }))));
    await tx.insert(teamMemberships).values(all.flatMap(({ p }) => p.teams.map((teamId) => ({ personId: p.id, teamId }))));
    await tx.insert(teamManagers).values(all.flatMap(({ p }) => (p.manages ?? []).map((teamId) => ({ personId: p.id, teamId }))));
    await tx.insert(mentorLinks).values(all.filter(({ p }) => p.mentor).map(({ p }) => ({ menteeId: p.id, mentorId: p.mentor!, createdAt: now })));
    await seedDemoNeeds(tx, now);
    await seedDemoOperator(tx, passwordHash, now);
  });
  return { people: PEOPLE.length + OTHER_PEOPLE.length };
}
