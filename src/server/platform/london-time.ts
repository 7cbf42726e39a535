import { DateTime } from 'luxon';
import { CALENDAR_TIME_ZONE } from './calendar.ts';

/** The instant of a London wall-clock time (HH:MM) on a calendar date (YYYY-MM-DD), whatever the server's zone. */
export function londonInstant(date: string, clock: string): number {
  return DateTime.fromISO(`${date}T${clock}`, { zone: CALENDAR_TIME_ZONE }).toMillis();
}

/** The London wall-clock time (HH:MM) of an instant. */
export function londonTimeOf(at: number): string {
  return DateTime.fromMillis(at, { zone: CALENDAR_TIME_ZONE }).toFormat('HH:mm');
}
