export * from './vocabulary.ts';
export * from './indicators.ts';
