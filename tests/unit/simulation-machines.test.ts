import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { loadContent } from '../../src/content/load.ts';
import { caseConferenceMachine } from '../../src/machines/simulations/case-conference.machine.ts';
import { conversationMachine, withCurrentCodes } from '../../src/machines/simulations/conversation.machine.ts';
import { conferenceStructure, conversationStructure } from '../../src/server/simulations/simulations.ts';
import { fixtureConference, fixtureConversation } from '../fixtures/simulations.ts';
import { conferencePaths, conversationPaths, replayEvents } from '../support/simulation-paths.ts';

const content = loadContent(resolve('content'));
const conversations = [fixtureConversation(), ...content.conversations];
const conferences = [fixtureConference(), ...content.conferences];

describe('the conversation machine, for every scenario', () => {
  it('has at least the three practice conversations the product promises', () => {
    expect(content.conversations.length).toBeGreaterThanOrEqual(3);
  });

  it.each(conversations.map((s) => [s.id, s] as const))('%s: shortest paths reach every turn and every ending, and replay to the same state', { timeout: 60_000 }, (_id, scenario) => {
    const paths = conversationPaths(scenario);
    const turns = new Set(paths.filter((p) => p.state.value === 'talking').map((p) => p.state.context.turn));
    const endings = new Set(paths.filter((p) => p.state.value === 'ended').map((p) => p.state.context.ending));
    expect([...turns].sort()).toEqual(scenario.turns.map((t) => t.id).sort());
    expect([...endings].sort()).toEqual(scenario.endings.map((e) => e.id).sort());
    for (const path of paths.filter((p) => p.state.value === 'ended')) {
      // A path's state stands for every way there (the graph keys states by ending and family member's state).
      const replayed = replayEvents(scenario, path.steps.slice(1).map((s) => s.event));
      expect(replayed).toMatchObject({ value: 'ended', done: true, context: { ending: path.state.context.ending, state: path.state.context.state } });
    }
  });

  it.each(conversations.map((s) => [s.id, s] as const))('%s: answers own words the same whatever code the learner gives them, and keeps each code', (_id, scenario) => {
    const run = (code: 'complex-reflection' | 'confront') => {
      const actor = createActor(conversationMachine, { input: { structure: conversationStructure(scenario) } }).start();
      const path: string[] = [];
      while (actor.getSnapshot().status !== 'done' && path.length < 50) {
        actor.send({ type: 'RESPOND_OWN', text: 'In my own words', code });
        const { context } = actor.getSnapshot();
        path.push(`${context.ending ?? context.turn}|${JSON.stringify(context.state)}`);
      }
      return { path, context: actor.getSnapshot().context, done: actor.getSnapshot().status === 'done' };
    };
    const reflected = run('complex-reflection');
    const confronted = run('confront');
    expect(reflected.done).toBe(true);
    expect(confronted.path).toEqual(reflected.path);
    expect(confronted.context.state).toEqual(reflected.context.state);
    expect(reflected.context.transcript.every((e) => e.code === 'complex-reflection' && e.own?.code === 'complex-reflection')).toBe(true);
    expect(confronted.context.transcript.every((e) => e.code === 'confront' && e.own?.code === 'confront')).toBe(true);
  });

  it('ignores an option from another turn and own words without a code', () => {
    const actor = createActor(conversationMachine, { input: { structure: conversationStructure(fixtureConversation()) } }).start();
    expect(actor.getSnapshot().can({ type: 'CHOOSE', optionId: 'summarise' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'RESPOND_OWN', text: 'Hello', code: '' as never })).toBe(false);
    actor.send({ type: 'RESPOND_OWN', text: '  It sounds like this feels unfair.  ', code: 'complex-reflection' });
    expect(actor.getSnapshot().context.transcript).toEqual([{ turn: 'opening', optionId: null, own: { text: 'It sounds like this feels unfair.', code: 'complex-reflection' }, code: 'complex-reflection' }]);
  });
});

describe('the case conference machine, for every scenario', () => {
  it('has at least the two conference simulations the product promises', () => {
    expect(content.conferences.length).toBeGreaterThanOrEqual(2);
  });

  it.each(conferences.map((s) => [s.id, s] as const))('%s: shortest paths reach the conference, every Core Group, the review, the self-check and the end', (_id, scenario) => {
    const paths = conferencePaths(scenario);
    const reached = new Set(paths.map((p) => `${String(p.state.value)}${p.state.value === 'coreGroup' ? p.state.context.meetings.length : ''}`));
    expect([...reached].sort()).toEqual(['complete', 'conference', ...scenario.meetings.slice(1).map((_, i) => `coreGroup${i + 1}`), 'coreGroup0', 'review', 'selfCheck'].sort());
    const finished = paths.filter((p) => p.state.value === 'complete');
    expect(finished.length).toBeGreaterThan(0);
    for (const path of finished) {
      const replayed = replayEvents(scenario, path.steps.slice(1).map((s) => s.event));
      expect(replayed).toMatchObject({ value: 'complete', context: { plan: path.state.context.plan, review: { decision: path.state.context.review!.decision } } });
    }
  });

  it('refuses a plan with more than four areas or no outline plan date, an undated meeting, a review before the last meeting and a continuing plan with no next review', () => {
    const scenario = fixtureConference();
    const actor = createActor(caseConferenceMachine, { input: { structure: conferenceStructure(scenario) } }).start();
    const planned = (areaId: string) => ({ areaId, notGoodEnough: 'a', goodEnough: 'b', familyWords: 'c' });
    const outlinePlanDate = '2026-03-06';
    expect(actor.getSnapshot().can({ type: 'SET_PLAN', areas: ['home', 'health', 'rent', 'football', 'garden'].map(planned), outlinePlanDate })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'SET_PLAN', areas: ['home', 'health', 'rent', 'football'].map(planned), outlinePlanDate })).toBe(true);
    expect(actor.getSnapshot().can({ type: 'SET_PLAN', areas: ['home', 'health'].map(planned), outlinePlanDate: '' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'SET_PLAN', areas: ['home', 'health'].map(planned), outlinePlanDate: '2026-03-01' })).toBe(false);
    actor.send({ type: 'SET_PLAN', areas: ['home', 'health'].map(planned), outlinePlanDate });
    expect(actor.getSnapshot().context.outlinePlanDate).toBe(outlinePlanDate);
    expect(actor.getSnapshot().can({ type: 'RECORD_MEETING', meeting: { date: '', scales: { home: 3, health: 3 }, moved: 'x', actions: [] } })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'DECIDE', review: { date: '2026-05-01', decision: 'end', reasons: 'x' } })).toBe(false);
    actor.send({ type: 'RECORD_MEETING', meeting: { date: '2026-03-10', scales: { home: 3, health: 3 }, moved: 'x', actions: ['cg1-visit'] } });
    expect(actor.getSnapshot().value).toBe('coreGroup');
    expect(actor.getSnapshot().can({ type: 'RECORD_MEETING', meeting: { date: '2026-03-09', scales: { home: 3, health: 3 }, moved: 'x', actions: [] } })).toBe(false);
    actor.send({ type: 'RECORD_MEETING', meeting: { date: '2026-04-10', scales: { home: 4, health: 3 }, moved: 'x', actions: ['cg2-letter'] } });
    expect(actor.getSnapshot().value).toBe('review');
    // A plan that continues must date its next review; one that ends has none.
    expect(actor.getSnapshot().can({ type: 'DECIDE', review: { date: '2026-05-20', decision: 'continue', reasons: 'x' } })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'DECIDE', review: { date: '2026-05-20', decision: 'continue', reasons: 'x', nextReviewDate: '2026-05-19' } })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'DECIDE', review: { date: '2026-05-20', decision: 'end', reasons: 'x' } })).toBe(true);
    actor.send({ type: 'DECIDE', review: { date: '2026-05-20', decision: 'continue', reasons: ' x ', nextReviewDate: '2026-11-20' } });
    expect(actor.getSnapshot().context.review).toEqual({ date: '2026-05-20', decision: 'continue', reasons: 'x', nextReviewDate: '2026-11-20' });
  });
});

describe('a conversation stored before the MITI 4.2.1 codes', () => {
  it('restores with today’s codes in its structure, its transcript and the learner’s own words', () => {
    const actor = createActor(conversationMachine, { input: { structure: conversationStructure(fixtureConversation()) } }).start();
    actor.send({ type: 'CHOOSE', optionId: 'ask' });
    actor.send({ type: 'RESPOND_OWN', text: 'That sounds hard.', code: 'affirm' });
    const stored = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    // Write the codes back as the product stored them before.
    stored.context.structure.turns[0].options[1].code = 'open-question';
    stored.context.transcript[0].code = 'open-question';
    stored.context.transcript[1].code = 'affirmation';
    stored.context.transcript[1].own.code = 'affirmation';
    const restored = createActor(conversationMachine, { snapshot: withCurrentCodes(stored), input: { structure: conversationStructure(fixtureConversation()) } }).start().getSnapshot();
    expect(restored.context.structure.turns[0]!.options[1]!.code).toBe('question');
    expect(restored.context.transcript.map((e) => [e.code, e.own?.code ?? null])).toEqual([['question', null], ['affirm', 'affirm']]);
  });

  it('leaves a case conference snapshot as it was', () => {
    const snapshot = { value: 'conference', context: { plan: null, meetings: [] } };
    expect(withCurrentCodes(snapshot)).toBe(snapshot);
  });
});
