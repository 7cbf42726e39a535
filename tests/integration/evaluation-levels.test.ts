import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confidenceRatings, knowledgeCheckAttempts, mentoringSessions, thresholdAttempts, workshopReactions, workshops } from '../../db/schema/index.ts';
import type { Decision, Likelihood } from '../../src/domain/thresholds/index.ts';
import { evaluationLevels, reportScopeOptions, type EvaluationContent, type ReportScopeOption } from '../../src/server/evaluation/index.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';

// 10 December 2026; the report covers the calendar year.
const NOW = Date.UTC(2026, 11, 10, 12);
const IN_PERIOD = Date.UTC(2026, 5, 10, 12);
const BEFORE_PERIOD = Date.UTC(2025, 5, 10, 12);
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };
const ECP = 'effective-child-protection';
const CONTENT: EvaluationContent = {
  programmes: [{ id: ECP, moduleIds: ['ecp-module'] }],
  vignettes: [
    { id: 'v1', panel: { decision: 'strategy-discussion', likelihood: 'likely' } },
    { id: 'v2', panel: { decision: 'information-and-advice', likelihood: 'unlikely' } },
  ],
  rubrics: [],
};
// Eight of the ten active members of the Assessment team (demo-manager manages it; demo-manager-2 does not).
const ASSESSMENT = ['demo-learner', 'demo-mentor', 'demo-p01', 'demo-p02', 'demo-p03', 'demo-p04', 'demo-p05', 'demo-p20'];

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const scope = (personId: string) => scopeOf(database.db, personId, NOW);
const optionFor = async (personId: string, key: string): Promise<ReportScopeOption | undefined> =>
  (await reportScopeOptions(await scope(personId), 'en', [{ id: ECP, name: 'Effective Child Protection' }])).find((o) => o.key === key);
const levelsFor = async (personId: string, key = 'organisation') => {
  const option = await optionFor(personId, key);
  if (!option) throw new Error(`${personId} may not choose ${key}`);
  return evaluationLevels(await scope(personId), option, PERIOD, CONTENT);
};

async function addWorkshop(id: string, organisationId: string) {
  await database.db.insert(workshops).values({
    id,
    organisationId,
    programmeId: ECP,
    title: 'Gweithdy',
    date: '2026-06-10',
    startAt: IN_PERIOD,
    endAt: IN_PERIOD + 3_600_000,
    deliveryLanguage: 'cy',
    places: 20,
    bookingClosesOn: '2026-06-01',
    createdAt: BEFORE_PERIOD,
    updatedAt: BEFORE_PERIOD,
  });
}

async function react(workshopId: string, personIds: readonly string[], usefulness: number, comment: string | null = null) {
  await database.db.insert(workshopReactions).values(personIds.map((personId) => ({ workshopId, personId, usefulness, relevance: 4, confidence: 3, comment, createdAt: IN_PERIOD })));
}

async function checkAttempt(personId: string, score: number, submittedAt: number) {
  await database.db.insert(knowledgeCheckAttempts).values({
    id: `kc-${personId}-${submittedAt}`,
    personId,
    organisationId: personId.startsWith('demo-other') ? 'demo-other-org' : 'demo-org',
    moduleId: 'ecp-module',
    moduleVersion: 1,
    answers: {},
    score,
    total: 10,
    passed: score >= 8,
    submittedAt,
  });
}

async function answer(personId: string, vignetteId: string, decision: Decision, likelihood: Likelihood) {
  await database.db.insert(thresholdAttempts).values({
    id: `ta-${personId}-${vignetteId}`,
    personId,
    organisationId: 'demo-org',
    vignetteId,
    vignetteVersion: 1,
    snapshot: {},
    status: 'complete',
    decision,
    likelihood,
    startedAt: IN_PERIOD - 60_000,
    completedAt: IN_PERIOD,
  });
}

describe('levels 1–3 of the evaluation report from real records', () => {
  it('counts workshop reactions per programme, flags low usefulness, and never counts another organisation’s', async () => {
    await addWorkshop('w-ours', 'demo-org');
    await addWorkshop('w-theirs', 'demo-other-org');
    await react('w-ours', ASSESSMENT.slice(0, 6), 2, 'Rhy gyflym');
    await react('w-theirs', ['demo-other-p01'], 5);
    const levels = await levelsFor('demo-admin');
    const [ecp] = levels!.reaction.programmes;
    expect(ecp).toMatchObject({ programmeId: ECP, figure: { n: 6, suppressed: false } });
    expect(ecp!.figure.value!.usefulness.mean).toBe(2);
    expect(levels!.reaction.comments).toEqual(Array.from({ length: 6 }, () => ({ programmeId: ECP, text: 'Rhy gyflym' })));
    expect(levels!.recommendations).toContainEqual({ rule: 'workshop-usefulness-low', programmeId: ECP, figures: { meanUsefulness: 2, reactions: 6 } });
  });

  it('withholds a figure about fewer than five people but still gives its n', async () => {
    await addWorkshop('w-ours', 'demo-org');
    await react('w-ours', ASSESSMENT.slice(0, 4), 2);
    for (const id of ASSESSMENT.slice(0, 4)) await checkAttempt(id, 7, IN_PERIOD);
    const levels = await levelsFor('demo-admin');
    expect(levels!.reaction.programmes[0]!.figure).toEqual({ n: 4, value: null, suppressed: true });
    expect(levels!.learning.firstAttempts[0]!.figure).toEqual({ n: 4, value: null, suppressed: true });
    expect(levels!.recommendations.filter((r) => r.rule === 'workshop-usefulness-low')).toEqual([]);
  });

  it('scores only each person’s first ever knowledge-check attempt, even when it came before the period', async () => {
    for (const id of ASSESSMENT.slice(0, 5)) await checkAttempt(id, 6, IN_PERIOD);
    await checkAttempt('demo-p20', 2, BEFORE_PERIOD);
    await checkAttempt('demo-p20', 10, IN_PERIOD);
    const [module] = (await levelsFor('demo-admin'))!.learning.firstAttempts;
    expect(module).toMatchObject({ moduleId: 'ecp-module', figure: { n: 5, value: { mean: 60, median: 60 } } });
  });

  it('measures decision consistency by quarter and flags a team whose agreement is low', async () => {
    const decisions: Decision[] = ['no-further-action', 'information-and-advice', 'care-and-support-assessment', 'strategy-discussion', 'immediate-protection', 'no-further-action'];
    for (const [i, id] of ASSESSMENT.slice(0, 6).entries()) {
      await answer(id, 'v1', decisions[i]!, 'likely');
      await answer(id, 'v2', decisions[(i + 2) % decisions.length]!, 'possible');
    }
    const levels = await levelsFor('demo-admin');
    const q2 = levels!.behaviour.byQuarter.find((q) => q.quarter === '2026-Q2');
    expect(q2!.figure.n).toBe(6);
    expect(q2!.figure.value!.decisionAlpha.value).toBeLessThan(0.667);
    expect(levels!.behaviour.byQuarter.find((q) => q.quarter === '2026-Q1')!.figure).toEqual({ n: 0, value: null, suppressed: true });
    expect(levels!.recommendations).toContainEqual(expect.objectContaining({ rule: 'team-decision-agreement-low', teamId: 'demo-team-assessment', figures: expect.objectContaining({ raters: 6 }) }));
  });

  it('gives the share of staff with a one-to-one session in the last eight weeks of the period', async () => {
    await database.db.insert(mentoringSessions).values(
      ASSESSMENT.slice(0, 3).map((menteeId, i) => ({
        id: `s-${i}`,
        organisationId: 'demo-org',
        authorId: 'demo-mentor',
        kind: 'one-to-one' as const,
        menteeId,
        date: '2026-12-01',
        startsAt: '10:00',
        durationMinutes: 60,
        format: 'in-person' as const,
        focus: [],
        state: 'recorded' as const,
        requestKey: `rk-${i}`,
        createdAt: NOW,
        updatedAt: NOW,
      })),
    );
    const levels = await levelsFor('demo-admin', 'team:demo-team-assessment');
    expect(levels!.behaviour.oneToOne).toEqual({ n: 10, value: { withSession: 3, percent: 30 }, suppressed: false });
  });

  it('a manager sees only the teams they manage, and no free-text comments', async () => {
    await addWorkshop('w-ours', 'demo-org');
    await react('w-ours', ASSESSMENT.slice(0, 6), 4, 'Defnyddiol');
    expect(await optionFor('demo-manager-2', 'team:demo-team-assessment')).toBeUndefined();
    expect(await optionFor('demo-manager-2', 'organisation')).toBeUndefined();
    const assessment = (await optionFor('demo-manager', 'team:demo-team-assessment'))!;
    expect(await evaluationLevels(await scope('demo-manager-2'), assessment, PERIOD, CONTENT)).toBeNull();
    const uplands = await levelsFor('demo-manager-2', 'team:demo-team-uplands');
    expect(uplands!.reaction.programmes).toEqual([]);
    const own = await levelsFor('demo-manager', 'team:demo-team-assessment');
    expect(own!.reaction.programmes[0]!.figure.n).toBe(6);
    expect(own!.reaction.comments).toBeNull();
  });

  it('pairs confidence before and after per person, and a programme scope keeps only that programme’s records', async () => {
    await database.db.insert(confidenceRatings).values(
      ASSESSMENT.slice(0, 5).flatMap((personId, i) => [
        { personId, programmeId: ECP, statementId: 's1', moment: 'before' as const, rating: 4, organisationId: 'demo-org', ratedAt: BEFORE_PERIOD },
        { personId, programmeId: ECP, statementId: 's1', moment: 'after' as const, rating: 6 + (i % 2), organisationId: 'demo-org', ratedAt: IN_PERIOD },
        // A statement rated only before is left out of the pair.
        { personId, programmeId: ECP, statementId: 's2', moment: 'before' as const, rating: 1, organisationId: 'demo-org', ratedAt: BEFORE_PERIOD },
      ]),
    );
    await database.db.insert(workshops).values({ id: 'w-other-programme', organisationId: 'demo-org', programmeId: 'risk-model', title: 'Risk', date: '2026-06-10', startAt: IN_PERIOD, endAt: IN_PERIOD + 1, deliveryLanguage: 'en', places: 20, bookingClosesOn: '2026-06-01', createdAt: BEFORE_PERIOD, updatedAt: BEFORE_PERIOD });
    await react('w-other-programme', ASSESSMENT.slice(0, 5), 5);
    const levels = await levelsFor('demo-admin', `programme:${ECP}`);
    const [confidence] = levels!.learning.confidence;
    expect(confidence).toMatchObject({ programmeId: ECP, figure: { n: 5, value: { change: { meanBefore: 4, meanAfter: 6.4 } } } });
    expect(confidence!.figure.value!.reading?.key).toBe('tna.reading.improved');
    expect(levels!.reaction.programmes).toEqual([]);
    expect((await levelsFor('demo-admin'))!.reaction.programmes.map((r) => r.programmeId)).toEqual(['risk-model']);
  });
});
