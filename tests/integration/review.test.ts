import { resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, mailOutbox, markings, ownResponseCodes, simulationAttempts, simulationOwnResponses, submissions } from '../../db/schema/index.ts';
import { outboxOnlyMailer } from '../../src/server/mail/mailer.ts';
import { loadContent } from '../../src/content/load.ts';
import type { RubricContent } from '../../src/server/content/index.ts';
import { assignedToMe, assignWork, saveTaskAnswer } from '../../src/server/mentoring/assignments.ts';
import { askSecondMarker } from '../../src/server/mentoring/moderation.ts';
import { askRevision, chooseRubric, saveMentorCodes, submissionVersions, versionsOfSubmission, queueCount, releasedFeedback, reviewQueue, saveMarking, submissionForReview, type MarkingInput } from '../../src/server/mentoring/review.ts';
import { submitForReview, submitOffer } from '../../src/server/mentoring/submissions.ts';
import { feedbackForm } from '../../src/server/mentoring/feedback-form.ts';
import { submitReviewForm } from '../../src/server/mentoring/submit-form.ts';
import { fixtureCatalogue as catalogue } from '../fixtures/catalogue.ts';
import { scopeOf } from '../support/scope.ts';
import { formPost, freshDatabase, PUBLIC_URL } from './support.ts';

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
const DAY = 86_400_000;
const as = (id: string, now = NOW) => scopeOf(database.db, id, now);

/** A practice task set to `mentee` by their mentor, asking for review, answered by the mentee. */
async function answeredTask(mentee = 'demo-learner', mentor = 'demo-mentor', answer = 'I would start by asking how she is.'): Promise<string> {
  const made = await assignWork(
    await as(mentor),
    { menteeIds: [mentee], activity: { kind: 'task', id: 'new' }, task: { title: 'Opening the conversation', instructions: 'Write how you would open it.' }, dueDate: '2026-12-18', note: null, askReview: true, requestKey: `k-${Math.random()}` },
    '127.0.0.1',
    catalogue,
  );
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  const id = made.ids[0]!;
  const saved = await saveTaskAnswer(await as(mentee), id, answer);
  if (!saved.ok) throw new Error(saved.refusal);
  return id;
}

async function submitted(mentee = 'demo-learner', now = NOW): Promise<{ assignmentId: string; submissionId: string }> {
  const assignmentId = await answeredTask(mentee);
  const result = await submitForReview(await as(mentee, now), { assignmentId, note: 'Please look at my opening.' }, '127.0.0.1', rubrics);
  if (!result.ok || !('id' in result)) throw new Error(JSON.stringify(result));
  return { assignmentId, submissionId: result.id };
}

/** A complete marking of the submission's rubric, every criterion at its first level. */
async function fullMarking(submissionId: string, over: Partial<MarkingInput> = {}): Promise<MarkingInput> {
  const [s] = await database.db.select().from(submissions).where(eq(submissions.id, submissionId));
  const rubric = rubrics.find((r) => r.id === s!.rubricId)!;
  const levels = Object.fromEntries(rubric.criteria.map((c) => {
    const level = c.levels[0]!;
    return [c.id, 'score' in level ? { level: level.id } : { level: level.id, score: level.range[0] }];
  }));
  return { levels, comments: { [rubric.criteria[0]!.id]: 'A warm start.' }, overall: 'Good first draft: keep the questions open.', revision: 0, release: false, ...over };
}

const audit = (action: 'submission.made' | 'feedback.released' | 'revision.asked') => database.db.select().from(auditEvents).where(eq(auditEvents.action, action));

describe('submitting work for review', () => {
  it('makes one submission for the answered task, reviewed by the mentor, audited without the note', async () => {
    const { assignmentId, submissionId } = await submitted();
    const [row] = await database.db.select().from(submissions);
    expect(row).toMatchObject({ id: submissionId, assignmentId, menteeId: 'demo-learner', version: 1, workKind: 'task', state: 'submitted', reviewerId: 'demo-mentor' });
    expect(rubrics.some((r) => r.id === row!.rubricId && r.workKinds.includes('task'))).toBe(true);
    const events = await audit('submission.made');
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.detail)).not.toContain('Please look');
  });

  it('answers a repeated submit with the same submission, and the work is read-only while it waits', async () => {
    const { assignmentId, submissionId } = await submitted();
    const again = await submitForReview(await as('demo-learner'), { assignmentId, note: null }, null, rubrics);
    expect(again).toMatchObject({ ok: true, id: submissionId, repeated: true });
    expect(await database.db.select().from(submissions)).toHaveLength(1);
    expect(await saveTaskAnswer(await as('demo-learner'), assignmentId, 'A changed answer')).toEqual({ ok: false, refusal: 'locked' });
    expect(await submitOffer(await as('demo-learner'), assignmentId)).toMatchObject({ canSubmit: false, latest: { version: 1, state: 'submitted' } });
  });

  it('refuses work that was not finished, and someone else’s assignment, writing nothing', async () => {
    const made = await assignWork(
      await as('demo-mentor'),
      { menteeIds: ['demo-learner'], activity: { kind: 'task', id: 'new' }, task: { title: 'T', instructions: 'I' }, dueDate: '2026-12-18', note: null, askReview: true, requestKey: 'k-unanswered' },
      null,
      catalogue,
    );
    if (!made.ok) throw new Error('not assigned');
    expect(await submitForReview(await as('demo-learner'), { assignmentId: made.ids[0]!, note: null }, null, rubrics)).toEqual({ ok: false, refusal: 'no-work' });
    const theirs = await answeredTask('demo-p01');
    expect(await submitForReview(await as('demo-learner'), { assignmentId: theirs, note: null }, null, rubrics)).toEqual({ ok: false, refusal: 'not-found' });
    expect(await database.db.select().from(submissions)).toHaveLength(0);
  });
});

describe('the review queue', () => {
  it('lists the mentor’s waiting submissions oldest first with mentee, title, date and working days waiting', async () => {
    // Submitted on Tuesday 1 and Thursday 3 December; read on Monday 7 December.
    const older = await submitted('demo-p01', NOW - 6 * DAY);
    const newer = await submitted('demo-learner', NOW - 4 * DAY);
    const queue = await reviewQueue(await as('demo-mentor'), {}, catalogue);
    expect(queue.map((q) => q.id)).toEqual([older.submissionId, newer.submissionId]);
    expect(queue[0]).toMatchObject({ menteeName: 'Aled Roberts', workKind: 'task', title: { en: 'Opening the conversation' }, waitingDays: 4 });
    expect(queue[1]).toMatchObject({ menteeName: 'Elin Hughes', waitingDays: 2 });
    expect(await queueCount(await as('demo-mentor'))).toBe(2);
    expect((await reviewQueue(await as('demo-mentor'), { menteeId: 'demo-learner' }, catalogue)).map((q) => q.id)).toEqual([newer.submissionId]);
    expect(await reviewQueue(await as('demo-mentor'), { kind: 'simulation' }, catalogue)).toEqual([]);
  });

  it('shows nothing of another mentor’s mentees, nor to another organisation', async () => {
    await submitted();
    expect(await reviewQueue(await as('demo-mentor-2'), {}, catalogue)).toEqual([]);
    expect(await queueCount(await as('demo-mentor-2'))).toBe(0);
    expect(await queueCount(await as('demo-other-admin'))).toBe(0);
  });
});

describe('rubric feedback', () => {
  it('keeps a draft from the mentee, and shows the total after saving', async () => {
    const { assignmentId, submissionId } = await submitted();
    const saved = await saveMarking(await as('demo-mentor'), submissionId, await fullMarking(submissionId), null, rubrics);
    expect(saved).toMatchObject({ ok: true, released: false });
    expect(saved.ok && saved.total).toBeGreaterThan(0);
    expect(await releasedFeedback(await as('demo-learner'), assignmentId, 1, rubrics, catalogue)).toBeNull();
    const view = await submissionForReview(await as('demo-mentor'), submissionId, rubrics, catalogue);
    expect(view?.marking).toMatchObject({ overall: 'Good first draft: keep the questions open.', revision: 1, releasedAt: null });
    expect(view?.work).toEqual({ kind: 'task', text: 'I would start by asking how she is.', version: 1 });
  });

  it('releases once when Release feedback is sent twice, and the mentee then reads it', async () => {
    const { assignmentId, submissionId } = await submitted();
    const input = await fullMarking(submissionId, { release: true });
    expect(await saveMarking(await as('demo-mentor'), submissionId, input, null, rubrics)).toMatchObject({ ok: true, released: true });
    expect(await saveMarking(await as('demo-mentor'), submissionId, input, null, rubrics)).toMatchObject({ ok: true, released: true });
    expect(await audit('feedback.released')).toHaveLength(1);
    const [row] = await database.db.select().from(submissions);
    expect(row).toMatchObject({ state: 'feedback-released', releasedAt: NOW });
    const feedback = await releasedFeedback(await as('demo-learner'), assignmentId, 1, rubrics, catalogue);
    expect(feedback).toMatchObject({ reviewerName: 'Gwenno Parry', overall: 'Good first draft: keep the questions open.', releasedAt: NOW });
    expect(feedback?.total).toBe(row && (await database.db.select().from(markings))[0]!.total);
    // Nobody else reads it: not another mentee, not the manager.
    expect(await releasedFeedback(await as('demo-p01'), assignmentId, 1, rubrics, catalogue)).toBeNull();
    expect(await releasedFeedback(await as('demo-manager'), assignmentId, 1, rubrics, catalogue)).toBeNull();
  });

  it('refuses to release with a criterion unmarked or no overall feedback, saving nothing', async () => {
    const { submissionId } = await submitted();
    const input = await fullMarking(submissionId, { release: true, overall: ' ' });
    const first = Object.keys(input.levels)[0]!;
    delete input.levels[first];
    const result = await saveMarking(await as('demo-mentor'), submissionId, input, null, rubrics);
    expect(result).toMatchObject({ ok: false, errors: { [`level-${first}`]: { key: 'review.error.levelMissing' }, overall: { key: 'errors.required' } } });
    expect(await database.db.select().from(markings)).toHaveLength(0);
  });

  it('answers a conflict to the second of two tabs editing one draft, keeping the first tab’s text', async () => {
    const { submissionId } = await submitted();
    const tabOne = await fullMarking(submissionId, { overall: 'From tab one' });
    await saveMarking(await as('demo-mentor'), submissionId, tabOne, null, rubrics);
    // Both tabs were drawn at revision 1; tab one saves first.
    expect(await saveMarking(await as('demo-mentor'), submissionId, { ...tabOne, revision: 1, overall: 'Tab one again' }, null, rubrics)).toMatchObject({ ok: true });
    expect(await saveMarking(await as('demo-mentor'), submissionId, { ...tabOne, revision: 1, overall: 'From tab two' }, null, rubrics)).toEqual({ ok: false, conflict: true });
    const [row] = await database.db.select().from(markings);
    expect(row).toMatchObject({ overall: 'Tab one again', revision: 2 });
  });

  it('asks for a revision once; the mentee’s next answer becomes version 2', async () => {
    const { assignmentId, submissionId } = await submitted();
    expect(await askRevision(await as('demo-mentor'), submissionId, 'Try an open question first.', null)).toEqual({ ok: true });
    expect(await askRevision(await as('demo-mentor'), submissionId, 'Again', null)).toEqual({ ok: true });
    expect(await audit('revision.asked')).toHaveLength(1);
    expect(await submitOffer(await as('demo-learner', NOW + DAY), assignmentId)).toMatchObject({ canSubmit: false, latest: { state: 'revision-asked', revisionMessage: 'Try an open question first.' } });
    await saveTaskAnswer(await as('demo-learner', NOW + DAY), assignmentId, 'What would help most right now?');
    const again = await submitForReview(await as('demo-learner', NOW + DAY), { assignmentId, note: null }, null, rubrics);
    expect(again).toMatchObject({ ok: true, version: 2 });
    expect((await database.db.select().from(submissions)).map((s) => s.version).sort()).toEqual([1, 2]);
  });
});

describe('who may see and mark a submission', () => {
  it('gives another mentor, a manager and another organisation nothing, and lets them write nothing', async () => {
    const { submissionId } = await submitted();
    const input = await fullMarking(submissionId, { release: true });
    for (const who of ['demo-mentor-2', 'demo-manager', 'demo-p01', 'demo-other-admin']) {
      expect(await submissionForReview(await as(who), submissionId, rubrics, catalogue)).toBeNull();
      expect(await saveMarking(await as(who), submissionId, input, null, rubrics)).toEqual({ ok: false, refusal: 'not-found' });
      expect(await askRevision(await as(who), submissionId, 'x', null)).toEqual({ ok: false, refusal: 'not-found' });
    }
    expect(await database.db.select().from(markings)).toHaveLength(0);
    const [row] = await database.db.select().from(submissions);
    expect(row).toMatchObject({ state: 'submitted', releasedAt: null });
    expect(await audit('feedback.released')).toHaveLength(0);
  });

  it('lets the mentee view their own submission but not mark it', async () => {
    const { submissionId } = await submitted();
    const view = await submissionForReview(await as('demo-learner'), submissionId, rubrics, catalogue);
    expect(view).toMatchObject({ canReview: false, marking: null });
    expect(await saveMarking(await as('demo-learner'), submissionId, await fullMarking(submissionId), null, rubrics)).toEqual({ ok: false, refusal: 'not-found' });
  });
});

describe('the review forms', () => {
  const ctx = async (id: string) => ({ scope: await as(id), locale: 'en' as const, ip: '127.0.0.1' });

  it('submits from the assigned item and goes back to it; a repeated submit makes no second submission', async () => {
    const assignmentId = await answeredTask();
    const first = await submitReviewForm(await ctx('demo-learner'), assignmentId, formPost({ intent: 'submit', note: 'Be kind' }), rubrics);
    expect(first).toMatchObject({ status: 303, redirect: `/assigned/${assignmentId}?submitted#review-heading` });
    expect(await submitReviewForm(await ctx('demo-learner'), assignmentId, formPost({ intent: 'submit' }), rubrics)).toMatchObject({ status: 303 });
    expect(await database.db.select().from(submissions)).toHaveLength(1);
    expect(await submitReviewForm(await ctx('demo-p01'), assignmentId, formPost({ intent: 'submit' }), rubrics)).toMatchObject({ status: 404 });
  });

  it('answers 409 to a second tab and gives back everything it typed', async () => {
    const { submissionId } = await submitted();
    const [row] = await database.db.select().from(submissions);
    const rubric = rubrics.find((r) => r.id === row!.rubricId)!;
    const criterion = rubric.criteria[0]!;
    const fields = { revision: '0', action: 'draft', [`level-${criterion.id}`]: criterion.levels[0]!.id, overall: 'Tab one' };
    expect(await feedbackForm(await ctx('demo-mentor'), submissionId, formPost(fields), rubric, rubrics)).toMatchObject({ status: 303, redirect: `/mentoring/queue/${submissionId}?saved#total` });
    const second = await feedbackForm(await ctx('demo-mentor'), submissionId, formPost({ ...fields, overall: 'Typed in tab two' }), rubric, rubrics);
    expect(second).toMatchObject({ status: 409, errors: { _form: { key: 'review.error.conflict' } }, values: { overall: 'Typed in tab two' } });
    expect((await database.db.select().from(markings))[0]).toMatchObject({ overall: 'Tab one' });
  });

  it('queues one feedback notice for the mentee, in their language, when Release feedback is sent twice', async () => {
    const { assignmentId, submissionId } = await submitted();
    const [row] = await database.db.select().from(submissions);
    const rubric = rubrics.find((r) => r.id === row!.rubricId)!;
    const fields: Record<string, string> = { revision: '0', action: 'release', overall: 'Well done.' };
    for (const c of rubric.criteria) {
      const level = c.levels[0]!;
      fields[`level-${c.id}`] = level.id;
      if (level.range) fields[`score-${c.id}`] = String(level.range[0]);
    }
    const mail = { mailer: outboxOnlyMailer(() => {}), publicUrl: PUBLIC_URL };
    const context = { ...(await ctx('demo-mentor')), mail };
    expect(await feedbackForm(context, submissionId, formPost(fields), rubric, rubrics, catalogue)).toMatchObject({ status: 303 });
    expect(await feedbackForm(context, submissionId, formPost(fields), rubric, rubrics, catalogue)).toMatchObject({ status: 303 });
    const notices = await database.db.select().from(mailOutbox).where(eq(mailOutbox.personId, 'demo-learner'));
    expect(notices).toHaveLength(1);
    // Elin reads Welsh.
    expect(notices[0]).toMatchObject({ status: 'digest-queued', subject: 'Adborth gan Gwenno Parry: Opening the conversation' });
    expect(notices[0]!.text).toContain(`http://camau.test/cy/assigned/${assignmentId}/feedback/1`);
  });
});

describe('MITI coding of own words', () => {
  /** A finished conversation on an assignment asking for review, with two own-words responses the learner coded. */
  async function submittedConversation(): Promise<string> {
    const made = await assignWork(await as('demo-mentor'), { menteeIds: ['demo-learner'], activity: { kind: 'conversation', id: 'cc-awel' }, dueDate: '2026-12-18', note: null, askReview: true, requestKey: 'k-conv' }, null, catalogue);
    if (!made.ok) throw new Error('not assigned');
    const later = NOW + 60_000;
    await database.db.insert(simulationAttempts).values({ id: 'att-1', personId: 'demo-learner', organisationId: 'demo-org', kind: 'conversation', scenarioId: 'cc-awel', scenarioVersion: 1, snapshot: {}, status: 'complete', startedAt: later, updatedAt: later, completedAt: later });
    await database.db.insert(simulationOwnResponses).values([
      { id: 'r1', attemptId: 'att-1', personId: 'demo-learner', organisationId: 'demo-org', scenarioId: 'cc-awel', turnId: 't1', text: 'It sounds like a hard week.', code: 'simple-reflection', createdAt: later },
      { id: 'r2', attemptId: 'att-1', personId: 'demo-learner', organisationId: 'demo-org', scenarioId: 'cc-awel', turnId: 't2', text: 'You need to stop that.', code: 'giving-information', createdAt: later + 1 },
    ]);
    const result = await submitForReview(await as('demo-learner', later + 1000), { assignmentId: made.ids[0]!, note: null }, null, rubrics);
    if (!result.ok || !('id' in result)) throw new Error(JSON.stringify(result));
    return result.id;
  }

  it('keeps the learner’s self-codes beside the mentor’s and shows their agreement', async () => {
    const id = await submittedConversation();
    expect(await saveMentorCodes(await as('demo-mentor'), id, { r1: 'simple-reflection', r2: 'confront' })).toEqual({ ok: true, saved: 2 });
    const view = await submissionForReview(await as('demo-mentor'), id, rubrics, catalogue);
    expect(view?.work).toMatchObject({
      kind: 'simulation',
      ownResponses: [{ id: 'r1', selfCode: 'simple-reflection', mentorCode: 'simple-reflection' }, { id: 'r2', selfCode: 'giving-information', mentorCode: 'confront' }],
      agreement: { n: 2, percent: 50 },
    });
    expect((await database.db.select().from(simulationOwnResponses)).map((r) => r.code).sort()).toEqual(['giving-information', 'simple-reflection']);
  });

  it('refuses an unknown code, another attempt’s response and another mentor, saving nothing', async () => {
    const id = await submittedConversation();
    expect(await saveMentorCodes(await as('demo-mentor'), id, { r1: 'shouting' })).toMatchObject({ ok: false, errors: { 'code-r1': { key: 'review.error.unknownCode' } } });
    expect(await saveMentorCodes(await as('demo-mentor'), id, { elsewhere: 'question' })).toEqual({ ok: false, refusal: 'not-found' });
    expect(await saveMentorCodes(await as('demo-mentor-2'), id, { r1: 'question' })).toEqual({ ok: false, refusal: 'not-found' });
    expect(await database.db.select().from(ownResponseCodes)).toHaveLength(0);
  });

  it('keeps the codes as the mentee read them once feedback is released', async () => {
    const id = await submittedConversation();
    expect(await saveMentorCodes(await as('demo-mentor'), id, { r1: 'simple-reflection' })).toEqual({ ok: true, saved: 1 });
    await database.db.update(submissions).set({ state: 'feedback-released', releasedAt: NOW + 120_000 }).where(eq(submissions.id, id));
    expect(await saveMentorCodes(await as('demo-mentor'), id, { r1: 'confront', r2: 'question' })).toEqual({ ok: false, errors: { _form: { key: 'review.error.codesLocked' } } });
    expect((await database.db.select().from(ownResponseCodes)).map((c) => [c.responseId, c.code])).toEqual([['r1', 'simple-reflection']]);
  });
});

describe('choosing another rubric for a submission', () => {
  it('marks against another rubric before release, clearing the earlier rubric’s levels but keeping the overall feedback', async () => {
    const { assignmentId, submissionId } = await submitted();
    const [before] = await database.db.select().from(submissions);
    const other = rubrics.find((r) => r.id !== before!.rubricId)!;
    const draft = await fullMarking(submissionId);
    await saveMarking(await as('demo-mentor'), submissionId, draft, null, rubrics);
    expect(await chooseRubric(await as('demo-mentor'), submissionId, other.id, rubrics)).toEqual({ ok: true, changed: true, cleared: true });
    expect((await database.db.select().from(submissions))[0]).toMatchObject({ rubricId: other.id, state: 'submitted' });
    expect((await database.db.select().from(markings))[0]).toMatchObject({ rubricId: other.id, levels: {}, comments: {}, total: null, overall: draft.overall, revision: 2 });
    // A tab still showing the earlier rubric cannot save its marks into the new one.
    expect(await saveMarking(await as('demo-mentor'), submissionId, { ...draft, revision: 2, rubricId: before!.rubricId }, null, rubrics)).toEqual({ ok: false, conflict: true });
    const levels = Object.fromEntries(other.criteria.map((c) => {
      const level = c.levels[0]!;
      return [c.id, level.range ? { level: level.id, score: level.range[0] } : { level: level.id }];
    }));
    const released = await saveMarking(await as('demo-mentor'), submissionId, { levels, comments: {}, overall: 'Marked as a conversation.', revision: 2, release: true, rubricId: other.id }, null, rubrics);
    expect(released).toMatchObject({ ok: true, releasedNow: true });
    expect((await releasedFeedback(await as('demo-learner'), assignmentId, 1, rubrics, catalogue))?.rubric?.id).toBe(other.id);
    // Choosing the same rubric again changes nothing; after release it is refused.
    expect(await chooseRubric(await as('demo-mentor'), submissionId, before!.rubricId, rubrics)).toEqual({ ok: false, errors: { _form: { key: 'review.error.alreadyReleased' } } });
  });

  it('refuses an unknown rubric, a submission sent for second marking and anyone but the reviewer, changing nothing', async () => {
    const { submissionId } = await submitted();
    const [before] = await database.db.select().from(submissions);
    const other = rubrics.find((r) => r.id !== before!.rubricId)!;
    expect(await chooseRubric(await as('demo-mentor'), submissionId, 'no-such-rubric', rubrics)).toEqual({ ok: false, errors: { rubricId: { key: 'review.error.unknownRubric' } } });
    for (const who of ['demo-learner', 'demo-mentor-2', 'demo-manager', 'demo-other-admin']) {
      expect(await chooseRubric(await as(who), submissionId, other.id, rubrics)).toEqual({ ok: false, refusal: 'not-found' });
    }
    expect(await askSecondMarker(await as('demo-mentor'), submissionId, 'demo-mentor-2', null)).toEqual({ ok: true, asked: true });
    expect(await chooseRubric(await as('demo-mentor'), submissionId, other.id, rubrics)).toEqual({ ok: false, errors: { rubricId: { key: 'review.error.rubricModerated' } } });
    expect((await database.db.select().from(submissions))[0]!.rubricId).toBe(before!.rubricId);
  });

  it('changes the rubric from the review page’s form and shows an unknown one again with its error', async () => {
    const { submissionId } = await submitted();
    const [before] = await database.db.select().from(submissions);
    const other = rubrics.find((r) => r.id !== before!.rubricId)!;
    const ctx = { scope: await as('demo-mentor'), locale: 'cy' as const, ip: null };
    const rubric = rubrics.find((r) => r.id === before!.rubricId)!;
    expect(await feedbackForm(ctx, submissionId, formPost({ action: 'rubric', rubricId: other.id }), rubric, rubrics)).toMatchObject({ status: 303, redirect: `/cy/mentoring/queue/${submissionId}?rubric#rubric-heading` });
    expect(await feedbackForm(ctx, submissionId, formPost({ action: 'rubric', rubricId: 'nonsense' }), other, rubrics)).toMatchObject({ status: 422, errors: { rubricId: { key: 'review.error.unknownRubric' } }, values: { rubricId: 'nonsense' } });
  });
});

describe('every version of revised work', () => {
  it('keeps each version, its revision message and its released feedback viewable to mentee and mentor', async () => {
    const { assignmentId, submissionId: first } = await submitted();
    await askRevision(await as('demo-mentor'), first, 'Try an open question first.', null);
    const later = NOW + DAY;
    await saveTaskAnswer(await as('demo-learner', later), assignmentId, 'What would help most right now?');
    const again = await submitForReview(await as('demo-learner', later), { assignmentId, note: null }, null, rubrics);
    if (!again.ok || !('id' in again)) throw new Error(JSON.stringify(again));
    const second = again.id;
    expect((await assignedToMe(await as('demo-learner', later), catalogue))[0]).toMatchObject({ id: assignmentId, feedbackVersion: null });
    await saveMarking(await as('demo-mentor', later), second, await fullMarking(second, { release: true }), null, rubrics);

    // The mentee: both versions, with the answer each one submitted, the revision message and the feedback.
    expect(await submissionVersions(await as('demo-learner', later), assignmentId)).toMatchObject([
      { id: first, version: 1, state: 'revision-asked', revisionMessage: 'Try an open question first.', answer: 'I would start by asking how she is.' },
      { id: second, version: 2, state: 'feedback-released', revisionMessage: null, answer: 'What would help most right now?' },
    ]);
    expect((await assignedToMe(await as('demo-learner', later), catalogue))[0]).toMatchObject({ id: assignmentId, status: 'feedback-ready', feedbackVersion: 2 });
    expect(await releasedFeedback(await as('demo-learner', later), assignmentId, 2, rubrics, catalogue)).toMatchObject({ version: 2 });

    // The mentor: from either version's page, both versions; the earlier one shows what was asked, the later the released marking.
    for (const from of [first, second]) {
      expect((await versionsOfSubmission(await as('demo-mentor', later), from)).map((v) => [v.version, v.state])).toEqual([[1, 'revision-asked'], [2, 'feedback-released']]);
    }
    expect(await submissionForReview(await as('demo-mentor', later), first, rubrics, catalogue)).toMatchObject({ version: 1, state: 'revision-asked', revisionMessage: 'Try an open question first.' });
    expect((await submissionForReview(await as('demo-mentor', later), second, rubrics, catalogue))?.marking?.releasedAt).toBe(later);

    // Nobody else gets a version list.
    for (const who of ['demo-mentor-2', 'demo-manager', 'demo-p01', 'demo-other-admin']) {
      expect(await versionsOfSubmission(await as(who, later), second)).toEqual([]);
      expect(await submissionVersions(await as(who, later), assignmentId)).toEqual([]);
    }
  });

  it('tells a simulation not yet started apart from one begun, for the Start button on the home page', async () => {
    const made = await assignWork(await as('demo-mentor'), { menteeIds: ['demo-learner'], activity: { kind: 'conversation', id: 'cc-awel' }, dueDate: '2026-12-18', note: null, askReview: true, requestKey: 'k-start' }, null, catalogue);
    if (!made.ok) throw new Error('not assigned');
    expect((await assignedToMe(await as('demo-learner'), catalogue))[0]).toMatchObject({ activity: { kind: 'conversation', id: 'cc-awel' }, progress: 'not-started', feedbackVersion: null });
    const later = NOW + 60_000;
    await database.db.insert(simulationAttempts).values({ id: 'att-start', personId: 'demo-learner', organisationId: 'demo-org', kind: 'conversation', scenarioId: 'cc-awel', scenarioVersion: 1, snapshot: {}, status: 'in-progress', startedAt: later, updatedAt: later });
    expect((await assignedToMe(await as('demo-learner', later), catalogue))[0]).toMatchObject({ progress: 'in-progress', path: '/simulations/attempts/att-start' });
  });
});
