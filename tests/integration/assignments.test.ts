import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { assignments, auditEvents, moduleCompletions, practiceTasks, sectionVisits, simulationAttempts, submissions, taskAnswers } from '../../db/schema/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { assignForm } from '../../src/server/mentoring/assign-form.ts';
import { assignmentChangeForm } from '../../src/server/mentoring/assignment-change-form.ts';
import {
  assignedItem,
  assignedToMe,
  assignmentForOwner,
  assignmentStatusesOf,
  assignmentsOwnedBy,
  assignWork,
  type AssignInput,
} from '../../src/server/mentoring/assignments.ts';
import { taskAnswerForm } from '../../src/server/mentoring/task-answer-form.ts';
import { fixtureCatalogue as catalogue } from '../fixtures/catalogue.ts';
import { scopeOf } from '../support/scope.ts';
import { formPost, freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

// Monday 7 December 2026, 10:00 in London: "today" for every form below.
const NOW = Date.UTC(2026, 11, 7, 10);
const DAY = 86_400_000;
const as = (id: string, now = NOW) => scopeOf(database.db, id, now);
const ctx = async (id: string, now = NOW) => ({ scope: await as(id, now), locale: 'en' as const, ip: '127.0.0.1' });

const assignFields = {
  requestKey: 'form-1',
  menteeIds: ['demo-learner', 'demo-p01'],
  activity: 'module:rm-threshold',
  dueDate: '2026-12-18',
  note: 'Read this before we meet.',
  askReview: 'yes',
};

async function assign(input: Partial<AssignInput> = {}, by = 'demo-mentor'): Promise<string> {
  const result = await assignWork(
    await as(by),
    { menteeIds: ['demo-learner'], activity: { kind: 'module', id: 'rm-threshold' }, dueDate: '2026-12-18', note: null, askReview: false, requestKey: `key-${Math.random()}`, ...input },
    '127.0.0.1',
    catalogue,
  );
  if (!result.ok) throw new Error(`not assigned: ${JSON.stringify(result.errors)}`);
  return result.ids[0]!;
}

const rows = () => database.db.select().from(assignments);
const auditOf = (action: 'assignment.created' | 'assignment.changed' | 'assignment.withdrawn') => database.db.select().from(auditEvents).where(eq(auditEvents.action, action));

describe('assigning work', () => {
  it('makes one assignment per ticked mentee, owned by the mentor, audited, and goes to the workspace', async () => {
    const result = await assignForm(await ctx('demo-mentor'), formPost(assignFields), catalogue);
    expect(result).toMatchObject({ status: 303, redirect: '/mentoring?assigned=2#assignments-heading' });
    const made = await rows();
    expect(made.map((a) => a.menteeId).sort()).toEqual(['demo-learner', 'demo-p01']);
    // A module is read, not submitted, so "Ask for review when done" does not stick to it.
    expect(made.every((a) => a.ownerId === 'demo-mentor' && a.assignedBy === 'demo-mentor' && !a.askReview && a.dueDate === '2026-12-18')).toBe(true);
    const audit = await auditOf('assignment.created');
    expect(audit.map((e) => e.subjectId).sort()).toEqual(['demo-learner', 'demo-p01']);
    // The audit names what was assigned, never the note.
    expect(JSON.stringify(audit.map((e) => e.detail))).not.toContain('Read this');
  });

  it('makes one assignment per mentee when the same form is posted twice', async () => {
    const first = await assignForm(await ctx('demo-mentor'), formPost(assignFields), catalogue);
    const second = await assignForm(await ctx('demo-mentor'), formPost(assignFields), catalogue);
    expect(second).toMatchObject({ status: 303, redirect: first.redirect });
    expect(await rows()).toHaveLength(2);
  });

  it('makes one assignment per mentee when the same form is posted twice at once', async () => {
    await Promise.all([assignForm(await ctx('demo-mentor'), formPost(assignFields), catalogue), assignForm(await ctx('demo-mentor'), formPost(assignFields), catalogue)]);
    expect(await rows()).toHaveLength(2);
  });

  it('refuses another mentor’s mentee with an error beside Mentees and saves nothing', async () => {
    const result = await assignForm(await ctx('demo-mentor'), formPost({ ...assignFields, menteeIds: ['demo-learner', 'demo-p11'] }), catalogue);
    expect(result).toMatchObject({ status: 422, redirect: null, errors: { menteeIds: { key: 'mentoring.error.notYourMentee' } }, values: { menteeIds: ['demo-learner', 'demo-p11'] } });
    expect(await rows()).toHaveLength(0);
    expect(await auditOf('assignment.created')).toHaveLength(0);
  });

  it('refuses someone in another team with no mentor, and someone in another organisation, saving nothing', async () => {
    for (const id of ['demo-p09', 'demo-other-p01', 'no-such-person']) {
      const result = await assignForm(await ctx('demo-mentor'), formPost({ ...assignFields, menteeIds: [id] }), catalogue);
      expect(result).toMatchObject({ status: 422, errors: { menteeIds: { key: 'mentoring.error.notYourMentee' } } });
    }
    expect(await rows()).toHaveLength(0);
  });

  it('refuses a manager or an administrator, who set no work', async () => {
    for (const id of ['demo-manager', 'demo-admin']) {
      const result = await assignForm(await ctx(id), formPost(assignFields), catalogue);
      expect(result).toMatchObject({ status: 422, errors: { menteeIds: { key: 'mentoring.error.notYourMentee' } } });
    }
    expect(await rows()).toHaveLength(0);
  });

  it('shows every mistake beside its field, translated, and saves nothing', async () => {
    const result = await assignForm(await ctx('demo-mentor'), formPost({ requestKey: 'form-2', menteeIds: [], activity: 'module:gone', dueDate: '2026-12-06', note: '' }), catalogue);
    expect(result.status).toBe(422);
    expect(result.errors).toEqual({
      menteeIds: { key: 'mentoring.error.noMentee' },
      activity: { key: 'mentoring.error.unknownActivity' },
      dueDate: { key: 'mentoring.error.due.past' },
    });
    expect(translator('cy')('mentoring.error.due.past')).toMatch(/^Dyddiad cwblhau:/);
    expect(await rows()).toHaveLength(0);
  });

  it('refuses a due date that is not a date, or none, and an activity of no known kind', async () => {
    const bad = await assignForm(await ctx('demo-mentor'), formPost({ ...assignFields, dueDate: '2026-02-30', activity: 'lecture:x' }), catalogue);
    expect(bad.errors).toMatchObject({ dueDate: { key: 'mentoring.error.due.invalid' }, activity: { key: 'mentoring.error.unknownActivity' } });
    const none = await assignForm(await ctx('demo-mentor'), formPost({ ...assignFields, dueDate: '' }), catalogue);
    expect(none.errors).toMatchObject({ dueDate: { key: 'errors.required' } });
    expect(await rows()).toHaveLength(0);
  });

  it('accepts today as the due date', async () => {
    expect(await assignForm(await ctx('demo-mentor'), formPost({ ...assignFields, dueDate: '2026-12-07' }), catalogue)).toMatchObject({ status: 303 });
  });

  it('writes a new practice task and assigns it, and offers it again to its author only', async () => {
    const fields = { ...assignFields, activity: 'task:new', taskTitle: 'Opening the conversation', taskInstructions: 'Write how you would open the conversation with Awel’s mother.' };
    expect(await assignForm(await ctx('demo-mentor'), formPost(fields), catalogue)).toMatchObject({ status: 303 });
    const [task] = await database.db.select().from(practiceTasks);
    expect(task).toMatchObject({ authorId: 'demo-mentor', title: 'Opening the conversation', organisationId: 'demo-org' });
    expect((await rows()).every((a) => a.activityKind === 'task' && a.activityId === task!.id)).toBe(true);
    // Another mentor cannot assign someone else's task to their own mentee.
    const other = await assignForm(await ctx('demo-mentor-2'), formPost({ ...assignFields, requestKey: 'form-9', menteeIds: ['demo-p11'], activity: `task:${task!.id}` }), catalogue);
    expect(other).toMatchObject({ status: 422, errors: { activity: { key: 'mentoring.error.unknownActivity' } } });
  });

  it('needs a new practice task’s title and instructions, and saves nothing without them', async () => {
    const result = await assignForm(await ctx('demo-mentor'), formPost({ ...assignFields, activity: 'task:new', taskTitle: ' ', taskInstructions: '' }), catalogue);
    expect(result).toMatchObject({ status: 422, errors: { taskTitle: { key: 'errors.required' }, taskInstructions: { key: 'errors.required' } } });
    expect(await database.db.select().from(practiceTasks)).toHaveLength(0);
    expect(await rows()).toHaveLength(0);
  });
});

describe('changing and withdrawing an assignment', () => {
  it('moves the due date with the revision the page was drawn with, and audits it', async () => {
    const id = await assign();
    const result = await assignmentChangeForm(await ctx('demo-mentor'), id, formPost({ intent: 'due', revision: '0', dueDate: '2027-01-08' }));
    expect(result).toMatchObject({ status: 303, redirect: `/mentoring/assignments/${id}?changed` });
    const [row] = await rows();
    expect(row).toMatchObject({ dueDate: '2027-01-08', revision: 1 });
    expect((await auditOf('assignment.changed'))[0]?.detail).toMatchObject({ assignmentId: id, from: '2026-12-18', to: '2027-01-08' });
  });

  it('answers 409 and keeps the typed date when the assignment changed since the page was drawn', async () => {
    const id = await assign();
    await assignmentChangeForm(await ctx('demo-mentor'), id, formPost({ intent: 'due', revision: '0', dueDate: '2027-01-08' }));
    const stale = await assignmentChangeForm(await ctx('demo-mentor'), id, formPost({ intent: 'due', revision: '0', dueDate: '2027-02-01' }));
    expect(stale).toMatchObject({ status: 409, redirect: null, errors: { _form: { key: 'mentoring.error.stale' } }, values: { dueDate: '2027-02-01' } });
    expect((await rows())[0]?.dueDate).toBe('2027-01-08');
  });

  it('refuses a past due date with 422 beside the field', async () => {
    const id = await assign();
    const result = await assignmentChangeForm(await ctx('demo-mentor'), id, formPost({ intent: 'due', revision: '0', dueDate: '2026-12-01' }));
    expect(result).toMatchObject({ status: 422, errors: { dueDate: { key: 'mentoring.error.due.past' } }, values: { dueDate: '2026-12-01' } });
  });

  it('withdraws work as history: the mentee no longer sees it, the mentor does, marked withdrawn', async () => {
    const id = await assign();
    expect(await assignmentChangeForm(await ctx('demo-mentor'), id, formPost({ intent: 'withdraw' }))).toMatchObject({ status: 303 });
    const [row] = await rows();
    expect(row).toMatchObject({ id, withdrawnBy: 'demo-mentor' });
    expect(row?.withdrawnAt).toBe(NOW);
    expect(await assignedToMe(await as('demo-learner'), catalogue)).toEqual([]);
    expect((await assignmentsOwnedBy(await as('demo-mentor'), {}, catalogue)).map((a) => [a.id, a.status])).toEqual([[id, 'withdrawn']]);
    expect(await auditOf('assignment.withdrawn')).toHaveLength(1);
    // Withdrawn work cannot be changed any more.
    expect(await assignmentChangeForm(await ctx('demo-mentor'), id, formPost({ intent: 'due', revision: '1', dueDate: '2027-01-08' }))).toMatchObject({ status: 409, errors: { _form: { key: 'mentoring.error.withdrawn' } } });
  });

  it('is refused to another mentor, a manager, the mentee and another organisation with 404, writing nothing', async () => {
    const id = await assign();
    for (const who of ['demo-mentor-2', 'demo-manager', 'demo-learner', 'demo-other-admin']) {
      expect(await assignmentChangeForm(await ctx(who), id, formPost({ intent: 'due', revision: '0', dueDate: '2027-01-08' }))).toMatchObject({ status: 404 });
      expect(await assignmentChangeForm(await ctx(who), id, formPost({ intent: 'withdraw' }))).toMatchObject({ status: 404 });
      expect(await assignmentForOwner(await as(who), id, catalogue)).toBeNull();
    }
    expect((await rows())[0]).toMatchObject({ dueDate: '2026-12-18', revision: 0, withdrawnAt: null });
    expect(await auditOf('assignment.changed')).toHaveLength(0);
  });
});

describe('Assigned to you', () => {
  it('lists the mentee’s own work soonest due first, with who set it', async () => {
    await assign({ dueDate: '2026-12-20', activity: { kind: 'vignette', id: 'v-cellar' } });
    await assign({ dueDate: '2026-12-10' });
    await assign({ menteeIds: ['demo-p01'] });
    const items = await assignedToMe(await as('demo-learner'), catalogue);
    expect(items.map((i) => [i.title?.en, i.dueDate, i.assignedBy.name, i.status])).toEqual([
      ['Thresholds', '2026-12-10', 'Gwenno Parry', 'not-started'],
      ['The cellar', '2026-12-20', 'Gwenno Parry', 'not-started'],
    ]);
    expect(items[0]?.path).toBe('/learn/risk-model/rm-threshold');
    expect(items[1]?.path).toBe(`/assigned/${items[1]?.id}`);
  });

  it('reads a module’s status from section visits and completions, and shows overdue after the due date', async () => {
    await assign();
    const status = async (now = NOW) => (await assignedToMe(await as('demo-learner', now), catalogue))[0]?.status;
    expect(await status()).toBe('not-started');
    expect(await status(NOW + 12 * DAY)).toBe('overdue');
    await database.db.insert(sectionVisits).values({ personId: 'demo-learner', organisationId: 'demo-org', moduleId: 'rm-threshold', sectionId: 'one', firstVisitedAt: NOW, lastVisitedAt: NOW });
    expect(await status()).toBe('in-progress');
    await database.db.insert(moduleCompletions).values({ personId: 'demo-learner', moduleId: 'rm-threshold', moduleVersion: 1, programmeId: 'risk-model', completedAt: NOW + DAY });
    expect(await status()).toBe('done');
    expect(await status(NOW + 12 * DAY)).toBe('done');
  });

  it('asks review only of work that can be submitted, so a module finished late is done, never overdue', async () => {
    await assign({ askReview: true });
    await assign({ askReview: true, activity: { kind: 'vignette', id: 'v-cellar' } });
    expect((await rows()).map((a) => [a.activityKind, a.askReview]).sort()).toEqual([['module', false], ['vignette', true]]);
    // Rows kept from before this rule (or written directly) read the same way.
    await database.db.update(assignments).set({ askReview: true });
    await database.db.insert(moduleCompletions).values({ personId: 'demo-learner', moduleId: 'rm-threshold', moduleVersion: 1, programmeId: 'risk-model', completedAt: NOW + DAY });
    const items = await assignedToMe(await as('demo-learner', NOW + 12 * DAY), catalogue);
    expect(items.find((i) => i.activity.kind === 'module')?.status).toBe('done');
  });

  it('counts a programme done only when all its modules are', async () => {
    await assign({ activity: { kind: 'programme', id: 'risk-model' } });
    await database.db.insert(moduleCompletions).values({ personId: 'demo-learner', moduleId: 'rm-threshold', moduleVersion: 1, programmeId: 'risk-model', completedAt: NOW });
    expect((await assignedToMe(await as('demo-learner'), catalogue))[0]?.status).toBe('in-progress');
    await database.db.insert(moduleCompletions).values({ personId: 'demo-learner', moduleId: 'rm-analysis', moduleVersion: 1, programmeId: 'risk-model', completedAt: NOW });
    expect((await assignedToMe(await as('demo-learner'), catalogue))[0]?.status).toBe('done');
  });

  it('reads a simulation’s status from attempts started since it was assigned, and links an open one', async () => {
    const attempt = (id: string, startedAt: number, status: 'in-progress' | 'complete') =>
      database.db.insert(simulationAttempts).values({ id, personId: 'demo-learner', organisationId: 'demo-org', kind: 'conversation', scenarioId: 'cc-awel', scenarioVersion: 1, snapshot: {}, status, startedAt, updatedAt: startedAt });
    await attempt('before', NOW - DAY, 'complete');
    const id = await assign({ activity: { kind: 'conversation', id: 'cc-awel' } });
    const item = async () => (await assignedToMe(await as('demo-learner', NOW + DAY), catalogue))[0]!;
    expect((await item()).status).toBe('not-started');
    expect((await item()).path).toBe(`/assigned/${id}`);
    await attempt('after', NOW + 1, 'in-progress');
    expect(await item()).toMatchObject({ status: 'in-progress', path: '/simulations/attempts/after' });
    expect((await assignedItem(await as('demo-learner'), id, catalogue))?.resumePath).toBe('/simulations/attempts/after');
    await database.db.update(simulationAttempts).set({ status: 'complete' }).where(eq(simulationAttempts.id, 'after'));
    expect((await item()).status).toBe('done');
  });

  it('says submitted and feedback ready from the latest submission', async () => {
    const id = await assign({ askReview: true });
    const submit = (version: number, state: 'submitted' | 'revision-asked' | 'feedback-released') =>
      database.db.insert(submissions).values({ id: `s${version}`, organisationId: 'demo-org', assignmentId: id, menteeId: 'demo-learner', version, workKind: 'task', workId: 'w', state, reviewerId: 'demo-mentor', rubricId: 'r', submittedAt: NOW });
    await submit(1, 'revision-asked');
    expect((await assignedToMe(await as('demo-learner'), catalogue))[0]?.status).toBe('in-progress');
    await submit(2, 'submitted');
    expect((await assignedToMe(await as('demo-learner'), catalogue))[0]?.status).toBe('submitted');
    await database.db.update(submissions).set({ state: 'feedback-released' }).where(eq(submissions.id, 's2'));
    expect((await assignedToMe(await as('demo-learner'), catalogue))[0]?.status).toBe('feedback-ready');
  });

  it('shows removed content as no longer available instead of a link', async () => {
    await assign();
    const without = catalogue.filter((e) => e.id !== 'rm-threshold');
    const [item] = await assignedToMe(await as('demo-learner'), without);
    expect(item).toMatchObject({ title: null, status: 'unavailable' });
  });

  it('shows a mentee only their own item page', async () => {
    const id = await assign();
    expect(await assignedItem(await as('demo-learner'), id, catalogue)).toMatchObject({ id, title: { en: 'Thresholds' } });
    for (const who of ['demo-p01', 'demo-mentor', 'demo-manager', 'demo-other-admin']) expect(await assignedItem(await as(who), id, catalogue)).toBeNull();
  });
});

describe('a practice task’s answer', () => {
  async function taskFor(menteeId = 'demo-learner'): Promise<string> {
    const result = await assignForm(await ctx('demo-mentor'), formPost({ ...assignFields, requestKey: `t-${menteeId}`, menteeIds: [menteeId], activity: 'task:new', taskTitle: 'Opening', taskInstructions: 'Write it.' }), catalogue);
    expect(result.status).toBe(303);
    const [row] = await database.db.select().from(assignments).where(eq(assignments.menteeId, menteeId));
    return row!.id;
  }

  it('is saved as a new version each time, and makes the task done', async () => {
    const id = await taskFor();
    expect(await taskAnswerForm(await ctx('demo-learner'), id, formPost({ answer: 'First go.' }))).toMatchObject({ status: 303, redirect: `/assigned/${id}?saved#answer-heading` });
    expect(await taskAnswerForm(await ctx('demo-learner'), id, formPost({ answer: 'Second go.' }))).toMatchObject({ status: 303 });
    const item = await assignedItem(await as('demo-learner'), id, catalogue);
    expect(item?.answers.map((a) => [a.version, a.text])).toEqual([[2, 'Second go.'], [1, 'First go.']]);
    expect(item).toMatchObject({ status: 'done', instructions: 'Write it.', locked: false });
  });

  it('needs some text', async () => {
    const id = await taskFor();
    expect(await taskAnswerForm(await ctx('demo-learner'), id, formPost({ answer: '  ' }))).toMatchObject({ status: 422, errors: { answer: { key: 'errors.required' } } });
  });

  it('is locked while a submission waits for feedback (409, nothing written)', async () => {
    const id = await taskFor();
    await database.db.insert(submissions).values({ id: 's1', organisationId: 'demo-org', assignmentId: id, menteeId: 'demo-learner', version: 1, workKind: 'task', workId: 'w', state: 'submitted', reviewerId: 'demo-mentor', rubricId: 'r', submittedAt: NOW });
    expect(await taskAnswerForm(await ctx('demo-learner'), id, formPost({ answer: 'Changed.' }))).toMatchObject({ status: 409, errors: { _form: { key: 'mentoring.error.answerLocked' } }, values: { answer: 'Changed.' } });
    expect(await database.db.select().from(taskAnswers)).toHaveLength(0);
  });

  it('cannot be written by anyone but the mentee (404, nothing written)', async () => {
    const id = await taskFor();
    for (const who of ['demo-p01', 'demo-mentor', 'demo-mentor-2', 'demo-other-admin']) {
      expect(await taskAnswerForm(await ctx(who), id, formPost({ answer: 'Not mine.' }))).toMatchObject({ status: 404 });
    }
    expect(await database.db.select().from(taskAnswers).where(and(eq(taskAnswers.assignmentId, id)))).toHaveLength(0);
  });
});

describe('the person page’s assignment statuses', () => {
  it('are shown to the person, their mentor, their team’s manager and an administrator', async () => {
    await assign();
    for (const who of ['demo-learner', 'demo-mentor', 'demo-manager', 'demo-admin']) {
      expect(await assignmentStatusesOf(await as(who), 'demo-learner', catalogue)).toEqual([{ id: expect.any(String), title: { en: 'Thresholds', cy: 'Trothwyon' }, dueDate: '2026-12-18', status: 'not-started' }]);
    }
  });

  it('are refused to another mentor, another team’s manager, a colleague and another organisation', async () => {
    await assign();
    for (const who of ['demo-mentor-2', 'demo-manager-2', 'demo-p01', 'demo-other-admin']) {
      expect(await assignmentStatusesOf(await as(who), 'demo-learner', catalogue)).toBeNull();
    }
  });

  it('carry no note or instructions', async () => {
    await assign({ note: 'A private word.' });
    expect(JSON.stringify(await assignmentStatusesOf(await as('demo-manager'), 'demo-learner', catalogue))).not.toContain('private');
  });
});

describe('the workspace', () => {
  it('lists only the work a mentor is responsible for: never another mentor’s, nor another organisation’s', async () => {
    const mine = await assign();
    const theirs = await assign({ menteeIds: ['demo-p11'] }, 'demo-mentor-2');
    expect((await assignmentsOwnedBy(await as('demo-mentor'), {}, catalogue)).map((a) => a.id)).toEqual([mine]);
    expect((await assignmentsOwnedBy(await as('demo-mentor-2'), {}, catalogue)).map((a) => a.id)).toEqual([theirs]);
    // Administrators hold only work with no mentor; there is none here, and never another organisation's.
    expect(await assignmentsOwnedBy(await as('demo-admin'), {}, catalogue)).toEqual([]);
    await database.db.update(assignments).set({ ownerId: null });
    expect(await assignmentsOwnedBy(await as('demo-other-admin'), {}, catalogue)).toEqual([]);
    expect((await assignmentsOwnedBy(await as('demo-admin'), { menteeId: 'demo-p11' }, catalogue)).map((a) => a.id)).toEqual([theirs]);
  });
});
