/**
 * Turns a simulation step's submitted form into the machine event it stands for. The same
 * function serves the plain form post (no JavaScript) and the island, so both send the server
 * exactly the same events. It never judges the content: the machine's checks do that.
 */
export type SubmittedValues = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
/** A whole number, or the text as typed when it is not one (so the check can say it is not a valid choice). */
const scaleValue = (v: string): number | string | undefined => (v.trim() === '' ? undefined : /^\d+$/.test(v.trim()) ? Number(v.trim()) : v.trim());

/** Form fields that may repeat (checkboxes). */
export const MULTI_FIELDS = ['areas', 'actions', 'checked'] as const;

export function eventFromForm(values: SubmittedValues): { type: string; [key: string]: unknown } | null {
  switch (one(values.event)) {
    case 'CHOOSE':
      return { type: 'CHOOSE', optionId: one(values.optionId) };
    case 'RESPOND_OWN':
      return { type: 'RESPOND_OWN', text: one(values.text), code: one(values.code) };
    case 'SET_PLAN':
      return {
        type: 'SET_PLAN',
        areas: many(values.areas).map((areaId) => ({
          areaId,
          notGoodEnough: one(values[`${areaId}.notGoodEnough`]),
          goodEnough: one(values[`${areaId}.goodEnough`]),
          familyWords: one(values[`${areaId}.familyWords`]),
        })),
        outlinePlanDate: one(values.outlinePlanDate),
      };
    case 'RECORD_MEETING': {
      const scales: Record<string, number | string | undefined> = {};
      for (const [key, value] of Object.entries(values)) if (key.startsWith('scale.')) scales[key.slice(6)] = scaleValue(one(value));
      const present = Object.fromEntries(Object.entries(scales).filter(([, v]) => v !== undefined));
      return { type: 'RECORD_MEETING', meeting: { date: one(values.date), scales: present, moved: one(values.moved), actions: many(values.actions) } };
    }
    case 'DECIDE':
      return { type: 'DECIDE', review: { date: one(values.date), decision: one(values.decision), reasons: one(values.reasons), nextReviewDate: one(values.nextReviewDate) } };
    case 'SELF_CHECK': {
      const check: Record<string, { observable: boolean; specific: boolean; ownWords: boolean }> = {};
      for (const areaId of many(values.checked)) {
        check[areaId] = { observable: one(values[`${areaId}.observable`]) === 'yes', specific: one(values[`${areaId}.specific`]) === 'yes', ownWords: one(values[`${areaId}.ownWords`]) === 'yes' };
      }
      return { type: 'SELF_CHECK', check };
    }
    default:
      return null;
  }
}

/** The translation key for each kind of problem a step's checks report. */
export const PROBLEM_MESSAGES = {
  required: 'errors.required',
  'invalid-choice': 'errors.invalidChoice',
  'too-long': 'errors.tooLong',
  'too-many': 'errors.tooMany',
  duplicate: 'errors.duplicate',
  'not-after': 'errors.notAfter',
  'invalid-date': 'errors.invalidDate',
  'too-late': 'errors.dateTooLate',
} as const;
export type ProblemKind = keyof typeof PROBLEM_MESSAGES;

/** The on-screen label of each step field the learner fills in, as a translation key. */
const FIELD_LABELS = {
  text: 'sim.ownText',
  code: 'sim.ownCode',
  areas: 'sim.chooseAreas',
  moved: 'sim.moved',
  actions: 'sim.actions',
  decision: 'sim.decisionLegend',
  reasons: 'sim.reasons',
  outlinePlanDate: 'sim.outlinePlanDate',
  nextReviewDate: 'sim.nextReviewDate',
} as const;
const AREA_TEXT_LABELS = { notGoodEnough: 'sim.notGoodEnough', goodEnough: 'sim.goodEnough', familyWords: 'sim.familyWords' } as const;
/** Every key `stepFieldLabel` may look up (the islands are sent these labels). */
export const STEP_FIELD_LABEL_KEYS = [...Object.values(FIELD_LABELS), ...Object.values(AREA_TEXT_LABELS), 'sim.scale', 'sim.meetingDate', 'sim.reviewDate'] as const;
export type StepFieldLabelKey = (typeof STEP_FIELD_LABEL_KEYS)[number];

/**
 * The label a simulation step's field has on screen, so an error can name it (`step` is the
 * state the form was posted in; `say` looks a key up in the reader's language; `areaLabel` names
 * an area of change). Undefined for a field the learner does not fill in.
 */
export function stepFieldLabel(field: string, step: string, say: (key: StepFieldLabelKey, params?: { area: string }) => string, areaLabel: (id: string) => string | undefined): string | undefined {
  const [head = '', tail = ''] = field.split('.');
  if (head === 'scale') {
    const area = areaLabel(tail);
    return area && say('sim.scale', { area });
  }
  if (Object.hasOwn(AREA_TEXT_LABELS, tail)) {
    const area = areaLabel(head);
    return area && `${area}: ${say(AREA_TEXT_LABELS[tail as keyof typeof AREA_TEXT_LABELS])}`;
  }
  if (field === 'date') return say(step === 'review' ? 'sim.reviewDate' : 'sim.meetingDate');
  return Object.hasOwn(FIELD_LABELS, field) ? say(FIELD_LABELS[field as keyof typeof FIELD_LABELS]) : undefined;
}
