export * from './cpd-view.ts';
