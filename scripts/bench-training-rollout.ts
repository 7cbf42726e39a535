// Server time of the rollout page (phases, completion curves, confidence figures) and the Welsh-medium
// share for an authority of 5,000 staff, measured on the functions the pages call, in a fresh database
// file. `npm run bench` reports it; `npx node scripts/bench-training-rollout.ts` prints it alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import {
  confidenceRatings,
  moduleCompletions,
  needRules,
  organisations,
  people,
  personRoles,
  phaseTeams,
  registerRows,
  rolloutPhases,
  teamMemberships,
  teams,
  workshops,
} from '../db/schema/index.ts';
import { loadContent } from '../src/content/load.ts';
import { lastFinancialYear } from '../src/domain/training/index.ts';
import { londonDate, seededRandom } from '../src/domain/common/index.ts';
import { scopeFor, type Viewer } from '../src/server/people/index.ts';
import { confidenceFigures, rolloutView, welshMediumFigures } from '../src/server/training/index.ts';
import { timeRuns } from './bench-support.ts';

const STAFF = 5000;
const TEAMS = 50;
const DAY = 86_400_000;

async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export type RolloutBench = { staff: number; rollout: { median: number; p95: number }; welshMedium: { median: number; p95: number }; completions: number };

/** Builds 5,000 staff in 50 teams and 5 phases with their completions, ratings and workshops, then times the two pages' figures (9 runs each). */
export async function rolloutAtScale(dir: string): Promise<RolloutBench> {
  const { db, client } = await openDatabase(`file:${join(dir, 'rollout-scale.db')}`);
  await migrateDatabase(db);
  const now = Date.now();
  const today = londonDate(now);
  const content = loadContent(resolve('content'));
  const programmes = content.programmes.map((p) => ({ id: p.id, moduleIds: p.modules, statementIds: p.confidence.map((s) => s.id) }));
  const rnd = seededRandom(16);
  const org = 'scale';
  await db.insert(organisations).values({ id: org, nameEn: 'Scale', nameCy: 'Graddfa', defaultLocale: 'cy', createdAt: now });
  const teamIds = Array.from({ length: TEAMS }, (_, i) => `t${i}`);
  await db.insert(teams).values(teamIds.map((id) => ({ id, organisationId: org, nameEn: `Team ${id}`, nameCy: `Tîm ${id}`, createdAt: now })));
  const ids = Array.from({ length: STAFF }, (_, i) => `s${i}`);
  await insertAll(ids, (chunk) => db.insert(people).values(chunk.map((id) => ({ id, organisationId: org, email: `${id}@scale.example`, name: id, locale: 'cy' as const, status: 'active' as const, createdAt: now, updatedAt: now }))));
  await insertAll(ids, (chunk) => db.insert(personRoles).values(chunk.map((id) => ({ personId: id, role: 'learner' as const }))));
  await insertAll(ids, (chunk) => db.insert(teamMemberships).values(chunk.map((id) => ({ personId: id, teamId: teamIds[Number(id.slice(1)) % TEAMS]! }))));
  await db.insert(needRules).values([
    { id: 'r-ecp', organisationId: org, programmeId: 'effective-child-protection', need: 'required' as const, updatedAt: now },
    ...teamIds.filter((_, i) => i % 2 === 0).map((teamId) => ({ id: `r-rm-${teamId}`, organisationId: org, programmeId: 'risk-model', teamId, need: 'required' as const, updatedAt: now })),
  ]);
  for (let phase = 0; phase < 5; phase++) {
    const id = `phase-${phase}`;
    await db.insert(rolloutPhases).values({ id, organisationId: org, name: `Phase ${phase + 1}`, startsOn: londonDate(now - (300 - phase * 60) * DAY), endsOn: londonDate(now + (phase * 60 - 60) * DAY), targetPercent: 80, createdAt: now, updatedAt: now });
    await db.insert(phaseTeams).values(teamIds.slice(phase * 10, phase * 10 + 10).map((teamId) => ({ phaseId: id, teamId })));
  }
  const completions: (typeof moduleCompletions.$inferInsert)[] = [];
  const ratings: (typeof confidenceRatings.$inferInsert)[] = [];
  for (const personId of ids) {
    for (const programme of programmes.slice(0, 3)) {
      const done = Math.floor(rnd() * (programme.moduleIds.length + 1));
      programme.moduleIds.slice(0, done).forEach((moduleId) => {
        completions.push({ personId, moduleId, moduleVersion: 1, programmeId: programme.id, completedAt: now - Math.floor(rnd() * 400) * DAY, locale: rnd() < 0.1 ? null : rnd() < 0.4 ? 'cy' : 'en' });
      });
      if (done === programme.moduleIds.length && rnd() < 0.6) {
        for (const statementId of programme.statementIds) {
          const before = 1 + Math.floor(rnd() * 6);
          ratings.push({ personId, programmeId: programme.id, statementId, moment: 'before', rating: before, organisationId: org, ratedAt: now });
          ratings.push({ personId, programmeId: programme.id, statementId, moment: 'after', rating: Math.min(10, before + Math.floor(rnd() * 4)), organisationId: org, ratedAt: now });
        }
      }
    }
  }
  await insertAll(completions, (chunk) => db.insert(moduleCompletions).values(chunk));
  await insertAll(ratings, (chunk) => db.insert(confidenceRatings).values(chunk));
  const year = lastFinancialYear(today);
  const workshopRows = Array.from({ length: 200 }, (_, i) => {
    const date = londonDate(Date.parse(`${year.from}T12:00:00Z`) + Math.floor(rnd() * 360) * DAY);
    const start = Date.parse(`${date}T09:30:00Z`);
    return { id: `w${i}`, organisationId: org, programmeId: programmes[i % programmes.length]!.id, title: `W ${i}`, date, startAt: start, endAt: start + 3 * 3_600_000, venue: 'Caernarfon', deliveryLanguage: (['cy', 'en', 'bilingual'] as const)[i % 3]!, places: 20, bookingClosesOn: date, createdAt: now, updatedAt: now };
  });
  await insertAll(workshopRows, (chunk) => db.insert(workshops).values(chunk));
  const register = workshopRows.flatMap((w, i) => Array.from({ length: 20 }, (_, k) => ({ workshopId: w.id, personId: ids[(i * 20 + k) % STAFF]!, mark: rnd() < 0.9 ? ('attended' as const) : ('did-not-attend' as const), markedAt: now })));
  await insertAll(register, (chunk) => db.insert(registerRows).values(chunk));

  const viewer = { id: 's0', organisationId: org, roles: ['admin'], teamIds: [], managedTeamIds: [], menteeIds: [], locale: 'en' } as unknown as Viewer;
  const time = (run: () => Promise<unknown>) => timeRuns(run);
  const scope = scopeFor(db, viewer, new Date(now));
  const phases = await rolloutView(scope, programmes);
  if (phases.length !== 5 || phases.every((p) => p.completed === 0)) throw new Error('expected rollout figures');
  const rollout = await time(() => Promise.all([rolloutView(scope, programmes), confidenceFigures(scope, programmes)]));
  const welshMedium = await time(() => welshMediumFigures(scope, year));
  client.close();
  return { staff: STAFF, rollout, welshMedium, completions: completions.length };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('scripts/bench-training-rollout.ts')) {
  const dir = mkdtempSync(join(tmpdir(), 'camau-bench-rollout-'));
  try {
    const result = await rolloutAtScale(dir);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
