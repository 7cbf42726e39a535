export * from './mailer.ts';
export * from './mailer-for.ts';
export * from './outbox.ts';
