import { describe, expect, it } from 'vitest';
import { applyEffect, checkOwnResponse, conversationResult, countCodes, exploreConversation, followBranches, LEGACY_MI_CODES, LEGACY_OWN_RESPONSE_EFFECTS, respond, MI_CODES, toMiCode } from '../../src/domain/simulations/conversation.ts';
import { conversationStructure } from '../../src/server/simulations/simulations.ts';
import { fixtureConversation } from '../fixtures/simulations.ts';

const structure = conversationStructure(fixtureConversation());
const start = { engagement: 1, discord: 2, changeTalk: 0, sustainTalk: 0 };

describe('a conversation’s rules', () => {
  it('keep engagement and discord between 0 and 5 and count change and sustain talk', () => {
    expect(applyEffect({ engagement: 5, discord: 0, changeTalk: 0, sustainTalk: 0 }, { engagement: 2, discord: -3, talk: 'change' })).toEqual({ engagement: 5, discord: 0, changeTalk: 1, sustainTalk: 0 });
    expect(applyEffect(start, { discord: 3, talk: 'sustain' })).toEqual({ engagement: 1, discord: 5, changeTalk: 0, sustainTalk: 1 });
  });

  it('take the first branch whose conditions all hold', () => {
    const branches = [{ when: { discord: { min: 4 } }, to: 'a' }, { when: { engagement: { min: 2, max: 3 } }, to: 'b' }, { to: 'c' }];
    expect(followBranches(branches, { ...start, discord: 4, engagement: 3 })).toBe('a');
    expect(followBranches(branches, { ...start, engagement: 3 })).toBe('b');
    expect(followBranches(branches, { ...start, engagement: 4 })).toBe('c');
  });

  it('let the family member’s state decide where the same turn leads', () => {
    expect(respond(structure, 'opening', start, { optionId: 'reflect' })).toEqual({ state: { engagement: 2, discord: 1, changeTalk: 1, sustainTalk: 0 }, next: 'opening-up' });
    expect(respond(structure, 'opening', start, { optionId: 'ask' })?.next).toBe('guarded');
    expect(respond(structure, 'opening', start, { optionId: 'confront' })?.next).toBe('walks-out');
    expect(respond(structure, 'opening', { ...start, discord: 0 }, { optionId: 'ask' })?.next).toBe('opening-up');
  });

  it('answer the learner’s own words with the turn’s neutral continuation, the same whatever code they give them', () => {
    const reflected = respond(structure, 'opening', start, { own: { text: 'You feel judged.', code: 'complex-reflection' } });
    const confronted = respond(structure, 'opening', start, { own: { text: 'Calm down.', code: 'confront' } });
    expect(reflected).toEqual({ state: start, next: 'guarded' });
    expect(confronted).toEqual(reflected);
    for (const code of MI_CODES) expect(respond(structure, 'opening', start, { own: { text: 'Words', code } })).toEqual(reflected);
  });

  it('follow a turn’s own-words branches when it has them, and its usual branches otherwise', () => {
    const keen = { engagement: 3, discord: 0, changeTalk: 1, sustainTalk: 0 };
    expect(respond(structure, 'opening-up', keen, { own: { text: 'Words', code: 'confront' } })).toEqual({ state: keen, next: 'next-step' });
    expect(respond(structure, 'opening', keen, { own: { text: 'Words', code: 'confront' } })?.next).toBe('opening-up');
  });

  it('still move a structure stored before own-words continuations by the learner’s code, so old attempts read as they happened', () => {
    const stored = { ...structure, turns: structure.turns.map(({ ownWords: _none, ...turn }) => turn) };
    expect(respond(stored, 'opening', start, { own: { text: 'You feel judged.', code: 'complex-reflection' } })).toEqual({
      state: applyEffect(start, LEGACY_OWN_RESPONSE_EFFECTS['complex-reflection']),
      next: 'opening-up',
    });
    expect(respond(stored, 'opening', start, { own: { text: 'Calm down.', code: 'confront' } })?.next).toBe('walks-out');
  });

  it('refuse an unknown turn or option', () => {
    expect(respond(structure, 'nowhere', start, { optionId: 'reflect' })).toBeNull();
    expect(respond(structure, 'opening', start, { optionId: 'summarise' })).toBeNull();
  });

  it('need the learner’s own words and a known code, within the length limit', () => {
    expect(checkOwnResponse({ text: ' ', code: '' })).toEqual([{ field: 'text', problem: 'required' }, { field: 'code', problem: 'required' }]);
    expect(checkOwnResponse({ text: 'x'.repeat(1001), code: 'shouting' })).toEqual([{ field: 'text', problem: 'too-long', max: 1000 }, { field: 'code', problem: 'invalid-choice' }]);
    expect(checkOwnResponse({ text: 'Tell me more.', code: 'question' })).toEqual([]);
  });

  it('count questions, reflections and MI-adherent and non-adherent responses as MITI 4.2.1 does', () => {
    expect(countCodes(['question', 'question', 'simple-reflection', 'complex-reflection', 'complex-reflection', 'affirm', 'emphasising-autonomy', 'seeking-collaboration', 'confront', 'persuade', 'giving-information'])).toEqual({
      questions: 2,
      simpleReflections: 1,
      complexReflections: 2,
      miAdherent: 3,
      miNonAdherent: 2,
    });
  });

  it('count persuading with permission as neither MI-adherent nor MI-non-adherent', () => {
    expect(countCodes(['persuade-with-permission'])).toEqual({ questions: 0, simpleReflections: 0, complexReflections: 0, miAdherent: 0, miNonAdherent: 0 });
  });

  it('offer exactly the ten MITI 4.2.1 behaviour codes', () => {
    expect([...MI_CODES].sort()).toEqual(['affirm', 'complex-reflection', 'confront', 'emphasising-autonomy', 'giving-information', 'persuade', 'persuade-with-permission', 'question', 'seeking-collaboration', 'simple-reflection']);
  });

  it('give a result with the ending’s outcome and MITI figures', () => {
    const result = conversationResult(structure, ['question', 'complex-reflection', 'simple-reflection'], 'names-change');
    expect(result.outcome).toBe('change-named');
    expect(result.miti).toMatchObject({ reflectionToQuestion: 2, percentComplexReflections: 50, bands: { reflectionToQuestion: 'good', percentComplexReflections: 'good' } });
    expect(conversationResult(structure, [], null)).toMatchObject({ outcome: null, miti: { reflectionToQuestion: null, percentComplexReflections: null } });
  });
});

describe('the conversation check (content:check)', () => {
  it('finds every turn and ending of a sound scenario reachable, with no problems', () => {
    const explored = exploreConversation(structure);
    expect(explored.problems).toEqual([]);
    expect([...explored.reachedTurns].sort()).toEqual(['guarded', 'opening', 'opening-up']);
    expect([...explored.reachedEndings].sort()).toEqual(['names-change', 'next-step', 'walks-out']);
  });

  it('names a turn nobody can reach, an ending nobody reaches, a dangling branch and a loop', () => {
    const broken = conversationStructure(
      fixtureConversation({
        turns: [
          ...fixtureConversation().turns.map((t) => (t.id === 'guarded' ? { ...t, next: [{ when: { discord: { min: 4 } }, to: 'walks-out' }, { when: { engagement: { min: 3 } }, to: 'nowhere' }, { to: 'opening' }] } : t)),
          { ...fixtureConversation().turns[0]!, id: 'orphan' },
        ],
      }),
    );
    const problems = exploreConversation(broken).problems.map((p) => `${p.turn}: ${p.problem}`);
    expect(problems).toContain('orphan: can never be reached');
    expect(problems).toContain('guarded: goes to "nowhere", which is neither a turn nor an ending');
    expect(problems).toContain('opening: the conversation can come back to this turn, so it might never end');
  });

  it('explores the learner’s own words as well as the scripted options', () => {
    // Only own words reach "next-step" from "opening-up" when its scripted options all lead to the change being named.
    const s = conversationStructure(fixtureConversation());
    const eager = { ...s, turns: s.turns.map((t) => (t.id === 'opening-up' ? { ...t, next: [{ to: 'names-change' }] } : t)) };
    const noGuarded = { ...eager, turns: eager.turns.map((t) => (t.id === 'opening' ? { ...t, next: [{ to: 'opening-up' }] } : t)).filter((t) => t.id !== 'guarded') };
    expect(exploreConversation(noGuarded).reachedEndings.has('next-step')).toBe(true);
    const withoutOwnBranch = { ...noGuarded, turns: noGuarded.turns.map((t) => (t.id === 'opening-up' ? { ...t, ownWords: {} } : t)) };
    expect(exploreConversation(withoutOwnBranch).reachedEndings.has('next-step')).toBe(false);
  });

  it('explores every code of own words in a structure stored before own-words continuations', () => {
    // There, only own words coded as confront reach "walks-out" from "guarded".
    const s = conversationStructure(fixtureConversation());
    const onlyOwn = { ...s, turns: s.turns.map(({ ownWords: _none, ...t }) => ({ ...t, options: t.options.filter((o) => !['confront', 'warn'].includes(o.id)) })) };
    expect(exploreConversation(onlyOwn).reachedEndings.has('walks-out')).toBe(true);
    expect(MI_CODES).toHaveLength(10);
  });
});

describe('reading a stored behaviour code', () => {
  it('keeps every MITI 4.2.1 code as it is', () => {
    for (const code of MI_CODES) expect(toMiCode(code)).toBe(code);
  });

  it('maps the codes used before MITI 4.2.1 to their MITI 4.2.1 code', () => {
    expect(toMiCode('open-question')).toBe('question');
    expect(toMiCode('closed-question')).toBe('question');
    expect(toMiCode('summary')).toBe('complex-reflection');
    expect(toMiCode('giving-information-with-permission')).toBe('giving-information');
    expect(toMiCode('persuading-without-permission')).toBe('persuade');
    expect(toMiCode('confronting')).toBe('confront');
    expect(toMiCode('affirmation')).toBe('affirm');
    expect(toMiCode('warning')).toBe('confront');
  });

  it('maps every earlier code to a current one, so no stored attempt is left unreadable', () => {
    for (const [old, current] of Object.entries(LEGACY_MI_CODES)) {
      expect(MI_CODES).not.toContain(old);
      expect(MI_CODES).toContain(current);
    }
  });

  it('answers null for anything that was never a code', () => {
    expect(toMiCode('shouting')).toBeNull();
    expect(toMiCode('toString')).toBeNull();
    expect(toMiCode(undefined)).toBeNull();
    expect(toMiCode(3)).toBeNull();
  });
});
