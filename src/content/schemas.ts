import { z } from 'zod';

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
