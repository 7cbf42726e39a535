import { and, asc, desc, eq } from 'drizzle-orm';
import { indicatorEntries, people } from '../../../db/schema/index.ts';
import { changedIndicators, parseIndicatorEntry, SERVICE_INDICATORS, type ServiceIndicator } from '../../domain/evaluation/index.ts';
import { mayInOrganisation } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Scope } from '../people/index.ts';
import { newId, type FieldErrors, type FormValues } from '../platform/index.ts';

/** One quarter's current values; an indicator never entered (or cleared) is null. */
export type QuarterIndicators = { quarter: string; values: Record<ServiceIndicator, number | null> };

/** One change to one indicator of a quarter: what it was before, what it became, who and when. */
export type IndicatorChange = { indicator: ServiceIndicator; from: number | null; to: number | null; authorName: string | null; at: number };

export type SaveIndicatorsResult =
  | { ok: true; quarter: string; changed: number }
  | { ok: false; error: 'not-allowed' }
  | { ok: false; error: 'invalid'; errors: FieldErrors };

const none = () => Object.fromEntries(SERVICE_INDICATORS.map((i) => [i, null])) as Record<ServiceIndicator, number | null>;

/** Every entry of the organisation (optionally of one quarter) in the order they were made. */
async function entries(scope: Scope, quarter?: string) {
  return scope.db
    .select({ quarter: indicatorEntries.quarter, indicator: indicatorEntries.indicator, value: indicatorEntries.value, at: indicatorEntries.recordedAt, authorName: people.name, id: indicatorEntries.id })
    .from(indicatorEntries)
    .leftJoin(people, eq(people.id, indicatorEntries.authorId))
    .where(and(eq(indicatorEntries.organisationId, scope.organisationId), ...(quarter ? [eq(indicatorEntries.quarter, quarter)] : [])))
    .orderBy(asc(indicatorEntries.quarter), asc(indicatorEntries.recordedAt), asc(indicatorEntries.id));
}

/** The current value of each indicator per quarter (the newest entry wins), oldest quarter first; quarters with no value at all are left out. */
export async function currentIndicators(scope: Scope): Promise<QuarterIndicators[]> {
  const byQuarter = new Map<string, Record<ServiceIndicator, number | null>>();
  for (const row of await entries(scope)) {
    const values = byQuarter.get(row.quarter) ?? none();
    values[row.indicator] = row.value;
    byQuarter.set(row.quarter, values);
  }
  return [...byQuarter]
    .filter(([, values]) => SERVICE_INDICATORS.some((i) => values[i] !== null))
    .map(([quarter, values]) => ({ quarter, values }));
}

/** The current values of one quarter (all null when nothing was entered). */
export async function quarterIndicators(scope: Scope, quarter: string): Promise<Record<ServiceIndicator, number | null>> {
  const values = none();
  for (const row of await entries(scope, quarter)) values[row.indicator] = row.value;
  return values;
}

/** Every change to a quarter's indicators, newest first, each with the value it replaced, its author's name and date. */
export async function indicatorHistory(scope: Scope, quarter: string): Promise<IndicatorChange[]> {
  const before = new Map<ServiceIndicator, number | null>();
  const changes: IndicatorChange[] = [];
  for (const row of await entries(scope, quarter)) {
    changes.push({ indicator: row.indicator, from: before.get(row.indicator) ?? null, to: row.value, authorName: row.authorName, at: row.at });
    before.set(row.indicator, row.value);
  }
  return changes.reverse();
}

/**
 * Saves one quarter's entry form (admins): validated first (nothing saved on an error), then one
 * new row per indicator whose value changed, in one write transaction that re-reads the current
 * values, so a form submitted twice saves once. Audited as `indicators.saved` when anything changed.
 */
export async function saveIndicators(scope: Scope, form: FormValues, ip: string | null): Promise<SaveIndicatorsResult> {
  if (!mayInOrganisation(scope.viewer, 'evaluation.indicators.manage')) return { ok: false, error: 'not-allowed' };
  const text = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
  const parsed = parseIndicatorEntry(text, scope.now.getTime());
  if (!parsed.ok) return { ok: false, error: 'invalid', errors: Object.fromEntries(Object.entries(parsed.errors).map(([field, key]) => [field, { key }])) };
  const { quarter, values } = parsed.entry;
  const now = scope.now.getTime();
  return scope.db.transaction(async (tx): Promise<SaveIndicatorsResult> => {
    const current = none();
    const rows = await tx
      .select({ indicator: indicatorEntries.indicator, value: indicatorEntries.value })
      .from(indicatorEntries)
      .where(and(eq(indicatorEntries.organisationId, scope.organisationId), eq(indicatorEntries.quarter, quarter)))
      .orderBy(asc(indicatorEntries.recordedAt), asc(indicatorEntries.id));
    for (const row of rows) current[row.indicator] = row.value;
    const changed = changedIndicators(current, values);
    if (changed.length === 0) return { ok: true, quarter, changed: 0 };
    await tx.insert(indicatorEntries).values(
      changed.map((indicator) => ({ id: newId(), organisationId: scope.organisationId, quarter, indicator, value: values[indicator], authorId: scope.viewer.id, recordedAt: now })),
    );
    await recordAudit(tx, { organisationId: scope.organisationId, actorId: scope.viewer.id, action: 'indicators.saved', detail: { quarter, indicators: changed }, ip }, now);
    return { ok: true, quarter, changed: changed.length };
  });
}

/** The quarters (newest first) that have any entry, for listing each quarter's history. */
export async function quartersWithEntries(scope: Scope): Promise<string[]> {
  const rows = await scope.db
    .selectDistinct({ quarter: indicatorEntries.quarter })
    .from(indicatorEntries)
    .where(eq(indicatorEntries.organisationId, scope.organisationId))
    .orderBy(desc(indicatorEntries.quarter));
  return rows.map((r) => r.quarter);
}
