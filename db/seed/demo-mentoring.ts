import type { Db } from '../client.ts';
import { assignments, commentBank, markings, practiceTasks, sectionVisits, submissions, taskAnswers } from '../schema/index.ts';

// The demo mentor's workspace on first start: work in every status across five mentees, two
// submissions waiting in the Review queue, released feedback, a revision round and one moderation
// in progress with the second demo mentor. Every word of it is fictional.

const ORG = 'demo-org';
const MENTOR = 'demo-mentor';
const SECOND = 'demo-mentor-2';
const RUBRIC = 'reflective-practice';
const DAY = 86_400_000;

type Level = 'not-yet' | 'developing' | 'secure' | 'strong';
const SCORE: Record<Level, number> = { 'not-yet': 1, developing: 2, secure: 3, strong: 4 };
const CRITERIA = ['account-of-practice', 'making-sense', 'child-and-family', 'next-step'] as const;

/** A reflective-practice marking from four levels, in criterion order, with its total. */
function marks(levels: readonly [Level, Level, Level, Level]) {
  return {
    levels: Object.fromEntries(CRITERIA.map((c, i) => [c, { level: levels[i]! }])),
    total: levels.reduce((sum, l) => sum + SCORE[l], 0),
  };
}

const TASKS = [
  { id: 'demo-task-opening', title: 'Opening the conversation with Awel’s mother', instructions: 'Write, in your own words, how you would open the first conversation with Awel’s mother after the referral. Keep to the fictional case.' },
  { id: 'demo-task-strengths', title: 'Naming a strength you saw', instructions: 'Describe one strength you saw in the fictional Jones family this week and how you told them about it.' },
  { id: 'demo-task-scaling', title: 'A scaling question for the Jones family', instructions: 'Write the scaling question you would ask the fictional Jones family about the area of change, and what their answer would tell you.' },
  { id: 'demo-task-reflection', title: 'Reflecting on a strategy discussion', instructions: 'Reflect on the fictional strategy discussion in the module: what went well, what you would do differently, and why.' },
] as const;

/** Seeds the demo mentor's assignments, submissions, feedback and moderation (ids are literals; dates relative to `now`). */
export async function seedDemoMentoring(db: Db, now = Date.now()): Promise<void> {
  const at = (days: number) => now + days * DAY;
  const date = (days: number) => new Date(at(days)).toISOString().slice(0, 10);
  const assignment = (id: string, menteeId: string, activityKind: 'task' | 'module', activityId: string, due: number, created: number, extra: Partial<typeof assignments.$inferInsert> = {}) => ({
    id, organisationId: ORG, menteeId, assignedBy: MENTOR, ownerId: MENTOR, activityKind, activityId, dueDate: date(due), note: null, askReview: true, revision: 0, requestKey: `demo-${id}`, createdAt: at(created), updatedAt: at(created), ...extra,
  });
  const answer = (id: string, assignmentId: string, personId: string, version: number, text: string, days: number) => ({ id, assignmentId, personId, version, text, createdAt: at(days) });
  const submission = (id: string, assignmentId: string, menteeId: string, version: number, workId: string, state: 'submitted' | 'revision-asked' | 'feedback-released', submitted: number, extra: Partial<typeof submissions.$inferInsert> = {}) => ({
    id, organisationId: ORG, assignmentId, menteeId, version, workKind: 'task' as const, workId, noteToMentor: null, state, reviewerId: MENTOR, rubricId: RUBRIC, submittedAt: at(submitted), ...extra,
  });

  await db.transaction(async (tx) => {
    await tx.insert(practiceTasks).values(TASKS.map((t) => ({ ...t, organisationId: ORG, authorId: MENTOR, locale: 'en' as const, createdAt: at(-30) })));
    await tx.insert(assignments).values([
      // Submitted, waiting in the queue.
      assignment('demo-ma-learner-opening', 'demo-learner', 'task', 'demo-task-opening', 5, -6),
      // Feedback ready.
      assignment('demo-ma-learner-strengths', 'demo-learner', 'task', 'demo-task-strengths', -10, -20),
      // A revision round: version 1 revision asked, version 2 submitted and waiting.
      assignment('demo-ma-p01-scaling', 'demo-p01', 'task', 'demo-task-scaling', 3, -12),
      // Not started, and overdue.
      assignment('demo-ma-p02-opening', 'demo-p02', 'task', 'demo-task-opening', 9, -1),
      assignment('demo-ma-p02-reflection', 'demo-p02', 'task', 'demo-task-reflection', -3, -14),
      // Done (no review asked), and withdrawn.
      assignment('demo-ma-p04-strengths', 'demo-p04', 'task', 'demo-task-strengths', 4, -8, { askReview: false }),
      assignment('demo-ma-p04-scaling', 'demo-p04', 'task', 'demo-task-scaling', 6, -9, { withdrawnAt: at(-4), withdrawnBy: MENTOR, updatedAt: at(-4) }),
      // In progress (a module section read), and feedback released while a second marking is under way.
      assignment('demo-ma-p07-decision', 'demo-p07', 'module', 'rm-decision', 14, -5),
      assignment('demo-ma-p07-reflection', 'demo-p07', 'task', 'demo-task-reflection', -6, -16),
    ]);
    await tx.insert(taskAnswers).values([
      answer('demo-ta-learner-opening', 'demo-ma-learner-opening', 'demo-learner', 1, 'I would introduce myself, say why I am there in plain words, and ask her what a good day looks like for Awel. Then I would listen more than I talk.', -2),
      answer('demo-ta-learner-strengths', 'demo-ma-learner-strengths', 'demo-learner', 1, 'Mr Jones walked the children to school every day this week. I told him I had noticed, and asked what helped him manage it.', -14),
      answer('demo-ta-p01-scaling-1', 'demo-ma-p01-scaling', 'demo-p01', 1, 'On a scale of 1 to 10, how safe is the house?', -9),
      answer('demo-ta-p01-scaling-2', 'demo-ma-p01-scaling', 'demo-p01', 2, 'If 10 is the children always have someone sober looking after them in the evening and 0 is never, where are things now? What would one point higher look like?', -2),
      answer('demo-ta-p04-strengths', 'demo-ma-p04-strengths', 'demo-p04', 1, 'Mrs Jones kept every health appointment this month and wrote them on the calendar with the children.', -3),
      answer('demo-ta-p07-reflection', 'demo-ma-p07-reflection', 'demo-p07', 1, 'The discussion kept to the evidence, but we did not hear enough from the school. Next time I would ask the school to speak first about what they see each day.', -10),
    ]);
    await tx.insert(submissions).values([
      submission('demo-sub-learner-opening', 'demo-ma-learner-opening', 'demo-learner', 1, 'demo-ta-learner-opening', 'submitted', -1, { noteToMentor: 'I was not sure how direct to be about the referral.' }),
      submission('demo-sub-learner-strengths', 'demo-ma-learner-strengths', 'demo-learner', 1, 'demo-ta-learner-strengths', 'feedback-released', -13, { releasedAt: at(-11) }),
      submission('demo-sub-p01-scaling-1', 'demo-ma-p01-scaling', 'demo-p01', 1, 'demo-ta-p01-scaling-1', 'revision-asked', -8, { revisionAskedAt: at(-7), revisionMessage: 'Say what 10 and 0 mean for the children, in the family’s words, so the answer can be measured.' }),
      submission('demo-sub-p01-scaling-2', 'demo-ma-p01-scaling', 'demo-p01', 2, 'demo-ta-p01-scaling-2', 'submitted', -2),
      submission('demo-sub-p07-reflection', 'demo-ma-p07-reflection', 'demo-p07', 1, 'demo-ta-p07-reflection', 'feedback-released', -9, { releasedAt: at(-5) }),
    ]);
    const strengths = marks(['secure', 'strong', 'secure', 'developing']);
    const moderatedFirst = marks(['secure', 'secure', 'developing', 'secure']);
    const moderatedSecond = marks(['secure', 'developing', 'developing', 'secure']);
    await tx.insert(markings).values([
      {
        id: 'demo-mark-learner-strengths', submissionId: 'demo-sub-learner-strengths', markerId: MENTOR, role: 'first', requestedBy: null, rubricId: RUBRIC, rubricVersion: 1, ...strengths,
        comments: { 'next-step': 'Say what you will look for next week so that you both know whether it is holding.' },
        overall: 'A clear, specific strength, told back to the family in a way that invites them to say more. Keep doing this.', revision: 2, updatedAt: at(-11), releasedAt: at(-11),
      },
      {
        id: 'demo-mark-p07-first', submissionId: 'demo-sub-p07-reflection', markerId: MENTOR, role: 'first', requestedBy: null, rubricId: RUBRIC, rubricVersion: 1, ...moderatedFirst,
        comments: { 'child-and-family': 'Where is the child in this? Add what the discussion meant for them.' },
        overall: 'An honest reflection with a concrete next step. Bring the child’s day into it next time.', revision: 1, updatedAt: at(-5), releasedAt: at(-5),
      },
      // The second marking: a draft, so neither mentor sees the other's yet.
      {
        id: 'demo-mark-p07-second', submissionId: 'demo-sub-p07-reflection', markerId: SECOND, role: 'second', requestedBy: MENTOR, rubricId: RUBRIC, rubricVersion: 1, ...moderatedSecond,
        comments: {}, overall: '', revision: 1, updatedAt: at(-3), releasedAt: null,
      },
    ]);
    await tx.insert(sectionVisits).values({ personId: 'demo-p07', organisationId: ORG, moduleId: 'rm-decision', sectionId: 'summarising-risk', firstVisitedAt: at(-2), lastVisitedAt: at(-2) });
    await tx.insert(commentBank).values([
      { id: 'demo-bank-1', mentorId: MENTOR, text: 'Say what you would look for next time, so that you both know whether it is working.', createdAt: at(-40) },
      { id: 'demo-bank-2', mentorId: MENTOR, text: 'Good use of the family’s own words.', createdAt: at(-39) },
      { id: 'demo-bank-3', mentorId: MENTOR, text: 'Where is the child in this? Add what it means for their day.', createdAt: at(-38) },
    ]);
  });
}
