// Figures for the mentor's overview and a mentee's progress section (issue #14), used by scripts/bench.ts.
import { join } from 'node:path';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import {
  agreedActions,
  assignments,
  cpdEntries,
  mentoringSessions,
  mentorLinks,
  moduleCompletions,
  organisations,
  people,
  personRoles,
  sectionVisits,
  simulationAttempts,
  thresholdAttempts,
} from '../db/schema/index.ts';
import type { LoadedContent } from '../src/content/load.ts';
import { timeRuns, type Timing } from './bench-support.ts';
import { cpdMinutesThisYearOf } from '../src/server/cpd/index.ts';
import { learningProgressOf, type ProgrammeOutline } from '../src/server/learning/index.ts';
import { assignmentTimelinessOf, mentorOverview, sessionsProgressOf, type ContentCatalogue } from '../src/server/mentoring/index.ts';
import { loadViewer, scopeFor } from '../src/server/people/index.ts';
import { finishedAttemptsOf } from '../src/server/simulations/index.ts';
import { panelAgreementOverTime } from '../src/server/thresholds/index.ts';

const DAY = 86_400_000;
const MENTEES = 40;

/** One warm-up run, then `timeRuns`. */
async function timed(runs: number, work: () => Promise<unknown>): Promise<Timing> {
  await work();
  return timeRuns(work, runs);
}

/**
 * Server time (queries + figures, in process) of the overview for a mentor of 40 mentees and of
 * one mentee's progress section, each mentee with a year's worth of activity, in a fresh file.
 */
export async function mentoringAtScale(dir: string, content: LoadedContent): Promise<{ mentees: number; overview: { median: number; p95: number }; progress: { median: number; p95: number } }> {
  const { db, client } = await openDatabase(`file:${join(dir, 'mentoring.db')}`);
  await migrateDatabase(db);
  const now = Date.now();
  const org = 'mscale';
  const catalogue: ContentCatalogue = [
    ...content.programmes.map((p) => ({ kind: 'programme' as const, id: p.id, title: p.title, moduleIds: p.modules })),
    ...content.modules.map((m) => ({ kind: 'module' as const, id: m.id, title: m.title, programmeId: m.programme })),
  ];
  const outline: ProgrammeOutline = content.programmes.map((p) => ({ id: p.id, title: p.title, modules: p.modules.map((id) => ({ id, title: content.modules.find((m) => m.id === id)?.title ?? { en: id, cy: id } })) }));
  const panel = new Map(content.vignettes.map((v) => [v.id, v.panel.decision.answer]));
  const moduleIds = content.modules.map((m) => m.id);
  await db.insert(organisations).values({ id: org, nameEn: 'Scale', nameCy: 'Graddfa', defaultLocale: 'cy', createdAt: now });
  const ids = ['mentor', ...Array.from({ length: MENTEES }, (_, i) => `m${i}`)];
  await db.insert(people).values(ids.map((id) => ({ id, organisationId: org, email: `${id}@mscale.example`, name: `Person ${id}`, locale: 'cy' as const, status: 'active' as const, createdAt: now, updatedAt: now })));
  await db.insert(personRoles).values([{ personId: 'mentor', role: 'mentor' as const }, ...ids.slice(1).map((personId) => ({ personId, role: 'learner' as const }))]);
  await db.insert(mentorLinks).values(ids.slice(1).map((menteeId) => ({ menteeId, mentorId: 'mentor', createdAt: now - 365 * DAY })));
  await db.transaction(async (tx) => {
    for (const [n, personId] of ids.slice(1).entries()) {
      const ago = (days: number) => now - days * DAY;
      await tx.insert(sectionVisits).values(moduleIds.slice(0, 8).flatMap((moduleId, i) => ['a', 'b', 'c'].map((sectionId) => ({ personId, organisationId: org, moduleId, sectionId, firstVisitedAt: ago(300 - i * 30), lastVisitedAt: ago(290 - i * 30 - n % 5) }))));
      await tx.insert(moduleCompletions).values(moduleIds.slice(0, 5).map((moduleId, i) => ({ personId, moduleId, moduleVersion: 1, programmeId: 'p', completedAt: ago(280 - i * 30) })));
      await tx.insert(assignments).values(moduleIds.slice(0, 6).map((activityId, i) => ({ id: `as-${personId}-${i}`, organisationId: org, menteeId: personId, assignedBy: 'mentor', ownerId: 'mentor', activityKind: 'module' as const, activityId, dueDate: new Date(ago(270 - i * 40)).toISOString().slice(0, 10), requestKey: `as-${personId}-${i}`, createdAt: ago(320), updatedAt: ago(320) })));
      await tx.insert(simulationAttempts).values(Array.from({ length: 12 }, (_, i) => ({ id: `sim-${personId}-${i}`, personId, organisationId: org, kind: 'conversation' as const, scenarioId: content.conversations[i % content.conversations.length]!.id, scenarioVersion: 1, snapshot: {}, status: 'complete' as const, outcome: 'change-named', result: { kind: 'conversation', counts: { questions: 5, simpleReflections: 3 + (i % 3), complexReflections: 1 + (i % 4), miAdherent: 2, miNonAdherent: 1 } }, startedAt: ago(360 - i * 28), updatedAt: ago(360 - i * 28), completedAt: ago(360 - i * 28) })));
      await tx.insert(thresholdAttempts).values(content.vignettes.map((v, i) => ({ id: `th-${personId}-${i}`, personId, organisationId: org, vignetteId: v.id, vignetteVersion: 1, snapshot: {}, revision: 4, status: 'complete' as const, decision: i % 3 ? v.panel.decision.answer : 'no-further-action', startedAt: ago(350 - i * 14), completedAt: ago(350 - i * 14) })));
      await tx.insert(cpdEntries).values(Array.from({ length: 24 }, (_, i) => ({ id: `cpd-${personId}-${i}`, personId, organisationId: org, kind: 'external' as const, sourceId: `cpd-${personId}-${i}`, titleEn: 'Course', titleCy: 'Cwrs', minutes: 60, completedAt: ago(i * 15) })));
      await tx.insert(mentoringSessions).values(Array.from({ length: 10 }, (_, i) => ({ id: `s-${personId}-${i}`, organisationId: org, authorId: 'mentor', kind: 'one-to-one' as const, menteeId: personId, date: new Date(ago(300 - i * 30)).toISOString().slice(0, 10), startsAt: '10:00', durationMinutes: 60, format: 'video' as const, focus: [], state: 'recorded' as const, requestKey: `s-${personId}-${i}`, createdAt: ago(300), updatedAt: ago(300) })));
      await tx.insert(agreedActions).values(Array.from({ length: 20 }, (_, i) => ({ id: `a-${personId}-${i}`, organisationId: org, sessionId: `s-${personId}-${Math.floor(i / 2)}`, position: i % 2, text: 'Action', ownerId: personId, dueDate: new Date(ago(290 - i * 15)).toISOString().slice(0, 10), state: i > 17 ? ('open' as const) : ('done' as const), updatedAt: ago(10) })));
    }
  });
  const viewer = (await loadViewer(db, 'mentor'))!;
  const scope = () => scopeFor(db, viewer);
  const overview = await timed(9, async () => {
    const rows = await mentorOverview(scope(), { catalogue, outline, panel });
    if (rows.length !== MENTEES) throw new Error(`expected ${MENTEES} rows, got ${rows.length}`);
  });
  const progress = await timed(9, () =>
    Promise.all([
      learningProgressOf(scope(), 'm7', outline),
      assignmentTimelinessOf(scope(), 'm7', catalogue),
      finishedAttemptsOf(scope(), 'm7'),
      panelAgreementOverTime(scope(), 'm7', panel),
      sessionsProgressOf(scope(), 'm7'),
      cpdMinutesThisYearOf(scope(), 'm7'),
    ]),
  );
  client.close();
  return { mentees: MENTEES, overview, progress };
}
