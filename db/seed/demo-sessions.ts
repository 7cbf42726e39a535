import type { Db } from '../client.ts';
import { agreedActions, cpdEntries, groupMembers, mentoringGroups, mentoringSessions, sessionAttendance, sessionPrivateNotes, simulationAttempts } from '../schema/index.ts';

const DAY = 86_400_000;
const ORG = 'demo-org';
const MENTOR = 'demo-mentor';
const MENTEE = 'demo-learner';

/** The London-ish calendar date `days` from `now` (the demo needs whole days, not the hour). */
const day = (now: number, days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);
const at = (now: number, days: number) => Date.parse(`${day(now, days)}T10:00:00Z`);

/**
 * The demo mentor's sessions: three past 1:1s with Elin (an action carried forward twice, one done,
 * one dropped), one planned, a support group with two recorded sessions, and Elin's finished
 * conversation simulations spread over weeks so the progress trends draw. Run on first start
 * only (not by seedDemo), so tests of sessions start from an empty workspace.
 */
export async function seedDemoSessions(db: Db, now = Date.now()): Promise<void> {
  await db.transaction(async (tx) => {
    const session = (id: string, days: number, extra: Partial<typeof mentoringSessions.$inferInsert>) => ({
      id,
      organisationId: ORG,
      authorId: MENTOR,
      kind: 'one-to-one' as const,
      menteeId: MENTEE,
      groupId: null,
      date: day(now, days),
      startsAt: '10:00',
      durationMinutes: 60,
      format: 'in-person' as const,
      focus: ['conversations' as const],
      sharedSummary: '',
      state: days < 0 ? ('recorded' as const) : ('planned' as const),
      revision: 0,
      requestKey: `demo-${id}`,
      createdAt: at(now, Math.min(days, 0)),
      updatedAt: at(now, Math.min(days, 0)),
      ...extra,
    });
    await tx.insert(mentoringGroups).values({ id: 'demo-group-1', organisationId: ORG, mentorId: MENTOR, name: 'Thursday reflective practice group', revision: 0, createdAt: at(now, -50), updatedAt: at(now, -50) });
    await tx.insert(groupMembers).values(['demo-learner', 'demo-p01', 'demo-p02', 'demo-p03'].map((personId) => ({ groupId: 'demo-group-1', personId, addedAt: at(now, -50) })));
    await tx.insert(mentoringSessions).values([
      session('demo-session-1', -42, { focus: ['conversations'], sharedSummary: 'We looked at how Elin opens a first visit and practised two open questions for a reluctant parent.' }),
      session('demo-session-2', -28, { format: 'video', focus: ['conversations', 'measure'], sharedSummary: 'Elin tried the open questions on two visits. We went through her simulation figures and worked on complex reflections.' }),
      session('demo-session-3', -14, { focus: ['thresholds'], sharedSummary: 'We compared Elin’s threshold decisions with the panel’s on two borderline vignettes.' }),
      session('demo-session-4', 7, { focus: ['change', 'measure'] }),
      session('demo-group-session-1', -35, { kind: 'group', menteeId: null, groupId: 'demo-group-1', startsAt: '13:30', durationMinutes: 90, topic: 'Opening a first visit', sharedSummary: 'Each of us brought one first-visit story; we named what helped the family talk.' }),
      session('demo-group-session-2', -7, { kind: 'group', menteeId: null, groupId: 'demo-group-1', startsAt: '13:30', durationMinutes: 90, format: 'video', focus: ['thresholds'], topic: 'When worry becomes a strategy discussion', sharedSummary: 'We discussed when worry becomes a strategy discussion, using one fictional case.' }),
    ]);
    await tx.insert(sessionPrivateNotes).values({ sessionId: 'demo-session-1', authorId: MENTOR, text: 'Elin seemed unsure about her caseload; ask again next time.', updatedAt: at(now, -42) });
    const action = (id: string, sessionId: string, position: number, text: string, ownerId: string, dueDays: number, state: 'open' | 'done' | 'carried' | 'dropped', carriedFromId: string | null = null, doneDays: number | null = null) => ({
      id,
      organisationId: ORG,
      sessionId,
      position,
      text,
      ownerId,
      dueDate: day(now, dueDays),
      state,
      carriedFromId,
      doneAt: doneDays === null ? null : at(now, doneDays),
      doneBy: doneDays === null ? null : ownerId,
      updatedAt: at(now, doneDays ?? -14),
    });
    await tx.insert(agreedActions).values([
      action('demo-action-1', 'demo-session-1', 0, 'Try one scaling question on a home visit', MENTEE, -30, 'carried'),
      action('demo-action-2', 'demo-session-1', 1, 'Read the section on complex reflections', MENTEE, -32, 'done', null, -33),
      action('demo-action-3', 'demo-session-2', 0, 'Try one scaling question on a home visit', MENTEE, -16, 'carried', 'demo-action-1'),
      action('demo-action-4', 'demo-session-2', 1, 'Send Elin the article on strengths-based practice', MENTOR, -25, 'dropped'),
      action('demo-action-5', 'demo-session-3', 0, 'Try one scaling question on a home visit', MENTEE, 3, 'open', 'demo-action-3'),
      action('demo-action-6', 'demo-session-3', 1, 'Do two borderline vignettes before the next session', MENTEE, 6, 'open'),
      action('demo-action-7', 'demo-group-session-2', 0, 'Bring one threshold question from your own caseload (anonymised)', MENTEE, 10, 'open'),
    ]);
    const groupAttendance = (sessionId: string, absent: string) =>
      ['demo-learner', 'demo-p01', 'demo-p02', 'demo-p03'].map((personId) => ({ sessionId, personId, attendance: personId === absent ? ('apologies' as const) : ('present' as const) }));
    await tx.insert(sessionAttendance).values([
      ...['demo-session-1', 'demo-session-2', 'demo-session-3'].map((sessionId) => ({ sessionId, personId: MENTEE, attendance: 'present' as const })),
      ...groupAttendance('demo-group-session-1', 'demo-p03'),
      ...groupAttendance('demo-group-session-2', 'demo-p02'),
    ]);
    // Attended sessions count as CPD, discussed with the mentor on the day (as saving a session does).
    const cpd = (sessionId: string, personId: string, days: number, minutes: number, group: boolean) => ({
      id: `demo-cpd-${sessionId}-${personId}`,
      personId,
      organisationId: ORG,
      kind: group ? ('support-group' as const) : ('mentoring' as const),
      sourceId: sessionId,
      activityId: sessionId,
      programmeId: null,
      titleEn: group ? 'Support group: Thursday reflective practice group' : 'Mentoring session with Gwenno Parry',
      titleCy: group ? 'Grŵp cymorth: Thursday reflective practice group' : 'Sesiwn fentora gyda Gwenno Parry',
      minutes,
      completedAt: at(now, days) + minutes * 60_000,
      discussedWith: 'mentor' as const,
      discussedOn: day(now, days),
    });
    await tx.insert(cpdEntries).values([
      cpd('demo-session-1', MENTEE, -42, 60, false),
      cpd('demo-session-2', MENTEE, -28, 60, false),
      cpd('demo-session-3', MENTEE, -14, 60, false),
      ...['demo-learner', 'demo-p01', 'demo-p02'].map((p) => cpd('demo-group-session-1', p, -35, 90, true)),
      ...['demo-learner', 'demo-p01', 'demo-p03'].map((p) => cpd('demo-group-session-2', p, -7, 90, true)),
    ]);
    // Finished conversations with improving MITI counts. Version 0 marks them as made on an earlier
    // version of the scenario, so their page shows the outcome without replaying a transcript.
    const counts = [
      { questions: 6, simpleReflections: 3, complexReflections: 1 },
      { questions: 5, simpleReflections: 4, complexReflections: 2 },
      { questions: 4, simpleReflections: 4, complexReflections: 3 },
      { questions: 4, simpleReflections: 4, complexReflections: 5 },
      { questions: 3, simpleReflections: 3, complexReflections: 5 },
    ];
    await tx.insert(simulationAttempts).values(
      counts.map((c, i) => {
        const finished = at(now, -56 + i * 12);
        const full = { ...c, miAdherent: 1 + i, miNonAdherent: Math.max(0, 3 - i) };
        return {
          id: `demo-sim-attempt-${i + 1}`,
          personId: MENTEE,
          organisationId: ORG,
          kind: 'conversation' as const,
          scenarioId: i % 2 === 0 ? 'cc-domestic-abuse-mother' : 'cc-school-attendance-father',
          scenarioVersion: 0,
          snapshot: {},
          revision: 0,
          status: 'complete' as const,
          outcome: i < 2 ? 'next-step-agreed' : 'change-named',
          result: { kind: 'conversation', outcome: i < 2 ? 'next-step-agreed' : 'change-named', counts: full },
          startedAt: finished - 25 * 60_000,
          updatedAt: finished,
          completedAt: finished,
        };
      }),
    );
  });
}
