import { and, asc, eq, inArray, notInArray, or, sql } from 'drizzle-orm';
import { people } from '../../../db/schema/index.ts';
import type { Scope } from '../people/index.ts';

/**
 * Active people of the organisation whose name or e-mail contains `query` (2 characters or more),
 * leaving out `excluding`; at most 20, by name. The search pickers of the register and the
 * workshop form use it, so no page lists every person of the organisation.
 */
export async function searchPeople(scope: Scope, query: string, excluding: readonly string[] = []): Promise<{ id: string; name: string }[]> {
  const q = query.trim().slice(0, 100);
  if (q.length < 2) return [];
  const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return scope.db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(
      and(
        eq(people.organisationId, scope.organisationId),
        eq(people.status, 'active'),
        excluding.length ? notInArray(people.id, [...excluding]) : undefined,
        or(sql`${people.name} like ${pattern} escape '\\'`, sql`${people.email} like ${pattern} escape '\\'`),
      ),
    )
    .orderBy(asc(people.name))
    .limit(20);
}

/**
 * The facilitators the workshop form offers to tick: those already chosen (ticked), then the people
 * found by the form's search field; never every person of the organisation.
 */
export async function facilitatorOptions(scope: Scope, chosen: readonly string[], query: string): Promise<{ options: { value: string; label: string }[]; found: number | null }> {
  const ids = [...new Set(chosen)].slice(0, 50);
  const picked = ids.length
    ? await scope.db
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(eq(people.organisationId, scope.organisationId), inArray(people.id, ids)))
        .orderBy(asc(people.name))
    : [];
  const found = await searchPeople(scope, query, picked.map((p) => p.id));
  return { options: [...picked, ...found].map((p) => ({ value: p.id, label: p.name })), found: query.trim().length >= 2 ? found.length : null };
}
