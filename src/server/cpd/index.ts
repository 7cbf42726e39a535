export * from './cpd-view.ts';
export * from './record-cpd.ts';
