export * from './activity-catalogue.ts';
export * from './assignments.ts';
export * from './assign-form.ts';
export * from './assignment-change-form.ts';
export * from './task-answer-form.ts';
export * from './pass-on.ts';
export * from './workspace.ts';
