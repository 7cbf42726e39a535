/** Where a scheduled job stands: waiting, claimed by a process, finished, given up, or dropped as no longer relevant. */
export const JOB_STATUSES = ['pending', 'running', 'done', 'failed', 'dropped'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
