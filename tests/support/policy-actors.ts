import type { Actor } from '../../src/server/access/policy.ts';

/** The organisation every policy fixture belongs to unless moved with `otherOrganisation`. */
export const ORG = 'org-1';

/** A person as the policy sees them: no teams, managed teams or mentees unless given. */
export const actor = (id: string, roles: Actor['roles'], extra: Partial<Actor> = {}): Actor => ({
  id,
  organisationId: ORG,
  roles,
  teamIds: [],
  managedTeamIds: [],
  menteeIds: [],
  ...extra,
});

/** The same person, in another organisation. */
export const otherOrganisation = (a: Actor): Actor => ({ ...a, organisationId: 'org-2' });
