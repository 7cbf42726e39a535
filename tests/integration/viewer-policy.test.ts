import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayOnWorkshop, personSections, type WorkshopTarget } from '../../src/server/access/policy.ts';
import { loadViewer, personTarget } from '../../src/server/people/people-repo.ts';
import { freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  database = await freshDatabase({ demo: true });
});
afterAll(() => database.cleanup());

const load = async (id: string) => {
  const viewer = await loadViewer(database.db, id);
  if (!viewer) throw new Error(`no viewer ${id}`);
  return viewer;
};

describe('the signed-in person as the policy sees them', () => {
  it('carries the teams they belong to, so a workshop closed to other teams is open to them', async () => {
    const learner = await load('demo-learner');
    expect(learner.teamIds).toEqual(['demo-team-assessment']);
    const workshop = (teamIds: string[]): WorkshopTarget => ({ organisationId: learner.organisationId, teamIds, facilitatorIds: [], createdBy: 'demo-admin', cancelled: false });
    expect(mayOnWorkshop(learner, 'workshop.book', workshop(['demo-team-assessment']))).toBe(true);
    expect(mayOnWorkshop(learner, 'workshop.book', workshop(['demo-team-uplands']))).toBe(false);
  });

  it('gives a mentor their mentee\'s progress section and a manager the team member\'s training record', async () => {
    const target = await personTarget(database.db, 'demo-learner');
    if (!target) throw new Error('no demo-learner');
    expect(personSections(await load('demo-mentor'), target)).toContain('progress');
    expect(personSections(await load('demo-mentor'), target)).not.toContain('trainingRecord');
    expect(personSections(await load('demo-manager'), target)).toContain('trainingRecord');
    expect(personSections(await load('demo-manager'), target)).not.toContain('progress');
    expect(personSections(await load('demo-manager-2'), target)).toEqual([]);
  });
});
