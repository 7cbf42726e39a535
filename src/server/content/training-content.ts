// The one place pages read training content from (Astro content collections). Kept thin:
// astro:content is not available under vitest, so this is covered by the end-to-end tests.
// It is imported lazily so that this capability's index loads in scripts and tests too.
import type { Locale } from '../../domain/common/index.ts';
import type { ConferenceScenario, ConversationScenario, Module, Programme, SimulationScenario, Vignette } from '../../content/schemas.ts';

export type { ConferenceScenario, ConversationScenario, Module, Programme, SimulationScenario, Vignette };

// Every content id is a short lower-case slug. Anything else (empty, huge, odd characters) cannot
// name an entry, so it is not looked up: Astro throws on an empty id and logs unknown ids verbatim.
const CONTENT_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

// A dynamic import() goes through the module loader's resolution on every call, which the profile
// showed on every request: it is loaded once.
let astroContentModule: Promise<typeof import('astro:content')> | undefined;

/** astro:content, imported once (lazily: it is missing under vitest and in scripts). */
export function astroContent(): Promise<typeof import('astro:content')> {
  return (astroContentModule ??= import('astro:content'));
}

/** Content is fixed when the app is built, so a sorted list is worked out once per process (each caller gets its own copy). */
export function oncePerProcess<T>(load: () => Promise<T[]>): () => Promise<T[]> {
  let kept: Promise<T[]> | undefined;
  return async () => (await (kept ??= load().catch((error: unknown) => {
    kept = undefined;
    throw error;
  }))).slice();
}

/** Whether a value from a URL or form can be a content id at all. */
export function isContentId(id: string): boolean {
  return CONTENT_ID.test(id);
}

/** Text in the reader's language. */
export function pick(text: { en: string; cy: string }, locale: Locale): string {
  return text[locale];
}

export const listProgrammes: () => Promise<Programme[]> = oncePerProcess(async () => {
  const { getCollection } = await astroContent();
  return (await getCollection('programmes')).map((e) => e.data).sort((a, b) => a.order - b.order);
});

export async function getProgramme(id: string): Promise<Programme | null> {
  if (!isContentId(id)) return null;
  const { getEntry } = await astroContent();
  return (await getEntry('programmes', id))?.data ?? null;
}

export async function getModule(id: string): Promise<Module | null> {
  if (!isContentId(id)) return null;
  const { getEntry } = await astroContent();
  return (await getEntry('modules', id))?.data ?? null;
}

/** A programme's modules in the programme's order. */
export async function modulesOf(programme: Programme): Promise<Module[]> {
  const all = await Promise.all(programme.modules.map((id) => getModule(id)));
  return all.filter((m): m is Module => m !== null);
}

/** The module, if it exists and belongs to that programme (so URLs cannot mix them). */
export async function getModuleIn(programmeId: string, moduleId: string): Promise<{ programme: Programme; module: Module } | null> {
  const [programme, module] = await Promise.all([getProgramme(programmeId), getModule(moduleId)]);
  if (!programme || !module || module.programme !== programme.id) return null;
  return { programme, module };
}

/** A section's MDX entry in one language (render it with `render()` from astro:content). */
export async function getSectionEntry(module: Module, sectionId: string, locale: Locale) {
  if (!isContentId(sectionId)) return null;
  const { getEntry } = await astroContent();
  return (await getEntry('sections', `${module.programme}/${module.id}/${sectionId}.${locale}`)) ?? null;
}

export const listVignettes: () => Promise<Vignette[]> = oncePerProcess(async () => {
  const { getCollection } = await astroContent();
  return (await getCollection('vignettes')).map((e) => e.data).sort((a, b) => a.title.en.localeCompare(b.title.en));
});

export async function getVignette(id: string): Promise<Vignette | null> {
  if (!isContentId(id)) return null;
  const { getEntry } = await astroContent();
  return (await getEntry('vignettes', id))?.data ?? null;
}

/** Paragraphs of a vignette stage's plain text: YAML's folded blocks keep each paragraph on one line. */
export function paragraphs(text: string): string[] {
  return text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
}

/** Every simulation scenario, conversations first, each kind by English title. */
export const listSimulations: () => Promise<SimulationScenario[]> = oncePerProcess(async () => {
  const { getCollection } = await astroContent();
  const byTitle = (a: SimulationScenario, b: SimulationScenario) => a.title.en.localeCompare(b.title.en);
  const [conversations, conferences] = await Promise.all([getCollection('conversations'), getCollection('conferences')]);
  return [...conversations.map((e) => e.data as SimulationScenario).sort(byTitle), ...conferences.map((e) => e.data as SimulationScenario).sort(byTitle)];
});

export async function getSimulation(id: string): Promise<SimulationScenario | null> {
  if (!isContentId(id)) return null;
  const { getEntry } = await astroContent();
  if (id.startsWith('cc-')) return ((await getEntry('conversations', id))?.data as SimulationScenario | undefined) ?? null;
  if (id.startsWith('cg-')) return ((await getEntry('conferences', id))?.data as SimulationScenario | undefined) ?? null;
  return null;
}
