export * from './vocabulary.ts';
export * from './period.ts';
export * from './suppression.ts';
export * from './reaction.ts';
export * from './learning.ts';
export * from './behaviour.ts';
export * from './recommendations.ts';
export * from './definitions.ts';
