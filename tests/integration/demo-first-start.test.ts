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

// The database exactly as `npm start` makes it on a fresh clone: migrated, demo people, synthetic answers.
let database: Database;
let dir: string;
const { vignettes } = loadContent(resolve('content'));
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
