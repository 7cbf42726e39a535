import type { Scope } from '../people/index.ts';
import { lastPlace, nextStep, type NextStep } from '../../domain/learning/continue-learning.ts';
import { getModule, type Module } from '../content/index.ts';
import { learningProgress } from './learning.ts';
import { moduleView } from './learning-view.ts';

type Section = Module['sections'][number];

/** Where a learner left off (module and section) and the step after it, as the home page shows it. */
export type ContinueLearning = {
  module: Module;
  section: Section;
  next: { kind: 'section'; section: Section } | Exclude<NextStep, { kind: 'section' }>;
};

/**
 * The place a learner left off and what comes next, or null before they have opened any section
 * of a module that still exists. `findModule` reads the training content (a test passes its own).
 */
export async function continueLearningFor(scope: Scope, findModule: (id: string) => Promise<Module | null> = getModule): Promise<ContinueLearning | null> {
  const progress = await learningProgress(scope);
  const modules = new Map<string, Module>();
  for (const moduleId of progress.keys()) {
    const module = await findModule(moduleId);
    if (module) modules.set(moduleId, module);
  }
  const visits = [...progress].map(([moduleId, p]) => ({ moduleId, lastSectionId: p.lastSectionId, lastVisitedAt: p.lastVisitedAt }));
  const place = lastPlace(visits, (moduleId, sectionId) => modules.get(moduleId)?.sections.some((s) => s.id === sectionId) ?? false);
  if (!place) return null;
  const module = modules.get(place.moduleId)!;
  const view = moduleView(module, progress);
  const step = nextStep({ sectionIds: module.sections.map((s) => s.id), visitedSectionIds: view.visited, lastSectionId: place.lastSectionId, complete: view.status === 'complete' });
  const sectionOf = (id: string) => module.sections.find((s) => s.id === id)!;
  return { module, section: sectionOf(place.lastSectionId), next: step.kind === 'section' ? { kind: 'section', section: sectionOf(step.sectionId) } : step };
}
