import { describe, expect, it } from 'vitest';
import { checkOverride, resolveNeed, type NeedRule } from '../../src/domain/training/index.ts';

const rule = (teamId: string, role: string, need: NeedRule['need'], workshopRequired = false, programmeId = 'risk-model'): NeedRule => ({ programmeId, teamId, role, need, workshopRequired });
const practitioner = { teamIds: ['assessment'], roles: ['learner'] as const };

describe('resolving a person’s need for a programme', () => {
  it('is not needed when no rule applies', () => {
    expect(resolveNeed([], practitioner, 'risk-model')).toEqual({ need: 'not-needed', workshopRequired: false, source: 'default' });
  });

  it('follows an organisation rule for everyone', () => {
    expect(resolveNeed([rule('', '', 'recommended')], practitioner, 'risk-model')).toEqual({ need: 'recommended', workshopRequired: false, source: 'organisation' });
  });

  it('prefers a role rule to the organisation rule', () => {
    expect(resolveNeed([rule('', '', 'recommended'), rule('', 'learner', 'required')], practitioner, 'risk-model').source).toBe('role');
  });

  it('prefers a team rule to a role rule, even a weaker one', () => {
    const resolved = resolveNeed([rule('', 'learner', 'required'), rule('assessment', '', 'recommended')], practitioner, 'risk-model');
    expect(resolved).toEqual({ need: 'recommended', workshopRequired: false, source: 'team' });
  });

  it('prefers a team-and-role rule to everything but an override', () => {
    const rules = [rule('', '', 'required'), rule('assessment', '', 'required', true), rule('assessment', 'learner', 'not-needed')];
    expect(resolveNeed(rules, practitioner, 'risk-model')).toEqual({ need: 'not-needed', workshopRequired: false, source: 'team-role' });
  });

  it('lets an override win, keeping the workshop requirement of the rules', () => {
    const rules = [rule('assessment', '', 'recommended', true)];
    expect(resolveNeed(rules, practitioner, 'risk-model', { need: 'required', reason: 'New to child protection' })).toEqual({ need: 'required', workshopRequired: true, source: 'override' });
    expect(resolveNeed(rules, practitioner, 'risk-model', { need: 'not-needed', reason: 'Completed elsewhere' })).toEqual({ need: 'not-needed', workshopRequired: false, source: 'override' });
  });

  it('takes the strongest need over several teams, with that rule’s workshop requirement', () => {
    const person = { teamIds: ['assessment', 'coastal'], roles: ['learner'] as const };
    const rules = [rule('assessment', '', 'recommended', false), rule('coastal', '', 'required', true)];
    expect(resolveNeed(rules, person, 'risk-model')).toEqual({ need: 'required', workshopRequired: true, source: 'team' });
  });

  it('ignores rules of other programmes and other teams', () => {
    const rules = [rule('assessment', '', 'required', false, 'effective-child-protection'), rule('uplands', '', 'required')];
    expect(resolveNeed(rules, practitioner, 'risk-model').source).toBe('default');
  });
});

describe('checking an override', () => {
  it('needs a known need and a reason', () => {
    expect(checkOverride({ need: 'required', reason: 'Joined from another authority' })).toEqual({});
    expect(checkOverride({ need: 'urgent', reason: '  ' })).toEqual({ need: 'tna.errors.need', reason: 'tna.errors.reason' });
  });
});
