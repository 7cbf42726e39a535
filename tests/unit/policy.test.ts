import { describe, expect, it } from 'vitest';
import { mayInOrganisation, mayOnPerson, personSections, type Actor, type PersonAction, type PersonTarget } from '../../src/server/access/policy.ts';

const ORG = 'org-1';
const actors: Record<string, Actor> = {
  learner: { id: 'learner', organisationId: ORG, roles: ['learner'], teamIds: ['team-b'], managedTeamIds: [], menteeIds: [] },
  mentor: { id: 'mentor', organisationId: ORG, roles: ['mentor'], teamIds: ['team-b'], managedTeamIds: [], menteeIds: ['mentee'] },
  manager: { id: 'manager', organisationId: ORG, roles: ['manager'], teamIds: [], managedTeamIds: ['team-a'], menteeIds: [] },
  admin: { id: 'admin', organisationId: ORG, roles: ['admin'], teamIds: [], managedTeamIds: [], menteeIds: [] },
  otherAdmin: { id: 'other-admin', organisationId: 'org-2', roles: ['admin'], teamIds: [], managedTeamIds: [], menteeIds: [] },
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
  const actions = [
    'people.list',
    'people.invite',
    'people.import',
    'teams.manage',
    'audit.view',
    'outbox.view',
    'organisation.overview',
    'training.rules.manage',
    'training.phases.manage',
    'training.welsh-medium.view',
  ] as const;
  it.each(actions)('%s is for administrators only', (action) => {
    expect(mayInOrganisation(actors.admin!, action)).toBe(true);
    for (const name of ['learner', 'mentor', 'manager'] as const) expect(mayInOrganisation(actors[name]!, action)).toBe(false);
  });

  it('the mentoring workspace is for mentors and administrators (who hold work whose mentor has gone)', () => {
    expect(mayInOrganisation(actors.mentor!, 'mentoring.workspace')).toBe(true);
    expect(mayInOrganisation(actors.admin!, 'mentoring.workspace')).toBe(true);
    expect(mayInOrganisation(actors.manager!, 'mentoring.workspace')).toBe(false);
    expect(mayInOrganisation(actors.learner!, 'mentoring.workspace')).toBe(false);
  });

  it.each(['workshops.add', 'training.needs.view', 'training.rollout.view'] as const)('%s is for managers and administrators', (action) => {
    expect(mayInOrganisation(actors.manager!, action)).toBe(true);
    expect(mayInOrganisation(actors.admin!, action)).toBe(true);
    expect(mayInOrganisation(actors.mentor!, action)).toBe(false);
    expect(mayInOrganisation(actors.learner!, action)).toBe(false);
  });

  it('a person holding several roles gets what each role allows', () => {
    const mentorManager: Actor = { ...actors.mentor!, roles: ['mentor', 'manager'] };
    expect(mayInOrganisation(mentorManager, 'mentoring.workspace')).toBe(true);
    expect(mayInOrganisation(mentorManager, 'workshops.add')).toBe(true);
    expect(mayInOrganisation(mentorManager, 'training.rules.manage')).toBe(false);
  });
});

describe('the sections of a person page each viewer sees', () => {
  it('a mentor sees their mentee\'s details, threshold answers, CPD, assignment status and progress', () => {
    expect(personSections(actors.mentor!, targets.mentee!(actors.mentor!))).toEqual(['details', 'thresholdAnswers', 'cpd', 'assignmentStatus', 'progress']);
  });

  it('a manager sees their team member\'s session counts and training record but not their progress', () => {
    expect(personSections(actors.manager!, targets.teamMember!(actors.manager!))).toEqual([
      'details',
      'thresholdAnswers',
      'cpd',
      'assignmentStatus',
      'sessionCounts',
      'trainingRecord',
    ]);
  });

  it('a person sees every section of their own page except session counts', () => {
    expect(personSections(actors.learner!, targets.self!(actors.learner!))).toEqual([
      'details',
      'thresholdAnswers',
      'cpd',
      'assignmentStatus',
      'progress',
      'trainingRecord',
    ]);
  });

  it('an administrator sees what a manager sees, for anyone in the organisation', () => {
    expect(personSections(actors.admin!, targets.colleague!(actors.admin!))).toEqual([
      'details',
      'thresholdAnswers',
      'cpd',
      'assignmentStatus',
      'sessionCounts',
      'trainingRecord',
    ]);
  });

  it('someone who is both mentor and manager of a person sees both sets of sections', () => {
    const both: Actor = { ...actors.mentor!, roles: ['mentor', 'manager'], managedTeamIds: ['team-b'] };
    expect(personSections(both, targets.mentee!(both))).toEqual(['details', 'thresholdAnswers', 'cpd', 'assignmentStatus', 'progress', 'sessionCounts', 'trainingRecord']);
  });

  it('a record the viewer may not see has no sections', () => {
    expect(personSections(actors.learner!, targets.colleague!(actors.learner!))).toEqual([]);
    expect(personSections(actors.mentor!, targets.teamMember!(actors.mentor!))).toEqual([]);
    expect(personSections(null, targets.colleague!(actors.admin!))).toEqual([]);
  });

  it('another organisation\'s record has no sections, even for an administrator', () => {
    expect(personSections(actors.admin!, targets.otherOrganisation!(actors.admin!))).toEqual([]);
    expect(personSections(actors.otherAdmin!, targets.colleague!(actors.admin!))).toEqual([]);
  });

  it('the details section is shown exactly to those who may view the record', () => {
    for (const actor of Object.values(actors)) {
      for (const makeTarget of Object.values(targets)) {
        const target = makeTarget(actor);
        expect(personSections(actor, target).includes('details')).toBe(mayOnPerson(actor, 'person.view', target));
      }
    }
  });
});
