import { addDays } from '../../domain/common/index.ts';
import { parsePeriod, type CpdPeriod } from '../../domain/cpd/index.ts';
import type { FieldErrors } from '../platform/index.ts';
import { ukToday } from './cpd-entries.ts';

/**
 * The period a CPD pack request asks for (`?from=…&to=…`): the last three years (a Social Care
 * Wales registration period) when it names none, else the period typed, or the errors to show
 * with a 400.
 */
export function packPeriodFrom(url: URL, now = Date.now()): { ok: true; period: CpdPeriod; values: { from: string; to: string } } | { ok: false; errors: FieldErrors; values: { from: string; to: string } } {
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  if (from === null && to === null) {
    const today = ukToday(now);
    const period = { from: addDays(today, -3 * 365), to: today };
    return { ok: true, period, values: period };
  }
  const values = { from: from ?? '', to: to ?? '' };
  const parsed = parsePeriod(values);
  if (parsed.ok) return { ok: true, period: parsed.period, values };
  const errors: FieldErrors = {};
  for (const [field, key] of Object.entries(parsed.errors)) errors[field] = { key };
  return { ok: false, errors, values };
}
