import { resolve } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, confidenceRatings, cpdEntries, moduleCompletions, needOverrides, needRules, people, phaseTeams, registerRows, reflectiveEntries, rolloutPhases } from '../../db/schema/index.ts';
import { loadContent } from '../../src/content/load.ts';
import { translator } from '../../src/i18n/index.ts';
import { invitePerson } from '../../src/server/people/people-admin.ts';
import {
  needOverrideForm,
  confidenceFigures,
  needsOf,
  needsRulesForm,
  saveNeedRule,
  tnaCsv,
  tnaMatrix,
  trainingRecordOf,
  type TnaProgramme,
} from '../../src/server/training/index.ts';
import { scopeOf } from '../support/scope.ts';
import { demoAdmin, formPost, freshDatabase } from './support.ts';
import { addWorkshop, T0 } from './training-support.ts';

let programmes: TnaProgramme[];
let programmeIds: string[];
let statements: { id: string; statementIds: string[] }[];
beforeAll(() => {
  const content = loadContent(resolve('content'));
  programmes = content.programmes.map((p) => ({ id: p.id, title: p.title, modules: p.modules }));
  statements = content.programmes.map((p) => ({ id: p.id, statementIds: p.confidence.map((s) => s.id) }));
  programmeIds = programmes.map((p) => p.id);
});

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const ECP = 'effective-child-protection';
const RM = 'risk-model';
const modulesOf = (id: string) => programmes.find((p) => p.id === id)!.modules;
const cellOf = (view: Awaited<ReturnType<typeof tnaMatrix>>, personId: string, programmeId: string) =>
  view!.rows.find((r) => r.personId === personId)!.cells.find((c) => c.programmeId === programmeId)!;

async function complete(personId: string, moduleIds: readonly string[], programmeId: string) {
  await database.db.insert(moduleCompletions).values(moduleIds.map((moduleId) => ({ personId, moduleId, moduleVersion: 1, programmeId, completedAt: T0 - 1000, locale: 'cy' as const })));
}

describe('needs from rules', () => {
  it('gives a person invited into a team the needs of its rules straight away, with no step of its own', async () => {
    const ctx = await demoAdmin(database, { now: T0 });
    const invited = await invitePerson(ctx, { name: 'Nerys Newydd', email: 'nerys.newydd@camau.example', locale: 'cy', roles: ['learner'], teamIds: ['demo-team-assessment'] });
    expect(invited.ok).toBe(true);
    const personId = invited.ok ? invited.value.id! : '';
    const needs = await needsOf(ctx.scope, personId, programmes);
    expect(needs.find((n) => n.programmeId === ECP)).toMatchObject({ need: 'required', source: 'team', workshopRequired: false });
    expect(needs.find((n) => n.programmeId === RM)).toMatchObject({ need: 'required', workshopRequired: true });
    expect(needs.find((n) => n.programmeId === 'practice-mentoring')).toMatchObject({ need: 'not-needed', source: 'default' });
  });

  it('lets an admin add a rule for every team and role, audited, and it reaches everyone', async () => {
    const ctx = await demoAdmin(database, { now: T0 });
    const posted = await needsRulesForm(
      { scope: ctx.scope, locale: 'en', ip: '127.0.0.1' },
      programmeIds,
      formPost({ programmeId: 'collaborative-conversations', teamId: '', role: '', need: 'recommended' }),
    );
    expect(posted.status).toBe(303);
    const needs = await needsOf(ctx.scope, 'demo-p14', programmes);
    expect(needs.find((n) => n.programmeId === 'collaborative-conversations')).toMatchObject({ need: 'recommended', source: 'organisation' });
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'needs-rule.changed'));
    expect(audit).toHaveLength(1);
  });

  it('refuses a rule for an unknown programme or another organisation’s team with errors beside the fields, saving nothing', async () => {
    const ctx = await demoAdmin(database, { now: T0 });
    const posted = await needsRulesForm({ scope: ctx.scope, locale: 'en', ip: null }, programmeIds, formPost({ programmeId: 'nope', teamId: 'demo-other-team', role: 'boss', need: 'maybe' }));
    expect(posted.status).toBe(422);
    expect(Object.keys(posted.errors).sort()).toEqual(['need', 'programmeId', 'role', 'teamId']);
    expect(await database.db.select().from(needRules)).toHaveLength(2);
  });

  it('does not let a manager save a rule', async () => {
    const manager = await scopeOf(database.db, 'demo-manager', T0);
    const saved = await saveNeedRule(manager, { programmeId: ECP, teamId: '', role: '', need: 'required', workshopRequired: false }, programmeIds, null);
    expect(saved).toEqual({ ok: false, error: 'not-allowed' });
  });
});

describe('overrides', () => {
  it('lets a manager change a team member’s need with a reason, audited without the reason', async () => {
    const manager = await scopeOf(database.db, 'demo-manager', T0);
    const posted = await needOverrideForm({ scope: manager, locale: 'cy', ip: '127.0.0.1' }, 'demo-p01', programmeIds, formPost({ programmeId: RM, need: 'not-needed', reason: 'Wedi’i gwblhau gyda chyflogwr blaenorol' }));
    expect(posted.status).toBe(303);
    expect(posted.redirect).toBe('/cy/people/demo-p01?need=saved#training-record-heading');
    const needs = await needsOf(manager, 'demo-p01', programmes);
    expect(needs.find((n) => n.programmeId === RM)).toMatchObject({ need: 'not-needed', source: 'override', reason: 'Wedi’i gwblhau gyda chyflogwr blaenorol' });
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'need.overridden'));
    expect(audit).toMatchObject({ actorId: 'demo-manager', subjectId: 'demo-p01', detail: { programme: RM, need: 'not-needed' } });
    expect(JSON.stringify(audit!.detail)).not.toContain('cyflogwr');
  });

  it('refuses an override without a reason (422) and saves nothing', async () => {
    const manager = await scopeOf(database.db, 'demo-manager', T0);
    const posted = await needOverrideForm({ scope: manager, locale: 'en', ip: null }, 'demo-p01', programmeIds, formPost({ programmeId: RM, need: 'not-needed', reason: '   ' }));
    expect(posted.status).toBe(422);
    expect(posted.errors.reason?.key).toBe('tna.errors.reason');
    expect(await database.db.select().from(needOverrides)).toHaveLength(0);
  });

  it('answers 404 for another team’s or another organisation’s person, saving nothing', async () => {
    const manager = await scopeOf(database.db, 'demo-manager', T0);
    for (const personId of ['demo-p14', 'demo-other-p01']) {
      const posted = await needOverrideForm({ scope: manager, locale: 'en', ip: null }, personId, programmeIds, formPost({ programmeId: RM, need: 'required', reason: 'Angen' }));
      expect(posted.status).toBe(404);
    }
    expect(await database.db.select().from(needOverrides)).toHaveLength(0);
  });
});

describe('the needs matrix', () => {
  it('shows a manager only the people of the teams they manage', async () => {
    const manager = await scopeOf(database.db, 'demo-manager', T0);
    const view = await tnaMatrix(manager, programmes, {});
    const ids = view!.rows.map((r) => r.personId);
    expect(ids).toContain('demo-p01');
    expect(ids).toContain('demo-p07');
    expect(ids).not.toContain('demo-p14');
    expect(ids).not.toContain('demo-other-p01');
    expect(ids).not.toContain('demo-p24');
    expect(view!.teams.map((t) => t.id).sort()).toEqual(['demo-team-assessment', 'demo-team-coast']);
  });

  it('refuses a learner', async () => {
    const learner = await scopeOf(database.db, 'demo-learner', T0);
    expect(await tnaMatrix(learner, programmes, {})).toBeNull();
    expect(await tnaCsv(learner, programmes, {}, translator('en'), 'en', null)).toBeNull();
  });

  it('derives each status from real module completions, register marks and the phase end', async () => {
    const rm = modulesOf(RM);
    const ecp = modulesOf(ECP);
    // demo-p01: every Risk Model module and the workshop attended → complete.
    await complete('demo-p01', rm, RM);
    const workshopId = await addWorkshop(database.db, { programmeId: RM, date: '2027-02-10', bookingClosesOn: '2027-02-05' }, Date.UTC(2027, 0, 10));
    await database.db.insert(registerRows).values([
      { workshopId, personId: 'demo-p01', mark: 'attended', markedBy: 'demo-admin', markedAt: T0 },
      { workshopId, personId: 'demo-p02', mark: 'did-not-attend', markedBy: 'demo-admin', markedAt: T0 },
    ]);
    // demo-p02: every module but did not attend the required workshop → not complete; one ECP module → in progress.
    await complete('demo-p02', rm, RM);
    await complete('demo-p02', ecp.slice(0, 1), ECP);
    // The pilot team's phase ended yesterday: what is not complete is overdue.
    await database.db.insert(rolloutPhases).values({ id: 'ph', organisationId: 'demo-org', name: 'Pilot', startsOn: '2027-01-01', endsOn: '2027-02-28', targetPercent: 80, createdAt: T0, updatedAt: T0 });
    await database.db.insert(phaseTeams).values({ phaseId: 'ph', teamId: 'demo-team-assessment' });
    await database.db.insert(confidenceRatings).values([
      { personId: 'demo-p01', programmeId: RM, statementId: 'a', moment: 'before', rating: 4, organisationId: 'demo-org', ratedAt: T0 },
      { personId: 'demo-p01', programmeId: RM, statementId: 'b', moment: 'before', rating: 5, organisationId: 'demo-org', ratedAt: T0 },
      { personId: 'demo-p01', programmeId: RM, statementId: 'a', moment: 'after', rating: 8, organisationId: 'demo-org', ratedAt: T0 },
    ]);
    const admin = await scopeOf(database.db, 'demo-admin', T0);
    const view = await tnaMatrix(admin, programmes, {});
    expect(cellOf(view, 'demo-p01', RM)).toMatchObject({ status: 'complete', modulesDone: rm.length, workshop: 'attended', confidenceBefore: 4.5, confidenceAfter: 8 });
    expect(cellOf(view, 'demo-p02', RM)).toMatchObject({ status: 'overdue', workshop: 'did-not-attend' });
    expect(cellOf(view, 'demo-p02', ECP)).toMatchObject({ status: 'overdue', modulesDone: 1 });
    // Outside the phase, the Coastal team's people have no need: not needed.
    expect(cellOf(view, 'demo-p09', RM)).toMatchObject({ status: 'not-needed', need: 'not-needed' });

    const lateNoPhase = await tnaMatrix(admin, programmes, { status: 'overdue', programmeId: ECP });
    expect(lateNoPhase!.rows.every((r) => r.cells.length === 1 && r.cells[0]!.status === 'overdue')).toBe(true);
    expect(lateNoPhase!.rows.map((r) => r.personId)).toContain('demo-p02');
  });

  it('shows a team of fewer than 5 people as fewer than 5, never figures', async () => {
    const admin = await scopeOf(database.db, 'demo-admin', T0);
    const view = await tnaMatrix(admin, programmes, { role: 'manager' });
    expect(view!.summaries.length).toBeGreaterThan(0);
    for (const s of view!.summaries) {
      expect(s.people).toBeLessThan(5);
      expect(s.counts).toBeNull();
      expect(s.percentComplete).toBeNull();
    }
    const all = await tnaMatrix(admin, programmes, { teamId: 'demo-team-assessment' });
    expect(all!.summaries).toHaveLength(1);
    expect(all!.summaries[0]!.counts).not.toBeNull();
  });
});

describe('the needs CSV', () => {
  it('starts with a byte-order mark and the header, makes formulas safe, holds only the manager’s teams and is audited', async () => {
    const manager = await scopeOf(database.db, 'demo-manager', T0);
    await database.db.insert(moduleCompletions).values({ personId: 'demo-p01', moduleId: modulesOf(ECP)[0]!, moduleVersion: 1, programmeId: ECP, completedAt: T0 });
    const { people } = await import('../../db/schema/index.ts');
    await database.db.update(people).set({ name: '=HYPERLINK("http://evil")' }).where(eq(people.id, 'demo-p03'));
    const csv = (await tnaCsv(manager, programmes, { programmeId: ECP }, translator('cy'), 'cy', '127.0.0.1'))!;
    expect(csv.startsWith('\uFEFFEnw,Timau,Rolau,Amddiffyn Plant Effeithiol: Angen,')).toBe(true);
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).toContain('Elin Hughes');
    expect(csv).not.toContain('Osian Wyn');
    expect(csv).not.toContain('Carys Meredith');
    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'export.created'), eq(auditEvents.actorId, 'demo-manager')));
    expect(audit[0]!.detail).toMatchObject({ export: 'training-needs', programmeId: ECP });
  });
});

describe('the training record', () => {
  it('shows a manager programmes, workshops and CPD titles and time, but none of the private texts', async () => {
    await complete('demo-p01', modulesOf(ECP).slice(0, 2), ECP);
    await database.db.insert(cpdEntries).values({ id: 'cpd1', personId: 'demo-p01', organisationId: 'demo-org', kind: 'external', sourceId: 's1', titleEn: 'Conference', titleCy: 'Cynhadledd', minutes: 90, completedAt: T0, contribution: 'PREIFAT: sut y cyfrannodd' });
    await database.db.insert(reflectiveEntries).values({ id: 'r1', personId: 'demo-p01', organisationId: 'demo-org', prompt: 'p', text: 'PREIFAT: myfyrdod', createdAt: T0, updatedAt: T0 });
    const manager = await scopeOf(database.db, 'demo-manager', T0);
    const record = await trainingRecordOf(manager, 'demo-p01', programmes);
    expect(record!.programmes.find((p) => p.programmeId === ECP)).toMatchObject({ need: 'required', modulesDone: 2, doneModuleIds: modulesOf(ECP).slice(0, 2) });
    expect(record!.cpd).toEqual([{ titleEn: 'Conference', titleCy: 'Cynhadledd', minutes: 90, completedAt: T0 }]);
    expect(JSON.stringify(record)).not.toContain('PREIFAT');
  });

  it('is not there for another team’s manager or another organisation', async () => {
    const otherManager = await scopeOf(database.db, 'demo-manager-2', T0);
    expect(await trainingRecordOf(otherManager, 'demo-p01', programmes)).toBeNull();
    const otherAdmin = await scopeOf(database.db, 'demo-other-admin', T0);
    expect(await trainingRecordOf(otherAdmin, 'demo-p01', programmes)).toBeNull();
  });
});

describe('needs in the matrix', () => {
  it('shows one person’s override without changing the need of others in the same teams and roles', async () => {
    const manager = await scopeOf(database.db, 'demo-manager', T0);
    const posted = await needOverrideForm({ scope: manager, locale: 'en', ip: null }, 'demo-p02', programmeIds, formPost({ programmeId: RM, need: 'not-needed', reason: 'Done elsewhere' }));
    expect(posted.status).toBe(303);
    const view = await tnaMatrix(manager, programmes, {});
    expect(cellOf(view, 'demo-p01', RM)).toMatchObject({ need: 'required', source: 'team' });
    expect(cellOf(view, 'demo-p02', RM)).toMatchObject({ need: 'not-needed', source: 'override', status: 'not-needed' });
    expect(cellOf(view, 'demo-p03', RM)).toMatchObject({ need: 'required', source: 'team' });
  });
});

describe('removing a needs rule', () => {
  it('lets an admin remove a rule, audited, after which the people it covered no longer need the programme', async () => {
    const ctx = await demoAdmin(database, { now: T0 });
    expect((await needsOf(ctx.scope, 'demo-p01', programmes)).find((n) => n.programmeId === RM)).toMatchObject({ need: 'required', source: 'team' });
    const posted = await needsRulesForm({ scope: ctx.scope, locale: 'cy', ip: '127.0.0.1' }, programmeIds, formPost({ intent: 'remove', ruleId: 'demo-rule-rm' }));
    expect(posted.status).toBe(303);
    expect(posted.redirect).toBe('/cy/admin/training/rules?saved=1');
    expect((await database.db.select().from(needRules)).map((r) => r.id)).toEqual(['demo-rule-ecp']);
    expect((await needsOf(ctx.scope, 'demo-p01', programmes)).find((n) => n.programmeId === RM)).toMatchObject({ need: 'not-needed', source: 'default' });
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'needs-rule.changed'));
    expect(audit).toMatchObject({ actorId: 'demo-admin', detail: { rule: 'demo-rule-rm', removed: true, programmeId: RM, teamId: 'demo-team-assessment' } });
  });

  it('answers 404 to another organisation’s admin and 403 to a manager, removing nothing', async () => {
    const otherAdmin = await scopeOf(database.db, 'demo-other-admin', T0);
    const fromOther = await needsRulesForm({ scope: otherAdmin, locale: 'en', ip: null }, programmeIds, formPost({ intent: 'remove', ruleId: 'demo-rule-rm' }));
    expect(fromOther.status).toBe(404);
    const manager = await scopeOf(database.db, 'demo-manager', T0);
    const fromManager = await needsRulesForm({ scope: manager, locale: 'en', ip: null }, programmeIds, formPost({ intent: 'remove', ruleId: 'demo-rule-rm' }));
    expect(fromManager.status).toBe(403);
    expect(await database.db.select().from(needRules)).toHaveLength(2);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'needs-rule.changed'))).toHaveLength(0);
  });
});

describe('filtering and sorting the needs matrix', () => {
  it('keeps only the people with the chosen role', async () => {
    const admin = await scopeOf(database.db, 'demo-admin', T0);
    const mentors = await tnaMatrix(admin, programmes, { role: 'mentor' });
    expect(mentors!.rows.map((r) => r.personId).sort()).toEqual(['demo-mentor', 'demo-mentor-2']);
    expect(mentors!.rows.every((r) => r.roles.includes('mentor'))).toBe(true);
    const managers = await tnaMatrix(await scopeOf(database.db, 'demo-manager', T0), programmes, { role: 'manager' });
    expect(managers!.rows.map((r) => r.personId)).toEqual(['demo-manager']);
  });

  it('sorts by name in Welsh alphabetical order unless asked otherwise', async () => {
    const admin = await scopeOf(database.db, 'demo-admin', T0);
    const names = (await tnaMatrix(admin, programmes, {}))!.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('cy').compare));
    expect(names.indexOf('Llio Bowen')).toBeGreaterThan(names.indexOf('Lowri Jenkins'));
  });

  it('sorts by team name, people with no team last, and by name within a team', async () => {
    const admin = await scopeOf(database.db, 'demo-admin', T0);
    const rows = (await tnaMatrix(admin, programmes, { sort: 'team' }))!.rows;
    const firstTeam = rows.map((r) => (r.teamIds.includes('demo-team-assessment') ? 'a' : r.teamIds.includes('demo-team-coast') ? 'c' : r.teamIds.includes('demo-team-uplands') ? 'u' : 'z'));
    expect(firstTeam).toEqual([...firstTeam].sort());
    expect(rows.at(-1)!.teamIds).toEqual([]);
    const assessment = rows.filter((r) => firstTeam[rows.indexOf(r)] === 'a').map((r) => r.name);
    expect(assessment).toEqual([...assessment].sort(new Intl.Collator('cy').compare));
  });

  it('sorts by status with the most urgent first: overdue, then to do, in progress, complete, not needed', async () => {
    // The Coastal team's phase ended before today and they must complete the ECP programme: they are overdue.
    await database.db.insert(rolloutPhases).values({ id: 'ph', organisationId: 'demo-org', name: 'Pilot', startsOn: '2027-01-01', endsOn: '2027-02-01', targetPercent: 80, createdAt: T0, updatedAt: T0 });
    await database.db.insert(phaseTeams).values({ phaseId: 'ph', teamId: 'demo-team-coast' });
    await database.db.insert(needRules).values({ id: 'coast-ecp', organisationId: 'demo-org', programmeId: ECP, teamId: 'demo-team-coast', need: 'required', updatedAt: T0 });
    await complete('demo-p01', modulesOf(ECP).slice(0, 1), ECP);
    const admin = await scopeOf(database.db, 'demo-admin', T0);
    const rows = (await tnaMatrix(admin, programmes, { sort: 'status' }))!.rows;
    const urgency = ['overdue', 'to-do', 'in-progress', 'complete', 'not-needed'];
    const worst = rows.map((r) => Math.min(...r.cells.map((c) => urgency.indexOf(c.status))));
    expect(worst).toEqual([...worst].sort((a, b) => a - b));
    expect(rows[0]!.teamIds).toContain('demo-team-coast');
    expect(rows.at(-1)!.cells.every((c) => c.status === 'not-needed')).toBe(true);
    // Coastal people are overdue, the pilot team's to do (Aled's one ECP module leaves the Risk Model to do), the rest not needed.
    expect([...new Set(worst)]).toEqual([0, 1, 4]);
    const overdue = rows.filter((_, i) => worst[i] === 0).map((r) => r.name);
    expect(overdue).toEqual([...overdue].sort(new Intl.Collator('cy').compare));
  });
});

describe('another organisation’s admin', () => {
  it('sees none of this organisation’s people in the needs matrix or its CSV, whatever the filter', async () => {
    const otherAdmin = await scopeOf(database.db, 'demo-other-admin', T0);
    const demoNames = (await database.db.select({ name: people.name }).from(people).where(eq(people.organisationId, 'demo-org'))).map((p) => p.name);
    for (const filter of [{}, { teamId: 'demo-team-assessment' }]) {
      const view = await tnaMatrix(otherAdmin, programmes, filter);
      expect(view!.rows.every((r) => r.personId.startsWith('demo-other-'))).toBe(true);
      expect(view!.teams.map((t) => t.id)).toEqual(['demo-other-team']);
      const csv = (await tnaCsv(otherAdmin, programmes, filter, translator('en'), 'en', null))!;
      for (const name of demoNames) expect(csv).not.toContain(name);
    }
    expect((await tnaMatrix(otherAdmin, programmes, {}))!.rows.map((r) => r.personId)).toContain('demo-other-p01');
    expect((await tnaMatrix(otherAdmin, programmes, { teamId: 'demo-team-assessment' }))!.rows).toEqual([]);
  });
});

describe('confidence before and after by team', () => {
  /** Before/after ratings of one statement for each person: before 4, after 4 + rise. */
  async function rate(personIds: readonly string[], rise: (i: number) => number, programmeId = ECP) {
    const statementId = statements.find((p) => p.id === programmeId)!.statementIds[0]!;
    await database.db.insert(confidenceRatings).values(
      personIds.flatMap((personId, i) => [
        { personId, programmeId, statementId, moment: 'before' as const, rating: 4, organisationId: 'demo-org', ratedAt: T0 },
        { personId, programmeId, statementId, moment: 'after' as const, rating: 4 + rise(i), organisationId: 'demo-org', ratedAt: T0 },
      ]),
    );
  }

  it('gives each team in view its own figures, with a reading from 5 people and none below', async () => {
    // Assessment: 6 people, all rising; Coastal: demo-p06 (in both teams) and 3 more = 4 people.
    await rate(['demo-p01', 'demo-p02', 'demo-p03', 'demo-p04', 'demo-p05', 'demo-p06'], (i) => 2 + (i % 2));
    await rate(['demo-p07', 'demo-p08', 'demo-p09'], () => 1);
    const admin = await scopeOf(database.db, 'demo-admin', T0);
    const ecp = (await confidenceFigures(admin, statements)).find((f) => f.programmeId === ECP)!;
    expect(ecp.change.n).toBe(9);
    expect(ecp.reading?.key).toBe('tna.reading.improved');
    const assessment = ecp.teams.find((t) => t.teamId === 'demo-team-assessment')!;
    expect(assessment.change).toMatchObject({ n: 6, meanBefore: 4, meanAfter: 6.5, meanDifference: 2.5 });
    expect(assessment.reading).toMatchObject({ key: 'tna.reading.improved', params: { n: 6 } });
    const coast = ecp.teams.find((t) => t.teamId === 'demo-team-coast')!;
    expect(coast.change.n).toBe(4);
    expect(coast.reading).toBeNull();
    expect(ecp.teams.map((t) => t.teamId)).not.toContain('demo-team-uplands');
  });

  it('shows a manager only the teams they manage and the people in them', async () => {
    await rate(['demo-p01', 'demo-p02', 'demo-p03', 'demo-p04', 'demo-p05'], () => 2);
    await rate(['demo-p14', 'demo-p15', 'demo-p16', 'demo-p17', 'demo-p18'], () => -1);
    const manager = await scopeOf(database.db, 'demo-manager', T0);
    const ecp = (await confidenceFigures(manager, statements)).find((f) => f.programmeId === ECP)!;
    expect(ecp.change.n).toBe(5);
    expect(ecp.teams.map((t) => t.teamId)).toEqual(['demo-team-assessment']);
    const upland = (await confidenceFigures(await scopeOf(database.db, 'demo-manager-2', T0), statements)).find((f) => f.programmeId === ECP)!;
    expect(upland.teams).toEqual([expect.objectContaining({ teamId: 'demo-team-uplands', reading: expect.objectContaining({ key: 'tna.reading.worse' }) })]);
    expect(await confidenceFigures(await scopeOf(database.db, 'demo-other-admin', T0), statements)).toEqual(statements.map((p) => expect.objectContaining({ programmeId: p.id, teams: [], change: expect.objectContaining({ n: 0 }) })));
  });
});
