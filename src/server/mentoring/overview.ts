import { and, count, eq, inArray, isNull, max, min, or } from 'drizzle-orm';
import {
  agreedActions,
  assignments,
  mentoringSessions,
  mentorLinks,
  moduleCompletions,
  people,
  sectionVisits,
  simulationAttempts,
  submissions,
  taskAnswers,
  teamMemberships,
  thresholdAttempts,
} from '../../../db/schema/index.ts';
import { intlLocale, londonDate, SMALL_GROUP_MINIMUM, type Locale } from '../../domain/common/index.ts';
import { labelKey, translator } from '../../i18n/index.ts';
import { toCsv } from '../platform/index.ts';
import { attentionReasons, onTimeLate, panelAgreementFigure, type OverviewRow } from '../../domain/mentoring/index.ts';
import { hasRole, mayOnPerson, type PersonTarget } from '../access/index.ts';
import { cpdMinutesThisYearOfMany } from '../cpd/index.ts';
import { learningProgressOfMany, type ProgrammeOutline } from '../learning/index.ts';
import { personTarget, type Scope } from '../people/index.ts';
import { finishedAttemptsOfMany } from '../simulations/index.ts';
import { panelAgreementOfMany, type PanelDecisions } from '../thresholds/index.ts';
import { loadContentCatalogue, catalogueEntry, type ContentCatalogue } from './activity-catalogue.ts';
import { asksReview } from './assignments.ts';
import { openActionRows } from './sessions.ts';
import { LIVE_MENTEE_STATUSES } from './workspace.ts';

type Db = Scope['db'];
const key = (personId: string, id: string) => `${personId} ${id}`;

/** When each assignment was done (a London date), read from the records that finish it; null while not done. */
async function doneDates(db: Db, rows: readonly (typeof assignments.$inferSelect)[], catalogue: ContentCatalogue): Promise<Map<string, string | null>> {
  const personIds = [...new Set(rows.map((r) => r.menteeId))];
  const ids = rows.map((r) => r.id);
  const none = Promise.resolve([]);
  const [subs, completions, sims, vignettes, answers] = await Promise.all([
    ids.length ? db.select({ id: submissions.assignmentId, at: min(submissions.submittedAt) }).from(submissions).where(inArray(submissions.assignmentId, ids)).groupBy(submissions.assignmentId) : none,
    personIds.length ? db.select({ personId: moduleCompletions.personId, moduleId: moduleCompletions.moduleId, at: min(moduleCompletions.completedAt) }).from(moduleCompletions).where(inArray(moduleCompletions.personId, personIds)).groupBy(moduleCompletions.personId, moduleCompletions.moduleId) : none,
    personIds.length
      ? db.select({ personId: simulationAttempts.personId, contentId: simulationAttempts.scenarioId, at: simulationAttempts.completedAt }).from(simulationAttempts).where(and(inArray(simulationAttempts.personId, personIds), eq(simulationAttempts.status, 'complete')))
      : none,
    personIds.length
      ? db.select({ personId: thresholdAttempts.personId, contentId: thresholdAttempts.vignetteId, at: thresholdAttempts.completedAt }).from(thresholdAttempts).where(and(inArray(thresholdAttempts.personId, personIds), eq(thresholdAttempts.status, 'complete')))
      : none,
    ids.length ? db.select({ id: taskAnswers.assignmentId, at: min(taskAnswers.createdAt) }).from(taskAnswers).where(inArray(taskAnswers.assignmentId, ids)).groupBy(taskAnswers.assignmentId) : none,
  ]);
  const submitted = new Map(subs.map((s) => [s.id, s.at]));
  const answered = new Map(answers.map((a) => [a.id, a.at]));
  const completed = new Map(completions.map((c) => [key(c.personId, c.moduleId), c.at]));
  const attempts = [...sims, ...vignettes];
  const out = new Map<string, string | null>();
  for (const a of rows) {
    let at: number | null = null;
    if (asksReview(a)) at = submitted.get(a.id) ?? null;
    else if (a.activityKind === 'task') at = answered.get(a.id) ?? null;
    else if (a.activityKind === 'module') at = completed.get(key(a.menteeId, a.activityId)) ?? null;
    else if (a.activityKind === 'programme') {
      const modules = catalogueEntry(catalogue, { kind: 'programme', id: a.activityId })?.moduleIds ?? [];
      const times = modules.map((m) => completed.get(key(a.menteeId, m)) ?? null);
      at = modules.length && times.every((t) => t !== null) ? Math.max(...(times as number[])) : null;
    } else {
      const finished = attempts.filter((x) => x.personId === a.menteeId && x.contentId === a.activityId && x.at !== null && x.at >= a.createdAt).map((x) => x.at as number);
      at = finished.length ? Math.min(...finished) : null;
    }
    out.set(a.id, at === null ? null : londonDate(at));
  }
  return out;
}

/** The programmes and their modules of a content catalogue, so one content read serves every progress reader. */
export function outlineOf(catalogue: ContentCatalogue): ProgrammeOutline {
  return catalogue
    .filter((e) => e.kind === 'programme')
    .map((p) => ({ id: p.id, title: p.title, modules: (p.moduleIds ?? []).map((m) => ({ id: m, title: catalogueEntry(catalogue, { kind: 'module', id: m })?.title ?? { en: m, cy: m } })) }));
}

/** Assignments on time, late and outstanding per person (withdrawn work left out). */
async function timelinessOf(scope: Scope, personIds: readonly string[], catalogue: ContentCatalogue, today: string) {
  const result = new Map<string, { onTime: number; late: number; outstanding: number; overdue: number }>();
  if (!personIds.length) return result;
  const rows = await scope.db.select().from(assignments).where(and(inArray(assignments.menteeId, [...personIds]), eq(assignments.organisationId, scope.organisationId), isNull(assignments.withdrawnAt)));
  const done = await doneDates(scope.db, rows, catalogue);
  for (const personId of personIds) {
    const mine = rows.filter((r) => r.menteeId === personId).map((r) => ({ dueDate: r.dueDate, doneOn: done.get(r.id) ?? null }));
    const counts = onTimeLate(mine, today);
    result.set(personId, { ...counts, overdue: mine.filter((m) => m.doneOn === null && today > m.dueDate).length });
  }
  return result;
}

/** The latest moment each person did anything: a section read, a simulation or vignette step, a task answer. */
async function lastActivityOf(db: Db, personIds: readonly string[]): Promise<Map<string, number>> {
  const ids = [...personIds];
  const [visits, sims, vignettes, answers] = await Promise.all([
    db.select({ personId: sectionVisits.personId, at: max(sectionVisits.lastVisitedAt) }).from(sectionVisits).where(inArray(sectionVisits.personId, ids)).groupBy(sectionVisits.personId),
    db.select({ personId: simulationAttempts.personId, at: max(simulationAttempts.updatedAt) }).from(simulationAttempts).where(inArray(simulationAttempts.personId, ids)).groupBy(simulationAttempts.personId),
    db.select({ personId: thresholdAttempts.personId, at: max(thresholdAttempts.startedAt) }).from(thresholdAttempts).where(inArray(thresholdAttempts.personId, ids)).groupBy(thresholdAttempts.personId),
    db.select({ personId: taskAnswers.personId, at: max(taskAnswers.createdAt) }).from(taskAnswers).where(inArray(taskAnswers.personId, ids)).groupBy(taskAnswers.personId),
  ]);
  const latest = new Map<string, number>();
  for (const r of [...visits, ...sims, ...vignettes, ...answers]) if (r.at !== null) latest.set(r.personId, Math.max(latest.get(r.personId) ?? 0, r.at));
  return latest;
}

/**
 * Open agreed actions that each person owns or that came from a 1:1 with them: from the viewer's
 * sessions, or from any live session when the viewer asks only about themselves.
 */
async function openActionsOf(scope: Scope, personIds: readonly string[]) {
  const ids = [...personIds];
  const onlySelf = ids.length === 1 && ids[0] === scope.viewer.id;
  const found = await openActionRows(
    scope.db,
    scope,
    and(onlySelf ? undefined : eq(mentoringSessions.authorId, scope.viewer.id), or(inArray(agreedActions.ownerId, ids), inArray(mentoringSessions.menteeId, ids))),
  );
  const rows = found.map(({ action, menteeId, sessionDate }) => ({ id: action.id, text: action.text, ownerId: action.ownerId, dueDate: action.dueDate, menteeId, sessionId: action.sessionId, sessionDate }));
  const byPerson = new Map<string, typeof rows>(ids.map((id) => [id, []]));
  for (const r of rows) {
    const who = new Set([r.ownerId, r.menteeId].filter((x): x is string => x !== null && byPerson.has(x)));
    for (const id of who) byPerson.get(id)?.push(r);
  }
  return byPerson;
}

/** Each person's recorded 1:1 sessions with the viewer: how many, and the date of the latest. */
async function recordedSessionsOf(scope: Scope, personIds: readonly string[]): Promise<Map<string, { count: number; last: string | null }>> {
  const rows = await scope.db
    .select({ menteeId: mentoringSessions.menteeId, n: count(), last: max(mentoringSessions.date) })
    .from(mentoringSessions)
    .where(
      and(
        eq(mentoringSessions.organisationId, scope.organisationId),
        eq(mentoringSessions.authorId, scope.viewer.id),
        eq(mentoringSessions.state, 'recorded'),
        inArray(mentoringSessions.menteeId, [...personIds]),
      ),
    )
    .groupBy(mentoringSessions.menteeId);
  return new Map(rows.flatMap((r) => (r.menteeId ? [[r.menteeId, { count: Number(r.n), last: r.last }] as const] : [])));
}

/**
 * The mentor's overview: one row per active mentee with their key figures and why they need
 * attention. Only the viewer's own mentees ('mentoring.progress.view'); never a private note.
 */
export async function mentorOverview(scope: Scope, options: { catalogue?: ContentCatalogue; outline?: ProgrammeOutline; panel?: PanelDecisions } = {}): Promise<OverviewRow[]> {
  if (!hasRole(scope.viewer, 'mentor')) return [];
  const mentees = await scope.db
    .select({ id: people.id, name: people.name, since: mentorLinks.createdAt })
    .from(mentorLinks)
    .innerJoin(people, eq(people.id, mentorLinks.menteeId))
    .where(and(eq(mentorLinks.mentorId, scope.viewer.id), eq(people.organisationId, scope.organisationId), inArray(people.status, [...LIVE_MENTEE_STATUSES])));
  const teamRows = mentees.length ? await scope.db.select({ personId: teamMemberships.personId, teamId: teamMemberships.teamId }).from(teamMemberships).where(inArray(teamMemberships.personId, mentees.map((m) => m.id))) : [];
  // The policy's view of each mentee, read in one query rather than one personTarget each.
  const targets: PersonTarget[] = mentees
    .map((m) => ({ id: m.id, organisationId: scope.organisationId, teamIds: teamRows.filter((r) => r.personId === m.id).map((r) => r.teamId) }))
    .filter((t) => mayOnPerson(scope.viewer, 'mentoring.progress.view', t));
  const ids = targets.map((t) => t.id);
  if (!ids.length) return [];
  const now = scope.now.getTime();
  const today = londonDate(now);
  const catalogue = options.catalogue ?? (await loadContentCatalogue());
  const outline = options.outline ?? outlineOf(catalogue);
  const [learning, timeliness, last, attempts, actions, cpd, agreement, sessions] = await Promise.all([
    learningProgressOfMany(scope, targets, outline),
    timelinessOf(scope, ids, catalogue, today),
    lastActivityOf(scope.db, ids),
    finishedAttemptsOfMany(scope, targets),
    openActionsOf(scope, ids),
    cpdMinutesThisYearOfMany(scope, targets),
    panelAgreementOfMany(scope, targets, options.panel),
    recordedSessionsOf(scope, ids),
  ]);
  return mentees
    .filter((m) => ids.includes(m.id))
    .map((m) => {
      const programmes = learning.get(m.id) ?? [];
      const t = timeliness.get(m.id) ?? { onTime: 0, late: 0, outstanding: 0, overdue: 0 };
      const latest = (attempts.get(m.id) ?? []).at(-1) ?? null;
      const open = actions.get(m.id) ?? [];
      const lastActivityAt = last.get(m.id) ?? null;
      const decisions = agreement.get(m.id) ?? { decisions: 0, agreed: 0 };
      const held = sessions.get(m.id) ?? { count: 0, last: null };
      return {
        menteeId: m.id,
        name: m.name,
        programmesDone: programmes.filter((p) => p.state === 'done').length,
        programmesInProgress: programmes.filter((p) => p.state === 'in-progress').length,
        onTime: t.onTime,
        late: t.late,
        outstanding: t.outstanding,
        lastActivityAt,
        latestMiti: latest ? { reflectionToQuestion: latest.reflectionToQuestion, percentComplexReflections: latest.percentComplexReflections } : null,
        openActions: open.length,
        cpdMinutesThisYear: cpd.get(m.id) ?? 0,
        attention: attentionReasons({ overdueAssignments: t.overdue, lastActivityAt, menteeSince: m.since, openActionDueDates: open.map((a) => a.dueDate) }, today, now),
        thresholdDecisions: decisions.decisions,
        thresholdAgreement: panelAgreementFigure(decisions.decisions, decisions.agreed),
        sessionsRecorded: held.count,
        lastSessionOn: held.last,
      };
    });
}

/** A person's sessions with the viewing mentor (all of them, for the person) and their open actions, for the Progress section; else null. */
export async function sessionsProgressOf(scope: Scope, personId: string) {
  const target = await personTarget(scope.db, personId);
  if (!target || !mayOnPerson(scope.viewer, 'mentoring.progress.view', target)) return null;
  const sessions = await scope.db
    .select({ id: mentoringSessions.id, date: mentoringSessions.date, kind: mentoringSessions.kind, state: mentoringSessions.state })
    .from(mentoringSessions)
    .where(and(eq(mentoringSessions.organisationId, scope.organisationId), scope.viewer.id === personId ? undefined : eq(mentoringSessions.authorId, scope.viewer.id), eq(mentoringSessions.menteeId, personId)));
  const open = (await openActionsOf(scope, [personId])).get(personId) ?? [];
  return {
    sessions: sessions.sort((a, b) => (a.date < b.date ? 1 : -1)),
    openActions: open.map((a) => ({ id: a.id, text: a.text, dueDate: a.dueDate, sessionId: a.sessionId })).sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1)),
  };
}

/** A person's assignments by timeliness for the Progress section; null unless their mentor or the person. */
export async function assignmentTimelinessOf(scope: Scope, personId: string, catalogue?: ContentCatalogue) {
  const target = await personTarget(scope.db, personId);
  if (!target || !mayOnPerson(scope.viewer, 'mentoring.progress.view', target)) return null;
  const t = (await timelinessOf(scope, [personId], catalogue ?? (await loadContentCatalogue()), londonDate(scope.now.getTime()))).get(personId);
  return t ? { onTime: t.onTime, late: t.late, outstanding: t.outstanding } : null;
}

/** Figures shown with one decimal place at most, in the language's own digits and separators. */
function decimal(locale: Locale, value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '' : new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value);
}

/** The overview as a CSV in the page's language: the rows as shown, the reasons spelt out; no notes of any kind. */
export function overviewCsv(rows: readonly OverviewRow[], locale: Locale): string {
  const t = translator(locale);
  return toCsv(
    [
      t('overview.col.name'),
      t('overview.col.programmesDone'),
      t('overview.col.onTime'),
      t('overview.col.late'),
      t('overview.col.outstanding'),
      t('overview.col.lastActivity'),
      t('overview.col.reflectionToQuestion'),
      t('overview.col.percentComplex'),
      t('overview.col.openActions'),
      t('overview.col.cpdMinutes'),
      t('overview.col.attention'),
      t('overview.col.thresholdAgreement'),
      t('overview.col.sessions'),
      t('overview.col.lastSession'),
    ],
    rows.map((r) => [
      r.name,
      `${r.programmesDone} (${r.programmesInProgress})`,
      r.onTime,
      r.late,
      r.outstanding,
      r.lastActivityAt === null ? '' : londonDate(r.lastActivityAt),
      decimal(locale, r.latestMiti?.reflectionToQuestion, 2),
      decimal(locale, r.latestMiti?.percentComplexReflections, 0),
      r.openActions,
      r.cpdMinutesThisYear,
      r.attention.map((a) => t(labelKey('overview.reason', a))).join('; '),
      // Below the small-group minimum the cell says so in words rather than give a figure.
      r.thresholdAgreement === null ? (r.thresholdDecisions ? t('overview.tooFewDecisions', { min: SMALL_GROUP_MINIMUM, count: r.thresholdDecisions }) : '') : decimal(locale, r.thresholdAgreement, 0),
      r.sessionsRecorded,
      r.lastSessionOn ?? '',
    ]),
  );
}
