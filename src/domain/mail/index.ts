export * from './mail-statuses.ts';
