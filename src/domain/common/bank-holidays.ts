/**
 * Bank holidays in England and Wales (the days Welsh local authorities close), kept as data
 * because they are set by proclamation: one-off days (a coronation, a state funeral) are added
 * here by hand. 2025–2027 follow the UK Government's published list; later years follow the
 * standing rules (Easter from the Gregorian computus; a Saturday or Sunday holiday moves to the
 * next free weekday). Extend the table before BANK_HOLIDAYS_COVER.last comes near.
 */

export type BankHolidayKind = 'new-year' | 'good-friday' | 'easter-monday' | 'early-may' | 'spring' | 'summer' | 'christmas' | 'boxing-day' | 'one-off';

/** The first and last calendar date the table answers for (whole years). */
export const BANK_HOLIDAYS_COVER = { first: '2025-01-01', last: '2030-12-31' } as const;

/** Each bank holiday as [date observed, what it is]; a substitute day carries the kind it stands in for. */
export const BANK_HOLIDAYS: readonly (readonly [date: string, kind: BankHolidayKind])[] = [
  ['2025-01-01', 'new-year'], ['2025-04-18', 'good-friday'], ['2025-04-21', 'easter-monday'], ['2025-05-05', 'early-may'],
  ['2025-05-26', 'spring'], ['2025-08-25', 'summer'], ['2025-12-25', 'christmas'], ['2025-12-26', 'boxing-day'],
  // Boxing Day 2026 is a Saturday: its substitute is Monday 28 December.
  ['2026-01-01', 'new-year'], ['2026-04-03', 'good-friday'], ['2026-04-06', 'easter-monday'], ['2026-05-04', 'early-may'],
  ['2026-05-25', 'spring'], ['2026-08-31', 'summer'], ['2026-12-25', 'christmas'], ['2026-12-28', 'boxing-day'],
  // Christmas 2027 falls on a weekend: substitutes on Monday 27 and Tuesday 28 December.
  ['2027-01-01', 'new-year'], ['2027-03-26', 'good-friday'], ['2027-03-29', 'easter-monday'], ['2027-05-03', 'early-may'],
  ['2027-05-31', 'spring'], ['2027-08-30', 'summer'], ['2027-12-27', 'christmas'], ['2027-12-28', 'boxing-day'],
  // New Year's Day 2028 is a Saturday: its substitute is Monday 3 January.
  ['2028-01-03', 'new-year'], ['2028-04-14', 'good-friday'], ['2028-04-17', 'easter-monday'], ['2028-05-01', 'early-may'],
  ['2028-05-29', 'spring'], ['2028-08-28', 'summer'], ['2028-12-25', 'christmas'], ['2028-12-26', 'boxing-day'],
  ['2029-01-01', 'new-year'], ['2029-03-30', 'good-friday'], ['2029-04-02', 'easter-monday'], ['2029-05-07', 'early-may'],
  ['2029-05-28', 'spring'], ['2029-08-27', 'summer'], ['2029-12-25', 'christmas'], ['2029-12-26', 'boxing-day'],
  ['2030-01-01', 'new-year'], ['2030-04-19', 'good-friday'], ['2030-04-22', 'easter-monday'], ['2030-05-06', 'early-may'],
  ['2030-05-27', 'spring'], ['2030-08-26', 'summer'], ['2030-12-25', 'christmas'], ['2030-12-26', 'boxing-day'],
];
