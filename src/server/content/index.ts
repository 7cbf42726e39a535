export * from './training-content.ts';
export * from './rubrics.ts';
