import { and, eq, inArray, min } from 'drizzle-orm';
import { moduleCompletions, sectionVisits } from '../../../db/schema/index.ts';
import { mayOnPerson, type PersonTarget } from '../access/index.ts';
import { listProgrammes, modulesOf } from '../content/index.ts';
import { personTarget, type Scope } from '../people/index.ts';

type Title = { en: string; cy: string };
/** The programmes and their modules progress is read against (the content, or a test's own). */
export type ProgrammeOutline = readonly { id: string; title: Title; modules: readonly { id: string; title: Title }[] }[];
export type ModuleProgress = { id: string; title: Title; state: 'done' | 'in-progress' | 'not-started'; startedAt: number | null; completedAt: number | null };
export type ProgrammeProgress = { id: string; title: Title; state: 'done' | 'in-progress' | 'not-started'; done: number; modules: ModuleProgress[] };

/** The training content as an outline of programmes and modules. */
export async function loadProgrammeOutline(): Promise<ProgrammeOutline> {
  const programmes = await listProgrammes();
  return Promise.all(programmes.map(async (p) => ({ id: p.id, title: p.title, modules: (await modulesOf(p)).map((m) => ({ id: m.id, title: m.title })) })));
}

/** Programme states from module states: all done is done, anything begun is in progress. */
function programmeState(modules: readonly ModuleProgress[]): ProgrammeProgress['state'] {
  if (modules.length > 0 && modules.every((m) => m.state === 'done')) return 'done';
  return modules.some((m) => m.state !== 'not-started') ? 'in-progress' : 'not-started';
}

/**
 * A person's programmes and modules (done, in progress, with dates) for their mentor
 * ('mentoring.progress.view'); null for anyone else, who must not learn the person exists.
 */
export async function learningProgressOf(scope: Scope, personId: string, outline?: ProgrammeOutline): Promise<ProgrammeProgress[] | null> {
  const target = await personTarget(scope.db, personId);
  if (!target || !mayOnPerson(scope.viewer, 'mentoring.progress.view', target)) return null;
  return (await learningProgressOfMany(scope, [target], outline)).get(personId) ?? [];
}

/** The same for several people in two grouped queries (the overview); people the viewer may not follow are left out. */
export async function learningProgressOfMany(scope: Scope, targets: readonly PersonTarget[], outline?: ProgrammeOutline): Promise<Map<string, ProgrammeProgress[]>> {
  const ids = targets.filter((t) => mayOnPerson(scope.viewer, 'mentoring.progress.view', t)).map((t) => t.id);
  const result = new Map<string, ProgrammeProgress[]>();
  if (!ids.length) return result;
  const programmes = outline ?? (await loadProgrammeOutline());
  const [completions, visits] = await Promise.all([
    scope.db.select({ personId: moduleCompletions.personId, moduleId: moduleCompletions.moduleId, at: min(moduleCompletions.completedAt) }).from(moduleCompletions).where(inArray(moduleCompletions.personId, ids)).groupBy(moduleCompletions.personId, moduleCompletions.moduleId),
    scope.db
      .select({ personId: sectionVisits.personId, moduleId: sectionVisits.moduleId, at: min(sectionVisits.firstVisitedAt) })
      .from(sectionVisits)
      .where(and(inArray(sectionVisits.personId, ids), eq(sectionVisits.organisationId, scope.organisationId)))
      .groupBy(sectionVisits.personId, sectionVisits.moduleId),
  ]);
  const key = (p: string, m: string) => `${p} ${m}`;
  const completed = new Map(completions.map((c) => [key(c.personId, c.moduleId), c.at]));
  const started = new Map(visits.map((v) => [key(v.personId, v.moduleId), v.at]));
  for (const personId of ids) {
    result.set(
      personId,
      programmes.map((p) => {
        const modules: ModuleProgress[] = p.modules.map((m) => {
          const completedAt = completed.get(key(personId, m.id)) ?? null;
          const startedAt = started.get(key(personId, m.id)) ?? null;
          return { id: m.id, title: m.title, state: completedAt !== null ? 'done' : startedAt !== null ? 'in-progress' : 'not-started', startedAt, completedAt };
        });
        return { id: p.id, title: p.title, state: programmeState(modules), done: modules.filter((m) => m.state === 'done').length, modules };
      }),
    );
  }
  return result;
}
