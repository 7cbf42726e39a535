import { describe, expect, it } from 'vitest';
import { BANK_HOLIDAYS, BANK_HOLIDAYS_COVER } from '../../src/domain/common/bank-holidays.ts';
import { addWorkingDays, isBankHoliday, isWorkingDay, londonDate, workingDaysBetween } from '../../src/domain/common/working-days.ts';

const DAY = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const weekday = (time: number) => new Date(time).getUTCDay();

/** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher), written apart from the data to check it. */
function easter(y: number): number {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return utc(y, month, ((h + l - 7 * m + 114) % 31) + 1);
}
const firstMonday = (y: number, m: number) => { let t = utc(y, m, 1); while (weekday(t) !== 1) t += DAY; return t; };
const lastMonday = (y: number, m: number) => { let t = utc(y, m + 1, 1) - DAY; while (weekday(t) !== 1) t -= DAY; return t; };

/** The standing rules for one year: fixed days that fall on a weekend move to the next weekday not already taken. */
function ruleDates(y: number): string[] {
  const taken = new Set<number>();
  const observe = (t: number) => { while (weekday(t) === 0 || weekday(t) === 6 || taken.has(t)) t += DAY; taken.add(t); };
  [utc(y, 1, 1), utc(y, 12, 25), utc(y, 12, 26)].forEach(observe);
  const sunday = easter(y);
  for (const t of [sunday - 2 * DAY, sunday + DAY, firstMonday(y, 5), lastMonday(y, 5), lastMonday(y, 8)]) taken.add(t);
  return [...taken].sort((a, b) => a - b).map(iso);
}

const years = Array.from({ length: 2030 - 2025 + 1 }, (_, i) => 2025 + i);
const datesIn = (y: number) => BANK_HOLIDAYS.filter(([date]) => date.startsWith(`${y}-`));

describe('the bank holiday data for England and Wales', () => {
  it('covers whole years from 2025 to the end of 2030', () => {
    expect(BANK_HOLIDAYS_COVER).toEqual({ first: '2025-01-01', last: '2030-12-31' });
    for (const [date] of BANK_HOLIDAYS) expect(date >= BANK_HOLIDAYS_COVER.first && date <= BANK_HOLIDAYS_COVER.last, date).toBe(true);
  });

  it('matches the UK Government’s published list for 2025 and 2026, substitute Boxing Day included', () => {
    expect(datesIn(2025).map(([d]) => d)).toEqual(['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']);
    expect(datesIn(2026).map(([d]) => d)).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
  });

  it.each(years)('for %i holds exactly the days the standing rules give (Easter, Mondays in May and August, substitutes)', (year) => {
    const table = datesIn(year);
    expect(table.filter(([, kind]) => kind !== 'one-off').map(([d]) => d)).toEqual(ruleDates(year));
    expect(new Set(table.map(([, kind]) => kind)).size).toBe(table.some(([, kind]) => kind === 'one-off') ? 9 : 8);
  });

  it('lists only weekdays, each once, in date order', () => {
    const dates = BANK_HOLIDAYS.map(([d]) => d);
    expect(dates).toEqual([...new Set(dates)].sort());
    for (const date of dates) expect([0, 6], date).not.toContain(weekday(Date.parse(date)));
  });
});

describe('working days', () => {
  it.each([
    ['a plain fortnight', '2026-03-02', 10, '2026-03-16'],
    ['Friday to Monday over a weekend', '2026-03-06', 1, '2026-03-09'],
    ['from a Saturday', '2026-03-07', 1, '2026-03-09'],
    ['over Good Friday and Easter Monday 2026', '2026-04-02', 1, '2026-04-07'],
    ['over the spring bank holiday 2026', '2026-05-11', 10, '2026-05-26'],
    ['over Christmas 2026 and its Boxing Day substitute', '2026-12-24', 1, '2026-12-29'],
    ['into the next year past New Year’s Day', '2026-12-24', 5, '2027-01-05'],
    ['over both Christmas substitutes in 2027', '2027-12-24', 1, '2027-12-29'],
    ['over the New Year substitute in 2028', '2027-12-31', 1, '2028-01-04'],
    ['over Easter 2029 across the month end', '2029-03-29', 1, '2029-04-03'],
    ['over the summer bank holiday 2030', '2030-08-23', 1, '2030-08-27'],
    ['to the last covered day', '2030-12-30', 1, '2030-12-31'],
    ['none: the same day, even a Sunday', '2026-03-08', 0, '2026-03-08'],
    ['backwards over Easter 2026', '2026-04-07', -1, '2026-04-02'],
  ] as const)('adding: %s', (_, from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it.each([
    ['two weeks from a Monday', '2026-03-02', '2026-03-16', 10],
    ['one day more', '2026-03-02', '2026-03-17', 11],
    ['a fortnight holding Good Friday and Easter Monday', '2026-03-30', '2026-04-13', 8],
    ['Christmas Eve 2026 to 5 January 2027', '2026-12-24', '2027-01-05', 5],
    ['all of 2027: 261 weekdays less 8 bank holidays', '2026-12-31', '2027-12-31', 253],
    ['all of 2030', '2029-12-31', '2030-12-31', 253],
    ['the same day', '2026-03-02', '2026-03-02', 0],
    ['an end before the start', '2026-03-16', '2026-03-02', 0],
  ] as const)('counting: %s', (_, from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected);
  });

  it('counting and adding agree', () => {
    for (const [from, n] of [['2026-12-24', 7], ['2027-03-25', 3], ['2029-12-21', 6]] as const) expect(workingDaysBetween(from, addWorkingDays(from, n))).toBe(n);
  });

  it('tell a bank holiday and a weekend from a working day', () => {
    expect(isBankHoliday('2027-12-28')).toBe(true);
    expect(isWorkingDay('2027-12-28')).toBe(false);
    expect(isBankHoliday('2026-12-26')).toBe(false);
    expect(isWorkingDay('2026-12-26')).toBe(false);
    expect(isWorkingDay('2026-12-29')).toBe(true);
  });

  it('refuse, with a RangeError naming the data file, any date outside the bank holiday data', () => {
    expect(() => addWorkingDays('2030-12-31', 1)).toThrow(/No bank holiday data for 2031-01-01.*bank-holidays\.ts covers 2025-01-01 to 2030-12-31/);
    expect(() => workingDaysBetween('2024-12-31', '2025-01-02')).toThrow(RangeError);
    expect(() => isWorkingDay('2031-01-02')).toThrow(RangeError);
    expect(() => addWorkingDays('2025-01-02', -2)).toThrow(/2024-12-31/);
  });

  it('refuse what is not a calendar date or a whole number of days', () => {
    expect(() => isWorkingDay('2026-02-29')).toThrow(/Not a calendar date/);
    expect(() => addWorkingDays('02/03/2026', 1)).toThrow(/Not a calendar date/);
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(/whole number/);
  });
});

describe('the London date of an instant', () => {
  const at = (instant: string) => Date.parse(instant);

  it('in winter (GMT) the day changes at midnight UTC', () => {
    expect(londonDate(at('2026-01-15T23:59:59.999Z'))).toBe('2026-01-15');
    expect(londonDate(at('2026-01-16T00:00:00.000Z'))).toBe('2026-01-16');
  });

  it('in summer (BST) the day changes at 23:00 UTC the evening before', () => {
    expect(londonDate(at('2026-06-30T22:59:59.999Z'))).toBe('2026-06-30');
    expect(londonDate(at('2026-06-30T23:00:00.000Z'))).toBe('2026-07-01');
  });

  it('the first midnight after clocks go forward (29 March 2026) falls at 23:00 UTC', () => {
    expect(londonDate(at('2026-03-29T00:59:59.999Z'))).toBe('2026-03-29');
    expect(londonDate(at('2026-03-29T01:00:00.000Z'))).toBe('2026-03-29');
    expect(londonDate(at('2026-03-29T22:59:59.999Z'))).toBe('2026-03-29');
    expect(londonDate(at('2026-03-29T23:00:00.000Z'))).toBe('2026-03-30');
  });

  it('the first midnight after clocks go back (25 October 2026) falls at midnight UTC again', () => {
    expect(londonDate(at('2026-10-24T22:59:59.999Z'))).toBe('2026-10-24');
    expect(londonDate(at('2026-10-24T23:00:00.000Z'))).toBe('2026-10-25');
    expect(londonDate(at('2026-10-25T23:30:00.000Z'))).toBe('2026-10-25');
    expect(londonDate(at('2026-10-26T00:00:00.000Z'))).toBe('2026-10-26');
  });

  it('a new year begins in London at midnight UTC', () => {
    expect(londonDate(at('2026-12-31T23:59:59.999Z'))).toBe('2026-12-31');
    expect(londonDate(at('2027-01-01T00:00:00.000Z'))).toBe('2027-01-01');
  });
});
