import { describe, expect, it } from 'vitest';
import { gradeKnowledgeCheck, type AnswerKey } from '../../src/domain/learning/knowledge-check.ts';

const questions: AnswerKey[] = ['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => ({ id, optionIds: ['a', 'b', 'c'], correctOptionId: 'a' }));
const key = { version: 2, questions };
const answers = (correct: number) => Object.fromEntries(questions.map((q, i) => [q.id, i < correct ? 'a' : 'b']));

describe('marking a knowledge check', () => {
  it.each([
    [5, 100, true],
    [4, 80, true],
    [3, 60, false],
    [0, 0, false],
  ])('%i of 5 right is %i% and passed = %s', (correct, percent, passed) => {
    const result = gradeKnowledgeCheck(key, { version: 2, answers: answers(correct) });
    expect(result).toMatchObject({ ok: true, grade: { score: correct, total: 5, percent, passed } });
  });

  it('reports each question’s result', () => {
    const result = gradeKnowledgeCheck(key, { version: 2, answers: { q1: 'a', q2: 'c', q3: 'a', q4: 'a', q5: 'a' } });
    expect(result.ok && result.grade.questions[1]).toEqual({ questionId: 'q2', chosenOptionId: 'c', correct: false });
  });

  it('passes 8 of 10 and fails 7 of 10 (the mark is not rounded up)', () => {
    const ten = { version: 1, questions: Array.from({ length: 10 }, (_, i) => ({ id: `q${i}`, optionIds: ['a', 'b'], correctOptionId: 'a' })) };
    const answer = (n: number) => Object.fromEntries(ten.questions.map((q, i) => [q.id, i < n ? 'a' : 'b']));
    expect(gradeKnowledgeCheck(ten, { version: 1, answers: answer(8) })).toMatchObject({ grade: { passed: true } });
    expect(gradeKnowledgeCheck(ten, { version: 1, answers: answer(7) })).toMatchObject({ grade: { passed: false } });
  });

  it.each([
    ['an old version of the module', { version: 1, answers: answers(5) }, { kind: 'stale-version', expected: 2, received: 1 }],
    ['a question that does not exist', { version: 2, answers: { ...answers(5), q9: 'a' } }, { kind: 'unknown-question', questionId: 'q9' }],
    ['an option out of range', { version: 2, answers: { ...answers(5), q3: 'z' } }, { kind: 'unknown-option', questionId: 'q3', optionId: 'z' }],
    ['unanswered questions', { version: 2, answers: { q1: 'a', q2: 'a' } }, { kind: 'unanswered', questionIds: ['q3', 'q4', 'q5'] }],
  ])('refuses a submission with %s', (_, submission, problem) => {
    expect(gradeKnowledgeCheck(key, submission)).toEqual({ ok: false, problem });
  });
});
