import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { cpdEntries, knowledgeCheckAttempts, moduleCompletions, reflectiveEntries, sectionVisits } from '../../../db/schema/index.ts';
import type { Module } from '../../content/schemas.ts';
import { gradeKnowledgeCheck, type Grade, type SubmissionProblem } from '../../domain/learning/knowledge-check.ts';
import { meetsCompletionRule } from '../../domain/learning/module-progress.ts';
import { checkFeedback } from '../../domain/learning/check-feedback.ts';
import { jsonList, keptPerRequest, LONGEST_TEXT_FIELD, newId } from '../platform/index.ts';
import { recordCpd, type Tx } from '../cpd/index.ts';
import type { Scope } from '../people/index.ts';
import type { Locale } from '../../domain/common/index.ts';

type Reader = Pick<Db, 'select'>;

/** The server's answer key for a module's knowledge check (never sent to the browser). */
function answerKey(module: Module) {
  return {
    version: module.version,
    questions: module.knowledgeCheck.map((q) => ({ id: q.id, optionIds: q.options.map((o) => o.id), correctOptionId: q.options.find((o) => o.correct)!.id })),
  };
}

async function sectionVisitsOf(db: Reader, personId: string, moduleId: string) {
  return db.select({ sectionId: sectionVisits.sectionId, firstVisitedAt: sectionVisits.firstVisitedAt }).from(sectionVisits).where(and(eq(sectionVisits.personId, personId), eq(sectionVisits.moduleId, moduleId)));
}

/**
 * Records the module as complete (with its CPD entry) when a check has just been passed, every
 * section had been opened before it, and this version is not already recorded. Runs inside the
 * caller's write transaction. Reading the sections after passing does not complete the module:
 * the check must be passed again once they have been read.
 */
async function completeOnPass(tx: Tx, personId: string, module: Module, locale: Locale, now: number): Promise<boolean> {
  const [done] = await tx.select().from(moduleCompletions).where(and(eq(moduleCompletions.personId, personId), eq(moduleCompletions.moduleId, module.id), eq(moduleCompletions.moduleVersion, module.version)));
  if (done) return false;
  const sectionIds = module.sections.map((s) => s.id);
  const visits = (await sectionVisitsOf(tx, personId, module.id)).filter((v) => sectionIds.includes(v.sectionId));
  if (!meetsCompletionRule(sectionIds, visits.map((v) => v.sectionId), true)) return false;
  await tx.insert(moduleCompletions).values({ personId, moduleId: module.id, moduleVersion: module.version, programmeId: module.programme, completedAt: now, locale });
  await recordCpd(tx, {
    personId,
    kind: 'module',
    activityId: module.id,
    sourceId: `${module.id}@v${module.version}`,
    programmeId: module.programme,
    title: module.title,
    estimateMinutes: module.minutes,
    // Time on a module runs from opening its first section to passing its check.
    startedAt: Math.min(...visits.map((v) => v.firstVisitedAt)),
    completedAt: now,
  });
  return true;
}

// Reading a section again within a minute changes nothing worth a write: this process remembers
// each person's last recorded section per database (bounded; another process may write once more).
const VISIT_REWRITE_AFTER_MS = 60_000;
const MAX_REMEMBERED_VISITS = 10_000;
const recordedVisits = new WeakMap<object, Map<string, { key: string; at: number }>>();

/** Notes that a learner opened a section (for progress, "resume", and the sections a pass needs). */
export async function recordSectionVisit(scope: Scope, module: Module, sectionId: string): Promise<void> {
  if (!module.sections.some((s) => s.id === sectionId)) throw new Error(`module ${module.id} has no section ${sectionId}`);
  const now = scope.now.getTime();
  const key = `${module.id} ${sectionId}`;
  let lastRecordedVisit = recordedVisits.get(scope.db);
  if (!lastRecordedVisit) recordedVisits.set(scope.db, (lastRecordedVisit = new Map()));
  const last = lastRecordedVisit.get(scope.viewer.id);
  if (last && last.key === key && now >= last.at && now - last.at < VISIT_REWRITE_AFTER_MS) return;
  await scope.db
    .insert(sectionVisits)
    .values({ personId: scope.viewer.id, organisationId: scope.organisationId, moduleId: module.id, sectionId, firstVisitedAt: now, lastVisitedAt: now })
    .onConflictDoUpdate({ target: [sectionVisits.personId, sectionVisits.moduleId, sectionVisits.sectionId], set: { lastVisitedAt: now } });
  if (lastRecordedVisit.size >= MAX_REMEMBERED_VISITS) lastRecordedVisit.clear();
  lastRecordedVisit.set(scope.viewer.id, { key, at: now });
  progressRecords.forget(scope);
}

export type SubmitResult = { ok: true; attemptId: string; grade: Grade; completed: boolean } | { ok: false; problem: SubmissionProblem };

/**
 * Marks a knowledge check on the server and records the attempt; a refused submission
 * (stale version, unknown question or option, unanswered) records nothing. Each submission
 * is its own attempt, so two tabs submitting at once make two attempts.
 */
export async function submitKnowledgeCheck(
  scope: Scope,
  input: { module: Module; version: number; answers: Record<string, string>; startedAt: number | null },
): Promise<SubmitResult> {
  const now = scope.now.getTime();
  const personId = scope.viewer.id;
  const marked = gradeKnowledgeCheck(answerKey(input.module), { version: input.version, answers: input.answers });
  if (!marked.ok) return marked;
  const attemptId = newId();
  const completed = await scope.db.transaction(async (tx) => {
    await tx.insert(knowledgeCheckAttempts).values({
      id: attemptId,
      personId,
      organisationId: scope.organisationId,
      moduleId: input.module.id,
      moduleVersion: input.module.version,
      answers: input.answers,
      score: marked.grade.score,
      total: marked.grade.total,
      passed: marked.grade.passed,
      startedAt: input.startedAt && input.startedAt <= now ? input.startedAt : null,
      submittedAt: now,
    });
    return marked.grade.passed ? completeOnPass(tx, personId, input.module, scope.viewer.locale, now) : false;
  });
  progressRecords.forget(scope);
  return { ok: true, attemptId, grade: marked.grade, completed };
}

/** One of the person's own attempts, or null (someone else's attempt is never returned). */
export async function getOwnAttempt(scope: Scope, attemptId: string) {
  const [attempt] = await scope.db.select().from(knowledgeCheckAttempts).where(and(eq(knowledgeCheckAttempts.id, attemptId), eq(knowledgeCheckAttempts.personId, scope.viewer.id)));
  return attempt ?? null;
}

type ProgressRecords = {
  visits: { moduleId: string; sectionId: string; lastVisitedAt: number }[];
  /** Oldest first. */
  attempts: { moduleId: string; passed: boolean; score: number; total: number; submittedAt: number }[];
  /** Oldest first. */
  completions: { moduleId: string; moduleVersion: number; completedAt: number }[];
};

/** The viewer's visits, check attempts and completions, each list as a JSON array of one statement. */
async function readProgress(scope: Scope): Promise<ProgressRecords> {
  const personId = scope.viewer.id;
  const [row] = await scope.db.all<{ visits: string; attempts: string; completions: string }>(sql`select
    (select json_group_array(json_array(${sectionVisits.moduleId}, ${sectionVisits.sectionId}, ${sectionVisits.lastVisitedAt}))
      from ${sectionVisits} where ${sectionVisits.personId} = ${personId}) as visits,
    (select json_group_array(json_array(${knowledgeCheckAttempts.moduleId}, ${knowledgeCheckAttempts.passed}, ${knowledgeCheckAttempts.score}, ${knowledgeCheckAttempts.total}, ${knowledgeCheckAttempts.submittedAt}) order by ${knowledgeCheckAttempts.submittedAt})
      from ${knowledgeCheckAttempts} where ${knowledgeCheckAttempts.personId} = ${personId}) as attempts,
    (select json_group_array(json_array(${moduleCompletions.moduleId}, ${moduleCompletions.moduleVersion}, ${moduleCompletions.completedAt}) order by ${moduleCompletions.completedAt})
      from ${moduleCompletions} where ${moduleCompletions.personId} = ${personId}) as completions`);
  return {
    visits: jsonList<[string, string, number]>(row?.visits).map(([moduleId, sectionId, lastVisitedAt]) => ({ moduleId, sectionId, lastVisitedAt })),
    attempts: jsonList<[string, number, number, number, number]>(row?.attempts).map(([moduleId, passed, score, total, submittedAt]) => ({ moduleId, passed: passed === 1, score, total, submittedAt })),
    completions: jsonList<[string, number, number]>(row?.completions).map(([moduleId, moduleVersion, completedAt]) => ({ moduleId, moduleVersion, completedAt })),
  };
}

// One request reads the viewer's progress once (home, catalogue and prompts share it); a write
// through this module forgets what was read.
const progressRecords = keptPerRequest(readProgress);

/** Everything the catalogue, module and home pages need about the viewer's learning, read once per request in one statement. */
export async function learningProgress(scope: Scope) {
  const { visits, attempts, completions } = await progressRecords.get(scope);
  const byModule = new Map<string, { visited: string[]; lastSectionId: string | null; lastVisitedAt: number; attempts: number; lastAttempt: (typeof attempts)[number] | null; completedVersions: number[]; completedAt: number | null }>();
  const entry = (moduleId: string) => {
    let e = byModule.get(moduleId);
    if (!e) byModule.set(moduleId, (e = { visited: [], lastSectionId: null, lastVisitedAt: 0, attempts: 0, lastAttempt: null, completedVersions: [], completedAt: null }));
    return e;
  };
  for (const v of visits) {
    const e = entry(v.moduleId);
    e.visited.push(v.sectionId);
    if (v.lastVisitedAt >= e.lastVisitedAt) {
      e.lastVisitedAt = v.lastVisitedAt;
      e.lastSectionId = v.sectionId;
    }
  }
  for (const a of attempts) {
    const e = entry(a.moduleId);
    e.attempts += 1;
    e.lastAttempt = a;
  }
  for (const c of completions) {
    const e = entry(c.moduleId);
    e.completedVersions.push(c.moduleVersion);
    e.completedAt ??= c.completedAt;
  }
  return byModule;
}


export const REFLECTION_MAX_LENGTH = LONGEST_TEXT_FIELD;

/** Saves a reflection to the learner's private log. */
export async function saveReflection(scope: Scope, input: { moduleId: string; moduleVersion: number; prompt: string; text: string }) {
  const id = newId();
  const now = scope.now.getTime();
  await scope.db.insert(reflectiveEntries).values({ id, ...input, personId: scope.viewer.id, organisationId: scope.organisationId, sharedWithMentor: false, createdAt: now, updatedAt: now });
  return id;
}

/** The viewer's reflective log, newest first. */
export async function listReflections(scope: Scope) {
  return scope.db.select().from(reflectiveEntries).where(and(eq(reflectiveEntries.personId, scope.viewer.id), eq(reflectiveEntries.organisationId, scope.organisationId))).orderBy(desc(reflectiveEntries.createdAt));
}

/** The viewer's CPD entries, newest first. */
export async function listCpdEntries(scope: Scope) {
  return scope.db.select().from(cpdEntries).where(and(eq(cpdEntries.personId, scope.viewer.id), eq(cpdEntries.organisationId, scope.organisationId))).orderBy(desc(cpdEntries.completedAt));
}

/**
 * Feedback on each question of an attempt, marked by the same rule as the attempt was: the
 * option chosen and whether it is right; the best option only after a pass (`checkFeedback`).
 * Null for an attempt on another version of the module (its questions may have changed; the
 * score stands on its own).
 */
export function attemptFeedback(module: Module, attempt: { moduleVersion: number; answers: Readonly<Record<string, string>> }) {
  const graded = gradeKnowledgeCheck(answerKey(module), { version: attempt.moduleVersion, answers: attempt.answers });
  if (!graded.ok) return null;
  return checkFeedback(module.knowledgeCheck, graded.grade);
}
