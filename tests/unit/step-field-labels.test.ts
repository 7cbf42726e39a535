import { describe, expect, it } from 'vitest';
import { stepFieldLabel } from '../../src/domain/simulations/simulation-forms.ts';
import { translator } from '../../src/i18n/index.ts';
import { problemMessages } from '../../src/server/simulations/simulation-view.ts';

const en = translator('en');
const say = (key: Parameters<typeof en>[0], params?: { area: string }) => en(key, params);
const areaLabel = (id: string) => ({ home: 'Home conditions', school: 'School attendance' })[id];

describe('the label of a simulation step’s field', () => {
  it('names an area’s texts and scale by the area of change', () => {
    expect(stepFieldLabel('home.goodEnough', 'conference', say, areaLabel)).toBe(`Home conditions: ${en('sim.goodEnough')}`);
    expect(stepFieldLabel('scale.school', 'coreGroup', say, areaLabel)).toBe(en('sim.scale', { area: 'School attendance' }));
  });

  it('tells a Core Group date from the review conference’s by the step it was posted in', () => {
    expect(stepFieldLabel('date', 'coreGroup', say, areaLabel)).toBe(en('sim.meetingDate'));
    expect(stepFieldLabel('date', 'review', say, areaLabel)).toBe(en('sim.reviewDate'));
  });

  it('names the outline plan and next review dates', () => {
    expect(stepFieldLabel('outlinePlanDate', 'conference', say, areaLabel)).toBe(en('sim.outlinePlanDate'));
    expect(stepFieldLabel('nextReviewDate', 'review', say, areaLabel)).toBe(en('sim.nextReviewDate'));
  });

  it('has no label for a field the learner does not fill in, or an unknown area', () => {
    expect(stepFieldLabel('selfCheck', 'selfCheck', say, areaLabel)).toBeUndefined();
    expect(stepFieldLabel('constructor', 'review', say, areaLabel)).toBeUndefined();
    expect(stepFieldLabel('scale.garden', 'coreGroup', say, areaLabel)).toBeUndefined();
  });
});

describe('a step’s problem messages', () => {
  it('name the field for “required” and “too long”, and leave other messages as they are', () => {
    const messages = problemMessages(
      [
        { field: 'moved', problem: 'required' },
        { field: 'reasons', problem: 'too-long', max: 2000 },
        { field: 'actions', problem: 'duplicate' },
      ],
      en,
      (field) => stepFieldLabel(field, 'coreGroup', say, areaLabel),
    );
    expect(messages).toEqual({
      moved: en('errors.requiredField', { field: en('sim.moved') }),
      reasons: en('errors.tooLongField', { field: en('sim.reasons'), max: 2000 }),
      actions: en('errors.duplicate'),
    });
    expect(messages.moved).not.toBe(en('errors.required'));
  });
});
