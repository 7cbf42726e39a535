export * from './cpd.ts';
export * from './cpd-entry-rules.ts';
export * from './cpd-pack.ts';
export * from './renewal.ts';
