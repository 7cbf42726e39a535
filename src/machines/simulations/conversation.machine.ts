import { assign, setup } from 'xstate';
import { checkOwnResponse, respond, toMiCode, type ConversationState, type ConversationStructure, type MiCode, type Response } from '../../domain/simulations/conversation.ts';

export type ConversationEvent = { type: 'CHOOSE'; optionId: string } | { type: 'RESPOND_OWN'; text: string; code: MiCode };

/** One response in the transcript: a scripted option, or the learner's own words with their own code. */
export type TranscriptEntry = { turn: string; optionId: string | null; own: { text: string; code: MiCode } | null; code: MiCode };

export type ConversationContext = {
  structure: ConversationStructure;
  turn: string;
  ending: string | null;
  state: ConversationState;
  transcript: TranscriptEntry[];
};

const asResponse = (event: ConversationEvent): Response => (event.type === 'CHOOSE' ? { optionId: event.optionId } : { own: { text: event.text.trim(), code: event.code } });

function outcome(context: ConversationContext, event: ConversationEvent) {
  if (event.type === 'RESPOND_OWN' && checkOwnResponse(event).length) return null;
  return respond(context.structure, context.turn, context.state, asResponse(event));
}

/** The problems with a response at the current turn (none means the machine takes it): an option of another turn, or own words without text or code. */
export function conversationEventProblems(context: ConversationContext, event: ConversationEvent): { field: string; problem: 'required' | 'too-long' | 'invalid-choice'; max?: number }[] {
  if (event.type === 'RESPOND_OWN') return checkOwnResponse(event);
  const turn = context.structure.turns.find((t) => t.id === context.turn);
  return turn?.options.some((o) => o.id === event.optionId) ? [] : [{ field: 'optionId', problem: 'invalid-choice' }];
}

const endings = (context: ConversationContext) => new Set(context.structure.endings.map((e) => e.id));

/**
 * A Collaborative Conversation practice: the family member speaks, the learner responds (a
 * scripted option or their own coded words), the family member's state moves, and the branch
 * that follows depends on it, until an ending. Any scenario runs on it: its structure (ids,
 * codes, effects and branches, not its text) comes in as input.
 */
export const conversationMachine = setup({
  types: {
    context: {} as ConversationContext,
    input: {} as { structure: ConversationStructure },
    events: {} as ConversationEvent,
  },
  guards: {
    endsConversation: ({ context, event }) => {
      const result = outcome(context, event);
      return result !== null && endings(context).has(result.next);
    },
    valid: ({ context, event }) => outcome(context, event) !== null,
  },
  actions: {
    record: assign(({ context, event }) => {
      const result = outcome(context, event)!;
      const ended = endings(context).has(result.next);
      const entry: TranscriptEntry =
        event.type === 'CHOOSE'
          ? { turn: context.turn, optionId: event.optionId, own: null, code: context.structure.turns.find((t) => t.id === context.turn)!.options.find((o) => o.id === event.optionId)!.code }
          : { turn: context.turn, optionId: null, own: { text: event.text.trim(), code: event.code }, code: event.code };
      return { state: result.state, turn: ended ? context.turn : result.next, ending: ended ? result.next : null, transcript: [...context.transcript, entry] };
    }),
  },
}).createMachine({
  id: 'conversation',
  context: ({ input }) => ({
    structure: input.structure,
    turn: input.structure.start.turn,
    ending: null,
    state: { engagement: input.structure.start.engagement, discord: input.structure.start.discord, changeTalk: 0, sustainTalk: 0 },
    transcript: [],
  }),
  initial: 'talking',
  states: {
    talking: {
      on: {
        CHOOSE: [
          { guard: 'endsConversation', target: 'ended', actions: 'record' },
          { guard: 'valid', actions: 'record' },
        ],
        RESPOND_OWN: [
          { guard: 'endsConversation', target: 'ended', actions: 'record' },
          { guard: 'valid', actions: 'record' },
        ],
      },
    },
    ended: { type: 'final' },
  },
});

/**
 * A persisted conversation snapshot with every behaviour code read as a MITI 4.2.1 code, so an
 * attempt stored before the codes changed (and missed by the migration) still restores and
 * displays: the structure's options, the transcript and the learner's own codes. Anything that
 * is not a conversation snapshot comes back as it was.
 */
export function withCurrentCodes<S>(snapshot: S): S {
  const context = (snapshot as { context?: Partial<ConversationContext> } | null)?.context;
  if (!context || !Array.isArray(context.transcript)) return snapshot;
  const code = (value: MiCode) => toMiCode(value) ?? value;
  const structure = context.structure && {
    ...context.structure,
    turns: context.structure.turns.map((t) => ({ ...t, options: t.options.map((o) => ({ ...o, code: code(o.code) })) })),
  };
  const transcript = context.transcript.map((e) => ({ ...e, code: code(e.code), own: e.own && { ...e.own, code: code(e.own.code) } }));
  return { ...snapshot, context: { ...context, ...(structure ? { structure } : {}), transcript } };
}
