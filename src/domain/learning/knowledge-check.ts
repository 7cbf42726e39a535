/** Each answer is posted as a form field named by this prefix and the question's id (the island and the page agree on it here). */
export const ANSWER_FIELD_PREFIX = 'q:';

/** The form field carrying the seed of an attempt's option order (see `shuffledOptions`). */
export const ORDER_FIELD = 'order';

/** The pass mark for every knowledge check, as a percentage. */
export const PASS_MARK_PERCENT = 80;

/** A score as a whole-number percentage (0 when there were no questions). */
export function scorePercent(score: number, total: number): number {
  return total === 0 ? 0 : Math.round((score / total) * 100);
}

/** What the server knows about a question: its options and which one is right. */
export type AnswerKey = { id: string; optionIds: readonly string[]; correctOptionId: string };

export type QuestionResult = { questionId: string; chosenOptionId: string; correct: boolean };
export type Grade = { score: number; total: number; percent: number; passed: boolean; questions: QuestionResult[] };

export type SubmissionProblem =
  | { kind: 'stale-version'; expected: number; received: number }
  | { kind: 'unknown-question'; questionId: string }
  | { kind: 'unknown-option'; questionId: string; optionId: string }
  | { kind: 'unanswered'; questionIds: string[] };

/**
 * Marks a submitted knowledge check against the module's answer key. A submission for another
 * version of the module, naming a question or option that does not exist, or leaving questions
 * unanswered is refused as a whole, so a tampered or stale form changes nothing.
 */
export function gradeKnowledgeCheck(
  key: { version: number; questions: readonly AnswerKey[] },
  submission: { version: number; answers: Readonly<Record<string, string>> },
): { ok: true; grade: Grade } | { ok: false; problem: SubmissionProblem } {
  if (submission.version !== key.version) return { ok: false, problem: { kind: 'stale-version', expected: key.version, received: submission.version } };
  const byId = new Map(key.questions.map((q) => [q.id, q]));
  for (const [questionId, optionId] of Object.entries(submission.answers)) {
    const question = byId.get(questionId);
    if (!question) return { ok: false, problem: { kind: 'unknown-question', questionId } };
    if (!question.optionIds.includes(optionId)) return { ok: false, problem: { kind: 'unknown-option', questionId, optionId } };
  }
  const unanswered = key.questions.filter((q) => !Object.hasOwn(submission.answers, q.id)).map((q) => q.id);
  if (unanswered.length) return { ok: false, problem: { kind: 'unanswered', questionIds: unanswered } };
  const questions = key.questions.map((q) => {
    const chosenOptionId = submission.answers[q.id]!;
    return { questionId: q.id, chosenOptionId, correct: chosenOptionId === q.correctOptionId };
  });
  const score = questions.filter((q) => q.correct).length;
  const total = questions.length;
  const percent = scorePercent(score, total);
  // Compare in whole numbers (score × 100 ≥ 80 × total) so 4/5 passes without rounding doubt.
  return { ok: true, grade: { score, total, percent, passed: total > 0 && score * 100 >= PASS_MARK_PERCENT * total, questions } };
}
