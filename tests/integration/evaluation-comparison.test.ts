import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, knowledgeCheckAttempts, organisations, people, personRoles } from '../../db/schema/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { tablesOf } from '../../src/domain/evaluation/index.ts';
import {
  figureRecords,
  reportDocument,
  platformComparison,
  reportComparison,
  setFigureSharing,
  type EvaluationContent,
  type EvaluationReportData,
} from '../../src/server/evaluation/index.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';

// 10 December 2026; the comparison covers the calendar year.
const NOW = Date.UTC(2026, 11, 10, 12);
const IN_PERIOD = Date.UTC(2026, 5, 10, 12);
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };
const MODULE = 'ecp-module';
const CONTENT: EvaluationContent = { programmes: [{ id: 'effective-child-protection', moduleIds: [MODULE] }], vignettes: [], rubrics: [] };
const OURS = ['demo-learner', 'demo-mentor', 'demo-p01', 'demo-p02', 'demo-p03'];

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const scope = (personId: string) => scopeOf(database.db, personId, NOW);

/** Everyone's first attempt at the module scores `percent` (out of 10 questions). */
async function firstAttempts(organisationId: string, personIds: readonly string[], percent: number) {
  await database.db.insert(knowledgeCheckAttempts).values(
    personIds.map((personId) => ({ id: `kc-${personId}`, personId, organisationId, moduleId: MODULE, moduleVersion: 1, answers: {}, score: percent / 10, total: 10, passed: percent >= 80, startedAt: IN_PERIOD - 600_000, submittedAt: IN_PERIOD })),
  );
}

/** A council with an admin and `staff` people whose first attempts score `percent`; opted in unless said. */
async function addCouncil(id: string, name: string, percent: number, { staff = 6, shares = true, kind = 'council' as 'council' | 'platform', deactivated = false } = {}) {
  await database.db.insert(organisations).values({ id, nameEn: name, nameCy: `${name} (cy)`, createdAt: NOW - 1000, kind, sharesFiguresSince: shares ? NOW - 1000 : null, deactivatedAt: deactivated ? NOW - 500 : null });
  const ids = Array.from({ length: staff }, (_, i) => `${id}-p${i + 1}`);
  await database.db.insert(people).values(
    [`${id}-admin`, ...ids].map((personId) => ({ id: personId, organisationId: id, email: `${personId}@example.test`, name: `Person ${personId}`, locale: 'en' as const, status: 'active' as const, createdAt: NOW - 1000, updatedAt: NOW - 1000 })),
  );
  await database.db.insert(personRoles).values({ personId: `${id}-admin`, role: 'admin' });
  await firstAttempts(id, ids, percent);
}

const optIn = async (organisationId: string) => database.db.update(organisations).set({ sharesFiguresSince: NOW - 1000 }).where(eq(organisations.id, organisationId));
const moduleFigure = (figures: Awaited<ReturnType<typeof reportComparison>>) => figures?.find((f) => f.key === `first-attempt:${MODULE}`);

describe('taking part in the comparison', () => {
  const audits = () => database.db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, 'demo-org')));

  it('is off by default, and an admin opts in and out, each change audited once', async () => {
    const [before] = await database.db.select({ since: organisations.sharesFiguresSince }).from(organisations).where(eq(organisations.id, 'demo-org'));
    expect(before?.since).toBeNull();

    expect(await setFigureSharing(await scope('demo-admin'), true, '192.0.2.1')).toEqual({ ok: true, changed: true });
    expect(await setFigureSharing(await scope('demo-admin'), true, '192.0.2.1')).toEqual({ ok: true, changed: false });
    const [after] = await database.db.select({ since: organisations.sharesFiguresSince }).from(organisations).where(eq(organisations.id, 'demo-org'));
    expect(after?.since).toBe(NOW);
    expect(await setFigureSharing(await scope('demo-admin'), false, null)).toEqual({ ok: true, changed: true });

    const actions = (await audits()).map((a) => ({ action: a.action, actor: a.actorId, ip: a.ip }));
    expect(actions.filter((a) => a.action.startsWith('comparison.'))).toEqual([
      { action: 'comparison.joined', actor: 'demo-admin', ip: '192.0.2.1' },
      { action: 'comparison.left', actor: 'demo-admin', ip: null },
    ]);
  });

  it('is an admin’s decision only: a manager or a learner is refused and nothing changes', async () => {
    expect(await setFigureSharing(await scope('demo-manager'), true, null)).toEqual({ ok: false, error: 'not-allowed' });
    expect(await setFigureSharing(await scope('demo-learner'), true, null)).toEqual({ ok: false, error: 'not-allowed' });
    const [row] = await database.db.select({ since: organisations.sharesFiguresSince }).from(organisations).where(eq(organisations.id, 'demo-org'));
    expect(row?.since).toBeNull();
    expect((await audits()).filter((a) => a.action.startsWith('comparison.'))).toEqual([]);
  });
});

describe('the medians beside the report', () => {
  beforeEach(async () => {
    await firstAttempts('demo-org', OURS, 60);
    await addCouncil('council-b', 'Bryn Council', 80);
    await addCouncil('council-c', 'Cwm Council', 70);
  });

  it('are shown only to a council that takes part itself', async () => {
    expect(await reportComparison(await scope('demo-admin'), PERIOD, CONTENT)).toBeNull();
    await optIn('demo-org');
    expect(moduleFigure(await reportComparison(await scope('demo-admin'), PERIOD, CONTENT))).toMatchObject({ contributors: 3, median: 70, range: null });
    expect(moduleFigure(await reportComparison(await scope('demo-manager'), PERIOD, CONTENT))).toMatchObject({ contributors: 3, median: 70 });
    expect(await reportComparison(await scope('demo-learner'), PERIOD, CONTENT)).toBeNull();
  });

  it('leave out a council that opts out, from the next computation on', async () => {
    await optIn('demo-org');
    expect(moduleFigure(await reportComparison(await scope('demo-admin'), PERIOD, CONTENT))?.median).toBe(70);
    expect(await setFigureSharing(await scope('council-c-admin'), false, null)).toEqual({ ok: true, changed: true });
    expect(moduleFigure(await reportComparison(await scope('demo-admin'), PERIOD, CONTENT))).toMatchObject({ contributors: 2, median: null, range: null });
  });

  it('count no deactivated council, no platform row and no figure about fewer than five people', async () => {
    await optIn('demo-org');
    await addCouncil('council-d', 'Dyffryn Council', 10, { deactivated: true });
    await addCouncil('platform', 'Platform', 10, { kind: 'platform' });
    await addCouncil('council-e', 'Eithin Council', 10, { staff: 4 });
    expect(moduleFigure(await reportComparison(await scope('demo-admin'), PERIOD, CONTENT))).toMatchObject({ contributors: 3, median: 70 });
  });

  it('give a range once five councils contribute', async () => {
    await optIn('demo-org');
    await addCouncil('council-d', 'Dyffryn Council', 90);
    await addCouncil('council-e', 'Eithin Council', 50);
    expect(moduleFigure(await reportComparison(await scope('demo-admin'), PERIOD, CONTENT))).toMatchObject({ contributors: 5, median: 70, range: { low: 50, high: 90 } });
  });

  it('never give another council’s admin a figure of a named council, nor the operator a named figure', async () => {
    await optIn('demo-org');
    const seen = JSON.stringify(await reportComparison(await scope('council-b-admin'), PERIOD, CONTENT));
    for (const named of ['Example Council', 'Cyngor Enghreifftiol', 'demo-org', 'Cwm Council', 'council-c', 'Bryn Council']) expect(seen).not.toContain(named);

    const operator = await platformComparison(database.db, PERIOD, CONTENT, new Date(NOW));
    expect(operator.participants).toEqual([
      { nameEn: 'Bryn Council', nameCy: 'Bryn Council (cy)' },
      { nameEn: 'Cwm Council', nameCy: 'Cwm Council (cy)' },
      { nameEn: 'Example Council', nameCy: 'Cyngor Enghreifftiol' },
    ]);
    expect(moduleFigure(operator.figures)).toEqual({ key: `first-attempt:${MODULE}`, kind: 'first-attempt', subject: MODULE, figure: 'first-attempt-score', contributors: 3, median: 70, range: null });
    const figuresText = JSON.stringify(operator.figures);
    for (const named of ['Council', 'Cyngor', 'council-', 'demo-org']) expect(figuresText).not.toContain(named);
  });

  it('go into the figures export as rows with their definition (a withheld range without a value) and into the Word document’s table', async () => {
    await optIn('demo-org');
    const comparison = await reportComparison(await scope('demo-admin'), PERIOD, CONTENT);
    const data = { period: PERIOD, periodErrors: {}, chosen: { key: 'organisation', kind: 'organisation', id: null, name: '', teamIds: [] }, levels: null, results: { quarters: [], phases: [] }, notes: { current: null, earlier: [] }, comparison, names: new Map([[MODULE, 'The module']]) } as unknown as EvaluationReportData;
    const rows = figureRecords(data, translator('en'), 'en').filter((r) => r.figure.startsWith('comparison-') && r.subject === 'The module');
    expect(rows.map((r) => [r.figure, r.value, r.n, r.suppressed])).toEqual([
      ['comparison-median', 70, 3, false],
      ['comparison-range-low', null, 3, true],
      ['comparison-range-high', null, 3, true],
    ]);
    expect(rows[0]!.definition).toContain('at least 3 councils');
    // A withheld median carries no count of councils either: the page only says there are not enough.
    const withheld = figureRecords({ ...data, comparison: comparison!.map((c) => ({ ...c, contributors: 2, median: null, range: null })) }, translator('en'), 'en').filter((r) => r.figure === 'comparison-median');
    expect(withheld.length).toBeGreaterThan(0);
    expect(withheld.every((r) => r.n === null && r.value === null && r.suppressed)).toBe(true);
    const table = tablesOf(reportDocument(data, translator('cy'), 'cy')).find((t) => t.caption === 'Canolrifau ar gyfer y sefydliad cyfan ar draws cynghorau');
    expect(table?.rows.find((r) => r[1] === 'The module')?.slice(2)).toEqual(['Canolrif ar draws 3 cyngor: 70.0%', '–']);
  });
});
