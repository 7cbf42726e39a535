import { resolve } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  auditEvents,
  confidencePrompts,
  confidenceRatings,
  moduleCompletions,
  needRules,
  phaseTeams,
  rolloutPhases,
} from '../../db/schema/index.ts';
import { loadContent, type LoadedContent } from '../../src/content/load.ts';
import { recordSectionVisit, submitKnowledgeCheck } from '../../src/server/learning/learning.ts';
import {
  confidenceFigures,
  confidenceForm,
  dueConfidencePrompts,
  phaseForm,
  ratingField,
  rolloutView,
  savePhase,
  welshMediumFigures,
  type ProgrammeOutline,
} from '../../src/server/training/index.ts';
import { scopeOf } from '../support/scope.ts';
import { seedDemoRollout } from '../../db/seed/demo.ts';
import { formPost, freshDatabase } from './support.ts';
import { T0 } from './training-support.ts';

let content: LoadedContent;
let outlines: ProgrammeOutline[];
let ecp: ProgrammeOutline;
beforeAll(() => {
  content = loadContent(resolve('content'));
  outlines = content.programmes.map((p) => ({ id: p.id, moduleIds: p.modules, statementIds: p.confidence.map((s) => s.id) }));
  ecp = outlines.find((p) => p.id === 'effective-child-protection')!;
});

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

/** Clears the demo's rollout data, so each test starts from the records it writes. */
async function withoutDemoRollout() {
  const { db } = database;
  for (const table of [phaseTeams, rolloutPhases, needRules, confidenceRatings, confidencePrompts, moduleCompletions]) await db.delete(table);
}

const scope = (personId: string, now = T0) => scopeOf(database.db, personId, now);

/** Completes a module the way a learner does: opens every section, then passes its check. */
async function completeModule(personId: string, moduleId: string, now: number, locale: 'cy' | 'en' = 'en') {
  const module = content.modules.find((m) => m.id === moduleId)!;
  const s = await scope(personId, now);
  s.viewer.locale = locale;
  for (const section of module.sections) await recordSectionVisit(s, module, section.id);
  const answers = Object.fromEntries(module.knowledgeCheck.map((q) => [q.id, q.options.find((o) => o.correct)!.id]));
  const result = await submitKnowledgeCheck(s, { module, version: module.version, answers, startedAt: null });
  expect(result).toMatchObject({ ok: true, completed: true });
}

const ratingsForm = (moment: string, value: (i: number) => string, extra: Record<string, string> = {}) =>
  formPost({ moment, ...Object.fromEntries(ecp.statementIds.map((id, i) => [ratingField(id), value(i)])), ...extra });

describe('confidence before and after', () => {
  beforeEach(withoutDemoRollout);

  it('asks nothing before a programme is started, asks "before" once a section is opened, and "after" once every module is complete', async () => {
    expect(await dueConfidencePrompts(await scope('demo-p01'), outlines)).toEqual([]);
    const first = content.modules.find((m) => m.id === ecp.moduleIds[0])!;
    await recordSectionVisit(await scope('demo-p01'), first, first.sections[0]!.id);
    expect(await dueConfidencePrompts(await scope('demo-p01'), outlines)).toEqual([{ programmeId: ecp.id, moment: 'before' }]);
    for (const moduleId of ecp.moduleIds) await completeModule('demo-p01', moduleId, T0);
    expect(await dueConfidencePrompts(await scope('demo-p01'), outlines)).toEqual([{ programmeId: ecp.id, moment: 'after' }]);
  });

  it('saves a rating 1–10 for every statement, after which the prompt stays away', async () => {
    await completeModule('demo-p02', ecp.moduleIds[0]!, T0);
    const answer = await confidenceForm(await scope('demo-p02'), 'cy', ecp, ratingsForm('before', (i) => String(i + 3)));
    expect(answer).toMatchObject({ status: 303, redirect: '/cy/learn/effective-child-protection?done=confidenceSaved' });
    const saved = await database.db.select().from(confidenceRatings).where(eq(confidenceRatings.personId, 'demo-p02'));
    expect(saved.map((r) => [r.statementId, r.moment, r.rating]).sort()).toEqual(ecp.statementIds.map((id, i) => [id, 'before', i + 3]).sort());
    expect(await dueConfidencePrompts(await scope('demo-p02'), outlines)).toEqual([]);
  });

  it('refuses a rating outside 1–10 or missing, beside its statement, with 422 and nothing saved', async () => {
    await completeModule('demo-p02', ecp.moduleIds[0]!, T0);
    const values = ['0', '11', '', '4.5', '7'];
    const answer = await confidenceForm(await scope('demo-p02'), 'en', ecp, ratingsForm('before', (i) => values[i] ?? '5'));
    expect(answer.status).toBe(422);
    expect(Object.keys(answer.errors).sort()).toEqual(ecp.statementIds.slice(0, 4).map(ratingField).sort());
    expect(answer.errors[ratingField(ecp.statementIds[0]!)]?.key).toBe('confidence.errors.rating');
    expect(await database.db.select().from(confidenceRatings)).toHaveLength(0);
    expect(await database.db.select().from(confidencePrompts)).toHaveLength(0);
  });

  it('lets a prompt be skipped once; it then stays away and cannot be answered or skipped again', async () => {
    await completeModule('demo-p03', ecp.moduleIds[0]!, T0);
    const skipped = await confidenceForm(await scope('demo-p03'), 'en', ecp, formPost({ moment: 'before', intent: 'skip' }));
    expect(skipped).toMatchObject({ status: 303, redirect: '/learn/effective-child-protection?done=confidenceSkipped' });
    expect(await dueConfidencePrompts(await scope('demo-p03'), outlines)).toEqual([]);
    expect((await confidenceForm(await scope('demo-p03'), 'en', ecp, formPost({ moment: 'before', intent: 'skip' }))).status).toBe(409);
    expect((await confidenceForm(await scope('demo-p03'), 'en', ecp, ratingsForm('before', () => '5'))).status).toBe(409);
    expect(await database.db.select().from(confidenceRatings)).toHaveLength(0);
  });

  it('refuses an "after" rating before the programme is complete', async () => {
    await completeModule('demo-p04', ecp.moduleIds[0]!, T0);
    expect((await confidenceForm(await scope('demo-p04'), 'en', ecp, ratingsForm('after', () => '8'))).status).toBe(409);
  });

  it('gives per-programme figures and a reading only from 5 people, and a manager only their teams’ people', async () => {
    const rate = async (personId: string, before: number, after: number) => {
      for (const moment of ['before', 'after'] as const) {
        await database.db.insert(confidenceRatings).values(ecp.statementIds.map((statementId) => ({ personId, programmeId: ecp.id, statementId, moment, rating: moment === 'before' ? before : after, organisationId: 'demo-org', ratedAt: T0 })));
      }
    };
    // Four in the Assessment team, one in Uplands (not managed by demo-manager).
    await rate('demo-p01', 3, 6);
    await rate('demo-p02', 4, 6);
    await rate('demo-p03', 5, 8);
    await rate('demo-p04', 2, 5);
    await rate('demo-p14', 4, 7);
    const admin = (await confidenceFigures(await scope('demo-admin'), outlines)).find((f) => f.programmeId === ecp.id)!;
    expect(admin.change.n).toBe(5);
    expect(admin.change.meanBefore).toBeCloseTo(3.6);
    expect(admin.change.meanAfter).toBeCloseTo(6.4);
    expect(admin.reading?.key).toBe('tna.reading.improved');
    const manager = (await confidenceFigures(await scope('demo-manager'), outlines)).find((f) => f.programmeId === ecp.id)!;
    expect(manager.change.n).toBe(4);
    expect(manager.reading).toBeNull();
    expect(await confidenceFigures(await scope('demo-learner'), outlines)).toEqual([]);
  });
});

describe('rollout phases', () => {
  beforeEach(withoutDemoRollout);

  const input = (overrides: Partial<Parameters<typeof savePhase>[1]> = {}) => ({ name: 'Pilot', startsOn: '2027-01-04', endsOn: '2027-03-31', targetPercent: 80, teamIds: ['demo-team-assessment'], ...overrides });

  it('saves a phase an admin adds, with its teams, and records it in the audit log', async () => {
    const answer = await phaseForm(await scope('demo-admin'), 'en', '127.0.0.1', formPost({ name: 'Pilot', startsOn: '2027-01-04', endsOn: '2027-03-31', targetPercent: '80', teamIds: ['demo-team-assessment'] }));
    expect(answer).toMatchObject({ status: 303, redirect: '/admin/training/phases?done=saved' });
    const [phase] = await database.db.select().from(rolloutPhases);
    expect(phase).toMatchObject({ name: 'Pilot', startsOn: '2027-01-04', endsOn: '2027-03-31', targetPercent: 80 });
    expect(await database.db.select().from(phaseTeams)).toEqual([{ phaseId: phase!.id, teamId: 'demo-team-assessment' }]);
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'phase.saved'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ phaseId: phase!.id, teams: 1 });
  });

  it('shows each mistake beside its field (end before start, target outside 1–100, no name, no team) and saves nothing', async () => {
    const answer = await phaseForm(await scope('demo-admin'), 'cy', '127.0.0.1', formPost({ name: ' ', startsOn: '2027-03-01', endsOn: '2027-02-01', targetPercent: '101' }));
    expect(answer.status).toBe(422);
    expect(Object.fromEntries(Object.entries(answer.errors).map(([field, error]) => [field, error.key]))).toEqual({
      name: 'rollout.errors.name',
      endsOn: 'rollout.errors.endBeforeStart',
      targetPercent: 'rollout.errors.target',
      teamIds: 'rollout.errors.noTeams',
    });
    for (const target of ['0', '-5', '50.5', 'eighty']) {
      const again = await phaseForm(await scope('demo-admin'), 'en', null, formPost({ name: 'P', startsOn: '2027-01-01', endsOn: '2027-02-01', targetPercent: target, teamIds: ['demo-team-coast'] }));
      expect(again.errors.targetPercent?.key).toBe('rollout.errors.target');
    }
    expect(await database.db.select().from(rolloutPhases)).toHaveLength(0);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'phase.saved'))).toHaveLength(0);
  });

  it('keeps a team in one phase only, naming the team already taken', async () => {
    expect(await savePhase(await scope('demo-admin'), input(), null)).toMatchObject({ ok: true });
    const second = await savePhase(await scope('demo-admin'), input({ name: 'Phase 2', teamIds: ['demo-team-coast', 'demo-team-assessment'] }), null);
    expect(second).toMatchObject({ ok: false, error: 'invalid', errors: { teamIds: { key: 'rollout.errors.teamTaken', params: { teams: 'Assessment and Safeguarding Team' } } } });
    expect(await database.db.select().from(rolloutPhases)).toHaveLength(1);
  });

  it('changes a phase in place, keeping its own teams', async () => {
    const saved = await savePhase(await scope('demo-admin'), input(), null);
    if (!saved.ok) throw new Error('not saved');
    const changed = await savePhase(await scope('demo-admin'), input({ id: saved.id, name: 'Pilot area', targetPercent: 90, teamIds: ['demo-team-assessment', 'demo-team-coast'] }), null);
    expect(changed).toEqual({ ok: true, id: saved.id });
    expect(await database.db.select().from(rolloutPhases)).toMatchObject([{ id: saved.id, name: 'Pilot area', targetPercent: 90 }]);
    expect(await database.db.select().from(phaseTeams)).toHaveLength(2);
  });

  it('refuses another organisation’s team and lets no manager or learner save a phase', async () => {
    const other = await savePhase(await scope('demo-admin'), input({ teamIds: ['demo-other-team'] }), null);
    expect(other).toMatchObject({ ok: false, errors: { teamIds: { key: 'rollout.errors.team' } } });
    expect(await savePhase(await scope('demo-manager'), input(), null)).toEqual({ ok: false, error: 'not-allowed' });
    expect(await savePhase(await scope('demo-learner'), input(), null)).toEqual({ ok: false, error: 'not-allowed' });
    expect(await savePhase(await scope('demo-other-admin'), input({ id: 'no-such-phase' }), null)).toEqual({ ok: false, error: 'not-found' });
    expect(await database.db.select().from(rolloutPhases)).toHaveLength(0);
  });
});

describe('the rollout page', () => {
  beforeEach(withoutDemoRollout);

  async function setUp() {
    const now = T0;
    await database.db.insert(needRules).values(
      ['demo-team-assessment', 'demo-team-coast', 'demo-team-uplands'].map((teamId) => ({ id: `rule-${teamId}`, organisationId: 'demo-org', programmeId: ecp.id, teamId, need: 'required' as const, updatedAt: now })),
    );
    const admin = await scope('demo-admin');
    const pilot = await savePhase(admin, { name: 'Pilot', startsOn: '2027-01-04', endsOn: '2027-04-30', targetPercent: 80, teamIds: ['demo-team-assessment'] }, null);
    const phase2 = await savePhase(admin, { name: 'Phase 2', startsOn: '2027-02-01', endsOn: '2027-06-30', targetPercent: 50, teamIds: ['demo-team-coast', 'demo-team-uplands'] }, null);
    if (!pilot.ok || !phase2.ok) throw new Error('phases not saved');
  }

  it('counts completions of required programmes from the learners’ real module completions, week by week', async () => {
    await setUp();
    // Two of the ten active Assessment people complete the whole programme; one does only one module.
    for (const moduleId of ecp.moduleIds) await completeModule('demo-p01', moduleId, Date.UTC(2027, 0, 20, 12));
    for (const moduleId of ecp.moduleIds) await completeModule('demo-p02', moduleId, Date.UTC(2027, 1, 15, 12), 'cy');
    await completeModule('demo-p03', ecp.moduleIds[0]!, Date.UTC(2027, 1, 15, 12));
    const [pilot, phase2] = await rolloutView(await scope('demo-admin'), outlines);
    expect(pilot).toMatchObject({ name: 'Pilot', eligible: 10, completed: 2, percent: 20, targetPercent: 80 });
    expect(pilot!.curve[0]).toEqual({ date: '2027-01-04', percent: 0 });
    expect(pilot!.curve.find((p) => p.date === '2027-01-25')?.percent).toBe(10);
    expect(pilot!.curve.at(-1)).toEqual({ date: '2027-03-01', percent: 20 });
    // One completion in the last 28 days over 60 days left cannot reach 80%.
    expect(pilot!.atRisk).toBe(true);
    expect(pilot!.teamsBehind).toEqual(['demo-team-assessment']);
    // demo-p06 is in Assessment and Coastal: counted in both teams' figures.
    expect(phase2!.teams.map((t) => t.id)).toEqual(['demo-team-coast', 'demo-team-uplands']);
    expect(phase2!.completed).toBe(0);
  });

  it('is not at risk when the recent rate reaches the target by the end date', async () => {
    await setUp();
    for (const person of ['demo-p01', 'demo-p02', 'demo-p03', 'demo-p04', 'demo-p05', 'demo-p20']) {
      for (const moduleId of ecp.moduleIds) await completeModule(person, moduleId, Date.UTC(2027, 1, 20, 12));
    }
    const [pilot] = await rolloutView(await scope('demo-admin'), outlines);
    expect(pilot!.percent).toBe(60);
    expect(pilot!.atRisk).toBe(false);
    expect(pilot!.teamsBehind).toEqual([]);
  });

  it('shows a manager only the phases and teams they manage, and a learner nothing', async () => {
    await setUp();
    // demo-manager manages Assessment and Coastal; Uplands belongs to demo-manager-2.
    const mine = await rolloutView(await scope('demo-manager'), outlines);
    expect(mine.map((p) => [p.name, p.teams.map((t) => t.id)])).toEqual([
      ['Pilot', ['demo-team-assessment']],
      ['Phase 2', ['demo-team-coast']],
    ]);
    const theirs = await rolloutView(await scope('demo-manager-2'), outlines);
    expect(theirs.map((p) => [p.name, p.teams.map((t) => t.id)])).toEqual([['Phase 2', ['demo-team-uplands']]]);
    expect(await rolloutView(await scope('demo-learner'), outlines)).toEqual([]);
    expect(await rolloutView(await scope('demo-other-admin'), outlines)).toEqual([]);
  });
});

describe('the demo data', () => {
  it('has a finished pilot and a phase 2 under way, with figures on first start', async () => {
    const now = Date.now();
    await seedDemoRollout(database.db, now);
    const [pilot, phase2] = await rolloutView(await scope('demo-admin', now), outlines);
    expect(pilot!.endsOn < new Date(now).toISOString().slice(0, 10)).toBe(true);
    expect(pilot!.completed).toBeGreaterThan(0);
    expect(phase2!.startsOn < new Date(now).toISOString().slice(0, 10)).toBe(true);
    expect(phase2!.endsOn > new Date(now).toISOString().slice(0, 10)).toBe(true);
    expect(phase2!.atRisk).toBe(true);
    const figures = (await confidenceFigures(await scope('demo-admin', now), outlines)).find((f) => f.programmeId === ecp.id)!;
    expect(figures.change.n).toBeGreaterThanOrEqual(5);
    expect(figures.reading?.key).toBe('tna.reading.improved');
  });
});

describe('another organisation’s phase', () => {
  beforeEach(withoutDemoRollout);

  it('answers 404 when an admin posts a real phase id of another organisation, and changes nothing', async () => {
    const { db } = database;
    const theirs = { id: 'other-phase', organisationId: 'demo-other-org', name: 'Their pilot', startsOn: '2027-01-01', endsOn: '2027-06-30', targetPercent: 70, createdAt: T0, updatedAt: T0 };
    await db.insert(rolloutPhases).values(theirs);
    await db.insert(phaseTeams).values({ phaseId: 'other-phase', teamId: 'demo-other-team' });
    const answer = await phaseForm(await scope('demo-admin'), 'en', null, formPost({ id: 'other-phase', name: 'Taken over', startsOn: '2027-01-04', endsOn: '2027-03-31', targetPercent: '80', teamIds: ['demo-team-assessment'] }));
    expect(answer.status).toBe(404);
    expect(await db.select().from(rolloutPhases)).toEqual([theirs]);
    expect(await db.select().from(phaseTeams)).toEqual([{ phaseId: 'other-phase', teamId: 'demo-other-team' }]);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, 'phase.saved'))).toHaveLength(0);
  });

  it('answers 404 when the other organisation’s admin posts this organisation’s real phase id, and changes nothing', async () => {
    const saved = await savePhase(await scope('demo-admin'), { name: 'Pilot', startsOn: '2027-01-04', endsOn: '2027-03-31', targetPercent: 80, teamIds: ['demo-team-assessment'] }, null);
    if (!saved.ok) throw new Error('not saved');
    const answer = await phaseForm(await scope('demo-other-admin'), 'en', null, formPost({ id: saved.id, name: 'Ours now', startsOn: '2027-01-04', endsOn: '2027-03-31', targetPercent: '10', teamIds: ['demo-other-team'] }));
    expect(answer.status).toBe(404);
    expect(await database.db.select().from(rolloutPhases)).toMatchObject([{ id: saved.id, name: 'Pilot', targetPercent: 80, organisationId: 'demo-org' }]);
    expect(await database.db.select().from(phaseTeams)).toEqual([{ phaseId: saved.id, teamId: 'demo-team-assessment' }]);
  });
});

describe('removing a phase', () => {
  beforeEach(withoutDemoRollout);

  it('lets an admin remove a phase with its teams, audited', async () => {
    const saved = await savePhase(await scope('demo-admin'), { name: 'Pilot', startsOn: '2027-01-04', endsOn: '2027-03-31', targetPercent: 80, teamIds: ['demo-team-assessment'] }, null);
    if (!saved.ok) throw new Error('not saved');
    const answer = await phaseForm(await scope('demo-admin'), 'cy', '127.0.0.1', formPost({ intent: 'remove', id: saved.id }));
    expect(answer).toMatchObject({ status: 303, redirect: '/cy/admin/training/phases?done=removed' });
    expect(await database.db.select().from(rolloutPhases)).toEqual([]);
    expect(await database.db.select().from(phaseTeams)).toEqual([]);
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'phase.removed'));
    expect(audit).toMatchObject({ actorId: 'demo-admin', detail: { phaseId: saved.id } });
  });

  it('answers 404 to a real phase id of another organisation and 403 to a manager, removing nothing', async () => {
    const { db } = database;
    await db.insert(rolloutPhases).values({ id: 'other-phase', organisationId: 'demo-other-org', name: 'Their pilot', startsOn: '2027-01-01', endsOn: '2027-06-30', targetPercent: 70, createdAt: T0, updatedAt: T0 });
    await db.insert(phaseTeams).values({ phaseId: 'other-phase', teamId: 'demo-other-team' });
    expect((await phaseForm(await scope('demo-admin'), 'en', null, formPost({ intent: 'remove', id: 'other-phase' }))).status).toBe(404);
    expect((await phaseForm(await scope('demo-manager'), 'en', null, formPost({ intent: 'remove', id: 'other-phase' }))).status).toBe(403);
    expect(await db.select().from(rolloutPhases)).toHaveLength(1);
    expect(await db.select().from(phaseTeams)).toEqual([{ phaseId: 'other-phase', teamId: 'demo-other-team' }]);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, 'phase.removed'))).toHaveLength(0);
  });
});

describe('the language a module is completed in', () => {
  beforeEach(withoutDemoRollout);

  it('is stored with the completion, and the Welsh-medium figures count modules by it', async () => {
    const moduleId = ecp.moduleIds[0]!;
    await completeModule('demo-p01', moduleId, T0, 'cy');
    await completeModule('demo-p02', moduleId, T0, 'en');
    await completeModule('demo-p03', moduleId, T0, 'cy');
    const stored = async (personId: string) =>
      (await database.db.select({ locale: moduleCompletions.locale }).from(moduleCompletions).where(and(eq(moduleCompletions.personId, personId), eq(moduleCompletions.moduleId, moduleId))))[0]?.locale;
    expect(await stored('demo-p01')).toBe('cy');
    expect(await stored('demo-p02')).toBe('en');
    const figures = await welshMediumFigures(await scope('demo-admin'), { from: '2027-03-01', to: '2027-03-01' });
    expect(figures!.modulesCompleted).toEqual({ cy: 2, en: 1, notRecorded: 0 });
  });
});
