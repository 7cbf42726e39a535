import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, evaluationNotes, indicatorEntries, phaseTeams, rolloutPhases } from '../../db/schema/index.ts';
import { seedDemoIndicators } from '../../db/seed/demo.ts';
import { parseIndicatorEntry, SERVICE_INDICATORS } from '../../src/domain/evaluation/index.ts';
import {
  currentIndicators,
  evaluationNotesOf,
  indicatorHistory,
  indicatorsForm,
  notesForm,
  quarterIndicators,
  readReportPeriod,
  reportScopeOptions,
  resultsOf,
  saveEvaluationNote,
  saveIndicators,
} from '../../src/server/evaluation/index.ts';
import { scopeOf } from '../support/scope.ts';
import { formPost, freshDatabase } from './support.ts';

// 10 December 2026: 2026-Q3 has ended, 2026-Q4 is under way.
const NOW = Date.UTC(2026, 11, 10, 12);
const PROGRAMMES = [{ id: 'effective-child-protection', name: 'Effective Child Protection' }];

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const scope = (personId: string, now = NOW) => scopeOf(database.db, personId, now);
const q3 = (fields: Record<string, string> = {}) => ({ quarter: '2026-Q3', 'children-on-register': '96', registrations: '28', 'initial-conferences': '27', 'initial-conferences-three-or-fewer-areas': '17', ...fields });
const entries = () => database.db.select().from(indicatorEntries);
const audits = (action: 'indicators.saved' | 'evaluation-notes.saved') => database.db.select().from(auditEvents).where(eq(auditEvents.action, action));

describe('entering service indicators', () => {
  it('an administrator saves a quarter: one row per value given, audited, and read back as the current values', async () => {
    const result = await indicatorsForm(await scope('demo-admin'), 'en', '203.0.113.9', formPost(q3(), '/evaluation/indicators'));
    expect(result).toMatchObject({ status: 303, redirect: '/evaluation/indicators?quarter=2026-Q3&done=saved' });
    expect(await entries()).toHaveLength(4);
    expect(await quarterIndicators(await scope('demo-admin'), '2026-Q3')).toMatchObject({ 'children-on-register': 96, registrations: 28, deregistrations: null });
    const [audit] = await audits('indicators.saved');
    expect(audit).toMatchObject({ organisationId: 'demo-org', actorId: 'demo-admin', ip: '203.0.113.9', detail: { quarter: '2026-Q3', indicators: ['children-on-register', 'registrations', 'initial-conferences', 'initial-conferences-three-or-fewer-areas'] } });
  });

  it('a manager, a mentor and a practitioner are refused and nothing is saved', async () => {
    for (const id of ['demo-manager', 'demo-mentor', 'demo-learner']) {
      expect((await indicatorsForm(await scope(id), 'en', null, formPost(q3(), '/evaluation/indicators'))).status).toBe(403);
    }
    expect(await entries()).toHaveLength(0);
  });

  it('another organisation\'s administrator saves only into their own organisation and sees none of ours', async () => {
    await saveIndicators(await scope('demo-admin'), q3(), null);
    await saveIndicators(await scope('demo-other-admin'), q3({ 'children-on-register': '12' }), null);
    expect((await currentIndicators(await scope('demo-other-admin'))).map((q) => q.values['children-on-register'])).toEqual([12]);
    expect((await currentIndicators(await scope('demo-admin'))).map((q) => q.values['children-on-register'])).toEqual([96]);
    expect(await indicatorHistory(await scope('demo-other-admin'), '2026-Q3')).toHaveLength(4);
  });

  it('keeps every change: a corrected value is a new row, shown with the old value, its author and date', async () => {
    await saveIndicators(await scope('demo-admin', NOW), q3(), null);
    const later = NOW + 86_400_000;
    const result = await saveIndicators(await scope('demo-admin', later), q3({ registrations: '29', 'children-on-register': '' }), null);
    expect(result).toEqual({ ok: true, quarter: '2026-Q3', changed: 2 });
    expect(await entries()).toHaveLength(6);
    const history = await indicatorHistory(await scope('demo-admin'), '2026-Q3');
    expect(history.slice(0, 2)).toEqual(
      expect.arrayContaining([
        { indicator: 'registrations', from: 28, to: 29, authorName: 'Sioned Williams', at: later },
        { indicator: 'children-on-register', from: 96, to: null, authorName: 'Sioned Williams', at: later },
      ]),
    );
    expect(history.at(-1)).toMatchObject({ from: null, at: NOW });
    expect(await quarterIndicators(await scope('demo-admin'), '2026-Q3')).toMatchObject({ registrations: 29, 'children-on-register': null });
  });

  it('saves nothing when any value is wrong, and gives the errors beside their fields with what was typed', async () => {
    const result = await indicatorsForm(await scope('demo-admin'), 'en', null, formPost(q3({ registrations: '-2', 'initial-conferences': '3' }), '/evaluation/indicators'));
    expect(result.status).toBe(422);
    expect(result.errors).toEqual({ registrations: { key: 'indicators.errors.negative' }, 'initial-conferences': { key: 'indicators.errors.conferencesBelowAreas' } });
    expect(result.values).toMatchObject({ registrations: '-2', 'children-on-register': '96' });
    expect(await entries()).toHaveLength(0);
    expect(await audits('indicators.saved')).toHaveLength(0);
  });

  it('refuses the quarter under way', async () => {
    const result = await indicatorsForm(await scope('demo-admin'), 'en', null, formPost(q3({ quarter: '2026-Q4' }), '/evaluation/indicators'));
    expect(result.errors).toEqual({ quarter: { key: 'indicators.errors.quarterNotEnded' } });
    expect(await entries()).toHaveLength(0);
  });

  it('a form submitted twice at once saves once', async () => {
    const admin = await scope('demo-admin');
    const [first, second] = await Promise.all([
      indicatorsForm(admin, 'en', null, formPost(q3(), '/evaluation/indicators')),
      indicatorsForm(admin, 'en', null, formPost(q3(), '/evaluation/indicators')),
    ]);
    expect([first.redirect, second.redirect].sort()).toEqual(['/evaluation/indicators?quarter=2026-Q3&done=saved', '/evaluation/indicators?quarter=2026-Q3&done=unchanged']);
    expect(await entries()).toHaveLength(4);
    expect(await audits('indicators.saved')).toHaveLength(1);
  });
});

describe('the recommendations text', () => {
  const organisation = { key: 'organisation', kind: 'organisation', id: null } as const;
  const coast = { key: 'team:demo-team-coast', kind: 'team', id: 'demo-team-coast' } as const;

  it('an administrator saves versions; the newest is current and the earlier ones are listed with author and date', async () => {
    await saveEvaluationNote(await scope('demo-admin', NOW), organisation, 'Extend the workshops to the Uplands team.', null);
    await saveEvaluationNote(await scope('demo-admin', NOW + 60_000), organisation, 'Extend the workshops to the Uplands team.\n\nKeep the pilot team’s mentoring.', '198.51.100.4');
    const notes = await evaluationNotesOf(await scope('demo-admin'), organisation);
    expect(notes.current).toMatchObject({ text: 'Extend the workshops to the Uplands team.\n\nKeep the pilot team’s mentoring.', authorName: 'Sioned Williams', at: NOW + 60_000 });
    expect(notes.earlier).toEqual([expect.objectContaining({ text: 'Extend the workshops to the Uplands team.', at: NOW })]);
    expect(await audits('evaluation-notes.saved')).toHaveLength(2);
  });

  it('a manager reads the recommendations of a team they manage but not the organisation\'s, and writes none', async () => {
    await saveEvaluationNote(await scope('demo-admin'), coast, 'Coastal team: more paired practice.', null);
    await saveEvaluationNote(await scope('demo-admin'), organisation, 'For the whole service.', null);
    const manager = await scope('demo-manager');
    expect((await evaluationNotesOf(manager, coast)).current?.text).toBe('Coastal team: more paired practice.');
    expect((await evaluationNotesOf(manager, organisation)).current).toBeNull();
    expect(await saveEvaluationNote(manager, coast, 'Changed by a manager', null)).toEqual({ ok: false, error: 'not-allowed' });
    expect(await database.db.select().from(evaluationNotes)).toHaveLength(2);
  });

  it('the form saves once when sent twice, refuses empty text with nothing saved, and refuses a scope the viewer cannot choose', async () => {
    const admin = await scope('demo-admin');
    const options = await reportScopeOptions(admin, 'en', PROGRAMMES);
    const post = (text: string, scopeKey = 'organisation') => formPost({ scope: scopeKey, from: '2025-01-01', to: '2026-12-10', text }, '/evaluation');
    const results = await Promise.all([notesForm(admin, 'en', null, post('Keep going.'), options), notesForm(admin, 'en', null, post('Keep going.'), options)]);
    expect(results.map((r) => r.status)).toEqual([303, 303]);
    expect(results[0]!.redirect).toContain('/evaluation?from=2025-01-01&to=2026-12-10&scope=organisation');
    expect(await database.db.select().from(evaluationNotes)).toHaveLength(1);
    const empty = await notesForm(admin, 'en', null, post('   '), options);
    expect([empty.status, empty.errors]).toEqual([422, { text: { key: 'errors.required' } }]);
    expect((await notesForm(admin, 'en', null, post('x', 'team:demo-other-team'), options)).status).toBe(404);
    const manager = await scope('demo-manager');
    expect((await notesForm(manager, 'en', null, post('x', 'team:demo-team-coast'), await reportScopeOptions(manager, 'en', PROGRAMMES))).status).toBe(403);
    expect(await database.db.select().from(evaluationNotes)).toHaveLength(1);
  });
});

describe('the report\'s scopes and Results level', () => {
  it('offers an administrator the organisation, every team, programme and phase; a manager only their teams; a practitioner nothing', async () => {
    await database.db.insert(rolloutPhases).values({ id: 'phase-pilot', organisationId: 'demo-org', name: 'Pilot', startsOn: '2026-01-05', endsOn: '2026-06-30', targetPercent: 80, createdAt: NOW, updatedAt: NOW });
    const admin = (await reportScopeOptions(await scope('demo-admin'), 'cy', PROGRAMMES)).map((o) => o.key);
    expect(admin).toEqual(['organisation', 'team:demo-team-assessment', 'team:demo-team-coast', 'team:demo-team-uplands', 'programme:effective-child-protection', 'phase:phase-pilot']);
    const manager = await reportScopeOptions(await scope('demo-manager'), 'cy', PROGRAMMES);
    expect(manager.map((o) => [o.key, o.name])).toEqual([
      ['team:demo-team-assessment', 'Tîm Asesu a Diogelu'],
      ['team:demo-team-coast', 'Tîm Plant a Theuluoedd yr Arfordir'],
    ]);
    expect(await reportScopeOptions(await scope('demo-learner'), 'en', PROGRAMMES)).toEqual([]);
    expect(await reportScopeOptions(await scope('demo-mentor'), 'en', PROGRAMMES)).toEqual([]);
  });

  it('shows the quarters that overlap the period and the phases of the scope beside them', async () => {
    const admin = await scope('demo-admin');
    for (const quarter of ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']) await saveIndicators(admin, q3({ quarter }), null);
    await database.db.insert(rolloutPhases).values([
      { id: 'phase-pilot', organisationId: 'demo-org', name: 'Pilot', startsOn: '2026-01-05', endsOn: '2026-03-31', targetPercent: 80, createdAt: NOW, updatedAt: NOW },
      { id: 'phase-2', organisationId: 'demo-org', name: 'Phase 2', startsOn: '2026-04-01', endsOn: '2026-09-30', targetPercent: 80, createdAt: NOW, updatedAt: NOW },
    ]);
    await database.db.insert(phaseTeams).values([{ phaseId: 'phase-pilot', teamId: 'demo-team-assessment' }, { phaseId: 'phase-2', teamId: 'demo-team-uplands' }]);
    const options = await reportScopeOptions(admin, 'en', PROGRAMMES);
    const organisation = options.find((o) => o.key === 'organisation')!;
    const results = await resultsOf(admin, organisation, { from: '2026-02-15', to: '2026-08-01' });
    expect(results.quarters.map((q) => [q.quarter, q.startsOn, q.endsOn])).toEqual([
      ['2026-Q1', '2026-01-01', '2026-03-31'],
      ['2026-Q2', '2026-04-01', '2026-06-30'],
      ['2026-Q3', '2026-07-01', '2026-09-30'],
    ]);
    expect(results.phases.map((p) => p.id)).toEqual(['phase-pilot', 'phase-2']);
    const assessment = options.find((o) => o.key === 'team:demo-team-assessment')!;
    expect((await resultsOf(admin, assessment, { from: '2025-10-01', to: '2026-12-10' })).phases.map((p) => p.id)).toEqual(['phase-pilot']);
  });
});

describe('the report\'s period', () => {
  it('reads the dates asked for, and falls back to the two years to today (London) naming a date that is not real or an end before the start', () => {
    const ask = (query: string) => readReportPeriod(new URLSearchParams(query), NOW);
    expect(ask('from=2026-01-01&to=2026-06-30')).toEqual({ period: { from: '2026-01-01', to: '2026-06-30' }, errors: {} });
    expect(ask('')).toEqual({ period: { from: '2024-12-01', to: '2026-12-10' }, errors: {} });
    expect(ask('from=2026-02-30&to=2026-06-30')).toEqual({ period: { from: '2024-12-01', to: '2026-12-10' }, errors: { from: { key: 'report.errors.date' } } });
    expect(ask('from=2026-06-30&to=2026-01-01').errors).toEqual({ to: { key: 'report.errors.endBeforeStart' } });
  });
});

describe('the demo service indicators', () => {
  it('has eight ended quarters that each pass the entry form\'s checks, and one corrected figure in the history', async () => {
    const now = Date.now();
    await seedDemoIndicators(database.db, now);
    const admin = await scope('demo-admin', now);
    const quarters = await currentIndicators(admin);
    expect(quarters).toHaveLength(8);
    for (const { quarter, values } of quarters) {
      expect(SERVICE_INDICATORS.every((i) => values[i] !== null)).toBe(true);
      const form = { quarter, ...Object.fromEntries(SERVICE_INDICATORS.map((i) => [i, String(values[i])])) };
      expect(parseIndicatorEntry(form, now).ok, quarter).toBe(true);
    }
    const latest = quarters.at(-1)!.quarter;
    expect((await indicatorHistory(admin, latest))[0]).toMatchObject({ indicator: 'registrations', from: 32, to: 23, authorName: 'Sioned Williams' });
    expect(Math.max(...(await entries()).map((e) => e.recordedAt))).toBeLessThanOrEqual(now);
  });
});
