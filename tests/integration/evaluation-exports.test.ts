import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'csv-parse/sync';
import { auditEvents, calibrationRounds, indicatorEntries, knowledgeCheckAttempts, workshopReactions, workshops } from '../../db/schema/index.ts';
import { tablesOf } from '../../src/domain/evaluation/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { evaluationReportData, figureRecords, reportChoices, reportDocument, reportExportResponse, type ReportExportFormat } from '../../src/server/evaluation/index.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';
import { resolve } from 'node:path';
import { loadContent } from '../../src/content/load.ts';
import type { ReportContent } from '../../src/server/evaluation/index.ts';

const CONTENT: ReportContent = loadContent(resolve('content'));

// 10 December 2026; the report covers the calendar year.
const NOW = Date.UTC(2026, 11, 10, 12);
const IN_PERIOD = Date.UTC(2026, 5, 10, 12);
const QUERY = { from: '2026-01-01', to: '2026-12-31' };
const ECP = 'effective-child-protection';
const MODULE = 'ecp-four-components';
const ASSESSMENT = ['demo-learner', 'demo-mentor', 'demo-p01', 'demo-p02', 'demo-p03', 'demo-p04'];

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
  await database.db.insert(workshops).values({
    id: 'w-ours',
    organisationId: 'demo-org',
    programmeId: ECP,
    title: 'Gweithdy',
    date: '2026-06-10',
    startAt: IN_PERIOD,
    endAt: IN_PERIOD + 3_600_000,
    deliveryLanguage: 'cy',
    places: 20,
    bookingClosesOn: '2026-06-01',
    createdAt: IN_PERIOD,
    updatedAt: IN_PERIOD,
  });
  // Six people react (shown); four take the knowledge check (withheld).
  await database.db.insert(workshopReactions).values(ASSESSMENT.map((personId) => ({ workshopId: 'w-ours', personId, usefulness: 2, relevance: 4, confidence: 3, comment: null, createdAt: IN_PERIOD })));
  await database.db.insert(knowledgeCheckAttempts).values(
    ASSESSMENT.slice(0, 4).map((personId) => ({ id: `kc-${personId}`, personId, organisationId: 'demo-org', moduleId: MODULE, moduleVersion: 1, answers: {}, score: 7, total: 10, passed: false, submittedAt: IN_PERIOD })),
  );
  await database.db.insert(indicatorEntries).values({ id: 'ie-1', organisationId: 'demo-org', quarter: '2026-Q2', indicator: 'registrations', value: 12, authorId: 'demo-admin', recordedAt: IN_PERIOD });
});
afterEach(() => database.cleanup());

const scope = (personId: string) => scopeOf(database.db, personId, NOW);
const query = (extra: Record<string, string> = {}) => new URLSearchParams({ ...QUERY, ...extra });

async function reportFor(personId: string, locale: 'en' | 'cy', extra: Record<string, string> = {}) {
  const s = await scope(personId);
  const choices = await reportChoices(s, locale, CONTENT);
  const data = await evaluationReportData(s, locale, choices!, query(extra));
  return data!;
}

async function download(personId: string, locale: 'en' | 'cy', format: ReportExportFormat, extra: Record<string, string> = {}) {
  return reportExportResponse(await scope(personId), locale, translator(locale), CONTENT, query(extra), format, '127.0.0.1');
}

const fileName = (response: Response) => /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1];
const exportsAudited = () => database.db.select().from(auditEvents).where(eq(auditEvents.action, 'evaluation.exported'));

describe('the evaluation report’s figure records', () => {
  it('include each level’s figures with their n, glossary name, period and scope, and no value where withheld', async () => {
    const t = translator('en');
    const records = figureRecords(await reportFor('demo-admin', 'en'), t, 'en');
    expect(records).toContainEqual(
      expect.objectContaining({ level: 1, figure: 'reaction-usefulness', name: 'Usefulness of workshops', subject: 'Effective Child Protection', scope: 'The whole organisation', value: 2, n: 6, suppressed: false }),
    );
    expect(records).toContainEqual(expect.objectContaining({ level: 2, figure: 'first-attempt-score', n: 4, value: null, suppressed: true }));
    expect(records).toContainEqual(expect.objectContaining({ level: 3, figure: 'decision-alpha', subject: 'Q1 2026', n: 0, value: null, suppressed: true }));
    expect(records).toContainEqual(expect.objectContaining({ level: 3, figure: 'one-to-one-share', subject: 'The whole organisation' }));
    expect(records).toContainEqual(expect.objectContaining({ level: 4, figure: 'indicator-registrations', subject: 'Q2 2026', value: 12, n: null, suppressed: false }));
    expect(records.filter((r) => r.suppressed).every((r) => r.value === null)).toBe(true);
    expect(new Set(records.map((r) => r.period))).toEqual(new Set(['1 January 2026 – 31 December 2026']));
    expect(records.every((r) => r.definition.length > 0)).toBe(true);
  });

  it('count how many gave each workshop rating, and name quarters as the indicators page does in Welsh', async () => {
    const records = figureRecords(await reportFor('demo-admin', 'cy'), translator('cy'), 'cy');
    const rated = (rating: number) => records.find((r) => r.figure === `reaction-usefulness-rated-${rating}`);
    expect(rated(2)).toMatchObject({ level: 1, subject: 'Amddiffyn Plant Effeithiol', value: 6, n: 6, name: 'Defnyddioldeb y gweithdai (nifer a roddodd sgôr 2)' });
    expect(rated(5)).toMatchObject({ value: 0, n: 6 });
    expect(records).toContainEqual(expect.objectContaining({ figure: 'indicator-registrations', subject: 'Chwarter 2 2026' }));
    expect(records.map((r) => r.subject)).not.toContain('2026-Q2');
  });

  it('name a calibration round by its title now, so a renamed round shows its new title while the figures are kept', async () => {
    const vignetteId = CONTENT.vignettes[0]!.id;
    await database.db.insert(calibrationRounds).values({ id: 'round-1', organisationId: 'demo-org', createdBy: 'demo-admin', title: 'Spring round', vignetteIds: [vignetteId], opensAt: IN_PERIOD - 86_400_000, closesAt: IN_PERIOD, closedAt: null, createdAt: IN_PERIOD - 86_400_000 });
    const before = await reportFor('demo-admin', 'en');
    expect(before.levels!.behaviour.byRound).toEqual([expect.not.objectContaining({ title: expect.anything() })]);
    expect(figureRecords(before, translator('en'), 'en')).toContainEqual(expect.objectContaining({ figure: 'decision-alpha', subject: 'Spring round', n: 0, suppressed: true }));
    await database.db.update(calibrationRounds).set({ title: 'Spring round (renamed)' }).where(eq(calibrationRounds.id, 'round-1'));
    const after = await reportFor('demo-admin', 'en');
    expect(after.computedAt).toBe(before.computedAt);
    const records = figureRecords(after, translator('en'), 'en').filter((r) => r.level === 3 && r.subject.startsWith('Spring'));
    expect(new Set(records.map((r) => r.subject))).toEqual(new Set(['Spring round (renamed)']));
    expect(records.map((r) => r.figure)).toEqual(['decision-alpha', 'likelihood-alpha', 'decision-kappa', 'panel-agreement']);
  });
});

describe('the evaluation report’s downloads', () => {
  it('give the Word document the page’s headings and tables, under a dated English file name, and audit the export', async () => {
    const response = await download('demo-admin', 'en', 'docx');
    expect(response.status).toBe(200);
    expect(fileName(response)).toBe('evaluation-2026-12-10.docx');
    const xml = strFromU8(unzipSync(new Uint8Array(await response.arrayBuffer()))['word/document.xml']!);
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const doc = reportDocument(await reportFor('demo-admin', 'en'), translator('en'), 'en');
    const headings = (sections: typeof doc.sections): string[] => sections.flatMap((s) => [s.heading, ...headings(s.sections ?? [])]);
    expect(headings(doc.sections)).toEqual(expect.arrayContaining(['1 Reaction', '2 Learning', '3 Behaviour', 'Glossary']));
    for (const heading of headings(doc.sections)) expect(texts).toContain(heading);
    for (const table of tablesOf(doc)) expect(texts).toContain(table.caption);
    expect(texts).toContain('Effective Child Protection');
    expect(await exportsAudited()).toEqual([expect.objectContaining({ actorId: 'demo-admin', detail: { format: 'docx', scope: 'organisation', from: '2026-01-01', to: '2026-12-31' } })]);
  });

  it('write every figure to a Welsh CSV under a Welsh dated file name, a withheld figure with no value', async () => {
    const response = await download('demo-admin', 'cy', 'csv');
    expect(fileName(response)).toBe('gwerthuso-2026-12-10.csv');
    const csv = await response.text();
    const [header, ...rows] = parse(csv.replace(/^\uFEFF/, '')) as string[][];
    const t = translator('cy');
    expect(header![0]).toBe(t('evaluationExport.column.level'));
    const records = figureRecords(await reportFor('demo-admin', 'cy'), t, 'cy');
    expect(rows).toHaveLength(records.length);
    const usefulness = rows.find((r) => r[1] === 'reaction-usefulness')!;
    expect(usefulness.slice(6, 10)).toEqual(['Amddiffyn Plant Effeithiol', '2', '6', t('evaluationExport.no')]);
    const check = rows.find((r) => r[1] === 'first-attempt-score')!;
    expect(check.slice(7, 10)).toEqual(['', '4', t('evaluationExport.yes')]);
    expect(header![8]).toBe('n');
    expect(await exportsAudited()).toEqual([expect.objectContaining({ actorId: 'demo-admin', detail: { format: 'csv', scope: 'organisation', from: '2026-01-01', to: '2026-12-31' } })]);
  });

  it('write the same records as JSON for the scope asked for', async () => {
    const response = await download('demo-admin', 'en', 'json', { scope: 'team:demo-team-assessment' });
    expect(fileName(response)).toBe('evaluation-2026-12-10.json');
    const body = JSON.parse(await response.text());
    const records = figureRecords(await reportFor('demo-admin', 'en', { scope: 'team:demo-team-assessment' }), translator('en'), 'en');
    expect(body).toMatchObject({ title: 'Evaluation', language: 'en', period: '1 January 2026 – 31 December 2026' });
    expect(body.scope).toMatch(/^Team: /);
    expect(body.figures).toEqual(JSON.parse(JSON.stringify(records)));
    expect(await exportsAudited()).toEqual([expect.objectContaining({ actorId: 'demo-admin', detail: { format: 'json', scope: 'team:demo-team-assessment', from: '2026-01-01', to: '2026-12-31' } })]);
  });

  it('are refused to a practitioner (403) and for a scope outside the viewer’s own (404), with nothing audited', async () => {
    for (const format of ['docx', 'csv', 'json'] as const) {
      expect((await download('demo-learner', 'en', format)).status).toBe(403);
      expect((await download('demo-other-admin', 'en', format, { scope: 'team:demo-team-assessment' })).status).toBe(404);
      expect((await download('demo-manager', 'en', format, { scope: 'organisation' })).status).toBe(404);
    }
    expect(await exportsAudited()).toEqual([]);
  });
});
