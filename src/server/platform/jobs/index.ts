export { defineJobKind, enqueueJob, type Clock, type Job, type JobContext, type JobKind, type JobOutcome } from './jobs.ts';
export { runDueJobs, startJobRunner, type JobRunner, type RunSummary } from './runner.ts';
