import { and, assign, setup } from 'xstate';
import { checkMeeting, checkOutlinePlanDate, checkPlan, checkReview, checkSelfCheck, type MeetingRecord, type PlannedArea, type ReviewRecord, type SelfCheck } from '../../domain/simulations/case-conference.ts';

/** What the machine needs from a scenario: its ids and dates, not its text. */
export type ConferenceStructure = { conferenceDate: string; areaIds: string[]; meetings: { id: string; actionIds: string[] }[] };

export type CaseConferenceEvent =
  | { type: 'SET_PLAN'; areas: PlannedArea[]; outlinePlanDate: string }
  | { type: 'RECORD_MEETING'; meeting: MeetingRecord }
  | { type: 'DECIDE'; review: ReviewRecord }
  | { type: 'SELF_CHECK'; check: SelfCheck };

export type CaseConferenceContext = {
  structure: ConferenceStructure;
  plan: PlannedArea[] | null;
  /** When the outline plan is circulated (absent in attempts stored before it was asked for). */
  outlinePlanDate?: string | null;
  meetings: MeetingRecord[];
  review: ReviewRecord | null;
  selfCheck: SelfCheck | null;
};

const lastDate = (context: CaseConferenceContext) => context.meetings.at(-1)?.date ?? context.structure.conferenceDate;
const trimArea = (a: PlannedArea): PlannedArea => ({ areaId: a.areaId, notGoodEnough: a.notGoodEnough.trim(), goodEnough: a.goodEnough.trim(), familyWords: a.familyWords.trim() });

/** Which event each step takes: an event for another step is "not now", not "wrong". */
export const CONFERENCE_STEP_EVENT: Readonly<Record<string, CaseConferenceEvent['type']>> = { conference: 'SET_PLAN', coreGroup: 'RECORD_MEETING', review: 'DECIDE', selfCheck: 'SELF_CHECK' };

/** The problems with an event in the current context (none means the machine takes it). */
export function conferenceEventProblems(context: CaseConferenceContext, event: CaseConferenceEvent) {
  switch (event.type) {
    case 'SET_PLAN':
      return [...checkPlan(event.areas ?? [], context.structure.areaIds), ...checkOutlinePlanDate(event.outlinePlanDate, context.structure.conferenceDate)];
    case 'RECORD_MEETING': {
      const meeting = context.structure.meetings[context.meetings.length];
      if (!meeting) return [{ field: 'meeting', problem: 'invalid-choice' as const }];
      return checkMeeting(event.meeting, { areaIds: (context.plan ?? []).map((a) => a.areaId), actionIds: meeting.actionIds, previousDate: lastDate(context), conferenceDate: context.structure.conferenceDate });
    }
    case 'DECIDE':
      return checkReview(event.review, lastDate(context), context.structure.conferenceDate);
    case 'SELF_CHECK':
      return checkSelfCheck(event.check, (context.plan ?? []).map((a) => a.areaId));
  }
}

/**
 * The Case Conference → Core Group simulation: the learner sets the plan's areas of change at
 * the initial conference (and when its outline plan goes out), records each Core Group meeting (date, scaling, what moved it,
 * actions), decides at the review conference (dating the next review if the plan continues), then checks their own evidence against the model
 * answer. Any scenario runs on it; events with problems are not taken.
 */
export const caseConferenceMachine = setup({
  types: {
    context: {} as CaseConferenceContext,
    input: {} as { structure: ConferenceStructure },
    events: {} as CaseConferenceEvent,
  },
  guards: {
    acceptable: ({ context, event }) => conferenceEventProblems(context, event).length === 0,
    lastMeeting: ({ context }) => context.meetings.length + 1 >= context.structure.meetings.length,
  },
  actions: {
    recordMeeting: assign({
      meetings: ({ context, event }) => {
        const { meeting } = event as Extract<CaseConferenceEvent, { type: 'RECORD_MEETING' }>;
        return [...context.meetings, { date: meeting.date, scales: { ...meeting.scales }, moved: meeting.moved.trim(), actions: [...meeting.actions] }];
      },
    }),
  },
}).createMachine({
  id: 'caseConference',
  context: ({ input }) => ({ structure: input.structure, plan: null, outlinePlanDate: null, meetings: [], review: null, selfCheck: null }),
  initial: 'conference',
  states: {
    conference: {
      on: { SET_PLAN: { guard: 'acceptable', target: 'coreGroup', actions: assign({ plan: ({ event }) => event.areas.map(trimArea), outlinePlanDate: ({ event }) => event.outlinePlanDate }) } },
    },
    coreGroup: {
      on: {
        RECORD_MEETING: [
          { guard: and(['acceptable', 'lastMeeting']), target: 'review', actions: 'recordMeeting' },
          { guard: 'acceptable', actions: 'recordMeeting' },
        ],
      },
    },
    review: {
      on: {
        DECIDE: {
          guard: 'acceptable',
          target: 'selfCheck',
          // A next review only belongs to a plan that continues.
          actions: assign({ review: ({ event }) => ({ date: event.review.date, decision: event.review.decision, reasons: event.review.reasons.trim(), ...(event.review.decision === 'continue' ? { nextReviewDate: event.review.nextReviewDate } : {}) }) }),
        },
      },
    },
    selfCheck: {
      on: { SELF_CHECK: { guard: 'acceptable', target: 'complete', actions: assign({ selfCheck: ({ event }) => event.check }) } },
    },
    complete: { type: 'final' },
  },
});
