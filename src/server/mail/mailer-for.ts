import type { Config } from '../platform/index.ts';
import { outboxOnlyMailer, smtpMailer, type Mailer } from './mailer.ts';

// On globalThis, like the database, so the job runner and the pages share one SMTP transport.
const shared = globalThis as typeof globalThis & { [key: symbol]: Mailer | undefined };
const KEY = Symbol.for('camau.mailer');

/** The mailer the configuration asks for: SMTP when SMTP_URL is set, else the outbox only. */
export function mailerFor(config: Config): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : outboxOnlyMailer();
}

/** The server's shared mailer, made on first use. */
export function getMailer(config: Config): Mailer {
  shared[KEY] ??= mailerFor(config);
  return shared[KEY];
}
