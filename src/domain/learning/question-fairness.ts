import { LOCALES, type Locale } from '../common/index.ts';
import type { ContentProblem } from './content-rules.ts';

/** Most questions whose correct option may be the longest before length gives the answer away. */
export const LONGEST_CORRECT_LIMIT = 0.35;

type OptionShape = { correct: boolean; text: Record<Locale, string> };
type QuestionShape = { id: string; options: readonly OptionShape[] };
type ModuleShape = { id: string; file: string; knowledgeCheck: readonly QuestionShape[] };

/** Whether the correct option is strictly longer (in characters) than every other option in this language. */
function correctIsLongest(question: QuestionShape, locale: Locale): boolean {
  const length = (o: OptionShape) => o.text[locale].trim().length;
  const correct = question.options.find((o) => o.correct);
  if (!correct) return false;
  return question.options.every((o) => o === correct || length(o) < length(correct));
}

export type LengthBias = { biased: number; total: number; share: number; questions: { module: string; question: string }[] };

/**
 * How often the correct option is the longest across all questions. Rule: a question counts
 * when its correct option is strictly the longest in English OR in Welsh.
 */
export function measureLengthBias(modules: readonly ModuleShape[]): LengthBias {
  const questions = modules.flatMap((m) =>
    m.knowledgeCheck.filter((q) => LOCALES.some((locale) => correctIsLongest(q, locale))).map((q) => ({ module: m.id, question: q.id })),
  );
  const total = modules.reduce((sum, m) => sum + m.knowledgeCheck.length, 0);
  return { biased: questions.length, total, share: total ? questions.length / total : 0, questions };
}

/** One line for the content check: the share and the limit. */
export function describeLengthBias(bias: LengthBias): string {
  return `Correct option is the longest in ${bias.biased} of ${bias.total} questions (${Math.round(bias.share * 100)}%); the limit is ${Math.round(LONGEST_CORRECT_LIMIT * 100)}%`;
}

/** A problem when, across all knowledge checks, the correct option is the longest in more than the limit's share of questions. */
export function checkQuestionFairness(modules: readonly ModuleShape[], file = 'content/modules'): ContentProblem[] {
  const bias = measureLengthBias(modules);
  if (bias.share <= LONGEST_CORRECT_LIMIT) return [];
  const list = bias.questions.map((q) => `${q.module}/${q.question}`).join(', ');
  return [{ file, problem: `${describeLengthBias(bias)}: length gives the answer away (${list})` }];
}
