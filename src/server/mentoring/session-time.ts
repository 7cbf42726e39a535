import { londonDate } from '../../domain/common/index.ts';
import { londonInstant, londonTimeOf } from '../platform/index.ts';

/** The London wall clock at an instant: the day and the HH:MM time. */
export function londonClock(at: number): { date: string; time: string } {
  return { date: londonDate(at), time: londonTimeOf(at) };
}

/** The instants a session starts and ends, from its London date and wall time. */
export function sessionInstants(session: { date: string; startsAt: string; durationMinutes: number }): { start: Date; end: Date } {
  const start = londonInstant(session.date, session.startsAt);
  return { start: new Date(start), end: new Date(start + session.durationMinutes * 60_000) };
}
