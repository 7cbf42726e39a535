// The training needs analysis at scale (server time, figures only): part of `npm run bench`, and
// runnable alone (`npx node scripts/bench-tna.ts`) to refresh just these figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { confidenceRatings, moduleCompletions, needRules, organisations, people, personRoles, phaseTeams, registerRows, rolloutPhases, teamMemberships, teams, workshops } from '../db/schema/index.ts';
import { loadContent } from '../src/content/load.ts';
import { percentile, seededRandom } from '../src/domain/common/index.ts';
import { scopeFor, type Viewer } from '../src/server/people/index.ts';
import { confidenceFigures, tnaMatrix } from '../src/server/training/index.ts';
import { prependBenchSection } from './bench-support.ts';

export type TnaScale = { manager: { median: number; p95: number; people: number }; admin: { median: number; p95: number; people: number } };

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/**
 * 5,000 staff in 50 teams of 100, 4 programmes with rules, about half the modules done, a
 * workshop register and confidence ratings; times the needs analysis page's figures (all its
 * queries and the join in memory) for a manager of 3 teams (300 people) and for an admin.
 */
export async function tnaAtScale(dir: string): Promise<TnaScale> {
  const { db, client } = await openDatabase(`file:${join(dir, 'tna-scale.db')}`);
  await migrateDatabase(db);
  const now = Date.now();
  const programmes = loadContent(resolve('content')).programmes.map((p) => ({ id: p.id, title: p.title, modules: p.modules }));
  const rnd = seededRandom(16);
  const teamIds = Array.from({ length: 50 }, (_, i) => `t${i}`);
  await db.transaction(async (tx) => {
    await tx.insert(organisations).values({ id: 'scale', nameEn: 'Scale', nameCy: 'Graddfa', defaultLocale: 'cy', createdAt: now });
    await tx.insert(teams).values(teamIds.map((id, i) => ({ id, organisationId: 'scale', nameEn: `Team ${i}`, nameCy: `Tîm ${i}`, createdAt: now })));
    await tx.insert(rolloutPhases).values({ id: 'ph', organisationId: 'scale', name: 'Pilot', startsOn: '2026-01-01', endsOn: '2026-06-30', targetPercent: 80, createdAt: now, updatedAt: now });
    await tx.insert(phaseTeams).values(teamIds.slice(0, 10).map((teamId) => ({ phaseId: 'ph', teamId })));
    await tx.insert(needRules).values([
      ...programmes.map((p, i) => ({ id: `r${i}`, organisationId: 'scale', programmeId: p.id, need: i % 2 ? ('recommended' as const) : ('required' as const), workshopRequired: i === 0, updatedAt: now })),
      { id: 'rt', organisationId: 'scale', programmeId: programmes[1]!.id, teamId: 't1', need: 'required' as const, updatedAt: now },
    ]);
    await tx.insert(workshops).values(programmes.map((p, i) => ({ id: `w${i}`, organisationId: 'scale', programmeId: p.id, title: `W ${i}`, date: '2026-03-01', startAt: now, endAt: now + 3_600_000, deliveryLanguage: 'cy' as const, places: 5000, bookingClosesOn: '2026-02-20', openToAll: true, createdAt: now, updatedAt: now })));
    for (let p = 0; p < 5000; p += 250) {
      const ids = Array.from({ length: 250 }, (_, i) => `s${p + i}`);
      await tx.insert(people).values(ids.map((id) => ({ id, organisationId: 'scale', email: `${id}@scale.example`, name: `S ${id}`, locale: 'cy' as const, status: 'active' as const, createdAt: now, updatedAt: now })));
      await tx.insert(personRoles).values(ids.map((personId) => ({ personId, role: 'learner' as const })));
      await tx.insert(teamMemberships).values(ids.map((personId, i) => ({ personId, teamId: teamIds[Math.floor((p + i) / 100)]! })));
      const done = ids.flatMap((personId) => programmes.flatMap((prog) => prog.modules.filter(() => rnd() < 0.5).map((moduleId) => ({ personId, moduleId, moduleVersion: 1, programmeId: prog.id, completedAt: now }))));
      for (let i = 0; i < done.length; i += 500) await tx.insert(moduleCompletions).values(done.slice(i, i + 500));
      await tx.insert(registerRows).values(ids.filter(() => rnd() < 0.4).map((personId) => ({ workshopId: 'w0', personId, mark: 'attended' as const, markedAt: now })));
      const ratings = ids.filter(() => rnd() < 0.6).flatMap((personId) => ['a', 'b', 'c'].flatMap((statementId) => (['before', 'after'] as const).map((moment) => ({ personId, programmeId: programmes[0]!.id, statementId, moment, rating: 1 + Math.floor(rnd() * 10), organisationId: 'scale', ratedAt: now }))));
      for (let i = 0; i < ratings.length; i += 500) await tx.insert(confidenceRatings).values(ratings.slice(i, i + 500));
    }
  });
  const time = async (viewer: Viewer) => {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 9; i++) {
      const start = performance.now();
      // What the Training needs page loads: the matrix and the confidence figures beside it.
      const scope = scopeFor(db, viewer);
      const [view] = await Promise.all([tnaMatrix(scope, programmes, {}), confidenceFigures(scope, programmes.map((p) => ({ id: p.id, statementIds: ['a', 'b', 'c'] })))]);
      times.push(performance.now() - start);
      rows = view?.total ?? 0;
    }
    return { median: percentile(times, 50), p95: percentile(times, 95), people: rows };
  };
  const base = { organisationId: 'scale', teamIds: [], menteeIds: [] };
  const manager = await time({ ...base, id: 's0', roles: ['manager'], managedTeamIds: ['t0', 't1', 't2'] } as unknown as Viewer);
  const admin = await time({ ...base, id: 's1', roles: ['admin'], managedTeamIds: [] } as unknown as Viewer);
  client.close();
  return { manager, admin };
}

/** The benchmark table's rows for the needs analysis. */
export function tnaRowsMarkdown(scale: TnaScale): string[] {
  return [
    `| training needs page data (matrix and confidence figures), manager of ${scale.manager.people} people: median / p95 of 9 runs | ${fmt(scale.manager.median)} / ${fmt(scale.manager.p95)} | < 300 ms (reported) |`,
    `| training needs page data, admin of ${scale.admin.people} people (summaries over all, one page of 100 rows): median / p95 of 9 runs | ${fmt(scale.admin.median)} / ${fmt(scale.admin.p95)} | < 300 ms (reported) |`,
  ];
}

// Alone: measure and add a dated section to docs/benchmarks.md.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(join(tmpdir(), 'camau-bench-tna-'));
  try {
    const scale = await tnaAtScale(dir);
    const section = [`## Training needs analysis (${new Date().toISOString().slice(0, 10)})`, '', `Command: \`npx node scripts/bench-tna.ts\` (also part of \`npm run bench\`). 5,000 staff in 50 teams, 4 programmes, about half the modules done, a workshop register and confidence ratings; server time of the page\'s figures, no HTTP. Machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end of the run.`, '', '| measure | figure | target |', '|---|---|---|', ...tnaRowsMarkdown(scale), ''].join('\n');
    prependBenchSection(section);
    console.log(section);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
