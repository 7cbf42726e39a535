/** What a person may do in their organisation; a person holds one or more roles. */
export const ROLES = ['learner', 'mentor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Where an account stands: invited (no password yet), active, or deactivated. */
export const PERSON_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
