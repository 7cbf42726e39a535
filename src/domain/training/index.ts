export * from './vocabulary.ts';
export * from './workshop-rules.ts';
export * from './waiting-list.ts';
export * from './register.ts';
export * from './reactions.ts';
export * from './needs.ts';
export * from './tna-status.ts';
export * from './paired-change.ts';
