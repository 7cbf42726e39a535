import { z } from 'zod';
import { checkDateChain, describeChainProblem, FIRST_CONFERENCE_DATE, hintedDateChain, LAST_CONFERENCE_DATE, MAX_AREAS, parseDate, REVIEW_DECISIONS, SCALE } from '../domain/simulations/index.ts';
import { CONVERSATION_OUTCOMES, LEVEL_MAX, MI_CODES, STATE_VARIABLES, TALK } from '../domain/simulations/index.ts';
import { ACTIVITY_KINDS, WORK_KINDS, type Rubric } from '../domain/mentoring/index.ts';
import { DECISIONS, HARM_KINDS, HARM_LEVELS, LIKELIHOODS, NEEDS_MET, SCREENING_ANSWERS, SIGNIFICANT, significantHarmFits } from '../domain/thresholds/index.ts';

/** Text in both languages; an empty string counts as missing. */
export const bilingual = z.object({ en: z.string().trim().min(1), cy: z.string().trim().min(1) }, { error: 'needs both en and cy text' });
const bilingualList = z
  .object({ en: z.array(z.string().trim().min(1)).min(1), cy: z.array(z.string().trim().min(1)).min(1) })
  .refine((v) => v.en.length === v.cy.length, { error: 'en and cy lists must be the same length' });
/** Whether every item in a list has its own id. */
const uniqueIds = (list: { id: string }[]) => new Set(list.map((x) => x.id)).size === list.length;
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'use lower-case letters, digits and hyphens' });

export const programmeSchema = z.object({
  id: slug,
  order: z.number().int().min(1),
  title: bilingual,
  summary: bilingual,
  audience: bilingual,
  outcomes: bilingualList,
  modules: z.array(slug).min(1, { error: 'a programme lists at least one module' }),
  // "I can …" statements a practitioner rates 1–10 before and after the programme.
  confidence: z
    .array(z.object({ id: slug, text: bilingual }))
    .min(3, { error: 'a programme has 3 to 5 confidence statements' })
    .max(5, { error: 'a programme has 3 to 5 confidence statements' })
    .refine(uniqueIds, { error: 'confidence statement ids must be unique' }),
});
export type Programme = z.infer<typeof programmeSchema>;

const option = z.object({ id: slug, correct: z.boolean(), text: bilingual, feedback: bilingual });
const question = z
  .object({ id: slug, prompt: bilingual, options: z.array(option).min(3).max(4) })
  .refine((q) => q.options.filter((o) => o.correct).length === 1, { error: 'each question has exactly one correct option' })
  .refine((q) => uniqueIds(q.options), { error: 'option ids must be unique' });

export const moduleSchema = z.object({
  id: slug,
  version: z.number().int().min(1),
  programme: slug,
  minutes: z.number().int().min(5).max(240),
  title: bilingual,
  summary: bilingual,
  outcomes: bilingualList,
  sections: z
    .array(z.object({ id: slug, title: bilingual }))
    .min(3, { error: 'a module has 3 to 6 sections' })
    .max(6, { error: 'a module has 3 to 6 sections' })
    .refine(uniqueIds, { error: 'section ids must be unique' }),
  reflection: z.object({ prompt: bilingual }),
  knowledgeCheck: z
    .array(question)
    .min(5, { error: 'a knowledge check has at least 5 questions' })
    .refine(uniqueIds, { error: 'question ids must be unique' }),
});
export type Module = z.infer<typeof moduleSchema>;

// Threshold practice vignettes (see docs/authoring.md). The scales come from the domain module.

const judged = <T extends z.ZodType>(answer: T) => z.object({ answer, reason: bilingual });
export const VIGNETTE_CATEGORIES = ['no-concern', 'care-and-support', 'neglect', 'physical', 'emotional', 'sexual', 'financial', 'domestic-abuse', 'exploitation'] as const;

export const vignetteSchema = z
  .object({
    id: z.string().regex(/^v-[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'a vignette id starts with v- and uses lower-case letters, digits and hyphens' }),
    version: z.number().int().min(1),
    category: z.enum(VIGNETTE_CATEGORIES),
    borderline: z.boolean(),
    title: bilingual,
    stages: z
      .array(z.object({ id: slug, title: bilingual, text: bilingual }))
      .min(2, { error: 'a vignette has 2 or 3 stages' })
      .max(3, { error: 'a vignette has 2 or 3 stages' }),
    panel: z.object({
      screening: judged(z.enum(SCREENING_ANSWERS)),
      needs: z.object({
        developmentalNeeds: judged(z.enum(NEEDS_MET)),
        parentingCapacity: judged(z.enum(NEEDS_MET)),
        familyAndEnvironment: judged(z.enum(NEEDS_MET)),
      }),
      childNeedsMet: judged(z.enum(NEEDS_MET)),
      levelOfHarm: judged(z.enum(HARM_LEVELS)),
      kindsOfHarm: judged(z.array(z.enum(HARM_KINDS))),
      likelihood: judged(z.enum(LIKELIHOODS)),
      significant: judged(z.enum(SIGNIFICANT)),
      decision: judged(z.enum(DECISIONS)),
      followUp: z
        .object({ en: z.array(z.string().trim().min(1)).min(1).max(4), cy: z.array(z.string().trim().min(1)).min(1).max(4) })
        .refine((v) => v.en.length === v.cy.length, { error: 'en and cy follow-up lists must be the same length' }),
      summary: bilingual,
    }),
  })
  // Both limbs of s.47: suffering significant harm now, or likely to suffer it.
  .refine((v) => v.panel.significant.answer === 'no' || significantHarmFits({ levelOfHarm: v.panel.levelOfHarm.answer, likelihood: v.panel.likelihood.answer }), {
    error: 'significant harm goes with harm that is serious or severe now, or future harm that is likely or very likely',
    path: ['panel', 'significant'],
  })
  .refine((v) => !['no-further-action', 'information-and-advice'].includes(v.panel.decision.answer) || v.panel.significant.answer === 'no', {
    error: 'no further action, or information and advice, goes with harm that is not significant',
    path: ['panel', 'decision'],
  });
export type Vignette = z.infer<typeof vignetteSchema>;

// Simulation scenarios (see docs/authoring.md). The rules they follow live in the domain
// modules; the content check explores every conversation for reachability and endings.

const level = z.number().int().min(0).max(LEVEL_MAX);
const delta = z.number().int().min(-3).max(3);
const branch = z.object({
  when: z.partialRecord(z.enum(STATE_VARIABLES), z.object({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() })).optional(),
  to: slug,
});
const branches = z
  .array(branch)
  .min(1)
  .refine((list) => !list.at(-1)?.when || Object.keys(list.at(-1)!.when!).length === 0, { error: 'the last branch has no conditions, so there is always somewhere to go' });

const conversationOption = z.object({
  id: slug,
  text: bilingual,
  code: z.enum(MI_CODES),
  why: bilingual,
  reply: bilingual,
  effect: z.object({ engagement: delta.optional(), discord: delta.optional(), talk: z.enum(TALK) }),
  next: branches.optional(),
});

export const conversationScenarioSchema = z
  .object({
    id: z.string().regex(/^cc-[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'a conversation scenario id starts with cc- and uses lower-case letters, digits and hyphens' }),
    version: z.number().int().min(1),
    kind: z.literal('conversation'),
    module: slug.optional(),
    title: bilingual,
    summary: bilingual,
    setting: bilingual,
    person: z.object({ name: z.string().trim().min(1), role: bilingual }),
    start: z.object({ turn: slug, engagement: level, discord: level }),
    turns: z
      .array(
        z.object({
          id: slug,
          says: bilingual,
          options: z.array(conversationOption).min(3, { error: 'a turn offers 3 to 5 responses' }).max(5, { error: 'a turn offers 3 to 5 responses' }).refine(uniqueIds, { error: 'option ids must be unique in a turn' }),
          next: branches,
          // The family member's neutral answer to a response in the learner's own words, the same whatever its code.
          ownWords: z.object({ reply: bilingual, next: branches.optional() }),
        }),
      )
      .min(3),
    endings: z.array(z.object({ id: slug, outcome: z.enum(CONVERSATION_OUTCOMES), says: bilingual, debrief: bilingual })).min(2),
  })
  .superRefine((s, ctx) => {
    const ids = [...s.turns.map((t) => t.id), ...s.endings.map((e) => e.id)];
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'turn and ending ids must all be different', path: ['turns'] });
    for (const outcome of ['change-named', 'disengaged'] as const) {
      if (!s.endings.some((e) => e.outcome === outcome)) ctx.addIssue({ code: 'custom', message: `needs an ending with the outcome "${outcome}"`, path: ['endings'] });
    }
  });
export type ConversationScenario = z.infer<typeof conversationScenarioSchema>;

export const AGENCIES = ['health-visitor', 'school', 'police', 'gp', 'family', 'social-worker', 'housing', 'nursery', 'probation', 'hospital'] as const;
const information = z.array(z.object({ id: slug, from: z.enum(AGENCIES), text: bilingual })).refine(uniqueIds, { error: 'information ids must be unique' });

export const conferenceScenarioSchema = z
  .object({
    id: z.string().regex(/^cg-[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'a case conference scenario id starts with cg- and uses lower-case letters, digits and hyphens' }),
    version: z.number().int().min(1),
    kind: z.literal('conference'),
    module: slug.optional(),
    title: bilingual,
    summary: bilingual,
    family: bilingual,
    conferenceDate: z
      .string()
      .refine((d) => parseDate(d) !== null, { error: 'a real date as YYYY-MM-DD' })
      .refine((d) => d >= FIRST_CONFERENCE_DATE && d <= LAST_CONFERENCE_DATE, { error: `from ${FIRST_CONFERENCE_DATE} to ${LAST_CONFERENCE_DATE}: the bank holiday table in src/domain/common/bank-holidays.ts covers a year past that (extend it first)` }),
    information: information.refine((list) => list.length >= 5, { error: 'a conference brings at least 5 pieces of information' }),
    areas: z
      .array(
        z.object({
          id: slug,
          label: bilingual,
          expected: z.boolean(),
          why: bilingual,
          model: z.object({ notGoodEnough: bilingual, goodEnough: bilingual, familyWords: bilingual }).optional(),
        }),
      )
      .min(4, { error: 'offer at least 4 possible areas, some of them noise' })
      .refine(uniqueIds, { error: 'area ids must be unique' })
      .refine((areas) => areas.every((a) => !a.expected || a.model), { error: 'every expected area has a model answer' })
      .refine((areas) => areas.filter((a) => a.expected).length >= 1 && areas.filter((a) => a.expected).length <= MAX_AREAS, { error: `1 to ${MAX_AREAS} areas are expected` })
      .refine((areas) => areas.some((a) => !a.expected), { error: 'at least one area is noise' }),
    meetings: z
      .array(
        z.object({
          id: slug,
          title: bilingual,
          // The family scales first: each named family member's own scaling, shown before the learner records the meeting.
          familyScaling: z
            .array(z.object({ who: z.string().trim().min(1), area: slug, scale: z.number().int().min(SCALE.min).max(SCALE.max), says: bilingual }))
            .min(1, { error: 'the family scales first at every Core Group: give at least one family member’s scaling' }),
          information,
          scales: z.record(slug, z.number().int().min(SCALE.min).max(SCALE.max)),
          reasoning: bilingual,
          actions: z
            .array(z.object({ id: slug, text: bilingual, helpful: z.boolean(), feedback: bilingual }))
            .min(2)
            .max(6)
            .refine(uniqueIds, { error: 'action ids must be unique in a meeting' })
            .refine((actions) => actions.some((a) => a.helpful), { error: 'at least one action is helpful' }),
        }),
      )
      .min(2, { error: 'at least 2 Core Group meetings' })
      .refine(uniqueIds, { error: 'meeting ids must be unique' }),
    review: z.object({ information, decision: z.enum(REVIEW_DECISIONS), reasoning: bilingual }),
  })
  .superRefine((s, ctx) => {
    const expected = s.areas.filter((a) => a.expected).map((a) => a.id).sort();
    s.meetings.forEach((m, i) => {
      const scaled = Object.keys(m.scales).sort();
      if (scaled.join() !== expected.join()) ctx.addIssue({ code: 'custom', message: `scales exactly the expected areas (${expected.join(', ')}), not ${scaled.join(', ') || 'none'}`, path: ['meetings', i, 'scales'] });
      m.familyScaling.forEach((f, j) => {
        if (!expected.includes(f.area)) ctx.addIssue({ code: 'custom', message: `the family scales an expected area (${expected.join(', ')}), not ${f.area}`, path: ['meetings', i, 'familyScaling', j, 'area'] });
      });
    });
    const infoIds = [...s.information, ...s.meetings.flatMap((m) => m.information), ...s.review.information].map((x) => x.id);
    if (new Set(infoIds).size !== infoIds.length) ctx.addIssue({ code: 'custom', message: 'information ids must be unique across the scenario', path: ['information'] });
    // Following the on-screen deadlines must never force a fail (only for dates the schema accepts).
    if (parseDate(s.conferenceDate) !== null && s.conferenceDate >= FIRST_CONFERENCE_DATE && s.conferenceDate <= LAST_CONFERENCE_DATE) {
      for (const problem of checkDateChain(s.conferenceDate, hintedDateChain(s.conferenceDate, s.meetings.length))) ctx.addIssue({ code: 'custom', message: `impossible date chain: ${describeChainProblem(problem)}`, path: ['meetings'] });
    }
  });
export type ConferenceScenario = z.infer<typeof conferenceScenarioSchema>;
export type SimulationScenario = ConversationScenario | ConferenceScenario;
export type SimulationKind = SimulationScenario['kind'];

// Rubrics (see docs/authoring.md): what a mentor marks submitted work against. The rules of
// marking live in src/domain/mentoring; the content check adds the defaults across files.

const rubricScore = z.number().min(0).max(100);
const rubricLevel = z
  .object({
    id: slug,
    descriptor: bilingual,
    score: rubricScore.optional(),
    range: z.tuple([rubricScore, rubricScore]).refine(([low, high]) => low < high, { error: 'a range goes from a lower score to a higher one' }).optional(),
  })
  .strict()
  .refine((l) => (l.score === undefined) !== (l.range === undefined), { error: 'a level has either a score or a range [low, high]' })
  // The domain's level is one or the other, never both.
  .transform(({ id, descriptor, score, range }) => (range ? { id, descriptor, range } : { id, descriptor, score: score! }));
// The lowest and highest score a level gives; undefined for a level already refused above
// (zod still runs the criterion's checks on it).
const boundsOf = (l: { score?: number; range?: readonly [number, number] }): [number, number] | undefined =>
  typeof l.score === 'number' ? [l.score, l.score] : Array.isArray(l.range) ? [l.range[0], l.range[1]] : undefined;

const rubricCriterion = z.object({
  id: slug,
  weight: z.number().positive().max(10).default(1),
  title: bilingual,
  levels: z
    .array(rubricLevel)
    .min(3, { error: 'a criterion has 3 to 5 levels' })
    .max(5, { error: 'a criterion has 3 to 5 levels' })
    .refine(uniqueIds, { error: 'level ids must be unique in a criterion' })
    // Listed from weakest to strongest, so a higher level always means a higher mark.
    .superRefine((levels, ctx) => {
      levels.forEach((level, i) => {
        const before = levels[i - 1];
        const [now, then] = [boundsOf(level), before && boundsOf(before)];
        if (before && now && then && now[0] <= then[1]) ctx.addIssue({ code: 'custom', message: `level "${level.id}" must score above level "${before.id}": scores rise from level to level and ranges never overlap`, path: [i] });
      });
    }),
});

export const rubricSchema = z.object({
  id: slug,
  version: z.number().int().min(1),
  title: bilingual,
  description: bilingual,
  workKinds: z.array(z.enum(WORK_KINDS)).min(1, { error: 'a rubric covers at least one kind of work' }).refine((k) => new Set(k).size === k.length, { error: 'list each work kind once' }),
  defaultFor: z.array(z.enum(ACTIVITY_KINDS)).refine((k) => new Set(k).size === k.length, { error: 'list each activity kind once' }),
  criteria: z.array(rubricCriterion).min(1, { error: 'a rubric has at least one criterion' }).refine(uniqueIds, { error: 'criterion ids must be unique' }),
});
/** A rubric with its titles and descriptors in both languages; it is also the domain's `Rubric`. */
export type RubricContent = z.infer<typeof rubricSchema>;
// The content's rubric must stay usable wherever the domain's is expected.
const _rubricFits = (r: RubricContent): Rubric => r;
void _rubricFits;
