import { and, desc, eq } from 'drizzle-orm';
import { cpdEntries } from '../../../db/schema/index.ts';
import { middayOf } from '../../domain/common/index.ts';
import { cpdDay, type CpdDiscussedWith, type CpdKind, type CpdManualKind } from '../../domain/cpd/index.ts';
import { mayOnPerson, type PersonTarget } from '../access/index.ts';
import type { Scope } from '../people/index.ts';
import { newId } from '../platform/index.ts';
import { recordCpd } from './record-cpd.ts';

export type CpdEntryRow = typeof cpdEntries.$inferSelect;

const ownEntries = (scope: Scope) => and(eq(cpdEntries.personId, scope.viewer.id), eq(cpdEntries.organisationId, scope.organisationId));

/** One of the viewer's own CPD entries, or null (someone else's looks exactly like none). */
export async function getOwnCpdEntry(scope: Scope, entryId: string): Promise<CpdEntryRow | null> {
  const [row] = await scope.db.select().from(cpdEntries).where(and(ownEntries(scope), eq(cpdEntries.id, entryId)));
  return row ?? null;
}

/** The entry an activity just added (a module version, an attempt), so a finished page can offer to reflect on it. */
export async function cpdEntryForSource(scope: Scope, kind: CpdKind, sourceId: string): Promise<Pick<CpdEntryRow, 'id' | 'contribution'> | null> {
  const [row] = await scope.db
    .select({ id: cpdEntries.id, contribution: cpdEntries.contribution })
    .from(cpdEntries)
    .where(and(ownEntries(scope), eq(cpdEntries.kind, kind), eq(cpdEntries.sourceId, sourceId)));
  return row ?? null;
}

export type ExternalCpd = { title: string; date: string; provider: string; minutes: number; kind: CpdManualKind; contribution: string | null };

/**
 * Adds learning done outside Camau through the one CPD writer: the person's stated time is both
 * the estimate and the time spent, and each hand-added entry is its own activity.
 */
export async function addExternalCpd(scope: Scope, entry: ExternalCpd): Promise<string> {
  const completedAt = middayOf(entry.date);
  const sourceId = `manual-${newId()}`;
  const result = await scope.db.transaction((tx) =>
    recordCpd(tx, {
      personId: scope.viewer.id,
      kind: entry.kind,
      activityId: sourceId,
      sourceId,
      programmeId: null,
      // Learning elsewhere has one title, as the person wrote it, in whichever language.
      title: { en: entry.title, cy: entry.title },
      estimateMinutes: entry.minutes,
      startedAt: completedAt - entry.minutes * 60_000,
      completedAt,
      provider: entry.provider || null,
      contribution: entry.contribution,
    }),
  );
  if (!result.id) throw new Error('A new hand-added CPD entry was not recorded');
  return result.id;
}

export type CpdReflection = { contribution: string | null; discussedWith: CpdDiscussedWith | null; discussedOn: string | null };

/** Saves how an entry contributed to the viewer's practice and who they discussed it with; false when it is not theirs. */
export async function updateCpdReflection(scope: Scope, entryId: string, reflection: CpdReflection): Promise<boolean> {
  const updated = await scope.db
    .update(cpdEntries)
    .set(reflection)
    .where(and(ownEntries(scope), eq(cpdEntries.id, entryId)))
    .returning({ id: cpdEntries.id });
  return updated.length > 0;
}

/** A CPD entry as another person may see it: "how it contributed" only for its owner. */
export type VisibleCpdEntry = Omit<CpdEntryRow, 'contribution'> & { contribution: string | null; contributionHidden: boolean };

/**
 * A person's CPD entries, newest first, as the viewer may see them: nothing unless the policy
 * lets them see the person, and the "how it contributed" text only when the policy says it is theirs.
 */
export async function cpdEntriesFor(scope: Scope, target: PersonTarget): Promise<VisibleCpdEntry[] | null> {
  if (!mayOnPerson(scope.viewer, 'person.view', target)) return null;
  const mayReadContribution = mayOnPerson(scope.viewer, 'cpd.contribution.view', target);
  const rows = await scope.db
    .select()
    .from(cpdEntries)
    .where(and(eq(cpdEntries.personId, target.id), eq(cpdEntries.organisationId, scope.organisationId)))
    .orderBy(desc(cpdEntries.completedAt));
  return rows.map((row) => ({ ...row, contribution: mayReadContribution ? row.contribution : null, contributionHidden: !mayReadContribution }));
}

/** Today's date in UK time, for checking dates people type. */
export function ukToday(now = Date.now()): string {
  return cpdDay(now);
}
