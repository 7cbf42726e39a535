export * from './vocabulary.ts';
export * from './activity-ref.ts';
export * from './assignment-status.ts';
