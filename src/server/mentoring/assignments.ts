import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../../db/client.ts';
import {
  assignments,
  people,
  practiceTasks,
  submissions,
  taskAnswers,
} from '../../../db/schema/index.ts';
import { londonDate } from '../../domain/common/index.ts';
import {
  activityValue,
  assignmentStatus,
  byDueDate,
  checkDueDate,
  type ActivityKind,
  type ActivityProgress,
  type ActivityRef,
  type AssignmentStatus,
  type SubmissionState,
} from '../../domain/mentoring/index.ts';
import { hasRole, mayOnAssignment, mayOnPerson } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { labelKey } from '../../i18n/index.ts';
import { jsonList, newId, type FieldErrors } from '../platform/index.ts';
import { personTarget, type Scope } from '../people/index.ts';
import { catalogueEntry, contentPath, loadContentCatalogue, type ContentCatalogue } from './activity-catalogue.ts';
import { queueAssignmentNotices } from './notice-schedule.ts';
import { workKindOf } from './submissions.ts';

/** The longest note to a mentee, task title and task instructions a form takes. */
export const NOTE_MAX = 2000;
export const TASK_TITLE_MAX = 200;
export const TASK_INSTRUCTIONS_MAX = 5000;

/** What the Assign work form asks for, already read from the form. `activity.id` 'new' with `task` writes a practice task. */
export type AssignInput = {
  menteeIds: readonly string[];
  activity: ActivityRef | null;
  dueDate: string;
  note: string | null;
  askReview: boolean;
  task?: { title: string; instructions: string };
  requestKey: string;
};

/** The id a new practice task is chosen by in the Activity select ('task:new'). */
export const NEW_TASK_ID = 'new';

type Row = typeof assignments.$inferSelect;

/** An assignment as the pages show it: its title is null when the activity has been removed. */
export type AssignmentView = {
  id: string;
  menteeId: string;
  menteeName: string;
  assignedBy: { id: string; name: string };
  ownerId: string | null;
  activity: ActivityRef;
  title: { en: string; cy: string } | null;
  dueDate: string;
  note: string | null;
  askReview: boolean;
  revision: number;
  createdAt: number;
  withdrawnAt: number | null;
  passedOnAt: number | null;
  status: AssignmentStatus;
  /** Where the title links (no language prefix): the module or programme, an attempt in progress, or the item's own page. */
  path: string;
  /** How far the mentee has got with the activity itself (whatever the due date). */
  progress: ActivityProgress;
  /** The version whose feedback is released (only the latest can be), else null. */
  feedbackVersion: number | null;
};

/** One row of the mentee's "Assigned to you". */
export type AssignedItem = AssignmentView;
/** One row of the mentor's own assignments. */
export type MentorAssignmentRow = AssignmentView & { passedOnFromName: string | null };

/** Refusals of a change to an assignment; a form turns them into 404, 409 and 422. */
export type AssignmentRefusal = 'not-found' | 'stale' | 'withdrawn';
export type AssignmentChange = { ok: true } | { ok: false; refusal: AssignmentRefusal } | { ok: false; errors: FieldErrors };

const today = (scope: Scope) => londonDate(scope.now.getTime());

/**
 * Assigns one activity to each of the mentor's chosen mentees in one transaction (writing a new
 * practice task first when asked), audited per assignment. Every problem is a field error and
 * nothing is saved. A repeated POST of the same form (same `requestKey`) makes nothing new and
 * answers the ids made the first time (`repeated`). The ids are what the notices of new work use.
 */
export async function assignWork(
  scope: Scope,
  input: AssignInput,
  ip: string | null,
  catalogue?: ContentCatalogue,
): Promise<{ ok: true; ids: string[]; repeated: boolean } | { ok: false; errors: FieldErrors }> {
  const { db, viewer, organisationId } = scope;
  const now = scope.now.getTime();
  const key = input.requestKey.trim();
  if (key) {
    const earlier = await db
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.assignedBy, viewer.id), eq(assignments.requestKey, key)));
    if (earlier.length) return { ok: true, ids: earlier.map((r) => r.id), repeated: true };
  }
  const errors: FieldErrors = {};
  const menteeIds = [...new Set(input.menteeIds)];
  if (menteeIds.length === 0) errors.menteeIds = { key: 'mentoring.error.noMentee' };
  else {
    for (const id of menteeIds) {
      const target = await personTarget(db, id);
      const person = target ? await db.select({ status: people.status }).from(people).where(eq(people.id, id)) : [];
      if (!target || !mayOnPerson(viewer, 'mentoring.assign', target) || person[0]?.status === 'deactivated') {
        errors.menteeIds = { key: 'mentoring.error.notYourMentee' };
        break;
      }
    }
  }
  const activity = input.activity;
  let newTask: { title: string; instructions: string } | null = null;
  if (!activity) errors.activity = { key: 'mentoring.error.unknownActivity' };
  else if (activity.kind === 'task') {
    if (activity.id === NEW_TASK_ID) {
      const title = input.task?.title.trim() ?? '';
      const instructions = input.task?.instructions.trim() ?? '';
      if (!title) errors.taskTitle = { key: 'errors.required' };
      else if (title.length > TASK_TITLE_MAX) errors.taskTitle = { key: 'errors.tooLong', params: { max: TASK_TITLE_MAX } };
      if (!instructions) errors.taskInstructions = { key: 'errors.required' };
      else if (instructions.length > TASK_INSTRUCTIONS_MAX) errors.taskInstructions = { key: 'errors.tooLong', params: { max: TASK_INSTRUCTIONS_MAX } };
      newTask = { title, instructions };
    } else {
      const [task] = await db
        .select({ id: practiceTasks.id })
        .from(practiceTasks)
        .where(and(eq(practiceTasks.id, activity.id), eq(practiceTasks.organisationId, organisationId), eq(practiceTasks.authorId, viewer.id)));
      if (!task) errors.activity = { key: 'mentoring.error.unknownActivity' };
    }
  } else if (!catalogueEntry(catalogue ?? (await loadContentCatalogue()), activity)) {
    errors.activity = { key: 'mentoring.error.unknownActivity' };
  }
  const dueProblem = checkDueDate(input.dueDate, today(scope));
  if (dueProblem) errors.dueDate = { key: dueProblem === 'required' ? 'errors.required' : labelKey('mentoring.error.due', dueProblem) };
  const note = input.note?.trim() || null;
  if (note && note.length > NOTE_MAX) errors.note = { key: 'errors.tooLong', params: { max: NOTE_MAX } };
  if (!key || key.length > 64) errors._form = { key: 'mentoring.error.formExpired' };
  if (Object.keys(errors).length || !activity) return { ok: false, errors };

  const dueDate = input.dueDate.trim();
  try {
    const ids = await db.transaction(async (tx) => {
      let activityId = activity.id;
      if (newTask) {
        activityId = newId();
        await tx.insert(practiceTasks).values({ id: activityId, organisationId, authorId: viewer.id, title: newTask.title, instructions: newTask.instructions, locale: viewer.locale, createdAt: now });
      }
      const made: string[] = [];
      for (const menteeId of menteeIds) {
        const id = newId();
        made.push(id);
        await tx.insert(assignments).values({
          id, organisationId, menteeId, assignedBy: viewer.id, ownerId: viewer.id, activityKind: activity.kind, activityId,
          dueDate, note, askReview: input.askReview && workKindOf(activity.kind) !== null, requestKey: key, createdAt: now, updatedAt: now,
        });
        await queueAssignmentNotices(tx, { id, dueDate }, now);
        await recordAudit(tx, { organisationId, actorId: viewer.id, subjectId: menteeId, action: 'assignment.created', detail: { assignmentId: id, activity: activityValue({ kind: activity.kind, id: activityId }), dueDate, askReview: input.askReview && workKindOf(activity.kind) !== null }, ip }, now);
      }
      return made;
    });
    return { ok: true, ids, repeated: false };
  } catch (error) {
    // Two copies of one form raced past the first check: the unique index kept one; answer with it.
    const earlier = await db.select({ id: assignments.id }).from(assignments).where(and(eq(assignments.assignedBy, viewer.id), eq(assignments.requestKey, key)));
    if (earlier.length) return { ok: true, ids: earlier.map((r) => r.id), repeated: true };
    throw error;
  }
}

async function ownedRow(scope: Scope, id: string): Promise<Row | null> {
  const [row] = await scope.db.select().from(assignments).where(and(eq(assignments.id, id), eq(assignments.organisationId, scope.organisationId)));
  if (!row || !mayOnAssignment(scope.viewer, 'assignment.change', row)) return null;
  return row;
}

/**
 * Moves an assignment's due date. `revision` is the one the form was drawn with: a change made
 * since (another tab, a colleague) refuses with 'stale', so nothing typed is silently overwritten.
 */
export async function changeDueDate(scope: Scope, id: string, dueDate: string, revision: number, ip: string | null): Promise<AssignmentChange> {
  const row = await ownedRow(scope, id);
  if (!row) return { ok: false, refusal: 'not-found' };
  if (row.withdrawnAt !== null) return { ok: false, refusal: 'withdrawn' };
  const problem = checkDueDate(dueDate, today(scope));
  if (problem) return { ok: false, errors: { dueDate: { key: problem === 'required' ? 'errors.required' : labelKey('mentoring.error.due', problem) } } };
  const date = dueDate.trim();
  const now = scope.now.getTime();
  const changed = await scope.db.transaction(async (tx) => {
    const done = await tx
      .update(assignments)
      .set({ dueDate: date, revision: sql`${assignments.revision} + 1`, updatedAt: now })
      .where(and(eq(assignments.id, id), eq(assignments.revision, revision), isNull(assignments.withdrawnAt)))
      .returning({ id: assignments.id });
    if (!done.length) return false;
    await recordAudit(tx, { organisationId: scope.organisationId, actorId: scope.viewer.id, subjectId: row.menteeId, action: 'assignment.changed', detail: { assignmentId: id, field: 'dueDate', from: row.dueDate, to: date }, ip }, now);
    // The notices for the old date drop themselves when they find the date moved.
    await queueAssignmentNotices(tx, { id, dueDate: date }, now);
    return true;
  });
  if (changed) return { ok: true };
  const [now2] = await scope.db.select({ withdrawnAt: assignments.withdrawnAt }).from(assignments).where(eq(assignments.id, id));
  return { ok: false, refusal: now2?.withdrawnAt ? 'withdrawn' : 'stale' };
}

/** Withdraws an assignment: it stays as history (withdrawn, not deleted) and leaves the mentee's list. */
export async function withdrawAssignment(scope: Scope, id: string, ip: string | null): Promise<AssignmentChange> {
  const row = await ownedRow(scope, id);
  if (!row) return { ok: false, refusal: 'not-found' };
  const now = scope.now.getTime();
  const withdrawn = await scope.db.transaction(async (tx) => {
    const done = await tx
      .update(assignments)
      .set({ withdrawnAt: now, withdrawnBy: scope.viewer.id, revision: sql`${assignments.revision} + 1`, updatedAt: now })
      .where(and(eq(assignments.id, id), isNull(assignments.withdrawnAt)))
      .returning({ id: assignments.id });
    if (done.length) await recordAudit(tx, { organisationId: scope.organisationId, actorId: scope.viewer.id, subjectId: row.menteeId, action: 'assignment.withdrawn', detail: { assignmentId: id }, ip }, now);
    return done.length > 0;
  });
  return withdrawn ? { ok: true } : { ok: false, refusal: 'withdrawn' };
}

type ProgressItem = { id: string; menteeId: string; activityKind: Row['activityKind']; activityId: string; createdAt: number };

/** Attempts of scenarios or vignettes for these people, read once for a whole list. */
type AttemptRow = { id: string; personId: string; contentId: string; status: 'in-progress' | 'complete'; startedAt: number };

/** Everything the progress of a list of assignments is read from, in one statement. */
type ProgressFacts = {
  completed: Set<string>;
  visited: Set<string>;
  attempts: AttemptRow[];
  answered: Set<string>;
  tasks: Map<string, { title: string; instructions: string }>;
  /** The latest submitted version of each assignment of the list. */
  latest: Map<string, { state: SubmissionState; version: number }>;
};

const pair = (personId: string, contentId: string) => `${personId} ${contentId}`;

// A list of ids as one bound JSON parameter, so a long list is one parameter, not hundreds.
const inJson = (values: Iterable<string>) => sql`(select value from json_each(${JSON.stringify([...new Set(values)])}))`;

type FactsRow = { completions: string; visits: string; sims: string; thresholds: string; answers: string; tasks: string; submissions: string };

/** The progress facts of a list of assignments: every table read inside one statement (a JSON list per table). */
async function progressFacts(db: Db, items: readonly ProgressItem[], catalogue: ContentCatalogue): Promise<ProgressFacts> {
  const facts: ProgressFacts = { completed: new Set(), visited: new Set(), attempts: [], answered: new Set(), tasks: new Map(), latest: new Map() };
  if (!items.length) return facts;
  const moduleIds = new Set<string>();
  const ids = (kinds: readonly ActivityKind[]) => items.filter((i) => kinds.includes(i.activityKind)).map((i) => i.activityId);
  for (const item of items) {
    if (item.activityKind === 'module') moduleIds.add(item.activityId);
    if (item.activityKind === 'programme') for (const m of catalogueEntry(catalogue, { kind: 'programme', id: item.activityId })?.moduleIds ?? []) moduleIds.add(m);
  }
  const persons = inJson(items.map((i) => i.menteeId));
  const modules = inJson(moduleIds);
  const [row] = await db.all<FactsRow>(sql`select
    (select json_group_array(json_array(person_id, module_id)) from (select distinct person_id, module_id from module_completions where person_id in ${persons} and module_id in ${modules})) as completions,
    (select json_group_array(json_array(person_id, module_id)) from (select distinct person_id, module_id from section_visits where person_id in ${persons} and module_id in ${modules})) as visits,
    (select json_group_array(json_array(id, person_id, scenario_id, status, started_at)) from simulation_attempts where person_id in ${persons} and scenario_id in ${inJson(ids(['conversation', 'conference']))}) as sims,
    (select json_group_array(json_array(id, person_id, vignette_id, status, started_at)) from threshold_attempts where person_id in ${persons} and vignette_id in ${inJson(ids(['vignette']))}) as thresholds,
    (select json_group_array(assignment_id) from (select distinct assignment_id from task_answers where assignment_id in ${inJson(items.filter((i) => i.activityKind === 'task').map((i) => i.id))})) as answers,
    (select json_group_array(json_array(id, title, instructions)) from practice_tasks where id in ${inJson(ids(['task']))}) as tasks,
    (select json_group_array(json_array(assignment_id, state, version)) from submissions where assignment_id in ${inJson(items.map((i) => i.id))}) as submissions`);
  for (const [personId, moduleId] of jsonList<[string, string]>(row?.completions)) facts.completed.add(pair(personId, moduleId));
  for (const [personId, moduleId] of jsonList<[string, string]>(row?.visits)) facts.visited.add(pair(personId, moduleId));
  for (const text of [row?.sims, row?.thresholds]) {
    for (const [id, personId, contentId, status, startedAt] of jsonList<[string, string, string, AttemptRow['status'], number]>(text)) facts.attempts.push({ id, personId, contentId, status, startedAt });
  }
  for (const id of jsonList<string>(row?.answers)) facts.answered.add(id);
  for (const [id, title, instructions] of jsonList<[string, string, string]>(row?.tasks)) facts.tasks.set(id, { title, instructions });
  for (const [assignmentId, state, version] of jsonList<[string, SubmissionState, number]>(row?.submissions)) {
    const seen = facts.latest.get(assignmentId);
    if (!seen || version > seen.version) facts.latest.set(assignmentId, { state, version });
  }
  return facts;
}

/** The attempt of an assigned scenario or vignette started since the assignment, latest first. */
function attemptsSince(facts: ProgressFacts, item: ProgressItem): AttemptRow[] {
  return facts.attempts
    .filter((a) => a.personId === item.menteeId && a.contentId === item.activityId && a.startedAt >= item.createdAt)
    .sort((x, y) => y.startedAt - x.startedAt);
}

function progressOf(facts: ProgressFacts, item: ProgressItem, catalogue: ContentCatalogue): ActivityProgress {
  const ref = { kind: item.activityKind, id: item.activityId };
  if (item.activityKind === 'task') {
    if (!facts.tasks.has(item.activityId)) return 'unavailable';
    return facts.answered.has(item.id) ? 'done' : 'not-started';
  }
  const entry = catalogueEntry(catalogue, ref);
  if (!entry) return 'unavailable';
  switch (entry.kind) {
    case 'module':
      return facts.completed.has(pair(item.menteeId, entry.id)) ? 'done' : facts.visited.has(pair(item.menteeId, entry.id)) ? 'in-progress' : 'not-started';
    case 'programme': {
      const modules = entry.moduleIds ?? [];
      const done = modules.filter((m) => facts.completed.has(pair(item.menteeId, m))).length;
      if (modules.length > 0 && done === modules.length) return 'done';
      return done > 0 || modules.some((m) => facts.visited.has(pair(item.menteeId, m))) ? 'in-progress' : 'not-started';
    }
    default: {
      const since = attemptsSince(facts, item);
      if (since.some((a) => a.status === 'complete')) return 'done';
      return since.length ? 'in-progress' : 'not-started';
    }
  }
}

/** Where an item's title links: its module or programme, an attempt in progress, else the item's own page. */
function pathOf(facts: ProgressFacts, item: ProgressItem, catalogue: ContentCatalogue): string {
  const entry = catalogueEntry(catalogue, { kind: item.activityKind, id: item.activityId });
  const direct = entry ? contentPath(entry) : null;
  if (direct) return direct;
  if (entry && item.activityKind !== 'task') {
    const open = attemptsSince(facts, item).find((a) => a.status === 'in-progress');
    if (open) return item.activityKind === 'vignette' ? `/practice/attempts/${open.id}` : `/simulations/attempts/${open.id}`;
  }
  return `/assigned/${item.id}`;
}

// The person who set the work, and the mentor it was passed on from, joined again under other names.
const assigner = alias(people, 'assigner');
const passedOnFromPerson = alias(people, 'passed_on_from_person');

type View = AssignmentView & { passedOnFrom: string | null };

/**
 * Assignments matching `where`, with names, titles, progress and status: the one reader every
 * list uses, in two statements (the rows, then their progress facts). `summary`, a scalar SQL
 * column, comes back once beside them (null when no row matches).
 */
async function readViews(scope: Scope, where: SQL | undefined, catalogue: ContentCatalogue, summary?: SQL<string | null>): Promise<{ views: View[]; facts: ProgressFacts; fromNames: Map<string, string | null>; summary: string | null }> {
  const rows = await scope.db
    .select({ a: assignments, menteeName: people.name, assignerId: assigner.id, assignerName: assigner.name, fromName: passedOnFromPerson.name, summary: summary ?? sql<null>`null` })
    .from(assignments)
    .innerJoin(people, eq(people.id, assignments.menteeId))
    .innerJoin(assigner, eq(assigner.id, assignments.assignedBy))
    .leftJoin(passedOnFromPerson, eq(passedOnFromPerson.id, assignments.passedOnFrom))
    .where(and(eq(assignments.organisationId, scope.organisationId), where))
    .orderBy(asc(assignments.dueDate), asc(assignments.createdAt));
  const items = rows.map((r) => r.a);
  const facts = await progressFacts(scope.db, items, catalogue);
  const day = today(scope);
  const views = rows.map(({ a, menteeName, assignerId, assignerName }): View => {
    const progress = progressOf(facts, a, catalogue);
    const task = a.activityKind === 'task' ? facts.tasks.get(a.activityId) : undefined;
    const entry = catalogueEntry(catalogue, { kind: a.activityKind, id: a.activityId });
    const title = task ? { en: task.title, cy: task.title } : (entry?.title ?? null);
    const submission = facts.latest.get(a.id) ?? null;
    return {
      id: a.id,
      menteeId: a.menteeId,
      menteeName,
      assignedBy: { id: assignerId, name: assignerName },
      ownerId: a.ownerId,
      activity: { kind: a.activityKind, id: a.activityId },
      title,
      dueDate: a.dueDate,
      note: a.note,
      askReview: a.askReview,
      revision: a.revision,
      createdAt: a.createdAt,
      withdrawnAt: a.withdrawnAt,
      passedOnAt: a.passedOnAt,
      passedOnFrom: a.passedOnFrom,
      status: assignmentStatus({ dueDate: a.dueDate, withdrawn: a.withdrawnAt !== null, askReview: asksReview(a), progress, submission }, day),
      path: pathOf(facts, a, catalogue),
      progress,
      feedbackVersion: submission?.state === 'feedback-released' ? submission.version : null,
    };
  });
  return { views, facts, fromNames: new Map(rows.map((r) => [r.a.id, r.fromName])), summary: rows[0]?.summary ?? null };
}

/** The views as their mentor's rows: soonest due first, each with the name of the mentor it was passed on from. */
function mentorRows(views: View[], fromNames: Map<string, string | null>): MentorAssignmentRow[] {
  return byDueDate(views).map((v) => ({ ...v, passedOnFromName: fromNames.get(v.id) ?? null }));
}

async function viewsOf(scope: Scope, where: SQL | undefined, catalogue: ContentCatalogue): Promise<View[]> {
  return (await readViews(scope, where, catalogue)).views;
}

/** The signed-in person's own assigned work still standing (withdrawn work leaves the list), soonest due first. */
export async function assignedToMe(scope: Scope, catalogue?: ContentCatalogue): Promise<AssignedItem[]> {
  const views = await viewsOf(scope, and(eq(assignments.menteeId, scope.viewer.id), isNull(assignments.withdrawnAt)), catalogue ?? (await loadContentCatalogue()));
  return byDueDate(views);
}

// Work the viewer is responsible for: theirs, and for an administrator also the work no mentor holds.
function ownedBy(scope: Scope): SQL {
  return (hasRole(scope.viewer, 'admin') ? or(eq(assignments.ownerId, scope.viewer.id), isNull(assignments.ownerId)) : eq(assignments.ownerId, scope.viewer.id)) as SQL;
}

// The same rule over another name of the assignments table, for subqueries.
function ownedByAs(scope: Scope, t: SQL): SQL {
  const owner = hasRole(scope.viewer, 'admin') ? sql`(${t}.owner_id = ${scope.viewer.id} or ${t}.owner_id is null)` : sql`${t}.owner_id = ${scope.viewer.id}`;
  return sql`${t}.organisation_id = ${scope.organisationId} and ${owner}`;
}

/**
 * Whether an assignment is finished with (withdrawn, its feedback released, or done with nothing
 * to submit), as SQL over the name `t`. A programme's completion is left to the status: it stays open here.
 * The latest submission is compared with `is`, not `=`: with none it is false, never null (which would hide open work).
 */
function closedAs(t: SQL): SQL {
  const noReview = sql`not ${t}.ask_review`;
  return sql`(${t}.withdrawn_at is not null
    or (select s.state from submissions s where s.assignment_id = ${t}.id order by s.version desc limit 1) is 'feedback-released'
    or (${t}.activity_kind = 'module' and exists (select 1 from module_completions c where c.person_id = ${t}.mentee_id and c.module_id = ${t}.activity_id))
    or (${t}.activity_kind = 'task' and ${noReview} and exists (select 1 from task_answers ta where ta.assignment_id = ${t}.id))
    or (${t}.activity_kind in ('conversation', 'conference') and ${noReview} and exists (select 1 from simulation_attempts sa where sa.person_id = ${t}.mentee_id and sa.scenario_id = ${t}.activity_id and sa.status = 'complete' and sa.started_at >= ${t}.created_at))
    or (${t}.activity_kind = 'vignette' and ${noReview} and exists (select 1 from threshold_attempts ta where ta.person_id = ${t}.mentee_id and ta.vignette_id = ${t}.activity_id and ta.status = 'complete' and ta.started_at >= ${t}.created_at)))`;
}

/** How many finished or withdrawn assignments the workspace home lists beside the open ones (latest due first). */
export const RECENT_CLOSED = 20;

/** The workspace home's work: every open assignment, the most recent closed ones, how many earlier ones are left out, and what was passed on. */
export type WorkspaceAssignments = {
  rows: MentorAssignmentRow[];
  /** Finished or withdrawn assignments not listed (older than the `RECENT_CLOSED` listed). */
  earlier: number;
  /** Each open assignment passed on to the viewer: who from (null: a person since removed) and when. */
  passedOn: { fromName: string | null; toAdmins: boolean; passedOnAt: number }[];
};

/**
 * The assignments the workspace home lists, in two statements however long the history: every
 * open one, the `recent` most recently due of those finished with, and (in the same statement)
 * how many earlier ones are left out and the open work passed on to the viewer.
 */
export async function workspaceAssignments(scope: Scope, catalogue?: ContentCatalogue, recent = RECENT_CLOSED): Promise<WorkspaceAssignments> {
  const x = sql.raw('x');
  const y = sql.raw('y');
  const recentClosed = sql`select x.id from assignments x where ${ownedByAs(scope, x)} and ${closedAs(x)} order by x.due_date desc, x.created_at desc limit ${recent}`;
  const summary = sql<string | null>`json_object(
    'closed', (select count(*) from assignments y where ${ownedByAs(scope, y)} and ${closedAs(y)}),
    'passedOn', json((select json_group_array(json_array(f.name, y.owner_id is null, y.passed_on_at)) from assignments y left join people f on f.id = y.passed_on_from
      where ${ownedByAs(scope, y)} and y.passed_on_at is not null and y.withdrawn_at is null order by y.due_date, y.created_at)))`;
  const { views, fromNames, summary: found } = await readViews(
    scope,
    and(ownedBy(scope), or(sql`not ${closedAs(sql.raw('"assignments"'))}`, sql`${assignments.id} in (${recentClosed})`)),
    catalogue ?? (await loadContentCatalogue()),
    summary,
  );
  const { closed, passedOn } = found ? (JSON.parse(found) as { closed: number; passedOn: [string | null, number, number][] }) : { closed: 0, passedOn: [] };
  return {
    rows: mentorRows(views, fromNames),
    earlier: Math.max(0, closed - recent),
    passedOn: passedOn.map(([fromName, toAdmins, passedOnAt]) => ({ fromName, toAdmins: toAdmins === 1, passedOnAt })),
  };
}

/**
 * The assignments the signed-in mentor is responsible for (withdrawn ones included, as history);
 * an administrator also gets the work no mentor holds any more.
 */
export async function assignmentsOwnedBy(scope: Scope, filter: { menteeId?: string } = {}, catalogue?: ContentCatalogue): Promise<MentorAssignmentRow[]> {
  const { views, fromNames } = await readViews(scope, and(ownedBy(scope), filter.menteeId ? eq(assignments.menteeId, filter.menteeId) : undefined), catalogue ?? (await loadContentCatalogue()));
  return mentorRows(views, fromNames);
}

/** One assignment for its owner (or an admin when no one owns it); null otherwise, which the page shows as 404. */
export async function assignmentForOwner(scope: Scope, id: string, catalogue?: ContentCatalogue): Promise<MentorAssignmentRow | null> {
  const row = await ownedRow(scope, id);
  if (!row) return null;
  const { views, fromNames } = await readViews(scope, eq(assignments.id, id), catalogue ?? (await loadContentCatalogue()));
  return mentorRows(views, fromNames)[0] ?? null;
}

/** What the mentee's own page of one assigned item shows. */
export type AssignedDetail = AssignmentView & {
  /** A practice task's instructions (null for platform content). */
  instructions: string | null;
  /** The practice task's answers, newest first. */
  answers: { id: string; version: number; text: string; createdAt: number }[];
  /** While the latest submission waits for feedback, the answer cannot be changed. */
  locked: boolean;
  /** An attempt in progress to resume (simulations and vignettes), or null: the page then offers Start. */
  resumePath: string | null;
};

/** The signed-in mentee's own assignment with what its page needs; null for anyone else's (404). */
export async function assignedItem(scope: Scope, id: string, catalogue?: ContentCatalogue): Promise<AssignedDetail | null> {
  const { views: [view], facts } = await readViews(scope, and(eq(assignments.id, id), eq(assignments.menteeId, scope.viewer.id)), catalogue ?? (await loadContentCatalogue()));
  if (!view) return null;
  // The task's instructions and the latest submission came with the view's progress.
  const task = view.activity.kind === 'task' ? facts.tasks.get(view.activity.id) : undefined;
  const answers = view.activity.kind === 'task'
    ? await scope.db.select({ id: taskAnswers.id, version: taskAnswers.version, text: taskAnswers.text, createdAt: taskAnswers.createdAt }).from(taskAnswers).where(eq(taskAnswers.assignmentId, id)).orderBy(desc(taskAnswers.version))
    : [];
  const latest = facts.latest.get(id);
  const isAttempt = view.path.startsWith('/simulations/attempts/') || view.path.startsWith('/practice/attempts/');
  return { ...view, instructions: task?.instructions ?? null, answers, locked: latest?.state === 'submitted', resumePath: isAttempt ? view.path : null };
}

/**
 * Statuses of a person's assignments for their page (title, due date, status; never notes or
 * feedback), if the viewer may see them ('assignments.status.view'); null otherwise.
 */
export async function assignmentStatusesOf(scope: Scope, personId: string, catalogue?: ContentCatalogue): Promise<{ id: string; title: { en: string; cy: string } | null; dueDate: string; status: AssignmentStatus }[] | null> {
  const target = await personTarget(scope.db, personId);
  if (!target || !mayOnPerson(scope.viewer, 'assignments.status.view', target)) return null;
  const views = await viewsOf(scope, eq(assignments.menteeId, personId), catalogue ?? (await loadContentCatalogue()));
  return byDueDate(views).map((v) => ({ id: v.id, title: v.title, dueDate: v.dueDate, status: v.status }));
}

/** How far one person has got with one activity since `since` (a single-item use of the list reader). */
export async function activityProgressOf(db: Db, personId: string, ref: ActivityRef, since: number, catalogue: ContentCatalogue, assignmentId = ''): Promise<ActivityProgress> {
  const item = { id: assignmentId, menteeId: personId, activityKind: ref.kind, activityId: ref.id, createdAt: since };
  return progressOf(await progressFacts(db, [item], catalogue), item, catalogue);
}

/** Saves a new version of the mentee's answer to their practice task; refused while a submission waits for feedback. */
export async function saveTaskAnswer(scope: Scope, id: string, text: string): Promise<{ ok: true; version: number } | { ok: false; refusal: 'not-found' | 'locked' }> {
  const now = scope.now.getTime();
  return scope.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: assignments.id, kind: assignments.activityKind, withdrawnAt: assignments.withdrawnAt })
      .from(assignments)
      .where(and(eq(assignments.id, id), eq(assignments.menteeId, scope.viewer.id), eq(assignments.organisationId, scope.organisationId)));
    if (!row || row.kind !== 'task' || row.withdrawnAt !== null) return { ok: false as const, refusal: 'not-found' as const };
    const [latest] = await tx.select({ state: submissions.state }).from(submissions).where(eq(submissions.assignmentId, id)).orderBy(desc(submissions.version)).limit(1);
    if (latest?.state === 'submitted') return { ok: false as const, refusal: 'locked' as const };
    const [last] = await tx.select({ version: taskAnswers.version }).from(taskAnswers).where(eq(taskAnswers.assignmentId, id)).orderBy(desc(taskAnswers.version)).limit(1);
    const version = (last?.version ?? 0) + 1;
    await tx.insert(taskAnswers).values({ id: newId(), assignmentId: id, personId: scope.viewer.id, version, text, createdAt: now });
    return { ok: true as const, version };
  });
}

/** Whether the finished work must still be submitted: reading (a module or programme) gives nothing to submit. */
export function asksReview(a: { askReview: boolean; activityKind: ActivityKind }): boolean {
  return a.askReview && workKindOf(a.activityKind) !== null;
}
