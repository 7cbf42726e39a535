export * from './indicators.ts';
export * from './indicators-form.ts';
export * from './notes.ts';
export * from './notes-form.ts';
export * from './report-scope.ts';
export * from './results.ts';
