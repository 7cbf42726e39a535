// Rubrics from Astro's content collections, for the mentor's feedback form and /rubrics/:id.
// Like training-content.ts, astro:content is imported lazily (it is missing under vitest).
import type { RubricContent } from '../../content/schemas.ts';
import { astroContent, isContentId, oncePerProcess } from './training-content.ts';

export type { RubricContent };

/** Every rubric, by English title; each is also the domain's `Rubric` (for `defaultRubricFor`). */
export const listRubrics: () => Promise<RubricContent[]> = oncePerProcess(async () => {
  const { getCollection } = await astroContent();
  return (await getCollection('rubrics')).map((e) => e.data).sort((a, b) => a.title.en.localeCompare(b.title.en));
});

/** One rubric with its text in both languages, or null for an unknown or impossible id. */
export async function getRubric(id: string): Promise<RubricContent | null> {
  if (!isContentId(id)) return null;
  const { getEntry } = await astroContent();
  return (await getEntry('rubrics', id))?.data ?? null;
}
