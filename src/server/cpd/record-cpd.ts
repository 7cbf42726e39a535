import { and, eq, gte } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { cpdEntries } from '../../../db/schema/index.ts';
import { organisationOf } from '../people/index.ts';
import { creditedMinutes, type CpdDiscussedWith, type CpdKind } from '../../domain/cpd/index.ts';
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

/** Time attended at a session or workshop, as the register or the session record says it. */
export type AttendedActivity = {
  personId: string;
  kind: Extract<CpdKind, 'mentoring' | 'support-group' | 'workshop'>;
  /** The session or workshop: its one entry for this person. */
  sourceId: string;
  activityId: string;
  programmeId: string | null;
  title: { en: string; cy: string };
  completedAt: number;
  discussedWith?: CpdDiscussedWith | null;
  /** The calendar day (YYYY-MM-DD) it was discussed. */
  discussedOn?: string | null;
};

/**
 * Sets the CPD entry for attended time to exactly `minutes` (a register fact, not time on screen):
 * the first call adds the entry, a corrected register or session corrects it, `null` (did not
 * attend, cancelled) removes it. Runs inside the caller's write transaction; the person's own
 * "how it contributed" text is never touched.
 */
export async function setAttendedCpd(tx: Tx, entry: AttendedActivity, minutes: number | null): Promise<void> {
  const same = and(eq(cpdEntries.personId, entry.personId), eq(cpdEntries.kind, entry.kind), eq(cpdEntries.sourceId, entry.sourceId));
  if (minutes === null || minutes <= 0) {
    await tx.delete(cpdEntries).where(same);
    return;
  }
  const facts = {
    activityId: entry.activityId,
    programmeId: entry.programmeId,
    titleEn: entry.title.en,
    titleCy: entry.title.cy,
    minutes,
    completedAt: entry.completedAt,
    // Left out when not given, so a discussion the person recorded themselves is kept.
    ...(entry.discussedWith !== undefined ? { discussedWith: entry.discussedWith, discussedOn: entry.discussedOn ?? null } : {}),
  };
  await tx
    .insert(cpdEntries)
    .values({ id: newId(), personId: entry.personId, organisationId: organisationOf(entry.personId), kind: entry.kind, sourceId: entry.sourceId, ...facts })
    .onConflictDoUpdate({ target: [cpdEntries.personId, cpdEntries.kind, cpdEntries.sourceId], set: facts });
}
