import { z } from 'zod';
import { DECISIONS, HARM_KINDS, HARM_LEVELS, LIKELIHOODS, NEEDS_MET, SCREENING_ANSWERS, SIGNIFICANT } from '../domain/thresholds.ts';

/** Text in both languages; an empty string counts as missing. */
export const bilingual = z.object({ en: z.string().trim().min(1), cy: z.string().trim().min(1) }, { error: 'needs both en and cy text' });
const bilingualList = z
  .object({ en: z.array(z.string().trim().min(1)).min(1), cy: z.array(z.string().trim().min(1)).min(1) })
  .refine((v) => v.en.length === v.cy.length, { error: 'en and cy lists must be the same length' });
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'use lower-case letters, digits and hyphens' });

export const programmeSchema = z.object({
  id: slug,
  order: z.number().int().min(1),
  title: bilingual,
  summary: bilingual,
  audience: bilingual,
  outcomes: bilingualList,
  modules: z.array(slug).min(4, { error: 'a programme has at least four modules' }),
});
export type Programme = z.infer<typeof programmeSchema>;

const option = z.object({ id: slug, correct: z.boolean(), text: bilingual, feedback: bilingual });
const question = z
  .object({ id: slug, prompt: bilingual, options: z.array(option).min(3).max(4) })
  .refine((q) => q.options.filter((o) => o.correct).length === 1, { error: 'each question has exactly one correct option' })
  .refine((q) => new Set(q.options.map((o) => o.id)).size === q.options.length, { error: 'option ids must be unique' });

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
    .refine((s) => new Set(s.map((x) => x.id)).size === s.length, { error: 'section ids must be unique' }),
  reflection: z.object({ prompt: bilingual }),
  knowledgeCheck: z
    .array(question)
    .min(5, { error: 'a knowledge check has at least 5 questions' })
    .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, { error: 'question ids must be unique' }),
});
export type Module = z.infer<typeof moduleSchema>;

// Threshold practice vignettes (see docs/authoring.md). The scales come from the domain module.

const judged = <T extends z.ZodType>(answer: T) => z.object({ answer, reason: bilingual });
export const VIGNETTE_CATEGORIES = ['no-concern', 'care-and-support', 'neglect', 'physical', 'emotional', 'sexual', 'domestic-abuse'] as const;

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
  .refine((v) => v.panel.significant.answer === 'no' || ['likely', 'very-likely'].includes(v.panel.likelihood.answer), {
    error: 'significant harm goes with a likelihood of likely or very likely',
    path: ['panel', 'significant'],
  })
  .refine((v) => !['no-further-action', 'information-and-advice'].includes(v.panel.decision.answer) || v.panel.significant.answer === 'no', {
    error: 'no further action, or information and advice, goes with harm that is not significant',
    path: ['panel', 'decision'],
  });
export type Vignette = z.infer<typeof vignetteSchema>;
