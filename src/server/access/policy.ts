import type { Role } from '../../domain/people/index.ts';

/** The signed-in person, as far as access decisions need to know them. */
export type Actor = {
  id: string;
  organisationId: string;
  roles: readonly Role[];
  managedTeamIds: readonly string[];
  menteeIds: readonly string[];
};

/** A person record someone wants to see or change. */
export type PersonTarget = { id: string; organisationId: string; teamIds: readonly string[] };

export type OrganisationAction =
  | 'people.list'
  | 'people.invite'
  | 'people.import'
  | 'teams.manage'
  | 'audit.view'
  | 'outbox.view'
  | 'organisation.overview'
  | 'consistency.view'
  | 'rounds.open';
export type PersonAction = 'person.view' | 'person.manage' | 'cpd.contribution.view';

const ADMIN_ONLY: readonly OrganisationAction[] = [
  'people.list',
  'people.invite',
  'people.import',
  'teams.manage',
  'audit.view',
  'outbox.view',
  'organisation.overview',
];

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

// Group figures and calibration rounds are for those who support practitioners.
const SUPPORT_ROLES: readonly Role[] = ['mentor', 'manager', 'admin'];

/** May the actor do this across their own organisation? Deny by default. */
export function mayInOrganisation(actor: Actor | null, action: OrganisationAction): boolean {
  if (!actor) return false;
  if (ADMIN_ONLY.includes(action)) return hasRole(actor, 'admin');
  if (action === 'consistency.view' || action === 'rounds.open') return SUPPORT_ROLES.some((role) => hasRole(actor, role));
  return false;
}

/**
 * May the actor do this to that person's record? Nobody crosses organisations. Everyone may
 * see themselves; a mentor sees their mentees; a manager sees people in teams they manage;
 * an admin sees and manages everyone in the organisation.
 */
export function mayOnPerson(actor: Actor | null, action: PersonAction, target: PersonTarget): boolean {
  if (!actor || actor.organisationId !== target.organisationId) return false;
  // How learning contributed to someone's practice is theirs: not even an administrator reads it.
  if (action === 'cpd.contribution.view') return actor.id === target.id;
  if (hasRole(actor, 'admin')) return true;
  if (action === 'person.manage') return false;
  if (actor.id === target.id) return true;
  if (hasRole(actor, 'mentor') && actor.menteeIds.includes(target.id)) return true;
  if (hasRole(actor, 'manager') && target.teamIds.some((teamId) => actor.managedTeamIds.includes(teamId))) return true;
  return false;
}
