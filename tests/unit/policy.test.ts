import { describe, expect, it } from 'vitest';
import { mayInOrganisation, mayOnPerson, type Actor, type PersonAction, type PersonTarget } from '../../src/server/access/policy.ts';

const ORG = 'org-1';
const actors: Record<string, Actor> = {
  learner: { id: 'learner', organisationId: ORG, roles: ['learner'], managedTeamIds: [], menteeIds: [] },
  mentor: { id: 'mentor', organisationId: ORG, roles: ['mentor'], managedTeamIds: [], menteeIds: ['mentee'] },
  manager: { id: 'manager', organisationId: ORG, roles: ['manager'], managedTeamIds: ['team-a'], menteeIds: [] },
  admin: { id: 'admin', organisationId: ORG, roles: ['admin'], managedTeamIds: [], menteeIds: [] },
  otherAdmin: { id: 'other-admin', organisationId: 'org-2', roles: ['admin'], managedTeamIds: [], menteeIds: [] },
};
const targets: Record<string, (actor: Actor) => PersonTarget> = {
  self: (a) => ({ id: a.id, organisationId: a.organisationId, teamIds: [] }),
  mentee: () => ({ id: 'mentee', organisationId: ORG, teamIds: ['team-b'] }),
  teamMember: () => ({ id: 'member', organisationId: ORG, teamIds: ['team-a'] }),
  colleague: () => ({ id: 'colleague', organisationId: ORG, teamIds: ['team-b'] }),
  otherOrganisation: () => ({ id: 'stranger', organisationId: 'org-2', teamIds: ['team-a'] }),
};

// role × action × whose record → allowed?
const table: [string, PersonAction, string, boolean][] = [
  ['learner', 'person.view', 'self', true],
  ['learner', 'person.view', 'colleague', false],
  ['learner', 'person.view', 'mentee', false],
  ['learner', 'person.view', 'otherOrganisation', false],
  ['learner', 'person.manage', 'self', false],
  ['mentor', 'person.view', 'mentee', true],
  ['mentor', 'person.view', 'colleague', false],
  ['mentor', 'person.view', 'teamMember', false],
  ['mentor', 'person.manage', 'mentee', false],
  ['manager', 'person.view', 'teamMember', true],
  ['manager', 'person.view', 'colleague', false],
  ['manager', 'person.view', 'mentee', false],
  ['manager', 'person.view', 'otherOrganisation', false],
  ['manager', 'person.manage', 'teamMember', false],
  ['admin', 'person.view', 'colleague', true],
  ['admin', 'person.manage', 'colleague', true],
  ['admin', 'person.manage', 'self', true],
  ['admin', 'person.view', 'otherOrganisation', false],
  ['admin', 'person.manage', 'otherOrganisation', false],
  ['otherAdmin', 'person.view', 'colleague', false],
  // How learning contributed to practice is the person's own: a manager sees titles and time only.
  ['learner', 'cpd.contribution.view', 'self', true],
  ['manager', 'cpd.contribution.view', 'teamMember', false],
  ['mentor', 'cpd.contribution.view', 'mentee', false],
  ['admin', 'cpd.contribution.view', 'colleague', false],
];

describe('who may see or change a person record', () => {
  it.each(table)('%s, %s on %s → %s', (actorName, action, targetName, expected) => {
    const actor = actors[actorName]!;
    expect(mayOnPerson(actor, action, targets[targetName]!(actor))).toBe(expected);
  });

  it('denies everything to someone not signed in', () => {
    expect(mayOnPerson(null, 'person.view', targets.colleague!(actors.admin!))).toBe(false);
    expect(mayInOrganisation(null, 'people.list')).toBe(false);
  });
});

describe('organisation-wide actions', () => {
  const actions = ['people.list', 'people.invite', 'people.import', 'teams.manage', 'audit.view', 'outbox.view', 'organisation.overview'] as const;
  it.each(actions)('%s is for administrators only', (action) => {
    expect(mayInOrganisation(actors.admin!, action)).toBe(true);
    for (const name of ['learner', 'mentor', 'manager'] as const) expect(mayInOrganisation(actors[name]!, action)).toBe(false);
  });
});
