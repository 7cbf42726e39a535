export * from './job-statuses.ts';
