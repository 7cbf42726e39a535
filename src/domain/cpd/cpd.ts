import { londonDate } from '../common/index.ts';

/** The kinds of continuing professional development the record keeps (also the database column's vocabulary). */
export const CPD_KINDS = ['module', 'simulation', 'threshold-practice', 'mentoring', 'support-group', 'workshop', 'external'] as const;
export type CpdKind = (typeof CPD_KINDS)[number];

/** One piece of continuing professional development. Time is kept in whole minutes. */
export type CpdEntry = { kind: CpdKind; programmeId: string | null; minutes: number; completedAt: number };

export type CpdTotals = {
  totalMinutes: number;
  byProgramme: { programmeId: string | null; minutes: number; entries: number }[];
  byYear: { year: number; minutes: number; entries: number }[];
};

const CPD_TIME_ZONE = 'Europe/London';
const MINUTE_MS = 60_000;

/** The year an entry counts towards, in UK time. */
export function cpdYear(completedAt: number): number {
  return Number(new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: CPD_TIME_ZONE }).format(completedAt));
}

/** The calendar day (YYYY-MM-DD) a moment falls on in UK time: the day a repeat is judged by. */
export function cpdDay(at: number): string {
  return londonDate(at);
}

/**
 * The minutes an activity adds to the CPD record: the whole minutes actually spent on it (from
 * its first step to its last), never more than its estimate, and nothing for a repeat of the
 * same activity on the same UK calendar day, so fast or repeated runs cannot farm time.
 */
export function creditedMinutes(input: { estimateMinutes: number; startedAt: number; completedAt: number; earlierCompletions: readonly number[] }): number {
  const day = cpdDay(input.completedAt);
  if (input.earlierCompletions.some((at) => cpdDay(at) === day)) return 0;
  const spent = Math.floor(Math.max(0, input.completedAt - input.startedAt) / MINUTE_MS);
  return Math.max(0, Math.min(spent, Math.floor(input.estimateMinutes)));
}

/** Totals per programme and per calendar year, for the CPD record. */
export function cpdTotals(entries: readonly CpdEntry[]): CpdTotals {
  const programmes = new Map<string | null, { minutes: number; entries: number }>();
  const years = new Map<number, { minutes: number; entries: number }>();
  let totalMinutes = 0;
  for (const entry of entries) {
    totalMinutes += entry.minutes;
    const p = programmes.get(entry.programmeId) ?? { minutes: 0, entries: 0 };
    programmes.set(entry.programmeId, { minutes: p.minutes + entry.minutes, entries: p.entries + 1 });
    const year = cpdYear(entry.completedAt);
    const y = years.get(year) ?? { minutes: 0, entries: 0 };
    years.set(year, { minutes: y.minutes + entry.minutes, entries: y.entries + 1 });
  }
  return {
    totalMinutes,
    byProgramme: [...programmes].map(([programmeId, t]) => ({ programmeId, ...t })),
    byYear: [...years].map(([year, t]) => ({ year, ...t })).sort((a, b) => b.year - a.year),
  };
}

/** Whole minutes split into hours and the minutes left over, as the record shows time ("1 h 30 min"). */
export function hoursAndMinutes(minutes: number): { hours: number; minutes: number } {
  const whole = Math.max(0, Math.round(minutes));
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}
