/** The judgements of a threshold exercise, their scales, and how an answer compares with the panel's. */

export const SCREENING_ANSWERS = ['yes', 'no', 'need-more-information'] as const;
export const NEEDS_MET = ['meets', 'partly', 'does-not-meet', 'not-known'] as const;
export const NEEDS_DOMAINS = ['developmentalNeeds', 'parentingCapacity', 'familyAndEnvironment'] as const;
export const HARM_LEVELS = ['none', 'low', 'moderate', 'serious', 'severe'] as const;
/**
 * The categories of abuse and neglect used in Wales (Social Services and Well-being (Wales) Act
 * 2014 s.197; Wales Safeguarding Procedures). A child's exposure to domestic abuse is not a
 * category of its own: it is usually registered as emotional abuse.
 */
export const HARM_KINDS = ['physical', 'sexual', 'emotional', 'financial', 'neglect'] as const;
export const LIKELIHOODS = ['unlikely', 'possible', 'likely', 'very-likely'] as const;
export const SIGNIFICANT = ['yes', 'no'] as const;
export const DECISIONS = ['no-further-action', 'information-and-advice', 'care-and-support-assessment', 'strategy-discussion', 'immediate-protection'] as const;

export type ScreeningAnswer = (typeof SCREENING_ANSWERS)[number];
export type NeedsMet = (typeof NEEDS_MET)[number];
export type NeedsDomain = (typeof NEEDS_DOMAINS)[number];
export type HarmLevel = (typeof HARM_LEVELS)[number];
export type HarmKind = (typeof HARM_KINDS)[number];
export type Likelihood = (typeof LIKELIHOODS)[number];
export type Decision = (typeof DECISIONS)[number];

export const REASON_MAX = 2000;

/** Levels of harm at which a child is suffering significant harm now: the first limb of s.47. */
export const SIGNIFICANT_HARM_NOW: readonly HarmLevel[] = ['serious', 'severe'];
/** Likelihoods at which future significant harm is likely: the second limb of s.47. */
export const SIGNIFICANT_HARM_LIKELY: readonly Likelihood[] = ['likely', 'very-likely'];

/**
 * Whether harm can be judged significant with these judgements. The Children Act 1989 s.47
 * asks whether a child is suffering, or is likely to suffer, significant harm: either limb is
 * enough, so harm that is serious now counts even when future harm is only possible.
 */
export function significantHarmFits(judgements: { levelOfHarm: HarmLevel; likelihood: Likelihood }): boolean {
  return SIGNIFICANT_HARM_NOW.includes(judgements.levelOfHarm) || SIGNIFICANT_HARM_LIKELY.includes(judgements.likelihood);
}

export type Screening = { answer: ScreeningAnswer; reason: string };
export type Assessment = {
  needs: Record<NeedsDomain, NeedsMet>;
  childNeedsMet: NeedsMet;
  levelOfHarm: HarmLevel;
  kindsOfHarm: HarmKind[];
  likelihood: Likelihood;
  significant: 'yes' | 'no';
  decision: Decision;
  followUp: string[];
  /** The reason-for-decision summary: required. */
  summary: string;
};

export const FOLLOW_UP_MAX = { items: 10, length: 500 } as const;

/** A judgement that cannot be accepted; `max` says the limit a too-long answer broke. */
export type ThresholdProblem = { field: string; problem: 'required' | 'invalid-choice' | 'too-long'; max?: number };

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);

/** Checks a screening judgement; the reason is required. */
export function checkScreening(value: { answer?: unknown; reason?: unknown }): { ok: true; screening: Screening } | { ok: false; problems: ThresholdProblem[] } {
  const problems: ThresholdProblem[] = [];
  if (!isOneOf(SCREENING_ANSWERS, value.answer)) problems.push({ field: 'answer', problem: value.answer ? 'invalid-choice' : 'required' });
  const reason = typeof value.reason === 'string' ? value.reason.trim() : '';
  if (!reason) problems.push({ field: 'reason', problem: 'required' });
  else if (reason.length > REASON_MAX) problems.push({ field: 'reason', problem: 'too-long', max: REASON_MAX });
  return problems.length ? { ok: false, problems } : { ok: true, screening: { answer: value.answer as ScreeningAnswer, reason } };
}

/** Checks a Stage 2 assessment: every judgement on its scale, and a reason for the decision. */
export function checkAssessment(value: Partial<Record<keyof Assessment, unknown>>): { ok: true; assessment: Assessment } | { ok: false; problems: ThresholdProblem[] } {
  const problems: ThresholdProblem[] = [];
  const need = (field: string, ok: boolean, present: boolean) => {
    if (!ok) problems.push({ field, problem: present ? 'invalid-choice' : 'required' });
  };
  const needs = (value.needs ?? {}) as Record<string, unknown>;
  for (const domain of NEEDS_DOMAINS) need(`needs.${domain}`, isOneOf(NEEDS_MET, needs[domain]), needs[domain] !== undefined && needs[domain] !== '');
  need('childNeedsMet', isOneOf(NEEDS_MET, value.childNeedsMet), !!value.childNeedsMet);
  need('levelOfHarm', isOneOf(HARM_LEVELS, value.levelOfHarm), !!value.levelOfHarm);
  const kinds = Array.isArray(value.kindsOfHarm) ? value.kindsOfHarm : [];
  need('kindsOfHarm', Array.isArray(value.kindsOfHarm) && kinds.every((k) => isOneOf(HARM_KINDS, k)) && new Set(kinds).size === kinds.length, true);
  need('likelihood', isOneOf(LIKELIHOODS, value.likelihood), !!value.likelihood);
  need('significant', isOneOf(SIGNIFICANT, value.significant), !!value.significant);
  need('decision', isOneOf(DECISIONS, value.decision), !!value.decision);
  const followUp = Array.isArray(value.followUp) ? value.followUp.map((f) => (typeof f === 'string' ? f.trim() : '')).filter(Boolean) : [];
  if (followUp.length > FOLLOW_UP_MAX.items || followUp.some((f) => f.length > FOLLOW_UP_MAX.length)) problems.push({ field: 'followUp', problem: 'too-long', max: FOLLOW_UP_MAX.length });
  const summary = typeof value.summary === 'string' ? value.summary.trim() : '';
  if (!summary) problems.push({ field: 'summary', problem: 'required' });
  else if (summary.length > REASON_MAX) problems.push({ field: 'summary', problem: 'too-long', max: REASON_MAX });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    assessment: {
      needs: Object.fromEntries(NEEDS_DOMAINS.map((d) => [d, needs[d]])) as Record<NeedsDomain, NeedsMet>,
      childNeedsMet: value.childNeedsMet as NeedsMet,
      levelOfHarm: value.levelOfHarm as HarmLevel,
      kindsOfHarm: kinds as HarmKind[],
      likelihood: value.likelihood as Likelihood,
      significant: value.significant as 'yes' | 'no',
      decision: value.decision as Decision,
      followUp,
      summary,
    },
  };
}

/** Kinds of harm stored before the Wales categories, and the kind each one is now. */
export const LEGACY_HARM_KINDS = { 'domestic-abuse': 'emotional' } as const satisfies Record<string, HarmKind>;

/**
 * Stored kinds of harm as today's categories: earlier kinds mapped (see `LEGACY_HARM_KINDS`),
 * each kind once, in the order first chosen, and anything never a kind dropped. Both the
 * migration of stored attempts and every read of a stored answer go through this mapping.
 */
export function toHarmKinds(values: readonly unknown[]): HarmKind[] {
  const kinds: HarmKind[] = [];
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const kind = isOneOf(HARM_KINDS, value) ? value : Object.hasOwn(LEGACY_HARM_KINDS, value) ? LEGACY_HARM_KINDS[value as keyof typeof LEGACY_HARM_KINDS] : null;
    if (kind && !kinds.includes(kind)) kinds.push(kind);
  }
  return kinds;
}

export type Agreement = 'exact' | 'one-step' | 'different';

/**
 * How an answer compares with the panel's: exact, one step away on an ordinal scale, or
 * different. "Not known" on the needs scale is compared exactly, never as a step.
 */
export function compareOnScale<T extends string>(scale: readonly T[], answer: T, panel: T): Agreement {
  if (answer === panel) return 'exact';
  const a = scale.indexOf(answer);
  const p = scale.indexOf(panel);
  if (answer === 'not-known' || panel === 'not-known' || a < 0 || p < 0) return 'different';
  return Math.abs(a - p) === 1 ? 'one-step' : 'different';
}

/** Harm kinds: which the learner shared with the panel, missed, or added. */
export function compareKinds(answer: readonly HarmKind[], panel: readonly HarmKind[]) {
  return {
    agreement: (answer.length === panel.length && answer.every((k) => panel.includes(k)) ? 'exact' : 'different') as Agreement,
    shared: answer.filter((k) => panel.includes(k)),
    missed: panel.filter((k) => !answer.includes(k)),
    added: answer.filter((k) => !panel.includes(k)),
  };
}

/** The panel's answer to each judgement (the `answer` of each of a vignette's panel entries). */
export type PanelAnswers = {
  screening: { answer: ScreeningAnswer };
  needs: Record<NeedsDomain, { answer: NeedsMet }>;
  childNeedsMet: { answer: NeedsMet };
  levelOfHarm: { answer: HarmLevel };
  kindsOfHarm: { answer: HarmKind[] };
  likelihood: { answer: Likelihood };
  significant: { answer: 'yes' | 'no' };
  decision: { answer: Decision };
};

/** How each judgement compares with the expert panel's. */
export function panelComparison(panel: PanelAnswers, screening: { answer: string } | null, assessment: Assessment) {
  const p = panel;
  return {
    screening: screening?.answer === p.screening.answer ? 'exact' : 'different',
    needs: Object.fromEntries(NEEDS_DOMAINS.map((d) => [d, compareOnScale(NEEDS_MET, assessment.needs[d], p.needs[d].answer)])) as Record<NeedsDomain, Agreement>,
    childNeedsMet: compareOnScale(NEEDS_MET, assessment.childNeedsMet, p.childNeedsMet.answer),
    levelOfHarm: compareOnScale(HARM_LEVELS, assessment.levelOfHarm, p.levelOfHarm.answer),
    kindsOfHarm: compareKinds(assessment.kindsOfHarm, p.kindsOfHarm.answer),
    likelihood: compareOnScale(LIKELIHOODS, assessment.likelihood, p.likelihood.answer),
    significant: assessment.significant === p.significant.answer ? 'exact' : 'different',
    decision: compareOnScale(DECISIONS, assessment.decision, p.decision.answer),
  } as const;
}
