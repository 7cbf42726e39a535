import { describe, expect, it } from 'vitest';
import { mayInOrganisation, mayOnEvaluation, type EvaluationTarget } from '../../src/server/access/policy.ts';
import { actor, ORG, otherOrganisation } from '../support/policy-actors.ts';

const admin = actor('admin', ['admin']);
const coastManager = actor('coast-manager', ['manager', 'learner'], { managedTeamIds: ['team-coast'], teamIds: ['team-coast'] });
const practitioner = actor('coast', ['learner'], { teamIds: ['team-coast'] });
const mentor = actor('mentor', ['mentor', 'learner'], { menteeIds: ['coast'], teamIds: ['team-coast'] });

const organisation: EvaluationTarget = { organisationId: ORG, kind: 'organisation' };
const coast: EvaluationTarget = { organisationId: ORG, kind: 'team', teamId: 'team-coast' };
const uplands: EvaluationTarget = { organisationId: ORG, kind: 'team', teamId: 'team-uplands' };
const programme: EvaluationTarget = { organisationId: ORG, kind: 'programme' };
const phase: EvaluationTarget = { organisationId: ORG, kind: 'phase' };

describe('the evaluation report', () => {
  it('is open to administrators and managers, not to practitioners or mentors', () => {
    expect(mayInOrganisation(admin, 'evaluation.report')).toBe(true);
    expect(mayInOrganisation(coastManager, 'evaluation.report')).toBe(true);
    expect(mayInOrganisation(practitioner, 'evaluation.report')).toBe(false);
    expect(mayInOrganisation(mentor, 'evaluation.report')).toBe(false);
    expect(mayInOrganisation(null, 'evaluation.report')).toBe(false);
  });

  it('shows an administrator every scope of their organisation', () => {
    for (const target of [organisation, coast, uplands, programme, phase]) expect(mayOnEvaluation(admin, 'evaluation.view', target)).toBe(true);
  });

  it('shows a manager only the teams they manage', () => {
    expect(mayOnEvaluation(coastManager, 'evaluation.view', coast)).toBe(true);
    for (const target of [organisation, uplands, programme, phase]) expect(mayOnEvaluation(coastManager, 'evaluation.view', target)).toBe(false);
  });

  it('shows practitioners and mentors no scope at all', () => {
    for (const who of [practitioner, mentor]) {
      for (const target of [organisation, coast]) expect(mayOnEvaluation(who, 'evaluation.view', target)).toBe(false);
    }
  });

  it('shows nothing of another organisation to its administrators or managers', () => {
    for (const who of [admin, coastManager].map(otherOrganisation)) {
      for (const target of [organisation, coast]) expect(mayOnEvaluation(who, 'evaluation.view', target)).toBe(false);
    }
  });
});

describe('what only administrators do in the evaluation', () => {
  it('only an administrator enters service indicators', () => {
    expect(mayInOrganisation(admin, 'evaluation.indicators.manage')).toBe(true);
    for (const who of [coastManager, practitioner, mentor]) expect(mayInOrganisation(who, 'evaluation.indicators.manage')).toBe(false);
  });

  it('only an administrator writes the recommendations; a manager reads their team\'s', () => {
    expect(mayOnEvaluation(admin, 'evaluation.notes.write', coast)).toBe(true);
    expect(mayOnEvaluation(admin, 'evaluation.notes.write', organisation)).toBe(true);
    expect(mayOnEvaluation(coastManager, 'evaluation.notes.write', coast)).toBe(false);
    expect(mayOnEvaluation(otherOrganisation(admin), 'evaluation.notes.write', organisation)).toBe(false);
  });
});
