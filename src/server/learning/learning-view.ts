import type { Scope } from '../people/index.ts';
import type { Module, Programme } from '../../content/schemas.ts';
import { moduleStatus, programmeProgress, resumeSection, type ModuleStatus } from '../../domain/learning/module-progress.ts';
import { getProgramme, listProgrammes, modulesOf } from '../content/index.ts';
import { learningProgress } from './learning.ts';
import { scorePercent } from '../../domain/learning/knowledge-check.ts';

type Progress = Awaited<ReturnType<typeof learningProgress>>;

export type ModuleView = {
  module: Module;
  status: ModuleStatus;
  /** The latest version completed, if any, and when the module was first completed. */
  completedVersion: number | null;
  completedAt: number | null;
  visited: string[];
  resumeSectionId: string | null;
  attempts: number;
  lastPercent: number | null;
};

/** What a page shows about one module for one learner. */
export function moduleView(module: Module, progress: Progress): ModuleView {
  const p = progress.get(module.id);
  const sectionIds = module.sections.map((s) => s.id);
  const visited = (p?.visited ?? []).filter((id) => sectionIds.includes(id));
  const completedVersion = p?.completedVersions.length ? Math.max(...p.completedVersions) : null;
  return {
    module,
    status: moduleStatus({ visitedSectionIds: visited, hasAttempt: (p?.attempts ?? 0) > 0, completedVersion }),
    completedVersion,
    completedAt: p?.completedAt ?? null,
    visited,
    resumeSectionId: resumeSection(sectionIds, visited, p?.lastSectionId ?? null),
    attempts: p?.attempts ?? 0,
    lastPercent: p?.lastAttempt ? scorePercent(p.lastAttempt.score, p.lastAttempt.total) : null,
  };
}

export type ProgrammeView = {
  programme: Programme;
  modules: ModuleView[];
  totals: ReturnType<typeof programmeProgress>;
  minutes: number;
  complete: boolean;
  /** When the programme was completed (its last module's completion), or null. */
  completedAt: number | null;
};

/** A programme with each of its modules as one learner sees them, and their overall progress. */
export async function programmeView(programme: Programme, progress: Progress): Promise<ProgrammeView> {
  const modules = (await modulesOf(programme)).map((m) => moduleView(m, progress));
  const totals = programmeProgress(modules.map((m) => m.status));
  const complete = totals.total > 0 && totals.complete === totals.total;
  return { programme, modules, totals, minutes: modules.reduce((sum, m) => sum + m.module.minutes, 0), complete, completedAt: complete ? Math.max(...modules.map((m) => m.completedAt ?? 0)) : null };
}

/** One programme as the viewer sees it, or null when there is no such programme. */
export async function programmeViewFor(scope: Scope, programmeId: string): Promise<ProgrammeView | null> {
  const programme = await getProgramme(programmeId);
  return programme ? programmeView(programme, await learningProgress(scope)) : null;
}

/** Every programme, in catalogue order, as the viewer sees it. */
export async function allProgrammeViews(scope: Scope): Promise<ProgrammeView[]> {
  const progress = await learningProgress(scope);
  return Promise.all((await listProgrammes()).map((p) => programmeView(p, progress)));
}
