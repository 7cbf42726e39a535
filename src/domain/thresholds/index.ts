export * from './agreement-reasons.ts';
export * from './calibration.ts';
export * from './consistency.ts';
export * from './thresholds.ts';
export * from './decision-spread.ts';
export * from './agreement-by-month.ts';
