import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { prepareDatabase } from '../../scripts/prepare-database.ts';
import { loadContent } from '../../src/content/load.ts';
import { readConfig } from '../../src/server/platform/config.ts';
import { scopeOf } from '../support/scope.ts';
import { consistencyGroups, groupConsistency } from '../../src/server/thresholds/consistency.ts';
import { workshops } from '../../db/schema/index.ts';
import { currentIndicators, evaluationContentOf, evaluationLevels, organisationLevels, platformComparison, readReportPeriod, reportComparison, reportScopeOptions, resultsOf } from '../../src/server/evaluation/index.ts';
import { RECOMMENDATION_RULES, SHARED_FIGURE_KINDS, sharedFigures } from '../../src/domain/evaluation/index.ts';
import { reactionFiguresFor, registerFor, rolloutView, tnaMatrix, trainingHome, workshopView } from '../../src/server/training/index.ts';

// The database exactly as `npm start` makes it on a fresh clone: migrated, demo people, synthetic answers.
let database: Database;
let dir: string;
const { vignettes, programmes } = loadContent(resolve('content'));
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'camau-first-start-'));
  ({ database } = await prepareDatabase(readConfig({ DATABASE_URL: `file:${join(dir, 'camau.db')}` }), () => {}));
});
afterAll(() => {
  database.client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the consistency page on first start', () => {
  it('shows every headline figure for the whole organisation, none undefined', async () => {
    const report = await groupConsistency(await scopeOf(database.db, 'demo-admin'), { kind: 'organisation' }, vignettes);
    if (!report.enough) throw new Error('expected figures for the demo organisation');
    expect(report.decisionAlpha).toEqual({ value: expect.any(Number), reason: null });
    expect(report.decisionKappa).toMatchObject({ value: expect.any(Number), reason: null });
    expect(report.decisionKappa.raters).toBeGreaterThanOrEqual(2);
    expect(report.decisionKappa.raters).toBeLessThan(report.respondents); // some skipped a situation, as in life
    expect(report.likelihoodAlpha).toEqual(expect.any(Number));
    expect(report.vignettes.every((v) => v.modalDecision !== null)).toBe(true);
  });

  it('shows the headline figures for each group the demo manager and mentor can choose', async () => {
    for (const id of ['demo-manager', 'demo-mentor']) {
      const scope = await scopeOf(database.db, id);
      for (const { key, group } of await consistencyGroups(scope)) {
        const report = await groupConsistency(scope, group, vignettes);
        expect(report.enough, `${id} ${key}`).toBe(true);
        if (report.enough) expect([key, report.decisionAlpha.reason, report.decisionKappa.reason]).toEqual([key, null, null]);
      }
    }
  });
});

describe('the demo history on first start', () => {
  it('has everyone who answered a threshold exercise signed in no earlier than their latest answer, and created before their first', async () => {
    const rows = await database.client.execute(`
      SELECT p.id, p.last_sign_in_at AS signedIn, p.created_at AS created, max(a.completed_at) AS latest, min(a.started_at) AS first
      FROM people p JOIN threshold_attempts a ON a.person_id = p.id GROUP BY p.id`);
    expect(rows.rows.length).toBeGreaterThanOrEqual(20);
    for (const r of rows.rows) {
      expect(r.signedIn, String(r.id)).not.toBeNull();
      expect(Number(r.signedIn), String(r.id)).toBeGreaterThanOrEqual(Number(r.latest));
      expect(Number(r.created), String(r.id)).toBeLessThan(Number(r.first));
    }
  });
});

describe('the demo workshops on first start', () => {
  it('offers a dozen workshops, past and to come, in both languages, one full with three waiting and figures on past ones', async () => {
    // The rollout demo adds last financial year's workshops (demo-wm-*); the training demo's are demo-ws-*.
    const all = (await database.db.select().from(workshops)).filter((w) => w.id.startsWith('demo-ws-'));
    expect(all).toHaveLength(12);
    expect(new Set(all.map((w) => w.deliveryLanguage))).toEqual(new Set(['cy', 'en', 'bilingual']));
    expect(new Set(all.map((w) => w.programmeId)).size).toBe(4);
    const learner = await scopeOf(database.db, 'demo-learner');
    const home = await trainingHome(learner);
    expect(home.mine).toEqual([expect.objectContaining({ id: 'demo-ws-07', state: 'waiting', position: 1 })]);
    expect(home.attended.map((w) => w.id)).toEqual(expect.arrayContaining(['demo-ws-01', 'demo-ws-03']));
    const full = await workshopView(learner, 'demo-ws-07');
    expect([full?.placesLeft, full?.waitingCount]).toEqual([0, 3]);
    const admin = await scopeOf(database.db, 'demo-admin');
    expect((await reactionFiguresFor(admin, 'demo-ws-01'))?.figures?.n).toBe(6);
    expect((await registerFor(admin, 'demo-ws-01'))?.rows.every((r) => r.mark !== null)).toBe(true);
  });
});

describe('the two years of demo history on first start', () => {
  // Records per 13-week step back from today: the evaluation report's trends need every step filled.
  async function stepsWith(sql: string): Promise<Set<number>> {
    const now = Date.now();
    const rows = await database.client.execute(sql);
    return new Set(rows.rows.map((r) => Math.floor((now - Number(r.at)) / (91 * 86_400_000))));
  }
  const everyStep = new Set([0, 1, 2, 3, 4, 5, 6, 7]);

  it('holds workshop reactions, first knowledge-check attempts, conversations and threshold answers across the last two years', async () => {
    const reactions = await stepsWith('SELECT created_at AS at FROM workshop_reactions');
    expect([...reactions].filter((s) => s >= 1 && s <= 7)).toHaveLength(7);
    const checks = await stepsWith('SELECT submitted_at AS at FROM knowledge_check_attempts');
    expect([...everyStep].filter((s) => s >= 1).every((s) => checks.has(s))).toBe(true);
    const conversations = await stepsWith("SELECT completed_at AS at FROM simulation_attempts WHERE kind = 'conversation' AND status = 'complete'");
    expect(conversations.size).toBeGreaterThanOrEqual(6);
    const answers = await stepsWith("SELECT completed_at AS at FROM threshold_attempts WHERE status = 'complete'");
    expect([...everyStep].every((s) => answers.has(s))).toBe(true);
  });

  it('has four closed calibration rounds in which at least five people answered every situation', async () => {
    const rounds = await database.client.execute(`
      SELECT r.id, json_array_length(r.vignette_ids) AS situations, count(DISTINCT a.person_id) AS complete
      FROM calibration_rounds r JOIN threshold_attempts a ON a.round_id = r.id
      WHERE r.closed_at IS NOT NULL AND r.organisation_id = 'demo-org' GROUP BY r.id`);
    expect(rounds.rows).toHaveLength(4);
    for (const r of rounds.rows) expect(Number(r.complete)).toBeGreaterThanOrEqual(5);
  });

  it('has released rubric marks, 1:1 sessions and their actions in every half-year, and each module completion follows a passed check', async () => {
    const marks = await stepsWith('SELECT released_at AS at FROM markings WHERE released_at IS NOT NULL');
    expect([0, 2, 4, 6].every((s) => marks.has(s) || marks.has(s + 1))).toBe(true);
    const sessions = await stepsWith("SELECT created_at AS at FROM mentoring_sessions WHERE kind = 'one-to-one' AND state = 'recorded'");
    expect([...everyStep].every((s) => sessions.has(s))).toBe(true);
    const unpassed = await database.client.execute(`
      SELECT c.person_id FROM module_completions c
      WHERE NOT EXISTS (SELECT 1 FROM knowledge_check_attempts k WHERE k.person_id = c.person_id AND k.module_id = c.module_id AND k.passed = 1 AND k.submitted_at <= c.completed_at)
      AND EXISTS (SELECT 1 FROM knowledge_check_attempts k WHERE k.person_id = c.person_id AND k.module_id = c.module_id)`);
    expect(unpassed.rows).toEqual([]);
  });

  it('keeps the demo sign-ins’ own records as they were: no history for the people the walkthrough signs in as', async () => {
    const rows = await database.client.execute(`
      SELECT count(*) AS n FROM knowledge_check_attempts WHERE person_id IN ('demo-learner', 'demo-mentor', 'demo-manager', 'demo-admin', 'demo-p01')`);
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });
});

describe('the demo service indicators on first start', () => {
  it('gives the evaluation report eight ended quarters of figures', async () => {
    const quarters = await currentIndicators(await scopeOf(database.db, 'demo-admin'));
    expect(quarters).toHaveLength(8);
    expect(quarters.every((q) => q.values['children-on-register'] !== null)).toBe(true);
  });
});

describe('the demo needs on first start', () => {
  it('recommends the Risk Model to the later teams while the pilot team must complete it', async () => {
    const view = await tnaMatrix(await scopeOf(database.db, 'demo-admin'), programmes.map((p) => ({ id: p.id, title: p.title, modules: p.modules })), { programmeId: 'risk-model' });
    const need = (personId: string) => view!.rows.find((r) => r.personId === personId)!.cells[0];
    expect(need('demo-p14')).toMatchObject({ need: 'recommended', source: 'team' });
    expect(need('demo-p08')).toMatchObject({ need: 'recommended', source: 'team' });
    expect(need('demo-p01')).toMatchObject({ need: 'required', source: 'team', workshopRequired: true });
    // Ffion is in the pilot team and a later one: the stronger need wins.
    expect(need('demo-p06')).toMatchObject({ need: 'required' });
  });
});

describe('the demo rollout on first start', () => {
  it('has a pilot that ended at its target and a phase 2 under way that is at risk', async () => {
    const view = await rolloutView(await scopeOf(database.db, 'demo-admin'), programmes.map((p) => ({ id: p.id, moduleIds: p.modules })));
    const [pilot, phase2] = [view.find((p) => p.id === 'demo-phase-pilot')!, view.find((p) => p.id === 'demo-phase-2')!];
    const today = new Date().toISOString().slice(0, 10);
    expect(pilot.endsOn < today).toBe(true);
    expect(pilot.percent).toBeGreaterThanOrEqual(pilot.targetPercent);
    expect(pilot.atRisk).toBe(false);
    expect(phase2.startsOn <= today && phase2.endsOn > today).toBe(true);
    expect(phase2.atRisk).toBe(true);
  });
});

describe('the comparison between councils on first start', () => {
  const content = loadContent(resolve('content'));
  const evaluationContent = evaluationContentOf(content);
  const period = readReportPeriod(new URLSearchParams(), Date.now()).period;

  it('has three demo councils taking part, each with every kind of shared figure about five or more people', async () => {
    const { participants, figures } = await platformComparison(database.db, period, evaluationContent, new Date());
    expect(participants.map((p) => p.nameEn)).toEqual(['Example Council', 'Harbour Council (demo)', 'Valley Council (demo)']);
    for (const id of ['demo-org', 'demo-mon', 'demo-conwy']) {
      const kinds = new Set(sharedFigures(await organisationLevels(database.db, id, period, evaluationContent, new Date())).map((f) => f.kind));
      expect([...kinds].sort(), id).toEqual([...SHARED_FIGURE_KINDS].sort());
    }
    for (const kind of SHARED_FIGURE_KINDS) expect(figures.some((f) => f.kind === kind && f.contributors === 3 && f.median !== null), kind).toBe(true);
  });

  it('shows the demo admin the medians beside the report, and nothing to the other, non-participating demo council', async () => {
    const ours = await reportComparison(await scopeOf(database.db, 'demo-admin'), period, evaluationContent);
    expect(ours?.filter((f) => f.median !== null).length).toBeGreaterThan(10);
    expect(await reportComparison(await scopeOf(database.db, 'demo-other-admin'), period, evaluationContent)).toBeNull();
  });
});

describe('the evaluation report on first start', () => {
  const content = loadContent(resolve('content'));

  async function organisationReport() {
    const scope = await scopeOf(database.db, 'demo-admin');
    const period = readReportPeriod(new URLSearchParams(), Date.now()).period;
    const option = (await reportScopeOptions(scope, 'en', [])).find((o) => o.key === 'organisation')!;
    return { levels: (await evaluationLevels(scope, option, period, evaluationContentOf(content)))!, results: await resultsOf(scope, option, period) };
  }

  it('shows figures in every section for the whole organisation over the default period', async () => {
    const { levels, results } = await organisationReport();
    const shown = <T extends { suppressed: boolean }>(figures: readonly T[]) => figures.filter((f) => !f.suppressed);
    expect(shown(levels.reaction.programmes.map((p) => p.figure)).length, 'reactions').toBeGreaterThan(0);
    expect(levels.reaction.comments?.length, 'comments').toBeGreaterThan(0);
    expect(shown(levels.learning.firstAttempts.map((m) => m.figure)).length, 'first attempts').toBeGreaterThan(0);
    expect(shown(levels.learning.confidence.map((p) => p.figure)).length, 'confidence').toBeGreaterThan(0);
    expect(shown(Object.values(levels.learning.miti)).length, 'MITI').toBe(Object.keys(levels.learning.miti).length);
    expect(shown(levels.behaviour.byQuarter.map((q) => q.figure)).length, 'consistency by quarter').toBeGreaterThan(0);
    expect(shown(levels.behaviour.byRound.map((r) => r.figure)).length, 'calibration rounds').toBeGreaterThan(0);
    expect(shown(levels.behaviour.rubricScores.map((r) => r.figure)).length, 'rubric scores').toBeGreaterThan(0);
    expect(shown(levels.behaviour.actions.map((a) => a.figure)).length, 'actions').toBeGreaterThan(0);
    expect(levels.behaviour.oneToOne.suppressed, '1:1 share').toBe(false);
    expect(results.quarters.length, 'service indicators').toBeGreaterThan(0);
    expect(results.phases.length, 'rollout phases').toBeGreaterThan(0);
  });

  it('raises a flag under each of the five recommendation rules', async () => {
    const { levels } = await organisationReport();
    expect([...new Set(levels.recommendations.map((r) => r.rule))].sort()).toEqual([...RECOMMENDATION_RULES].sort());
  });
});
