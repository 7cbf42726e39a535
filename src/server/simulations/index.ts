export * from './simulation-view.ts';
export * from './simulations.ts';
export * from './attempt-form.ts';
export * from './simulation-start-form.ts';
export * from './attempts-of.ts';
export * from './review-read.ts';
