import { describe, expect, it } from 'vitest';
import { isRouteAllowed } from '../../src/server/access/access-rules.ts';
import type { Actor } from '../../src/server/access/policy.ts';

const person = (roles: Actor['roles']): Actor => ({ id: 'p', organisationId: 'o', roles, teamIds: [], managedTeamIds: [], menteeIds: [] });

describe('route access (deny by default)', () => {
  it.each(['/', '/sign-in', '/forgot-password', '/set-password', '/health', '/404'])('%s is open to everyone', (path) => {
    expect(isRouteAllowed(path, null)).toBe('allow');
  });

  it.each(['/home', '/account', '/people/x', '/admin/people', '/some/new/page', '/sign-out'])('%s needs signing in', (path) => {
    expect(isRouteAllowed(path, null)).toBe('sign-in');
  });

  it.each(['/api/simulations/x', '/api'])('%s answers a script without a session (no redirect)', (path) => {
    expect(isRouteAllowed(path, null)).toBe('unauthorised');
    expect(isRouteAllowed(path, person(['learner']))).toBe('allow');
  });

  it.each(['/admin', '/admin/', '/admin/people', '/admin/audit', '/admin/people/x'])('%s is for administrators only', (path) => {
    for (const role of ['learner', 'mentor', 'manager'] as const) expect(isRouteAllowed(path, person([role]))).toBe('forbidden');
    expect(isRouteAllowed(path, person(['admin']))).toBe('allow');
  });

  it.each(['/mentoring', '/mentoring/', '/mentoring/assignments/x', '/mentoring/overview.csv'])('%s is for mentors and administrators only', (path) => {
    for (const role of ['learner', 'manager'] as const) expect(isRouteAllowed(path, person([role]))).toBe('forbidden');
    expect(isRouteAllowed(path, person(['mentor']))).toBe('allow');
    expect(isRouteAllowed(path, person(['admin']))).toBe('allow');
    expect(isRouteAllowed(path, null)).toBe('sign-in');
  });

  it.each(['/my-mentoring', '/my-mentoring/x', '/mentoring-guide'])('%s is not the mentoring workspace', (path) => {
    expect(isRouteAllowed(path, person(['learner']))).toBe('allow');
  });

  it.each(['/training', '/training/workshops/x'])('%s is open to every signed-in person (its pages check further)', (path) => {
    for (const role of ['learner', 'mentor', 'manager', 'admin'] as const) expect(isRouteAllowed(path, person([role]))).toBe('allow');
    expect(isRouteAllowed(path, null)).toBe('sign-in');
  });

  it('does not mistake a similar path for the admin area', () => {
    expect(isRouteAllowed('/administration-guide', person(['learner']))).toBe('allow');
  });

  it.each(['/evaluation', '/evaluation/', '/evaluation/indicators'])('%s is for administrators and managers only', (path) => {
    for (const role of ['learner', 'mentor'] as const) expect(isRouteAllowed(path, person([role]))).toBe('forbidden');
    for (const role of ['manager', 'admin'] as const) expect(isRouteAllowed(path, person([role]))).toBe('allow');
    expect(isRouteAllowed(path, null)).toBe('sign-in');
  });
});
