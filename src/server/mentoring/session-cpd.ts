import { setAttendedCpd, type Tx } from '../cpd/index.ts';
import type { Attendance, SessionKind, SessionState } from '../../domain/mentoring/index.ts';
import { translator } from '../../i18n/index.ts';
import { sessionInstants } from './session-time.ts';

/** What the CPD entry of a session needs to know about it. */
export type SessionCpdFacts = {
  id: string;
  kind: SessionKind;
  state: SessionState;
  date: string;
  startsAt: string;
  durationMinutes: number;
  mentorName: string;
  groupName: string;
};

/**
 * Sets each attendee's CPD time for a session, inside the save transaction: a recorded session
 * gives everyone present its duration (kind mentoring, or support-group for a group), discussed
 * with their mentor on the session's date; a planned or cancelled session, or an absence, removes it.
 */
export async function recordSessionCpd(tx: Tx, session: SessionCpdFacts, attendees: readonly { personId: string; attendance: Attendance }[]): Promise<void> {
  const title = (locale: 'en' | 'cy') =>
    session.kind === 'group'
      ? translator(locale)('sessions.groupCpdTitle', { group: session.groupName })
      : translator(locale)('sessions.cpdTitle', { mentor: session.mentorName });
  const { end } = sessionInstants(session);
  for (const attendee of attendees) {
    const minutes = session.state === 'recorded' && attendee.attendance === 'present' ? session.durationMinutes : null;
    await setAttendedCpd(
      tx,
      {
        personId: attendee.personId,
        kind: session.kind === 'group' ? 'support-group' : 'mentoring',
        sourceId: session.id,
        activityId: session.id,
        programmeId: null,
        title: { en: title('en'), cy: title('cy') },
        completedAt: end.getTime(),
        discussedWith: 'mentor',
        discussedOn: session.date,
      },
      minutes,
    );
  }
}
