// The fixed lists pages offer as choices, re-exported so pages need not reach into db/.
export { AUDIT_ACTIONS, PERSON_STATUSES, ROLES } from '../../db/schema/index.ts';
export type { AuditAction, PersonStatus, Role } from '../../db/schema/index.ts';
