// The comparison between councils as the platform operator reads it: the councils taking part and the medians and ranges, never a named council's figure.
import { platformComparison, type EvaluationContent, type PlatformComparison, type ReportPeriod } from '../evaluation/index.ts';
import type { OperatorScope } from '../people/index.ts';

/** The comparison for an operator's request (holding an operator scope is what lets them ask). */
export function operatorComparison(scope: OperatorScope, period: ReportPeriod, content: EvaluationContent): Promise<PlatformComparison> {
  return platformComparison(scope.db, period, content, scope.now);
}
