// The report's glossary: every figure, service indicator and recommendation rule, with the keys of its name and definition.
import { SMALL_GROUP_MINIMUM } from '../common/index.ts';
import { MITI_BANDS } from '../simulations/index.ts';
import { ONE_TO_ONE_WINDOW_DAYS } from './behaviour.ts';
import {
  LOW_DECISION_ALPHA,
  LOW_USEFULNESS_MEAN,
  MIN_RATERS_FOR_AGREEMENT_FLAG,
  MIN_REACTIONS_FOR_USEFULNESS_FLAG,
  ONE_TO_ONE_GAP_PERCENT,
  RECOMMENDATION_RULES,
  type RecommendationRule,
} from './recommendations.ts';
import { SCORE_BINS } from './learning.ts';
import { SERVICE_INDICATORS, type ServiceIndicator } from './vocabulary.ts';

/** The report's sections: Kirkpatrick's four levels, then the recommendations. */
export const REPORT_SECTIONS = ['reaction', 'learning', 'behaviour', 'results', 'recommendations'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** Every figure the report computes (service indicators and rules are listed separately). */
export const FIGURE_IDS = [
  'reaction-usefulness',
  'reaction-relevance',
  'reaction-confidence',
  'first-attempt-score',
  'first-attempt-distribution',
  'confidence-change',
  'miti-reflection-to-question',
  'miti-percent-complex-reflections',
  'miti-mi-adherent-share',
  'decision-alpha',
  'likelihood-alpha',
  'decision-kappa',
  'panel-agreement',
  'rubric-score',
  'actions-agreed',
  'actions-completed',
  'one-to-one-share',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

/** Everything the glossary defines: the figures, each service indicator and each recommendation rule. */
export type GlossaryId = FigureId | `indicator-${ServiceIndicator}` | `rule-${RecommendationRule}`;
/** Numbers a definition's text is filled with (its `{placeholders}`), taken from the constants the figures use. */
export type DefinitionParams = Readonly<Record<string, number>>;
export type GlossaryEntry = {
  id: GlossaryId;
  section: ReportSection;
  nameKey: `evaluation.glossary.${GlossaryId}.name`;
  /** A rule's definition is its text, the one the recommendations show. */
  definitionKey: `evaluation.glossary.${FigureId | `indicator-${ServiceIndicator}`}.definition` | `evaluation.rule.${RecommendationRule}`;
  params: DefinitionParams;
};

const FIGURE_SECTIONS: Record<FigureId, ReportSection> = {
  'reaction-usefulness': 'reaction',
  'reaction-relevance': 'reaction',
  'reaction-confidence': 'reaction',
  'first-attempt-score': 'learning',
  'first-attempt-distribution': 'learning',
  'confidence-change': 'learning',
  'miti-reflection-to-question': 'learning',
  'miti-percent-complex-reflections': 'learning',
  'miti-mi-adherent-share': 'learning',
  'decision-alpha': 'behaviour',
  'likelihood-alpha': 'behaviour',
  'decision-kappa': 'behaviour',
  'panel-agreement': 'behaviour',
  'rubric-score': 'behaviour',
  'actions-agreed': 'behaviour',
  'actions-completed': 'behaviour',
  'one-to-one-share': 'behaviour',
};

const FIGURE_PARAMS: Partial<Record<FigureId, DefinitionParams>> = {
  'first-attempt-distribution': { width: 100 / SCORE_BINS },
  'miti-reflection-to-question': MITI_BANDS.reflectionToQuestion,
  'miti-percent-complex-reflections': MITI_BANDS.percentComplexReflections,
  'decision-kappa': { minimum: SMALL_GROUP_MINIMUM },
  'one-to-one-share': { weeks: ONE_TO_ONE_WINDOW_DAYS / 7 },
};

const RULE_PARAMS: Record<RecommendationRule, DefinitionParams> = {
  'team-decision-agreement-low': { alpha: LOW_DECISION_ALPHA, raters: MIN_RATERS_FOR_AGREEMENT_FLAG },
  'rollout-phase-at-risk': {},
  'confidence-not-improving': {},
  'workshop-usefulness-low': { mean: LOW_USEFULNESS_MEAN, reactions: MIN_REACTIONS_FOR_USEFULNESS_FLAG },
  'team-one-to-one-gap': { percent: ONE_TO_ONE_GAP_PERCENT, weeks: ONE_TO_ONE_WINDOW_DAYS / 7 },
};

/** The glossary, in report order: the figures by section, the service indicators, then the rules. */
export const GLOSSARY: readonly GlossaryEntry[] = [
  ...FIGURE_IDS.map((id) => ({
    id,
    section: FIGURE_SECTIONS[id],
    nameKey: `evaluation.glossary.${id}.name` as const,
    definitionKey: `evaluation.glossary.${id}.definition` as const,
    params: FIGURE_PARAMS[id] ?? {},
  })),
  ...SERVICE_INDICATORS.map((indicator) => ({
    id: `indicator-${indicator}` as const,
    section: 'results' as const,
    nameKey: `evaluation.glossary.indicator-${indicator}.name` as const,
    definitionKey: `evaluation.glossary.indicator-${indicator}.definition` as const,
    params: {},
  })),
  ...RECOMMENDATION_RULES.map((rule) => ({
    id: `rule-${rule}` as const,
    section: 'recommendations' as const,
    nameKey: `evaluation.glossary.rule-${rule}.name` as const,
    definitionKey: `evaluation.rule.${rule}` as const,
    params: RULE_PARAMS[rule],
  })),
];

/** The glossary entry of a figure, indicator or rule. */
export function glossaryEntry(id: GlossaryId): GlossaryEntry {
  const entry = GLOSSARY.find((e) => e.id === id);
  if (!entry) throw new RangeError(`No glossary entry for ${id}`);
  return entry;
}

/** A recommendation rule's text as the report shows it beside its flags: the key and the numbers it is filled with. */
export function ruleText(rule: RecommendationRule): { key: `evaluation.rule.${RecommendationRule}`; params: DefinitionParams } {
  return { key: `evaluation.rule.${rule}`, params: RULE_PARAMS[rule] };
}

/** The key of a report section's heading. */
export function sectionKey(section: ReportSection): `evaluation.section.${ReportSection}` {
  return `evaluation.section.${section}`;
}

/** Notes the report shows with its figures, each with the numbers it is filled with. */
export const REPORT_NOTES = [
  { key: 'evaluation.note.suppression', params: { minimum: SMALL_GROUP_MINIMUM } },
  { key: 'evaluation.note.quarters', params: {} },
  { key: 'evaluation.note.associations', params: {} },
] as const satisfies readonly { key: `evaluation.note.${string}`; params: DefinitionParams }[];
