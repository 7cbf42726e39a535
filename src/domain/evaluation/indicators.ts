// The quarterly service-indicator entry form: aggregate whole numbers only, for a quarter that has ended.
import { londonDate } from '../common/index.ts';
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

const QUARTER = /^(\d{4})-Q([1-4])$/;

// Kept private so the report's own quarter helpers (period.ts) can replace them at merge.
function quarterOfDate(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Whether a YYYY-Qn quarter is over at `nowMs` in Europe/London (quarters compare as text: same-width years). */
function quarterOver(quarter: string, nowMs: number): boolean {
  return QUARTER.test(quarter) && quarter < quarterOfDate(londonDate(nowMs));
}

/** The last `count` quarters that have ended at `nowMs` (Europe/London), newest first: the choices of the entry form. */
export function endedQuarters(nowMs: number, count: number): string[] {
  const current = quarterOfDate(londonDate(nowMs));
  let year = Number(current.slice(0, 4));
  let q = Number(current.slice(6));
  const quarters: string[] = [];
  while (quarters.length < count) {
    q -= 1;
    if (q === 0) [year, q] = [year - 1, 4];
    quarters.push(`${year}-Q${q}`);
  }
  return quarters;
}

/** The value of one field as typed: blank, or a whole number 0 to INDICATOR_MAX; otherwise why not. */
function parseValue(raw: string): { ok: true; value: number | null } | { ok: false; error: IndicatorErrorKey } {
  const text = raw.trim().replace(/[,\s]/g, '');
  if (text === '') return { ok: true, value: null };
  if (/^-\d+$/.test(text)) return { ok: false, error: 'indicators.errors.negative' };
  if (!/^\d+$/.test(text)) return { ok: false, error: 'indicators.errors.wholeNumber' };
  const value = Number(text);
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
  if (!QUARTER.test(quarter)) errors.quarter = 'indicators.errors.quarter';
  else if (!quarterOver(quarter, nowMs)) errors.quarter = 'indicators.errors.quarterNotEnded';
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
