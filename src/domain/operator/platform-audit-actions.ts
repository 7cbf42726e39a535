/** What the platform audit log records: operators' own accounts and what operators did to councils. */
export const PLATFORM_AUDIT_ACTIONS = ['operator.created', 'organisation.created', 'organisation.renamed', 'organisation.deactivated', 'organisation.reactivated'] as const;
export type PlatformAuditAction = (typeof PLATFORM_AUDIT_ACTIONS)[number];

/** Whether a stored action is one of the vocabulary's (the column itself is plain text). */
export function isPlatformAuditAction(value: string): value is PlatformAuditAction {
  return (PLATFORM_AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** The names of the platform's own row, which holds the operators' accounts. */
export const PLATFORM_ORGANISATION_NAMES = { nameEn: 'Camau platform', nameCy: 'Platfform Camau' } as const;
