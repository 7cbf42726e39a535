import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { conferenceScenarioSchema, conversationScenarioSchema, moduleSchema, programmeSchema, rubricSchema, vignetteSchema } from './content/schemas.ts';

// Content lives in the top-level content/ folder; every entry is validated against the same
// schemas `npm run content:check` uses, so a missing translation fails the build.
const programmes = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/programmes', generateId: ({ data }) => String(data.id) }),
  schema: programmeSchema,
});
const modules = defineCollection({
  loader: glob({ pattern: '**/module.yaml', base: './content/modules', generateId: ({ data }) => String(data.id) }),
  schema: moduleSchema,
});
// Ids look like "<programme>/<module>/<section>.<en|cy>".
const sections = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/modules', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
});

const vignettes = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/vignettes', generateId: ({ data }) => String(data.id) }),
  schema: vignetteSchema,
});

const conversations = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/simulations/conversation', generateId: ({ data }) => String(data.id) }),
  schema: conversationScenarioSchema,
});
const conferences = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/simulations/conference', generateId: ({ data }) => String(data.id) }),
  schema: conferenceScenarioSchema,
});

// What mentors mark submitted work against; the file name is the rubric's id.
const rubrics = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/rubrics', generateId: ({ data }) => String(data.id) }),
  schema: rubricSchema,
});

export const collections = { programmes, modules, sections, vignettes, conversations, conferences, rubrics };
