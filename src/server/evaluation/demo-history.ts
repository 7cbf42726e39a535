import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  agreedActions,
  assignments,
  bookings,
  calibrationRounds,
  confidencePrompts,
  confidenceRatings,
  cpdEntries,
  knowledgeCheckAttempts,
  markings,
  mentoringSessions,
  mentorLinks,
  moduleCompletions,
  people,
  practiceTasks,
  registerRows,
  roundParticipants,
  sectionVisits,
  sessionAttendance,
  simulationAttempts,
  submissions,
  taskAnswers,
  thresholdAttempts,
  workshopReactions,
  workshops,
} from '../../../db/schema/index.ts';
import type { LoadedContent } from '../../content/load.ts';
import { londonDate, seededRandom } from '../../domain/common/index.ts';
import { quarterBounds, quarterOf } from '../../domain/evaluation/index.ts';
import { rubricTotal } from '../../domain/mentoring/index.ts';
import { DECISIONS, LIKELIHOODS, type Decision, type Likelihood } from '../../domain/thresholds/index.ts';
import { londonInstant } from '../platform/index.ts';
import { syntheticAttempt } from '../thresholds/index.ts';

// Two years of fictional history for the demo organisation, so that the evaluation report shows
// trends on first start: workshops with registers and reactions, knowledge checks and module
// completions, confidence before and after, conversation simulations, threshold answers and
// calibration rounds, mentor rubric marks, and 1:1 sessions with their actions. Practice improves
// over the two years, as the report should be able to show. Run on first start only.
//
// The people the end-to-end tests sign in as, and the demo's four sign-ins, are left out, so what
// those tests read is the same with or without this history.

const DAY = 86_400_000;
const HISTORY_DAYS = 730;

/** Whose history to write: a council, its staff (never anyone an end-to-end test signs in as), mentors, and what names its rows. */
export type HistoryCouncil = {
  organisationId: string;
  people: readonly string[];
  /** Mentee → mentor, for the rubric marks and the 1:1 sessions. */
  mentorOf: Readonly<Record<string, string>>;
  /** Who created its workshops and calibration rounds. */
  adminId: string;
  /** Who marked its workshop registers. */
  registerMarkerId: string;
  /** Starts every id the history writes, so councils' histories never collide. */
  idPrefix: string;
  /** The random generator's seed: each council's figures differ a little. */
  seed: number;
  venue: string;
  /** A programme whose workshops land less well and whose confidence does not rise, so the report has something to flag. */
  weakProgramme?: string;
  /** Mentees whose last 1:1 session was more than eight weeks ago (beside the second and sixth of `mentorOf`). */
  lapsedMentees?: readonly string[];
};

/** The main demo organisation's history (the default). */
export const DEMO_HISTORY: HistoryCouncil = {
  organisationId: 'demo-org',
  people: ['demo-p02', 'demo-p03', 'demo-p04', 'demo-p06', 'demo-p07', 'demo-p08', 'demo-p09', 'demo-p10', 'demo-p11', 'demo-p12', 'demo-p13', 'demo-p15', 'demo-p17', 'demo-p18', 'demo-p19', 'demo-p20', 'demo-p21', 'demo-p22'],
  mentorOf: {
    'demo-p02': 'demo-mentor', 'demo-p04': 'demo-mentor', 'demo-p07': 'demo-mentor', 'demo-p08': 'demo-mentor',
    'demo-p11': 'demo-mentor-2', 'demo-p13': 'demo-mentor-2', 'demo-p19': 'demo-mentor-2',
    // A fifth mentee in the coastal team, so that team's 1:1 figure is shown (and, with Nia's and Dylan's lapses, flagged).
    'demo-p21': 'demo-mentor-2',
  },
  adminId: 'demo-admin',
  registerMarkerId: 'demo-mentor',
  idPrefix: 'demo-hist-',
  seed: 1727,
  venue: 'Swyddfa’r Cyngor, Caernarfon',
  weakProgramme: 'risk-model',
  lapsedMentees: ['demo-p21'],
};
// The programmes whose e-learning the history fills in (the rollout demo already tells the first programme's story).
const LEARNING_PROGRAMMES = ['collaborative-conversations', 'risk-model'] as const;
const RUBRIC = 'reflective-practice';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** How far through the two years a moment is: 0 at the start of the history, 1 today. */
const progressAt = (now: number, at: number) => Math.min(1, Math.max(0, 1 - (now - at) / (HISTORY_DAYS * DAY)));
const clamp = (low: number, high: number, value: number) => Math.min(high, Math.max(low, Math.round(value)));

/**
 * The start of a half-year's marking round that falls at `at`: moved back where needed so the
 * round (a fortnight of marks and releases) stays inside one London quarter, whose figure then
 * counts every mentee marked in it.
 */
function markingRound(at: number): number {
  const [, end] = quarterBounds(quarterOf(at));
  return Math.min(at, end - 15 * DAY);
}

/** Seeds a council's history (the demo organisation's unless said) in one transaction; returns how many rows it wrote. */
export async function seedDemoHistory(db: Db, content: LoadedContent, now = Date.now(), council: HistoryCouncil = DEMO_HISTORY): Promise<number> {
  const { organisationId: ORG, people: PEOPLE, mentorOf: MENTOR_OF, idPrefix: P } = council;
  const roll = seededRandom(council.seed);
  const rows = {
    workshops: [] as Row<typeof workshops>[],
    bookings: [] as Row<typeof bookings>[],
    register: [] as Row<typeof registerRows>[],
    reactions: [] as Row<typeof workshopReactions>[],
    cpd: [] as Row<typeof cpdEntries>[],
    visits: [] as Row<typeof sectionVisits>[],
    checks: [] as Row<typeof knowledgeCheckAttempts>[],
    completions: [] as Row<typeof moduleCompletions>[],
    ratings: [] as Row<typeof confidenceRatings>[],
    prompts: [] as Row<typeof confidencePrompts>[],
    simulations: [] as Row<typeof simulationAttempts>[],
    rounds: [] as Row<typeof calibrationRounds>[],
    participants: [] as Row<typeof roundParticipants>[],
    answers: [] as Row<typeof thresholdAttempts>[],
    tasks: [] as Row<typeof practiceTasks>[],
    assignments: [] as Row<typeof assignments>[],
    taskAnswers: [] as Row<typeof taskAnswers>[],
    submissions: [] as Row<typeof submissions>[],
    markings: [] as Row<typeof markings>[],
    sessions: [] as Row<typeof mentoringSessions>[],
    attendance: [] as Row<typeof sessionAttendance>[],
    actions: [] as Row<typeof agreedActions>[],
  };
  const programmes = new Map(content.programmes.map((p) => [p.id, p]));
  // Modules the other demo seeds already completed stay as they are.
  const alreadyDone = new Set((await db.select({ personId: moduleCompletions.personId, moduleId: moduleCompletions.moduleId }).from(moduleCompletions)).map((c) => `${c.personId} ${c.moduleId}`));
  const title = (id: string) => programmes.get(id)?.title ?? { en: id, cy: id };

  // Workshops: one a quarter, rotating through the programmes; usefulness rises as the training matures.
  const rotation = ['effective-child-protection', 'collaborative-conversations', 'risk-model', 'effective-child-protection', 'collaborative-conversations', 'risk-model', 'practice-mentoring', 'collaborative-conversations'];
  rotation.forEach((programmeId, q) => {
    const date = londonDate(now - (700 - q * 85) * DAY);
    const [startAt, endAt] = [londonInstant(date, '09:30'), londonInstant(date, '12:30')];
    const id = `${P}ws-${q + 1}`;
    const name = title(programmeId);
    rows.workshops.push({
      id, organisationId: ORG, programmeId, title: `${name.cy} / ${name.en}`, date, startAt, endAt, venue: council.venue, onlineLink: null,
      deliveryLanguage: 'bilingual', places: 12, bookingClosesOn: date, openToAll: true, createdBy: council.adminId, createdAt: startAt - 45 * DAY, updatedAt: startAt - 45 * DAY,
    });
    const booked = Array.from({ length: 9 }, (_, i) => PEOPLE[(q * 5 + i * 2) % PEOPLE.length]!).filter((p, i, all) => all.indexOf(p) === i);
    booked.forEach((personId, i) => {
      rows.bookings.push({ id: `${id}-b${i + 1}`, organisationId: ORG, workshopId: id, personId, state: 'booked', seq: i + 1, seat: i + 1, bookedBy: null, queuedAt: startAt - 30 * DAY + i * 3_600_000, bookedAt: startAt - 30 * DAY + i * 3_600_000, updatedAt: startAt - 30 * DAY });
      const attended = i !== 4;
      rows.register.push({ workshopId: id, personId, mark: attended ? 'attended' : 'did-not-attend', minutes: null, walkIn: false, markedBy: council.registerMarkerId, markedAt: endAt + 600_000, revision: 0 });
      if (!attended) return;
      rows.cpd.push({ id: `${P}cpd-${id}-${personId}`, personId, organisationId: ORG, kind: 'workshop', sourceId: id, activityId: id, programmeId, titleEn: `Workshop: ${name.en}`, titleCy: `Gweithdy: ${name.cy}`, minutes: 180, completedAt: endAt });
      const mood = 3 + q * 0.17 + (roll() - 0.5) * 1.6 - (programmeId === council.weakProgramme ? 1 : 0);
      rows.reactions.push({
        workshopId: id, personId, usefulness: clamp(1, 5, mood), relevance: clamp(1, 5, mood + 0.3), confidence: clamp(1, 5, mood - 0.4),
        comment: i === 0 ? (q < 4 ? 'Fictional comment: more time to practise, please.' : 'Fictional comment: the practice cases were close to real work.') : null,
        createdAt: endAt + 2 * DAY,
      });
    });
  });

  // E-learning: each person works through the programmes' modules from their own start date.
  PEOPLE.forEach((personId, p) => {
    const skill = (roll() - 0.5) * 0.2;
    let day = 680 - p * 30;
    for (const programmeId of LEARNING_PROGRAMMES) {
      const programme = programmes.get(programmeId);
      if (!programme) continue;
      const modules = programme.modules.map((id) => content.modules.find((m) => m.id === id)).filter((m) => m !== undefined);
      const startedAt = now - day * DAY;
      let finished = 0;
      for (const module of modules) {
        if (day < 45) break;
        if (alreadyDone.has(`${personId} ${module.id}`)) {
          finished += 1;
          continue;
        }
        const opened = now - day * DAY;
        const total = module.knowledgeCheck.length;
        const chance = 0.62 + 0.25 * progressAt(now, opened) + skill;
        const score = Array.from({ length: total }, () => roll() < chance).filter(Boolean).length;
        const firstAt = opened + 2 * DAY;
        const passes = (s: number) => s * 100 >= 80 * total;
        rows.checks.push({ id: `${P}kc-${personId}-${module.id}-1`, personId, organisationId: ORG, moduleId: module.id, moduleVersion: module.version, answers: {}, score, total, passed: passes(score), startedAt: firstAt - 15 * 60_000, submittedAt: firstAt });
        let passedAt = firstAt;
        if (!passes(score)) {
          passedAt = firstAt + 3 * DAY;
          rows.checks.push({ id: `${P}kc-${personId}-${module.id}-2`, personId, organisationId: ORG, moduleId: module.id, moduleVersion: module.version, answers: {}, score: Math.max(score, Math.ceil(0.8 * total)), total, passed: true, startedAt: passedAt - 15 * 60_000, submittedAt: passedAt });
        }
        rows.visits.push(...module.sections.map((s) => ({ personId, organisationId: ORG, moduleId: module.id, sectionId: s.id, firstVisitedAt: opened, lastVisitedAt: passedAt })));
        rows.completions.push({ personId, moduleId: module.id, moduleVersion: module.version, programmeId, completedAt: passedAt, locale: p % 3 === 0 ? 'en' : 'cy' });
        rows.cpd.push({ id: `${P}cpd-${personId}-${module.id}`, personId, organisationId: ORG, kind: 'module', sourceId: `${module.id}@v${module.version}`, activityId: module.id, programmeId, titleEn: module.title.en, titleCy: module.title.cy, minutes: module.minutes, completedAt: passedAt });
        finished += 1;
        day -= 12 + Math.floor(roll() * 10);
      }
      // Confidence before the programme, and after it for those who finished it.
      const statements = programme.confidence.map((c) => c.id);
      const doneAt = now - day * DAY;
      const before = statements.map(() => 3 + Math.floor(roll() * 4));
      rows.ratings.push(...statements.map((statementId, s) => ({ personId, programmeId, statementId, moment: 'before' as const, rating: before[s]!, organisationId: ORG, ratedAt: startedAt })));
      rows.prompts.push({ personId, programmeId, moment: 'before', answeredAt: startedAt });
      if (finished === modules.length) {
        // A weak programme leaves confidence where it was or a point lower.
        const after = (s: number) => (programmeId === council.weakProgramme ? before[s]! - (roll() < 0.5 ? 1 : 0) : clamp(1, 10, before[s]! + 1 + roll() * 2.5 - (p % 7 === 0 ? 1.5 : 0)));
        rows.ratings.push(...statements.map((statementId, s) => ({ personId, programmeId, statementId, moment: 'after' as const, rating: after(s), organisationId: ORG, ratedAt: doneAt })));
        rows.prompts.push({ personId, programmeId, moment: 'after', answeredAt: doneAt });
      }
      day -= 20;
    }
  });

  // Conversation simulations: three a person, reflections growing and questions falling over time.
  const scenarios = content.conversations.map((c) => c.id);
  PEOPLE.forEach((personId, p) => {
    [600 - p * 8, 380 - p * 6, 160 - p * 5].forEach((daysAgo, i) => {
      const finished = now - daysAgo * DAY;
      const growth = progressAt(now, finished);
      const questions = clamp(2, 9, 7 - growth * 3 + roll() * 2);
      const simple = clamp(1, 8, 3 + roll() * 2);
      const complex = clamp(0, 8, growth * 5 + roll() * 2 - 0.5);
      const counts = { questions, simpleReflections: simple, complexReflections: complex, miAdherent: clamp(0, 6, 1 + growth * 4), miNonAdherent: clamp(0, 4, 2.5 - growth * 2.5 + roll()) };
      const outcome = growth > 0.5 ? 'change-named' : 'next-step-agreed';
      rows.simulations.push({
        id: `${P}sim-${personId}-${i + 1}`, personId, organisationId: ORG, kind: 'conversation', scenarioId: scenarios[(p + i) % scenarios.length] ?? 'cc-domestic-abuse-mother',
        // Version 0: made on an earlier version of the scenario, so its page shows the outcome without replaying a transcript.
        scenarioVersion: 0, snapshot: {}, revision: 0, status: 'complete', outcome, result: { kind: 'conversation', outcome, counts },
        startedAt: finished - 25 * 60_000, updatedAt: finished, completedAt: finished,
      });
    });
  });

  // Threshold decisions: practice answers in the quarters before the last six months, and four
  // calibration rounds in which everyone answers the same situations; decisions converge over time.
  const near = <T>(scale: readonly T[], value: T): T => {
    const i = scale.indexOf(value) + (roll() < 0.5 ? -1 : 1);
    return scale[Math.min(scale.length - 1, Math.max(0, i))]!;
  };
  const answer = (vignette: LoadedContent['vignettes'][number], personId: string, completedAt: number, roundId: string | null) => {
    const spread = (vignette.borderline ? 0.55 : 0.3) * (1 - 0.6 * progressAt(now, completedAt));
    const decision: Decision = roll() < spread ? near(DECISIONS, vignette.panel.decision.answer) : vignette.panel.decision.answer;
    const likelihood: Likelihood = roll() < spread ? near(LIKELIHOODS, vignette.panel.likelihood.answer) : vignette.panel.likelihood.answer;
    rows.answers.push(syntheticAttempt({ vignette, personId, organisationId: ORG, decision, likelihood, completedAt, roundId }));
  };
  const vignettes = content.vignettes;
  PEOPLE.forEach((personId, p) => {
    for (let daysAgo = 700 - (p % 5) * 9; daysAgo > 200; daysAgo -= 45) {
      for (let k = 0; k < 2; k++) answer(vignettes[(p * 3 + daysAgo + k * 7) % vignettes.length]!, personId, now - (daysAgo - k) * DAY - 14 * 3_600_000, null);
    }
  });
  const roundVignettes = vignettes.filter((v) => v.borderline).concat(vignettes.filter((v) => !v.borderline)).slice(0, 4);
  [640, 460, 280, 100].forEach((daysAgo, r) => {
    const id = `${P}round-${r + 1}`;
    const opensAt = now - daysAgo * DAY;
    const closesAt = opensAt + 21 * DAY;
    rows.rounds.push({ id, organisationId: ORG, createdBy: council.adminId, title: `Calibration round ${r + 1} (fictional)`, vignetteIds: roundVignettes.map((v) => v.id), opensAt, closesAt, closedAt: closesAt, createdAt: opensAt - DAY });
    const members = PEOPLE.filter((_, p) => (p + r) % 3 !== 0);
    for (const personId of members) {
      rows.participants.push({ roundId: id, personId });
      roundVignettes.forEach((v, k) => answer(v, personId, opensAt + (2 + k) * DAY + PEOPLE.indexOf(personId) * 3_600_000, id));
    }
  });

  // Mentor rubric marks every six months, rising as the mentees' reflective practice develops.
  const rubric = content.rubrics.find((r) => r.id === RUBRIC);
  if (rubric) {
    const mentors = [...new Set(Object.values(MENTOR_OF))];
    rows.tasks.push(...mentors.map((mentorId) => ({ id: `${P}task-${mentorId}`, organisationId: ORG, authorId: mentorId, title: 'A reflection on a fictional home visit', instructions: 'Reflect on the fictional home visit in the module: what went well, what you would do differently, and why.', locale: 'en' as const, createdAt: now - HISTORY_DAYS * DAY })));
    Object.entries(MENTOR_OF).forEach(([menteeId, mentorId], m) => {
      [620, 440, 260, 90].forEach((daysAgo, h) => {
        const id = `${P}${menteeId}-${h + 1}`;
        const submittedAt = markingRound(now - daysAgo * DAY) + m * DAY;
        const releasedAt = submittedAt + 4 * DAY;
        rows.assignments.push({ id, organisationId: ORG, menteeId, assignedBy: mentorId, ownerId: mentorId, activityKind: 'task', activityId: `${P}task-${mentorId}`, dueDate: londonDate(submittedAt + 2 * DAY), note: null, askReview: true, revision: 0, requestKey: `demo-${id}`, createdAt: submittedAt - 14 * DAY, updatedAt: releasedAt });
        rows.taskAnswers.push({ id: `${id}-answer`, assignmentId: id, personId: menteeId, version: 1, text: 'A fictional reflection written for the demo history.', createdAt: submittedAt });
        rows.submissions.push({ id: `${id}-sub`, organisationId: ORG, assignmentId: id, menteeId, version: 1, workKind: 'task', workId: `${id}-answer`, noteToMentor: null, state: 'feedback-released', reviewerId: mentorId, rubricId: RUBRIC, submittedAt, releasedAt });
        const levels = Object.fromEntries(rubric.criteria.map((c) => {
          const index = clamp(0, c.levels.length - 1, (h + 1) * (c.levels.length / 4) - 0.8 + roll() * 0.9);
          const level = c.levels[index]!;
          return [c.id, 'score' in level ? { level: level.id } : { level: level.id, score: level.range[0] }];
        }));
        const { total } = rubricTotal(rubric, levels);
        rows.markings.push({ id: `${id}-mark`, submissionId: `${id}-sub`, markerId: mentorId, role: 'first', requestedBy: null, rubricId: RUBRIC, rubricVersion: rubric.version, levels, comments: {}, overall: 'Fictional feedback for the demo history.', total, revision: 1, updatedAt: releasedAt, releasedAt });
      });
    });
  }

  // 1:1 sessions about every eight weeks, each agreeing actions that were mostly done; some
  // mentees' last sessions are more than eight weeks ago, so the report has someone to flag.
  Object.entries(MENTOR_OF).forEach(([menteeId, mentorId], m) => {
    const lastDaysAgo = m === 1 || m === 5 || council.lapsedMentees?.includes(menteeId) ? 75 : 20 + m * 3;
    for (let daysAgo = 700 - m * 11, s = 0; daysAgo >= lastDaysAgo; daysAgo -= 56, s++) {
      const id = `${P}session-${menteeId}-${s + 1}`;
      const date = londonDate(now - daysAgo * DAY);
      const at = londonInstant(date, '14:00');
      rows.sessions.push({
        id, organisationId: ORG, authorId: mentorId, kind: 'one-to-one', menteeId, groupId: null, date, startsAt: '14:00', durationMinutes: 60, format: s % 3 === 1 ? 'video' : 'in-person',
        focus: [(['conversations', 'thresholds', 'change', 'measure'] as const)[s % 4]!], sharedSummary: 'A fictional 1:1 session from the demo history.', state: 'recorded', revision: 0, requestKey: `demo-${id}`, createdAt: at, updatedAt: at,
      });
      rows.attendance.push({ sessionId: id, personId: menteeId, attendance: 'present' });
      rows.cpd.push({ id: `${P}cpd-${id}`, personId: menteeId, organisationId: ORG, kind: 'mentoring', sourceId: id, activityId: id, programmeId: null, titleEn: 'Mentoring session', titleCy: 'Sesiwn fentora', minutes: 60, completedAt: at + 3_600_000, discussedWith: 'mentor', discussedOn: date });
      [0, 1].forEach((position) => {
        const done = roll() < 0.55 + 0.35 * progressAt(now, at);
        rows.actions.push({
          id: `${id}-action-${position + 1}`, organisationId: ORG, sessionId: id, position, text: position === 0 ? 'Try one scaling question on a visit (fictional)' : 'Read one module section before the next session (fictional)',
          ownerId: menteeId, dueDate: londonDate(at + 21 * DAY), state: done ? 'done' : 'dropped', carriedFromId: null, doneAt: done ? at + 14 * DAY : null, doneBy: done ? menteeId : null, updatedAt: at + 14 * DAY,
        });
      });
    }
  });

  await db.transaction(async (tx) => {
    const chunked = async <T>(rowsOf: readonly T[], insert: (chunk: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rowsOf.length; i += 200) await insert(rowsOf.slice(i, i + 200));
    };
    // The history's mentees are mentored (already, for most of them).
    await tx.insert(mentorLinks).values(Object.entries(MENTOR_OF).map(([menteeId, mentorId]) => ({ menteeId, mentorId, createdAt: now - HISTORY_DAYS * DAY }))).onConflictDoNothing();
    await chunked(rows.workshops, (c) => tx.insert(workshops).values(c));
    await chunked(rows.bookings, (c) => tx.insert(bookings).values(c));
    await chunked(rows.register, (c) => tx.insert(registerRows).values(c));
    await chunked(rows.reactions, (c) => tx.insert(workshopReactions).values(c));
    await chunked(rows.visits, (c) => tx.insert(sectionVisits).values(c).onConflictDoNothing());
    await chunked(rows.checks, (c) => tx.insert(knowledgeCheckAttempts).values(c));
    await chunked(rows.completions, (c) => tx.insert(moduleCompletions).values(c).onConflictDoNothing());
    await chunked(rows.ratings, (c) => tx.insert(confidenceRatings).values(c).onConflictDoNothing());
    await chunked(rows.prompts, (c) => tx.insert(confidencePrompts).values(c).onConflictDoNothing());
    await chunked(rows.simulations, (c) => tx.insert(simulationAttempts).values(c));
    await chunked(rows.rounds, (c) => tx.insert(calibrationRounds).values(c));
    await chunked(rows.participants, (c) => tx.insert(roundParticipants).values(c));
    await chunked(rows.answers, (c) => tx.insert(thresholdAttempts).values(c));
    await chunked(rows.tasks, (c) => tx.insert(practiceTasks).values(c));
    await chunked(rows.assignments, (c) => tx.insert(assignments).values(c));
    await chunked(rows.taskAnswers, (c) => tx.insert(taskAnswers).values(c));
    await chunked(rows.submissions, (c) => tx.insert(submissions).values(c));
    await chunked(rows.markings, (c) => tx.insert(markings).values(c));
    await chunked(rows.sessions, (c) => tx.insert(mentoringSessions).values(c));
    await chunked(rows.attendance, (c) => tx.insert(sessionAttendance).values(c));
    await chunked(rows.actions, (c) => tx.insert(agreedActions).values(c));
    await chunked(rows.cpd, (c) => tx.insert(cpdEntries).values(c).onConflictDoNothing());
    // A consistent history: everyone in it was on the staff before their first record.
    const joined = now - (HISTORY_DAYS + 30) * DAY;
    await tx.update(people).set({ createdAt: sql`min(${people.createdAt}, ${joined})` }).where(inArray(people.id, [...PEOPLE, ...new Set(Object.values(MENTOR_OF))]));
  });
  return Object.values(rows).reduce((sum, list) => sum + list.length, 0);
}
