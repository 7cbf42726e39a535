/**
 * Working days in England and Wales: Monday to Friday except bank holidays. Dates are calendar
 * dates (YYYY-MM-DD, a day in Europe/London); callers turn instants into dates first. Pure.
 *
 * Past the bank holiday data (BANK_HOLIDAYS_COVER) every function throws a RangeError rather
 * than silently treating an unknown holiday as a working day; a caller that takes dates from
 * people checks them against BANK_HOLIDAYS_COVER first (as the content check does).
 */
import { BANK_HOLIDAYS, BANK_HOLIDAYS_COVER } from './bank-holidays.ts';

export { BANK_HOLIDAYS_COVER };

const DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HOLIDAYS = new Set(BANK_HOLIDAYS.map(([date]) => date));
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' });

/** The calendar date (YYYY-MM-DD) an instant (ms) falls on in Europe/London: how every capability turns a time into a day. */
export function londonDate(at: number): string {
  const parts = Object.fromEntries(LONDON_DAY.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** UTC midnight of a covered date; anything else is a caller's bug, so it throws. */
function timeOf(date: string): number {
  const time = ISO_DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  if (Number.isNaN(time) || iso(time) !== date) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  if (date < BANK_HOLIDAYS_COVER.first || date > BANK_HOLIDAYS_COVER.last) {
    throw new RangeError(`No bank holiday data for ${date}: src/domain/common/bank-holidays.ts covers ${BANK_HOLIDAYS_COVER.first} to ${BANK_HOLIDAYS_COVER.last}; extend it`);
  }
  return time;
}

/** Whether the date is a bank holiday in England and Wales (substitute days included). */
export function isBankHoliday(date: string): boolean {
  timeOf(date);
  return HOLIDAYS.has(date);
}

/** Whether the date is a weekday that is not a bank holiday. */
export function isWorkingDay(date: string): boolean {
  const day = new Date(timeOf(date)).getUTCDay();
  return day !== 0 && day !== 6 && !HOLIDAYS.has(date);
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
  const end = timeOf(to);
  let count = 0;
  for (let t = timeOf(from) + DAY; t <= end; t += DAY) if (isWorkingDay(iso(t))) count++;
  return count;
}

/** The date `n` working days after `from` (before it when `n` is negative); `from` itself may be any day. */
export function addWorkingDays(from: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`A whole number of working days, not ${n}`);
  const step = n < 0 ? -DAY : DAY;
  let t = timeOf(from);
  for (let moved = 0; moved < Math.abs(n); ) {
    t += step;
    if (isWorkingDay(iso(t))) moved++;
  }
  return iso(t);
}
