export * from './case-conference.machine.ts';
export * from './conversation.machine.ts';
