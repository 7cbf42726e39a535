/** Everything the audit log records, as `area.what-happened`. */
export const AUDIT_ACTIONS = [
  'sign-in.success',
  'sign-in.failure',
  'sign-in.locked',
  'sign-out',
  'password.set',
  'password.changed',
  'password.reset-requested',
  'person.invited',
  'person.invitation-resent',
  'person.roles-changed',
  'person.teams-changed',
  'person.managed-teams-changed',
  'person.mentor-changed',
  'person.details-changed',
  'person.deactivated',
  'person.reactivated',
  'people.imported',
  'team.created',
  'team.renamed',
  'export.created',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
