import { useId, useRef, useState } from 'react';
import { ANSWER_FIELD_PREFIX, ORDER_FIELD } from '../../domain/learning/knowledge-check.ts';
import type { Messages } from '../../i18n/index.ts';
import { interpolate } from '../../i18n/interpolate.ts';

/** The UI strings the form shows; the page looks them up with `labelsFor(t, KNOWLEDGE_CHECK_LABELS)`. */
export const KNOWLEDGE_CHECK_LABELS = ['learn.question', 'learn.submitCheck', 'learn.answered', 'learn.errorUnanswered'] as const;
export type KnowledgeCheckLabels = Pick<Messages, (typeof KNOWLEDGE_CHECK_LABELS)[number]>;

export type KnowledgeCheckQuestion = { id: string; prompt: string; options: { id: string; text: string }[] };

type Props = {
  action: string;
  version: number;
  startedAt: number;
  /** The seed this attempt's option order was drawn from, posted back so a refused form keeps it. */
  orderSeed: string;
  questions: KnowledgeCheckQuestion[];
  /** The learner's previous answers, to show them again after a refused submission. */
  selected?: Record<string, string>;
  labels: KnowledgeCheckLabels;
};

/**
 * The knowledge-check form. Rendered on the server, it is a plain form post that works without
 * JavaScript; once hydrated it counts answers as they are given and points to any question left
 * unanswered before submitting. It never holds the answers: marking happens on the server.
 */
export default function KnowledgeCheckForm({ action, version, startedAt, orderSeed, questions, selected = {}, labels }: Props) {
  const [answers, setAnswers] = useState<Record<string, string>>(selected);
  const [showMissing, setShowMissing] = useState(false);
  const firstMissing = useRef<HTMLFieldSetElement | null>(null);
  const formId = useId();
  const answered = questions.filter((q) => answers[q.id]).length;

  function onSubmit(event: { preventDefault(): void }) {
    if (answered === questions.length) return;
    event.preventDefault();
    setShowMissing(true);
    requestAnimationFrame(() => firstMissing.current?.querySelector('input')?.focus());
  }

  let missingSeen = false;
  return (
    <form method="post" action={action} onSubmit={onSubmit} noValidate>
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="startedAt" value={startedAt} />
      <input type="hidden" name={ORDER_FIELD} value={orderSeed} />
      {questions.map((question, index) => {
        const missing = showMissing && !answers[question.id];
        const isFirstMissing = missing && !missingSeen;
        if (missing) missingSeen = true;
        const errorId = `${formId}-${question.id}-error`;
        return (
          <fieldset
            key={question.id}
            className={missing ? 'field question field--error' : 'field question'}
            ref={isFirstMissing ? firstMissing : undefined}
            aria-describedby={missing ? errorId : undefined}
          >
            <legend>
              <span className="question__number">{interpolate(labels['learn.question'], { n: index + 1 })}</span> {question.prompt}
            </legend>
            {missing && (
              <p className="error-message" id={errorId}>
                {labels['learn.errorUnanswered']}
              </p>
            )}
            <div className="choices">
              {question.options.map((option) => {
                const id = `${formId}-${question.id}-${option.id}`;
                return (
                  <div className="choice" key={option.id}>
                    <input
                      type="radio"
                      id={id}
                      name={`${ANSWER_FIELD_PREFIX}${question.id}`}
                      value={option.id}
                      defaultChecked={selected[question.id] === option.id}
                      onChange={() => setAnswers((a) => ({ ...a, [question.id]: option.id }))}
                    />
                    <label htmlFor={id}>{option.text}</label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <p className="hint" aria-live="polite">
        {interpolate(labels['learn.answered'], { answered, total: questions.length })}
      </p>
      <button className="button" type="submit">
        {labels['learn.submitCheck']}
      </button>
    </form>
  );
}
