export * from './cpd.ts';
