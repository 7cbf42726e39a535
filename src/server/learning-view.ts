import type { Module } from '../content/schemas.ts';
import { moduleStatus, resumeSection, type ModuleStatus } from '../domain/moduleProgress.ts';
import type { learningProgress } from './learning.ts';

type Progress = Awaited<ReturnType<typeof learningProgress>>;

export type ModuleView = {
  module: Module;
  status: ModuleStatus;
  /** The latest version completed, if any. */
  completedVersion: number | null;
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
    status: moduleStatus({ sectionIds, visitedSectionIds: visited, hasAttempt: (p?.attempts ?? 0) > 0, completedVersion }),
    completedVersion,
    visited,
    resumeSectionId: resumeSection(sectionIds, visited, p?.lastSectionId ?? null),
    attempts: p?.attempts ?? 0,
    lastPercent: p?.lastAttempt ? Math.round((p.lastAttempt.score / p.lastAttempt.total) * 100) : null,
  };
}
