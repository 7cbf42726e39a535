import type { Config } from '../platform/index.ts';
import { outboxOnlyMailer, smtpMailer, type Mailer } from './mailer.ts';

let mailer: Mailer | undefined;

/** The mailer the configuration asks for: SMTP when SMTP_URL is set, else the outbox only. */
export function mailerFor(config: Config): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : outboxOnlyMailer();
}

export function getMailer(config: Config): Mailer {
  mailer ??= mailerFor(config);
  return mailer;
}
