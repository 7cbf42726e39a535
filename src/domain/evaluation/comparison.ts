// The anonymous comparison between councils: which of a council's report figures it shares, and the median and range across councils.
import { SMALL_GROUP_MINIMUM } from '../common/index.ts';
import type { consistencyByQuarter, oneToOneShare } from './behaviour.ts';
import type { FigureId } from './definitions.ts';
import { median, type confidenceByProgramme, type firstAttemptScores, type mitiFirstAndLatest, type MitiMeasure } from './learning.ts';

/** A median across councils is shown only when at least this many contribute to it. */
export const COMPARISON_MEDIAN_MINIMUM = 3;
/** The range is shown only from this many contributors: with 3 or 4 its ends would reveal another council's figure. */
export const COMPARISON_RANGE_MINIMUM = 5;
/** A council's figure counts only when it describes at least this many people (its n). */
export const COMPARISON_CONTRIBUTION_MINIMUM = SMALL_GROUP_MINIMUM;

/** The kinds of shared figure, in report order: each is a key prefix and names the report figure it is. */
export const SHARED_FIGURE_KINDS = [
  'first-attempt',
  'confidence',
  'miti-reflection-to-question',
  'miti-percent-complex-reflections',
  'miti-mi-adherent-share',
  'alpha',
  'panel',
  'one-to-one',
] as const;
export type SharedFigureKind = (typeof SHARED_FIGURE_KINDS)[number];

/** The report figure (its glossary entry) each kind of shared figure is. */
export const SHARED_FIGURE_OF: Readonly<Record<SharedFigureKind, FigureId>> = {
  'first-attempt': 'first-attempt-score',
  confidence: 'confidence-change',
  'miti-reflection-to-question': 'miti-reflection-to-question',
  'miti-percent-complex-reflections': 'miti-percent-complex-reflections',
  'miti-mi-adherent-share': 'miti-mi-adherent-share',
  alpha: 'decision-alpha',
  panel: 'panel-agreement',
  'one-to-one': 'one-to-one-share',
};

const MITI_KIND: Readonly<Record<MitiMeasure, SharedFigureKind>> = {
  reflectionToQuestion: 'miti-reflection-to-question',
  percentComplexReflections: 'miti-percent-complex-reflections',
  miAdherentShare: 'miti-mi-adherent-share',
};

/**
 * One council's figure for one shared figure: `key` is stable across councils (`<kind>` or
 * `<kind>:<subject>`, the subject a module id, programme id or quarter), `n` what the figure counts.
 */
export type SharedFigure = { key: string; kind: SharedFigureKind; subject: string | null; value: number; n: number };

/** The parts of a council's evaluation levels (organisation-wide) that the comparison reads. */
export type SharedFigureSource = {
  learning: { firstAttempts: ReturnType<typeof firstAttemptScores>; confidence: ReturnType<typeof confidenceByProgramme>; miti: ReturnType<typeof mitiFirstAndLatest> };
  behaviour: { byQuarter: ReturnType<typeof consistencyByQuarter>; oneToOne: ReturnType<typeof oneToOneShare> };
};

const shared = (kind: SharedFigureKind, subject: string | null, value: number | null | undefined, n: number): SharedFigure[] =>
  value === null || value === undefined || !Number.isFinite(value) ? [] : [{ key: subject === null ? kind : `${kind}:${subject}`, kind, subject, value, n }];

/**
 * The figures a council shares, from its organisation-wide levels: first-attempt score per module
 * (mean %), confidence change per programme (mean difference), the MITI measures on the latest
 * practice conversation (mean over people with at least two), decision agreement (alpha) and
 * agreement with the panel (%) per quarter, and the share (%) of staff with a 1:1 in 8 weeks.
 * A suppressed or undefined figure is not shared.
 */
export function sharedFigures(levels: SharedFigureSource): SharedFigure[] {
  const { firstAttempts, confidence, miti } = levels.learning;
  const { byQuarter, oneToOne } = levels.behaviour;
  return [
    ...firstAttempts.flatMap((r) => shared('first-attempt', r.moduleId, r.figure.value?.mean, r.figure.n)),
    ...confidence.flatMap((c) => shared('confidence', c.programmeId, c.figure.value?.change.meanDifference, c.figure.n)),
    ...(Object.keys(MITI_KIND) as MitiMeasure[]).flatMap((m) => shared(MITI_KIND[m], null, miti[m].value?.latest, miti[m].n)),
    ...byQuarter.flatMap((q) => shared('alpha', q.quarter, q.figure.value?.decisionAlpha.value, q.figure.n)),
    ...byQuarter.flatMap((q) => shared('panel', q.quarter, q.figure.value?.percentWithPanel, q.figure.n)),
    ...shared('one-to-one', null, oneToOne.value?.percent, oneToOne.n),
  ];
}

/** One shared figure across councils: how many contributed, and the median and range where the rules allow them. */
export type Comparison = { contributors: number; median: number | null; range: { low: number; high: number } | null };

/**
 * The comparison of one shared figure from each council's contribution: only contributions with
 * n ≥ 5 count; the median from 3 contributors, the range (lowest–highest) from 5.
 */
export function compareFigure(contributions: readonly { value: number; n: number }[]): Comparison {
  const values = contributions.filter((c) => c.n >= COMPARISON_CONTRIBUTION_MINIMUM && Number.isFinite(c.value)).map((c) => c.value);
  const contributors = values.length;
  return {
    contributors,
    median: contributors >= COMPARISON_MEDIAN_MINIMUM ? median(values) : null,
    range: contributors >= COMPARISON_RANGE_MINIMUM ? { low: Math.min(...values), high: Math.max(...values) } : null,
  };
}

/** A shared figure compared across councils, with no council's own figure in it. */
export type ComparedFigure = { key: string; kind: SharedFigureKind; subject: string | null; figure: FigureId } & Comparison;

/**
 * Every shared figure any council has, compared across councils (one list of shared figures per
 * council, none named), in report order: kind, then subject.
 */
export function compareCouncils(councils: readonly (readonly SharedFigure[])[]): ComparedFigure[] {
  const byKey = new Map<string, { kind: SharedFigureKind; subject: string | null; contributions: { value: number; n: number }[] }>();
  for (const figures of councils) {
    for (const f of figures) {
      const entry = byKey.get(f.key) ?? { kind: f.kind, subject: f.subject, contributions: [] };
      entry.contributions.push({ value: f.value, n: f.n });
      byKey.set(f.key, entry);
    }
  }
  const order = (kind: SharedFigureKind) => SHARED_FIGURE_KINDS.indexOf(kind);
  return [...byKey]
    .map(([key, e]) => ({ key, kind: e.kind, subject: e.subject, figure: SHARED_FIGURE_OF[e.kind], ...compareFigure(e.contributions) }))
    .sort((a, b) => order(a.kind) - order(b.kind) || (a.subject ?? '').localeCompare(b.subject ?? ''));
}

/** The comparison's rules as the report's glossary states them, with the numbers they are filled with. */
export const COMPARISON_NOTES = [
  { nameKey: 'comparison.glossary.median.name', definitionKey: 'comparison.glossary.median.definition', params: { councils: COMPARISON_MEDIAN_MINIMUM, minimum: COMPARISON_CONTRIBUTION_MINIMUM } },
  { nameKey: 'comparison.glossary.range.name', definitionKey: 'comparison.glossary.range.definition', params: { councils: COMPARISON_RANGE_MINIMUM } },
] as const;
