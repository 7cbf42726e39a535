import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countStatements } from '../../db/statement-count.ts';
import { simulationAttempts } from '../../db/schema/index.ts';
import { continueLearningFor } from '../../src/server/learning/continue-learning.ts';
import { learningProgress, recordSectionVisit, submitKnowledgeCheck } from '../../src/server/learning/learning.ts';
import { assignedToMe, assignWork, type AssignInput } from '../../src/server/mentoring/assignments.ts';
import { homeOverview } from '../../src/server/people/home-overview.ts';
import { countPeopleByStatus, getPersonDetail, listMenteesOf, listTeamsWithPeople } from '../../src/server/people/people-repo.ts';
import { dueConfidencePrompts, skipConfidence } from '../../src/server/training/confidence.ts';
import { pendingReactions } from '../../src/server/training/reactions.ts';
import { fixtureCatalogue as catalogue } from '../fixtures/catalogue.ts';
import { allRight, fixtureModule, threeRight } from '../fixtures/module.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';

// The home page's budget of SQL statements (issue #19): each reader below is one statement,
// counted at the database client, and returns what the page showed before.
let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const NOW = Date.UTC(2026, 11, 7, 10);
const DAY = 86_400_000;
const as = (id: string, now = NOW) => scopeOf(database.db, id, now);

/** Runs `work` and answers its result with the number of SQL statements it sent. */
async function counted<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const { result, tally } = countStatements(work);
  const value = await result;
  return { result: value, statements: tally.statements };
}

describe("a learner's progress on the home page and the catalogue", () => {
  // A learner with no learning history in the demo data.
  const learner = 'demo-p01';
  const module = fixtureModule();
  const outline = { id: module.programme, moduleIds: [module.id], statementIds: ['s1'] };

  it('is read in one statement per request, shared by continue learning and the training prompts', async () => {
    await recordSectionVisit(await as(learner, NOW), module, 'one');
    await recordSectionVisit(await as(learner, NOW + 1_000), module, 'two');
    await submitKnowledgeCheck(await as(learner, NOW + 2_000), { module, version: 1, answers: threeRight, startedAt: null });
    const scope = await as(learner, NOW + DAY);
    const { result, statements } = await counted(async () => ({
      progress: (await learningProgress(scope)).get(module.id),
      place: await continueLearningFor(scope, async (id) => (id === module.id ? module : null)),
      due: await dueConfidencePrompts(scope, [outline]),
      reactions: await pendingReactions(scope),
      again: (await learningProgress(scope)).get(module.id),
    }));
    // One for the progress, one for the training prompts (reactions to give, confidence prompts closed).
    expect(statements).toBe(2);
    expect(result.progress).toEqual({
      visited: expect.arrayContaining(['one', 'two']),
      lastSectionId: 'two',
      lastVisitedAt: NOW + 1_000,
      attempts: 1,
      lastAttempt: { moduleId: module.id, passed: false, score: 3, total: 5, submittedAt: NOW + 2_000 },
      completedVersions: [],
      completedAt: null,
    });
    expect(result.again).toEqual(result.progress);
    expect(result.place).toMatchObject({ section: { id: 'two' }, next: { kind: 'section', section: { id: 'three' } } });
    expect(result.due).toEqual([{ programmeId: module.programme, moment: 'before' }]);
    expect(result.reactions).toEqual([]);
    // Skipping the prompt in the same request forgets what was read.
    expect(await skipConfidence(scope, outline, 'before')).toEqual({ ok: true });
    expect(await dueConfidencePrompts(scope, [outline])).toEqual([]);
  });

  it('is read again after the person records a visit or a check in the same request', async () => {
    const scope = await as(learner, NOW);
    expect((await learningProgress(scope)).size).toBe(0);
    for (const section of module.sections) await recordSectionVisit(scope, module, section.id);
    expect((await learningProgress(scope)).get(module.id)?.visited).toHaveLength(3);
    await submitKnowledgeCheck(scope, { module, version: 1, answers: allRight, startedAt: null });
    expect((await learningProgress(scope)).get(module.id)).toMatchObject({ attempts: 1, completedVersions: [1], completedAt: NOW });
  });
});

describe('the work assigned to a learner', () => {
  async function assign(input: Partial<AssignInput>): Promise<string> {
    const result = await assignWork(
      await as('demo-mentor'),
      { menteeIds: ['demo-learner'], activity: { kind: 'module', id: 'rm-threshold' }, dueDate: '2026-12-18', note: null, askReview: false, requestKey: `key-${Math.random()}`, ...input },
      '127.0.0.1',
      catalogue,
    );
    if (!result.ok) throw new Error(`not assigned: ${JSON.stringify(result.errors)}`);
    return result.ids[0]!;
  }

  it('is read in two statements (the rows, then all their progress), whatever kinds of work it holds', async () => {
    await assign({ activity: { kind: 'module', id: 'rm-threshold' }, dueDate: '2026-12-10' });
    await assign({ activity: { kind: 'programme', id: 'risk-model' }, dueDate: '2026-12-11' });
    const conversation = await assign({ activity: { kind: 'conversation', id: 'cc-awel' }, dueDate: '2026-12-12' });
    await assign({ activity: { kind: 'vignette', id: 'v-cellar' }, dueDate: '2026-12-13' });
    await recordSectionVisit(await as('demo-learner', NOW + 1), fixtureModule({ id: 'rm-threshold', programme: 'risk-model' }), 'one');
    await database.db.insert(simulationAttempts).values({ id: 'open', personId: 'demo-learner', organisationId: 'demo-org', kind: 'conversation', scenarioId: 'cc-awel', scenarioVersion: 1, snapshot: {}, status: 'in-progress', startedAt: NOW + 1, updatedAt: NOW + 1 });
    const scope = await as('demo-learner', NOW + DAY);
    const { result, statements } = await counted(() => assignedToMe(scope, catalogue));
    expect(statements).toBe(2);
    expect(result.map((item) => [item.activity.id, item.status, item.path])).toEqual([
      ['rm-threshold', 'in-progress', '/learn/risk-model/rm-threshold'],
      ['risk-model', 'in-progress', '/learn/risk-model'],
      ['cc-awel', 'in-progress', '/simulations/attempts/open'],
      ['v-cellar', 'not-started', expect.stringMatching(/^\/assigned\//)],
    ]);
    expect(result[2]).toMatchObject({ id: conversation, assignedBy: { id: 'demo-mentor', name: 'Gwenno Parry' }, menteeName: 'Elin Hughes' });
  });
});

describe("the home page's overview of the people around the viewer", () => {
  it('is one statement, and says what the separate people readers say', async () => {
    for (const personId of ['demo-learner', 'demo-mentor', 'demo-manager', 'demo-admin']) {
      const scope = await as(personId);
      const { result, statements } = await counted(() => homeOverview(scope, { mentees: true, managedTeams: true, allTeams: true, statusCounts: true }));
      expect(statements).toBe(1);
      const detail = (await getPersonDetail(scope, personId))!;
      const teams = (list: Awaited<ReturnType<typeof listTeamsWithPeople>>) =>
        list.map((t) => ({ id: t.id, nameEn: t.nameEn, nameCy: t.nameCy, members: t.members.map(({ id, name, status }) => ({ id, name, status })), managers: t.managers.map(({ id, name }) => ({ id, name })) }));
      expect(result).toEqual({
        renewalDate: detail.renewalDate,
        mentor: detail.mentor,
        teams: detail.teams.map(({ id, nameEn, nameCy }) => ({ id, nameEn, nameCy })),
        mentees: await listMenteesOf(scope, personId),
        managedTeams: teams(await listTeamsWithPeople(scope, scope.viewer.managedTeamIds)),
        allTeams: teams(await listTeamsWithPeople(scope)),
        statusCounts: await countPeopleByStatus(scope),
      });
    }
  });

  it('reads only the parts asked for', async () => {
    const overview = await homeOverview(await as('demo-mentor'));
    expect(overview).toMatchObject({ mentees: [], managedTeams: [], allTeams: [], statusCounts: null, mentor: null });
    expect(overview.teams.length).toBeGreaterThan(0);
  });
});
