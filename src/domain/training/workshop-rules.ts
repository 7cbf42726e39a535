import { isCalendarDate } from '../common/index.ts';
import { DELIVERY_LANGUAGES } from './vocabulary.ts';

export type WorkshopErrorKey =
  | 'training.errors.programme'
  | 'training.errors.title'
  | 'training.errors.date'
  | 'training.errors.datePast'
  | 'training.errors.time'
  | 'training.errors.endBeforeStart'
  | 'training.errors.place'
  | 'training.errors.language'
  | 'training.errors.places'
  | 'training.errors.placesBelowBooked'
  | 'training.errors.closes'
  | 'training.errors.closesAfterDate'
  | 'training.errors.teams';

export type WorkshopInput = {
  programmeId: string;
  title: string;
  date: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  onlineLink: string;
  language: string;
  places: number;
  bookingClosesOn: string;
  teamIds: readonly string[];
};

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const TITLE_MAX = 200;

/** Minutes after midnight of a wall-clock time written HH:MM, or null when it is not one. */
export function clockMinutes(value: string): number | null {
  const match = CLOCK.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** The errors of a workshop form, by field (empty when it may be saved); `today` is a London calendar date, `teamIds` the organisation's teams. */
export function checkWorkshop(
  input: WorkshopInput,
  ctx: { today: string; bookedCount: number; programmeIds: readonly string[]; teamIds?: readonly string[] },
): Partial<Record<keyof WorkshopInput, WorkshopErrorKey>> {
  const errors: Partial<Record<keyof WorkshopInput, WorkshopErrorKey>> = {};
  if (!ctx.programmeIds.includes(input.programmeId)) errors.programmeId = 'training.errors.programme';
  const title = input.title.trim();
  if (title === '' || title.length > TITLE_MAX) errors.title = 'training.errors.title';
  if (!isCalendarDate(input.date)) errors.date = 'training.errors.date';
  else if (input.date < ctx.today) errors.date = 'training.errors.datePast';
  const start = clockMinutes(input.startsAt);
  const end = clockMinutes(input.endsAt);
  if (start === null) errors.startsAt = 'training.errors.time';
  if (end === null) errors.endsAt = 'training.errors.time';
  else if (start !== null && end <= start) errors.endsAt = 'training.errors.endBeforeStart';
  if (input.venue.trim() === '' && input.onlineLink.trim() === '') errors.venue = 'training.errors.place';
  else if (input.onlineLink.trim() !== '' && !isWebLink(input.onlineLink.trim())) errors.onlineLink = 'training.errors.place';
  if (!(DELIVERY_LANGUAGES as readonly string[]).includes(input.language)) errors.language = 'training.errors.language';
  if (!Number.isInteger(input.places) || input.places < 1) errors.places = 'training.errors.places';
  else if (input.places < ctx.bookedCount) errors.places = 'training.errors.placesBelowBooked';
  if (!isCalendarDate(input.bookingClosesOn)) errors.bookingClosesOn = 'training.errors.closes';
  else if (isCalendarDate(input.date) && input.bookingClosesOn > input.date) errors.bookingClosesOn = 'training.errors.closesAfterDate';
  // No teams chosen means everyone in the organisation may book.
  if (ctx.teamIds && input.teamIds.some((id) => !ctx.teamIds!.includes(id))) errors.teamIds = 'training.errors.teams';
  return errors;
}

// An online link must be http(s), so a page never renders a javascript: href.
function isWebLink(value: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(value);
}

/** May people book (or be promoted) today? Open through the whole closing day, never once cancelled. */
export function bookingOpen(bookingClosesOn: string, today: string, cancelled: boolean): boolean {
  return !cancelled && today <= bookingClosesOn;
}

/** Length of a workshop in minutes from its HH:MM start and end (0 when either is not a time or end is not later). */
export function workshopMinutes(startsAt: string, endsAt: string): number {
  const start = clockMinutes(startsAt);
  const end = clockMinutes(endsAt);
  return start === null || end === null || end <= start ? 0 : end - start;
}
