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
import { reactionFiguresFor, registerFor, tnaMatrix, trainingHome, workshopView } from '../../src/server/training/index.ts';

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
