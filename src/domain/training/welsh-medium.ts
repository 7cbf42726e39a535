import { SMALL_GROUP_MINIMUM } from '../common/index.ts';
import { DELIVERY_LANGUAGES, type DeliveryLanguage } from './vocabulary.ts';

/** Percentages are shown only over at least this many people or modules, so nobody is singled out. */
export const WELSH_MEDIUM_MINIMUM = SMALL_GROUP_MINIMUM;

/** A share as a percentage, or null below the minimum count. */
export function shareOf(part: number, whole: number): number | null {
  return whole >= WELSH_MEDIUM_MINIMUM ? (part / whole) * 100 : null;
}

export type Period = { from: string; to: string };

/** The financial year (1 April – 31 March) that starts in `startYear`. */
export function financialYear(startYear: number): Period {
  return { from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };
}

/** The year in which the financial year holding `date` (YYYY-MM-DD) started: 2026-03-31 → 2025, 2026-04-01 → 2026. */
export function financialYearStart(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '04-01' ? year : year - 1;
}

/** The last complete financial year before `today`, e.g. today 2026-12-05 → 2025-04-01..2026-03-31. */
export function lastFinancialYear(today: string): Period {
  return financialYear(financialYearStart(today) - 1);
}

export type WelshMediumInput = {
  workshops: readonly { id: string; programmeId: string; date: string; language: DeliveryLanguage; cancelled: boolean }[];
  /** People marked attended or attended-part (the caller leaves out other marks). */
  attendance: readonly { workshopId: string; personId: string }[];
  completions: readonly { completedOn: string; locale: 'cy' | 'en' | null }[];
};

export type WelshMediumFigures = {
  period: Period;
  workshopsByLanguage: Record<DeliveryLanguage, number>;
  /** Distinct people who attended a Welsh-medium or bilingual workshop. */
  staffAttendingWelsh: number;
  /** Programmes with both a Welsh-medium and an English-medium workshop in the period. */
  programmes: { programmeId: string; attendees: number; welshMediumAttendees: number; percentWelshMedium: number | null }[];
  modulesCompleted: { cy: number; en: number; notRecorded: number };
};

/** Welsh Language Standards figures for a period: workshops by language, staff attending in Welsh, the Welsh-medium share per programme, modules by language. */
export function welshMediumShare(input: WelshMediumInput, period: Period): WelshMediumFigures {
  const inPeriod = (date: string) => date >= period.from && date <= period.to;
  const workshops = input.workshops.filter((w) => !w.cancelled && inPeriod(w.date));
  const byId = new Map(workshops.map((w) => [w.id, w]));
  const workshopsByLanguage = Object.fromEntries(DELIVERY_LANGUAGES.map((l) => [l, 0])) as Record<DeliveryLanguage, number>;
  for (const w of workshops) workshopsByLanguage[w.language] += 1;

  const attended = input.attendance.filter((a) => byId.has(a.workshopId));
  const welshStaff = new Set(attended.filter((a) => byId.get(a.workshopId)!.language !== 'en').map((a) => a.personId));

  // Only a Welsh-medium or an English-medium session is a choice of language; bilingual attendees chose neither.
  const programmeIds = [...new Set(workshops.map((w) => w.programmeId))].sort();
  const programmes = programmeIds
    .filter((id) => ['cy', 'en'].every((l) => workshops.some((w) => w.programmeId === id && w.language === l)))
    .map((programmeId) => {
      const rows = attended.filter((a) => {
        const w = byId.get(a.workshopId)!;
        return w.programmeId === programmeId && w.language !== 'bilingual';
      });
      const welsh = rows.filter((a) => byId.get(a.workshopId)!.language === 'cy').length;
      return { programmeId, attendees: rows.length, welshMediumAttendees: welsh, percentWelshMedium: rows.length === 0 ? null : (welsh / rows.length) * 100 };
    });

  const modulesCompleted = { cy: 0, en: 0, notRecorded: 0 };
  for (const c of input.completions) {
    if (!inPeriod(c.completedOn)) continue;
    if (c.locale === null) modulesCompleted.notRecorded += 1;
    else modulesCompleted[c.locale] += 1;
  }
  return { period, workshopsByLanguage, staffAttendingWelsh: welshStaff.size, programmes, modulesCompleted };
}
