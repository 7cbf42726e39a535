// What the simulation pages show, built from a scenario and an attempt: the islands' props in
// the reader's language, problem messages, and outcome labels. Server-only; no database.
import type { ConferenceScenario, ConversationScenario, SimulationScenario } from '../../content/schemas.ts';
import { PROBLEM_MESSAGES, stepFieldLabel } from '../../domain/simulations/simulation-forms.ts';
import type { Locale } from '../../domain/common/index.ts';
import { CONVERSATION_OUTCOMES, MI_CODES, type ConversationOutcome } from '../../domain/simulations/conversation.ts';
import { fieldErrorText, labelKey, type Translate } from '../../i18n/index.ts';
import type { SimulationAttempt, SimulationProblem } from './simulations.ts';

const isConversationOutcome = (value: string): value is ConversationOutcome => CONVERSATION_OUTCOMES.some((o) => o === value);

/** The attempts list's outcome column. */
export function attemptOutcomeLabel(attempt: Pick<SimulationAttempt, 'outcome' | 'result' | 'kind'>, t: Translate): string {
  if (!attempt.outcome) return t('sim.outcome.none');
  if (attempt.kind === 'conference') {
    const figures = (attempt.result as { figures?: { areasFound: number; areasExpected: number } } | null)?.figures;
    return figures ? t('sim.outcome.areas', { found: figures.areasFound, expected: figures.areasExpected }) : t('sim.outcome.none');
  }
  return isConversationOutcome(attempt.outcome) ? t(labelKey('sim.outcome', attempt.outcome)) : t('sim.outcome.none');
}

/**
 * Each problem as a translated message, keyed by the form field it belongs to (first problem
 * wins); a message that would not say which field it is about names the field's label.
 */
export function problemMessages(problems: readonly SimulationProblem[], t: Translate, labelOf: (field: string) => string | undefined = () => undefined): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const p of problems) messages[p.field] ??= fieldErrorText(t, { key: PROBLEM_MESSAGES[p.problem], params: { max: p.max ?? '' } }, labelOf(p.field));
  return messages;
}

/** The on-screen label of a step's field in the reader's language (see the domain's `stepFieldLabel`). */
export function stepFieldLabelIn(scenario: SimulationScenario, step: string, field: string, locale: Locale, t: Translate): string | undefined {
  const areas = scenario.kind === 'conference' ? scenario.areas : [];
  return stepFieldLabel(field, step, (key, params) => t(key, params), (id) => areas.find((a) => a.id === id)?.label[locale]);
}

/** A conversation's words in one language, shaped for the island. */
export function conversationText(scenario: ConversationScenario, locale: Locale) {
  return {
    person: scenario.person.name,
    turns: Object.fromEntries(scenario.turns.map((t) => [t.id, { says: t.says[locale], options: t.options.map((o) => ({ id: o.id, text: o.text[locale] })) }])),
    replies: Object.fromEntries(scenario.turns.flatMap((t) => t.options.map((o) => [`${t.id}/${o.id}`, o.reply[locale]]))),
    ownWordsReplies: Object.fromEntries(scenario.turns.map((t) => [t.id, t.ownWords.reply[locale]])),
    endings: Object.fromEntries(scenario.endings.map((e) => [e.id, e.says[locale]])),
  };
}

export function codeOptions(t: Translate) {
  return MI_CODES.map((code) => ({ value: code, label: t(labelKey('sim.code', code)) }));
}

/** A conference's words in one language, shaped for the island (the model answers only for the self-check step). */
export function conferenceText(scenario: ConferenceScenario, locale: Locale, withModel: boolean) {
  const info = (items: ConferenceScenario['information']) => items.map((i) => ({ id: i.id, from: i.from, text: i.text[locale] }));
  return {
    information: info(scenario.information),
    areas: scenario.areas.map((a) => ({ id: a.id, label: a.label[locale], model: withModel && a.model ? { notGoodEnough: a.model.notGoodEnough[locale], goodEnough: a.model.goodEnough[locale], familyWords: a.model.familyWords[locale] } : null })),
    meetings: scenario.meetings.map((m) => ({
      id: m.id,
      title: m.title[locale],
      familyScaling: m.familyScaling.map((f) => ({ who: f.who, area: scenario.areas.find((a) => a.id === f.area)?.label[locale] ?? f.area, scale: f.scale, says: f.says[locale] })),
      information: info(m.information),
      actions: m.actions.map((a) => ({ id: a.id, text: a.text[locale] })),
    })),
    review: { information: info(scenario.review.information) },
  };
}
