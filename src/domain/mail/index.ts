export * from './mail-statuses.ts';
export * from './notice-kinds.ts';
