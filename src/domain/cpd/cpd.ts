export type CpdKind = 'module' | 'simulation' | 'threshold-practice' | 'mentoring';

/** One piece of continuing professional development. Time is kept in whole minutes. */
export type CpdEntry = { kind: CpdKind; programmeId: string | null; minutes: number; completedAt: number };

export type CpdTotals = {
  totalMinutes: number;
  byProgramme: { programmeId: string | null; minutes: number; entries: number }[];
  byYear: { year: number; minutes: number; entries: number }[];
};

/** The year an entry counts towards, in UK time. */
export function cpdYear(completedAt: number): number {
  return Number(new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'Europe/London' }).format(completedAt));
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

/** Hours to one decimal place, as a CPD record shows them. */
export function hoursFromMinutes(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}
