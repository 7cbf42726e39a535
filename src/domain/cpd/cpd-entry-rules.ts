import { CPD_KINDS, type CpdKind } from './cpd.ts';
import { isCalendarDate } from '../common/index.ts';

/** Who a person discussed an entry with (also the database column's vocabulary). */
export const CPD_DISCUSSED_WITH = ['manager', 'mentor'] as const;
export type CpdDiscussedWith = (typeof CPD_DISCUSSED_WITH)[number];

/** The kinds a person may add by hand: learning Camau did not record itself. */
export const CPD_MANUAL_KINDS = ['external', 'workshop', 'mentoring', 'support-group'] as const satisfies readonly CpdKind[];
export type CpdManualKind = (typeof CPD_MANUAL_KINDS)[number];

export const CPD_TITLE_MAX_LENGTH = 200;
export const CPD_PROVIDER_MAX_LENGTH = 200;
export const CPD_CONTRIBUTION_MAX_LENGTH = 5_000;
/** The most time one hand-added entry may claim: a fortnight's full-time course. */
export const CPD_MANUAL_MAX_MINUTES = 100 * 60;

export const isCpdKind = (value: string): value is CpdKind => (CPD_KINDS as readonly string[]).includes(value);

/** The messages (translation keys) the CPD rules answer with. */
export type CpdErrorKey =
  | 'cpd.errors.date'
  | 'cpd.errors.dateInFuture'
  | 'cpd.errors.discussedWith'
  | 'cpd.errors.discussedOnMissing'
  | 'cpd.errors.discussedWithMissing'
  | 'cpd.errors.time'
  | 'cpd.errors.timeMissing'
  | 'cpd.errors.timeTooLong'
  | 'cpd.errors.registrationNumber'
  | 'cpd.errors.periodMissing'
  | 'cpd.errors.periodOrder';

type Problem<F extends string> = Partial<Record<F, CpdErrorKey>>;

/**
 * Checks a discussion record: both the role and the date, or neither; the date real and not
 * after `today`.
 */
export function checkDiscussion(input: { discussedWith: string; discussedOn: string }, today: string):
  | { ok: true; value: { discussedWith: CpdDiscussedWith | null; discussedOn: string | null } }
  | { ok: false; errors: Problem<'discussedWith' | 'discussedOn'> } {
  const role = input.discussedWith.trim();
  const date = input.discussedOn.trim();
  const errors: Problem<'discussedWith' | 'discussedOn'> = {};
  if (role && !(CPD_DISCUSSED_WITH as readonly string[]).includes(role)) errors.discussedWith = 'cpd.errors.discussedWith';
  if (date && !isCalendarDate(date)) errors.discussedOn = 'cpd.errors.date';
  else if (date && date > today) errors.discussedOn = 'cpd.errors.dateInFuture';
  if (role && !date && !errors.discussedWith) errors.discussedOn = 'cpd.errors.discussedOnMissing';
  if (date && !role && !errors.discussedOn) errors.discussedWith = 'cpd.errors.discussedWithMissing';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { discussedWith: (role || null) as CpdDiscussedWith | null, discussedOn: date || null } };
}

/**
 * Reads the time of a hand-added entry from its hours and minutes fields: whole numbers,
 * minutes under 60, more than nothing and no more than the most one entry may claim.
 */
export function parseManualTime(input: { hours: string; minutes: string }): { ok: true; minutes: number } | { ok: false; error: CpdErrorKey } {
  const hours = input.hours.trim() === '' ? 0 : Number(input.hours.trim());
  const minutes = input.minutes.trim() === '' ? 0 : Number(input.minutes.trim());
  if (!Number.isInteger(hours) || !Number.isInteger(minutes) || hours < 0 || minutes < 0 || minutes > 59) return { ok: false, error: 'cpd.errors.time' };
  const total = hours * 60 + minutes;
  if (total === 0) return { ok: false, error: 'cpd.errors.timeMissing' };
  if (total > CPD_MANUAL_MAX_MINUTES) return { ok: false, error: 'cpd.errors.timeTooLong' };
  return { ok: true, minutes: total };
}
