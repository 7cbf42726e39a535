export * from './agreement.ts';
export * from './csv.ts';
export * from './locale.ts';
export * from './statistics.ts';
export * from './attempts.ts';
export * from './bank-holidays.ts';
export * from './working-days.ts';
export * from './form-values.ts';
