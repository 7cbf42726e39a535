import { resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, commentBank, mailOutbox, markings, submissions } from '../../db/schema/index.ts';
import { outboxOnlyMailer } from '../../src/server/mail/mailer.ts';
import { loadContent } from '../../src/content/load.ts';
import type { RubricContent } from '../../src/server/content/index.ts';
import { assignWork, saveTaskAnswer } from '../../src/server/mentoring/assignments.ts';
import { askRevision, queueCount, releasedFeedback, reviewQueue, saveMarking, submissionForReview, type MarkingInput } from '../../src/server/mentoring/review.ts';
import { submitForReview } from '../../src/server/mentoring/submissions.ts';
import { askSecondMarker, moderationByRubric, moderationOf, secondMarkerChoices } from '../../src/server/mentoring/moderation.ts';
import { bankComment, commentBankOf, removeFromCommentBank, saveToCommentBank } from '../../src/server/mentoring/comment-bank.ts';
import { feedbackForm } from '../../src/server/mentoring/feedback-form.ts';
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
const as = (id: string, now = NOW) => scopeOf(database.db, id, now);
const ctx = async (id: string) => ({ scope: await as(id), locale: 'en' as const, ip: '127.0.0.1' });

/** A practice task demo-mentor set `mentee`, answered and submitted for review; its submission id. */
async function submitted(mentee = 'demo-learner'): Promise<string> {
  const made = await assignWork(
    await as('demo-mentor'),
    { menteeIds: [mentee], activity: { kind: 'task', id: 'new' }, task: { title: 'Opening the conversation', instructions: 'Write how you would open it.' }, dueDate: '2026-12-18', note: null, askReview: true, requestKey: `k-${Math.random()}` },
    null,
    catalogue,
  );
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  const assignmentId = made.ids[0]!;
  const saved = await saveTaskAnswer(await as(mentee), assignmentId, 'I would start by asking how she is.');
  if (!saved.ok) throw new Error(saved.refusal);
  const result = await submitForReview(await as(mentee), { assignmentId, note: null }, null, rubrics);
  if (!result.ok || !('id' in result)) throw new Error(JSON.stringify(result));
  return result.id;
}

async function rubricOf(submissionId: string): Promise<RubricContent> {
  const [s] = await database.db.select().from(submissions).where(eq(submissions.id, submissionId));
  return rubrics.find((r) => r.id === s!.rubricId)!;
}

/** A complete marking with every criterion at level `index` (clamped to the criterion's levels). */
async function marking(submissionId: string, index: number, overall: string, over: Partial<MarkingInput> = {}): Promise<MarkingInput> {
  const rubric = await rubricOf(submissionId);
  const levels = Object.fromEntries(rubric.criteria.map((c) => {
    const level = c.levels[Math.min(index, c.levels.length - 1)]!;
    return [c.id, 'score' in level && typeof level.score === 'number' ? { level: level.id } : { level: level.id, score: level.range![0] }];
  }));
  return { levels, comments: {}, overall, revision: 0, release: true, ...over };
}

async function revisionOf(submissionId: string, markerId: string): Promise<number> {
  const [m] = await database.db.select({ revision: markings.revision }).from(markings).where(and(eq(markings.submissionId, submissionId), eq(markings.markerId, markerId)));
  return m?.revision ?? 0;
}

describe('asking a second marker', () => {
  it('offers only the other active mentors of the organisation, never the reviewer or the mentee', async () => {
    const id = await submitted();
    const choices = await secondMarkerChoices(await as('demo-mentor'), id);
    expect(choices.map((c) => c.id)).toEqual(['demo-mentor-2']);
    expect(await secondMarkerChoices(await as('demo-mentor-2'), id)).toEqual([]);
  });

  it('makes one audited request that reaches the second marker’s Review queue, and asking again changes nothing', async () => {
    const id = await submitted();
    expect(await askSecondMarker(await as('demo-mentor'), id, 'demo-mentor-2', '127.0.0.1')).toEqual({ ok: true, asked: true });
    expect(await askSecondMarker(await as('demo-mentor'), id, 'demo-mentor-2', '127.0.0.1')).toEqual({ ok: true, asked: false });
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'second-marking.asked'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: 'demo-mentor', subjectId: 'demo-mentor-2' });
    const queue = await reviewQueue(await as('demo-mentor-2'), {}, catalogue);
    expect(queue).toEqual([expect.objectContaining({ id, menteeName: 'Elin Hughes', role: 'second' })]);
    expect(await queueCount(await as('demo-mentor-2'))).toBe(1);
    expect((await reviewQueue(await as('demo-mentor'), {}, catalogue))[0]).toMatchObject({ id, role: 'first' });
  });

  it('refuses someone who is not a mentor, the mentee, another organisation’s person and a second second marker, writing nothing', async () => {
    const id = await submitted();
    for (const markerId of ['demo-manager', 'demo-learner', 'demo-other-admin', 'demo-mentor', '']) {
      const result = await askSecondMarker(await as('demo-mentor'), id, markerId, null);
      expect(result.ok, markerId).toBe(false);
    }
    expect(await database.db.select().from(markings).where(eq(markings.role, 'second'))).toEqual([]);
    await askSecondMarker(await as('demo-mentor'), id, 'demo-mentor-2', null);
    expect(await askSecondMarker(await as('demo-mentor'), id, 'demo-admin', null)).toEqual({ ok: false, errors: { secondMarker: { key: 'moderation.error.alreadyAsked' } } });
  });

  it('lets only the reviewer ask: another mentor, the mentee and another organisation get not-found', async () => {
    const id = await submitted();
    for (const asker of ['demo-mentor-2', 'demo-learner', 'demo-other-admin']) {
      expect(await askSecondMarker(await as(asker), id, 'demo-mentor', null), asker).toEqual({ ok: false, refusal: 'not-found' });
    }
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'second-marking.asked'))).toEqual([]);
  });

  it('e-mails the second marker at once, in their language, with a link to the work', async () => {
    const id = await submitted();
    const mail = { mailer: outboxOnlyMailer(() => {}), publicUrl: PUBLIC_URL };
    const result = await feedbackForm({ ...(await ctx('demo-mentor')), mail }, id, formPost({ action: 'second-marker', secondMarker: 'demo-mentor-2' }), await rubricOf(id), rubrics, catalogue);
    expect(result).toMatchObject({ status: 303, redirect: `/mentoring/queue/${id}?asked#moderation-heading` });
    const sent = await database.db.select().from(mailOutbox).where(eq(mailOutbox.personId, 'demo-mentor-2'));
    // Iwan reads Welsh; nothing waits for a digest.
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ status: 'kept', locale: 'cy', subject: 'Ail-farciwch ddarn o waith, os gwelwch yn dda' });
    expect(sent[0]!.text).toContain(`http://camau.test/cy/mentoring/queue/${id}`);
    expect(sent[0]!.text).toContain('Gwenno Parry');
  });

  it('shows the form again with the error beside the field when no mentor is chosen', async () => {
    const id = await submitted();
    const result = await feedbackForm(await ctx('demo-mentor'), id, formPost({ action: 'second-marker', secondMarker: '' }), await rubricOf(id), rubrics, catalogue);
    expect(result).toMatchObject({ status: 422, errors: { secondMarker: { key: 'moderation.error.chooseMarker' } } });
  });
});

describe('second marking', () => {
  it('shows the second marker the work and the mentee’s name but not the first marking until both have released', async () => {
    const id = await submitted();
    await saveMarking(await as('demo-mentor'), id, await marking(id, 0, 'First marker’s draft words', { release: false }), null, rubrics);
    await askSecondMarker(await as('demo-mentor'), id, 'demo-mentor-2', null);

    const view = await submissionForReview(await as('demo-mentor-2'), id, rubrics, catalogue);
    expect(view).toMatchObject({ menteeName: 'Elin Hughes', work: { kind: 'task', text: 'I would start by asking how she is.' }, canReview: false });
    expect(view!.marking).toMatchObject({ overall: '', total: null, revision: 0 });
    expect(JSON.stringify(view)).not.toContain('First marker’s draft words');
    expect(await moderationOf(await as('demo-mentor-2'), id)).toMatchObject({ role: 'second', otherName: 'Gwenno Parry', other: null, mineReleased: false, otherReleased: false });

    // The first marker releases: the second still sees nothing of it.
    const firstRevision = await revisionOf(id, 'demo-mentor');
    expect(await saveMarking(await as('demo-mentor'), id, await marking(id, 0, 'First marker’s feedback', { revision: firstRevision }), null, rubrics)).toMatchObject({ ok: true, releasedNow: true });
    const waiting = await moderationOf(await as('demo-mentor-2'), id);
    expect(waiting).toMatchObject({ other: null, otherReleased: true, mineReleased: false });
    expect(JSON.stringify(waiting)).not.toContain('First marker’s feedback');
    expect(await moderationOf(await as('demo-mentor'), id)).toMatchObject({ role: 'first', otherName: 'Iwan Jones', other: null, mineReleased: true });

    // The second marker saves a draft, then releases to the first marker.
    expect(await saveMarking(await as('demo-mentor-2'), id, await marking(id, 1, 'Second draft', { release: false }), null, rubrics)).toMatchObject({ ok: true, released: false });
    expect(await moderationOf(await as('demo-mentor'), id)).toMatchObject({ other: null });
    expect(await saveMarking(await as('demo-mentor-2'), id, await marking(id, 1, 'Second marker’s view', { revision: 1 }), null, rubrics)).toMatchObject({ ok: true, released: true, releasedNow: false });

    expect((await moderationOf(await as('demo-mentor'), id))!.other).toMatchObject({ overall: 'Second marker’s view' });
    expect((await moderationOf(await as('demo-mentor-2'), id))!.other).toMatchObject({ overall: 'First marker’s feedback' });
    // Released, it leaves the second marker's queue.
    expect(await reviewQueue(await as('demo-mentor-2'), {}, catalogue)).toEqual([]);
  });

  it('never releases anything to the mentee: a second marker’s release leaves the work waiting for its mentor', async () => {
    const id = await submitted();
    await askSecondMarker(await as('demo-mentor'), id, 'demo-mentor-2', null);
    await saveMarking(await as('demo-mentor-2'), id, await marking(id, 0, 'Second marker’s view'), null, rubrics);
    const [row] = await database.db.select().from(submissions).where(eq(submissions.id, id));
    expect(row).toMatchObject({ state: 'submitted', releasedAt: null });
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'feedback.released'))).toEqual([]);
  });

  it('shows the mentee only their own mentor’s feedback', async () => {
    const id = await submitted();
    await askSecondMarker(await as('demo-mentor'), id, 'demo-mentor-2', null);
    await saveMarking(await as('demo-mentor-2'), id, await marking(id, 1, 'Second marker’s view'), null, rubrics);
    await saveMarking(await as('demo-mentor'), id, await marking(id, 0, 'Your mentor’s feedback'), null, rubrics);
    const [row] = await database.db.select().from(submissions).where(eq(submissions.id, id));
    const feedback = await releasedFeedback(await as('demo-learner'), row!.assignmentId!, 1, rubrics, catalogue);
    expect(feedback).toMatchObject({ reviewerName: 'Gwenno Parry', overall: 'Your mentor’s feedback' });
    expect(JSON.stringify(feedback)).not.toContain('Second marker’s view');
    expect(await moderationOf(await as('demo-learner'), id)).toBeNull();
    const ownView = await submissionForReview(await as('demo-learner'), id, rubrics, catalogue);
    expect(JSON.stringify(ownView)).not.toContain('Second marker’s view');
  });

  it('keeps the second marker to their own marking: no change after release, no feedback to the mentee, no revision asked', async () => {
    const id = await submitted();
    await askSecondMarker(await as('demo-mentor'), id, 'demo-mentor-2', null);
    await saveMarking(await as('demo-mentor-2'), id, await marking(id, 0, 'Mine'), null, rubrics);
    expect(await saveMarking(await as('demo-mentor-2'), id, await marking(id, 0, 'Changed after release', { release: false, revision: 1 }), null, rubrics)).toMatchObject({ ok: false });
    const [first] = await database.db.select().from(markings).where(eq(markings.role, 'first'));
    expect(first).toBeUndefined();
    expect(await askRevision(await as('demo-mentor-2'), id, 'Please redo', null)).toEqual({ ok: false, refusal: 'not-found' });
    expect(await database.db.select({ state: submissions.state }).from(submissions)).toEqual([{ state: 'submitted' }]);
    expect(await moderationOf(await as('demo-p01'), id)).toBeNull();
    expect(await moderationOf(await as('demo-other-admin'), id)).toBeNull();
  });
});

describe('agreement between mentors', () => {
  /** One submission double-marked and released by both, at level indexes `first` and `second`. */
  async function doubleMarked(first: number, second: number): Promise<void> {
    const id = await submitted();
    await askSecondMarker(await as('demo-mentor'), id, 'demo-mentor-2', null);
    await saveMarking(await as('demo-mentor'), id, await marking(id, first, 'First'), null, rubrics);
    await saveMarking(await as('demo-mentor-2'), id, await marking(id, second, 'Second'), null, rubrics);
  }

  it('shows no alpha below five double-marked submissions, and Krippendorff’s alpha from five', async () => {
    expect(await moderationByRubric(await as('demo-mentor'))).toEqual([]);
    for (const [a, b] of [[0, 0], [1, 1], [2, 1], [0, 1]]) await doubleMarked(a!, b!);
    const four = await moderationByRubric(await as('demo-mentor'));
    expect(four).toHaveLength(1);
    expect(four[0]).toMatchObject({ n: 4, alpha: null });
    await doubleMarked(2, 2);
    const five = await moderationByRubric(await as('demo-mentor'));
    expect(five[0]!.n).toBe(5);
    expect(five[0]!.alpha).toEqual(expect.any(Number));
    expect(five[0]!.alpha!).toBeGreaterThan(0);
    expect(five[0]!.alpha!).toBeLessThan(1);
    // Another organisation sees none of it.
    expect(await moderationByRubric(await as('demo-other-admin'))).toEqual([]);
  });

  it('counts only submissions both markers released', async () => {
    const id = await submitted();
    await askSecondMarker(await as('demo-mentor'), id, 'demo-mentor-2', null);
    await saveMarking(await as('demo-mentor'), id, await marking(id, 0, 'First'), null, rubrics);
    await saveMarking(await as('demo-mentor-2'), id, await marking(id, 0, 'Draft', { release: false }), null, rubrics);
    expect(await moderationByRubric(await as('demo-mentor'))).toEqual([]);
  });
});

describe('the comment bank', () => {
  it('keeps each mentor’s comments to themselves, once each, and removes only their own', async () => {
    const saved = await saveToCommentBank(await as('demo-mentor'), '  Lovely use of a complex reflection.  ');
    if (!saved.ok) throw new Error('not saved');
    expect(await saveToCommentBank(await as('demo-mentor'), 'Lovely use of a complex reflection.')).toEqual({ ok: true, id: saved.id });
    expect(await commentBankOf(await as('demo-mentor'))).toEqual([{ id: saved.id, text: 'Lovely use of a complex reflection.' }]);
    expect(await commentBankOf(await as('demo-mentor-2'))).toEqual([]);
    expect(await bankComment(await as('demo-mentor-2'), saved.id)).toBeNull();
    expect(await removeFromCommentBank(await as('demo-mentor-2'), saved.id)).toBe(false);
    expect(await removeFromCommentBank(await as('demo-mentor'), saved.id)).toBe(true);
    expect(await database.db.select().from(commentBank)).toEqual([]);
  });

  it('refuses an empty comment and someone without a mentoring workspace', async () => {
    expect(await saveToCommentBank(await as('demo-mentor'), '   ')).toEqual({ ok: false, error: { key: 'commentBank.error.empty' } });
    expect(await saveToCommentBank(await as('demo-learner'), 'Hello')).toMatchObject({ ok: false });
    expect(await database.db.select().from(commentBank)).toEqual([]);
  });

  it('adds a saved comment to the criterion’s comment with Use, keeping everything typed and saving nothing', async () => {
    const id = await submitted();
    const rubric = await rubricOf(id);
    const [c1, c2] = rubric.criteria;
    const saved = await saveToCommentBank(await as('demo-mentor'), 'Try an open question next.');
    if (!saved.ok) throw new Error('not saved');
    const typed = { revision: '0', [`comment-${c1!.id}`]: 'You listened well.', [`comment-${c2!.id}`]: 'Typed elsewhere', overall: 'Half-written overall', [`level-${c1!.id}`]: c1!.levels[0]!.id };
    const result = await feedbackForm(await ctx('demo-mentor'), id, formPost({ ...typed, [`bank-${c1!.id}`]: saved.id, action: `bank-use:${c1!.id}` }), rubric, rubrics, catalogue);
    expect(result).toMatchObject({ status: 200, errors: {}, notice: { key: 'commentBank.used' } });
    expect(result.values).toMatchObject({ [`comment-${c1!.id}`]: 'You listened well.\n\nTry an open question next.', [`comment-${c2!.id}`]: 'Typed elsewhere', overall: 'Half-written overall', [`level-${c1!.id}`]: c1!.levels[0]!.id });
    expect(await database.db.select().from(markings)).toEqual([]);
  });

  it('saves the typed comment to the bank from the form, and asks for a choice when Use has none', async () => {
    const id = await submitted();
    const rubric = await rubricOf(id);
    const c = rubric.criteria[0]!;
    const saved = await feedbackForm(await ctx('demo-mentor'), id, formPost({ revision: '0', [`comment-${c.id}`]: 'Name the strength you saw.', action: `bank-save:${c.id}` }), rubric, rubrics, catalogue);
    expect(saved).toMatchObject({ status: 200, notice: { key: 'commentBank.saved' }, values: { [`comment-${c.id}`]: 'Name the strength you saw.' } });
    expect((await commentBankOf(await as('demo-mentor'))).map((b) => b.text)).toEqual(['Name the strength you saw.']);
    const none = await feedbackForm(await ctx('demo-mentor'), id, formPost({ revision: '0', [`bank-${c.id}`]: '', action: `bank-use:${c.id}` }), rubric, rubrics, catalogue);
    expect(none).toMatchObject({ status: 422, errors: { [`bank-${c.id}`]: { key: 'commentBank.error.choose' } } });
    const empty = await feedbackForm(await ctx('demo-mentor'), id, formPost({ revision: '0', [`comment-${c.id}`]: ' ', action: `bank-save:${c.id}` }), rubric, rubrics, catalogue);
    expect(empty).toMatchObject({ status: 422, errors: { [`comment-${c.id}`]: { key: 'commentBank.error.empty' } } });
  });
});
