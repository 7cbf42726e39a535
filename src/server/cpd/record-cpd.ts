import { and, eq, gte } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { cpdEntries } from '../../../db/schema/index.ts';
import { organisationOf } from '../people/index.ts';
import { creditedMinutes, type CpdKind } from '../../domain/cpd/cpd.ts';
import { newId } from '../platform/index.ts';

/** A write transaction, as `db.transaction` hands it to its callback. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type CpdActivity = {
  personId: string;
  kind: CpdKind;
  /** What was done (module, scenario, vignette…): a repeat of it on the same day adds no time. */
  activityId: string;
  /** The one thing this entry records (a module version, an attempt): recorded at most once. */
  sourceId: string;
  programmeId: string | null;
  title: { en: string; cy: string };
  /** The activity's estimated time: the most it can add. */
  estimateMinutes: number;
  /** When the person started it (its first step). */
  startedAt: number;
  completedAt: number;
  /** Who provided learning added by hand; Camau's own activities leave it out. */
  provider?: string | null;
  /** How it contributed to the person's practice, when they say so as they add it. */
  contribution?: string | null;
};

// Longer than any UK calendar day, so every earlier completion on the same day is found.
const DAY_WINDOW_MS = 26 * 3_600_000;

/**
 * Adds a completed activity to the person's CPD record, inside the caller's write transaction,
 * with the time the domain's rule allows (time actually spent, capped at the estimate, none for
 * a same-day repeat). The same source is recorded once, even if two requests finish it at once.
 */
export async function recordCpd(tx: Tx, entry: CpdActivity): Promise<{ recorded: boolean; minutes: number; id: string | null }> {
  const earlier = await tx
    .select({ completedAt: cpdEntries.completedAt })
    .from(cpdEntries)
    .where(and(eq(cpdEntries.personId, entry.personId), eq(cpdEntries.kind, entry.kind), eq(cpdEntries.activityId, entry.activityId), gte(cpdEntries.completedAt, entry.completedAt - DAY_WINDOW_MS)));
  const minutes = creditedMinutes({ estimateMinutes: entry.estimateMinutes, startedAt: entry.startedAt, completedAt: entry.completedAt, earlierCompletions: earlier.map((e) => e.completedAt) });
  const inserted = await tx
    .insert(cpdEntries)
    .values({
      id: newId(),
      personId: entry.personId,
      organisationId: organisationOf(entry.personId),
      kind: entry.kind,
      activityId: entry.activityId,
      sourceId: entry.sourceId,
      programmeId: entry.programmeId,
      titleEn: entry.title.en,
      titleCy: entry.title.cy,
      minutes,
      completedAt: entry.completedAt,
      provider: entry.provider ?? null,
      contribution: entry.contribution ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: cpdEntries.id });
  return { recorded: inserted.length > 0, minutes: inserted.length > 0 ? minutes : 0, id: inserted[0]?.id ?? null };
}
