export * from './case-conference.ts';
export * from './conversation.ts';
export * from './date-chain.ts';
export * from './miti.ts';
export * from './simulation-forms.ts';
export * from './simulation-kinds.ts';
export * from './recoded-counts.ts';
