export * from './access-rules.ts';
export * from './policy.ts';
