import { useEffect, useState } from 'react';
import { rubricTotal, type RubricCriterion, type RubricMark } from '../../domain/mentoring/index.ts';

type Props = {
  /** The id of the rubric form whose radios and score fields it reads. */
  formId: string;
  criteria: readonly RubricCriterion[];
  /** 'Total … {total} … {max}' and the line shown while nothing is marked, already translated. */
  labels: { total: string; none: string };
  /** BCP 47 locale for the numbers. */
  numberLocale: string;
};

// What the form says now: the checked level of each criterion and, for a ranged level, its score.
function marksIn(form: HTMLFormElement, criteria: readonly RubricCriterion[]): Record<string, RubricMark> {
  const data = new FormData(form);
  const marks: Record<string, RubricMark> = {};
  for (const c of criteria) {
    const level = data.get(`level-${c.id}`);
    if (typeof level !== 'string' || !level) continue;
    const score = data.get(`score-${c.id}`);
    marks[c.id] = typeof score === 'string' && score.trim() !== '' ? { level, score: Number(score) } : { level };
  }
  return marks;
}

/**
 * The rubric total, updated as levels and scores change. Shown only with JavaScript: without it
 * the page shows the total the server worked out when the marking was saved.
 */
export default function RubricTotal({ formId, criteria, labels, numberLocale }: Props) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const number = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 2 });
    const update = () => {
      const { total, max } = rubricTotal({ id: formId, version: 0, workKinds: [], defaultFor: [], criteria }, marksIn(form, criteria));
      setText(total === null ? labels.none : labels.total.replace('{total}', number.format(total)).replace('{max}', number.format(max)));
    };
    update();
    form.addEventListener('change', update);
    form.addEventListener('input', update);
    return () => {
      form.removeEventListener('change', update);
      form.removeEventListener('input', update);
    };
  }, [formId, criteria, labels, numberLocale]);
  return (
    <p className="rubric-live-total" aria-live="polite">
      {text === null ? null : <strong>{text}</strong>}
    </p>
  );
}
