export * from './training-content.ts';
