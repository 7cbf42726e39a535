import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A calendar part as received: its content type (with the method parameter) and the .ics text. */
export type ReceivedCalendar = { contentType: string; content: string };
export type Received = { from: string; to: string[]; subject: string; text: string; calendar: ReceivedCalendar | null };

/**
 * A real SMTP server on a free loopback port that keeps what it receives. `refuse(n)` makes it
 * answer the n-th message (from 1) with a temporary failure instead of accepting it.
 */
export async function startSmtpServer(options: { refuse?: (attempt: number) => boolean } = {}) {
  const received: Received[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true, // a reverse DNS lookup per connection only slows tests down
    async onData(stream, session, callback) {
      const mail = await simpleParser(stream);
      attempts++;
      if (options.refuse?.(attempts)) {
        callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
        return;
      }
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        subject: mail.subject ?? '',
        text: mail.text ?? '',
        calendar: calendarPart(mail.attachments),
      });
      callback();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    attempts: () => attempts,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The message's text/calendar part (mailparser lists it among the attachments), with its header's method. */
function calendarPart(attachments: readonly { contentType: string; content: Buffer; headers: Map<string, unknown> }[]): ReceivedCalendar | null {
  const part = attachments.find((a) => a.contentType === 'text/calendar');
  if (!part) return null;
  const header = part.headers.get('content-type') as { value: string; params: Record<string, string> } | undefined;
  const params = Object.entries(header?.params ?? {}).map(([k, v]) => `; ${k}=${v}`).join('');
  return { contentType: `${part.contentType}${params}`, content: part.content.toString('utf8') };
}
