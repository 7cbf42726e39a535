/**
 * The rules of the Case Conference → Core Group simulation apart from any text: Wales
 * procedure timescales, what a learner's plan must contain, and how their areas of change,
 * scaling and dates compare with the scenario's expert answer. Pure.
 */

import { addDays, addWorkingDays, BANK_HOLIDAYS_COVER, daysBetween, workingDaysBetween } from '../common/index.ts';

/** Wales Safeguarding Procedures timescales for a child on the child protection register. */
export const TIMESCALES = {
  firstCoreGroupWorkingDays: 10,
  coreGroupIntervalDays: 42,
  reviewConferenceMonths: 3,
  outlinePlanWorkingDays: 5,
  laterReviewMonths: 6,
} as const;

/** Meetings are dated within this many months of the initial conference (the plan's first year). */
export const DATE_WINDOW_MONTHS = 12;

/** A plan holds at most four areas of change; most plans work best with three (`planNudge`). */
export const MAX_AREAS = 4;
/** The number of areas of change the framework expects a conference to agree. */
export const RECOMMENDED_AREAS = 3;
export const SCALE = { min: 1, max: 10 } as const;
export const PLAN_TEXT_MAX = 2000;
export const REVIEW_DECISIONS = ['continue', 'end'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (YYYY-MM-DD) as UTC midnight, or null when it is not a real date. */
export function parseDate(value: unknown): number | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value ? null : time;
}

const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * The latest date the next meeting may be held on: the first Core Group, a later one, or the
 * review conference. Given `coreGroupsAfter` (how many Core Groups follow this one), a Core
 * Group's date also leaves a day for each of them and for the review, which must come after.
 */
export function nextDeadline(conferenceDate: string, meetingDates: readonly string[], reviewNext: boolean, coreGroupsAfter?: number): string {
  const review = addMonths(conferenceDate, TIMESCALES.reviewConferenceMonths);
  if (reviewNext) return review;
  const last = meetingDates.at(-1);
  const interval = last ? addDays(last, TIMESCALES.coreGroupIntervalDays) : addWorkingDays(conferenceDate, TIMESCALES.firstCoreGroupWorkingDays);
  if (coreGroupsAfter === undefined) return interval;
  const beforeReview = addDays(review, -(coreGroupsAfter + 1));
  return beforeReview < interval ? beforeReview : interval;
}

/** The same day `months` later (or the month's last day when it has no such day). */
export function addMonths(date: string, months: number): string {
  const d = new Date(parseDate(date)!);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return iso(target.getTime());
}

/** A scenario's conference is dated where every meeting in its window has bank holiday data. */
export const FIRST_CONFERENCE_DATE = BANK_HOLIDAYS_COVER.first;
export const LAST_CONFERENCE_DATE = addMonths(BANK_HOLIDAYS_COVER.last, -DATE_WINDOW_MONTHS);

export type TimescaleCheck =
  | { meeting: 'outline-plan'; date: string; workingDays: number; limit: number; met: boolean }
  | { meeting: 'next-review'; date: string; latest: string; met: boolean }
  | { meeting: 'first-core-group'; date: string; workingDays: number; limit: number; met: boolean }
  | { meeting: 'core-group'; index: number; date: string; days: number; limit: number; met: boolean }
  | { meeting: 'review-conference'; date: string; latest: string; met: boolean };

/**
 * Each date against the Wales timescales: the outline plan circulated within 5 working days of
 * the initial conference, each meeting counted from the conference, and the next review at most
 * 6 months after the first. Dates the learner has not given (yet) are not checked.
 */
export function checkTimescales(conferenceDate: string, coreGroupDates: readonly string[], reviewDate: string | null, plan: { outlinePlanDate?: string | null; nextReviewDate?: string | null } = {}): TimescaleCheck[] {
  const checks: TimescaleCheck[] = [];
  if (plan.outlinePlanDate) {
    const workingDays = workingDaysBetween(conferenceDate, plan.outlinePlanDate);
    checks.push({ meeting: 'outline-plan', date: plan.outlinePlanDate, workingDays, limit: TIMESCALES.outlinePlanWorkingDays, met: workingDays <= TIMESCALES.outlinePlanWorkingDays });
  }
  coreGroupDates.forEach((date, index) => {
    if (index === 0) {
      const workingDays = workingDaysBetween(conferenceDate, date);
      checks.push({ meeting: 'first-core-group', date, workingDays, limit: TIMESCALES.firstCoreGroupWorkingDays, met: workingDays <= TIMESCALES.firstCoreGroupWorkingDays });
    } else {
      const days = daysBetween(coreGroupDates[index - 1]!, date);
      checks.push({ meeting: 'core-group', index: index + 1, date, days, limit: TIMESCALES.coreGroupIntervalDays, met: days <= TIMESCALES.coreGroupIntervalDays });
    }
  });
  if (reviewDate) {
    const latest = addMonths(conferenceDate, TIMESCALES.reviewConferenceMonths);
    checks.push({ meeting: 'review-conference', date: reviewDate, latest, met: reviewDate <= latest });
    if (plan.nextReviewDate) {
      const next = addMonths(reviewDate, TIMESCALES.laterReviewMonths);
      checks.push({ meeting: 'next-review', date: plan.nextReviewDate, latest: next, met: plan.nextReviewDate <= next });
    }
  }
  return checks;
}

/** The learner's plan for one area of change, as written at the initial conference. */
export type PlannedArea = { areaId: string; notGoodEnough: string; goodEnough: string; familyWords: string };
export type MeetingRecord = { date: string; scales: Record<string, number>; moved: string; actions: string[] };
/** The review conference's record; a plan that continues names the date of the next review. */
export type ReviewRecord = { date: string; decision: ReviewDecision; reasons: string; nextReviewDate?: string };
export type SelfCheck = Record<string, { observable: boolean; specific: boolean; ownWords: boolean }>;

export type PlanProblem = { field: string; problem: 'required' | 'too-long' | 'invalid-choice' | 'too-many' | 'duplicate' | 'not-after' | 'invalid-date' | 'too-late'; max?: number };

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
function checkText(problems: PlanProblem[], field: string, value: unknown) {
  const v = text(value);
  if (!v) problems.push({ field, problem: 'required' });
  else if (v.length > PLAN_TEXT_MAX) problems.push({ field, problem: 'too-long', max: PLAN_TEXT_MAX });
}
function checkDate(problems: PlanProblem[], field: string, value: unknown, after: string, latest: string) {
  const time = parseDate(value);
  if (!value) problems.push({ field, problem: 'required' });
  else if (time === null) problems.push({ field, problem: 'invalid-date' });
  else if (time <= parseDate(after)!) problems.push({ field, problem: 'not-after' });
  else if (time > parseDate(latest)!) problems.push({ field, problem: 'too-late' });
}

/** The latest date any meeting in a simulation may carry. */
export const latestMeetingDate = (conferenceDate: string) => addMonths(conferenceDate, DATE_WINDOW_MONTHS);

/**
 * Whether a plan with this many areas of change should get the nudge towards three: a fourth is
 * allowed, as some plans need one, but a longer plan dilutes the Core Group's focus.
 */
export function planNudge(areaCount: number): boolean {
  return areaCount > RECOMMENDED_AREAS && areaCount <= MAX_AREAS;
}

/**
 * The date the outline plan is circulated to the family and agencies: on or after the initial
 * conference and within the simulation's window (whether it was in time is feedback, not a refusal).
 */
export function checkOutlinePlanDate(value: unknown, conferenceDate: string): PlanProblem[] {
  const problems: PlanProblem[] = [];
  checkDate(problems, 'outlinePlanDate', value, addDays(conferenceDate, -1), latestMeetingDate(conferenceDate));
  return problems;
}

/** The initial conference's plan: one to four distinct areas from the scenario, each with all three texts. */
export function checkPlan(areas: readonly PlannedArea[], knownAreaIds: readonly string[]): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (!areas.length) problems.push({ field: 'areas', problem: 'required' });
  if (areas.length > MAX_AREAS) problems.push({ field: 'areas', problem: 'too-many', max: MAX_AREAS });
  if (new Set(areas.map((a) => a.areaId)).size !== areas.length) problems.push({ field: 'areas', problem: 'duplicate' });
  for (const area of areas) {
    if (!knownAreaIds.includes(area.areaId)) {
      problems.push({ field: 'areas', problem: 'invalid-choice' });
      continue;
    }
    checkText(problems, `${area.areaId}.notGoodEnough`, area.notGoodEnough);
    checkText(problems, `${area.areaId}.goodEnough`, area.goodEnough);
    checkText(problems, `${area.areaId}.familyWords`, area.familyWords);
  }
  return problems;
}

/** A Core Group meeting's record: a date after the last meeting, a scale 1–10 for every planned area, what moved it, known actions. */
export function checkMeeting(meeting: MeetingRecord, input: { areaIds: readonly string[]; actionIds: readonly string[]; previousDate: string; conferenceDate: string }): PlanProblem[] {
  const problems: PlanProblem[] = [];
  checkDate(problems, 'date', meeting.date, input.previousDate, latestMeetingDate(input.conferenceDate));
  for (const areaId of input.areaIds) {
    const value = meeting.scales?.[areaId];
    if (value === undefined || value === null || (value as unknown) === '') problems.push({ field: `scale.${areaId}`, problem: 'required' });
    else if (!Number.isInteger(value) || value < SCALE.min || value > SCALE.max) problems.push({ field: `scale.${areaId}`, problem: 'invalid-choice' });
  }
  if (Object.keys(meeting.scales ?? {}).some((id) => !input.areaIds.includes(id))) problems.push({ field: 'scales', problem: 'invalid-choice' });
  checkText(problems, 'moved', meeting.moved);
  if (!Array.isArray(meeting.actions) || meeting.actions.some((a) => !input.actionIds.includes(a))) problems.push({ field: 'actions', problem: 'invalid-choice' });
  else if (new Set(meeting.actions).size !== meeting.actions.length) problems.push({ field: 'actions', problem: 'duplicate' });
  return problems;
}

export function checkReview(review: ReviewRecord, previousDate: string, conferenceDate: string): PlanProblem[] {
  const problems: PlanProblem[] = [];
  checkDate(problems, 'date', review.date, previousDate, latestMeetingDate(conferenceDate));
  if (!review.decision) problems.push({ field: 'decision', problem: 'required' });
  else if (!REVIEW_DECISIONS.includes(review.decision)) problems.push({ field: 'decision', problem: 'invalid-choice' });
  // A plan that continues needs its next review; how soon is judged in the feedback, not here.
  else if (review.decision === 'continue' && parseDate(review.date) !== null) checkDate(problems, 'nextReviewDate', review.nextReviewDate, review.date, addMonths(review.date, DATE_WINDOW_MONTHS));
  checkText(problems, 'reasons', review.reasons);
  return problems;
}

export function checkSelfCheck(check: SelfCheck, areaIds: readonly string[]): PlanProblem[] {
  const keys = Object.keys(check ?? {});
  const valid = keys.length === areaIds.length && areaIds.every((id) => {
    const entry = check[id];
    return entry && typeof entry.observable === 'boolean' && typeof entry.specific === 'boolean' && typeof entry.ownWords === 'boolean';
  });
  return valid ? [] : [{ field: 'selfCheck', problem: 'invalid-choice' }];
}

/** The learner's areas against the expert's: found, chosen though noise, and missed. */
export function compareAreas(chosen: readonly string[], expected: readonly string[]) {
  return {
    found: chosen.filter((id) => expected.includes(id)),
    noise: chosen.filter((id) => !expected.includes(id)),
    missed: expected.filter((id) => !chosen.includes(id)),
  };
}

export type ScalingAgreement = 'follows' | 'close' | 'apart';

/** One scaling against the expert's: within a step follows the evidence, within two is close. */
export function compareScale(learner: number, expert: number): ScalingAgreement {
  const gap = Math.abs(learner - expert);
  return gap <= 1 ? 'follows' : gap <= 2 ? 'close' : 'apart';
}

/** Whether the learner's scaling moved the way the evidence did between meetings (up, down or level). */
export function sameDirection(learner: readonly number[], expert: readonly number[]): boolean {
  for (let i = 1; i < Math.min(learner.length, expert.length); i++) {
    if (Math.sign(learner[i]! - learner[i - 1]!) !== Math.sign(expert[i]! - expert[i - 1]!)) return false;
  }
  return true;
}

/** The scenario's expert answer, as the feedback needs it. */
export type ConferenceExpert = { conferenceDate: string; expectedAreaIds: readonly string[]; meetingScales: readonly Record<string, number>[]; reviewDecision: ReviewDecision };
export type ConferenceRecord = { plan: readonly PlannedArea[]; outlinePlanDate?: string | null; meetings: readonly MeetingRecord[]; review: ReviewRecord | null };

/**
 * The feedback on a finished (or partly finished) plan: areas found, noise chosen and areas
 * missed; each meeting's date against the timescales; for every area the learner shared with the
 * expert, each scaling against the expert's and whether it moved the same way; the review decision.
 */
export function conferenceResult(expert: ConferenceExpert, record: ConferenceRecord) {
  const areas = compareAreas(record.plan.map((a) => a.areaId), expert.expectedAreaIds);
  const timescales = checkTimescales(expert.conferenceDate, record.meetings.map((m) => m.date), record.review?.date ?? null, {
    outlinePlanDate: record.outlinePlanDate ?? null,
    nextReviewDate: record.review?.decision === 'continue' ? (record.review.nextReviewDate ?? null) : null,
  });
  const scaling = areas.found.map((areaId) => {
    const learner = record.meetings.map((m) => m.scales[areaId]!);
    const panel = expert.meetingScales.slice(0, learner.length).map((s) => s[areaId]!);
    return { areaId, meetings: learner.map((value, i) => ({ learner: value, expert: panel[i]!, agreement: compareScale(value, panel[i]!) })), sameDirection: sameDirection(learner, panel) };
  });
  const scalings = scaling.flatMap((s) => s.meetings);
  return {
    areas,
    timescales,
    scaling,
    reviewAgrees: record.review ? record.review.decision === expert.reviewDecision : null,
    figures: {
      areasFound: areas.found.length,
      areasExpected: expert.expectedAreaIds.length,
      timescalesMet: timescales.filter((t) => t.met).length,
      timescalesChecked: timescales.length,
      scalesFollowing: scalings.filter((s) => s.agreement === 'follows').length,
      scalesCompared: scalings.length,
    },
  };
}
export type ConferenceResult = ReturnType<typeof conferenceResult>;
