export * from './calibration.ts';
export * from './consistency.ts';
export * from './practice-seed.ts';
export * from './threshold-practice.ts';
export * from './practice-start-form.ts';
export * from './round-actions-form.ts';
export * from './round-form.ts';
