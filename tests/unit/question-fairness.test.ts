import { describe, expect, it } from 'vitest';
import { checkQuestionFairness, describeLengthBias, measureLengthBias } from '../../src/domain/learning/question-fairness.ts';

const option = (correct: boolean, en: string, cy = en) => ({ correct, text: { en, cy } });
const fair = (id: string) => ({ id, options: [option(true, 'short'), option(false, 'a longer one'), option(false, 'mid')] });
const biased = (id: string) => ({ id, options: [option(true, 'the long right answer'), option(false, 'short'), option(false, 'mid one')] });
const moduleWith = (...questions: ReturnType<typeof fair>[]) => ({ id: 'cc-one', file: 'content/modules/cc/cc-one/module.yaml', knowledgeCheck: questions });

describe('measuring whether option length gives the answer away', () => {
  it('counts a question whose correct option is strictly the longest', () => {
    expect(measureLengthBias([moduleWith(biased('q1'), fair('q2'))])).toMatchObject({ biased: 1, total: 2, share: 0.5, questions: [{ module: 'cc-one', question: 'q1' }] });
  });

  it('does not count a correct option that only ties for longest', () => {
    const tie = { id: 'q1', options: [option(true, 'abcdef'), option(false, 'ghijkl'), option(false, 'mn')] };
    expect(measureLengthBias([moduleWith(tie)]).biased).toBe(0);
  });

  it('counts a question that is biased in Welsh only', () => {
    const welshOnly = { id: 'q1', options: [option(true, 'short', 'ateb cywir hir iawn'), option(false, 'much longer wrong', 'byr'), option(false, 'mid', 'canol')] };
    expect(measureLengthBias([moduleWith(welshOnly)]).biased).toBe(1);
  });

  it('adds up questions across modules', () => {
    const bias = measureLengthBias([moduleWith(biased('q1')), { ...moduleWith(fair('q1'), fair('q2'), fair('q3')), id: 'cc-two' }]);
    expect(bias).toMatchObject({ biased: 1, total: 4, share: 0.25 });
  });

  it('describes the share against the limit', () => {
    expect(describeLengthBias(measureLengthBias([moduleWith(biased('q1'), fair('q2'), fair('q3'), fair('q4'))]))).toBe(
      'Correct option is the longest in 1 of 4 questions (25%); the limit is 35%',
    );
  });
});

describe('the fairness rule for knowledge checks', () => {
  it('accepts a set where the correct option is the longest in at most 35% of questions', () => {
    expect(checkQuestionFairness([moduleWith(biased('q1'), fair('q2'), fair('q3'))])).toEqual([]);
  });

  it('refuses a set above the limit and names the biased questions', () => {
    const problems = checkQuestionFairness([moduleWith(biased('q1'), biased('q2'), fair('q3'))]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.problem).toContain('Correct option is the longest in 2 of 3 questions (67%); the limit is 35%');
    expect(problems[0]!.problem).toContain('cc-one/q1, cc-one/q2');
  });
});
