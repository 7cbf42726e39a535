// The evaluation report's data as the page reads it, and the same data as a document and as figure records for the exports.
import { and, eq, inArray } from 'drizzle-orm';
import { calibrationRounds } from '../../../db/schema/index.ts';
import { formatDay, intlLocale, SMALL_GROUP_MINIMUM, type Locale } from '../../domain/common/index.ts';
import {
  parseQuarter,
  quarterDates,
  type Coefficient,
  type DecisionConsistency,
  type Figure,
  type Period,
  GLOSSARY,
  MITI_MEASURES,
  REPORT_NOTES,
  ruleText,
  SCORE_BINS,
  sectionKey,
  SERVICE_INDICATORS,
  glossaryEntry,
  COMPARISON_NOTES,
  type ComparedFigure,
  type SharedFigureKind,
  type DocumentSection,
  type EvaluationLevel,
  type FigureRecord,
  type GlossaryId,
  type Recommendation,
  type ReportDocument,
  type ReportTable,
} from '../../domain/evaluation/index.ts';
import { REACTION_ITEMS } from '../../domain/training/index.ts';
import { formatDateTime, labelKey, type MessageKey, type Translate } from '../../i18n/index.ts';
import { mayInOrganisation } from '../access/index.ts';
import { listProgrammes, listRubrics, listVignettes, modulesOf, pick, type Module, type Programme, type RubricContent, type Vignette } from '../content/index.ts';
import type { Scope } from '../people/index.ts';
import type { FieldErrors } from '../platform/index.ts';
import { reportComparison } from './comparison.ts';
import { reportLevels, type EvaluationContent, type EvaluationLevels } from './evidence.ts';
import { evaluationNotesOf, type NoteVersion } from './notes.ts';
import { reportScopeOptions, type ReportScopeOption } from './report-scope.ts';
import { readReportPeriod, resultsOf, type ReportPeriod, type ResultsLevel } from './results.ts';

/** The content the report reads: programmes and their modules, the situations' panel answers, the rubrics. */
export type ReportContent = { programmes: readonly Programme[]; modules: readonly Module[]; vignettes: readonly Vignette[]; rubrics: readonly RubricContent[] };

/** What the report's scope form offers this viewer, with the content it names (null when the viewer may not see the report). */
export type ReportChoices = { content: ReportContent; programmes: { id: string; name: string }[]; options: ReportScopeOption[] };

/** The report's content from the site's content collections. */
export async function loadReportContent(): Promise<ReportContent> {
  const [programmes, vignettes, rubrics] = await Promise.all([listProgrammes(), listVignettes(), listRubrics()]);
  return { programmes, modules: (await Promise.all(programmes.map(modulesOf))).flat(), vignettes, rubrics };
}

/** What the figures of levels 1–3 need from the report's content. */
export function evaluationContentOf(content: ReportContent): EvaluationContent {
  return {
    programmes: content.programmes.map((p) => ({ id: p.id, moduleIds: p.modules })),
    vignettes: content.vignettes.map((v) => ({ id: v.id, panel: { decision: v.panel.decision.answer, likelihood: v.panel.likelihood.answer } })),
    rubrics: content.rubrics,
  };
}

/** Everything the report shows for one scope and period: the page and the exports read the same. */
export type EvaluationReportData = {
  period: ReportPeriod;
  periodErrors: FieldErrors;
  chosen: ReportScopeOption;
  levels: EvaluationLevels | null;
  /** When levels 1–3 were computed (ms): they are kept for a few minutes, see reportLevels. */
  computedAt: number | null;
  results: ResultsLevel;
  notes: { current: NoteVersion | null; earlier: NoteVersion[] };
  /** Organisation-wide medians across councils, when the viewer's council takes part in the comparison (whatever the scope). */
  comparison: ComparedFigure[] | null;
  /** Names of programmes, modules, rubric criteria, phases and teams, in the viewer's language. */
  names: Map<string, string>;
};

/** The scopes a viewer may choose for the report, or null when the report is not theirs to see. */
export async function reportChoices(scope: Scope, locale: Locale, content: ReportContent): Promise<ReportChoices | null> {
  if (!mayInOrganisation(scope.viewer, 'evaluation.report')) return null;
  const programmes = content.programmes.map((p) => ({ id: p.id, name: pick(p.title, locale) }));
  return { content, programmes, options: await reportScopeOptions(scope, locale, programmes) };
}

/**
 * The report's data for the period and scope in `query` (`from`, `to`, `scope`); no scope chosen
 * means the first the viewer may choose. Null when the chosen scope is not one of the viewer's.
 */
export async function evaluationReportData(scope: Scope, locale: Locale, choices: ReportChoices, query: URLSearchParams, options: { refresh?: boolean } = {}): Promise<EvaluationReportData | null> {
  const { period, errors: periodErrors } = readReportPeriod(query, scope.now.getTime());
  const asked = query.get('scope');
  const chosen = asked ? choices.options.find((o) => o.key === asked) : choices.options[0];
  if (!chosen) return null;
  const { rubrics } = choices.content;
  const content = evaluationContentOf(choices.content);
  const [results, notes, computed, comparison] = await Promise.all([
    resultsOf(scope, chosen, period),
    evaluationNotesOf(scope, chosen),
    reportLevels(scope, chosen, period, content, options),
    reportComparison(scope, period, content),
  ]);
  const levels = computed?.levels ?? null;
  const computedAt = computed?.computedAt ?? null;
  const names = new Map<string, string>([
    ...contentNames(choices.content, locale),
    ...rubrics.flatMap((r) => r.criteria.map((c) => [`${r.id}/${c.id}`, `${pick(r.title, locale)}: ${pick(c.title, locale)}`] as const)),
    ...choices.options.filter((o) => o.id !== null && (o.kind === 'team' || o.kind === 'phase')).map((o) => [o.id!, o.name] as const),
    ...(await roundTitles(scope, levels?.behaviour.byRound.map((r) => r.roundId) ?? [])),
  ]);
  return { period, periodErrors, chosen, levels, computedAt, results, notes, comparison, names };
}

/** The calibration rounds' titles as they are now (kept figures hold only the rounds' ids, so a renamed round reads its new title). */
async function roundTitles(scope: Scope, roundIds: readonly string[]): Promise<[string, string][]> {
  if (roundIds.length === 0) return [];
  const rows = await scope.db
    .select({ id: calibrationRounds.id, title: calibrationRounds.title })
    .from(calibrationRounds)
    .where(and(eq(calibrationRounds.organisationId, scope.organisationId), inArray(calibrationRounds.id, [...roundIds])));
  return rows.map((r) => [r.id, r.title]);
}

/** Names of the programmes and modules in the viewer's language (what a shared figure is about). */
export function contentNames(content: Pick<ReportContent, 'programmes' | 'modules'>, locale: Locale): Map<string, string> {
  return new Map([...content.programmes.map((p) => [p.id, pick(p.title, locale)] as const), ...content.modules.map((m) => [m.id, pick(m.title, locale)] as const)]);
}

/** What a compared figure is about, in words: a module, a programme, a quarter, or the whole council. */
export function comparedSubject(t: Translate, names: ReadonlyMap<string, string>, compared: Pick<ComparedFigure, 'subject'>): string {
  if (compared.subject === null) return t('comparison.wholeCouncil');
  // Quarters by the name the report gives them ("Q1 2026", "Chwarter 1 2026").
  return parseQuarter(compared.subject) ? quarterName(t, compared.subject) : (names.get(compared.subject) ?? compared.subject);
}

// Percentages and scores to one decimal place, coefficients and changes to two.
const COMPARED_FORMAT: Readonly<Record<SharedFigureKind, { digits: number; percent: boolean }>> = {
  'first-attempt': { digits: 1, percent: true },
  confidence: { digits: 2, percent: false },
  'miti-reflection-to-question': { digits: 2, percent: false },
  'miti-percent-complex-reflections': { digits: 1, percent: true },
  'miti-mi-adherent-share': { digits: 1, percent: true },
  alpha: { digits: 2, percent: false },
  panel: { digits: 1, percent: true },
  'one-to-one': { digits: 1, percent: true },
};

/** A compared value as the report writes the figure it is (a percentage with %, a coefficient to two places). */
export function formatCompared(locale: Locale, kind: SharedFigureKind, value: number): string {
  const { digits, percent } = COMPARED_FORMAT[kind];
  const text = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
  return percent ? `${text}%` : text;
}

/** A compared figure in words: "Median of N councils: x", with "range a–b" when allowed, or the note that there are not enough councils yet. */
export function comparedText(t: Translate, locale: Locale, compared: ComparedFigure): { median: string; range: string | null } {
  if (compared.median === null) return { median: t('comparison.notEnough'), range: null };
  const format = (value: number) => formatCompared(locale, compared.kind, value);
  return {
    median: t('comparison.median', { count: compared.contributors, value: format(compared.median) }),
    range: compared.range ? t('comparison.range', { low: format(compared.range.low), high: format(compared.range.high) }) : null,
  };
}

/** A report scope's name as the page shows it. */
export function reportScopeName(t: Translate, option: ReportScopeOption): string {
  return option.kind === 'organisation' ? t('report.scope.organisation') : t(labelKey('report.scope', option.kind), { name: option.name });
}

/** A computed recommendation in words, with the figures that raised it. */
export function recommendationText(t: Translate, locale: Locale, names: ReadonlyMap<string, string>, flag: Recommendation): string {
  const num = (value: number, digits: number) => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value);
  // Three places, rounded down, so an alpha just under the rule's 0.667 never reads as reaching it.
  const belowThreshold = (value: number) => new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(Math.floor(value * 1000 + 1e-9) / 1000);
  switch (flag.rule) {
    case 'team-decision-agreement-low':
      return t('report.flags.team-decision-agreement-low', { name: names.get(flag.teamId) ?? flag.teamId, alpha: belowThreshold(flag.figures.alpha), raters: flag.figures.raters });
    case 'rollout-phase-at-risk':
      return t('report.flags.rollout-phase-at-risk', { name: names.get(flag.phaseId) ?? flag.phaseId, projected: flag.figures.projectedPercent === null ? '–' : num(flag.figures.projectedPercent, 0), target: flag.figures.targetPercent });
    case 'confidence-not-improving':
      return t('report.flags.confidence-not-improving', { name: names.get(flag.programmeId) ?? flag.programmeId, difference: num(flag.figures.meanDifference, 2), low: num(flag.figures.ci95[0], 2), high: num(flag.figures.ci95[1], 2), n: flag.figures.n });
    case 'workshop-usefulness-low':
      return t('report.flags.workshop-usefulness-low', { name: names.get(flag.programmeId) ?? flag.programmeId, mean: num(flag.figures.meanUsefulness, 1), reactions: flag.figures.reactions });
    case 'team-one-to-one-gap':
      return t('report.flags.team-one-to-one-gap', { name: names.get(flag.teamId) ?? flag.teamId, without: flag.figures.withoutSession, mentees: flag.figures.mentees, percent: num(flag.figures.percentWithout, 0) });
  }
}

/** A recommendation rule in words. */
export function recommendationRule(t: Translate, flag: Recommendation): string {
  const { key, params } = ruleText(flag.rule);
  return t(key, params);
}

/** The period as the report's subtitle and the exports write it. */
export function reportPeriodText(locale: Locale, period: ReportPeriod): string {
  return `${formatDay(locale, period.from)} – ${formatDay(locale, period.to)}`;
}

/** A quarter by the name the indicators page gives it ("Q3 2025", "Chwarter 3 2025"). */
export function quarterName(t: Translate, quarter: string): string {
  return t('indicators.quarterName', { n: quarter.slice(6), year: quarter.slice(0, 4) });
}

/** A quarter of the report's period by name, with the dates the period covers of it when that is only part of the quarter. */
export function quarterLabel(t: Translate, locale: Locale, quarter: string, period: Period): string {
  const known = parseQuarter(quarter);
  if (!known) return quarter;
  const dates = quarterDates(known);
  const from = dates.from < period.from ? period.from : dates.from;
  const to = dates.to > period.to ? period.to : dates.to;
  if (from === dates.from && to === dates.to) return quarterName(t, quarter);
  return t('report.levels.quarterPart', { quarter: quarterName(t, quarter), from: formatDay(locale, from), to: formatDay(locale, to) });
}

/** An agreement coefficient's plain reading, or why it is undefined in the consistency page's words. */
export function coefficientMeaning(t: Translate, c: Coefficient): string {
  return c.value === null ? t(labelKey('consistency.undefined', c.reason ?? 'no-variation')) : t(c.reading);
}

/** The columns of a consistency table (by quarter or by calibration round), after the one naming the row. */
export function consistencyColumns(t: Translate): string[] {
  return [
    t('report.levels.n'),
    t('report.levels.behaviour.alpha'),
    t('report.levels.behaviour.reading'),
    t('report.levels.behaviour.likelihood'),
    t('report.levels.behaviour.likelihoodReading'),
    t('report.levels.behaviour.kappa'),
    t('report.levels.behaviour.kappaReading'),
    t('report.levels.behaviour.panel'),
  ];
}

/**
 * A consistency figure as the cells after n of its table row, in `consistencyColumns` order:
 * each coefficient with its reading (or why it is undefined), kappa with its own n; null when withheld.
 */
export function consistencyCells(t: Translate, locale: Locale, f: Figure<DecisionConsistency>): string[] | null {
  const v = f.value;
  if (!v) return null;
  const two = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const one = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const value = (c: Coefficient) => (c.value === null ? t('report.levels.notDefined') : two.format(c.value));
  const kappa = v.decisionKappa;
  return [
    value(v.decisionAlpha),
    coefficientMeaning(t, v.decisionAlpha),
    value(v.likelihoodAlpha),
    coefficientMeaning(t, v.likelihoodAlpha),
    `${kappa.value ? value(kappa.value) : withheldText(t)} (n = ${kappa.n})`,
    kappa.value ? coefficientMeaning(t, kappa.value) : withheldText(t),
    `${one.format(v.percentWithPanel)}%`,
  ];
}

/** What a withheld figure says instead of its value. */
export function withheldText(t: Translate): string {
  return t('report.levels.withheld', { minimum: SMALL_GROUP_MINIMUM });
}

/** The ratings 1–5 a workshop reaction gives, as the columns of its distribution. */
export const REACTION_RATINGS = [1, 2, 3, 4, 5] as const;

/** The Results level's charts: indicators of one scale drawn together (the page and the exports share these). */
export const RESULTS_CHARTS = [
  { id: 'register', title: 'report.results.chart.register', days: false, indicators: ['children-on-register'] },
  { id: 'movement', title: 'report.results.chart.movement', days: false, indicators: ['registrations', 'deregistrations', 're-registrations-12-months'] },
  { id: 'duration', title: 'report.results.chart.duration', days: true, indicators: ['average-days-on-register'] },
  { id: 'conferences', title: 'report.results.chart.conferences', days: false, indicators: ['initial-conferences', 'initial-conferences-three-or-fewer-areas'] },
  { id: 'core-groups', title: 'report.results.chart.coreGroups', days: false, indicators: ['core-groups', 'core-groups-within-10-working-days'] },
] as const;

/** A chart's quarters: a quarter missing one of its indicators is left out of that chart. */
export function resultsChartPoints(results: ResultsLevel, chart: (typeof RESULTS_CHARTS)[number]): ResultsLevel['quarters'] {
  return results.quarters.filter((q) => chart.indicators.every((i) => q.values[i] !== null));
}

const para = (text: string) => ({ kind: 'paragraph' as const, text });
const tableBlock = (table: ReportTable) => ({ kind: 'table' as const, table });

/** The whole report as a document in the viewer's language: the page's headings, readings and tables. */
export function reportDocument(data: EvaluationReportData, t: Translate, locale: Locale): ReportDocument {
  const { levels, results, names, notes } = data;
  const name = (id: string) => names.get(id) ?? id;
  const withheld = withheldText(t);
  const notDefined = t('report.levels.notDefined');
  const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
  const quarter = (q: string) => quarterLabel(t, locale, q, data.period);
  const consistencyRow = (label: string, f: Figure<DecisionConsistency>) => [label, f.n, ...(consistencyCells(t, locale, f) ?? consistencyColumns(t).slice(1).map(() => withheld))];
  const none = para(t('report.levels.none'));
  const sections: DocumentSection[] = [];

  if (levels) {
    const reactions = levels.reaction.programmes;
    sections.push({
      heading: `1 ${t(sectionKey('reaction'))}`,
      blocks: [
        para(t('report.levels.reaction.intro')),
        reactions.length === 0
          ? none
          : tableBlock({
              caption: t('report.levels.reaction.caption'),
              columns: [t('report.levels.programme'), t('report.levels.n'), ...REACTION_ITEMS.map((item) => t(labelKey('report.levels.reaction.item', item)))],
              rows: reactions.map((r) => [name(r.programmeId), r.figure.n, ...REACTION_ITEMS.map((item) => (r.figure.value ? round(r.figure.value[item].mean, 1) : withheld))]),
            }),
        ...(reactions.some((r) => r.figure.value)
          ? [
              tableBlock({
                caption: t('report.levels.reaction.countsCaption'),
                columns: [t('report.levels.programme'), t('report.levels.reaction.question'), t('report.levels.n'), ...REACTION_RATINGS.map((rating) => t('report.levels.reaction.rating', { rating }))],
                rows: reactions.flatMap((r) => {
                  const value = r.figure.value;
                  return value ? REACTION_ITEMS.map((item) => [name(r.programmeId), t(labelKey('report.levels.reaction.item', item)), r.figure.n, ...value[item].counts]) : [];
                }),
              }),
            ]
          : []),
        ...(levels.reaction.comments
          ? [
              para(t('report.levels.reaction.comments', { n: levels.reaction.comments.length })),
              ...(levels.reaction.comments.length === 0 ? [none] : levels.reaction.comments.map((c) => para(`${name(c.programmeId)}: ${c.text}`))),
            ]
          : []),
      ],
    });
    const { firstAttempts, confidence, miti } = levels.learning;
    sections.push({
      heading: `2 ${t(sectionKey('learning'))}`,
      blocks: [],
      sections: [
        {
          heading: t('report.levels.learning.checks'),
          blocks: [
            firstAttempts.length === 0
              ? none
              : tableBlock({
                  caption: t('report.levels.learning.checksCaption'),
                  columns: [t('report.levels.module'), t('report.levels.n'), t('report.levels.mean'), t('report.levels.median'), t('report.levels.learning.distribution')],
                  rows: firstAttempts.map((r) =>
                    r.figure.value
                      ? [name(r.moduleId), r.figure.n, `${round(r.figure.value.mean, 1)}%`, `${round(r.figure.value.median, 1)}%`, r.figure.value.distribution.join(' · ')]
                      : [name(r.moduleId), r.figure.n, withheld, withheld, withheld],
                  ),
                }),
          ],
        },
        {
          heading: t('report.levels.learning.confidence'),
          blocks:
            confidence.length === 0
              ? [none]
              : [
                  ...confidence.flatMap((c) => {
                    const reading = c.figure.value?.reading;
                    if (!reading) return [];
                    const key = ({ 'tna.reading.improved': 'confidence.reading.improved', 'tna.reading.worse': 'confidence.reading.worse', 'tna.reading.noChange': 'confidence.reading.noChange' } as const)[reading.key];
                    return [para(t(key, { programme: name(c.programmeId), before: round(reading.params.meanBefore, 1), after: round(reading.params.meanAfter, 1), n: reading.params.n }))];
                  }),
                  tableBlock({
                    caption: t('report.levels.learning.confidenceCaption'),
                    columns: [t('report.levels.programme'), t('report.levels.n'), t('report.levels.before'), t('report.levels.after'), t('report.levels.learning.interval')],
                    rows: confidence.map((c) => {
                      const change = c.figure.value?.change;
                      if (!change || change.meanBefore === null || change.meanAfter === null) return [name(c.programmeId), c.figure.n, withheld, withheld, withheld];
                      return [name(c.programmeId), c.figure.n, round(change.meanBefore, 1), round(change.meanAfter, 1), change.ci95 ? `${round(change.ci95[0], 2)} – ${round(change.ci95[1], 2)}` : notDefined];
                    }),
                  }),
                ],
        },
        {
          heading: t('report.levels.learning.miti'),
          blocks: [
            para(t('report.levels.learning.mitiIntro')),
            tableBlock({
              caption: t('report.levels.learning.mitiCaption'),
              columns: [t('report.levels.measure'), t('report.levels.n'), t('report.levels.first'), t('report.levels.latest')],
              rows: MITI_MEASURES.map((m) => {
                const f = miti[m];
                return [t(labelKey('report.levels.miti', m)), f.n, f.value ? round(f.value.first, 1) : withheld, f.value ? round(f.value.latest, 1) : withheld];
              }),
            }),
          ],
        },
      ],
    });
    const { byQuarter, byRound, rubricScores, actions, oneToOne } = levels.behaviour;
    sections.push({
      heading: `3 ${t(sectionKey('behaviour'))}`,
      blocks: data.chosen.kind === 'programme' ? [para(t('report.levels.behaviour.wholeStaff'))] : [],
      sections: [
        {
          heading: t('report.levels.behaviour.consistency'),
          blocks: [
            tableBlock({
              caption: t('report.levels.behaviour.consistencyCaption'),
              columns: [t('report.levels.quarter'), ...consistencyColumns(t)],
              rows: byQuarter.map((q) => consistencyRow(quarter(q.quarter), q.figure)),
            }),
            ...(byRound.length === 0
              ? []
              : [
                  tableBlock({
                    caption: t('report.levels.behaviour.roundsCaption'),
                    columns: [t('report.levels.behaviour.round'), ...consistencyColumns(t)],
                    rows: byRound.map((r) => consistencyRow(name(r.roundId), r.figure)),
                  }),
                ]),
          ],
        },
        {
          heading: t('report.levels.behaviour.rubric'),
          blocks: [
            rubricScores.length === 0
              ? none
              : tableBlock({
                  caption: t('report.levels.behaviour.rubricCaption'),
                  columns: [t('report.levels.behaviour.criterion'), t('report.levels.quarter'), t('report.levels.n'), t('report.levels.mean')],
                  rows: rubricScores.map((r) => [name(`${r.rubricId}/${r.criterionId}`), quarter(r.quarter), r.figure.n, r.figure.value === null ? withheld : round(r.figure.value, 1)]),
                }),
          ],
        },
        {
          heading: t('report.levels.behaviour.actions'),
          blocks: [
            actions.length === 0
              ? none
              : tableBlock({
                  caption: t('report.levels.behaviour.actionsCaption'),
                  columns: [t('report.levels.quarter'), t('report.levels.n'), t('report.levels.behaviour.agreed'), t('report.levels.behaviour.completed')],
                  rows: actions.map((a) => (a.figure.value ? [quarter(a.quarter), a.figure.n, a.figure.value.agreed, a.figure.value.completed] : [quarter(a.quarter), a.figure.n, withheld, withheld])),
                }),
          ],
        },
        {
          heading: t('report.levels.behaviour.oneToOne'),
          blocks: [
            para(
              oneToOne.value
                ? t('report.levels.behaviour.oneToOneShare', { percent: Math.round(oneToOne.value.percent), with: oneToOne.value.withSession, n: oneToOne.n })
                : `${withheld} (n = ${oneToOne.n})`,
            ),
          ],
        },
      ],
    });
  }

  if (data.comparison) {
    sections.push({
      heading: t('comparison.report.heading'),
      blocks: [
        para(`${t('comparison.report.intro')} ${t('comparison.mitiLatest')}`),
        data.comparison.length === 0
          ? para(t('comparison.none'))
          : tableBlock({
              caption: t('comparison.caption'),
              columns: [t('comparison.column.figure'), t('comparison.column.subject'), t('comparison.column.median'), t('comparison.column.range')],
              rows: data.comparison.map((c) => {
                const text = comparedText(t, locale, c);
                return [t(glossaryEntry(c.figure).nameKey), comparedSubject(t, names, c), text.median, text.range ?? '–'];
              }),
            }),
      ],
    });
  }
  sections.push({
    heading: t('report.results.heading'),
    blocks: [
      para(t('report.results.intro')),
      para(t('report.results.association')),
      ...(data.chosen.kind !== 'organisation' ? [para(t('report.results.wholeService'))] : []),
      ...(results.quarters.length === 0 ? [para(t('report.results.empty'))] : [para(t('report.results.missing'))]),
    ],
    sections: [
      ...(results.quarters.length === 0
        ? []
        : RESULTS_CHARTS.map((chart) => {
            const points = resultsChartPoints(results, chart);
            return {
              heading: t(chart.title),
              blocks: [
                points.length === 0
                  ? para(t('report.results.chart.none'))
                  : tableBlock({
                      caption: t(chart.title),
                      columns: [t('report.results.quarterEnd'), ...chart.indicators.map((i) => t(labelKey('report.results.series', i)))],
                      rows: points.map((q) => [formatDay(locale, q.endsOn), ...chart.indicators.map((i) => q.values[i])]),
                    }),
              ],
            };
          })),
      {
        heading: t('report.results.phases.heading'),
        blocks: [
          results.phases.length === 0
            ? para(t('report.results.phases.empty'))
            : tableBlock({
                caption: t('report.results.phases.caption'),
                columns: [t('report.results.phases.name'), t('report.results.phases.from'), t('report.results.phases.to')],
                rows: results.phases.map((p) => [p.name, formatDay(locale, p.startsOn), formatDay(locale, p.endsOn)]),
              }),
        ],
      },
    ],
  });

  if (levels) {
    sections.push({
      heading: t('report.flags.heading'),
      blocks: [
        para(t('report.flags.intro')),
        ...(levels.recommendations.length === 0
          ? [para(t('report.flags.none'))]
          : levels.recommendations.map((flag) =>
              para(`${t(`evaluation.glossary.rule-${flag.rule}.name`)}: ${recommendationText(t, locale, names, flag)} ${t('report.flags.rule', { text: recommendationRule(t, flag) })}`),
            )),
      ],
    });
  }
  sections.push({
    heading: t('report.notes.heading'),
    blocks: notes.current
      ? [
          ...notes.current.text.split(/\n{2,}/).map(para),
          para(t('report.notes.by', { name: notes.current.authorName ?? t('report.notes.formerStaff'), date: formatDateTime(locale, notes.current.at) })),
        ]
      : [para(t('report.notes.none'))],
  });
  sections.push({
    heading: t('report.glossary.heading'),
    blocks: [
      para(t('report.glossary.intro')),
      ...GLOSSARY.map((entry) => para(`${t(entry.nameKey)}: ${t(entry.definitionKey, entry.params)}`)),
      ...(data.comparison ? COMPARISON_NOTES.map((note) => para(`${t(note.nameKey)}: ${t(note.definitionKey, note.params)}`)) : []),
      ...REPORT_NOTES.map((note) => para(t(note.key, note.params))),
    ],
  });
  return {
    locale,
    title: t('report.title'),
    // The figures of levels 1–3 may have been kept for a while: the document says when they were worked out, as the page does.
    subtitle: [
      t('report.showing', { scope: reportScopeName(t, data.chosen), from: formatDay(locale, data.period.from), to: formatDay(locale, data.period.to) }),
      ...(data.computedAt === null ? [] : [t('report.computed.document', { time: formatDateTime(locale, data.computedAt) })]),
    ].join(' '),
    sections,
  };
}

/**
 * Every figure of the report as a record with its glossary name and definition, period, scope,
 * subject, value and n, in the viewer's language. A suppressed figure carries no value.
 */
export function figureRecords(data: EvaluationReportData, t: Translate, locale: Locale): FigureRecord[] {
  const { levels, results, names } = data;
  const period = reportPeriodText(locale, data.period);
  const scopeName = reportScopeName(t, data.chosen);
  const name = (id: string) => names.get(id) ?? id;
  const records: FigureRecord[] = [];
  const quarter = (q: string) => quarterLabel(t, locale, q, data.period);
  // A part of a figure (a count, a median, an interval's end) keeps the figure's definition under an id and name of its own.
  type Part = { id: string; label: MessageKey; params?: Record<string, string | number> };
  const add = (level: EvaluationLevel, id: GlossaryId, subject: string, n: number | null, value: number | null, suppressed: boolean, extra: { part?: Part; reading?: string | null } = {}) => {
    const entry = glossaryEntry(id);
    const { part, reading } = extra;
    records.push({
      level,
      figure: part ? `${id}-${part.id}` : id,
      name: part ? `${t(entry.nameKey)} (${t(part.label, part.params)})` : t(entry.nameKey),
      definition: t(entry.definitionKey, entry.params),
      period,
      scope: scopeName,
      subject,
      value: suppressed ? null : value,
      n,
      suppressed,
      ...(reading && !suppressed ? { reading } : {}),
    });
  };
  if (levels) {
    const ITEM_FIGURE = { usefulness: 'reaction-usefulness', relevance: 'reaction-relevance', confidence: 'reaction-confidence' } as const;
    for (const r of levels.reaction.programmes) for (const item of REACTION_ITEMS) add(1, ITEM_FIGURE[item], name(r.programmeId), r.figure.n, r.figure.value?.[item].mean ?? null, r.figure.suppressed);
    for (const r of levels.reaction.programmes)
      for (const item of REACTION_ITEMS)
        for (const rating of REACTION_RATINGS)
          add(1, ITEM_FIGURE[item], name(r.programmeId), r.figure.n, r.figure.value?.[item].counts[rating - 1] ?? null, r.figure.suppressed, { part: { id: `rated-${rating}`, label: 'evaluationExport.part.rated', params: { rating } } });
    for (const r of levels.learning.firstAttempts) {
      add(2, 'first-attempt-score', name(r.moduleId), r.figure.n, r.figure.value?.mean ?? null, r.figure.suppressed);
      add(2, 'first-attempt-score', name(r.moduleId), r.figure.n, r.figure.value?.median ?? null, r.figure.suppressed, { part: { id: 'median', label: 'evaluationExport.part.median' } });
      for (let bin = 0; bin < SCORE_BINS; bin++) {
        const band = `${bin * 10}–${bin === SCORE_BINS - 1 ? 100 : bin * 10 + 9}%`;
        add(2, 'first-attempt-distribution', `${name(r.moduleId)}: ${band}`, r.figure.n, r.figure.value?.distribution[bin] ?? null, r.figure.suppressed);
      }
    }
    for (const c of levels.learning.confidence) {
      const change = c.figure.value?.change;
      const subject = name(c.programmeId);
      add(2, 'confidence-change', subject, c.figure.n, change?.meanDifference ?? null, c.figure.suppressed);
      add(2, 'confidence-change', subject, c.figure.n, change?.meanBefore ?? null, c.figure.suppressed, { part: { id: 'mean-before', label: 'evaluationExport.part.meanBefore' } });
      add(2, 'confidence-change', subject, c.figure.n, change?.meanAfter ?? null, c.figure.suppressed, { part: { id: 'mean-after', label: 'evaluationExport.part.meanAfter' } });
      add(2, 'confidence-change', subject, c.figure.n, change?.ci95?.[0] ?? null, c.figure.suppressed, { part: { id: 'ci95-low', label: 'evaluationExport.part.ciLow' } });
      add(2, 'confidence-change', subject, c.figure.n, change?.ci95?.[1] ?? null, c.figure.suppressed, { part: { id: 'ci95-high', label: 'evaluationExport.part.ciHigh' } });
    }
    const MITI_FIGURE = { reflectionToQuestion: 'miti-reflection-to-question', percentComplexReflections: 'miti-percent-complex-reflections', miAdherentShare: 'miti-mi-adherent-share' } as const;
    for (const m of MITI_MEASURES) {
      const f = levels.learning.miti[m];
      add(2, MITI_FIGURE[m], t('report.levels.first'), f.n, f.value?.first ?? null, f.suppressed);
      add(2, MITI_FIGURE[m], t('report.levels.latest'), f.n, f.value?.latest ?? null, f.suppressed);
    }
    // Each coefficient carries its plain reading, or why it is undefined.
    const consistency = (subject: string, f: Figure<DecisionConsistency>) => {
      const v = f.value;
      add(3, 'decision-alpha', subject, f.n, v?.decisionAlpha.value ?? null, f.suppressed, { reading: v && coefficientMeaning(t, v.decisionAlpha) });
      add(3, 'likelihood-alpha', subject, f.n, v?.likelihoodAlpha.value ?? null, f.suppressed, { reading: v && coefficientMeaning(t, v.likelihoodAlpha) });
      const kappa = v?.decisionKappa;
      add(3, 'decision-kappa', subject, kappa?.n ?? f.n, kappa?.value?.value ?? null, f.suppressed || (kappa?.suppressed ?? true), { reading: kappa?.value && coefficientMeaning(t, kappa.value) });
      add(3, 'panel-agreement', subject, f.n, v?.percentWithPanel ?? null, f.suppressed);
    };
    for (const q of levels.behaviour.byQuarter) consistency(quarter(q.quarter), q.figure);
    for (const r of levels.behaviour.byRound) consistency(name(r.roundId), r.figure);
    for (const r of levels.behaviour.rubricScores) add(3, 'rubric-score', `${name(`${r.rubricId}/${r.criterionId}`)} (${quarter(r.quarter)})`, r.figure.n, r.figure.value, r.figure.suppressed);
    for (const a of levels.behaviour.actions) {
      add(3, 'actions-agreed', quarter(a.quarter), a.figure.n, a.figure.value?.agreed ?? null, a.figure.suppressed);
      add(3, 'actions-completed', quarter(a.quarter), a.figure.n, a.figure.value?.completed ?? null, a.figure.suppressed);
    }
    const share = levels.behaviour.oneToOne;
    add(3, 'one-to-one-share', scopeName, share.n, share.value?.percent ?? null, share.suppressed);
    add(3, 'one-to-one-share', scopeName, share.n, share.value?.withSession ?? null, share.suppressed, { part: { id: 'count', label: 'evaluationExport.part.withSession' } });
  }
  // The comparison is of whole councils whatever the scope; n is the number of councils behind a
  // median shown, and no count at all while it is withheld (as the page says only "not enough").
  for (const c of data.comparison ?? []) {
    const entry = glossaryEntry(c.figure);
    const level: EvaluationLevel = entry.section === 'learning' ? 2 : 3;
    const subject = comparedSubject(t, names, c);
    const [median, range] = COMPARISON_NOTES;
    const row = (figure: string, label: MessageKey, definition: string, value: number | null) =>
      records.push({ level, figure, name: `${t(entry.nameKey)} (${t(label)})`, definition, period, scope: t('report.scope.organisation'), subject, value, n: c.median === null ? null : c.contributors, suppressed: value === null });
    row('comparison-median', 'comparison.export.median', t(median.definitionKey, median.params), c.median);
    row('comparison-range-low', 'comparison.export.low', t(range.definitionKey, range.params), c.range?.low ?? null);
    row('comparison-range-high', 'comparison.export.high', t(range.definitionKey, range.params), c.range?.high ?? null);
  }
  // Service indicators are aggregate numbers entered for the whole service: no n, never suppressed.
  for (const q of results.quarters) for (const indicator of SERVICE_INDICATORS) if (q.values[indicator] !== null) add(4, `indicator-${indicator}`, quarter(q.quarter), null, q.values[indicator], false);
  return records;
}

/** The exports' file name: the report's name and today's date, in the viewer's language. */
export function reportFileName(locale: Locale, today: string, extension: 'docx' | 'csv' | 'json'): string {
  return `${locale === 'cy' ? 'gwerthuso' : 'evaluation'}-${today}.${extension}`;
}
