// One engine for every kind of server-authoritative attempt (threshold practice, simulations,
// and next the mentor's reviews): a capability describes its table and machine, the engine
// owns the order of the checks, the revision guard and the CPD entry at the end.
import type { Db } from '../../../db/client.ts';
import type { Scope } from '../people/index.ts';
import { recordCpd, type CpdActivity, type Tx } from '../cpd/index.ts';
import { newId } from '../platform/index.ts';

/** Why a step was refused, the same words for every kind of attempt. */
export type RefusalReason = 'not-found' | 'stale' | 'not-allowed' | 'changed-content' | 'round-closed';
export type Refusal<P> = { ok: false; reason: RefusalReason } | { ok: false; reason: 'invalid'; problems: P[] };
export type StepResult<A, P> = { ok: true; attempt: A } | Refusal<P>;

/** The columns every attempt table has. */
export type OwnedAttempt = { id: string; personId: string; revision: number; snapshot: unknown };

/** What the engine needs of a restored machine (an xstate actor satisfies it). */
export type StepActor<E, C = unknown> = {
  getSnapshot(): { status: string; value: unknown; context: C; can(event: E): boolean };
  send(event: E): void;
  getPersistedSnapshot(): unknown;
};

/** One accepted step, as the capability's hooks see it. */
export type AcceptedStep<A, E, C> = {
  attempt: A;
  event: E;
  /** The machine's context before the event. */
  before: C;
  done: boolean;
  now: number;
};

/** The capability's queries on its own tables (typed by the capability, no casts). */
export type AttemptStore<A extends OwnedAttempt, E, C = unknown> = {
  /** The person's own attempt, or undefined (someone else's attempt looks like none). */
  load(db: Db | Tx, personId: string, attemptId: string): Promise<A | undefined>;
  /** Writes the new snapshot; must match `expectedRevision` in its WHERE and return the row, or undefined if it did not. */
  update(tx: Tx, attempt: A, change: { snapshot: unknown; revision: number; context: C; done: boolean; now: number }): Promise<A | undefined>;
  insertEvent(tx: Tx, row: { attemptId: string; revision: number; event: E; at: number }): Promise<void>;
  /** When the attempt's first accepted step happened, or null. */
  firstEventAt(tx: Tx, attemptId: string): Promise<number | null>;
};

/** How one kind of attempt plugs into the engine. */
export type AttemptKind<A extends OwnedAttempt, E, P, I = unknown, C = unknown> = {
  store: AttemptStore<A, E, C>;
  /** The content (vignette, scenario…) the post is about: its id and current version. */
  content: { id: string; version: number };
  contentOf(attempt: A): { id: string; version: number };
  /** Reads the posted event; content problems are refused before any database work. */
  parse(event: I): { ok: true; event: E } | { ok: false; problems: P[] };
  /** An extra refusal that depends on other records (a closed calibration round). */
  guard?(tx: Tx, attempt: A, now: number): Promise<RefusalReason | null>;
  restore(attempt: A): StepActor<E, C>;
  /** Checks the event against the machine as it stands (the step it expects, its content at this point). */
  check?(snapshot: ReturnType<StepActor<E, C>['getSnapshot']>, event: E): Refusal<P> | null;
  /** Runs after the step is stored, inside the same transaction (e.g. keep a response for review). */
  afterStep?(tx: Tx, step: AcceptedStep<A, E, C>): Promise<void>;
  /** The CPD entry a finished attempt adds (its times are the engine's). */
  cpd?(attempt: A): Omit<CpdActivity, 'startedAt' | 'completedAt'>;
};

/** Stores a new attempt (the capability's insert, given a fresh id and the machine's first snapshot); returns its id. */
export async function startAttempt<E, C>(insert: (row: { id: string; snapshot: unknown }) => Promise<void>, fresh: StepActor<E, C>): Promise<string> {
  const id = newId();
  await insert({ id, snapshot: fresh.getPersistedSnapshot() });
  return id;
}

/** One of the person's own attempts, or null. */
export async function getOwnAttempt<A extends OwnedAttempt>(scope: Scope, store: Pick<AttemptStore<A, unknown>, 'load'>, attemptId: string): Promise<A | null> {
  return (await store.load(scope.db, scope.viewer.id, attemptId)) ?? null;
}

/**
 * Applies one learner action: the attempt must be the person's own and of the content's current
 * version, the post must carry the revision it was made from (a stale or replayed post is
 * refused), the guard and the machine must accept the event. The new snapshot, the event and the
 * capability's own records are stored together; a finished attempt adds a CPD entry whose time
 * runs from the attempt's first step to its last.
 */
export async function applyAttemptStep<A extends OwnedAttempt, E, P, I, C>(
  scope: Scope,
  kind: AttemptKind<A, E, P, I, C>,
  input: { attemptId: string; revision: number; event: I },
): Promise<StepResult<A, P>> {
  const now = scope.now.getTime();
  const parsed = kind.parse(input.event);
  if (!parsed.ok) return { ok: false, reason: 'invalid', problems: parsed.problems };
  const { event } = parsed;
  return scope.db.transaction(async (tx): Promise<StepResult<A, P>> => {
    const attempt = await kind.store.load(tx, scope.viewer.id, input.attemptId);
    const content = attempt ? kind.contentOf(attempt) : null;
    if (!attempt || content?.id !== kind.content.id) return { ok: false, reason: 'not-found' };
    if (content.version !== kind.content.version) return { ok: false, reason: 'changed-content' };
    if (attempt.revision !== input.revision) return { ok: false, reason: 'stale' };
    const guarded = kind.guard ? await kind.guard(tx, attempt, now) : null;
    if (guarded) return { ok: false, reason: guarded };
    const actor = kind.restore(attempt);
    const before = actor.getSnapshot();
    if (before.status === 'done') return { ok: false, reason: 'not-allowed' };
    const refused = kind.check?.(before, event);
    if (refused) return refused;
    if (!before.can(event)) return { ok: false, reason: 'not-allowed' };
    actor.send(event);
    const after = actor.getSnapshot();
    const done = after.status === 'done';
    const revision = attempt.revision + 1;
    // The revision in the update's WHERE keeps this safe even if another process got there first.
    const updated = await kind.store.update(tx, attempt, { snapshot: actor.getPersistedSnapshot(), revision, context: after.context, done, now });
    if (!updated) return { ok: false, reason: 'stale' };
    await kind.store.insertEvent(tx, { attemptId: attempt.id, revision, event, at: now });
    await kind.afterStep?.(tx, { attempt: updated, event, before: before.context, done, now });
    if (done && kind.cpd) {
      const startedAt = (await kind.store.firstEventAt(tx, attempt.id)) ?? now;
      await recordCpd(tx, { ...kind.cpd(updated), startedAt, completedAt: now });
    }
    return { ok: true, attempt: updated };
  });
}
