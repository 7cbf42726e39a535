import nodemailer from 'nodemailer';

export type OutgoingMail = { to: string; subject: string; text: string };
export type DeliveryResult = { status: 'sent' } | { status: 'kept' } | { status: 'failed'; error: string };

/** Something that can deliver an e-mail. */
export type Mailer = { deliver(mail: OutgoingMail): Promise<DeliveryResult> };

/** Delivers through SMTP (`SMTP_URL`, e.g. smtps://user:pass@mail.example.org:465). */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async deliver(mail) {
      try {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
        return { status: 'sent' };
      } catch (error) {
        return { status: 'failed', error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

/** Without SMTP, mail is kept in the outbox for administrators and logged to the console. */
export function outboxOnlyMailer(log: (line: string) => void = console.log): Mailer {
  return {
    async deliver(mail) {
      log(`[camau mail] kept in outbox (no SMTP_URL): to ${mail.to}: ${mail.subject}\n${mail.text}\n`);
      return { status: 'kept' };
    },
  };
}
