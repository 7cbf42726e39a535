import { describe, expect, it } from 'vitest';
import { checkFeedback, gradeKnowledgeCheck, isOrderSeed, shuffledOptions } from '../../src/domain/learning/index.ts';

const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, correct: id === 'a' }));

describe('the option order of a knowledge-check attempt', () => {
  it('is the same every time the same attempt is drawn', () => {
    expect(shuffledOptions(options, 'attempt-seed-1', 'q1')).toEqual(shuffledOptions(options, 'attempt-seed-1', 'q1'));
  });

  it('keeps every option exactly once', () => {
    const order = shuffledOptions(options, 'attempt-seed-1', 'q1');
    expect(order.map((o) => o.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(options.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('changes from one attempt to the next, and between questions of one attempt', () => {
    const orders = (seeds: string[], question: (i: number) => string) => new Set(seeds.map((seed, i) => shuffledOptions(options, seed, question(i)).map((o) => o.id).join('')));
    const seeds = Array.from({ length: 40 }, (_, i) => `seed-${i.toString().padStart(4, '0')}`);
    // 40 attempts over 24 possible orders: a working shuffle shows many of them.
    expect(orders(seeds, () => 'q1').size).toBeGreaterThan(8);
    expect(orders(seeds.map(() => 'one-attempt'), (i) => `q${i}`).size).toBeGreaterThan(8);
  });

  it('does not always put the best answer first or in one place', () => {
    const places = new Set(Array.from({ length: 40 }, (_, i) => shuffledOptions(options, `attempt-${i}-abcdef`, 'q1').findIndex((o) => o.correct)));
    expect(places.size).toBe(4);
  });

  it('accepts only a short, safe seed back from a form', () => {
    expect(isOrderSeed('abcd2345efgh6789')).toBe(true);
    expect(isOrderSeed('short')).toBe(false);
    expect(isOrderSeed('<script>alert(1)</script>')).toBe(false);
    expect(isOrderSeed(['abcd2345efgh6789'])).toBe(false);
    expect(isOrderSeed(undefined)).toBe(false);
  });
});

describe('the feedback on a marked knowledge check', () => {
  const questions = ['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => ({ id, options }));
  const key = { version: 1, questions: questions.map((q) => ({ id: q.id, optionIds: options.map((o) => o.id), correctOptionId: 'a' })) };
  const marked = (answers: Record<string, string>) => {
    const result = gradeKnowledgeCheck(key, { version: 1, answers });
    if (!result.ok) throw new Error('the test answers should be valid');
    return checkFeedback(questions, result.grade);
  };

  it('after a fail, says for each question whether the chosen answer was right, and never gives the best answer', () => {
    const feedback = marked({ q1: 'a', q2: 'a', q3: 'b', q4: 'c', q5: 'd' });
    expect(feedback.map((f) => [f.question.id, f.chosen?.id, f.correct])).toEqual([
      ['q1', 'a', true],
      ['q2', 'a', true],
      ['q3', 'b', false],
      ['q4', 'c', false],
      ['q5', 'd', false],
    ]);
    expect(feedback.every((f) => f.best === null)).toBe(true);
  });

  it('after a pass, reveals the best answer where the choice was not it', () => {
    const feedback = marked({ q1: 'a', q2: 'a', q3: 'a', q4: 'a', q5: 'c' });
    expect(feedback.map((f) => [f.question.id, f.correct, f.best?.id ?? null])).toEqual([
      ['q1', true, null],
      ['q2', true, null],
      ['q3', true, null],
      ['q4', true, null],
      ['q5', false, 'a'],
    ]);
  });

  it('marks by option id whatever order the options were shown in', () => {
    const shown = shuffledOptions(options, 'any-attempt-seed', 'q1');
    const answers = Object.fromEntries(questions.map((q) => [q.id, shown.find((o) => o.correct)!.id]));
    expect(marked(answers).every((f) => f.correct)).toBe(true);
  });
});
