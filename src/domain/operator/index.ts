export * from './platform-audit-actions.ts';
