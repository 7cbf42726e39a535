import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { thresholdAttempts } from '../../../db/schema/index.ts';
import { londonDate } from '../../domain/common/index.ts';
import { agreementByMonth, type MonthAgreement } from '../../domain/thresholds/index.ts';
import { mayOnPerson } from '../access/index.ts';
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
