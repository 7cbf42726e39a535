import { isShowable } from '../common/index.ts';
import type { AttentionReason } from './attention.ts';

/** One mentee's key figures on the mentor's overview. */
export type OverviewRow = {
  menteeId: string;
  name: string;
  programmesDone: number;
  programmesInProgress: number;
  onTime: number;
  late: number;
  outstanding: number;
  lastActivityAt: number | null;
  /** The latest finished conversation's MITI figures (mentor-coded where coded), if any. */
  latestMiti: { reflectionToQuestion: number | null; percentComplexReflections: number | null } | null;
  openActions: number;
  cpdMinutesThisYear: number;
  attention: readonly AttentionReason[];
  /** Finished threshold decisions on vignettes with a panel answer. */
  thresholdDecisions: number;
  /** Agreement with the panel over those decisions (%), null below the small-group minimum: see `panelAgreementFigure`. */
  thresholdAgreement: number | null;
  /** Recorded 1:1 sessions with the mentor, and the date of the latest. */
  sessionsRecorded: number;
  lastSessionOn: string | null;
};

/**
 * Agreement with the panel as a percentage, or null when it rests on fewer decisions than the
 * small-group minimum: a figure over two or three decisions says more about chance than practice.
 */
export function panelAgreementFigure(decisions: number, agreed: number): number | null {
  return isShowable(decisions) ? (agreed / decisions) * 100 : null;
}

export const OVERVIEW_KEYS = [
  'name',
  'programmesDone',
  'onTime',
  'late',
  'outstanding',
  'lastActivity',
  'reflectionToQuestion',
  'openActions',
  'cpdMinutes',
  'attention',
  'thresholdAgreement',
  'sessions',
  'lastSession',
] as const;
export type OverviewKey = (typeof OVERVIEW_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

const valueOf = (row: OverviewRow, key: OverviewKey): number | null => {
  switch (key) {
    case 'programmesDone': return row.programmesDone;
    case 'onTime': return row.onTime;
    case 'late': return row.late;
    case 'outstanding': return row.outstanding;
    case 'lastActivity': return row.lastActivityAt;
    case 'reflectionToQuestion': return row.latestMiti?.reflectionToQuestion ?? null;
    case 'openActions': return row.openActions;
    case 'cpdMinutes': return row.cpdMinutesThisYear;
    case 'attention': return row.attention.length;
    case 'thresholdAgreement': return row.thresholdAgreement;
    case 'sessions': return row.sessionsRecorded;
    case 'lastSession': return row.lastSessionOn === null ? null : Date.parse(row.lastSessionOn);
    case 'name': return null;
  }
};

/**
 * The rows sorted by one column (names by the language's collation); an empty value (no activity,
 * no MITI figures) goes last either way, and ties keep name order.
 */
export function sortOverview(rows: readonly OverviewRow[], key: OverviewKey, direction: SortDirection, locale = 'en'): OverviewRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const sign = direction === 'asc' ? 1 : -1;
  const byName = (a: OverviewRow, b: OverviewRow) => collator.compare(a.name, b.name) || (a.menteeId < b.menteeId ? -1 : 1);
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b);
    const x = valueOf(a, key);
    const y = valueOf(b, key);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** The sort a `?sort=&dir=` query asks for; anything unknown gives the default (who needs attention first). */
export function parseOverviewSort(sort: string | null | undefined, dir: string | null | undefined): { key: OverviewKey; direction: SortDirection } {
  const key = (OVERVIEW_KEYS as readonly string[]).includes(sort ?? '') ? (sort as OverviewKey) : 'attention';
  const direction: SortDirection = dir === 'asc' || dir === 'desc' ? dir : key === 'attention' ? 'desc' : 'asc';
  return { key, direction };
}

/**
 * Assignments by timeliness, each in exactly one count: on time (done by its due date), late
 * (done after it, or not done and the date has passed) and outstanding (not done, not yet due).
 * The caller leaves withdrawn work out.
 */
export function onTimeLate(assignments: readonly { dueDate: string; doneOn: string | null }[], today: string): { onTime: number; late: number; outstanding: number } {
  const counts = { onTime: 0, late: 0, outstanding: 0 };
  for (const a of assignments) {
    if (a.doneOn !== null) counts[a.doneOn <= a.dueDate ? 'onTime' : 'late'] += 1;
    else counts[today > a.dueDate ? 'late' : 'outstanding'] += 1;
  }
  return counts;
}
