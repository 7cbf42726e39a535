import { and, count, desc, eq, min, ne } from 'drizzle-orm';
import { createActor, type SnapshotFrom } from 'xstate';
import { calibrationRounds, thresholdAttempts, thresholdEvents, thresholdLatestAnswers } from '../../../db/schema/index.ts';
import type { Vignette } from '../../content/schemas.ts';
import { roundState } from '../../domain/thresholds/calibration.ts';
import { MIN_RESPONDENTS } from '../../domain/thresholds/consistency.ts';
import { checkAssessment, checkScreening, DECISIONS, NEEDS_DOMAINS, panelComparison as comparePanel, type Assessment, type Decision, type ThresholdProblem } from '../../domain/thresholds/thresholds.ts';
import { thresholdExerciseMachine, withCurrentHarmKinds, type ThresholdExerciseContext, type ThresholdExerciseEvent } from '../../machines/thresholds/threshold-exercise.machine.ts';
import { applyAttemptStep, getOwnAttempt, startAttempt as startEngineAttempt, type AttemptKind, type AttemptStore, type RefusalMessages, type StepResult } from '../attempts/index.ts';
import type { FormValues } from '../platform/index.ts';
import type { Scope } from '../people/index.ts';

type Snapshot = SnapshotFrom<typeof thresholdExerciseMachine>;
export type ThresholdAttempt = typeof thresholdAttempts.$inferSelect;

/** The estimated time of one threshold exercise: the most it adds to the CPD record. */
export const EXERCISE_MINUTES = 20;

function restore(attempt: Pick<ThresholdAttempt, 'snapshot'>, stageCount: number) {
  // Kinds of harm stored before the Wales categories are read as today's, so an old attempt always restores.
  return createActor(thresholdExerciseMachine, { snapshot: withCurrentHarmKinds(attempt.snapshot) as Snapshot, input: { stageCount } }).start();
}

/** Starts a new attempt at a vignette for the viewer. */
export function startAttempt(scope: Scope, input: { vignette: Vignette; roundId?: string | null }): Promise<string> {
  const now = scope.now.getTime();
  const fresh = createActor(thresholdExerciseMachine, { input: { stageCount: input.vignette.stages.length } }).start();
  return startEngineAttempt(async ({ id, snapshot }) => {
    await scope.db.insert(thresholdAttempts).values({
      id,
      personId: scope.viewer.id,
      organisationId: scope.organisationId,
      vignetteId: input.vignette.id,
      vignetteVersion: input.vignette.version,
      roundId: input.roundId ?? null,
      snapshot,
      revision: 0,
      startedAt: now,
    });
  }, fresh);
}

/** One of the viewer's own attempts, or null (someone else's attempt looks like none). */
export function getOwnThresholdAttempt(scope: Scope, attemptId: string): Promise<ThresholdAttempt | null> {
  return getOwnAttempt(scope, thresholdStore, attemptId);
}

/** The viewer's own attempts, newest first. */
export async function listOwnThresholdAttempts(scope: Scope) {
  return scope.db.select().from(thresholdAttempts).where(eq(thresholdAttempts.personId, scope.viewer.id)).orderBy(desc(thresholdAttempts.startedAt));
}

/** The machine's current state and context for an attempt. */
export function attemptState(attempt: ThresholdAttempt, vignette: Vignette) {
  const snapshot = restore(attempt, vignette.stages.length).getSnapshot();
  return { value: String(snapshot.value) as 'screening' | 'moreInformation' | 'assessment' | 'complete', context: snapshot.context, can: (event: ThresholdExerciseEvent) => snapshot.can(event) };
}

/**
 * A step as posted: the event's type and the judgement as typed. The domain's checks turn it
 * into the machine's event (with its answers trimmed) or say what is wrong.
 */
export type ThresholdStepPost =
  | { type: 'SCREEN' | 'REVISE_SCREENING'; screening: { answer?: unknown; reason?: unknown } }
  | { type: 'REVEAL_NEXT' | 'START_ASSESSMENT' }
  | { type: 'SUBMIT_ASSESSMENT'; assessment: Partial<Record<keyof Assessment, unknown>> };

/** The step a threshold form stands for (the checks judge its content), or null for an unknown step. */
export function attemptEventFromForm(values: FormValues): ThresholdStepPost | null {
  const kind = String(values.event ?? '');
  if (kind === 'SCREEN' || kind === 'REVISE_SCREENING') return { type: kind, screening: { answer: values.answer, reason: values.reason } };
  if (kind === 'REVEAL_NEXT' || kind === 'START_ASSESSMENT') return { type: kind };
  if (kind !== 'SUBMIT_ASSESSMENT') return null;
  return {
    type: kind,
    assessment: {
      needs: Object.fromEntries(NEEDS_DOMAINS.map((d) => [d, values[`needs.${d}`]])),
      childNeedsMet: values.childNeedsMet,
      levelOfHarm: values.levelOfHarm,
      kindsOfHarm: values.kindsOfHarm,
      likelihood: values.likelihood,
      significant: values.significant,
      decision: values.decision,
      followUp: String(values.followUp ?? '').split('\n'),
      summary: values.summary,
    },
  };
}

/** A posted step as the machine's event, or the problems with its content. */
export function parseThresholdStep(post: ThresholdStepPost): { ok: true; event: ThresholdExerciseEvent } | { ok: false; problems: ThresholdProblem[] } {
  switch (post.type) {
    case 'SCREEN':
    case 'REVISE_SCREENING': {
      const checked = checkScreening(post.screening);
      return checked.ok ? { ok: true, event: { type: post.type, screening: checked.screening } } : checked;
    }
    case 'SUBMIT_ASSESSMENT': {
      const checked = checkAssessment(post.assessment);
      return checked.ok ? { ok: true, event: { type: post.type, assessment: checked.assessment } } : checked;
    }
    default:
      return { ok: true, event: { type: post.type } };
  }
}

export type ThresholdStepResult = StepResult<ThresholdAttempt, ThresholdProblem>;

/** What threshold practice says for each refused step (someone else's attempt reads as "not allowed"). */
export const THRESHOLD_REFUSALS: RefusalMessages = {
  'not-found': 'practice.errorNotAllowed',
  'not-allowed': 'practice.errorNotAllowed',
  stale: 'practice.errorStale',
  'changed-content': 'practice.errorChanged',
  'round-closed': 'practice.errorRoundClosed',
  invalid: 'errors.summary',
};

const thresholdStore: AttemptStore<ThresholdAttempt, ThresholdExerciseEvent, ThresholdExerciseContext> = {
  async load(db, personId, attemptId) {
    const [attempt] = await db.select().from(thresholdAttempts).where(and(eq(thresholdAttempts.id, attemptId), eq(thresholdAttempts.personId, personId)));
    return attempt;
  },
  async update(tx, attempt, { snapshot, revision, context, done, now }) {
    const { assessment, screening, revisedScreening } = context;
    const [updated] = await tx
      .update(thresholdAttempts)
      .set({
        snapshot,
        revision,
        status: done ? 'complete' : 'in-progress',
        screening: (revisedScreening ?? screening)?.answer ?? null,
        decision: assessment?.decision ?? null,
        likelihood: assessment?.likelihood ?? null,
        significant: assessment?.significant ?? null,
        completedAt: done ? now : null,
      })
      .where(and(eq(thresholdAttempts.id, attempt.id), eq(thresholdAttempts.revision, attempt.revision)))
      .returning();
    return updated;
  },
  async insertEvent(tx, row) {
    await tx.insert(thresholdEvents).values(row);
  },
  async firstEventAt(tx, attemptId) {
    const [first] = await tx.select({ at: min(thresholdEvents.at) }).from(thresholdEvents).where(eq(thresholdEvents.attemptId, attemptId));
    return first?.at ?? null;
  },
};

/** Threshold practice as a kind of attempt: a vignette's exercise machine, frozen when its calibration round closes. */
function thresholdKind(vignette: Vignette): AttemptKind<ThresholdAttempt, ThresholdExerciseEvent, ThresholdProblem, ThresholdStepPost, ThresholdExerciseContext> {
  return {
    store: thresholdStore,
    content: { id: vignette.id, version: vignette.version },
    contentOf: (attempt) => ({ id: attempt.vignetteId, version: attempt.vignetteVersion }),
    parse: parseThresholdStep,
    async guard(tx, attempt, now) {
      if (!attempt.roundId) return null;
      // A calibration round's answers are frozen once it closes.
      const [round] = await tx.select().from(calibrationRounds).where(eq(calibrationRounds.id, attempt.roundId));
      return round && roundState(round, now) === 'closed' ? 'round-closed' : null;
    },
    restore: (attempt) => restore(attempt, vignette.stages.length),
    cpd: (attempt) => ({
      personId: attempt.personId,
      kind: 'threshold-practice',
      activityId: vignette.id,
      sourceId: attempt.id,
      programmeId: 'risk-model',
      title: vignette.title,
      estimateMinutes: EXERCISE_MINUTES,
    }),
  };
}

/**
 * Applies one learner action to an attempt on the server, through the attempt engine: the
 * person's own attempt, at the revision it was made from, in an open round, accepted by the
 * machine. A completed attempt adds a CPD entry.
 */
export function applyAttemptEvent(
  scope: Scope,
  input: { attemptId: string; revision: number; event: ThresholdStepPost; vignette: Vignette },
): Promise<ThresholdStepResult> {
  return applyAttemptStep(scope, thresholdKind(input.vignette), input);
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
export async function colleagueDecisions(scope: Scope, vignetteId: string) {
  const { db, organisationId } = scope;
  const excludePersonId = scope.viewer.id;
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
