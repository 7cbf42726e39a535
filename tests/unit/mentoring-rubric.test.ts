import { describe, expect, it } from 'vitest';
import { defaultRubricFor, rubricTotal, type Rubric } from '../../src/domain/mentoring/index.ts';

const levels = [{ id: 'emerging', score: 1 }, { id: 'developing', score: 2 }, { id: 'secure', score: 3 }];
const rubric: Rubric = {
  id: 'threshold-reasoning',
  version: 1,
  workKinds: ['threshold'],
  defaultFor: ['vignette'],
  criteria: [
    { id: 'evidence', weight: 2, levels },
    { id: 'decision', weight: 1, levels },
    { id: 'globals', weight: 1, levels: [{ id: 'low', range: [1, 2] }, { id: 'high', range: [3, 5] }] },
  ],
};

describe('a rubric’s total', () => {
  it('weights each criterion’s score and reaches the weighted maximum when every top level is chosen', () => {
    const result = rubricTotal(rubric, { evidence: { level: 'secure' }, decision: { level: 'secure' }, globals: { level: 'high', score: 5 } });
    expect(result).toEqual({ total: 2 * 3 + 3 + 5, max: 2 * 3 + 3 + 5, complete: true, problems: [] });
  });

  it('takes the marker’s score for a ranged level when it lies inside the range, ends included', () => {
    expect(rubricTotal(rubric, { evidence: { level: 'emerging' }, decision: { level: 'developing' }, globals: { level: 'high', score: 3 } }).total).toBe(2 + 2 + 3);
  });

  it('keeps a running total of what is marked so far and says what is still missing', () => {
    const result = rubricTotal(rubric, { evidence: { level: 'developing' } });
    expect(result.total).toBe(4);
    expect(result.complete).toBe(false);
    expect(result.problems).toEqual([{ criterionId: 'decision', problem: 'missing' }, { criterionId: 'globals', problem: 'missing' }]);
  });

  it('has no total when nothing is marked', () => {
    expect(rubricTotal(rubric, {})).toMatchObject({ total: null, max: 14, complete: false });
  });

  it('refuses a level the criterion does not have', () => {
    expect(rubricTotal(rubric, { evidence: { level: 'excellent' }, decision: { level: 'secure' }, globals: { level: 'low', score: 1 } }).problems)
      .toEqual([{ criterionId: 'evidence', problem: 'unknown-level' }]);
  });

  it('refuses a ranged level without a score or with a score outside its range', () => {
    const base = { evidence: { level: 'secure' }, decision: { level: 'secure' } };
    expect(rubricTotal(rubric, { ...base, globals: { level: 'low' } }).problems).toEqual([{ criterionId: 'globals', problem: 'out-of-range' }]);
    expect(rubricTotal(rubric, { ...base, globals: { level: 'low', score: 3 } }).problems).toEqual([{ criterionId: 'globals', problem: 'out-of-range' }]);
    expect(rubricTotal(rubric, { ...base, globals: { level: 'high', score: Number.NaN } }).complete).toBe(false);
  });

  it('ignores marks for criteria the rubric does not have', () => {
    expect(rubricTotal(rubric, { evidence: { level: 'secure' }, decision: { level: 'secure' }, globals: { level: 'low', score: 2 }, extra: { level: 'secure' } }))
      .toMatchObject({ total: 11, complete: true });
  });
});

describe('the default rubric for a piece of work', () => {
  const conversation: Rubric = { ...rubric, id: 'collaborative-conversation', workKinds: ['simulation'], defaultFor: ['conversation'] };
  const change: Rubric = { ...rubric, id: 'areas-of-change-and-measure', workKinds: ['simulation', 'task', 'reflection'], defaultFor: ['conference', 'task'] };
  const all = [conversation, rubric, change];

  it('is the rubric covering the work kind that is the default for the activity’s kind', () => {
    expect(defaultRubricFor('simulation', 'conversation', all)?.id).toBe('collaborative-conversation');
    expect(defaultRubricFor('simulation', 'conference', all)?.id).toBe('areas-of-change-and-measure');
    expect(defaultRubricFor('threshold', 'vignette', all)?.id).toBe('threshold-reasoning');
  });

  it('falls back to the only rubric covering the work kind, e.g. a shared reflection with no assignment', () => {
    expect(defaultRubricFor('reflection', null, all)?.id).toBe('areas-of-change-and-measure');
  });

  it('leaves the choice to the mentor when several rubrics cover the work kind and none is its default', () => {
    expect(defaultRubricFor('simulation', 'programme', all)).toBeNull();
    expect(defaultRubricFor('simulation', null, all)).toBeNull();
  });
});
