import { and, desc, eq } from 'drizzle-orm';
import { practiceTasks } from '../../../db/schema/index.ts';
import type { ActivityKind, ActivityRef } from '../../domain/mentoring/index.ts';
import { listProgrammes, listSimulations, listVignettes, modulesOf } from '../content/index.ts';
import type { Scope } from '../people/index.ts';

/** Platform content a mentor can assign (every kind but a practice task). */
export type ContentKind = Exclude<ActivityKind, 'task'>;

/** One assignable piece of content: its title in both languages and what its link and progress need. */
export type CatalogueEntry = {
  kind: ContentKind;
  id: string;
  title: { en: string; cy: string };
  /** A module's programme (its page is /learn/<programme>/<module>). */
  programmeId?: string;
  /** A programme's modules, all of which complete it. */
  moduleIds?: readonly string[];
};

/** The content that can be assigned now; an assignment whose id is missing here is "no longer available". */
export type ContentCatalogue = readonly CatalogueEntry[];

/** The order the Activity select lists its groups in. */
export const CATALOGUE_KINDS: readonly ContentKind[] = ['programme', 'module', 'conversation', 'conference', 'vignette'];

/** The catalogue read from the training content (Astro's collections; tests build one by hand). */
export async function loadContentCatalogue(): Promise<ContentCatalogue> {
  const [programmes, simulations, vignettes] = await Promise.all([listProgrammes(), listSimulations(), listVignettes()]);
  const entries: CatalogueEntry[] = [];
  for (const programme of programmes) {
    const modules = await modulesOf(programme);
    entries.push({ kind: 'programme', id: programme.id, title: programme.title, moduleIds: modules.map((m) => m.id) });
    for (const module of modules) entries.push({ kind: 'module', id: module.id, title: module.title, programmeId: programme.id });
  }
  for (const scenario of simulations) entries.push({ kind: scenario.kind, id: scenario.id, title: scenario.title });
  for (const vignette of vignettes) entries.push({ kind: 'vignette', id: vignette.id, title: vignette.title });
  return entries;
}

/** The catalogue's entry for a content reference, or null when the content is gone (or the ref is a task). */
export function catalogueEntry(catalogue: ContentCatalogue, ref: ActivityRef): CatalogueEntry | null {
  if (ref.kind === 'task') return null;
  return catalogue.find((e) => e.kind === ref.kind && e.id === ref.id) ?? null;
}

/** The page of a module or programme (without the language prefix); null for other kinds. */
export function contentPath(entry: CatalogueEntry): string | null {
  if (entry.kind === 'programme') return `/learn/${entry.id}`;
  if (entry.kind === 'module' && entry.programmeId) return `/learn/${entry.programmeId}/${entry.id}`;
  return null;
}

/** The practice tasks the signed-in mentor has written, newest first (offered again in the Activity select). */
export async function practiceTasksOfMine(scope: Scope): Promise<{ id: string; title: string }[]> {
  return scope.db
    .select({ id: practiceTasks.id, title: practiceTasks.title })
    .from(practiceTasks)
    .where(and(eq(practiceTasks.organisationId, scope.organisationId), eq(practiceTasks.authorId, scope.viewer.id)))
    .orderBy(desc(practiceTasks.createdAt));
}
