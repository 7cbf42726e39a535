import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoMentoring } from '../../db/seed/demo.ts';
import { loadContent } from '../../src/content/load.ts';
import { mentoringWorkspace } from '../../src/server/mentoring/workspace.ts';
import { releasedFeedback, reviewQueue, submissionForReview } from '../../src/server/mentoring/review.ts';
import { moderationOf } from '../../src/server/mentoring/moderation.ts';
import { commentBankOf } from '../../src/server/mentoring/comment-bank.ts';
import type { ContentCatalogue } from '../../src/server/mentoring/activity-catalogue.ts';
import { fixtureCatalogue } from '../fixtures/catalogue.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';
import { resolve } from 'node:path';

let database: Awaited<ReturnType<typeof freshDatabase>>;
// Monday 7 December 2026, 10:00 in London: the demo's dates are relative to the seed's clock.
const NOW = Date.UTC(2026, 11, 7, 10);
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
  await seedDemoMentoring(database.db, NOW);
});
afterEach(() => database.cleanup());

const as = (id: string) => scopeOf(database.db, id, NOW);
const { rubrics } = loadContent(resolve('content'));
// The module the demo assigns, beside the test catalogue (astro:content is not loaded in tests).
const catalogue: ContentCatalogue = [...fixtureCatalogue, { kind: 'module', id: 'rm-decision', title: { en: 'The decision', cy: 'Y penderfyniad' }, programmeId: 'risk-model' }];

describe('the demo mentor’s workspace on first start', () => {
  it('has assignments in every status across several mentees', async () => {
    const { assignments } = await mentoringWorkspace(await as('demo-mentor'), catalogue);
    expect(new Set(assignments.map((a) => a.status))).toEqual(new Set(['not-started', 'in-progress', 'done', 'submitted', 'feedback-ready', 'overdue', 'withdrawn']));
    expect(new Set(assignments.map((a) => a.menteeId)).size).toBeGreaterThanOrEqual(5);
  });

  it('has two submissions waiting, one of them the second version after a revision was asked', async () => {
    const queue = await reviewQueue(await as('demo-mentor'), {}, catalogue);
    expect(queue.map((q) => [q.menteeName, q.version, q.role])).toEqual([['Aled Roberts', 2, 'first'], ['Elin Hughes', 1, 'first']]);
  });

  it('has released feedback the demo learner can read, and a comment bank', async () => {
    const feedback = await releasedFeedback(await as('demo-learner'), 'demo-ma-learner-strengths', 1, rubrics, catalogue);
    expect(feedback).toMatchObject({ reviewerName: 'Gwenno Parry', total: 12, max: 16 });
    expect(await commentBankOf(await as('demo-mentor'))).toHaveLength(3);
  });

  it('has a moderation in progress: the second demo mentor’s draft, neither marking shown to the other yet', async () => {
    expect(await reviewQueue(await as('demo-mentor-2'), {}, catalogue)).toEqual([expect.objectContaining({ id: 'demo-sub-p07-reflection', role: 'second', menteeName: 'Gethin Thomas' })]);
    expect(await moderationOf(await as('demo-mentor-2'), 'demo-sub-p07-reflection')).toMatchObject({ role: 'second', otherName: 'Gwenno Parry', mineReleased: false, otherReleased: true, other: null });
    expect(await moderationOf(await as('demo-mentor'), 'demo-sub-p07-reflection')).toMatchObject({ role: 'first', otherName: 'Iwan Jones', mineReleased: true, other: null });
    expect(await submissionForReview(await as('demo-mentor-2'), 'demo-sub-p07-reflection', rubrics, catalogue)).toMatchObject({ work: { kind: 'task' }, marking: { total: 10, releasedAt: null } });
  });
});
