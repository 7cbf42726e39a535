import { and, count, desc, eq, min, ne } from 'drizzle-orm';
import { createActor, type SnapshotFrom } from 'xstate';
import type { Db } from '../../../db/client.ts';
import { calibrationRounds, thresholdAttempts, thresholdEvents, thresholdLatestAnswers } from '../../../db/schema/index.ts';
import type { Vignette } from '../../content/schemas.ts';
import { roundState } from '../../domain/thresholds/calibration.ts';
import { MIN_RESPONDENTS } from '../../domain/thresholds/consistency.ts';
import { checkAssessment, checkScreening, DECISIONS, NEEDS_DOMAINS, panelComparison as comparePanel, type Assessment, type Decision, type ThresholdProblem } from '../../domain/thresholds/thresholds.ts';
import { thresholdExerciseMachine, type ThresholdExerciseEvent } from '../../machines/thresholds/threshold-exercise.machine.ts';
import { newId } from '../platform/index.ts';
import { recordCpd } from '../cpd/index.ts';
import type { FormValues } from '../platform/index.ts';

type Snapshot = SnapshotFrom<typeof thresholdExerciseMachine>;
export type ThresholdAttempt = typeof thresholdAttempts.$inferSelect;

/** The estimated time of one threshold exercise: the most it adds to the CPD record. */
export const EXERCISE_MINUTES = 20;

function restore(attempt: Pick<ThresholdAttempt, 'snapshot'>, stageCount: number) {
  return createActor(thresholdExerciseMachine, { snapshot: attempt.snapshot as Snapshot, input: { stageCount } }).start();
}

/** Starts a new attempt at a vignette for a person. */
export async function startAttempt(db: Db, input: { personId: string; organisationId: string; vignette: Vignette; roundId?: string | null }, now = Date.now()): Promise<string> {
  const actor = createActor(thresholdExerciseMachine, { input: { stageCount: input.vignette.stages.length } }).start();
  const id = newId();
  await db.insert(thresholdAttempts).values({
    id,
    personId: input.personId,
    organisationId: input.organisationId,
    vignetteId: input.vignette.id,
    vignetteVersion: input.vignette.version,
    roundId: input.roundId ?? null,
    snapshot: actor.getPersistedSnapshot(),
    revision: 0,
    startedAt: now,
  });
  return id;
}

/** One of the person's own attempts, or null (someone else's attempt looks like none). */
export async function getOwnThresholdAttempt(db: Db, personId: string, attemptId: string): Promise<ThresholdAttempt | null> {
  const [attempt] = await db.select().from(thresholdAttempts).where(and(eq(thresholdAttempts.id, attemptId), eq(thresholdAttempts.personId, personId)));
  return attempt ?? null;
}

export async function listOwnThresholdAttempts(db: Db, personId: string) {
  return db.select().from(thresholdAttempts).where(eq(thresholdAttempts.personId, personId)).orderBy(desc(thresholdAttempts.startedAt));
}

/** The machine's current state and context for an attempt. */
export function attemptState(attempt: ThresholdAttempt, vignette: Vignette) {
  const snapshot = restore(attempt, vignette.stages.length).getSnapshot();
  return { value: String(snapshot.value) as 'screening' | 'moreInformation' | 'assessment' | 'complete', context: snapshot.context, can: (event: ThresholdExerciseEvent) => snapshot.can(event) };
}

/** The machine event a step's form stands for (the machine's checks judge its content), or null for an unknown step. */
export function attemptEventFromForm(values: FormValues): ThresholdExerciseEvent | null {
  const kind = String(values.event ?? '');
  if (kind === 'SCREEN' || kind === 'REVISE_SCREENING') return { type: kind, screening: { answer: values.answer, reason: values.reason } as never };
  if (kind === 'REVEAL_NEXT' || kind === 'START_ASSESSMENT') return { type: kind };
  if (kind !== 'SUBMIT_ASSESSMENT') return null;
  const assessment = {
    needs: Object.fromEntries(NEEDS_DOMAINS.map((d) => [d, values[`needs.${d}`]])),
    childNeedsMet: values.childNeedsMet,
    levelOfHarm: values.levelOfHarm,
    kindsOfHarm: values.kindsOfHarm,
    likelihood: values.likelihood,
    significant: values.significant,
    decision: values.decision,
    followUp: String(values.followUp ?? '').split('\n'),
    summary: values.summary,
  };
  return { type: kind, assessment: assessment as never };
}

export type StepResult =
  | { ok: true; attempt: ThresholdAttempt }
  | { ok: false; reason: 'not-found' | 'stale' | 'not-allowed' | 'changed-vignette' | 'round-closed' }
  | { ok: false; reason: 'invalid'; problems: ThresholdProblem[] };

/**
 * Applies one learner action to an attempt on the server: the attempt must be the person's
 * own, the post must carry the revision it was made from (so a stale or replayed post is
 * refused), and the machine must accept the event. The new snapshot and the event are stored
 * together; a completed attempt adds a CPD entry.
 */
export async function applyAttemptEvent(
  db: Db,
  input: { personId: string; attemptId: string; revision: number; event: ThresholdExerciseEvent; vignette: Vignette },
  now = Date.now(),
): Promise<StepResult> {
  const { event, vignette } = input;
  if (event.type === 'SCREEN' || event.type === 'REVISE_SCREENING') {
    const checked = checkScreening(event.screening);
    if (!checked.ok) return { ok: false, reason: 'invalid', problems: checked.problems };
  }
  if (event.type === 'SUBMIT_ASSESSMENT') {
    const checked = checkAssessment(event.assessment);
    if (!checked.ok) return { ok: false, reason: 'invalid', problems: checked.problems };
  }
  return db.transaction(async (tx): Promise<StepResult> => {
    const [attempt] = await tx.select().from(thresholdAttempts).where(and(eq(thresholdAttempts.id, input.attemptId), eq(thresholdAttempts.personId, input.personId)));
    if (!attempt || attempt.vignetteId !== vignette.id) return { ok: false, reason: 'not-found' };
    if (attempt.vignetteVersion !== vignette.version) return { ok: false, reason: 'changed-vignette' };
    if (attempt.revision !== input.revision) return { ok: false, reason: 'stale' };
    if (attempt.roundId) {
      // A calibration round's answers are frozen once it closes.
      const [round] = await tx.select().from(calibrationRounds).where(eq(calibrationRounds.id, attempt.roundId));
      if (round && roundState(round, now) === 'closed') return { ok: false, reason: 'round-closed' };
    }
    const actor = restore(attempt, vignette.stages.length);
    if (!actor.getSnapshot().can(event)) return { ok: false, reason: 'not-allowed' };
    actor.send(event);
    const snapshot = actor.getSnapshot();
    const complete = snapshot.status === 'done';
    const context = snapshot.context;
    const revision = attempt.revision + 1;
    const [updated] = await tx
      .update(thresholdAttempts)
      .set({
        snapshot: actor.getPersistedSnapshot(),
        revision,
        status: complete ? 'complete' : 'in-progress',
        screening: (context.revisedScreening ?? context.screening)?.answer ?? null,
        decision: context.assessment?.decision ?? null,
        likelihood: context.assessment?.likelihood ?? null,
        significant: context.assessment?.significant ?? null,
        completedAt: complete ? now : null,
      })
      .where(eq(thresholdAttempts.id, attempt.id))
      .returning();
    await tx.insert(thresholdEvents).values({ attemptId: attempt.id, revision, event, at: now });
    if (complete) {
      // Time spent runs from the attempt's first step to this, its last.
      const [first] = await tx.select({ at: min(thresholdEvents.at) }).from(thresholdEvents).where(eq(thresholdEvents.attemptId, attempt.id));
      await recordCpd(tx, {
        personId: attempt.personId,
        kind: 'threshold-practice',
        activityId: vignette.id,
        sourceId: attempt.id,
        programmeId: 'risk-model',
        title: vignette.title,
        estimateMinutes: EXERCISE_MINUTES,
        startedAt: first?.at ?? now,
        completedAt: now,
      });
    }
    return { ok: true, attempt: updated! };
  });
}

/** How each judgement of an attempt compares with the vignette's expert panel (the rule is the domain's). */
export function panelComparison(vignette: Vignette, screening: { answer: string } | null, assessment: Assessment) {
  return comparePanel(vignette.panel, screening, assessment);
}

/**
 * The anonymous spread of decisions among colleagues in the organisation who completed the
 * vignette (each counted once, with their latest answer; not counting the viewer), or null when
 * fewer than MIN_RESPONDENTS have.
 */
export async function colleagueDecisions(db: Db, organisationId: string, vignetteId: string, excludePersonId: string) {
  const rows = await db
    .select({ decision: thresholdLatestAnswers.decision, n: count() })
    .from(thresholdLatestAnswers)
    .where(and(eq(thresholdLatestAnswers.organisationId, organisationId), eq(thresholdLatestAnswers.vignetteId, vignetteId), ne(thresholdLatestAnswers.personId, excludePersonId)))
    .groupBy(thresholdLatestAnswers.decision);
  const respondents = rows.reduce((sum, r) => sum + r.n, 0);
  if (respondents < MIN_RESPONDENTS) return null;
  const counts = Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>;
  for (const { decision, n } of rows) if (Object.hasOwn(counts, decision)) counts[decision] += n;
  return { respondents, counts };
}
