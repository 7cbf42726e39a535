export * from './learning-view.ts';
export * from './learning.ts';
export * from './search.ts';
export * from './reflection-form.ts';
export * from './continue-learning.ts';
export * from './progress-of.ts';
