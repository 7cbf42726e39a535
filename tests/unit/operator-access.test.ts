import { describe, expect, it } from 'vitest';
import { isRouteAllowed } from '../../src/server/access/access-rules.ts';
import type { Actor } from '../../src/server/access/policy.ts';
import { refusingScope, ScopeRefused } from '../../src/server/people/scope.ts';

const operator: Actor = { id: 'op', organisationId: 'platform', roles: [], teamIds: [], managedTeamIds: [], menteeIds: [], operator: true };
const person = (roles: Actor['roles']): Actor => ({ id: 'p', organisationId: 'o', roles, teamIds: [], managedTeamIds: [], menteeIds: [] });

describe('routes for a platform operator', () => {
  it.each(['/operator', '/operator/', '/operator/audit', '/operator/account', '/operator/organisations/new', '/operator/organisations/x', '/operator/comparison'])('%s is open to an operator', (path) => {
    expect(isRouteAllowed(path, operator)).toBe('allow');
  });

  it.each(['/', '/home', '/home/'])('%s sends an operator to their own home', (path) => {
    expect(isRouteAllowed(path, operator)).toBe('operator-home');
  });

  it.each(['/sign-out', '/sign-in', '/set-password', '/forgot-password', '/health', '/403', '/_astro/x.css'])('%s stays open to an operator', (path) => {
    expect(isRouteAllowed(path, operator)).toBe('allow');
  });

  it.each([
    '/account',
    '/admin',
    '/admin/people',
    '/admin/audit',
    '/people/demo-learner',
    '/evaluation',
    '/evaluation/export.csv',
    '/mentoring',
    '/training',
    '/training/tna.csv',
    '/practice',
    '/practice/consistency',
    '/cpd',
    '/cpd.csv',
    '/learn',
    '/search',
    '/api/simulations/x',
    '/operatorx',
    '/some/new/page',
  ])('%s is forbidden to an operator, whatever it is', (path) => {
    expect(isRouteAllowed(path, operator)).toBe('forbidden');
  });
});

describe('the operator routes for everyone else', () => {
  it.each(['/operator', '/operator/audit', '/operator/organisations/x', '/operator/comparison'])('%s is forbidden to every role', (path) => {
    for (const role of ['learner', 'mentor', 'manager', 'admin'] as const) expect(isRouteAllowed(path, person([role]))).toBe('forbidden');
    expect(isRouteAllowed(path, person(['admin', 'manager', 'mentor', 'learner']))).toBe('forbidden');
  });

  it('asks someone not signed in to sign in first', () => {
    expect(isRouteAllowed('/operator', null)).toBe('sign-in');
  });

  it('leaves home pages as they were for council staff', () => {
    expect(isRouteAllowed('/', person(['learner']))).toBe('allow');
    expect(isRouteAllowed('/home', person(['learner']))).toBe('allow');
  });
});

describe('the organisation scope of an operator request', () => {
  const scope = refusingScope(new Date(0));

  it.each(['organisationId', 'db', 'viewer'] as const)('refuses any read of its %s', (part) => {
    expect(() => scope[part]).toThrow(ScopeRefused);
  });

  it('refuses being taken apart as repository functions do', () => {
    expect(() => {
      const { db, organisationId } = scope;
      return [db, organisationId];
    }).toThrow(ScopeRefused);
  });

  it('gives nothing usable when copied: the refused parts do not come along', () => {
    expect(() => ({ ...scope, organisationId: 'x' })).not.toThrow();
    // A spread copies no refused part (they are not enumerable), so the copy has no database either.
    expect(({ ...scope } as { db?: unknown }).db).toBeUndefined();
  });

  it('keeps the request clock and cannot be changed', () => {
    expect(scope.now).toEqual(new Date(0));
    expect(() => Object.assign(scope, { organisationId: 'o' })).toThrow(TypeError);
  });
});
