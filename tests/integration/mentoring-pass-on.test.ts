import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { assignments, auditEvents, submissions } from '../../db/schema/index.ts';
import { assignmentChangeForm } from '../../src/server/mentoring/assignment-change-form.ts';
import { assignmentsOwnedBy, assignWork } from '../../src/server/mentoring/assignments.ts';
import { mentoringWorkspace } from '../../src/server/mentoring/workspace.ts';
import { versionsOfSubmission } from '../../src/server/mentoring/review.ts';
import { setActive, updateAccess } from '../../src/server/people/people-admin.ts';
import { fixtureCatalogue as catalogue } from '../fixtures/catalogue.ts';
import { scopeOf } from '../support/scope.ts';
import { demoAdmin, formPost, freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const NOW = Date.UTC(2026, 11, 7, 10);
const LATER = NOW + 3_600_000;
const as = (id: string, now = LATER) => scopeOf(database.db, id, now);

async function assign(menteeId: string, mentorId = 'demo-mentor'): Promise<string> {
  const result = await assignWork(
    await as(mentorId, NOW),
    { menteeIds: [menteeId], activity: { kind: 'module', id: 'rm-threshold' }, dueDate: '2026-12-18', note: null, askReview: true, requestKey: `key-${Math.random()}` },
    null,
    catalogue,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.ids[0]!;
}

async function submitted(assignmentId: string, menteeId: string, state: 'submitted' | 'feedback-released' = 'submitted'): Promise<string> {
  const id = `sub-${assignmentId}`;
  await database.db.insert(submissions).values({ id, organisationId: 'demo-org', assignmentId, menteeId, version: 1, workKind: 'task', workId: 'w', state, reviewerId: 'demo-mentor', rubricId: 'r', submittedAt: NOW });
  return id;
}

const owner = async (id: string) => (await database.db.select().from(assignments).where(eq(assignments.id, id)))[0];
const reviewer = async (id: string) => (await database.db.select().from(submissions).where(eq(submissions.id, id)))[0]?.reviewerId;
const passedOnAudit = () => database.db.select().from(auditEvents).where(eq(auditEvents.action, 'assignment.passed-on'));
const learnerAccess = { roles: ['learner' as const], teamIds: ['demo-team-assessment'], managedTeamIds: [] };

describe('when a mentee’s mentor changes', () => {
  it('their assignments and submitted work, reviewed or not, pass to the new mentor; withdrawn work and other mentees’ stay', async () => {
    const open = await assign('demo-learner');
    const waiting = await submitted(open, 'demo-learner');
    const done = await assign('demo-learner');
    const released = await submitted(done, 'demo-learner', 'feedback-released');
    const withdrawn = await assign('demo-learner');
    await assignmentChangeForm({ scope: await as('demo-mentor', NOW), locale: 'en', ip: null }, withdrawn, formPost({ intent: 'withdraw' }));
    const someoneElse = await assign('demo-p01');

    const result = await updateAccess(await demoAdmin(database, { now: LATER }), 'demo-learner', { ...learnerAccess, mentorId: 'demo-mentor-2' });
    expect(result.ok).toBe(true);

    expect(await owner(open)).toMatchObject({ ownerId: 'demo-mentor-2', passedOnFrom: 'demo-mentor', passedOnAt: LATER });
    expect(await reviewer(waiting)).toBe('demo-mentor-2');
    expect(await reviewer(released)).toBe('demo-mentor-2');
    expect(await owner(withdrawn)).toMatchObject({ ownerId: 'demo-mentor', passedOnAt: null });
    expect(await owner(someoneElse)).toMatchObject({ ownerId: 'demo-mentor', passedOnAt: null });

    const [audit] = await passedOnAudit();
    expect(audit).toMatchObject({ actorId: 'demo-admin', subjectId: 'demo-learner', detail: { from: 'demo-mentor', to: 'demo-mentor-2' } });
    expect((audit?.detail as { submissionIds: string[] }).submissionIds.sort()).toEqual([waiting, released].sort());
    expect((audit?.detail as { assignmentIds: string[] }).assignmentIds.sort()).toEqual([open, done].sort());
    // The new mentor reads the reviewed version and its history; the former mentor no longer sees it.
    expect((await versionsOfSubmission(await as('demo-mentor-2', LATER), released)).map((v) => v.version)).toEqual([1]);
    expect(await versionsOfSubmission(await as('demo-mentor', LATER), released)).toEqual([]);
  });

  it('the new mentor’s workspace says so, and they can change the work', async () => {
    const id = await assign('demo-learner');
    await updateAccess(await demoAdmin(database, { now: LATER }), 'demo-learner', { ...learnerAccess, mentorId: 'demo-mentor-2' });
    const workspace = await mentoringWorkspace(await as('demo-mentor-2'), catalogue);
    expect(workspace.passedOn).toEqual([{ fromName: 'Gwenno Parry', count: 1, latestAt: LATER, toAdmins: false }]);
    expect(workspace.assignments.map((a) => a.id)).toEqual([id]);
    expect(await assignmentChangeForm({ scope: await as('demo-mentor-2'), locale: 'en', ip: null }, id, formPost({ intent: 'due', revision: '0', dueDate: '2027-01-08' }))).toMatchObject({ status: 303 });
    // The old mentor has let it go.
    expect(await assignmentChangeForm({ scope: await as('demo-mentor'), locale: 'en', ip: null }, id, formPost({ intent: 'withdraw' }))).toMatchObject({ status: 404 });
  });

  it('with no new mentor, the work goes to the organisation’s administrators', async () => {
    const id = await assign('demo-learner');
    await updateAccess(await demoAdmin(database, { now: LATER }), 'demo-learner', { ...learnerAccess, mentorId: '' });
    expect(await owner(id)).toMatchObject({ ownerId: null, passedOnFrom: 'demo-mentor' });
  });

  it('passes nothing when the mentor stays the same', async () => {
    const id = await assign('demo-learner');
    await updateAccess(await demoAdmin(database, { now: LATER }), 'demo-learner', { ...learnerAccess, mentorId: 'demo-mentor', teamIds: ['demo-team-assessment', 'demo-team-coast'] });
    expect(await owner(id)).toMatchObject({ ownerId: 'demo-mentor', passedOnAt: null });
    expect(await passedOnAudit()).toHaveLength(0);
  });
});

describe('when a mentor is deactivated or stops mentoring', () => {
  it('a deactivated mentor’s open work and waiting submissions go to the administrators, who can act on them', async () => {
    const first = await assign('demo-learner');
    const second = await assign('demo-p01');
    const waiting = await submitted(first, 'demo-learner');
    const other = await assign('demo-p11', 'demo-mentor-2');

    expect((await setActive(await demoAdmin(database, { now: LATER }), 'demo-mentor', false)).ok).toBe(true);

    expect(await owner(first)).toMatchObject({ ownerId: null, passedOnFrom: 'demo-mentor' });
    expect(await owner(second)).toMatchObject({ ownerId: null });
    expect(await reviewer(waiting)).toBeNull();
    expect(await owner(other)).toMatchObject({ ownerId: 'demo-mentor-2' });
    expect((await passedOnAudit()).map((a) => a.subjectId).sort()).toEqual(['demo-learner', 'demo-p01']);

    // Any administrator of the organisation holds it now; another mentor or organisation does not.
    const admin = await as('demo-admin');
    expect((await assignmentsOwnedBy(admin, {}, catalogue)).map((a) => a.id).sort()).toEqual([first, second].sort());
    expect((await mentoringWorkspace(admin, catalogue)).passedOn).toEqual([{ fromName: 'Gwenno Parry', count: 2, latestAt: LATER, toAdmins: true }]);
    expect(await assignmentChangeForm({ scope: admin, locale: 'en', ip: null }, first, formPost({ intent: 'due', revision: '0', dueDate: '2027-01-08' }))).toMatchObject({ status: 303 });
    for (const who of ['demo-mentor-2', 'demo-other-admin']) {
      expect(await assignmentChangeForm({ scope: await as(who), locale: 'en', ip: null }, second, formPost({ intent: 'withdraw' }))).toMatchObject({ status: 404 });
    }
    expect(await owner(second)).toMatchObject({ withdrawnAt: null });
  });

  it('a mentor who loses the mentor role passes their mentees’ open work to the administrators', async () => {
    const id = await assign('demo-p01');
    await updateAccess(await demoAdmin(database, { now: LATER }), 'demo-mentor', { roles: ['learner'], teamIds: ['demo-team-assessment'], managedTeamIds: [], mentorId: '' });
    expect(await owner(id)).toMatchObject({ ownerId: null, passedOnFrom: 'demo-mentor' });
  });
});
