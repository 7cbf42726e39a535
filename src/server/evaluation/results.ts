import { isCalendarDate, londonDate } from '../../domain/common/index.ts';
import { parseQuarter, quarterDates } from '../../domain/evaluation/index.ts';
import type { Scope } from '../people/index.ts';
import type { FieldErrors } from '../platform/index.ts';
import { listPhases, type Phase } from '../training/index.ts';
import { currentIndicators, type QuarterIndicators } from './indicators.ts';
import type { ReportScopeOption } from './report-scope.ts';

/** The report's period: calendar dates, both days included. */
export type ReportPeriod = { from: string; to: string };

/** A quarter's indicators with its first and last day, for drawing it on a time line. */
export type QuarterPoint = QuarterIndicators & { startsOn: string; endsOn: string };

/** Level 4 of the report: the indicators of the quarters that overlap the period, and the rollout phases beside them. */
export type ResultsLevel = { quarters: QuarterPoint[]; phases: Phase[] };

/** A quarter's first and last day, for drawing it on a time line. */
function quarterDays(quarter: string): { startsOn: string; endsOn: string } {
  const known = parseQuarter(quarter);
  if (!known) throw new Error(`not a quarter: ${quarter}`);
  const { from, to } = quarterDates(known);
  return { startsOn: from, endsOn: to };
}

/**
 * The period asked for in the report's query (`from`, `to`), or the two years to today (Europe/London)
 * where one is missing; a date that is not real, or an end before the start, is named and the default used.
 */
export function readReportPeriod(query: URLSearchParams, nowMs: number): { period: ReportPeriod; errors: FieldErrors } {
  const today = londonDate(nowMs);
  const fallback = { from: `${Number(today.slice(0, 4)) - 2}${today.slice(4, 8)}01`, to: today };
  const errors: FieldErrors = {};
  const from = query.get('from')?.trim() || fallback.from;
  const to = query.get('to')?.trim() || fallback.to;
  if (!isCalendarDate(from)) errors.from = { key: 'report.errors.date' };
  if (!isCalendarDate(to)) errors.to = { key: 'report.errors.date' };
  else if (isCalendarDate(from) && to < from) errors.to = { key: 'report.errors.endBeforeStart' };
  return { period: Object.keys(errors).length ? fallback : { from, to }, errors };
}

/**
 * The Results level for a scope the viewer may see: the organisation's service indicators (they are
 * recorded for the whole service, whatever the scope) for each quarter overlapping the period, and the
 * rollout phases of the scope that overlap it.
 */
export async function resultsOf(scope: Scope, option: Pick<ReportScopeOption, 'kind' | 'id' | 'teamIds'>, period: ReportPeriod): Promise<ResultsLevel> {
  const [indicators, phases] = await Promise.all([currentIndicators(scope), listPhases(scope)]);
  const quarters = indicators
    .map((q) => ({ ...q, ...quarterDays(q.quarter) }))
    .filter((q) => q.startsOn <= period.to && q.endsOn >= period.from);
  const inScope = (p: Phase) =>
    option.kind === 'phase' ? p.id === option.id : option.kind === 'team' ? p.teamIds.some((id) => option.teamIds.includes(id)) : true;
  return { quarters, phases: phases.filter((p) => inScope(p) && p.startsOn <= period.to && p.endsOn >= period.from) };
}
