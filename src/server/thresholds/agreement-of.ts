import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { thresholdAttempts } from '../../../db/schema/index.ts';
import { londonDate } from '../../domain/common/index.ts';
import { agreementByMonth, type MonthAgreement } from '../../domain/thresholds/index.ts';
import { mayOnPerson, type PersonTarget } from '../access/index.ts';
import { listVignettes } from '../content/index.ts';
import { personTarget, type Scope } from '../people/index.ts';

/** Each vignette's panel decision, from the content (tests pass their own). */
export type PanelDecisions = ReadonlyMap<string, string>;

/** The panel's decision on every vignette of the training content. */
export async function loadPanelDecisions(): Promise<PanelDecisions> {
  return new Map((await listVignettes()).map((v) => [v.id, v.panel.decision.answer]));
}

/**
 * How often a person's finished threshold decisions agreed with the panel, by month, for their
 * mentor ('mentoring.progress.view'); null for anyone else.
 */
export async function panelAgreementOverTime(scope: Scope, personId: string, panel?: PanelDecisions): Promise<MonthAgreement[] | null> {
  const target = await personTarget(scope.db, personId);
  if (!target || !mayOnPerson(scope.viewer, 'mentoring.progress.view', target)) return null;
  const decisions = panel ?? (await loadPanelDecisions());
  const rows = await scope.db
    .select({ vignetteId: thresholdAttempts.vignetteId, decision: thresholdAttempts.decision, completedAt: thresholdAttempts.completedAt })
    .from(thresholdAttempts)
    .where(and(eq(thresholdAttempts.personId, personId), eq(thresholdAttempts.organisationId, scope.organisationId), eq(thresholdAttempts.status, 'complete'), isNotNull(thresholdAttempts.decision), isNotNull(thresholdAttempts.completedAt)))
    .orderBy(asc(thresholdAttempts.completedAt));
  return agreementByMonth(rows.map((r) => ({ date: londonDate(r.completedAt ?? 0), decision: r.decision ?? '', panel: decisions.get(r.vignetteId) ?? null })));
}

/**
 * Each person's finished threshold decisions on vignettes with a panel answer, and how many agreed
 * with the panel, in one query (the overview); people the viewer may not follow are left out.
 */
export async function panelAgreementOfMany(scope: Scope, targets: readonly PersonTarget[], panel?: PanelDecisions): Promise<Map<string, { decisions: number; agreed: number }>> {
  const ids = targets.filter((t) => mayOnPerson(scope.viewer, 'mentoring.progress.view', t)).map((t) => t.id);
  const result = new Map(ids.map((id) => [id, { decisions: 0, agreed: 0 }]));
  if (!ids.length) return result;
  const decisions = panel ?? (await loadPanelDecisions());
  const rows = await scope.db
    .select({ personId: thresholdAttempts.personId, vignetteId: thresholdAttempts.vignetteId, decision: thresholdAttempts.decision })
    .from(thresholdAttempts)
    .where(and(inArray(thresholdAttempts.personId, ids), eq(thresholdAttempts.organisationId, scope.organisationId), eq(thresholdAttempts.status, 'complete'), isNotNull(thresholdAttempts.decision), isNotNull(thresholdAttempts.completedAt)));
  for (const r of rows) {
    const answer = decisions.get(r.vignetteId);
    const counts = result.get(r.personId);
    if (answer === undefined || !counts) continue;
    counts.decisions += 1;
    if (r.decision === answer) counts.agreed += 1;
  }
  return result;
}
