// The evaluation report at scale (server time of its figures, and of its exports): part of `npm run bench`,
// and runnable alone (`npx node scripts/bench-evaluation.ts`) to refresh just these figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../db/client.ts';
import { countStatements } from '../db/statement-count.ts';
import { migrateDatabase } from '../db/migrate.ts';
import {
  agreedActions,
  assignments,
  calibrationRounds,
  confidenceRatings,
  evaluationSnapshots,
  indicatorEntries,
  knowledgeCheckAttempts,
  markings,
  mentoringSessions,
  mentorLinks,
  moduleCompletions,
  needRules,
  organisations,
  ownResponseCodes,
  people,
  personRoles,
  phaseTeams,
  practiceTasks,
  rolloutPhases,
  simulationAttempts,
  simulationOwnResponses,
  submissions,
  taskAnswers,
  teamMemberships,
  teams,
  thresholdAttempts,
  workshopReactions,
  workshops,
} from '../db/schema/index.ts';
import { loadContent, type LoadedContent } from '../src/content/load.ts';
import { londonDate, seededRandom } from '../src/domain/common/index.ts';
import { prependBenchSection, timeRuns, type Timing } from './bench-support.ts';
import { FIGURE_RECORD_COLUMNS, SERVICE_INDICATORS, type DocumentSection, type FigureRecord, type ReportDocument } from '../src/domain/evaluation/index.ts';
import type { Rubric } from '../src/domain/mentoring/index.ts';
import { DECISIONS, LIKELIHOODS } from '../src/domain/thresholds/index.ts';
import { translator } from '../src/i18n/index.ts';
import { figuresCsv, reportDocx, reportLevels, reportScopeOptions, resultsOf, type EvaluationContent, type EvaluationLevels, type ReportScopeOption } from '../src/server/evaluation/index.ts';
import { scopeFor, type Viewer } from '../src/server/people/index.ts';

const STAFF = 5000;
const TEAMS = 50;
const MENTEES = 1000;
const DAY = 86_400_000;
const HISTORY_DAYS = 730;
const ORG = 'scale';

export type EvaluationBench = {
  rows: Record<string, number>;
  admin: { computed: Timing & { statements: number }; kept: Timing & { statements: number } };
  manager: { computed: Timing & { statements: number }; kept: Timing & { statements: number }; people: number };
  docx: Timing & { tables: number; rows: number; bytes: number };
  csv: Timing & { records: number; bytes: number };
};

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function insertAll<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>, size = 400) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const time = (run: () => Promise<unknown>): Promise<Timing> => timeRuns(run);

/**
 * A representative report document and figure records, built by this bench from the sizes of the
 * figures (one table per figure list, one row per entry, the admin's comments as paragraphs), NOT by
 * the report's own model builder: it times the export libraries on a document of the report's size.
 */
function representativeExport(levels: EvaluationLevels, quarters: number): { document: ReportDocument; records: FigureRecord[] } {
  const lists: [number, string, unknown][] = [
    [1, 'reactions', levels.reaction.programmes],
    [2, 'first-attempts', levels.learning.firstAttempts],
    [2, 'confidence', levels.learning.confidence],
    [2, 'miti', levels.learning.miti],
    [3, 'consistency-quarter', levels.behaviour.byQuarter],
    [3, 'consistency-round', levels.behaviour.byRound],
    [3, 'rubric-scores', levels.behaviour.rubricScores],
    [3, 'actions', levels.behaviour.actions],
    [3, 'one-to-one', levels.behaviour.oneToOne],
    [3, 'recommendations', levels.recommendations],
    [4, 'indicators', Array.from({ length: quarters * SERVICE_INDICATORS.length })],
  ];
  const sizeOf = (value: unknown): number => {
    if (Array.isArray(value)) return value.length;
    if (value && typeof value === 'object') return Object.values(value).reduce((sum: number, v) => sum + Math.max(1, sizeOf(v)), 0);
    return 1;
  };
  const columns = ['Subject', 'Figure', 'n', 'Low', 'High', 'Reading'];
  const records: FigureRecord[] = [];
  const sections: DocumentSection[] = [1, 2, 3, 4].map((level) => ({
    heading: `Level ${level}`,
    blocks: [{ kind: 'paragraph' as const, text: 'What this level measures, and how to read its figures (representative text of a paragraph’s length).' }],
    sections: lists
      .filter(([l]) => l === level)
      .map(([, name, value]) => {
        const rows = Array.from({ length: Math.max(1, sizeOf(value)) }, (_, i) => [`${name} ${i + 1}`, 0.5 + (i % 50) / 100, 20 + i, 0.41, 0.73, 'A plain-language reading of the figure']);
        rows.forEach((row, i) => records.push({ level: level as 1 | 2 | 3 | 4, figure: name, name: `${name} ${i + 1}`, definition: 'The definition of the figure, as the glossary gives it.', period: '2 years', scope: 'Organisation', subject: String(row[0]), value: Number(row[1]), n: Number(row[2]), suppressed: i % 17 === 0 }));
        return { heading: name, blocks: [{ kind: 'paragraph' as const, text: `About ${name}.` }, { kind: 'table' as const, table: { caption: `Table: ${name}`, columns, rows } }] };
      }),
  }));
  sections[0]!.blocks = [...sections[0]!.blocks, ...(levels.reaction.comments ?? []).map((c) => ({ kind: 'paragraph' as const, text: c.text }))];
  return { document: { locale: 'cy', title: 'Adroddiad gwerthuso', subtitle: 'Y sefydliad, dwy flynedd', sections }, records };
}

/**
 * 5,000 staff in 50 teams with two years of the history the evaluation report reads, at a density
 * like a working service's; times the report's figures as the page loads them (`resultsOf` then
 * `evaluationLevels`) for an admin (organisation) and a manager of 3 teams, and the Word and CSV exports.
 */
export async function evaluationAtScale(dir: string): Promise<EvaluationBench> {
  const { db, client } = await openDatabase(`file:${join(dir, 'evaluation-scale.db')}`);
  await migrateDatabase(db);
  const now = Date.now();
  const content = loadContent(resolve('content'));
  const rows = await buildEvaluationHistory(db, content, now);
  try {
    return await timeEvaluation(db, content, now, rows);
  } finally {
    client.close();
  }
}

/** Writes the two years of history into an empty, migrated database; returns how many rows of each kind. */
export async function buildEvaluationHistory(db: Db, content: LoadedContent, now: number): Promise<Record<string, number>> {
  const today = londonDate(now);
  const rnd = seededRandom(17);
  const at = (daysAgo: number) => now - daysAgo * DAY - Math.floor(rnd() * 8) * 3_600_000;
  const progress = (when: number) => Math.min(1, Math.max(0, 1 - (now - when) / (HISTORY_DAYS * DAY)));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const teamIds = Array.from({ length: TEAMS }, (_, i) => `t${i}`);
  const ids = Array.from({ length: STAFF }, (_, i) => `s${i}`);
  const teamOf = (i: number) => teamIds[i % TEAMS]!;
  const mentors = ids.slice(STAFF - 50);
  const mentees = ids.slice(0, MENTEES);
  const mentorOf = (i: number) => mentors[i % mentors.length]!;
  const rows = {
    workshops: [] as (typeof workshops.$inferInsert)[],
    reactions: [] as (typeof workshopReactions.$inferInsert)[],
    checks: [] as (typeof knowledgeCheckAttempts.$inferInsert)[],
    completions: [] as (typeof moduleCompletions.$inferInsert)[],
    ratings: [] as (typeof confidenceRatings.$inferInsert)[],
    simulations: [] as (typeof simulationAttempts.$inferInsert)[],
    ownResponses: [] as (typeof simulationOwnResponses.$inferInsert)[],
    codes: [] as (typeof ownResponseCodes.$inferInsert)[],
    rounds: [] as (typeof calibrationRounds.$inferInsert)[],
    answers: [] as (typeof thresholdAttempts.$inferInsert)[],
    assignments: [] as (typeof assignments.$inferInsert)[],
    taskAnswers: [] as (typeof taskAnswers.$inferInsert)[],
    submissions: [] as (typeof submissions.$inferInsert)[],
    markings: [] as (typeof markings.$inferInsert)[],
    sessions: [] as (typeof mentoringSessions.$inferInsert)[],
    actions: [] as (typeof agreedActions.$inferInsert)[],
    indicators: [] as (typeof indicatorEntries.$inferInsert)[],
  };

  // Level 1: 50 workshops a quarter of 25 places, most attenders give a reaction, one in five a comment.
  for (let w = 0; w < 400; w++) {
    const start = at(720 - w * 1.8);
    const id = `w${w}`;
    rows.workshops.push({ id, organisationId: ORG, programmeId: content.programmes[w % content.programmes.length]!.id, title: `W ${w}`, date: londonDate(start), startAt: start, endAt: start + 3 * 3_600_000, deliveryLanguage: 'bilingual', places: 25, bookingClosesOn: londonDate(start), createdAt: start - 60 * DAY, updatedAt: start });
    for (let k = 0; k < 25; k++) {
      if (rnd() < 0.2) continue;
      const mood = 3 + progress(start) + (rnd() - 0.5) * 2;
      const score = (v: number) => Math.min(5, Math.max(1, Math.round(v)));
      rows.reactions.push({ workshopId: id, personId: ids[(w * 25 + k) % STAFF]!, usefulness: score(mood), relevance: score(mood + 0.3), confidence: score(mood - 0.4), comment: rnd() < 0.2 ? 'A fictional comment: more time to practise with cases, please.' : null, createdAt: start + 2 * DAY });
    }
  }

  // Level 2: each person works through two programmes' modules over the two years (a fifth retake a check),
  // rates confidence before and after, and practises three conversations.
  const learning = content.programmes.slice(0, 3);
  const scenarios = content.conversations.map((c) => c.id);
  ids.forEach((personId, p) => {
    for (const programme of [learning[p % learning.length]!, learning[(p + 1) % learning.length]!]) {
      let day = 700 - Math.floor(rnd() * 300);
      const startedAt = at(day);
      let finished = 0;
      for (const moduleId of programme.modules) {
        if (day < 30) break;
        const first = at(day);
        const total = 10;
        const score = Math.min(total, Math.round(5 + 4 * progress(first) + rnd() * 3));
        rows.checks.push({ id: `kc-${personId}-${moduleId}-1`, personId, organisationId: ORG, moduleId, moduleVersion: 1, answers: {}, score, total, passed: score >= 8, submittedAt: first });
        let passedAt = first;
        if (score < 8) {
          passedAt = first + 3 * DAY;
          rows.checks.push({ id: `kc-${personId}-${moduleId}-2`, personId, organisationId: ORG, moduleId, moduleVersion: 1, answers: {}, score: 8 + Math.floor(rnd() * 3), total, passed: true, submittedAt: passedAt });
        }
        rows.completions.push({ personId, moduleId, moduleVersion: 1, programmeId: programme.id, completedAt: passedAt, locale: rnd() < 0.4 ? 'cy' : 'en' });
        finished += 1;
        day -= 10 + Math.floor(rnd() * 20);
      }
      for (const statement of programme.confidence) {
        const before = 2 + Math.floor(rnd() * 5);
        rows.ratings.push({ personId, programmeId: programme.id, statementId: statement.id, moment: 'before', rating: before, organisationId: ORG, ratedAt: startedAt });
        if (finished === programme.modules.length) rows.ratings.push({ personId, programmeId: programme.id, statementId: statement.id, moment: 'after', rating: Math.min(10, before + Math.floor(rnd() * 4)), organisationId: ORG, ratedAt: at(day) });
      }
    }
    [600, 380, 160].forEach((daysAgo, i) => {
      const completedAt = at(daysAgo - (p % 90));
      const growth = progress(completedAt);
      const count = (v: number) => Math.max(0, Math.round(v));
      const counts = { questions: count(7 - 3 * growth + rnd() * 2), simpleReflections: count(3 + rnd() * 2), complexReflections: count(5 * growth + rnd() * 2), miAdherent: count(1 + 4 * growth), miNonAdherent: count(2.5 - 2.5 * growth + rnd()) };
      const id = `sim-${personId}-${i}`;
      rows.simulations.push({ id, personId, organisationId: ORG, kind: 'conversation', scenarioId: scenarios[(p + i) % scenarios.length]!, scenarioVersion: 1, snapshot: {}, status: 'complete', outcome: 'next-step-agreed', result: { kind: 'conversation', outcome: 'next-step-agreed', counts }, startedAt: completedAt - 25 * 60_000, updatedAt: completedAt, completedAt });
      // A mentee's latest attempt: three typed responses, coded by the mentor on the mentee's first submission.
      if (p < MENTEES && i === 2) {
        for (let r = 0; r < 3; r++) {
          rows.ownResponses.push({ id: `${id}-r${r}`, attemptId: id, personId, organisationId: ORG, scenarioId: scenarios[0]!, turnId: `turn-${r}`, text: 'A fictional reply.', code: 'question', createdAt: completedAt });
          rows.codes.push({ responseId: `${id}-r${r}`, submissionId: `sub-${personId}-0`, code: r === 0 ? 'complex-reflection' : 'simple-reflection', codedBy: mentorOf(p), codedAt: completedAt + DAY });
        }
      }
    });
  });

  // Level 3: two practice answers a person a quarter, and four calibration rounds half the staff answer in full.
  const vignettes = content.vignettes;
  const answer = (personId: string, vignette: (typeof vignettes)[number], completedAt: number, roundId: string | null, n: number) => {
    const spread = 0.45 * (1 - 0.6 * progress(completedAt));
    rows.answers.push({ id: `ta-${personId}-${n}`, personId, organisationId: ORG, vignetteId: vignette.id, vignetteVersion: 1, snapshot: {}, revision: 4, status: 'complete', decision: rnd() < spread ? pick(DECISIONS) : vignette.panel.decision.answer, likelihood: rnd() < spread ? pick(LIKELIHOODS) : vignette.panel.likelihood.answer, significant: 'no', roundId, startedAt: completedAt - 20 * 60_000, completedAt });
  };
  const roundVignettes = vignettes.slice(0, 4);
  [640, 460, 280, 100].forEach((daysAgo, r) => {
    const opensAt = now - daysAgo * DAY;
    rows.rounds.push({ id: `round-${r}`, organisationId: ORG, createdBy: ids[0]!, title: `Calibration round ${r + 1}`, vignetteIds: roundVignettes.map((v) => v.id), opensAt, closesAt: opensAt + 21 * DAY, closedAt: opensAt + 21 * DAY, createdAt: opensAt - DAY });
  });
  ids.forEach((personId, p) => {
    let n = 0;
    for (let daysAgo = 720 - (p % 45); daysAgo > 0; daysAgo -= 90) answer(personId, vignettes[(p + n) % vignettes.length]!, at(daysAgo), null, n++), answer(personId, vignettes[(p + n * 3) % vignettes.length]!, at(daysAgo - 1), null, n++);
    [640, 460, 280, 100].forEach((daysAgo, r) => {
      if ((p + r) % 2) return;
      roundVignettes.forEach((v, k) => answer(personId, v, at(daysAgo - 2 - k), `round-${r}`, n++));
    });
  });

  // Mentees: a released rubric marking every six months, a 1:1 every eight weeks with two actions.
  const rubric = content.rubrics.find((r) => r.id === 'reflective-practice')!;
  mentees.forEach((menteeId, m) => {
    const mentorId = mentorOf(m);
    [620, 440, 260, 90].forEach((daysAgo, h) => {
      const id = `${menteeId}-${h}`;
      const submittedAt = at(daysAgo - (m % 30));
      const releasedAt = submittedAt + 4 * DAY;
      rows.assignments.push({ id: `asg-${id}`, organisationId: ORG, menteeId, assignedBy: mentorId, ownerId: mentorId, activityKind: 'task', activityId: `task-${mentorId}`, dueDate: londonDate(submittedAt), note: null, askReview: true, requestKey: `asg-${id}`, createdAt: submittedAt - 14 * DAY, updatedAt: releasedAt });
      rows.taskAnswers.push({ id: `ans-${id}`, assignmentId: `asg-${id}`, personId: menteeId, version: 1, text: 'A fictional reflection.', createdAt: submittedAt });
      rows.submissions.push({ id: `sub-${id}`, organisationId: ORG, assignmentId: `asg-${id}`, menteeId, version: 1, workKind: 'task', workId: `ans-${id}`, state: 'feedback-released', reviewerId: mentorId, rubricId: rubric.id, submittedAt, releasedAt });
      const levels = Object.fromEntries(rubric.criteria.map((c) => {
        const level = c.levels[Math.min(c.levels.length - 1, Math.floor((h + rnd() * 2) * (c.levels.length / 5)))]!;
        return [c.id, 'score' in level ? { level: level.id } : { level: level.id, score: level.range[0] }];
      }));
      rows.markings.push({ id: `mark-${id}`, submissionId: `sub-${id}`, markerId: mentorId, role: 'first', rubricId: rubric.id, rubricVersion: rubric.version, levels, comments: {}, overall: 'Fictional feedback.', total: 10, revision: 1, updatedAt: releasedAt, releasedAt });
    });
    const last = m % 5 === 0 ? 70 : 5 + (m % 50);
    for (let daysAgo = 720 - (m % 56), s = 0; daysAgo >= last; daysAgo -= 56, s++) {
      const id = `ses-${menteeId}-${s}`;
      const held = at(daysAgo);
      rows.sessions.push({ id, organisationId: ORG, authorId: mentorId, kind: 'one-to-one', menteeId, date: londonDate(held), startsAt: '14:00', durationMinutes: 60, format: 'in-person', focus: ['conversations'], sharedSummary: 'A fictional 1:1.', state: 'recorded', requestKey: id, createdAt: held, updatedAt: held });
      [0, 1].forEach((position) => {
        const done = rnd() < 0.55 + 0.35 * progress(held);
        rows.actions.push({ id: `${id}-a${position}`, organisationId: ORG, sessionId: id, position, text: 'A fictional action.', ownerId: menteeId, dueDate: londonDate(held + 21 * DAY), state: done ? 'done' : 'dropped', doneAt: done ? held + 14 * DAY : null, doneBy: done ? menteeId : null, updatedAt: held + 14 * DAY });
      });
    }
  });

  // Level 4: every indicator for the last eight ended quarters, a fifth of them corrected once.
  const [year, month] = today.split('-').map(Number) as [number, number];
  const currentQuarter = year * 4 + Math.floor((month - 1) / 3);
  for (let q = currentQuarter - 8; q < currentQuarter; q++) {
    const quarter = `${Math.floor(q / 4)}-Q${(q % 4) + 1}`;
    for (const indicator of SERVICE_INDICATORS) {
      const versions = rnd() < 0.2 ? 2 : 1;
      for (let v = 0; v < versions; v++) rows.indicators.push({ id: `ind-${quarter}-${indicator}-${v}`, organisationId: ORG, quarter, indicator, value: 10 + Math.floor(rnd() * 90), authorId: ids[0]!, recordedAt: now - (currentQuarter - q) * 90 * DAY + v * DAY });
    }
  }

  const built = performance.now();
  await db.transaction(async (tx) => {
    await tx.insert(organisations).values({ id: ORG, nameEn: 'Scale', nameCy: 'Graddfa', defaultLocale: 'cy', createdAt: now });
    await tx.insert(teams).values(teamIds.map((id, i) => ({ id, organisationId: ORG, nameEn: `Team ${i}`, nameCy: `Tîm ${i}`, createdAt: now })));
    await insertAll(ids, (c) => tx.insert(people).values(c.map((id) => ({ id, organisationId: ORG, email: `${id}@scale.example`, name: `S ${id}`, locale: 'cy' as const, status: 'active' as const, createdAt: now - 800 * DAY, updatedAt: now }))));
    await insertAll(ids, (c) => tx.insert(personRoles).values(c.map((personId) => ({ personId, role: mentors.includes(personId) ? ('mentor' as const) : ('learner' as const) }))));
    await insertAll(ids, (c) => tx.insert(teamMemberships).values(c.map((personId) => ({ personId, teamId: teamOf(Number(personId.slice(1))) }))));
    await insertAll(mentees, (c) => tx.insert(mentorLinks).values(c.map((menteeId) => ({ menteeId, mentorId: mentorOf(Number(menteeId.slice(1))), createdAt: now - 750 * DAY }))));
    await tx.insert(practiceTasks).values(mentors.map((mentorId) => ({ id: `task-${mentorId}`, organisationId: ORG, authorId: mentorId, title: 'A reflection', instructions: 'Reflect on a fictional visit.', locale: 'en' as const, createdAt: now - 750 * DAY })));
    await tx.insert(needRules).values(content.programmes.map((p, i) => ({ id: `r${i}`, organisationId: ORG, programmeId: p.id, need: 'required' as const, updatedAt: now })));
    for (let phase = 0; phase < 5; phase++) {
      await tx.insert(rolloutPhases).values({ id: `phase-${phase}`, organisationId: ORG, name: `Phase ${phase + 1}`, startsOn: londonDate(now - (700 - phase * 120) * DAY), endsOn: londonDate(now - (520 - phase * 120) * DAY), targetPercent: 80, createdAt: now, updatedAt: now });
      await tx.insert(phaseTeams).values(teamIds.slice(phase * 10, phase * 10 + 10).map((teamId) => ({ phaseId: `phase-${phase}`, teamId })));
    }
    await insertAll(rows.workshops, (c) => tx.insert(workshops).values(c));
    await insertAll(rows.reactions, (c) => tx.insert(workshopReactions).values(c).onConflictDoNothing());
    await insertAll(rows.checks, (c) => tx.insert(knowledgeCheckAttempts).values(c));
    await insertAll(rows.completions, (c) => tx.insert(moduleCompletions).values(c).onConflictDoNothing());
    await insertAll(rows.ratings, (c) => tx.insert(confidenceRatings).values(c).onConflictDoNothing());
    await insertAll(rows.simulations, (c) => tx.insert(simulationAttempts).values(c), 200);
    await insertAll(rows.rounds, (c) => tx.insert(calibrationRounds).values(c));
    await insertAll(rows.answers, (c) => tx.insert(thresholdAttempts).values(c), 300);
    await insertAll(rows.assignments, (c) => tx.insert(assignments).values(c));
    await insertAll(rows.taskAnswers, (c) => tx.insert(taskAnswers).values(c));
    await insertAll(rows.submissions, (c) => tx.insert(submissions).values(c));
    await insertAll(rows.markings, (c) => tx.insert(markings).values(c), 200);
    await insertAll(rows.ownResponses, (c) => tx.insert(simulationOwnResponses).values(c));
    await insertAll(rows.codes, (c) => tx.insert(ownResponseCodes).values(c));
    await insertAll(rows.sessions, (c) => tx.insert(mentoringSessions).values(c));
    await insertAll(rows.actions, (c) => tx.insert(agreedActions).values(c));
    await insertAll(rows.indicators, (c) => tx.insert(indicatorEntries).values(c));
  });

  console.log(`Evaluation bench: ${Object.values(rows).reduce((n, l) => n + l.length, 0)} rows written in ${((performance.now() - built) / 1000).toFixed(1)} s.`);
  return Object.fromEntries(Object.entries(rows).map(([name, list]) => [name, list.length]));
}

/** Times the report's figures and exports on a database holding `buildEvaluationHistory`'s rows. */
export async function timeEvaluation(db: Db, content: LoadedContent, now: number, rowCounts: Record<string, number>): Promise<EvaluationBench> {
  const today = londonDate(now);
  const ids = Array.from({ length: STAFF }, (_, i) => `s${i}`);
  // The content as the page passes it.
  const evaluationContent: EvaluationContent = {
    programmes: content.programmes.map((p) => ({ id: p.id, moduleIds: p.modules })),
    vignettes: content.vignettes.map((v) => ({ id: v.id, panel: { decision: v.panel.decision.answer, likelihood: v.panel.likelihood.answer } })),
    rubrics: content.rubrics as unknown as Rubric[],
  };
  const period = { from: `${Number(today.slice(0, 4)) - 2}${today.slice(4, 8)}01`, to: today };
  const base = { organisationId: ORG, teamIds: [], menteeIds: [], locale: 'en' };
  const measure = async (viewer: Viewer, key: string) => {
    const scope = scopeFor(db, viewer, new Date(now));
    const option = (await reportScopeOptions(scope, 'en', [])).find((o: ReportScopeOption) => o.key === key);
    if (!option) throw new Error(`${viewer.id} may not choose ${key}`);
    // What the Evaluation page loads for its figures: the results level, then levels 1–3, kept
    // (a view within minutes of another) or worked out from the records (the first view, or **Refresh figures**).
    const load = (fromRecords: boolean) => async () => {
      // Worked out from the records: no kept figures to serve (a first view). **Refresh figures** does the same work.
      if (fromRecords) await db.delete(evaluationSnapshots);
      const results = await resultsOf(scope, option, period);
      const kept = await reportLevels(scope, option, period, evaluationContent);
      if (!kept) throw new Error('expected the levels');
      return { results, levels: kept.levels };
    };
    const figures = await load(true)();
    // SQL statements per view, counted at the database client.
    const counted = async (fromRecords: boolean) => {
      const { result, tally } = countStatements(() => time(load(fromRecords)));
      return { ...(await result), statements: Math.round(tally.statements / 9) };
    };
    const computed = await counted(true);
    const kept = await counted(false);
    return { computed, kept, figures, people: option.teamIds.length * (STAFF / TEAMS) };
  };
  const admin = await measure({ ...base, id: ids[1]!, roles: ['admin'], managedTeamIds: [] } as unknown as Viewer, 'organisation');
  const manager = await measure({ ...base, id: ids[2]!, roles: ['manager'], managedTeamIds: ['t0', 't1', 't2'] } as unknown as Viewer, 'team:t0');
  if (admin.figures.levels.behaviour.byQuarter.length === 0 || admin.figures.results.quarters.length === 0) throw new Error('expected figures');

  const { document, records } = representativeExport(admin.figures.levels, admin.figures.results.quarters.length);
  const t = translator('cy');
  let bytes = 0;
  const docx = await time(async () => (bytes = (await reportDocx(document)).byteLength));
  const docxBytes = bytes;
  const csv = await time(async () => (bytes = Buffer.byteLength(figuresCsv(records, t))));
  const tables = document.sections.flatMap((s) => s.sections ?? []).length;
  return {
    rows: rowCounts,
    admin: { computed: admin.computed, kept: admin.kept },
    manager: { computed: manager.computed, kept: manager.kept, people: 100 },
    docx: { ...docx, tables, rows: records.length, bytes: docxBytes },
    csv: { ...csv, records: records.length, bytes, ...{ columns: FIGURE_RECORD_COLUMNS.length } },
  };
}

/** The benchmark table's rows for the evaluation report. */
export function evaluationRowsMarkdown(bench: EvaluationBench): string[] {
  const history = `${STAFF.toLocaleString('en-GB')} staff, 2 years: ${bench.rows.reactions} reactions, ${bench.rows.checks} knowledge checks, ${bench.rows.ratings} confidence ratings, ${bench.rows.simulations} conversations, ${bench.rows.answers} threshold answers, ${bench.rows.markings} markings, ${bench.rows.sessions} 1:1s, ${bench.rows.actions} actions`;
  return [
    `| evaluation report figures as a page view reads them (\`resultsOf\` + \`reportLevels\`, levels 1–3 kept from a view in the last 10 minutes), admin, organisation (${history}): median / p95 of 9 runs; SQL statements | ${fmt(bench.admin.kept.median)} / ${fmt(bench.admin.kept.p95)}; ${bench.admin.kept.statements} | < 300 ms |`,
    `| the same, worked out from the records (the first view of a scope and period, or **Refresh figures**): median / p95 of 9 runs; SQL statements | ${fmt(bench.admin.computed.median)} / ${fmt(bench.admin.computed.p95)}; ${bench.admin.computed.statements} | reported |`,
    `| evaluation report figures, manager of 3 teams (300 people), same data, kept / worked out: medians of 9 runs; SQL statements | ${fmt(bench.manager.kept.median)} / ${fmt(bench.manager.computed.median)}; ${bench.manager.kept.statements} / ${bench.manager.computed.statements} | < 300 ms |`,
    `| \`reportDocx\` of a representative document built by the bench from the admin figures' sizes (${bench.docx.tables} tables, ${bench.docx.rows} rows, the comments as paragraphs; ${(bench.docx.bytes / 1024).toFixed(0)} KB): median / p95 of 9 runs | ${fmt(bench.docx.median)} / ${fmt(bench.docx.p95)} | reported |`,
    `| \`figuresCsv\` of ${bench.csv.records} representative figure records (${(bench.csv.bytes / 1024).toFixed(0)} KB): median / p95 of 9 runs | ${fmt(bench.csv.median)} / ${fmt(bench.csv.p95)} | reported |`,
  ];
}

// Alone: measure and add a dated section to docs/benchmarks.md.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(join(tmpdir(), 'camau-bench-evaluation-'));
  try {
    const started = performance.now();
    const bench = await evaluationAtScale(dir);
    const section = [`## Evaluation report (${new Date().toISOString().slice(0, 10)})`, '', `Command: \`npx node scripts/bench-evaluation.ts\` (also part of \`npm run bench\`). 5,000 staff in 50 teams, 1,000 of them mentees of 50 mentors, two years of history; server time of the report's figures for the default two-year period, no HTTP. SQL statements counted at the client. Machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end of the run (${((performance.now() - started) / 1000).toFixed(0)} s with building the data).`, '', '| measure | figure | target |', '|---|---|---|', ...evaluationRowsMarkdown(bench), ''].join('\n');
    prependBenchSection(section);
    console.log(section);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
