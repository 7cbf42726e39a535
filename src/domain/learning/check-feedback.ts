import { seededRandom } from '../common/index.ts';
import type { Grade } from './knowledge-check.ts';

/** A shuffle seed as a form carries it: short, URL- and HTML-safe. */
const SEED = /^[A-Za-z0-9_-]{8,64}$/;

/** Whether a posted value can be an option-order seed (anything else gets a fresh one). */
export function isOrderSeed(value: unknown): value is string {
  return typeof value === 'string' && SEED.test(value);
}

// FNV-1a: spreads similar seeds (one per question) to unrelated starting points.
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h % 2147483648;
}

/**
 * A question's options in the order one attempt shows them: shuffled (Fisher–Yates) from the
 * attempt's seed and the question's id, so the same attempt always draws the same order and
 * the next attempt a new one. Marking is by option id, so the order never changes a mark.
 */
export function shuffledOptions<O>(options: readonly O[], seed: string, questionId: string): O[] {
  const random = seededRandom(hash(`${seed}:${questionId}`));
  const order = [...options];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** What the learner is told about one question of a marked attempt. */
export type QuestionFeedback<Q, O> = {
  question: Q;
  /** The option chosen, and whether it is the best one, with its own feedback. */
  chosen: O | undefined;
  correct: boolean;
  /** The best option, shown only after a pass and only where the choice was not it. */
  best: O | null;
};

/**
 * The feedback on each question of a marked attempt. A failed attempt says which answers were
 * right and gives the chosen option's feedback but never the best answer, so the retry still
 * takes thought; a pass also reveals the best answer wherever the choice was not it.
 */
export function checkFeedback<Q extends { id: string; options: readonly { id: string; correct: boolean }[] }>(
  questions: readonly Q[],
  grade: Pick<Grade, 'passed' | 'questions'>,
): QuestionFeedback<Q, Q['options'][number]>[] {
  return questions.map((question) => {
    const result = grade.questions.find((r) => r.questionId === question.id);
    const correct = result?.correct ?? false;
    const chosen = question.options.find((o) => o.id === result?.chosenOptionId);
    const best = grade.passed && !correct ? (question.options.find((o) => o.correct) ?? null) : null;
    return { question, chosen, correct, best };
  });
}
