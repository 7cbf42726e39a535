// Report periods and calendar quarters, all in Europe/London time (a quarter starts at London midnight).
import { DateTime } from 'luxon';
import { isCalendarDate } from '../common/index.ts';

const ZONE = 'Europe/London';

/** A report period: inclusive London calendar dates (YYYY-MM-DD), `from` not after `to`. */
export type Period = { from: string; to: string };
/** A calendar quarter, e.g. `2026-Q3` (July to September, London time). */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

/** Checks a period typed into a form: two real dates, the end not before the start. */
export function checkPeriod(from: string, to: string): { ok: true; period: Period } | { ok: false; error: 'invalid-date' | 'end-before-start' } {
  if (!isCalendarDate(from) || !isCalendarDate(to)) return { ok: false, error: 'invalid-date' };
  if (to < from) return { ok: false, error: 'end-before-start' };
  return { ok: true, period: { from, to } };
}

/** The instant London midnight begins on a calendar date. */
function londonMidnight(date: string): number {
  return DateTime.fromISO(date, { zone: ZONE }).toMillis();
}

const periodCache = new WeakMap<Period, readonly [number, number]>();

/** The instants a period covers: [London midnight of `from`, London midnight after `to`). */
export function periodBounds(period: Period): readonly [number, number] {
  // Kept per period object: a report filters many thousands of records by the same period.
  let bounds = periodCache.get(period);
  if (!bounds) {
    bounds = [londonMidnight(period.from), DateTime.fromISO(period.to, { zone: ZONE }).plus({ days: 1 }).toMillis()] as const;
    periodCache.set(period, bounds);
  }
  return bounds;
}

/** Whether an instant (ms) falls on one of the period's London dates. */
export function inPeriod(ms: number, period: Period): boolean {
  const [start, end] = periodBounds(period);
  return ms >= start && ms < end;
}

/** Whether a London calendar date (YYYY-MM-DD) lies in the period. */
export function dateInPeriod(date: string, period: Period): boolean {
  return date >= period.from && date <= period.to;
}

const QUARTER = /^([12]\d{3})-Q([1-4])$/;

/** A quarter from text such as `2026-Q3`; null for anything else (lower case, spaces, Q5, a bare year). */
export function parseQuarter(text: string): Quarter | null {
  return QUARTER.test(text) ? (text as Quarter) : null;
}

const partsOf = (quarter: Quarter): [number, number] => {
  const match = QUARTER.exec(quarter);
  if (!match) throw new RangeError(`Not a quarter: ${quarter}`);
  return [Number(match[1]), Number(match[2])];
};
const quarterFrom = (year: number, q: number): Quarter => `${year}-Q${q}` as Quarter;

/** The quarter a London calendar date (YYYY-MM-DD) falls in. */
export function quarterOfDate(date: string): Quarter {
  return quarterFrom(Number(date.slice(0, 4)), Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1);
}

/** The quarter after (steps > 0) or before (steps < 0) a quarter. */
export function addQuarters(quarter: Quarter, steps: number): Quarter {
  const [year, q] = partsOf(quarter);
  const index = year * 4 + (q - 1) + steps;
  return quarterFrom(Math.floor(index / 4), (index % 4) + 1);
}

/** The first and last London dates of a quarter, as a period. */
export function quarterDates(quarter: Quarter): Period {
  const [year, q] = partsOf(quarter);
  const first = DateTime.fromObject({ year, month: (q - 1) * 3 + 1, day: 1 }, { zone: ZONE });
  return { from: first.toISODate()!, to: first.plus({ months: 3, days: -1 }).toISODate()! };
}

const boundsCache = new Map<Quarter, readonly [number, number]>();

/** The instants of a quarter: [London midnight of its first day, London midnight of the next quarter's first day). */
export function quarterBounds(quarter: Quarter): readonly [number, number] {
  let bounds = boundsCache.get(quarter);
  if (!bounds) {
    bounds = periodBounds(quarterDates(quarter));
    boundsCache.set(quarter, bounds);
  }
  return bounds;
}

const seenQuarters: { quarter: Quarter; start: number; end: number }[] = [];

/** The quarter an instant (ms) falls in, in London time (00:30 BST on 1 October is already Q4). */
export function quarterOf(ms: number): Quarter {
  // A report places many thousands of times in a handful of quarters: look among those seen first.
  for (const q of seenQuarters) if (ms >= q.start && ms < q.end) return q.quarter;
  // Start from the UTC date and step once if London's offset moves it across a boundary.
  let quarter = quarterOfDate(new Date(ms).toISOString().slice(0, 10));
  const [start, end] = quarterBounds(quarter);
  if (ms < start) quarter = addQuarters(quarter, -1);
  else if (ms >= end) quarter = addQuarters(quarter, 1);
  const [qStart, qEnd] = quarterBounds(quarter);
  if (seenQuarters.length >= 64) seenQuarters.length = 0;
  seenQuarters.push({ quarter, start: qStart, end: qEnd });
  return quarter;
}

/** Every quarter that overlaps the period, oldest first (none when the period ends before it starts). */
export function quartersIn(period: Period): Quarter[] {
  if (period.to < period.from) return [];
  const last = quarterOfDate(period.to);
  const quarters = [quarterOfDate(period.from)];
  while (quarters[quarters.length - 1] !== last) quarters.push(addQuarters(quarters[quarters.length - 1]!, 1));
  return quarters;
}

/** Whether a quarter is over at `nowMs` (London time): its figures can then be entered. */
export function quarterHasEnded(quarter: Quarter, nowMs: number): boolean {
  return nowMs >= quarterBounds(quarter)[1];
}
