import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workshopReactions } from '../../db/schema/index.ts';
import { book, pendingReactions, reactionFiguresFor, reactionForm, reactionPage, saveRegister } from '../../src/server/training/index.ts';
import { scopeOf } from '../support/scope.ts';
import { formPost, freshDatabase } from './support.ts';
import { addWorkshop, T0 } from './training-support.ts';

// The workshop runs on 20 March 2027, 09:30–12:30; the register is marked at 12:00, reactions come after 12:30.
const DURING = Date.UTC(2027, 2, 20, 12, 0);
const AFTER = Date.UTC(2027, 2, 20, 14, 0);
const ATTENDEES = ['demo-learner', 'demo-p01', 'demo-p02', 'demo-p03', 'demo-p04', 'demo-p05'];

let database: Awaited<ReturnType<typeof freshDatabase>>;
let workshopId: string;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
  workshopId = await addWorkshop(database.db, { facilitatorIds: ['demo-mentor'], places: 10 });
  for (const person of [...ATTENDEES, 'demo-p20']) await book(await scopeOf(database.db, person, T0), workshopId, { requestKey: person }, null);
  const marks = [...ATTENDEES.map((personId) => ({ personId, mark: 'attended', minutes: null })), { personId: 'demo-p20', mark: 'did-not-attend', minutes: null }];
  expect(await saveRegister(await scopeOf(database.db, 'demo-mentor', DURING), workshopId, marks, [], 0, null)).toEqual({ ok: true });
});
afterEach(() => database.cleanup());

const scope = (person: string, at = AFTER) => scopeOf(database.db, person, at);
const answer = (n: number, comment = '') => ({ usefulness: String(n), relevance: String(n), confidence: '4', comment });

describe('reactions after a workshop', () => {
  it('asks each attendee once the workshop has ended, and takes one reaction per person', async () => {
    expect((await reactionPage(await scope('demo-learner', DURING), workshopId))?.state).toBe('not-open');
    expect((await reactionPage(await scope('demo-learner'), workshopId))?.state).toBe('ask');
    expect((await pendingReactions(await scope('demo-learner'))).map((w) => w.id)).toEqual([workshopId]);

    const first = await reactionForm({ scope: await scope('demo-learner'), locale: 'cy' }, workshopId, formPost(answer(5, 'Defnyddiol iawn')));
    expect(first.redirect).toBe(`/cy/training/workshops/${workshopId}/reaction?done=thanks`);
    // A second answer (another tab) changes nothing.
    const second = await reactionForm({ scope: await scope('demo-learner'), locale: 'cy' }, workshopId, formPost(answer(1)));
    expect(second.status).toBe(303);
    const rows = await database.db.select().from(workshopReactions);
    expect(rows.map((r) => [r.personId, r.usefulness, r.comment])).toEqual([['demo-learner', 5, 'Defnyddiol iawn']]);
    expect((await reactionPage(await scope('demo-learner'), workshopId))?.state).toBe('given');
    expect(await pendingReactions(await scope('demo-learner'))).toEqual([]);
  });

  it('is not taken from someone who did not attend', async () => {
    expect((await reactionPage(await scope('demo-p20'), workshopId))?.state).toBe('not-open');
    const tried = await reactionForm({ scope: await scope('demo-p20'), locale: 'en' }, workshopId, formPost(answer(3)));
    expect(tried.status).toBe(403);
    expect(await database.db.select().from(workshopReactions)).toHaveLength(0);
  });

  it('shows each wrong rating beside its question, keeping what was typed', async () => {
    const tried = await reactionForm({ scope: await scope('demo-learner'), locale: 'en' }, workshopId, formPost({ usefulness: '6', relevance: '', confidence: '3', comment: 'x'.repeat(2001) }));
    expect(tried.status).toBe(422);
    expect(Object.keys(tried.errors).sort()).toEqual(['comment', 'relevance', 'usefulness']);
    expect(tried.values.confidence).toBe('3');
  });

  it('shows figures only from 5 answers, to facilitators and admins, and comments without names to admins only', async () => {
    for (const [i, person] of ATTENDEES.slice(0, 4).entries()) await reactionForm({ scope: await scope(person), locale: 'en' }, workshopId, formPost(answer(i + 2, i === 0 ? 'Useful role-play' : '')));
    expect(await reactionFiguresFor(await scope('demo-admin'), workshopId)).toEqual({ answered: 4, figures: null, comments: null });

    await reactionForm({ scope: await scope(ATTENDEES[4]!), locale: 'en' }, workshopId, formPost(answer(5)));
    const forAdmin = await reactionFiguresFor(await scope('demo-admin'), workshopId);
    expect(forAdmin?.figures?.n).toBe(5);
    expect(forAdmin?.figures?.usefulness).toEqual({ mean: (2 + 3 + 4 + 5 + 5) / 5, counts: [0, 1, 1, 1, 2] });
    expect(forAdmin?.comments).toEqual(['Useful role-play']);

    const forFacilitator = await reactionFiguresFor(await scope('demo-mentor'), workshopId);
    expect(forFacilitator?.figures?.n).toBe(5);
    expect(forFacilitator?.comments).toBeNull();
    expect(await reactionFiguresFor(await scope('demo-learner'), workshopId)).toBeNull();
    expect(await reactionFiguresFor(await scope('demo-other-admin'), workshopId)).toBeNull();
  });
});
