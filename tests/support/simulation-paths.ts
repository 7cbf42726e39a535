// Model-based paths through every simulation scenario (xstate/graph), shared by the machine
// unit tests and the integration test that replays them through the server.
import { getShortestPaths } from 'xstate/graph';
import type { SnapshotFrom } from 'xstate';
import type { ConferenceScenario, ConversationScenario } from '../../src/content/schemas.ts';
import { addDays } from '../../src/domain/common/index.ts';
import { MI_CODES } from '../../src/domain/simulations/conversation.ts';
import { caseConferenceMachine, type CaseConferenceEvent } from '../../src/machines/simulations/case-conference.machine.ts';
import { conversationMachine, type ConversationEvent } from '../../src/machines/simulations/conversation.machine.ts';
import { createActor } from 'xstate';
import type { SimulationScenario } from '../../src/content/schemas.ts';
import { conferenceStructure, conversationStructure, machineFor } from '../../src/server/simulations/simulations.ts';

/** Every scripted option of the current turn, and one response in the learner's own words for every code. */
function conversationEvents(snapshot: SnapshotFrom<typeof conversationMachine>): ConversationEvent[] {
  const turn = snapshot.context.structure.turns.find((t) => t.id === snapshot.context.turn);
  if (!turn || snapshot.status === 'done') return [];
  return [...turn.options.map((o) => ({ type: 'CHOOSE' as const, optionId: o.id })), ...MI_CODES.map((code) => ({ type: 'RESPOND_OWN' as const, text: `In my own words (${code})`, code }))];
}

/** Shortest paths to every state a conversation can be in: each turn or ending with the family member's state. */
export function conversationPaths(scenario: ConversationScenario) {
  return getShortestPaths(conversationMachine, {
    input: { structure: conversationStructure(scenario) },
    events: conversationEvents,
    serializeState: (s) => {
      const c = s.context;
      return `${String(s.value)}|${c.ending ?? c.turn}|${c.state.engagement}|${c.state.discord}|${c.state.changeTalk}|${c.state.sustainTalk}`;
    },
  });
}

/**
 * The events a learner might send at each step of a conference: a plan with the expected areas
 * and one with noise; a meeting kept on time and one held late; each review decision; a self-check;
 * and one incomplete plan the machine must refuse.
 */
function conferenceEvents(scenario: ConferenceScenario) {
  const expected = scenario.areas.filter((a) => a.expected).map((a) => a.id);
  const noise = scenario.areas.find((a) => !a.expected)!.id;
  const planned = (areaId: string) => ({ areaId, notGoodEnough: 'What we see now.', goodEnough: 'What we would see.', familyWords: '“Our words.”' });
  return (snapshot: SnapshotFrom<typeof caseConferenceMachine>): CaseConferenceEvent[] => {
    const c = snapshot.context;
    const last = c.meetings.at(-1)?.date ?? c.structure.conferenceDate;
    const areaIds = (c.plan ?? []).map((a) => a.areaId);
    const meeting = c.structure.meetings[c.meetings.length];
    switch (String(snapshot.value)) {
      case 'conference':
        return [
          { type: 'SET_PLAN', areas: expected.map(planned), outlinePlanDate: addDays(last, 3) },
          { type: 'SET_PLAN', areas: [planned(expected[0]!), planned(noise)], outlinePlanDate: addDays(last, 10) },
          { type: 'SET_PLAN', areas: [{ ...planned(expected[0]!), goodEnough: '' }], outlinePlanDate: addDays(last, 3) },
          { type: 'SET_PLAN', areas: expected.map(planned), outlinePlanDate: '' },
        ];
      case 'coreGroup':
        return [7, 60].map((days, i) => ({
          type: 'RECORD_MEETING' as const,
          meeting: { date: addDays(last, days), scales: Object.fromEntries(areaIds.map((id) => [id, 3 + c.meetings.length + i])), moved: 'What moved it.', actions: meeting ? [meeting.actionIds[0]!] : [] },
        }));
      case 'review':
        return (['continue', 'end'] as const).map((decision) => ({ type: 'DECIDE' as const, review: { date: addDays(last, 14), decision, reasons: 'The evidence says so.', nextReviewDate: addDays(last, 14 + 150) } }));
      case 'selfCheck':
        return [{ type: 'SELF_CHECK', check: Object.fromEntries(areaIds.map((id) => [id, { observable: true, specific: false, ownWords: true }])) }];
      default:
        return [];
    }
  };
}

/** Shortest paths to every step of a conference (each Core Group meeting counted apart). */
export function conferencePaths(scenario: ConferenceScenario) {
  return getShortestPaths(caseConferenceMachine, {
    input: { structure: conferenceStructure(scenario) },
    events: conferenceEvents(scenario),
    serializeState: (s) => `${String(s.value)}|${s.context.meetings.length}|${(s.context.plan ?? []).map((a) => a.areaId).join(',')}|${s.context.review?.decision ?? ''}`,
  });
}

/** Runs recorded events through a fresh machine, apart from the server's code: what a stored snapshot must equal. */
export function replayEvents(scenario: SimulationScenario, events: readonly unknown[]) {
  const { logic, input } = machineFor(scenario);
  const actor = createActor(logic, { input }).start();
  for (const event of events) actor.send(event as { type: string });
  const snapshot = actor.getSnapshot();
  return { value: String(snapshot.value), context: snapshot.context as unknown, done: snapshot.status === 'done' };
}
