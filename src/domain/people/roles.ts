/** What a person may do in their organisation; a person holds one or more roles. */
export const ROLES = ['learner', 'mentor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Where an account stands: invited (no password yet), active, or deactivated. */
export const PERSON_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** A council (an organisation of staff) or the platform's own row, which holds only the operators' accounts. */
export const ORGANISATION_KINDS = ['council', 'platform'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
