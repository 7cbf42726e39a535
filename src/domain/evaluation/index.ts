export * from './vocabulary.ts';
export * from './period.ts';
export * from './suppression.ts';
