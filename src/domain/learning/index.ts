export * from './content-rules.ts';
export * from './question-fairness.ts';
export * from './knowledge-check.ts';
export * from './module-progress.ts';
export * from './search.ts';
export * from './continue-learning.ts';
export * from './check-feedback.ts';
