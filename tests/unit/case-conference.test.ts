import { describe, expect, it } from 'vitest';
import { addMonths, nextDeadline, checkMeeting, checkOutlinePlanDate, checkPlan, checkReview, checkSelfCheck, checkTimescales, compareAreas, compareScale, conferenceResult, parseDate, sameDirection, FIRST_CONFERENCE_DATE, LAST_CONFERENCE_DATE, latestMeetingDate, MAX_AREAS, planNudge, RECOMMENDED_AREAS } from '../../src/domain/simulations/case-conference.ts';
import { BANK_HOLIDAYS_COVER } from '../../src/domain/common/working-days.ts';

const area = (areaId: string) => ({ areaId, notGoodEnough: 'Rubbish on the floor.', goodEnough: 'A clean floor for 8 weeks.', familyWords: '“A house the kids can play in.”' });

describe('Wales timescales', () => {
  it('date a conference where every meeting in its year has bank holiday data', () => {
    expect(FIRST_CONFERENCE_DATE).toBe(BANK_HOLIDAYS_COVER.first);
    expect(LAST_CONFERENCE_DATE).toBe('2029-12-31');
    expect(latestMeetingDate(LAST_CONFERENCE_DATE)).toBe(BANK_HOLIDAYS_COVER.last);
    // The first Core Group deadline and its count stay inside the data.
    expect(nextDeadline(LAST_CONFERENCE_DATE, [], false)).toBe('2030-01-15');
    expect(checkTimescales(LAST_CONFERENCE_DATE, [BANK_HOLIDAYS_COVER.last], null)[0]).toMatchObject({ meeting: 'first-core-group', met: false });
  });

  it('check the first Core Group (10 working days), later ones (6 weeks) and the review (3 months)', () => {
    const checks = checkTimescales('2026-03-02', ['2026-03-16', '2026-04-28', '2026-05-05'], '2026-06-02');
    expect(checks).toEqual([
      { meeting: 'first-core-group', date: '2026-03-16', workingDays: 10, limit: 10, met: true },
      { meeting: 'core-group', index: 2, date: '2026-04-28', days: 43, limit: 42, met: false },
      { meeting: 'core-group', index: 3, date: '2026-05-05', days: 7, limit: 42, met: true },
      { meeting: 'review-conference', date: '2026-06-02', latest: '2026-06-02', met: true },
    ]);
    expect(checkTimescales('2026-03-02', ['2026-03-17'], '2026-06-03').map((c) => c.met)).toEqual([false, false]);
  });

  it('check the outline plan (circulated within 5 working days of the conference) and a continuing plan’s next review (at most 6 months on)', () => {
    // Monday 11 May 2026: the 25 May bank holiday is later, so 5 working days is Monday 18 May.
    const inTime = checkTimescales('2026-05-11', [], '2026-08-11', { outlinePlanDate: '2026-05-18', nextReviewDate: '2027-02-11' });
    expect(inTime).toEqual([
      { meeting: 'outline-plan', date: '2026-05-18', workingDays: 5, limit: 5, met: true },
      { meeting: 'review-conference', date: '2026-08-11', latest: '2026-08-11', met: true },
      { meeting: 'next-review', date: '2027-02-11', latest: '2027-02-11', met: true },
    ]);
    const late = checkTimescales('2026-05-11', [], '2026-08-11', { outlinePlanDate: '2026-05-19', nextReviewDate: '2027-02-12' });
    expect(late.map((c) => [c.meeting, c.met])).toEqual([['outline-plan', false], ['review-conference', true], ['next-review', false]]);
    // Counted in working days: across the Spring bank holiday, Friday 22 May to Friday 29 May is 4.
    expect(checkTimescales('2026-05-22', [], null, { outlinePlanDate: '2026-05-29' })[0]).toMatchObject({ workingDays: 4, met: true });
  });

  it('ask for an outline plan date on or after the conference, within the plan’s first year', () => {
    expect(checkOutlinePlanDate('2026-05-11', '2026-05-11')).toEqual([]);
    expect(checkOutlinePlanDate('2026-05-10', '2026-05-11')).toEqual([{ field: 'outlinePlanDate', problem: 'not-after' }]);
    expect(checkOutlinePlanDate('', '2026-05-11')).toEqual([{ field: 'outlinePlanDate', problem: 'required' }]);
    expect(checkOutlinePlanDate('2026-05-32', '2026-05-11')).toEqual([{ field: 'outlinePlanDate', problem: 'invalid-date' }]);
  });

  it('give the latest date for the next meeting', () => {
    expect(nextDeadline('2026-03-02', [], false)).toBe('2026-03-16');
    expect(nextDeadline('2026-03-02', ['2026-03-12'], false)).toBe('2026-04-23');
    expect(nextDeadline('2026-03-02', ['2026-03-12', '2026-04-20'], true)).toBe('2026-06-02');
    // 25 May 2026 is a bank holiday.
    expect(nextDeadline('2026-05-11', [], false)).toBe('2026-05-26');
  });

  it('add months to the same day, or the month’s last', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-02', 3)).toBe('2026-06-02');
  });

  it('accept only real calendar dates', () => {
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('02/03/2026')).toBeNull();
    expect(parseDate('2026-03-02')).toBe(Date.UTC(2026, 2, 2));
  });
});

describe('the nudge towards three areas of change', () => {
  it('is given for a fourth area, and not for three or fewer', () => {
    expect([0, 1, 2, 3].map(planNudge)).toEqual([false, false, false, false]);
    expect(planNudge(4)).toBe(true);
  });

  it('is not given for a plan that is refused as too long anyway', () => {
    expect(planNudge(MAX_AREAS + 1)).toBe(false);
    expect(RECOMMENDED_AREAS).toBe(3);
  });
});

describe('what a plan must contain', () => {
  it('one to four distinct known areas, each with all three texts', () => {
    expect(checkPlan([], ['home'])).toEqual([{ field: 'areas', problem: 'required' }]);
    expect(checkPlan([area('a'), area('b'), area('c'), area('d')], ['a', 'b', 'c', 'd'])).toEqual([]);
    expect(checkPlan([area('a'), area('b'), area('c'), area('d'), area('e')], ['a', 'b', 'c', 'd', 'e'])).toEqual([{ field: 'areas', problem: 'too-many', max: 4 }]);
    expect(checkPlan([area('a'), area('a')], ['a'])).toEqual([{ field: 'areas', problem: 'duplicate' }]);
    expect(checkPlan([area('zzz')], ['a'])).toEqual([{ field: 'areas', problem: 'invalid-choice' }]);
    expect(checkPlan([{ ...area('a'), goodEnough: ' ', familyWords: 'x'.repeat(2001) }], ['a'])).toEqual([
      { field: 'a.goodEnough', problem: 'required' },
      { field: 'a.familyWords', problem: 'too-long', max: 2000 },
    ]);
    expect(checkPlan([area('a'), area('b')], ['a', 'b'])).toEqual([]);
  });

  it('a Core Group record: a later real date, a whole 1–10 for every area, what moved it, known actions', () => {
    const input = { areaIds: ['a', 'b'], actionIds: ['visit'], previousDate: '2026-03-02', conferenceDate: '2026-03-02' };
    expect(checkMeeting({ date: '2026-03-10', scales: { a: 3, b: 10 }, moved: 'The kitchen is cleaner.', actions: ['visit'] }, input)).toEqual([]);
    expect(checkMeeting({ date: '2026-03-02', scales: { a: 0, b: 3.5, c: 2 }, moved: '', actions: ['visit', 'hack'] }, input)).toEqual([
      { field: 'date', problem: 'not-after' },
      { field: 'scale.a', problem: 'invalid-choice' },
      { field: 'scale.b', problem: 'invalid-choice' },
      { field: 'scales', problem: 'invalid-choice' },
      { field: 'moved', problem: 'required' },
      { field: 'actions', problem: 'invalid-choice' },
    ]);
    // Dates stay within the plan's first year (which also keeps the working-day count small).
    expect(checkMeeting({ date: '9999-12-01', scales: { a: 3, b: 3 }, moved: 'x', actions: [] }, input)).toEqual([{ field: 'date', problem: 'too-late' }]);
    expect(checkMeeting({ date: '2027-03-02', scales: { a: 3, b: 3 }, moved: 'x', actions: [] }, input)).toEqual([]);
    expect(checkMeeting({ date: '2026-13-01', scales: { a: 3 }, moved: 'x', actions: [] }, input)).toEqual([
      { field: 'date', problem: 'invalid-date' },
      { field: 'scale.b', problem: 'required' },
    ]);
  });

  it('a review decision with its reasons, and a self-check for every area', () => {
    expect(checkReview({ date: '2026-05-20', decision: 'end', reasons: 'Good enough for 3 months.' }, '2026-05-01', '2026-03-02')).toEqual([]);
    expect(checkReview({ date: '', decision: 'maybe' as never, reasons: ' ' }, '2026-05-01', '2026-03-02')).toEqual([
      { field: 'date', problem: 'required' },
      { field: 'decision', problem: 'invalid-choice' },
      { field: 'reasons', problem: 'required' },
    ]);
    // A plan that continues needs the date of its next review, after this one.
    expect(checkReview({ date: '2026-05-20', decision: 'continue', reasons: 'Not yet.' }, '2026-05-01', '2026-03-02')).toEqual([{ field: 'nextReviewDate', problem: 'required' }]);
    expect(checkReview({ date: '2026-05-20', decision: 'continue', reasons: 'Not yet.', nextReviewDate: '2026-05-20' }, '2026-05-01', '2026-03-02')).toEqual([{ field: 'nextReviewDate', problem: 'not-after' }]);
    expect(checkReview({ date: '2026-05-20', decision: 'continue', reasons: 'Not yet.', nextReviewDate: '2026-11-20' }, '2026-05-01', '2026-03-02')).toEqual([]);
    expect(checkSelfCheck({ a: { observable: true, specific: false, ownWords: true } }, ['a'])).toEqual([]);
    expect(checkSelfCheck({}, ['a'])).toHaveLength(1);
  });
});

describe('feedback against the expert answer', () => {
  it('separates areas found, noise chosen and areas missed', () => {
    expect(compareAreas(['home', 'rent'], ['home', 'health'])).toEqual({ found: ['home'], noise: ['rent'], missed: ['health'] });
  });

  it('says a scaling follows the evidence within one step, is close within two, and whether it moved the same way', () => {
    expect([compareScale(4, 5), compareScale(3, 5), compareScale(2, 5)]).toEqual(['follows', 'close', 'apart']);
    expect(sameDirection([3, 5, 5], [2, 4, 4])).toBe(true);
    expect(sameDirection([3, 5, 4], [2, 4, 6])).toBe(false);
  });

  it('puts the areas, dates, scaling and review together with summary figures', () => {
    const result = conferenceResult(
      { conferenceDate: '2026-03-02', expectedAreaIds: ['home', 'health'], meetingScales: [{ home: 3, health: 4 }, { home: 5, health: 4 }], reviewDecision: 'continue' },
      {
        plan: [area('home'), area('rent')],
        meetings: [
          { date: '2026-03-12', scales: { home: 3, rent: 5 }, moved: 'x', actions: [] },
          { date: '2026-04-30', scales: { home: 8, rent: 5 }, moved: 'x', actions: [] },
        ],
        outlinePlanDate: '2026-03-06',
        review: { date: '2026-05-20', decision: 'continue', reasons: 'x', nextReviewDate: '2026-12-01' },
      },
    );
    expect(result.areas).toEqual({ found: ['home'], noise: ['rent'], missed: ['health'] });
    expect(result.scaling).toEqual([{ areaId: 'home', meetings: [{ learner: 3, expert: 3, agreement: 'follows' }, { learner: 8, expert: 5, agreement: 'apart' }], sameDirection: true }]);
    expect(result.reviewAgrees).toBe(true);
    expect(result.timescales.map((c) => [c.meeting, c.met])).toEqual([['outline-plan', true], ['first-core-group', true], ['core-group', false], ['review-conference', true], ['next-review', false]]);
    expect(result.figures).toEqual({ areasFound: 1, areasExpected: 2, timescalesMet: 3, timescalesChecked: 5, scalesFollowing: 1, scalesCompared: 2 });
  });
});
