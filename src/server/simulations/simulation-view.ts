// What the simulation pages show, built from a scenario and an attempt: the islands' props in
// the reader's language, problem messages, and outcome labels. Server-only; no database.
import type { ConferenceScenario, ConversationScenario } from '../../content/schemas.ts';
import { PROBLEM_MESSAGES } from '../../domain/simulations/simulation-forms.ts';
import type { Locale } from '../../domain/shared/index.ts';
import { MI_CODES } from '../../domain/simulations/conversation.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import type { SimulationAttempt, SimulationProblem } from './simulations.ts';

/** The attempts list's outcome column. */
export function attemptOutcomeLabel(attempt: Pick<SimulationAttempt, 'outcome' | 'result' | 'kind'>, t: Translate): string {
  if (!attempt.outcome) return t('sim.outcome.none');
  if (attempt.kind === 'conference') {
    const figures = (attempt.result as { figures?: { areasFound: number; areasExpected: number } } | null)?.figures;
    return figures ? t('sim.outcome.areas', { found: figures.areasFound, expected: figures.areasExpected }) : t('sim.outcome.none');
  }
  return t(`sim.outcome.${attempt.outcome as 'disengaged'}`);
}

/** Each problem as a translated message, keyed by the form field it belongs to (first problem wins). */
export function problemMessages(problems: readonly SimulationProblem[], t: Translate): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const p of problems) messages[p.field] ??= t(PROBLEM_MESSAGES[p.problem] as MessageKey, { max: p.max ?? '' });
  return messages;
}

/** Translations an island needs, looked up once on the server. */
export function labelsFor(t: Translate, keys: readonly MessageKey[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, t(k)]));
}

const COMMON_LABELS: MessageKey[] = ['errors.summary', 'sim.errorNetwork', 'sim.saving', ...(Object.values(PROBLEM_MESSAGES) as MessageKey[])];

export const CONVERSATION_LABELS: MessageKey[] = [
  ...COMMON_LABELS,
  'sim.says', 'sim.you', 'sim.yourWords', 'sim.conversationSoFar', 'sim.turnCount', 'sim.chooseResponse', 'sim.respond', 'sim.ownResponse', 'sim.ownText', 'sim.ownHint', 'sim.ownCode',
  'sim.ownSubmit', 'sim.chooseCode', 'sim.ending', 'sim.openDebrief',
];

export const CONFERENCE_LABELS: MessageKey[] = [
  ...COMMON_LABELS,
  'sim.information', 'sim.from', 'sim.conferenceHeading', 'sim.chooseAreas', 'sim.chooseAreasHint', 'sim.areaChoose', 'sim.notGoodEnough', 'sim.goodEnough', 'sim.familyWords', 'sim.setPlan',
  'sim.plan', 'sim.newInformation', 'sim.meetingDate', 'sim.dateHint', 'sim.timescale.first', 'sim.timescale.next', 'sim.timescale.review', 'sim.scale', 'sim.scaleHint', 'sim.scaleChoose',
  'sim.moved', 'sim.actions', 'sim.recordMeeting', 'sim.meetingsSoFar', 'sim.meetingSummary', 'sim.reviewHeading', 'sim.reviewDate', 'sim.decisionLegend', 'sim.decision.continue',
  'sim.decision.end', 'sim.reasons', 'sim.decide', 'sim.selfCheckHeading', 'sim.selfCheckIntro', 'sim.yourAnswer', 'sim.modelAnswer', 'sim.noModel', 'sim.check.legend', 'sim.check.observable',
  'sim.check.specific', 'sim.check.ownWords', 'sim.finishCheck', 'sim.openDebrief',
  'sim.agency.health-visitor', 'sim.agency.school', 'sim.agency.police', 'sim.agency.gp', 'sim.agency.family', 'sim.agency.social-worker', 'sim.agency.housing', 'sim.agency.nursery', 'sim.agency.probation', 'sim.agency.hospital',
];

/** A conversation's words in one language, shaped for the island. */
export function conversationText(scenario: ConversationScenario, locale: Locale) {
  return {
    person: scenario.person.name,
    turns: Object.fromEntries(scenario.turns.map((t) => [t.id, { says: t.says[locale], options: t.options.map((o) => ({ id: o.id, text: o.text[locale] })) }])),
    replies: Object.fromEntries(scenario.turns.flatMap((t) => t.options.map((o) => [`${t.id}/${o.id}`, o.reply[locale]]))),
    endings: Object.fromEntries(scenario.endings.map((e) => [e.id, e.says[locale]])),
  };
}

export function codeOptions(t: Translate) {
  return MI_CODES.map((code) => ({ value: code, label: t(`sim.code.${code}`) }));
}

/** A conference's words in one language, shaped for the island (the model answers only for the self-check step). */
export function conferenceText(scenario: ConferenceScenario, locale: Locale, withModel: boolean) {
  const info = (items: ConferenceScenario['information']) => items.map((i) => ({ id: i.id, from: i.from, text: i.text[locale] }));
  return {
    information: info(scenario.information),
    areas: scenario.areas.map((a) => ({ id: a.id, label: a.label[locale], model: withModel && a.model ? { notGoodEnough: a.model.notGoodEnough[locale], goodEnough: a.model.goodEnough[locale], familyWords: a.model.familyWords[locale] } : null })),
    meetings: scenario.meetings.map((m) => ({ id: m.id, title: m.title[locale], information: info(m.information), actions: m.actions.map((a) => ({ id: a.id, text: a.text[locale] })) })),
    review: { information: info(scenario.review.information) },
  };
}
