/** What comes after the section a learner read last: another section, the module's check, or nothing. */
export type NextStep = { kind: 'section'; sectionId: string } | { kind: 'check' } | { kind: 'done' };

/**
 * The next step in a module after `lastSectionId`: the first unread section after it (then any
 * unread one before it), else the knowledge check, else (the module is complete) nothing.
 * A complete module being read again goes on to the following section until its last one.
 */
export function nextStep(input: { sectionIds: readonly string[]; visitedSectionIds: readonly string[]; lastSectionId: string; complete: boolean }): NextStep {
  const { sectionIds, lastSectionId, complete } = input;
  const visited = new Set(input.visitedSectionIds);
  const at = sectionIds.indexOf(lastSectionId);
  if (complete) {
    const following = at >= 0 ? sectionIds[at + 1] : undefined;
    return following ? { kind: 'section', sectionId: following } : { kind: 'done' };
  }
  const unread = [...sectionIds.slice(at + 1), ...sectionIds.slice(0, Math.max(at, 0))].find((id) => !visited.has(id) && id !== lastSectionId);
  return unread ? { kind: 'section', sectionId: unread } : { kind: 'check' };
}

/**
 * The place a learner left off: the module and section visited most recently, among modules
 * that still exist with that section (content may have changed since). Ties go to the first.
 */
export function lastPlace<T extends { moduleId: string; lastSectionId: string | null; lastVisitedAt: number }>(
  visits: readonly T[],
  stillThere: (moduleId: string, sectionId: string) => boolean,
): (T & { lastSectionId: string }) | null {
  let latest: (T & { lastSectionId: string }) | null = null;
  for (const visit of visits) {
    const sectionId = visit.lastSectionId;
    if (sectionId === null || !stillThere(visit.moduleId, sectionId)) continue;
    if (!latest || visit.lastVisitedAt > latest.lastVisitedAt) latest = { ...visit, lastSectionId: sectionId };
  }
  return latest;
}
