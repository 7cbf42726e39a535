// The quarterly service-indicator entry form: aggregate whole numbers only, for a quarter that has ended.
import { addQuarters, parseQuarter, quarterHasEnded, quarterOf, type Quarter } from './period.ts';
import { SERVICE_INDICATORS, type ServiceIndicator } from './vocabulary.ts';

/** No indicator of one organisation's quarter comes near this; a bigger number is a typing slip. */
export const INDICATOR_MAX = 100_000;

/** One quarter's values by indicator; null is a blank (no figure, or a figure cleared). */
export type IndicatorValues = Record<ServiceIndicator, number | null>;

export type IndicatorErrorKey =
  | 'indicators.errors.quarter'
  | 'indicators.errors.quarterNotEnded'
  | 'indicators.errors.wholeNumber'
  | 'indicators.errors.negative'
  | 'indicators.errors.tooLarge'
  | 'indicators.errors.conferencesBelowAreas'
  | 'indicators.errors.coreGroupsBelowTimely';

/** The form's fields: `quarter` and one per indicator. */
export type IndicatorField = 'quarter' | ServiceIndicator;

export type IndicatorEntry = { quarter: string; values: IndicatorValues };
export type IndicatorParse = { ok: true; entry: IndicatorEntry } | { ok: false; errors: Partial<Record<IndicatorField, IndicatorErrorKey>> };

/** The last `count` quarters that have ended at `nowMs` (Europe/London), newest first: the choices of the entry form. */
export function endedQuarters(nowMs: number, count: number): Quarter[] {
  const current = quarterOf(nowMs);
  return Array.from({ length: count }, (_, k) => addQuarters(current, -(k + 1)));
}

/** Digits, with commas only as thousands separators between groups of three ("1,250"; never "12,5" or "1,00"). */
const WHOLE_NUMBER = /^-?(\d+|\d{1,3}(,\d{3})+)$/;

/** The value of one field as typed: blank, or a whole number 0 to INDICATOR_MAX; otherwise why not. */
function parseValue(raw: string): { ok: true; value: number | null } | { ok: false; error: IndicatorErrorKey } {
  const typed = raw.trim();
  if (typed === '') return { ok: true, value: null };
  if (!WHOLE_NUMBER.test(typed)) return { ok: false, error: 'indicators.errors.wholeNumber' };
  if (typed.startsWith('-')) return { ok: false, error: 'indicators.errors.negative' };
  const value = Number(typed.replace(/,/g, ''));
  return value > INDICATOR_MAX ? { ok: false, error: 'indicators.errors.tooLarge' } : { ok: true, value };
}

/**
 * Reads one quarter's entry form: the quarter must have ended (Europe/London, at `nowMs`); each
 * value blank or a whole number 0–100,000 (thousands separators allowed); initial conferences not
 * below those that ended with three or fewer areas of change, core groups not below those held
 * within 10 working days. Errors are translation keys by field.
 */
export function parseIndicatorEntry(form: Readonly<Record<string, string | undefined>>, nowMs: number): IndicatorParse {
  const errors: Partial<Record<IndicatorField, IndicatorErrorKey>> = {};
  const quarter = (form.quarter ?? '').trim();
  const known = parseQuarter(quarter);
  if (!known) errors.quarter = 'indicators.errors.quarter';
  else if (!quarterHasEnded(known, nowMs)) errors.quarter = 'indicators.errors.quarterNotEnded';
  const values = {} as IndicatorValues;
  for (const indicator of SERVICE_INDICATORS) {
    const parsed = parseValue(form[indicator] ?? '');
    if (parsed.ok) values[indicator] = parsed.value;
    else {
      values[indicator] = null;
      errors[indicator] = parsed.error;
    }
  }
  const atLeast = (total: ServiceIndicator, part: ServiceIndicator, error: IndicatorErrorKey) => {
    const [whole, some] = [values[total], values[part]];
    if (!errors[total] && !errors[part] && whole !== null && some !== null && whole < some) errors[total] = error;
  };
  atLeast('initial-conferences', 'initial-conferences-three-or-fewer-areas', 'indicators.errors.conferencesBelowAreas');
  atLeast('core-groups', 'core-groups-within-10-working-days', 'indicators.errors.coreGroupsBelowTimely');
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, entry: { quarter, values } };
}

/** The indicators whose value differs from the current one: only these become new rows (blank against no entry is no change). */
export function changedIndicators(current: Partial<Record<ServiceIndicator, number | null>>, next: IndicatorValues): ServiceIndicator[] {
  return SERVICE_INDICATORS.filter((indicator) => (current[indicator] ?? null) !== next[indicator]);
}
