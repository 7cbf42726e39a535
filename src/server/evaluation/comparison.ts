// The opt-in anonymous comparison between councils: who takes part, taking part or not, and the medians worked out live.
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { organisations } from '../../../db/schema/index.ts';
import { compareCouncils, sharedFigures, type ComparedFigure } from '../../domain/evaluation/index.ts';
import { mayInOrganisation } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Scope } from '../people/index.ts';
import { passingWrite } from '../platform/index.ts';
import { contentKey, organisationLevels, type EvaluationContent } from './evidence.ts';
import { keptState } from './snapshots.ts';
import type { ReportPeriod } from './results.ts';

/** A council taking part, as the operator sees it: its names only, never a figure beside them. */
export type Participant = { nameEn: string; nameCy: string };

/** The comparison as the platform operator sees it: which councils take part, and the medians and ranges. */
export type PlatformComparison = { participants: Participant[]; figures: ComparedFigure[] };

// Councils that take part: not the platform's own row, not deactivated, and opted in.
const takingPart = and(eq(organisations.kind, 'council'), isNull(organisations.deactivatedAt), isNotNull(organisations.sharesFiguresSince));

/**
 * The comparison over the councils given, worked out from live records: each council's
 * organisation-wide levels, the figures it shares, combined per figure. No council's figures are
 * kept; only the combined medians and ranges are, in this process, under the exact set of councils
 * taking part (see `keptComparison`).
 */
async function compareOrganisations(db: Db, organisationIds: readonly string[], period: ReportPeriod, content: EvaluationContent, now: Date): Promise<ComparedFigure[]> {
  return keptComparison(db, [period.from, period.to, contentKey(content), ...organisationIds].join('|'), now.getTime(), async () => {
    const perCouncil = [];
    // One council after another: the database has one connection, so nothing is gained in parallel.
    for (const id of organisationIds) perCouncil.push(sharedFigures(await organisationLevels(db, id, period, content, now)));
    return compareCouncils(perCouncil);
  });
}

/** Combined comparisons worked out in this process, per database: medians and ranges only. */
const combined = new WeakMap<Db, Map<string, { figures: Promise<ComparedFigure[]>; computedAt: number }>>();
/** How many combined comparisons (periods) a process keeps; the oldest goes first. */
const KEPT_COMPARISONS = 50;

/**
 * A combined comparison under `key` (period, content and the ids of the councils taking part, so
 * a council that joins or leaves makes a new key and the next view leaves it out or takes it in):
 * served as it is while younger than SNAPSHOT_FRESH_MS, served while worked out again once older
 * (up to SNAPSHOT_STALE_MS), worked out first when older or missing. Working out a two-year
 * comparison reads every taking-part council's records, which takes seconds at scale.
 */
async function keptComparison(db: Db, key: string, now: number, compute: () => Promise<ComparedFigure[]>): Promise<ComparedFigure[]> {
  let kept = combined.get(db);
  if (!kept) combined.set(db, (kept = new Map()));
  const entry = kept.get(key);
  const age = entry ? now - entry.computedAt : Infinity;
  const start = () => {
    const figures = compute();
    kept.delete(key);
    kept.set(key, { figures, computedAt: now });
    if (kept.size > KEPT_COMPARISONS) kept.delete(kept.keys().next().value!);
    // A failed computation is not kept: the next view tries again.
    figures.catch(() => kept.get(key)?.figures === figures && kept.delete(key));
    return figures;
  };
  if (entry && keptState(age) === 'fresh') return entry.figures;
  if (entry && keptState(age) === 'stale') {
    const served = entry.figures;
    void passingWrite('comparison worked out again', () => start());
    return served;
  }
  return start();
}

/** Whether the viewer's council takes part, and since when (ms), for the report and the setting page. */
export async function comparisonSetting(scope: Scope): Promise<{ council: boolean; sharesSince: number | null }> {
  const [row] = await scope.db
    .select({ kind: organisations.kind, since: organisations.sharesFiguresSince })
    .from(organisations)
    .where(eq(organisations.id, scope.organisationId));
  return { council: row?.kind === 'council', sharesSince: row?.since ?? null };
}

/**
 * The comparison beside an evaluation report (admins and managers who may read the report), for
 * the report's period: organisation-wide medians and ranges across the councils taking part. Null
 * unless the viewer's own council takes part. No council's name or own figure is in it.
 */
export async function reportComparison(scope: Scope, period: ReportPeriod, content: EvaluationContent): Promise<ComparedFigure[] | null> {
  if (!mayInOrganisation(scope.viewer, 'evaluation.report')) return null;
  const rows = await scope.db.select({ id: organisations.id }).from(organisations).where(takingPart).orderBy(asc(organisations.id));
  if (!rows.some((r) => r.id === scope.organisationId)) return null;
  return compareOrganisations(scope.db, rows.map((r) => r.id), period, content, scope.now);
}

/**
 * The comparison for the platform operator (system work: the caller checks it is an operator):
 * the names of the councils taking part, and the same medians and ranges, never a named figure.
 */
export async function platformComparison(db: Db, period: ReportPeriod, content: EvaluationContent, now: Date): Promise<PlatformComparison> {
  const rows = await db.select({ id: organisations.id, nameEn: organisations.nameEn, nameCy: organisations.nameCy }).from(organisations).where(takingPart).orderBy(asc(organisations.nameEn));
  const figures = await compareOrganisations(db, rows.map((r) => r.id), period, content, now);
  return { participants: rows.map((r) => ({ nameEn: r.nameEn, nameCy: r.nameCy })), figures };
}

export type SharingResult = { ok: true; changed: boolean } | { ok: false; error: 'not-allowed' };

/**
 * Takes the viewer's council into the comparison or out of it (admins of a council). Leaving
 * clears the date, so the next computation leaves the council out; there is nothing stored to
 * delete. A change is audited as `comparison.joined` or `comparison.left`.
 */
export async function setFigureSharing(scope: Scope, share: boolean, ip: string | null): Promise<SharingResult> {
  if (!mayInOrganisation(scope.viewer, 'evaluation.comparison.manage')) return { ok: false, error: 'not-allowed' };
  const now = scope.now.getTime();
  return scope.db.transaction(async (tx): Promise<SharingResult> => {
    const [row] = await tx.select({ kind: organisations.kind, since: organisations.sharesFiguresSince }).from(organisations).where(eq(organisations.id, scope.organisationId));
    if (row?.kind !== 'council') return { ok: false, error: 'not-allowed' };
    if ((row.since !== null) === share) return { ok: true, changed: false };
    await tx.update(organisations).set({ sharesFiguresSince: share ? now : null }).where(eq(organisations.id, scope.organisationId));
    await recordAudit(tx, { organisationId: scope.organisationId, actorId: scope.viewer.id, action: share ? 'comparison.joined' : 'comparison.left', detail: share ? {} : { since: row.since }, ip }, now);
    return { ok: true, changed: true };
  });
}
