import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments, cpdEntries, mentoringSessions, moduleCompletions, ownResponseCodes, sectionVisits, simulationOwnResponses, submissions, thresholdAttempts } from '../../db/schema/index.ts';
import { cpdMinutesThisYearOf } from '../../src/server/cpd/index.ts';
import { learningProgressOf, type ProgrammeOutline } from '../../src/server/learning/index.ts';
import { assignmentTimelinessOf, mentorOverview, overviewCsv, sessionsProgressOf, type ContentCatalogue } from '../../src/server/mentoring/index.ts';
import { finishedAttemptsOf } from '../../src/server/simulations/index.ts';
import { panelAgreementOverTime } from '../../src/server/thresholds/index.ts';
import { seedDemoSessions } from '../../db/seed/demo-sessions.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-05T12:00:00Z');
const title = (s: string) => ({ en: s, cy: `${s} (cy)` });
const OUTLINE: ProgrammeOutline = [{ id: 'prog-a', title: title('Programme A'), modules: [{ id: 'mod-a', title: title('Module A') }, { id: 'mod-b', title: title('Module B') }] }];
const CATALOGUE: ContentCatalogue = [
  { kind: 'programme', id: 'prog-a', title: title('Programme A'), moduleIds: ['mod-a', 'mod-b'] },
  { kind: 'module', id: 'mod-a', title: title('Module A'), programmeId: 'prog-a' },
  { kind: 'module', id: 'mod-b', title: title('Module B'), programmeId: 'prog-a' },
];
const PANEL = new Map([['v-one', 'strategy-discussion'], ['v-two', 'care-and-support-assessment']]);
const PRIVATE_NOTE = 'Elin seemed unsure about her caseload; ask again next time.';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
  await seedDemoSessions(database.db);
});
afterEach(() => database.cleanup());

const as = (personId: string, now: number = NOW) => scopeOf(database.db, personId, now);

describe('the readers of a mentee’s progress', () => {
  it('answer null to another mentor, a manager of the person’s team, an administrator and another organisation', async () => {
    for (const who of ['demo-mentor-2', 'demo-manager', 'demo-admin', 'demo-other-admin']) {
      const scope = await as(who);
      expect(await learningProgressOf(scope, 'demo-learner', OUTLINE), who).toBeNull();
      expect(await finishedAttemptsOf(scope, 'demo-learner'), who).toBeNull();
      expect(await panelAgreementOverTime(scope, 'demo-learner', PANEL), who).toBeNull();
      expect(await cpdMinutesThisYearOf(scope, 'demo-learner'), who).toBeNull();
      expect(await sessionsProgressOf(scope, 'demo-learner'), who).toBeNull();
      expect(await assignmentTimelinessOf(scope, 'demo-learner', CATALOGUE), who).toBeNull();
    }
  });

  it('answer null for an id that is no person at all', async () => {
    expect(await finishedAttemptsOf(await as('demo-mentor'), 'no-such-person')).toBeNull();
  });

  it('give the mentor each module’s state with its dates, and each programme’s', async () => {
    await database.db.insert(sectionVisits).values([
      { personId: 'demo-p04', organisationId: 'demo-org', moduleId: 'mod-a', sectionId: 's1', firstVisitedAt: NOW - 10 * DAY, lastVisitedAt: NOW - 9 * DAY },
      { personId: 'demo-p04', organisationId: 'demo-org', moduleId: 'mod-b', sectionId: 's1', firstVisitedAt: NOW - 2 * DAY, lastVisitedAt: NOW - 2 * DAY },
    ]);
    await database.db.insert(moduleCompletions).values({ personId: 'demo-p04', moduleId: 'mod-a', moduleVersion: 1, programmeId: 'prog-a', completedAt: NOW - 8 * DAY });
    const [programme] = (await learningProgressOf(await as('demo-mentor'), 'demo-p04', OUTLINE))!;
    expect(programme).toMatchObject({ id: 'prog-a', state: 'in-progress', done: 1 });
    expect(programme!.modules).toEqual([
      { id: 'mod-a', title: title('Module A'), state: 'done', startedAt: NOW - 10 * DAY, completedAt: NOW - 8 * DAY },
      { id: 'mod-b', title: title('Module B'), state: 'in-progress', startedAt: NOW - 2 * DAY, completedAt: null },
    ]);
  });

  it('give MITI figures per finished conversation, oldest first, with the mentor’s codes in place of the learner’s own', async () => {
    const mentor = await as('demo-mentor');
    const before = (await finishedAttemptsOf(mentor, 'demo-learner'))!;
    expect(before).toHaveLength(5);
    expect(before.map((a) => a.completedAt)).toEqual([...before.map((a) => a.completedAt)].sort((x, y) => x - y));
    expect(before[0]).toMatchObject({ reflectionToQuestion: 4 / 6, percentComplexReflections: 25, mentorCoded: false });

    // The learner coded one own-words reply as a question; the mentor coded it a complex reflection.
    await database.db.insert(simulationOwnResponses).values({ id: 'resp-1', attemptId: 'demo-sim-attempt-1', personId: 'demo-learner', organisationId: 'demo-org', scenarioId: 'cc-domestic-abuse-mother', turnId: 't1', text: 'So you want things to be calmer at home.', code: 'question', createdAt: NOW });
    await database.db.insert(submissions).values({ id: 'sub-1', organisationId: 'demo-org', menteeId: 'demo-learner', version: 1, workKind: 'simulation', workId: 'demo-sim-attempt-1', state: 'submitted', reviewerId: 'demo-mentor', rubricId: 'r', submittedAt: NOW });
    await database.db.insert(ownResponseCodes).values({ responseId: 'resp-1', submissionId: 'sub-1', code: 'complex-reflection', codedBy: 'demo-mentor', codedAt: NOW });
    const [first] = (await finishedAttemptsOf(mentor, 'demo-learner'))!;
    expect(first).toMatchObject({ reflectionToQuestion: 5 / 5, percentComplexReflections: 40, mentorCoded: true });
  });

  it('give the person the mentor’s codes on their own attempt only once that feedback is released', async () => {
    await database.db.insert(simulationOwnResponses).values({ id: 'resp-1', attemptId: 'demo-sim-attempt-1', personId: 'demo-learner', organisationId: 'demo-org', scenarioId: 'cc-domestic-abuse-mother', turnId: 't1', text: 'So you want things to be calmer at home.', code: 'question', createdAt: NOW });
    await database.db.insert(submissions).values({ id: 'sub-1', organisationId: 'demo-org', menteeId: 'demo-learner', version: 1, workKind: 'simulation', workId: 'demo-sim-attempt-1', state: 'submitted', reviewerId: 'demo-mentor', rubricId: 'r', submittedAt: NOW });
    await database.db.insert(ownResponseCodes).values({ responseId: 'resp-1', submissionId: 'sub-1', code: 'complex-reflection', codedBy: 'demo-mentor', codedAt: NOW });
    const own = async () => (await finishedAttemptsOf(await as('demo-learner'), 'demo-learner'))![0];
    expect(await own()).toMatchObject({ reflectionToQuestion: 4 / 6, mentorCoded: false });
    await database.db.update(submissions).set({ state: 'feedback-released', releasedAt: NOW }).where(eq(submissions.id, 'sub-1'));
    expect(await own()).toMatchObject({ reflectionToQuestion: 5 / 5, mentorCoded: true });
  });

  it('give agreement with the panel by month, leaving out vignettes without a panel answer', async () => {
    const attempt = (id: string, vignetteId: string, decision: 'strategy-discussion' | 'care-and-support-assessment', completedAt: number) => ({
      id, personId: 'demo-p04', organisationId: 'demo-org', vignetteId, vignetteVersion: 1, snapshot: {}, revision: 1, status: 'complete' as const, decision, startedAt: completedAt - 1000, completedAt,
    });
    await database.db.insert(thresholdAttempts).values([
      attempt('t1', 'v-one', 'strategy-discussion', Date.parse('2026-10-10T12:00:00Z')),
      attempt('t2', 'v-two', 'strategy-discussion', Date.parse('2026-10-20T12:00:00Z')),
      attempt('t3', 'v-two', 'care-and-support-assessment', Date.parse('2026-11-03T12:00:00Z')),
      attempt('t4', 'v-unknown', 'strategy-discussion', Date.parse('2026-11-04T12:00:00Z')),
    ]);
    expect(await panelAgreementOverTime(await as('demo-mentor'), 'demo-p04', PANEL)).toEqual([
      { month: '2026-10', decisions: 2, agreed: 1, percent: 50 },
      { month: '2026-11', decisions: 1, agreed: 1, percent: 100 },
    ]);
  });

  it('count CPD minutes of this calendar year only', async () => {
    const entry = (id: string, minutes: number, completedAt: number) => ({ id, personId: 'demo-p04', organisationId: 'demo-org', kind: 'external' as const, sourceId: id, titleEn: id, titleCy: id, minutes, completedAt });
    await database.db.insert(cpdEntries).values([entry('this-year', 45, Date.parse('2026-01-01T00:30:00Z')), entry('also', 30, NOW - DAY), entry('last-year', 600, Date.parse('2025-12-31T23:30:00Z'))]);
    expect(await cpdMinutesThisYearOf(await as('demo-mentor'), 'demo-p04')).toBe(75);
  });

  it('give the mentor their sessions with the person and the open actions, never a private note', async () => {
    const progress = (await sessionsProgressOf(await as('demo-mentor'), 'demo-learner'))!;
    expect(progress.sessions.filter((s) => s.state === 'recorded')).toHaveLength(3);
    expect(progress.openActions.map((a) => a.text)).toEqual([
      'Try one scaling question on a home visit',
      'Do two borderline vignettes before the next session',
      'Bring one threshold question from your own caseload (anonymised)',
    ]);
    expect(JSON.stringify(progress)).not.toContain(PRIVATE_NOTE);
  });

  it('give the person their own progress, with every session of theirs, never the mentor’s private note', async () => {
    const self = await as('demo-learner');
    expect(await learningProgressOf(self, 'demo-learner', OUTLINE)).not.toBeNull();
    expect(await finishedAttemptsOf(self, 'demo-learner')).not.toBeNull();
    const progress = (await sessionsProgressOf(self, 'demo-learner'))!;
    expect(progress.sessions.filter((s) => s.state === 'recorded')).toHaveLength(3);
    expect(progress.openActions.map((a) => a.text)).toEqual([
      'Try one scaling question on a home visit',
      'Do two borderline vignettes before the next session',
      'Bring one threshold question from your own caseload (anonymised)',
    ]);
    expect(JSON.stringify(progress)).not.toContain(PRIVATE_NOTE);
  });
});

describe('the mentor’s overview', () => {
  async function assign(id: string, menteeId: string, activityId: string, dueDate: string, createdAt = NOW - 30 * DAY) {
    const activityKind = activityId.startsWith('prog-') ? ('programme' as const) : ('module' as const);
    await database.db.insert(assignments).values({ id, organisationId: 'demo-org', menteeId, assignedBy: 'demo-mentor', ownerId: 'demo-mentor', activityKind, activityId, dueDate, requestKey: id, createdAt, updatedAt: createdAt });
  }

  it('has one row per active mentee of the mentor, and none for another mentor’s mentees', async () => {
    const rows = await mentorOverview(await as('demo-mentor'), { catalogue: CATALOGUE, outline: OUTLINE, panel: PANEL });
    expect(rows.map((r) => r.menteeId).sort()).toEqual(['demo-learner', 'demo-p01', 'demo-p02', 'demo-p04', 'demo-p07', 'demo-p08']);
    expect(await mentorOverview(await as('demo-manager'), { catalogue: CATALOGUE, outline: OUTLINE, panel: PANEL })).toEqual([]);
  });

  it('counts work on time, late and outstanding from when it was really done', async () => {
    await assign('on-time', 'demo-p04', 'mod-a', '2026-11-20');
    await assign('late', 'demo-p04', 'mod-b', '2026-11-10');
    await assign('outstanding', 'demo-p04', 'prog-a', '2026-12-20');
    await database.db.insert(moduleCompletions).values([
      { personId: 'demo-p04', moduleId: 'mod-a', moduleVersion: 1, programmeId: 'prog-a', completedAt: Date.parse('2026-11-19T12:00:00Z') },
      { personId: 'demo-p04', moduleId: 'mod-b', moduleVersion: 1, programmeId: 'prog-a', completedAt: Date.parse('2026-11-12T12:00:00Z') },
    ]);
    const row = (await mentorOverview(await as('demo-mentor'), { catalogue: CATALOGUE, outline: OUTLINE, panel: PANEL })).find((r) => r.menteeId === 'demo-p04')!;
    // The programme is done too (both modules), on 19 November, before its date: on time.
    expect(row).toMatchObject({ onTime: 2, late: 1, outstanding: 0, programmesDone: 1, attention: [] });
  });

  it('marks who needs attention, and why: work overdue, nothing done for 30 days, an action more than 7 days late', async () => {
    const later = Date.now() + 40 * DAY;
    await assign('overdue', 'demo-p04', 'mod-a', new Date(later - 2 * DAY).toISOString().slice(0, 10), Date.now());
    const rows = await mentorOverview(await as('demo-mentor', later), { catalogue: CATALOGUE, outline: OUTLINE, panel: PANEL });
    expect(rows.find((r) => r.menteeId === 'demo-p04')?.attention).toEqual(['work-overdue', 'inactive-30-days']);
    expect(rows.find((r) => r.menteeId === 'demo-learner')?.attention).toEqual(['inactive-30-days', 'action-late-7-days']);
  });

  it('shows the latest MITI figures, open actions and this year’s CPD time', async () => {
    const row = (await mentorOverview(await as('demo-mentor', Date.now()), { catalogue: CATALOGUE, outline: OUTLINE, panel: PANEL })).find((r) => r.menteeId === 'demo-learner')!;
    expect(row.latestMiti?.reflectionToQuestion).toBeCloseTo(8 / 3);
    expect(row.latestMiti?.percentComplexReflections).toBeCloseTo(62.5);
    expect(row.openActions).toBe(3);
    expect(row.cpdMinutesThisYear).toBeGreaterThan(0);
  });

  it('gives agreement with the panel from five decisions up, and below that no figure, in the table and the CSV', async () => {
    const attempt = (n: number, vignetteId: string, decision: 'strategy-discussion' | 'care-and-support-assessment') => ({
      id: `t${n}`, personId: 'demo-p04', organisationId: 'demo-org', vignetteId, vignetteVersion: 1, snapshot: {}, revision: 1, status: 'complete' as const, decision, startedAt: NOW - (n + 1) * DAY, completedAt: NOW - n * DAY,
    });
    await database.db.insert(thresholdAttempts).values([
      attempt(1, 'v-one', 'strategy-discussion'),
      attempt(2, 'v-two', 'care-and-support-assessment'),
      attempt(3, 'v-two', 'strategy-discussion'),
      attempt(4, 'v-one', 'strategy-discussion'),
      attempt(5, 'v-unknown', 'strategy-discussion'),
    ]);
    const overview = async () => (await mentorOverview(await as('demo-mentor'), { catalogue: CATALOGUE, outline: OUTLINE, panel: PANEL })).find((r) => r.menteeId === 'demo-p04')!;
    // Four decisions on vignettes with a panel answer (the unknown vignette is left out): too few for a figure.
    const few = await overview();
    expect(few).toMatchObject({ thresholdDecisions: 4, thresholdAgreement: null });
    expect(overviewCsv([few], 'en')).toContain('Fewer than 5 decisions (4)');
    expect(overviewCsv([few], 'en')).not.toContain(',75,');
    await database.db.insert(thresholdAttempts).values(attempt(6, 'v-one', 'strategy-discussion'));
    const enough = await overview();
    expect(enough).toMatchObject({ thresholdDecisions: 5, thresholdAgreement: 80 });
    expect(overviewCsv([enough], 'en').split('\n')[1]).toMatch(/,80,0,$/);
  });

  it('counts the recorded 1:1 sessions with the mentor and gives the latest date', async () => {
    const rows = await mentorOverview(await as('demo-mentor', Date.now()), { catalogue: CATALOGUE, outline: OUTLINE, panel: PANEL });
    const [latest] = await database.db.select({ date: mentoringSessions.date }).from(mentoringSessions).where(eq(mentoringSessions.id, 'demo-session-3'));
    expect(rows.find((r) => r.menteeId === 'demo-learner')).toMatchObject({ sessionsRecorded: 3, lastSessionOn: latest!.date });
    expect(rows.find((r) => r.menteeId === 'demo-p04')).toMatchObject({ sessionsRecorded: 0, lastSessionOn: null });
    const elsewhere = await mentorOverview(await as('demo-mentor-2', Date.now()), { catalogue: CATALOGUE, outline: OUTLINE, panel: PANEL });
    expect(elsewhere.every((r) => r.sessionsRecorded === 0)).toBe(true);
  });

  it('downloads as a CSV with a translated header, a byte-order mark, safe cells and no private note', async () => {
    const rows = await mentorOverview(await as('demo-mentor', Date.now() + 40 * DAY), { catalogue: CATALOGUE, outline: OUTLINE, panel: PANEL });
    const csv = overviewCsv([...rows, { ...rows[0]!, menteeId: 'x', name: '=HYPERLINK("http://x")' }], 'en');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header] = csv.slice(1).split('\n');
    expect(header).toBe(
      'Mentee,Programmes done (in progress),On time,Late,Outstanding,Last activity,Latest reflections per question,Latest complex reflections (%),Open actions,CPD minutes this year,Needs attention,Agreement with the panel (%),Sessions recorded,Last session',
    );
    expect(csv).toContain('Elin Hughes');
    expect(csv).toContain('nothing done for 30 days');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toContain(PRIVATE_NOTE);
    expect(overviewCsv(rows, 'cy').slice(1).split('\n')[0]).toMatch(/^Mentorai,/);
  });
});
