import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { mailOutbox } from '../../../db/schema/index.ts';
import type { Locale } from '../../domain/shared/index.ts';
import { translator, type MessageKey } from '../../i18n/index.ts';
import { newId } from '../platform/index.ts';
import type { Mailer } from './mailer.ts';

export type MailTemplate = 'invitation' | 'reset' | 'accountExists';
const TEMPLATES: Record<MailTemplate, { subject: MessageKey; body: MessageKey }> = {
  invitation: { subject: 'email.invitation.subject', body: 'email.invitation.body' },
  reset: { subject: 'email.reset.subject', body: 'email.reset.body' },
  accountExists: { subject: 'email.accountExists.subject', body: 'email.accountExists.body' },
};

export type MailRequest = {
  organisationId: string;
  organisationName: string;
  personId: string;
  to: string;
  recipientName: string;
  locale: Locale;
  template: MailTemplate;
  link: string;
};

/** Renders an e-mail in the recipient's language. */
export function renderMail(request: Omit<MailRequest, 'organisationId' | 'personId'>) {
  const t = translator(request.locale);
  const { subject, body } = TEMPLATES[request.template];
  const params = { name: request.recipientName, organisation: request.organisationName, link: request.link };
  return {
    subject: t(subject),
    text: [t('email.greeting', params), t(body, params), t('email.signature', params)].join('\n\n'),
  };
}

/**
 * Sends an e-mail and records it in the outbox whatever happens, so nothing is lost:
 * sent, kept (no SMTP configured) or failed (with the reason).
 */
export async function sendMail(db: Db, mailer: Mailer, request: MailRequest, now = Date.now()) {
  const { subject, text } = renderMail(request);
  const result = await mailer.deliver({ to: request.to, subject, text });
  // A delivered message's link is a live credential: keep a copy without it. Without SMTP the
  // outbox is how administrators pass links on, so undelivered messages keep theirs.
  const stored = result.status === 'sent' ? renderMail({ ...request, link: '[link removed once sent]' }).text : text;
  await db.insert(mailOutbox).values({
    id: newId(),
    organisationId: request.organisationId,
    personId: request.personId,
    toAddress: request.to,
    locale: request.locale,
    subject,
    text: stored,
    status: result.status,
    error: result.status === 'failed' ? result.error : null,
    createdAt: now,
  });
  return result;
}

export async function listOutbox(db: Db, organisationId: string, limit = 100) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.organisationId, organisationId)).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}

export async function getOutboxMessage(db: Db, organisationId: string, id: string) {
  const [row] = await db.select().from(mailOutbox).where(and(eq(mailOutbox.organisationId, organisationId), eq(mailOutbox.id, id)));
  return row ?? null;
}
