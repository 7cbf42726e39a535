/** Where an attempt at an exercise stands (threshold practice, simulations). */
export const ATTEMPT_STATUSES = ['in-progress', 'complete'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];
