export * from './vocabulary.ts';
export * from './activity-ref.ts';
export * from './assignment-status.ts';
export * from './rubric.ts';
export * from './miti-coding.ts';
export * from './moderation.ts';
export * from './sessions.ts';
