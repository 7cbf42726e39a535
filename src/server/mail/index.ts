export * from './mailer.ts';
export * from './mailer-for.ts';
export * from './outbox.ts';
export * from './resend.ts';
export * from './jobs.ts';
export * from './notice-preferences.ts';
