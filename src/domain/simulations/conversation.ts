/**
 * The rules of a Collaborative Conversation practice scenario, apart from any text: how the
 * family member's state moves with each response, which turn follows, and the MITI-style
 * counts of a finished conversation. Pure, so the machine, the content check and the server
 * all use the same rules.
 */
import { mitiSummary, type MitiCounts } from './miti.ts';

/** The MITI 4.2.1 behaviour codes a response can carry. */
export const MI_CODES = [
  'giving-information',
  'persuade',
  'persuade-with-permission',
  'question',
  'simple-reflection',
  'complex-reflection',
  'affirm',
  'seeking-collaboration',
  'emphasising-autonomy',
  'confront',
] as const;
export type MiCode = (typeof MI_CODES)[number];

/** MITI 4.2.1's MI-adherent behaviours. */
export const MI_ADHERENT: readonly MiCode[] = ['affirm', 'seeking-collaboration', 'emphasising-autonomy'];
/** MITI 4.2.1's MI-non-adherent behaviours (persuading with permission is neither). */
export const MI_NON_ADHERENT: readonly MiCode[] = ['confront', 'persuade'];

/**
 * The codes this product used before it followed MITI 4.2.1, and the code each one is now.
 * MITI 4 codes a summary as a reflection, and a collecting summary is a complex one. A warning
 * is a threat of consequences, which MITI 4.2.1 codes as confront: scripted options were
 * re-coded one by one, but a stored own-words response coded "warning" always becomes confront
 * (one fixed rule; nobody re-reads the learner's text).
 */
export const LEGACY_MI_CODES = {
  'open-question': 'question',
  'closed-question': 'question',
  summary: 'complex-reflection',
  affirmation: 'affirm',
  'giving-information-with-permission': 'giving-information',
  'persuading-without-permission': 'persuade',
  confronting: 'confront',
  warning: 'confront',
} as const satisfies Record<string, MiCode>;

/**
 * A stored behaviour code as a MITI 4.2.1 code: current codes as they are, the product's
 * earlier codes mapped (see `LEGACY_MI_CODES`), anything else null. Both the migration of
 * stored attempts and every read of a stored code go through this one mapping.
 */
export function toMiCode(value: unknown): MiCode | null {
  if (typeof value !== 'string') return null;
  if ((MI_CODES as readonly string[]).includes(value)) return value as MiCode;
  return Object.hasOwn(LEGACY_MI_CODES, value) ? LEGACY_MI_CODES[value as keyof typeof LEGACY_MI_CODES] : null;
}

export const CONVERSATION_OUTCOMES = ['change-named', 'next-step-agreed', 'disengaged'] as const;
export type ConversationOutcome = (typeof CONVERSATION_OUTCOMES)[number];

/** What the family member's words after a response show: talk towards change, for staying the same, or neither. */
export const TALK = ['change', 'sustain', 'neutral'] as const;
export type Talk = (typeof TALK)[number];

/** The family member's state. Engagement and discord run from 0 to 5. */
export type ConversationState = { engagement: number; discord: number; changeTalk: number; sustainTalk: number };
export const STATE_VARIABLES = ['engagement', 'discord', 'changeTalk', 'sustainTalk'] as const;
export type StateVariable = (typeof STATE_VARIABLES)[number];
export const LEVEL_MAX = 5;

export type Effect = { engagement?: number; discord?: number; talk: Talk };
/** A branch: go to `to` (a turn or an ending id) when every condition holds; no conditions means always. */
export type Branch = { when?: Partial<Record<StateVariable, { min?: number; max?: number }>>; to: string };

export type ScenarioOption = { id: string; code: MiCode; effect: Effect; next?: Branch[] };
/**
 * What follows a response in the learner's own words at a turn: the same for every code the
 * learner gives it (a neutral continuation, no change to the family member's state), then
 * `next` or, without it, the turn's own branches.
 */
export type OwnWordsContinuation = { next?: Branch[] };
export type ScenarioTurn = { id: string; options: ScenarioOption[]; next: Branch[]; ownWords?: OwnWordsContinuation };
export type ScenarioEnding = { id: string; outcome: ConversationOutcome };
/** The structure of a scenario: what the rules need (the text lives alongside it in the content). */
export type ConversationStructure = {
  start: { turn: string; engagement: number; discord: number };
  turns: ScenarioTurn[];
  endings: ScenarioEnding[];
};

/** How a response in the learner's own words moves the family member: not at all, whatever its code. */
export const OWN_WORDS_EFFECT: Effect = { talk: 'neutral' };

/**
 * How own words moved the conversation before each turn had its own continuation: by the code
 * the learner gave them. Only a structure stored with an attempt from then (no `ownWords` on
 * its turns) still uses it, so such an attempt restores and reads as it happened.
 */
export const LEGACY_OWN_RESPONSE_EFFECTS: Record<MiCode, Effect> = {
  'giving-information': { talk: 'neutral' },
  persuade: { engagement: -1, discord: 1, talk: 'sustain' },
  'persuade-with-permission': { talk: 'neutral' },
  question: { engagement: 1, talk: 'neutral' },
  'simple-reflection': { engagement: 1, discord: -1, talk: 'neutral' },
  'complex-reflection': { engagement: 1, discord: -1, talk: 'change' },
  affirm: { engagement: 1, discord: -1, talk: 'neutral' },
  'seeking-collaboration': { engagement: 1, discord: -1, talk: 'change' },
  'emphasising-autonomy': { discord: -1, talk: 'change' },
  confront: { engagement: -1, discord: 2, talk: 'sustain' },
};

const clamp = (n: number) => Math.min(LEVEL_MAX, Math.max(0, n));

export function applyEffect(state: ConversationState, effect: Effect): ConversationState {
  return {
    engagement: clamp(state.engagement + (effect.engagement ?? 0)),
    discord: clamp(state.discord + (effect.discord ?? 0)),
    changeTalk: state.changeTalk + (effect.talk === 'change' ? 1 : 0),
    sustainTalk: state.sustainTalk + (effect.talk === 'sustain' ? 1 : 0),
  };
}

export function branchHolds(branch: Branch, state: ConversationState): boolean {
  return Object.entries(branch.when ?? {}).every(([variable, range]) => {
    const value = state[variable as StateVariable];
    return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
  });
}

/** The first branch whose conditions hold; a scenario's last branch has none, so there always is one. */
export function followBranches(branches: readonly Branch[], state: ConversationState): string | null {
  return branches.find((b) => branchHolds(b, state))?.to ?? null;
}

export type Response = { optionId: string } | { own: { text: string; code: MiCode } };

/** One response at a turn: the family member's new state and where the conversation goes next (a turn or an ending). */
export function respond(structure: ConversationStructure, turnId: string, state: ConversationState, response: Response): { state: ConversationState; next: string } | null {
  const turn = structure.turns.find((t) => t.id === turnId);
  if (!turn) return null;
  if ('optionId' in response) {
    const option = turn.options.find((o) => o.id === response.optionId);
    if (!option) return null;
    const after = applyEffect(state, option.effect);
    const next = followBranches(option.next ?? turn.next, after);
    return next ? { state: after, next } : null;
  }
  if (!MI_CODES.includes(response.own.code)) return null;
  // The learner's own code is kept for the record but never moves the family member.
  const after = applyEffect(state, turn.ownWords ? OWN_WORDS_EFFECT : LEGACY_OWN_RESPONSE_EFFECTS[response.own.code]);
  const next = followBranches(turn.ownWords?.next ?? turn.next, after);
  return next ? { state: after, next } : null;
}

export const OWN_RESPONSE_MAX = 1000;

/** Problems with a response written in the learner's own words. */
export function checkOwnResponse(own: { text?: unknown; code?: unknown }): { field: 'text' | 'code'; problem: 'required' | 'too-long' | 'invalid-choice'; max?: number }[] {
  const problems: ReturnType<typeof checkOwnResponse> = [];
  const text = typeof own.text === 'string' ? own.text.trim() : '';
  if (!text) problems.push({ field: 'text', problem: 'required' });
  else if (text.length > OWN_RESPONSE_MAX) problems.push({ field: 'text', problem: 'too-long', max: OWN_RESPONSE_MAX });
  if (typeof own.code !== 'string' || !own.code) problems.push({ field: 'code', problem: 'required' });
  else if (!(MI_CODES as readonly string[]).includes(own.code)) problems.push({ field: 'code', problem: 'invalid-choice' });
  return problems;
}

/** The MITI 4.2.1 counts of the codes of a learner's responses. */
export function countCodes(codes: readonly MiCode[]): MitiCounts {
  const count = (...wanted: MiCode[]) => codes.filter((c) => wanted.includes(c)).length;
  return {
    questions: count('question'),
    simpleReflections: count('simple-reflection'),
    complexReflections: count('complex-reflection'),
    miAdherent: count(...MI_ADHERENT),
    miNonAdherent: count(...MI_NON_ADHERENT),
  };
}

export type ExplorationProblem = { turn?: string; problem: string };

/**
 * Walks every state the conversation can really be in (turn × family member's state; every
 * scripted option and a response in the learner's own words) and reports turns
 * and endings nobody can reach, branches that lead nowhere and conversations that could loop
 * for ever. The state space is small: levels are bounded and talk counts are capped by depth.
 */
export function exploreConversation(structure: ConversationStructure, limit = 200_000): { problems: ExplorationProblem[]; reachedTurns: Set<string>; reachedEndings: Set<string> } {
  const problems: ExplorationProblem[] = [];
  const turns = new Map(structure.turns.map((t) => [t.id, t]));
  const endings = new Set(structure.endings.map((e) => e.id));
  const reachedTurns = new Set<string>();
  const reachedEndings = new Set<string>();
  const start: ConversationState = { engagement: structure.start.engagement, discord: structure.start.discord, changeTalk: 0, sustainTalk: 0 };
  if (!turns.has(structure.start.turn)) return { problems: [{ problem: `starts at "${structure.start.turn}", which is not a turn` }], reachedTurns, reachedEndings };
  // Depth-first with the path on a stack, so a turn met again on the same path is a loop.
  const seen = new Set<string>();
  const onPath = new Set<string>();
  let visits = 0;
  const visit = (turnId: string, state: ConversationState): void => {
    const key = `${turnId}|${state.engagement}|${state.discord}|${state.changeTalk}|${state.sustainTalk}`;
    if (++visits > limit) return;
    if (onPath.has(turnId)) {
      problems.push({ turn: turnId, problem: 'the conversation can come back to this turn, so it might never end' });
      return;
    }
    if (seen.has(key)) return;
    seen.add(key);
    reachedTurns.add(turnId);
    onPath.add(turnId);
    const turn = turns.get(turnId)!;
    // Own words go the same way whatever their code, except in a structure stored before that.
    const ownCodes: readonly MiCode[] = turn.ownWords ? [MI_CODES[0]] : MI_CODES;
    const responses: Response[] = [...turn.options.map((o) => ({ optionId: o.id })), ...ownCodes.map((code) => ({ own: { text: 'x', code } }))];
    for (const response of responses) {
      const result = respond(structure, turnId, state, response);
      if (!result) {
        problems.push({ turn: turnId, problem: `no branch applies after ${'optionId' in response ? `option "${response.optionId}"` : 'a response in the learner’s own words'}: give the last branch no conditions` });
        continue;
      }
      if (endings.has(result.next)) reachedEndings.add(result.next);
      else if (turns.has(result.next)) visit(result.next, result.state);
      else problems.push({ turn: turnId, problem: `goes to "${result.next}", which is neither a turn nor an ending` });
    }
    onPath.delete(turnId);
  };
  visit(structure.start.turn, start);
  if (visits > limit) problems.push({ problem: `has more than ${limit} states to explore: simplify the branching` });
  for (const t of structure.turns) if (!reachedTurns.has(t.id)) problems.push({ turn: t.id, problem: 'can never be reached' });
  for (const e of structure.endings) if (!reachedEndings.has(e.id)) problems.push({ turn: e.id, problem: 'this ending can never be reached' });
  return { problems: dedupe(problems), reachedTurns, reachedEndings };
}

function dedupe(problems: ExplorationProblem[]): ExplorationProblem[] {
  const keys = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.turn}|${p.problem}`;
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}

/** A finished (or partial) conversation's result: its ending's outcome, the MITI counts and summary. */
export function conversationResult(structure: ConversationStructure, codes: readonly MiCode[], endingId: string | null) {
  const counts = countCodes(codes);
  return { outcome: structure.endings.find((e) => e.id === endingId)?.outcome ?? null, counts, miti: mitiSummary(counts) };
}
export type ConversationResult = ReturnType<typeof conversationResult>;
