import { CPD_KINDS, cpdDay, type CpdKind } from './cpd.ts';
import { isCalendarDate } from '../common/index.ts';
import type { CpdErrorKey } from './cpd-entry-rules.ts';

/** A period the CPD pack covers: both days included. */
export type CpdPeriod = { from: string; to: string };

export type PeriodError = Extract<CpdErrorKey, 'cpd.errors.periodMissing' | 'cpd.errors.date' | 'cpd.errors.periodOrder'>;

/** Reads a pack's period as typed (YYYY-MM-DD, from no later than to), naming the field at fault. */
export function parsePeriod(input: { from: string; to: string }): { ok: true; period: CpdPeriod } | { ok: false; errors: Partial<Record<'from' | 'to', PeriodError>> } {
  const from = input.from.trim();
  const to = input.to.trim();
  const errors: Partial<Record<'from' | 'to', PeriodError>> = {};
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (!value) errors[field] = 'cpd.errors.periodMissing';
    else if (!isCalendarDate(value)) errors[field] = 'cpd.errors.date';
  }
  if (!errors.from && !errors.to && from > to) errors.to = 'cpd.errors.periodOrder';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, period: { from, to } };
}

/** Does an entry completed at this moment fall in the period (by its UK calendar day)? */
export function inPeriod(completedAt: number, period: CpdPeriod): boolean {
  const day = cpdDay(completedAt);
  return day >= period.from && day <= period.to;
}

/** Minutes and entries per kind, in the record's order of kinds, leaving out kinds with no entries. */
export function totalsByKind(entries: readonly { kind: CpdKind; minutes: number }[]): { kind: CpdKind; minutes: number; entries: number }[] {
  return CPD_KINDS.map((kind) => {
    const ofKind = entries.filter((e) => e.kind === kind);
    return { kind, minutes: ofKind.reduce((sum, e) => sum + e.minutes, 0), entries: ofKind.length };
  }).filter((t) => t.entries > 0);
}

/** Minutes as decimal hours to two places, for a pack's hours column ("1.5"). */
export function decimalHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}
