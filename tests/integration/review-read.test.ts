import { resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { reflectiveEntries, submissions } from '../../db/schema/index.ts';
import { loadContent } from '../../src/content/load.ts';
import type { ConversationContext } from '../../src/machines/simulations/conversation.machine.ts';
import type { Assessment } from '../../src/domain/thresholds/thresholds.ts';
import { translator } from '../../src/i18n/index.ts';
import type { RubricContent } from '../../src/server/content/index.ts';
import { assignWork } from '../../src/server/mentoring/assignments.ts';
import type { ContentCatalogue } from '../../src/server/mentoring/activity-catalogue.ts';
import { reviewQueue, saveMarking, saveMentorCodes, submissionForReview } from '../../src/server/mentoring/review.ts';
import { submitForReview, submitReflection } from '../../src/server/mentoring/submissions.ts';
import { submitReflectionForm } from '../../src/server/mentoring/submit-form.ts';
import { saveReflection } from '../../src/server/learning/learning.ts';
import { attemptForReview, debriefCoding, ownAttemptCoding } from '../../src/server/simulations/review-read.ts';
import { applySimulationEvent, getOwnSimulationAttempt, simulationResult, simulationState, startSimulation } from '../../src/server/simulations/simulations.ts';
import { thresholdAttemptForReview } from '../../src/server/thresholds/review-read.ts';
import { applyAttemptEvent, attemptState, startAttempt } from '../../src/server/thresholds/threshold-practice.ts';
import { attemptFeedback } from '../../src/server/thresholds/attempt-feedback.ts';
import { fixtureCatalogue } from '../fixtures/catalogue.ts';
import { fixtureConversation } from '../fixtures/simulations.ts';
import { fixtureVignette } from '../fixtures/vignette.ts';
import { scopeOf } from '../support/scope.ts';
import { formPost, freshDatabase } from './support.ts';

let rubrics: RubricContent[];
beforeAll(() => {
  rubrics = loadContent(resolve('content')).rubrics;
});

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

// Monday 7 December 2026, 10:00 in London.
const NOW = Date.UTC(2026, 11, 7, 10);
const LATER = NOW + 60_000;
const as = (id: string, now = NOW) => scopeOf(database.db, id, now);
const scenario = fixtureConversation();
const vignette = fixtureVignette();
const catalogue: ContentCatalogue = [
  ...fixtureCatalogue,
  { kind: 'conversation', id: scenario.id, title: scenario.title },
  { kind: 'vignette', id: vignette.id, title: vignette.title },
];
const OUTSIDERS = ['demo-mentor-2', 'demo-manager', 'demo-other-admin'] as const;

async function assigned(kind: 'conversation' | 'vignette', id: string): Promise<string> {
  const made = await assignWork(await as('demo-mentor'), { menteeIds: ['demo-learner'], activity: { kind, id }, dueDate: '2026-12-18', note: null, askReview: true, requestKey: `k-${kind}` }, null, catalogue);
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  return made.ids[0]!;
}

/** The mentee plays the fixture conversation in their own words twice (coding a reflection and a question) and submits it. */
async function submittedConversation(): Promise<{ submissionId: string; attemptId: string }> {
  const assignmentId = await assigned('conversation', scenario.id);
  const learner = await as('demo-learner', LATER);
  const attemptId = await startSimulation(learner, { scenario });
  const events = [
    { type: 'RESPOND_OWN', text: 'It sounds like you feel judged before I have said anything.', code: 'complex-reflection' },
    { type: 'RESPOND_OWN', text: 'What would need to happen for you to feel less worried?', code: 'question' },
  ];
  for (const [revision, event] of events.entries()) {
    const result = await applySimulationEvent(learner, { attemptId, revision, event, scenario });
    if (!result.ok) throw new Error(`event ${revision} refused: ${result.reason}`);
  }
  const result = await submitForReview(await as('demo-learner', LATER + 1000), { assignmentId, note: null }, null, rubrics);
  if (!result.ok || !('id' in result)) throw new Error(JSON.stringify(result));
  return { submissionId: result.id, attemptId };
}

const screening = { answer: 'need-more-information' as const, reason: 'One report is not enough to judge.' };
const assessment: Assessment = {
  needs: { developmentalNeeds: 'does-not-meet', parentingCapacity: 'partly', familyAndEnvironment: 'meets' },
  childNeedsMet: 'does-not-meet',
  levelOfHarm: 'moderate',
  kindsOfHarm: ['neglect', 'emotional'],
  likelihood: 'very-likely',
  significant: 'yes',
  decision: 'strategy-discussion',
  followUp: ['Strategy discussion today'],
  summary: 'Hunger, empty cupboards and missed health care over months.',
};

/** The mentee finishes the fixture vignette and submits it. */
async function submittedThreshold(): Promise<{ submissionId: string; attemptId: string }> {
  const assignmentId = await assigned('vignette', vignette.id);
  const learner = await as('demo-learner', LATER);
  const attemptId = await startAttempt(learner, { vignette });
  const steps = [{ type: 'SCREEN', screening }, { type: 'REVEAL_NEXT' }, { type: 'START_ASSESSMENT' }, { type: 'SUBMIT_ASSESSMENT', assessment }] as const;
  for (const [revision, event] of steps.entries()) {
    const result = await applyAttemptEvent(learner, { attemptId, revision, event, vignette });
    if (!result.ok) throw new Error(`step ${revision} refused: ${result.reason}`);
  }
  const result = await submitForReview(await as('demo-learner', LATER + 1000), { assignmentId, note: null }, null, rubrics);
  if (!result.ok || !('id' in result)) throw new Error(JSON.stringify(result));
  return { submissionId: result.id, attemptId };
}

describe('a mentor reading a submitted simulation attempt', () => {
  it('sees the whole transcript with the own-words responses and their self-codes', async () => {
    const { submissionId, attemptId } = await submittedConversation();
    const view = await submissionForReview(await as('demo-mentor'), submissionId, rubrics, catalogue);
    if (view?.work.kind !== 'simulation') throw new Error(`no simulation: ${JSON.stringify(view?.work)}`);
    expect(view.work.attempt.id).toBe(attemptId);
    const { context, done } = simulationState(view.work.attempt, scenario);
    expect(done).toBe(true);
    expect(context.transcript.map((e) => e.own?.text)).toEqual(['It sounds like you feel judged before I have said anything.', 'What would need to happen for you to feel less worried?']);
    expect(view.work.ownResponses.map((r) => [r.turnId, r.selfCode, r.mentorCode])).toEqual([['opening', 'complex-reflection', null], ['guarded', 'question', null]]);
  });

  it('gives another mentor, a manager and another organisation nothing, and the own reader stays the learner’s', async () => {
    const { submissionId, attemptId } = await submittedConversation();
    for (const outsider of OUTSIDERS) {
      expect(await submissionForReview(await as(outsider), submissionId, rubrics, catalogue)).toBeNull();
    }
    // The reader asks the caller's policy; another organisation never gets the attempt even when asked kindly.
    expect(await attemptForReview(await as('demo-other-admin'), attemptId, () => true)).toBeNull();
    expect(await attemptForReview(await as('demo-mentor-2'), attemptId, () => false)).toBeNull();
    expect(await getOwnSimulationAttempt(await as('demo-mentor'), attemptId)).toBeNull();
  });
});

describe('a mentor reading a submitted threshold attempt', () => {
  it('sees every judgement and reason beside the panel’s', async () => {
    const { submissionId, attemptId } = await submittedThreshold();
    const view = await submissionForReview(await as('demo-mentor'), submissionId, rubrics, catalogue);
    if (view?.work.kind !== 'threshold') throw new Error(`no threshold attempt: ${JSON.stringify(view?.work)}`);
    expect(view.work.attempt.id).toBe(attemptId);
    const { context, value } = attemptState(view.work.attempt, vignette);
    expect(value).toBe('complete');
    expect(context.screening).toEqual(screening);
    expect(context.assessment).toEqual(assessment);
    const rows = attemptFeedback(vignette, context.screening!, context.assessment!, translator('en'), 'en').rows;
    // Screening, three needs domains, needs met, level, kinds, likelihood, significant harm, decision.
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.reasoning.length > 0)).toBe(true);
  });

  it('gives another mentor, a manager and another organisation nothing', async () => {
    const { submissionId, attemptId } = await submittedThreshold();
    for (const outsider of OUTSIDERS) {
      expect(await submissionForReview(await as(outsider), submissionId, rubrics, catalogue)).toBeNull();
    }
    expect(await thresholdAttemptForReview(await as('demo-other-admin'), attemptId, () => true)).toBeNull();
    expect(await thresholdAttemptForReview(await as('demo-mentor-2'), attemptId, () => false)).toBeNull();
  });
});

describe('the mentor’s MITI codes', () => {
  it('become the attempt’s figures while the learner’s self-codes stay beside them', async () => {
    const { submissionId } = await submittedConversation();
    const view = await submissionForReview(await as('demo-mentor'), submissionId, rubrics, catalogue);
    if (view?.work.kind !== 'simulation') throw new Error('no simulation');
    const r = view.work.ownResponses;
    expect(await saveMentorCodes(await as('demo-mentor'), submissionId, { [r[0]!.id]: 'simple-reflection', [r[1]!.id]: 'question' })).toEqual({ ok: true, saved: 2 });

    const coded = await submissionForReview(await as('demo-mentor'), submissionId, rubrics, catalogue);
    if (coded?.work.kind !== 'simulation') throw new Error('no simulation');
    const { context } = simulationState(coded.work.attempt, scenario);
    const coding = debriefCoding((context as ConversationContext).transcript, coded.work.ownResponses);
    expect(coding.mentorCoded).toBe(true);
    expect(coding.codes).toEqual(['simple-reflection', 'question']);
    expect(coding.entries.map((e) => e?.selfCode)).toEqual(['complex-reflection', 'question']);
    expect(coding.agreement).toMatchObject({ n: 2, percent: 50 });

    const self = simulationResult(scenario, context);
    const mentor = simulationResult(scenario, context, coding.codes);
    if (self.kind !== 'conversation' || mentor.kind !== 'conversation') throw new Error('not a conversation');
    expect([self.counts.simpleReflections, self.counts.complexReflections]).toEqual([0, 1]);
    expect([mentor.counts.simpleReflections, mentor.counts.complexReflections]).toEqual([1, 0]);
    expect(self.miti.percentComplexReflections).toBe(100);
    expect(mentor.miti.percentComplexReflections).toBe(0);
  });

  it('reach the learner’s own debrief only once feedback is released', async () => {
    const { submissionId, attemptId } = await submittedConversation();
    const view = await submissionForReview(await as('demo-mentor'), submissionId, rubrics, catalogue);
    if (view?.work.kind !== 'simulation') throw new Error('no simulation');
    await saveMentorCodes(await as('demo-mentor'), submissionId, Object.fromEntries(view.work.ownResponses.map((r) => [r.id, 'question'])));
    expect((await ownAttemptCoding(await as('demo-learner'), attemptId)).map((r) => r.mentorCode)).toEqual([null, null]);

    const [s] = await database.db.select().from(submissions).where(eq(submissions.id, submissionId));
    const rubric = rubrics.find((x) => x.id === s!.rubricId)!;
    const levels = Object.fromEntries(rubric.criteria.map((c) => {
      const level = c.levels[0]!;
      return [c.id, 'score' in level ? { level: level.id } : { level: level.id, score: level.range[0] }];
    }));
    const released = await saveMarking(await as('demo-mentor'), submissionId, { levels, comments: {}, overall: 'Good reflections.', revision: 0, release: true }, null, rubrics);
    expect(released).toMatchObject({ ok: true, releasedNow: true });
    const own = await ownAttemptCoding(await as('demo-learner'), attemptId);
    expect(own.map((r) => [r.selfCode, r.mentorCode])).toEqual([['complex-reflection', 'question'], ['question', 'question']]);
    // Nobody else reads them through the learner's reader.
    expect(await ownAttemptCoding(await as('demo-mentor-2'), attemptId)).toEqual([]);
  });
});

describe('submitting a reflective-log entry for review', () => {
  async function entry(personId = 'demo-learner', text = 'I noticed I rushed to reassure instead of listening.'): Promise<string> {
    await saveReflection(await as(personId), { moduleId: 'rm-threshold', moduleVersion: 1, prompt: 'What did you notice?', text });
    const [row] = await database.db.select().from(reflectiveEntries).where(eq(reflectiveEntries.personId, personId));
    return row!.id;
  }

  it('shares the entry with the mentor and puts it in their review queue, where they read it', async () => {
    const entryId = await entry();
    const result = await submitReflection(await as('demo-learner'), { entryId, note: 'Is this honest enough?' }, null, rubrics);
    expect(result).toMatchObject({ ok: true, version: 1, repeated: false });
    const [row] = await database.db.select().from(reflectiveEntries).where(eq(reflectiveEntries.id, entryId));
    expect(row!.sharedWithMentor).toBe(true);

    const queue = await reviewQueue(await as('demo-mentor', NOW + 1000), {}, catalogue);
    expect(queue).toMatchObject([{ menteeId: 'demo-learner', workKind: 'reflection', title: { en: 'Thresholds' } }]);
    const view = await submissionForReview(await as('demo-mentor'), queue[0]!.id, rubrics, catalogue);
    expect(view?.work).toMatchObject({ kind: 'reflection', prompt: 'What did you notice?', text: 'I noticed I rushed to reassure instead of listening.' });
    expect(view?.rubric?.workKinds).toContain('reflection');
    expect(view?.noteToMentor).toBe('Is this honest enough?');
    for (const outsider of OUTSIDERS) {
      expect(await submissionForReview(await as(outsider), queue[0]!.id, rubrics, catalogue)).toBeNull();
    }
    // Submitting again while it waits makes no second submission.
    expect(await submitReflection(await as('demo-learner'), { entryId, note: null }, null, rubrics)).toMatchObject({ ok: true, repeated: true });
    expect(await database.db.select().from(submissions)).toHaveLength(1);
  });

  it('works as a plain form, and refuses someone else’s entry and a learner with no mentor, saving nothing', async () => {
    const entryId = await entry();
    const ctx = { scope: await as('demo-learner'), locale: 'cy' as const, ip: null };
    const done = await submitReflectionForm(ctx, formPost({ intent: 'submit', entryId, note: '' }), rubrics);
    expect(done).toMatchObject({ status: 303, redirect: `/cy/reflective-log?submitted=${entryId}#entry-${entryId}` });

    const othersEntry = await entry('demo-p01', 'Mine, not yours.');
    const refused = await submitReflectionForm({ ...ctx, scope: await as('demo-p02') }, formPost({ intent: 'submit', entryId: othersEntry }), rubrics);
    expect(refused).toMatchObject({ status: 404, errors: { _form: { key: 'reviewRead.reflection.notFound' } } });
    // The demo admin has no practice mentor.
    const adminEntry = await entry('demo-admin', 'An admin’s reflection.');
    const noMentor = await submitReflectionForm({ ...ctx, scope: await as('demo-admin') }, formPost({ intent: 'submit', entryId: adminEntry }), rubrics);
    expect(noMentor).toMatchObject({ status: 422, errors: { _form: { key: 'reviewRead.reflection.noMentor' } } });

    expect((await database.db.select().from(submissions)).map((s) => s.workId)).toEqual([entryId]);
    const shared = await database.db.select({ id: reflectiveEntries.id }).from(reflectiveEntries).where(eq(reflectiveEntries.sharedWithMentor, true));
    expect(shared.map((s) => s.id)).toEqual([entryId]);
  });
});
