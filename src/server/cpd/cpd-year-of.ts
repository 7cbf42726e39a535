import { and, eq, gte, inArray } from 'drizzle-orm';
import { cpdEntries } from '../../../db/schema/index.ts';
import { londonDate } from '../../domain/common/index.ts';
import { mayOnPerson, type PersonTarget } from '../access/index.ts';
import { personTarget, type Scope } from '../people/index.ts';

// A day's margin before 1 January UTC catches London's hour ahead in summer; the dates decide.
const MARGIN_MS = 86_400_000;

/** CPD minutes a person has this calendar year (London), for their mentor ('mentoring.progress.view'); null for anyone else. */
export async function cpdMinutesThisYearOf(scope: Scope, personId: string): Promise<number | null> {
  const target = await personTarget(scope.db, personId);
  if (!target || !mayOnPerson(scope.viewer, 'mentoring.progress.view', target)) return null;
  return (await cpdMinutesThisYearOfMany(scope, [target])).get(personId) ?? 0;
}

/** The same for several people in one query (the overview); people the viewer may not follow are left out. */
export async function cpdMinutesThisYearOfMany(scope: Scope, targets: readonly PersonTarget[]): Promise<Map<string, number>> {
  const ids = targets.filter((t) => mayOnPerson(scope.viewer, 'mentoring.progress.view', t)).map((t) => t.id);
  const result = new Map<string, number>(ids.map((id) => [id, 0]));
  if (!ids.length) return result;
  const year = londonDate(scope.now.getTime()).slice(0, 4);
  const from = Date.UTC(Number(year), 0, 1) - MARGIN_MS;
  const rows = await scope.db
    .select({ personId: cpdEntries.personId, minutes: cpdEntries.minutes, completedAt: cpdEntries.completedAt })
    .from(cpdEntries)
    .where(and(inArray(cpdEntries.personId, ids), eq(cpdEntries.organisationId, scope.organisationId), gte(cpdEntries.completedAt, from)));
  for (const r of rows) if (londonDate(r.completedAt).startsWith(year)) result.set(r.personId, (result.get(r.personId) ?? 0) + r.minutes);
  return result;
}
