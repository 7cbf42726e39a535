// Fixed vocabularies of the evaluation report; db columns may import them.

/**
 * Service indicators an admin enters per quarter, as aggregate whole numbers only (never case data).
 * Counts are for the quarter, except `children-on-register` (at the quarter's end) and
 * `average-days-on-register` (for children de-registered in the quarter).
 */
export const SERVICE_INDICATORS = [
  'children-on-register',
  'registrations',
  'deregistrations',
  're-registrations-12-months',
  'average-days-on-register',
  'initial-conferences',
  'initial-conferences-three-or-fewer-areas',
  'core-groups',
  'core-groups-within-10-working-days',
] as const;
export type ServiceIndicator = (typeof SERVICE_INDICATORS)[number];
