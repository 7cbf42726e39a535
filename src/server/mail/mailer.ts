import nodemailer from 'nodemailer';

/** A calendar file sent as the message's `text/calendar; method=…` part, the form Outlook accepts as an invitation. */
export type MailCalendar = { method: 'request' | 'cancel'; filename: string; content: string };
export type OutgoingMail = { to: string; subject: string; text: string; calendar?: MailCalendar | null };
export type DeliveryResult = { status: 'sent' } | { status: 'kept' } | { status: 'failed'; error: string };

/** Something that can deliver an e-mail. */
export type Mailer = { deliver(mail: OutgoingMail): Promise<DeliveryResult> };

/** Delivers through SMTP (`SMTP_URL`, e.g. smtps://user:pass@mail.example.org:465). */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async deliver(mail) {
      try {
        await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          // nodemailer's icalEvent makes the alternative part calendar clients act on, not a plain attachment.
          ...(mail.calendar ? { icalEvent: { method: mail.calendar.method.toUpperCase(), filename: mail.calendar.filename, content: mail.calendar.content } } : {}),
        });
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
      log(`[camau mail] kept in outbox (no SMTP_URL): to ${mail.to}: ${mail.subject}${mail.calendar ? ` (with ${mail.calendar.filename})` : ''}\n${mail.text}\n`);
      return { status: 'kept' };
    },
  };
}
