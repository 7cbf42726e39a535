import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { mentoringSessions, sessionAttendance } from '../../../db/schema/index.ts';
import { mayOnPerson } from '../access/index.ts';
import { personTarget, type Scope } from '../people/index.ts';

/**
 * How many mentoring sessions (1:1 and group) a person has had, and on which days: for their
 * team's manager and administrators only, and never what was said (no summaries, notes or actions).
 */
export async function sessionCountsFor(scope: Scope, personId: string): Promise<{ count: number; dates: string[] } | null> {
  const target = await personTarget(scope.db, personId);
  if (!target || !mayOnPerson(scope.viewer, 'sessions.counts.view', target)) return null;
  const attended = scope.db.select({ id: sessionAttendance.sessionId }).from(sessionAttendance).where(eq(sessionAttendance.personId, personId));
  const rows = await scope.db
    .select({ date: mentoringSessions.date })
    .from(mentoringSessions)
    .where(and(eq(mentoringSessions.organisationId, scope.organisationId), eq(mentoringSessions.state, 'recorded'), or(eq(mentoringSessions.menteeId, personId), inArray(mentoringSessions.id, attended))))
    .orderBy(asc(mentoringSessions.date));
  return { count: rows.length, dates: rows.map((r) => r.date) };
}
