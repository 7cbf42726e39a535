// The UI strings each simulation island shows, as key lists the page looks up on the server and
// types the islands read them through, so a label an island uses but is not sent is a type error.
import { PROBLEM_MESSAGES, STEP_FIELD_LABEL_KEYS } from '../../domain/simulations/simulation-forms.ts';
import { NAMED_FIELD_MESSAGES } from '../../i18n/field-error.ts';
import type { MessageKey, Messages } from '../../i18n/index.ts';

const STEP_LABELS = ['errors.summary', 'sim.errorNetwork', 'sim.saving', ...Object.values(PROBLEM_MESSAGES), ...Object.values(NAMED_FIELD_MESSAGES), ...STEP_FIELD_LABEL_KEYS] as const satisfies readonly MessageKey[];

export const CONVERSATION_LABELS = [
  ...STEP_LABELS,
  'sim.says', 'sim.you', 'sim.yourWords', 'sim.conversationSoFar', 'sim.turnCount', 'sim.chooseResponse', 'sim.respond', 'sim.ownResponse', 'sim.ownText', 'sim.ownHint', 'sim.ownCode',
  'sim.ownSubmit', 'sim.chooseCode', 'sim.ending', 'sim.openDebrief',
] as const satisfies readonly MessageKey[];

export const CONFERENCE_LABELS = [
  ...STEP_LABELS,
  'sim.information', 'sim.from', 'sim.conferenceHeading', 'sim.chooseAreas', 'sim.chooseAreasHint', 'sim.areasNudge', 'sim.areaChoose', 'sim.notGoodEnough', 'sim.goodEnough', 'sim.familyWords', 'sim.setPlan',
  'sim.plan', 'sim.newInformation', 'sim.meetingDate', 'sim.dateHint', 'sim.timescale.first', 'sim.timescale.next', 'sim.timescale.review', 'sim.timescale.beforeReview', 'sim.scale', 'sim.scaleHint', 'sim.scaleChoose',
  'sim.moved', 'sim.actions', 'sim.recordMeeting', 'sim.meetingsSoFar', 'sim.meetingSummary', 'sim.reviewHeading', 'sim.reviewDate', 'sim.decisionLegend', 'sim.decision.continue',
  'sim.decision.end', 'sim.reasons', 'sim.decide', 'sim.selfCheckHeading', 'sim.selfCheckIntro', 'sim.yourAnswer', 'sim.modelAnswer', 'sim.noModel', 'sim.check.legend', 'sim.check.observable',
  'sim.check.specific', 'sim.check.ownWords', 'sim.finishCheck', 'sim.openDebrief', 'sim.outlinePlanDate', 'sim.outlinePlanHint', 'sim.nextReviewDate', 'sim.nextReviewHint',
  'sim.familyScalesFirst', 'sim.familyScalesIntro', 'sim.familyScale',
  'sim.agency.health-visitor', 'sim.agency.school', 'sim.agency.police', 'sim.agency.gp', 'sim.agency.family', 'sim.agency.social-worker', 'sim.agency.housing', 'sim.agency.nursery', 'sim.agency.probation', 'sim.agency.hospital',
] as const satisfies readonly MessageKey[];

/** What every step form shows: the error summary, problem messages and the saving state. */
export type StepLabels = Pick<Messages, (typeof STEP_LABELS)[number]>;
export type ConversationLabels = Pick<Messages, (typeof CONVERSATION_LABELS)[number]>;
export type ConferenceLabels = Pick<Messages, (typeof CONFERENCE_LABELS)[number]>;
