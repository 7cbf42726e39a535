import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { checkAssessment, checkScreening, compareKinds, compareOnScale, HARM_KINDS, LIKELIHOODS, NEEDS_MET, panelComparison, toHarmKinds, type Assessment } from '../../src/domain/thresholds/thresholds.ts';
import { thresholdExerciseMachine, withCurrentHarmKinds, type ThresholdExerciseEvent } from '../../src/machines/thresholds/threshold-exercise.machine.ts';
import { fixtureVignette } from '../fixtures/vignette.ts';

const screening = { answer: 'need-more-information' as const, reason: 'A single report; I need to know what the school and GP know.' };
const assessment: Assessment = {
  needs: { developmentalNeeds: 'partly', parentingCapacity: 'partly', familyAndEnvironment: 'meets' },
  childNeedsMet: 'partly',
  levelOfHarm: 'moderate',
  kindsOfHarm: ['neglect'],
  likelihood: 'likely',
  significant: 'yes',
  decision: 'strategy-discussion',
  followUp: ['Strategy discussion with police and health today'],
  summary: 'Repeated hunger and missed health care over months, not explained by a crisis.',
};
const events: ThresholdExerciseEvent[] = [
  { type: 'SCREEN', screening },
  { type: 'SCREEN', screening: { answer: 'yes', reason: '' } }, // invalid: no reason
  { type: 'REVEAL_NEXT' },
  { type: 'REVISE_SCREENING', screening: { answer: 'yes', reason: 'The visit shows a pattern.' } },
  { type: 'START_ASSESSMENT' },
  { type: 'SUBMIT_ASSESSMENT', assessment },
  { type: 'SUBMIT_ASSESSMENT', assessment: { ...assessment, summary: ' ' } }, // invalid: no reason for the decision
];

describe('the threshold exercise machine', () => {
  it.each([2, 3])('reaches every state by a shortest path for a vignette of %i stages', (stageCount) => {
    const paths = getShortestPaths(thresholdExerciseMachine, { events, input: { stageCount } });
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual(['assessment', 'complete', 'moreInformation', 'screening']);
    const toComplete = paths.find((p) => p.state.value === 'complete')!;
    // Screen, reveal what remains, start, submit.
    expect(toComplete.steps.map((s) => s.event.type)).toEqual(
      ['xstate.init', 'SCREEN', ...Array(stageCount - 2).fill('REVEAL_NEXT'), 'START_ASSESSMENT', 'SUBMIT_ASSESSMENT'],
    );
  });

  it('replays a path’s events to the same final state and answers (as the server does)', () => {
    const [path] = getShortestPaths(thresholdExerciseMachine, { events, input: { stageCount: 3 }, toState: (s) => s.value === 'complete' });
    const actor = createActor(thresholdExerciseMachine, { input: { stageCount: 3 } }).start();
    for (const step of path!.steps.slice(1)) actor.send(step.event);
    expect(actor.getSnapshot().value).toBe('complete');
    expect(actor.getSnapshot().context).toEqual(path!.state.context);
  });

  it('does not accept a screening without a reason, or a decision without its summary', () => {
    const actor = createActor(thresholdExerciseMachine, { input: { stageCount: 2 } }).start();
    expect(actor.getSnapshot().can({ type: 'SCREEN', screening: { answer: 'yes', reason: '  ' } })).toBe(false);
    actor.send({ type: 'SCREEN', screening });
    actor.send({ type: 'START_ASSESSMENT' });
    expect(actor.getSnapshot().can({ type: 'SUBMIT_ASSESSMENT', assessment: { ...assessment, summary: '' } })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'SUBMIT_ASSESSMENT', assessment })).toBe(true);
  });

  it('will not start Stage 2 before everything has been revealed', () => {
    const actor = createActor(thresholdExerciseMachine, { input: { stageCount: 3 } }).start();
    actor.send({ type: 'SCREEN', screening });
    expect(actor.getSnapshot().can({ type: 'START_ASSESSMENT' })).toBe(false);
    actor.send({ type: 'REVEAL_NEXT' });
    expect(actor.getSnapshot().can({ type: 'REVEAL_NEXT' })).toBe(false);
    expect(actor.getSnapshot().can({ type: 'START_ASSESSMENT' })).toBe(true);
  });

  it('survives being persisted and restored between requests', () => {
    const actor = createActor(thresholdExerciseMachine, { input: { stageCount: 2 } }).start();
    actor.send({ type: 'SCREEN', screening });
    const stored = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const restored = createActor(thresholdExerciseMachine, { snapshot: stored, input: { stageCount: 2 } }).start();
    expect(restored.getSnapshot().value).toBe('moreInformation');
    expect(restored.getSnapshot().context.screening).toEqual(screening);
  });
});

describe('checking judgements', () => {
  it('requires a reason for the screening and refuses answers off the scale', () => {
    expect(checkScreening({ answer: 'maybe', reason: '' })).toEqual({ ok: false, problems: [{ field: 'answer', problem: 'invalid-choice' }, { field: 'reason', problem: 'required' }] });
    expect(checkScreening({ answer: 'no', reason: ' Fine ' })).toEqual({ ok: true, screening: { answer: 'no', reason: 'Fine' } });
  });

  it('names every missing or out-of-range judgement', () => {
    const result = checkAssessment({ ...assessment, likelihood: 'certain', kindsOfHarm: ['neglect', 'neglect'], summary: '' });
    expect(result).toEqual({ ok: false, problems: [{ field: 'kindsOfHarm', problem: 'invalid-choice' }, { field: 'likelihood', problem: 'invalid-choice' }, { field: 'summary', problem: 'required' }] });
  });
  it('says which limit a too-long answer broke', () => {
    expect(checkScreening({ answer: 'no', reason: 'x'.repeat(2001) })).toEqual({ ok: false, problems: [{ field: 'reason', problem: 'too-long', max: 2000 }] });
    expect(checkAssessment({ ...assessment, followUp: ['y'.repeat(501)] })).toEqual({ ok: false, problems: [{ field: 'followUp', problem: 'too-long', max: 500 }] });
  });
});

describe('comparing with the panel', () => {
  it.each([
    ['likely', 'likely', 'exact'],
    ['possible', 'likely', 'one-step'],
    ['very-likely', 'likely', 'one-step'],
    ['unlikely', 'likely', 'different'],
  ] as const)('likelihood %s against the panel’s %s is %s', (answer, panel, agreement) => {
    expect(compareOnScale(LIKELIHOODS, answer, panel)).toBe(agreement);
  });

  it('never counts "not known" as one step from an answer', () => {
    expect(compareOnScale(NEEDS_MET, 'does-not-meet', 'not-known')).toBe('different');
    expect(compareOnScale(NEEDS_MET, 'not-known', 'not-known')).toBe('exact');
  });

  it('lists harm kinds shared, missed and added', () => {
    expect(compareKinds(['neglect', 'emotional'], ['neglect', 'financial'])).toEqual({ agreement: 'different', shared: ['neglect'], missed: ['financial'], added: ['emotional'] });
    expect(compareKinds(['physical'], ['physical']).agreement).toBe('exact');
  });

  it('compares each judgement of a whole answer: exact, one step, or different', () => {
    const answer: Assessment = { ...assessment, needs: { developmentalNeeds: 'does-not-meet', parentingCapacity: 'partly', familyAndEnvironment: 'meets' }, levelOfHarm: 'moderate', kindsOfHarm: ['neglect', 'emotional'], likelihood: 'very-likely' };
    expect(panelComparison(fixtureVignette().panel, { answer: 'need-more-information' }, answer)).toMatchObject({
      screening: 'exact',
      needs: { developmentalNeeds: 'exact', parentingCapacity: 'exact', familyAndEnvironment: 'one-step' },
      levelOfHarm: 'one-step',
      likelihood: 'one-step',
      significant: 'exact',
      decision: 'exact',
      kindsOfHarm: { shared: ['neglect'], missed: [], added: ['emotional'] },
    });
  });
});

describe('kinds of harm as used in Wales', () => {
  it('are physical, sexual, emotional or psychological, financial abuse, and neglect', () => {
    expect(HARM_KINDS).toEqual(['physical', 'sexual', 'emotional', 'financial', 'neglect']);
  });

  it('read a stored exposure to domestic abuse as emotional abuse', () => {
    expect(toHarmKinds(['domestic-abuse'])).toEqual(['emotional']);
    expect(toHarmKinds(['neglect', 'domestic-abuse'])).toEqual(['neglect', 'emotional']);
  });

  it('count emotional abuse once when both it and domestic abuse were chosen', () => {
    expect(toHarmKinds(['domestic-abuse', 'emotional'])).toEqual(['emotional']);
    expect(toHarmKinds(['emotional', 'physical', 'domestic-abuse'])).toEqual(['emotional', 'physical']);
  });

  it('keep today’s kinds as they are and drop anything that was never a kind', () => {
    expect(toHarmKinds([...HARM_KINDS])).toEqual([...HARM_KINDS]);
    expect(toHarmKinds(['cruelty', 7, 'sexual', 'toString'])).toEqual(['sexual']);
    expect(toHarmKinds([])).toEqual([]);
  });

  it('restore an attempt stored with domestic abuse as a kind, with emotional abuse in its place', () => {
    const actor = createActor(thresholdExerciseMachine, { input: { stageCount: 2 } }).start();
    actor.send({ type: 'SCREEN', screening: { answer: 'yes', reason: 'Police report.' } });
    actor.send({ type: 'REVEAL_NEXT' });
    actor.send({ type: 'START_ASSESSMENT' });
    actor.send({ type: 'SUBMIT_ASSESSMENT', assessment: { ...assessment, kindsOfHarm: ['emotional'] } });
    const stored = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    stored.context.assessment.kindsOfHarm = ['domestic-abuse', 'emotional'];
    const restored = createActor(thresholdExerciseMachine, { snapshot: withCurrentHarmKinds(stored), input: { stageCount: 2 } }).start().getSnapshot();
    expect(restored.value).toBe('complete');
    expect(restored.context.assessment?.kindsOfHarm).toEqual(['emotional']);
  });
});
