// Levels 1–3 of the evaluation report: the domain's input records for a scope and period, read with a few set-based queries.
import { and, avg, eq, gte, inArray, isNotNull, lt, max, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  agreedActions,
  calibrationRounds,
  confidenceRatings,
  knowledgeCheckAttempts,
  markings,
  mentoringSessions,
  mentorLinks,
  ownResponseCodes,
  people,
  simulationAttempts,
  simulationOwnResponses,
  submissions,
  teamMemberships,
  teams,
  thresholdAttempts,
  workshopReactions,
  workshops,
} from '../../../db/schema/index.ts';
import { londonDate } from '../../domain/common/index.ts';
import {
  actionsByQuarter,
  confidenceByProgramme,
  thresholdConsistency,
  firstAttemptScoresFromCounts,
  mitiFirstAndLatest,
  oneToOneShare,
  oneToOneWindow,
  periodBounds,
  phaseRisks,
  reactionsByProgramme,
  recommendations,
  rubricScoresByQuarter,
  type ConfidencePair,
  type Recommendation,
  type ThresholdConsistency,
  type RubricReviewRecord,
  type SimulationRecord,
} from '../../domain/evaluation/index.ts';
import type { Rubric, RubricMark } from '../../domain/mentoring/index.ts';
import type { MitiCounts } from '../../domain/simulations/index.ts';
import type { PanelAnswer } from '../../domain/thresholds/index.ts';
import { hasRole, mayOnEvaluation } from '../access/index.ts';
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/client.ts';
import type { Scope } from '../people/index.ts';
import { rolloutView, type PhaseView, type ProgrammeModules } from '../training/index.ts';
import { evaluationTargetOf, type ReportScopeOption } from './report-scope.ts';
import { throughSnapshot } from './snapshots.ts';
import { thresholdAnswersByPerson } from './threshold-answers.ts';
import type { ReportPeriod } from './results.ts';

/** What the report needs from the content: programmes with their modules, the situations' panel answers, the rubrics. */
export type EvaluationContent = {
  programmes: readonly ProgrammeModules[];
  vignettes: readonly { id: string; panel: PanelAnswer }[];
  rubrics: readonly Rubric[];
};

const afterRatings = alias(confidenceRatings, 'after_ratings');

type Scoped = Pick<ReportScopeOption, 'kind' | 'id' | 'teamIds'>;

/** Levels 1–3 of the report and the computed recommendations, for one scope and period. */
export type EvaluationLevels = {
  reaction: { programmes: ReturnType<typeof reactionsByProgramme>; comments: { programmeId: string; text: string }[] | null };
  learning: { firstAttempts: ReturnType<typeof firstAttemptScoresFromCounts>; confidence: ReturnType<typeof confidenceByProgramme>; miti: ReturnType<typeof mitiFirstAndLatest> };
  behaviour: {
    byQuarter: ThresholdConsistency['byQuarter'];
    byRound: ThresholdConsistency['byRound'];
    rubricScores: ReturnType<typeof rubricScoresByQuarter>;
    actions: ReturnType<typeof actionsByQuarter>;
    oneToOne: ReturnType<typeof oneToOneShare>;
  };
  recommendations: Recommendation[];
};

type StoredResult = { counts?: MitiCounts } | null;

/**
 * Only records of staff in scope: the members of the scope's teams. Nothing more for the whole
 * organisation: every table read with it is already limited to the organisation's own rows.
 */
function staffFilter(source: LevelsSource, option: Scoped, column: SQLiteColumn): SQL | undefined {
  if (option.kind === 'organisation') return undefined;
  return inArray(
    column,
    source.db
      .select({ id: teamMemberships.personId })
      .from(teamMemberships)
      .where(inArray(teamMemberships.teamId, option.teamIds.length ? [...option.teamIds] : [''])),
  );
}

/**
 * Levels 1–3 for a scope the viewer may see (null otherwise), computed now: every input read with
 * one set-based query each (no query per person), then computed by the domain. A programme scope
 * keeps only the records tied to that programme (reactions, confidence, its modules' knowledge
 * checks); the other records are the staff's. Free-text comments are for admins only, without names.
 */
export async function evaluationLevels(scope: Scope, option: ReportScopeOption, period: ReportPeriod, content: EvaluationContent): Promise<EvaluationLevels | null> {
  if (!mayOnEvaluation(scope.viewer, 'evaluation.view', evaluationTargetOf(scope.organisationId, option))) return null;
  const source = sourceOf(scope);
  const [levels, comments] = await Promise.all([viewerLevels(scope, option, period, content), hasRole(scope.viewer, 'admin') ? reactionComments(source, option, period) : null]);
  return { ...levels, reaction: { ...levels.reaction, comments } };
}

/**
 * Levels 1–3 as the report page and its exports read them (null when the viewer may not see the
 * scope): the kept figures of this scope, period and content (see snapshots.ts), recomputed once
 * a few minutes old or when `refresh` asks, with an admin's comments read live; `computedAt` says
 * when the figures were computed.
 */
export async function reportLevels(
  scope: Scope,
  option: ReportScopeOption,
  period: ReportPeriod,
  content: EvaluationContent,
  options: { refresh?: boolean } = {},
): Promise<{ levels: EvaluationLevels; computedAt: number } | null> {
  const { viewer } = scope;
  if (!mayOnEvaluation(viewer, 'evaluation.view', evaluationTargetOf(scope.organisationId, option))) return null;
  const admin = hasRole(viewer, 'admin');
  // A manager's recommendations read only the rollout phases of the teams they manage.
  const audience = admin ? 'admin' : `managing:${[...viewer.managedTeamIds].sort().join(',')}`;
  const key = ['levels', option.key, period.from, period.to, audience, contentKey(content)].join('|');
  const source = sourceOf(scope);
  const [kept, comments] = await Promise.all([
    throughSnapshot(scope.db, scope.organisationId, key, scope.now.getTime(), () => viewerLevels(scope, option, period, content), options),
    admin ? reactionComments(source, option, period) : null,
  ]);
  return { levels: { ...kept.value, reaction: { ...kept.value.reaction, comments } }, computedAt: kept.computedAt };
}

/** A short fingerprint of the content the figures were computed with: new content, new figures. */
export function contentKey(content: EvaluationContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 16);
}

const sourceOf = (scope: Scope): LevelsSource => ({ db: scope.db, organisationId: scope.organisationId, now: scope.now });

/** The levels with the recommendations the viewer may see (the rollout phases of their teams), without comments. */
async function viewerLevels(scope: Scope, option: ReportScopeOption, period: ReportPeriod, content: EvaluationContent): Promise<EvaluationLevels> {
  const phases = await rolloutView(scope, content.programmes);
  return readLevels(sourceOf(scope), option, period, content, phases);
}

/** Where and when the levels are read: an organisation, with no viewer (the caller has decided who may see them). */
type LevelsSource = { db: Db; organisationId: string; now: Date };

/**
 * Levels 1–3 of a whole organisation for the anonymous comparison between organisations, read
 * from the records now: system work with no viewer (like the scheduled jobs), so the caller must
 * show only what the comparison's rules allow. No free text and no recommendations leave it, and
 * nothing of it is kept (the comparison keeps only its medians, see comparison.ts).
 */
export async function organisationLevels(db: Db, organisationId: string, period: ReportPeriod, content: EvaluationContent, now: Date): Promise<EvaluationLevels> {
  const teamRows = await db.select({ id: teams.id }).from(teams).where(eq(teams.organisationId, organisationId));
  const option: Scoped = { kind: 'organisation', id: null, teamIds: teamRows.map((t) => t.id) };
  return readLevels({ db, organisationId, now }, option, period, content, []);
}

/** The free-text comments of the scope's workshop reactions in the period, without names (admins only: the callers check). */
async function reactionComments(source: LevelsSource, option: Scoped, period: ReportPeriod): Promise<{ programmeId: string; text: string }[]> {
  const [start, end] = periodBounds(period);
  const rows = await source.db
    .select({ programmeId: workshops.programmeId, comment: workshopReactions.comment })
    .from(workshopReactions)
    .innerJoin(workshops, eq(workshops.id, workshopReactions.workshopId))
    .where(
      and(
        eq(workshops.organisationId, source.organisationId),
        isNotNull(workshopReactions.comment),
        gte(workshopReactions.createdAt, start),
        lt(workshopReactions.createdAt, end),
        staffFilter(source, option, workshopReactions.personId),
        option.kind === 'programme' ? eq(workshops.programmeId, option.id ?? '') : undefined,
      ),
    );
  return rows.flatMap((r) => (r.comment?.trim() ? [{ programmeId: r.programmeId, text: r.comment.trim() }] : []));
}

/** Levels 1–3 read from the records now, without comments (`comments: null`). */
async function readLevels(source: LevelsSource, option: Scoped, period: ReportPeriod, content: EvaluationContent, phases: readonly PhaseView[]): Promise<EvaluationLevels> {
  const { db } = source;
  const org = source.organisationId;
  const [start, end] = periodBounds(period);
  const programmeId = option.kind === 'programme' ? option.id : null;
  const programmeModules = programmeId ? (content.programmes.find((p) => p.id === programmeId)?.moduleIds ?? []) : null;
  const today = londonDate(source.now.getTime());
  const oneToOneDates = oneToOneWindow(period, today);

  const rounds = (
    await db
      .select({ id: calibrationRounds.id, vignetteIds: calibrationRounds.vignetteIds, closesAt: calibrationRounds.closesAt, closedAt: calibrationRounds.closedAt })
      .from(calibrationRounds)
      .where(eq(calibrationRounds.organisationId, org))
  ).map((r) => ({ roundId: r.id, endsAt: r.closedAt ?? r.closesAt, vignetteIds: r.vignetteIds }));
  const [staff, memberships, mentees, reactionRows, checkRows, confidenceRows, simulationRows, recodeRows, answersByPerson, markingRows, actionRows, sessionRows] =
    await Promise.all([
      db.select({ id: people.id }).from(people).where(and(eq(people.organisationId, org), eq(people.status, 'active'), staffFilter(source, option, people.id))),
      db.select({ personId: teamMemberships.personId, teamId: teamMemberships.teamId }).from(teamMemberships).where(inArray(teamMemberships.teamId, option.teamIds.length ? [...option.teamIds] : [''])),
      db
        .selectDistinct({ id: mentorLinks.menteeId })
        .from(mentorLinks)
        .innerJoin(people, eq(people.id, mentorLinks.menteeId))
        .where(and(eq(people.organisationId, org), staffFilter(source, option, mentorLinks.menteeId))),
      db
        .select({ personId: workshopReactions.personId, programmeId: workshops.programmeId, usefulness: workshopReactions.usefulness, relevance: workshopReactions.relevance, confidence: workshopReactions.confidence, givenAt: workshopReactions.createdAt })
        .from(workshopReactions)
        .innerJoin(workshops, eq(workshops.id, workshopReactions.workshopId))
        .where(and(eq(workshops.organisationId, org), gte(workshopReactions.createdAt, start), lt(workshopReactions.createdAt, end), staffFilter(source, option, workshopReactions.personId), programmeId ? eq(workshops.programmeId, programmeId) : undefined)),
      // Each person's first ever attempt per module (the bare columns come from the row with the minimum), counted when it fell in the period.
      (() => {
        const k = knowledgeCheckAttempts;
        const first = db
          .select({ moduleId: k.moduleId, score: k.score, total: k.total, firstAt: sql<number>`min(${k.submittedAt})`.as('first_at') })
          .from(k)
          .where(and(eq(k.organisationId, org), lt(k.submittedAt, end), staffFilter(source, option, k.personId), programmeModules ? inArray(k.moduleId, programmeModules.length ? [...programmeModules] : ['']) : undefined))
          .groupBy(k.personId, k.moduleId)
          .as('first');
        return db
          .select({ moduleId: first.moduleId, score: first.score, total: first.total, people: sql<number>`count(*)` })
          .from(first)
          .where(gte(first.firstAt, start))
          .groupBy(first.moduleId, first.score, first.total);
      })(),
      // One pair per person and programme: the means of the statements rated both before and after.
      db
        .select({ personId: confidenceRatings.personId, programmeId: confidenceRatings.programmeId, before: avg(confidenceRatings.rating), after: avg(afterRatings.rating), ratedAt: max(afterRatings.ratedAt) })
        .from(confidenceRatings)
        .innerJoin(
          afterRatings,
          and(eq(afterRatings.personId, confidenceRatings.personId), eq(afterRatings.programmeId, confidenceRatings.programmeId), eq(afterRatings.statementId, confidenceRatings.statementId), eq(afterRatings.moment, 'after')),
        )
        .where(and(eq(confidenceRatings.organisationId, org), eq(confidenceRatings.moment, 'before'), staffFilter(source, option, confidenceRatings.personId), programmeId ? eq(confidenceRatings.programmeId, programmeId) : undefined))
        .groupBy(confidenceRatings.personId, confidenceRatings.programmeId)
        .having(and(gte(max(afterRatings.ratedAt), start), lt(max(afterRatings.ratedAt), end))),
      db
        .select({ id: simulationAttempts.id, personId: simulationAttempts.personId, completedAt: simulationAttempts.completedAt, result: simulationAttempts.result })
        .from(simulationAttempts)
        .where(and(eq(simulationAttempts.organisationId, org), eq(simulationAttempts.kind, 'conversation'), eq(simulationAttempts.status, 'complete'), gte(simulationAttempts.completedAt, start), lt(simulationAttempts.completedAt, end), staffFilter(source, option, simulationAttempts.personId))),
      // Aggregate figures may use every mentor code (released or not): no person sees them singly here.
      db
        .select({ attemptId: simulationOwnResponses.attemptId, selfCode: simulationOwnResponses.code, mentorCode: ownResponseCodes.code })
        .from(simulationOwnResponses)
        .innerJoin(ownResponseCodes, eq(ownResponseCodes.responseId, simulationOwnResponses.id))
        .where(and(eq(simulationOwnResponses.organisationId, org), staffFilter(source, option, simulationOwnResponses.personId))),
      thresholdAnswersByPerson(db, {
        organisationId: org,
        start,
        end,
        vignetteIds: content.vignettes.map((v) => v.id),
        roundIds: rounds.filter((r) => r.endsAt >= start && r.endsAt < end).map((r) => r.roundId),
        staff: staffFilter(source, option, thresholdAttempts.personId),
      }),
      db
        .select({ personId: submissions.menteeId, rubricId: markings.rubricId, levels: markings.levels, releasedAt: markings.releasedAt })
        .from(markings)
        .innerJoin(submissions, eq(submissions.id, markings.submissionId))
        .where(and(eq(submissions.organisationId, org), eq(markings.role, 'first'), isNotNull(markings.releasedAt), gte(markings.releasedAt, start), lt(markings.releasedAt, end), staffFilter(source, option, submissions.menteeId))),
      db
        .select({ personId: agreedActions.ownerId, agreedOn: mentoringSessions.date, carriedFromId: agreedActions.carriedFromId, doneAt: agreedActions.doneAt })
        .from(agreedActions)
        .innerJoin(mentoringSessions, eq(mentoringSessions.id, agreedActions.sessionId))
        .where(and(eq(agreedActions.organisationId, org), staffFilter(source, option, agreedActions.ownerId))),
      db
        .select({ menteeId: mentoringSessions.menteeId, kind: mentoringSessions.kind, state: mentoringSessions.state, date: mentoringSessions.date })
        .from(mentoringSessions)
        .where(and(eq(mentoringSessions.organisationId, org), eq(mentoringSessions.kind, 'one-to-one'), eq(mentoringSessions.state, 'recorded'), gte(mentoringSessions.date, oneToOneDates.from), sql`${mentoringSessions.date} <= ${oneToOneDates.to}`)),
    ]);

  const staffIds = staff.map((s) => s.id);
  const inStaff = new Set(staffIds);

  // Level 1.
  const reactionRecords = reactionRows.map((r) => ({ personId: r.personId, programmeId: r.programmeId, usefulness: r.usefulness, relevance: r.relevance, confidence: r.confidence, givenAt: r.givenAt }));
  const reaction = reactionsByProgramme(reactionRecords, period);

  // Level 2.
  const pairs: ConfidencePair[] = confidenceRows.map((r) => ({ personId: r.personId, programmeId: r.programmeId, before: Number(r.before), after: Number(r.after), ratedAt: Number(r.ratedAt) }));
  const recodesOf = new Map<string, { selfCode: string; mentorCode: string }[]>();
  for (const r of recodeRows) recodesOf.set(r.attemptId, [...(recodesOf.get(r.attemptId) ?? []), { selfCode: r.selfCode, mentorCode: r.mentorCode }]);
  const simulations: SimulationRecord[] = simulationRows.flatMap((a) => {
    const counts = (a.result as StoredResult)?.counts;
    return counts && a.completedAt !== null ? [{ personId: a.personId, completedAt: a.completedAt, counts, recodes: recodesOf.get(a.id) ?? [] }] : [];
  });

  // Level 3.
  const panel = new Map(content.vignettes.map((v) => [v.id, v.panel]));
  const vignetteIds = content.vignettes.map((v) => v.id);
  const teamsOf = new Map<string, string[]>();
  for (const m of memberships) teamsOf.set(m.teamId, [...(teamsOf.get(m.teamId) ?? []), m.personId]);
  const rubricOf = new Map(content.rubrics.map((r) => [r.id, r]));
  const reviews: RubricReviewRecord[] = markingRows.flatMap((m) => {
    const rubric = rubricOf.get(m.rubricId);
    return rubric && m.releasedAt !== null ? [{ personId: m.personId, rubric, marks: m.levels as Record<string, RubricMark>, markedAt: m.releasedAt }] : [];
  });
  const actions = actionRows.map((a) => ({ personId: a.personId, agreedOn: a.agreedOn, carried: a.carriedFromId !== null, doneAt: a.doneAt }));
  const sessions = sessionRows.filter((s) => s.menteeId !== null && inStaff.has(s.menteeId));
  const menteeIds = new Set(mentees.map((m) => m.id));

  const confidence = confidenceByProgramme(pairs, period);
  const teamIds = option.teamIds;
  const teamStaff = (teamId: string) => (teamsOf.get(teamId) ?? []).filter((id) => inStaff.has(id));
  // Team figures count the scope's active staff; the quarters and rounds everyone's answers.
  const teamsOfStaff = new Map<string, string[]>();
  for (const teamId of new Set(teamIds)) for (const id of teamStaff(teamId)) teamsOfStaff.set(id, [...(teamsOfStaff.get(id) ?? []), teamId]);
  const consistency = thresholdConsistency(
    answersByPerson.map((p) => ({ teamIds: teamsOfStaff.get(p.personId) ?? [], answers: p.answers })),
    { panel, vignetteIds, period, rounds, teamIds },
  );
  const teamConsistency = consistency.byTeam;
  const teamOneToOne = teamIds.map((teamId) => ({ teamId, figure: oneToOneShare(teamStaff(teamId).filter((id) => menteeIds.has(id)), sessions, period, today) }));
  const scopedPhases = phases.filter((p) => (option.kind === 'phase' ? p.id === option.id : p.teams.some((t) => teamIds.includes(t.id))));
  const risks = phaseRisks(
    scopedPhases.map((p) => ({ phaseId: p.id, startsOn: p.startsOn, endsOn: p.endsOn, targetPercent: p.targetPercent, completedOn: p.completedOn, eligible: p.eligible })),
    period.to,
    today,
  );

  return {
    reaction: { programmes: reaction, comments: null },
    learning: { firstAttempts: firstAttemptScoresFromCounts(checkRows), confidence, miti: mitiFirstAndLatest(simulations, period) },
    behaviour: {
      byQuarter: consistency.byQuarter,
      byRound: consistency.byRound,
      rubricScores: rubricScoresByQuarter(reviews, period),
      actions: actionsByQuarter(actions, period),
      oneToOne: oneToOneShare(staffIds, sessions, period, today),
    },
    recommendations: recommendations({ teamConsistency, phases: risks, confidence, reactions: reaction, teamOneToOne }),
  };
}
