import type { Locale } from '../../domain/common/index.ts';
import { NEEDS_DOMAINS, type Agreement, type Assessment, type HarmKind, type Screening } from '../../domain/thresholds/thresholds.ts';
import type { Vignette } from '../../content/schemas.ts';
import { labelKey, type Translate } from '../../i18n/index.ts';
import { panelComparison } from './threshold-practice.ts';

/** One judgement's line of the feedback table, in the reader's language. */
export type FeedbackRow = { judgement: string; yours: string; panel: string; agreement: string; reasoning: string };

/** Kinds of harm as a list in words ("None" for none). */
export function kindsText(kinds: readonly HarmKind[], t: Translate): string {
  return kinds.length ? kinds.map((k) => t(labelKey('practice.kind', k))).join(', ') : t('practice.noneKinds');
}

/**
 * A completed attempt beside the expert panel: one row per judgement, from the screening to the
 * decision, plus the kinds of harm missed and added. Every row is built by the same `row` rule.
 */
export function attemptFeedback(vignette: Vignette, screening: Screening, assessment: Assessment, t: Translate, locale: Locale) {
  const panel = vignette.panel;
  const comparison = panelComparison(vignette, screening, assessment);
  const row = (judgement: string, yours: string, theirs: string, agreement: Agreement, reason: { en: string; cy: string }): FeedbackRow => ({
    judgement,
    yours,
    panel: theirs,
    agreement: t(labelKey('practice.agreement', agreement)),
    reasoning: reason[locale],
  });
  const rows: FeedbackRow[] = [
    row(t('practice.screeningQuestion'), t(labelKey('practice.screening', screening.answer)), t(labelKey('practice.screening', panel.screening.answer)), comparison.screening, panel.screening.reason),
    ...NEEDS_DOMAINS.map((d) => row(t(labelKey('practice.domain', d)), t(labelKey('practice.needs', assessment.needs[d])), t(labelKey('practice.needs', panel.needs[d].answer)), comparison.needs[d], panel.needs[d].reason)),
    row(t('practice.childNeedsMet'), t(labelKey('practice.needs', assessment.childNeedsMet)), t(labelKey('practice.needs', panel.childNeedsMet.answer)), comparison.childNeedsMet, panel.childNeedsMet.reason),
    row(t('practice.levelOfHarm'), t(labelKey('practice.harm', assessment.levelOfHarm)), t(labelKey('practice.harm', panel.levelOfHarm.answer)), comparison.levelOfHarm, panel.levelOfHarm.reason),
    row(t('practice.kindsOfHarm'), kindsText(assessment.kindsOfHarm, t), kindsText(panel.kindsOfHarm.answer, t), comparison.kindsOfHarm.agreement, panel.kindsOfHarm.reason),
    row(t('practice.likelihood'), t(labelKey('practice.likelihood', assessment.likelihood)), t(labelKey('practice.likelihood', panel.likelihood.answer)), comparison.likelihood, panel.likelihood.reason),
    row(t('practice.significant'), t(labelKey('practice.significant', assessment.significant)), t(labelKey('practice.significant', panel.significant.answer)), comparison.significant, panel.significant.reason),
    row(t('practice.decision'), t(labelKey('practice.decision', assessment.decision)), t(labelKey('practice.decision', panel.decision.answer)), comparison.decision, panel.decision.reason),
  ];
  return { rows, missed: comparison.kindsOfHarm.missed, added: comparison.kindsOfHarm.added };
}
