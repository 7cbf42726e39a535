import { DateTime } from 'luxon';
import { londonDate } from '../../domain/common/index.ts';

export const SESSION_TIME_ZONE = 'Europe/London';

/** The London wall clock at an instant: the day and the HH:MM time. */
export function londonClock(at: number): { date: string; time: string } {
  return { date: londonDate(at), time: DateTime.fromMillis(at, { zone: SESSION_TIME_ZONE }).toFormat('HH:mm') };
}

/** The instants a session starts and ends, from its London date and wall time. */
export function sessionInstants(session: { date: string; startsAt: string; durationMinutes: number }): { start: Date; end: Date } {
  const start = DateTime.fromISO(`${session.date}T${session.startsAt}`, { zone: SESSION_TIME_ZONE });
  return { start: start.toJSDate(), end: start.plus({ minutes: session.durationMinutes }).toJSDate() };
}
