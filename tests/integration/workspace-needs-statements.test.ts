import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countStatements } from '../../db/statement-count.ts';
import { seedDemoMentoring } from '../../db/seed/demo.ts';
import { assignments, bookings, confidenceRatings, mentorLinks, moduleCompletions, people, personRoles, phaseTeams, practiceTasks, registerRows, rolloutPhases, submissions } from '../../db/schema/index.ts';
import { loadContent } from '../../src/content/load.ts';
import { assignmentsOwnedBy, mentoringWorkspace, moderationByRubric, queueCount, RECENT_CLOSED } from '../../src/server/mentoring/index.ts';
import type { ContentCatalogue } from '../../src/server/mentoring/activity-catalogue.ts';
import { confidenceFigures, tnaMatrix, type TnaProgramme } from '../../src/server/training/index.ts';
import { fixtureCatalogue } from '../fixtures/catalogue.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';
import { addWorkshop, T0 } from './training-support.ts';

// The statements each page's own readers send (the request's session and viewer are counted elsewhere).
let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

/** Runs `work` and answers its result with the number of SQL statements it sent. */
async function counted<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const { result, tally } = countStatements(work);
  const value = await result;
  return { result: value, statements: tally.statements };
}

// Monday 7 December 2026, 10:00 in London: the demo mentoring's dates are relative to it.
const NOW = Date.UTC(2026, 11, 7, 10);
const catalogue: ContentCatalogue = [...fixtureCatalogue, { kind: 'module', id: 'rm-decision', title: { en: 'The decision', cy: 'Y penderfyniad' }, programmeId: 'risk-model' }];
const DAY = 86_400_000;
const dayOf = (offset: number) => new Date(NOW + offset * DAY).toISOString().slice(0, 10);

/** A mentor of three mentees with three open practice tasks and `past` reviewed ones, each due a day earlier than the last. */
async function mentorWithHistory(past: number): Promise<void> {
  const mentees = ['hist-mentee-1', 'hist-mentee-2', 'hist-mentee-3'];
  const db = database.db;
  await db.insert(people).values(['hist-mentor', ...mentees].map((id) => ({ id, organisationId: 'demo-org', email: `${id}@camau.example`, name: id, locale: 'en' as const, status: 'active' as const, createdAt: NOW - 400 * DAY, updatedAt: NOW })));
  await db.insert(personRoles).values([{ personId: 'hist-mentor', role: 'mentor' as const }, ...mentees.map((personId) => ({ personId, role: 'learner' as const }))]);
  await db.insert(mentorLinks).values(mentees.map((menteeId) => ({ menteeId, mentorId: 'hist-mentor', createdAt: NOW - 400 * DAY })));
  await db.insert(practiceTasks).values({ id: 'hist-task', organisationId: 'demo-org', authorId: 'hist-mentor', title: 'Write it up', instructions: 'In your own words.', locale: 'en', createdAt: NOW - 400 * DAY });
  const all = Array.from({ length: past + 3 }, (_, i) => i);
  await db.insert(assignments).values(all.map((i) => ({
    id: `hist-a${i}`, organisationId: 'demo-org', menteeId: mentees[i % 3]!, assignedBy: 'hist-mentor', ownerId: 'hist-mentor', activityKind: 'task' as const, activityId: 'hist-task',
    dueDate: i < past ? dayOf(-10 - i) : dayOf(10 + i), note: null, askReview: true, requestKey: `hist-${i}`, createdAt: NOW - (i < past ? 20 + i : 1) * DAY, updatedAt: NOW - DAY,
  })));
  const reviewed = all.filter((i) => i < past);
  if (reviewed.length) {
    await db.insert(submissions).values(reviewed.map((i) => ({
      id: `hist-s${i}`, organisationId: 'demo-org', assignmentId: `hist-a${i}`, menteeId: mentees[i % 3]!, version: 1, workKind: 'task' as const, workId: `hist-a${i}`,
      state: 'feedback-released' as const, reviewerId: 'hist-mentor', rubricId: 'reflective-practice', submittedAt: NOW - (15 + i) * DAY, releasedAt: NOW - (14 + i) * DAY,
    })));
  }
}

describe('the mentor workspace’s statements', () => {
  it('reads the demo mentor’s workspace in five statements, listing the same work as the full list', async () => {
    await seedDemoMentoring(database.db, NOW);
    const scope = await scopeOf(database.db, 'demo-mentor', NOW);
    const { result, statements } = await counted(() => Promise.all([mentoringWorkspace(scope, catalogue), queueCount(scope), moderationByRubric(scope)]));
    expect(statements).toBe(5);
    const [workspace, waiting] = result;
    // The demo's history is short: the home lists all of it, exactly as the full list reads it.
    expect(workspace.assignments).toEqual(await assignmentsOwnedBy(scope, {}, catalogue));
    expect(workspace.earlier).toBe(0);
    expect(new Set(workspace.assignments.map((a) => a.status))).toEqual(new Set(['not-started', 'in-progress', 'done', 'submitted', 'feedback-ready', 'overdue', 'withdrawn']));
    expect(workspace.mentees.length).toBeGreaterThanOrEqual(5);
    expect(waiting).toBe(2);
  });

  it('with a long history, lists the open work and only the latest finished work, still in five statements', async () => {
    const past = RECENT_CLOSED + 30;
    await mentorWithHistory(past);
    const scope = await scopeOf(database.db, 'hist-mentor', NOW);
    const { result, statements } = await counted(() => Promise.all([mentoringWorkspace(scope, catalogue), queueCount(scope), moderationByRubric(scope)]));
    expect(statements).toBe(5);
    const [workspace] = result;
    const open = ['hist-a' + past, 'hist-a' + (past + 1), 'hist-a' + (past + 2)];
    // The most recently due reviewed work: the lowest numbers, due latest.
    const latest = Array.from({ length: RECENT_CLOSED }, (_, i) => `hist-a${i}`);
    expect(workspace.assignments.map((a) => a.id).sort()).toEqual([...open, ...latest].sort());
    expect(workspace.earlier).toBe(30);
    // Each listed row is the one the full list reads (status, title, progress), in the same order.
    const full = await assignmentsOwnedBy(scope, {}, catalogue);
    const listed = new Set(workspace.assignments.map((a) => a.id));
    expect(workspace.assignments).toEqual(full.filter((a) => listed.has(a.id)));
    expect(workspace.assignments.filter((a) => open.includes(a.id)).map((a) => a.status)).toEqual(['not-started', 'not-started', 'not-started']);
    expect(workspace.assignments.filter((a) => latest.includes(a.id)).every((a) => a.status === 'feedback-ready')).toBe(true);
  });
});

describe('the training needs page’s statements', () => {
  const content = loadContent(resolve('content'));
  const programmes: TnaProgramme[] = content.programmes.map((p) => ({ id: p.id, title: p.title, modules: p.modules }));
  const outlines = content.programmes.map((p) => ({ id: p.id, statementIds: p.confidence.map((s) => s.id) }));
  const RM = 'risk-model';

  it('reads a manager’s needs analysis and confidence figures in five statements, from real records', async () => {
    const db = database.db;
    const rm = programmes.find((p) => p.id === RM)!.modules;
    const statement = outlines.find((p) => p.id === RM)!.statementIds[0]!;
    await db.insert(moduleCompletions).values(rm.map((moduleId) => ({ personId: 'demo-p01', moduleId, moduleVersion: 1, programmeId: RM, completedAt: T0 - 1000, locale: 'cy' as const })));
    const workshopId = await addWorkshop(db, { programmeId: RM, date: '2027-02-10', bookingClosesOn: '2027-02-05' }, Date.UTC(2027, 0, 10));
    await db.insert(registerRows).values({ workshopId, personId: 'demo-p01', mark: 'attended', markedBy: 'demo-admin', markedAt: T0 });
    const later = await addWorkshop(db, { programmeId: RM, date: '2027-04-10', bookingClosesOn: '2027-04-05' }, T0);
    await db.insert(bookings).values({ id: 'b1', organisationId: 'demo-org', workshopId: later, personId: 'demo-p02', state: 'booked', seat: 1, seq: 1, bookedBy: 'demo-p02', queuedAt: T0, bookedAt: T0, updatedAt: T0 });
    await db.insert(rolloutPhases).values({ id: 'ph', organisationId: 'demo-org', name: 'Pilot', startsOn: '2027-01-01', endsOn: '2027-02-28', targetPercent: 80, createdAt: T0, updatedAt: T0 });
    await db.insert(phaseTeams).values({ phaseId: 'ph', teamId: 'demo-team-assessment' });
    await db.insert(confidenceRatings).values([
      { personId: 'demo-p01', programmeId: RM, statementId: statement, moment: 'before', rating: 3, organisationId: 'demo-org', ratedAt: T0 },
      { personId: 'demo-p01', programmeId: RM, statementId: statement, moment: 'after', rating: 8, organisationId: 'demo-org', ratedAt: T0 },
    ]);
    const manager = await scopeOf(db, 'demo-manager', T0);

    const { result, statements } = await counted(() => Promise.all([tnaMatrix(manager, programmes, {}), confidenceFigures(manager, outlines)]));
    expect(statements).toBe(5);
    const [view, figures] = result;
    expect(view!.teams.map((t) => t.id).sort()).toEqual(manager.viewer.managedTeamIds.slice().sort());
    const cell = (personId: string) => view!.rows.find((r) => r.personId === personId)!.cells.find((c) => c.programmeId === RM)!;
    expect(cell('demo-p01')).toMatchObject({ status: 'complete', modulesDone: rm.length, workshop: 'attended', confidenceBefore: 3, confidenceAfter: 8 });
    expect(cell('demo-p02')).toMatchObject({ status: 'overdue', modulesDone: 0, workshop: 'booked' });
    expect(figures.find((f) => f.programmeId === RM)!.change.n).toBe(1);
  });
});
