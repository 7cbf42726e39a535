import { assign, setup } from 'xstate';
import { checkAssessment, checkScreening, toHarmKinds, type Assessment, type Screening } from '../../domain/thresholds/thresholds.ts';

export type ThresholdExerciseEvent =
  | { type: 'SCREEN'; screening: Screening }
  | { type: 'REVEAL_NEXT' }
  | { type: 'REVISE_SCREENING'; screening: Screening }
  | { type: 'START_ASSESSMENT' }
  | { type: 'SUBMIT_ASSESSMENT'; assessment: Assessment };

export type ThresholdExerciseContext = {
  stageCount: number;
  /** How many of the vignette's stages the learner has seen (the referral is stage 1). */
  revealed: number;
  screening: Screening | null;
  revisedScreening: Screening | null;
  assessment: Assessment | null;
};

/**
 * One learner working through one vignette, as the Risk Model does it: screen on the referral
 * (Stage 1), see what checks and a visit add and perhaps revise, then make the Stage 2
 * judgements and the decision with its reason. Any vignette runs on it: only the number of
 * stages comes in as input. Events with invalid judgements are not accepted.
 */
export const thresholdExerciseMachine = setup({
  types: {
    context: {} as ThresholdExerciseContext,
    input: {} as { stageCount: number },
    events: {} as ThresholdExerciseEvent,
  },
  guards: {
    validScreening: ({ event }) => (event.type === 'SCREEN' || event.type === 'REVISE_SCREENING') && checkScreening(event.screening).ok,
    moreToReveal: ({ context }) => context.revealed < context.stageCount,
    allRevealed: ({ context }) => context.revealed >= context.stageCount,
    validAssessment: ({ event }) => event.type === 'SUBMIT_ASSESSMENT' && checkAssessment(event.assessment).ok,
  },
}).createMachine({
  id: 'thresholdExercise',
  context: ({ input }) => ({ stageCount: Math.max(2, input.stageCount), revealed: 1, screening: null, revisedScreening: null, assessment: null }),
  initial: 'screening',
  states: {
    screening: {
      tags: ['stage-one'],
      on: {
        SCREEN: {
          guard: 'validScreening',
          target: 'moreInformation',
          actions: assign({ screening: ({ event }) => event.screening, revealed: 2 }),
        },
      },
    },
    moreInformation: {
      tags: ['stage-one'],
      on: {
        REVEAL_NEXT: { guard: 'moreToReveal', actions: assign({ revealed: ({ context }) => context.revealed + 1 }) },
        REVISE_SCREENING: { guard: 'validScreening', actions: assign({ revisedScreening: ({ event }) => event.screening }) },
        START_ASSESSMENT: { guard: 'allRevealed', target: 'assessment' },
      },
    },
    assessment: {
      tags: ['stage-two'],
      on: {
        SUBMIT_ASSESSMENT: { guard: 'validAssessment', target: 'complete', actions: assign({ assessment: ({ event }) => event.assessment }) },
      },
    },
    complete: { type: 'final', tags: ['feedback'] },
  },
});

/**
 * A persisted threshold exercise with its kinds of harm read as today's Wales categories, so an
 * attempt stored with an earlier kind (and missed by the migration) still restores and
 * displays. Anything without an assessment comes back as it was.
 */
export function withCurrentHarmKinds<S>(snapshot: S): S {
  const context = (snapshot as { context?: Partial<ThresholdExerciseContext> } | null)?.context;
  const assessment = context?.assessment;
  if (!assessment || !Array.isArray(assessment.kindsOfHarm)) return snapshot;
  return { ...snapshot, context: { ...context, assessment: { ...assessment, kindsOfHarm: toHarmKinds(assessment.kindsOfHarm) } } };
}
