import { and, asc, desc, eq, inArray, min } from 'drizzle-orm';
import { createActor, type AnyActorLogic, type SnapshotFrom } from 'xstate';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { simulationAttempts, simulationEvents, simulationOwnResponses } from '../../../db/schema/index.ts';
import type { ConferenceScenario, ConversationScenario, SimulationScenario } from '../../content/schemas.ts';
import { conferenceResult, type ConferenceExpert, type PlanProblem } from '../../domain/simulations/case-conference.ts';
import { conversationResult, type ConversationStructure, type MiCode } from '../../domain/simulations/conversation.ts';
import { caseConferenceMachine, CONFERENCE_STEP_EVENT, conferenceEventProblems, type CaseConferenceContext, type CaseConferenceEvent, type ConferenceStructure } from '../../machines/simulations/case-conference.machine.ts';
import { conversationEventProblems, conversationMachine, withCurrentCodes, type ConversationContext, type ConversationEvent } from '../../machines/simulations/conversation.machine.ts';
import type { Tx } from '../cpd/index.ts';
import { applyAttemptStep, getOwnAttempt, startAttempt, type AttemptKind, type AttemptStore, type RefusalMessages, type StepResult } from '../attempts/index.ts';
import { newId } from '../platform/index.ts';
import type { Scope } from '../people/index.ts';

export type SimulationAttempt = typeof simulationAttempts.$inferSelect;
export type SimulationEvent = ConversationEvent | CaseConferenceEvent;

/** The estimated minutes of a simulation of each kind: the most a finished one adds to the CPD record. */
export const SIMULATION_MINUTES = { conversation: 20, conference: 45 } as const;
/** The programme each kind of simulation practises (for the CPD record). */
export const SIMULATION_PROGRAMME = { conversation: 'collaborative-conversations', conference: 'effective-child-protection' } as const;

/** The structure the conversation machine needs: ids, codes, effects and branches, no text. */
export function conversationStructure(scenario: ConversationScenario): ConversationStructure {
  return {
    start: scenario.start,
    turns: scenario.turns.map((t) => ({
      id: t.id,
      next: t.next,
      options: t.options.map((o) => ({ id: o.id, code: o.code, effect: o.effect, ...(o.next ? { next: o.next } : {}) })),
      ownWords: t.ownWords.next ? { next: t.ownWords.next } : {},
    })),
    endings: scenario.endings.map((e) => ({ id: e.id, outcome: e.outcome })),
  };
}

export function conferenceStructure(scenario: ConferenceScenario): ConferenceStructure {
  return { conferenceDate: scenario.conferenceDate, areaIds: scenario.areas.map((a) => a.id), meetings: scenario.meetings.map((m) => ({ id: m.id, actionIds: m.actions.map((a) => a.id) })) };
}

export function conferenceExpert(scenario: ConferenceScenario): ConferenceExpert {
  return {
    conferenceDate: scenario.conferenceDate,
    expectedAreaIds: scenario.areas.filter((a) => a.expected).map((a) => a.id),
    meetingScales: scenario.meetings.map((m) => m.scales),
    reviewDecision: scenario.review.decision,
  };
}

/** The machine for a scenario's kind and its input. */
export function machineFor(scenario: SimulationScenario): { logic: AnyActorLogic; input: unknown } {
  return scenario.kind === 'conversation'
    ? { logic: conversationMachine, input: { structure: conversationStructure(scenario) } }
    : { logic: caseConferenceMachine, input: { structure: conferenceStructure(scenario) } };
}

function restore(attempt: Pick<SimulationAttempt, 'snapshot'> | null, scenario: SimulationScenario) {
  const { logic, input } = machineFor(scenario);
  // Codes stored before MITI 4.2.1 are read as today's, so an old attempt always restores.
  return createActor(logic, attempt ? { snapshot: withCurrentCodes(attempt.snapshot) as SnapshotFrom<typeof logic>, input } : { input }).start();
}

/** Where an attempt stands: the machine's state value, its context and whether it has finished. */
export function simulationState(attempt: SimulationAttempt, scenario: ConversationScenario): { value: string; context: ConversationContext; done: boolean };
export function simulationState(attempt: SimulationAttempt, scenario: ConferenceScenario): { value: string; context: CaseConferenceContext; done: boolean };
export function simulationState(attempt: SimulationAttempt, scenario: SimulationScenario): { value: string; context: ConversationContext | CaseConferenceContext; done: boolean };
export function simulationState(attempt: SimulationAttempt, scenario: SimulationScenario) {
  return stateOf(restore(attempt, scenario));
}

function stateOf(actor: ReturnType<typeof restore>) {
  const snapshot = actor.getSnapshot();
  return { value: String(snapshot.value), context: snapshot.context as ConversationContext | CaseConferenceContext, done: snapshot.status === 'done' };
}

/**
 * The result the server computes from the events it has applied (never from anything the client
 * says). `codes` replaces a conversation's transcript codes when a mentor's coding is authoritative.
 */
export function simulationResult(scenario: SimulationScenario, context: ConversationContext | CaseConferenceContext, codes?: readonly MiCode[]) {
  if (scenario.kind === 'conversation') {
    const c = context as ConversationContext;
    return { kind: 'conversation' as const, ...conversationResult(c.structure, codes ?? c.transcript.map((e) => e.code), c.ending) };
  }
  const c = context as CaseConferenceContext;
  return { kind: 'conference' as const, ...conferenceResult(conferenceExpert(scenario), { plan: c.plan ?? [], outlinePlanDate: c.outlinePlanDate ?? null, meetings: c.meetings, review: c.review }) };
}

const outcomeOf = (result: ReturnType<typeof simulationResult>): string | null =>
  result.kind === 'conversation' ? result.outcome : result.reviewAgrees === null ? null : `areas-${result.figures.areasFound}-of-${result.figures.areasExpected}`;

/** Starts a new attempt at a scenario for the viewer. */
export function startSimulation(scope: Scope, input: { scenario: SimulationScenario }): Promise<string> {
  const now = scope.now.getTime();
  return startAttempt(async ({ id, snapshot }) => {
    await scope.db.insert(simulationAttempts).values({
      id,
      personId: scope.viewer.id,
      organisationId: scope.organisationId,
      kind: input.scenario.kind,
      scenarioId: input.scenario.id,
      scenarioVersion: input.scenario.version,
      snapshot,
      startedAt: now,
      updatedAt: now,
    });
  }, restore(null, input.scenario));
}

/** One of the viewer's own attempts, or null (someone else's attempt looks like none). */
export function getOwnSimulationAttempt(scope: Scope, attemptId: string): Promise<SimulationAttempt | null> {
  return getOwnAttempt(scope, { load: loadSimulationAttempt }, attemptId);
}

/** The viewer's own attempts, newest first. */
export async function listOwnSimulationAttempts(scope: Scope) {
  return scope.db.select().from(simulationAttempts).where(eq(simulationAttempts.personId, scope.viewer.id)).orderBy(desc(simulationAttempts.startedAt));
}

/** The accepted events of one of the viewer's own attempts, in order (none for anyone else's). */
export async function listSimulationEvents(scope: Scope, attemptId: string) {
  const own = scope.db.select({ id: simulationAttempts.id }).from(simulationAttempts).where(and(eq(simulationAttempts.id, attemptId), eq(simulationAttempts.personId, scope.viewer.id)));
  return scope.db.select().from(simulationEvents).where(inArray(simulationEvents.attemptId, own)).orderBy(asc(simulationEvents.revision));
}

// The shapes an event may have; anything else is refused before the machine sees it.
// Generous here: the domain checks give the real limits, with a message on the right field.
const text = z.string().max(100_000);
const conversationEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('CHOOSE'), optionId: z.string().max(100) }),
  z.object({ type: z.literal('RESPOND_OWN'), text, code: z.string().max(100) }),
]);
const conferenceEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('SET_PLAN'), areas: z.array(z.object({ areaId: z.string().max(100), notGoodEnough: text, goodEnough: text, familyWords: text })).max(20), outlinePlanDate: z.string().max(20).default('') }),
  z.object({
    type: z.literal('RECORD_MEETING'),
    meeting: z.object({ date: z.string().max(20), scales: z.record(z.string().max(100), z.union([z.number(), z.string().max(20)])), moved: text, actions: z.array(z.string().max(100)).max(20) }),
  }),
  z.object({ type: z.literal('DECIDE'), review: z.object({ date: z.string().max(20), decision: z.string().max(20), reasons: text, nextReviewDate: z.string().max(20).optional() }) }),
  z.object({ type: z.literal('SELF_CHECK'), check: z.record(z.string().max(100), z.object({ observable: z.boolean(), specific: z.boolean(), ownWords: z.boolean() })) }),
]);

export type SimulationProblem = PlanProblem | { field: string; problem: 'required' | 'too-long' | 'invalid-choice'; max?: number };
export type SimulationStepResult = StepResult<SimulationAttempt, SimulationProblem>;
type SimulationContext = ConversationContext | CaseConferenceContext;

/** What the simulations say for each refused step. */
export const SIMULATION_REFUSALS: RefusalMessages = {
  'not-found': 'sim.notFound',
  stale: 'sim.errorStale',
  'changed-content': 'sim.errorChanged',
  'not-allowed': 'sim.errorNotAllowed',
  'round-closed': 'sim.errorNotAllowed',
  invalid: 'errors.summary',
};

/** Problems with an event's content at this point of the attempt (an unknown option, missing text, a bad date…), as the machine's module defines them. */
function eventProblems(scenario: SimulationScenario, context: SimulationContext, event: SimulationEvent): SimulationProblem[] {
  return scenario.kind === 'conversation'
    ? conversationEventProblems(context as ConversationContext, event as ConversationEvent)
    : conferenceEventProblems(context as CaseConferenceContext, event as CaseConferenceEvent);
}

async function loadSimulationAttempt(db: Db | Tx, personId: string, attemptId: string) {
  const [attempt] = await db.select().from(simulationAttempts).where(and(eq(simulationAttempts.id, attemptId), eq(simulationAttempts.personId, personId)));
  return attempt;
}

/** The simulation tables, for a scenario (a finished attempt's result is the scenario's). */
function simulationStore(scenario: SimulationScenario): AttemptStore<SimulationAttempt, SimulationEvent, SimulationContext> {
  return {
    load: loadSimulationAttempt,
    async update(tx, attempt, { snapshot, revision, context, done, now }) {
      const result = done ? simulationResult(scenario, context) : null;
      const [updated] = await tx
        .update(simulationAttempts)
        .set({ snapshot, revision, status: done ? 'complete' : 'in-progress', updatedAt: now, completedAt: done ? now : null, result, outcome: result ? outcomeOf(result) : null })
        .where(and(eq(simulationAttempts.id, attempt.id), eq(simulationAttempts.revision, attempt.revision)))
        .returning();
      return updated;
    },
    async insertEvent(tx, row) {
      await tx.insert(simulationEvents).values(row);
    },
    async firstEventAt(tx, attemptId) {
      const [first] = await tx.select({ at: min(simulationEvents.at) }).from(simulationEvents).where(eq(simulationEvents.attemptId, attemptId));
      return first?.at ?? null;
    },
  };
}

/** A simulation as a kind of attempt: the scenario's machine, its own-words responses kept for review. */
function simulationKind(scenario: SimulationScenario): AttemptKind<SimulationAttempt, SimulationEvent, SimulationProblem, unknown, SimulationContext> {
  return {
    store: simulationStore(scenario),
    content: { id: scenario.id, version: scenario.version },
    contentOf: (attempt) => ({ id: attempt.scenarioId, version: attempt.scenarioVersion }),
    parse(event) {
      const parsed = (scenario.kind === 'conversation' ? conversationEvent : conferenceEvent).safeParse(event);
      // Scales may still be text here: the machine's own check (`check` below) refuses that with a message.
      return parsed.success ? { ok: true, event: parsed.data as SimulationEvent } : { ok: false, problems: [{ field: 'event', problem: 'invalid-choice' }] };
    },
    restore: (attempt) => restore(attempt, scenario),
    check(before, event) {
      if (scenario.kind === 'conference' && CONFERENCE_STEP_EVENT[String(before.value)] !== event.type) return { ok: false, reason: 'not-allowed' };
      const problems = eventProblems(scenario, before.context, event);
      return problems.length ? { ok: false, reason: 'invalid', problems } : null;
    },
    async afterStep(tx, { attempt, event, before, now }) {
      if (event.type !== 'RESPOND_OWN') return;
      const turn = (before as ConversationContext).turn;
      await tx.insert(simulationOwnResponses).values({ id: newId(), attemptId: attempt.id, personId: attempt.personId, organisationId: attempt.organisationId, scenarioId: scenario.id, turnId: turn, text: event.text.trim(), code: event.code, createdAt: now });
    },
    cpd: (attempt) => ({
      personId: attempt.personId,
      kind: 'simulation',
      activityId: scenario.id,
      sourceId: attempt.id,
      programmeId: SIMULATION_PROGRAMME[scenario.kind],
      title: scenario.title,
      estimateMinutes: SIMULATION_MINUTES[scenario.kind],
    }),
  };
}

/**
 * Applies one learner action on the server, through the attempt engine: the person's own
 * attempt of the scenario's current version, at the revision it was made from, an event this
 * step takes with valid content. A response in the learner's own words is kept for mentor
 * review; a finished attempt gets its result and a CPD entry.
 */
export function applySimulationEvent(
  scope: Scope,
  input: { attemptId: string; revision: number; event: unknown; scenario: SimulationScenario },
): Promise<SimulationStepResult> {
  return applyAttemptStep(scope, simulationKind(input.scenario), input);
}

/** A persisted snapshot without the scenario structure (the page sends the structure once, separately). */
export function withoutStructure(snapshot: unknown): unknown {
  const s = withCurrentCodes(snapshot) as { context?: Record<string, unknown> };
  if (!s?.context) return snapshot;
  const { structure: _omitted, ...context } = s.context;
  return { ...s, context };
}

