// Computed report figures kept per organisation and key: read instead of recomputing two years of records on every view.
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { evaluationSnapshots } from '../../../db/schema/index.ts';
import { defineJobKind, enqueueJob, passingWrite, type JobKind } from '../platform/index.ts';

/** Figures younger than this are served as they are. */
export const SNAPSHOT_FRESH_MS = 10 * 60_000;
/** Older figures, up to this age, are served while they are recomputed in the background; older ones are recomputed first. */
export const SNAPSHOT_STALE_MS = 24 * 60 * 60_000;
/** **Refresh figures** recomputes a key at most once in this time; a second ask is served the kept figures. */
export const SNAPSHOT_REFRESH_MIN_MS = 30_000;
/** The recurring job that deletes figures too old to serve. */
export const SNAPSHOT_PRUNE_JOB = 'evaluation.snapshots.prune';
/** How often kept figures too old to serve are deleted. */
export const SNAPSHOT_PRUNE_EVERY_MS = 6 * 60 * 60_000;

export type Snapshot<T> = { value: T; computedAt: number };

/** What kept figures of this age (ms; Infinity when there are none) are good for: serving, serving while worked out again, or nothing. */
export function keptState(age: number): 'fresh' | 'stale' | 'too-old' {
  return age < SNAPSHOT_FRESH_MS ? 'fresh' : age < SNAPSHOT_STALE_MS ? 'stale' : 'too-old';
}

/** Recomputations under way in this process, so that many views of stale figures start one. */
const running = new Map<string, Promise<Snapshot<unknown>>>();

async function recompute<T>(db: Db, organisationId: string, key: string, now: number, compute: () => Promise<T>): Promise<Snapshot<T>> {
  const id = `${organisationId}\u0000${key}`;
  const under = running.get(id);
  if (under) return under as Promise<Snapshot<T>>;
  const run = (async () => {
    const value = await compute();
    // The request's clock, like every time a request stamps.
    const computedAt = now;
    // Kept in passing: figures that cannot be kept (a read-only database) are still shown.
    await passingWrite('evaluation figures kept', () =>
      db
        .insert(evaluationSnapshots)
        .values({ organisationId, key, computedAt, levels: value })
        .onConflictDoUpdate({ target: [evaluationSnapshots.organisationId, evaluationSnapshots.key], set: { computedAt, levels: value } }),
    );
    // The first figures ever kept start the recurring clean-up; its dedupe key makes every later call a no-op.
    await passingWrite('evaluation figures clean-up scheduled', () => enqueueJob(db, { kind: SNAPSHOT_PRUNE_JOB, payload: {}, runAt: now + SNAPSHOT_PRUNE_EVERY_MS, dedupeKey: SNAPSHOT_PRUNE_JOB }, now));
    return { value, computedAt };
  })().finally(() => running.delete(id));
  running.set(id, run);
  return run;
}

/**
 * The figures under `key` for an organisation: the kept ones while fresh; stale ones (served as
 * they are) start a recomputation in the background; missing, too old or `refresh` ones are
 * computed now, except that `refresh` serves figures computed less than SNAPSHOT_REFRESH_MIN_MS
 * ago as they are. The caller has already decided that the viewer may see them.
 */
export async function throughSnapshot<T>(db: Db, organisationId: string, key: string, now: number, compute: () => Promise<T>, options: { refresh?: boolean } = {}): Promise<Snapshot<T>> {
  const [kept] = await db
    .select({ computedAt: evaluationSnapshots.computedAt, levels: evaluationSnapshots.levels })
    .from(evaluationSnapshots)
    .where(and(eq(evaluationSnapshots.organisationId, organisationId), eq(evaluationSnapshots.key, key)));
  const age = kept ? now - kept.computedAt : Infinity;
  if (kept && options.refresh && age < SNAPSHOT_REFRESH_MIN_MS) return { value: kept.levels as T, computedAt: kept.computedAt };
  if (!options.refresh) {
    if (kept && keptState(age) === 'fresh') return { value: kept.levels as T, computedAt: kept.computedAt };
    if (kept && keptState(age) === 'stale') {
      void passingWrite('evaluation figures recomputed', () => recompute(db, organisationId, key, now, compute));
      return { value: kept.levels as T, computedAt: kept.computedAt };
    }
  }
  return recompute(db, organisationId, key, now, compute);
}

/** Deletes every organisation's kept figures older than SNAPSHOT_STALE_MS: they are never served again. */
export async function pruneSnapshots(db: Db, now: number): Promise<number> {
  const deleted = await db.delete(evaluationSnapshots).where(lt(evaluationSnapshots.computedAt, now - SNAPSHOT_STALE_MS)).returning({ key: evaluationSnapshots.key });
  return deleted.length;
}

/** The evaluation job kinds the server runs: the recurring clean-up of kept figures. */
export function evaluationJobKinds(): JobKind[] {
  return [
    defineJobKind<Record<string, never>>({
      kind: SNAPSHOT_PRUNE_JOB,
      repeatEveryMs: SNAPSHOT_PRUNE_EVERY_MS,
      async run(_payload, { db, now }) {
        await pruneSnapshots(db, now());
        return { ok: true };
      },
    }),
  ];
}
