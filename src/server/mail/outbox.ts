import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { mailOutbox, noticePreferences, organisations } from '../../../db/schema/index.ts';
import type { Locale } from '../../domain/common/index.ts';
import type { NoticeKind } from '../../domain/mail/index.ts';
import { translator, type MessageKey } from '../../i18n/index.ts';
import { enqueueJob, newId } from '../platform/index.ts';
import type { DeliveryResult, Mailer, MailCalendar } from './mailer.ts';
import type { Scope } from '../people/index.ts';

export type MailTemplate = 'invitation' | 'reset' | 'accountExists';
const TEMPLATES: Record<MailTemplate, { subject: MessageKey; body: MessageKey }> = {
  invitation: { subject: 'email.invitation.subject', body: 'email.invitation.body' },
  reset: { subject: 'email.reset.subject', body: 'email.reset.body' },
  accountExists: { subject: 'email.accountExists.subject', body: 'email.accountExists.body' },
};
export const isMailTemplate = (value: string | null): value is MailTemplate => value === 'invitation' || value === 'reset';

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
 * A message ready to go to one person. `text` is the copy administrators may read; `liveText`,
 * when the message carries a live link, is what is delivered and only its addressee may read.
 */
export type OutgoingMessage = {
  organisationId: string | null;
  personId: string | null;
  to: string;
  locale: Locale;
  subject: string;
  text: string;
  liveText?: string | null;
  template?: MailTemplate | null;
  /** An invitation, update or cancellation to carry; kept with the message so a retry carries it too. */
  calendar?: MailCalendar | null;
};

const MINUTE = 60_000;
/** Waits between delivery attempts; the last one repeats until the retry window closes. */
export const RETRY_DELAYS_MS = [1, 5, 15, 60].map((m) => m * MINUTE);
/** A message that still fails this long after it was first tried is given up and flagged. */
export const RETRY_WINDOW_MS = 24 * 60 * MINUTE;

/**
 * When to try a failed message again after `attempts` tries, or null once the 24-hour window
 * is over. The final try falls exactly at the end of the window.
 */
export function nextRetryAt(firstTriedAt: number, attempts: number, now: number): number | null {
  const deadline = firstTriedAt + RETRY_WINDOW_MS;
  if (now >= deadline) return null;
  const delay = RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1]!;
  return Math.min(now + delay, deadline);
}

export const MAIL_RETRY_JOB = 'mail.retry';
export const MAIL_DIGEST_JOB = 'mail.digest';

/**
 * Delivers a message and records it in the outbox whatever happens, so nothing is lost: sent,
 * kept (no SMTP configured) or failed, in which case a retry is queued. Answers the outbox id.
 */
export async function deliverMessage(db: Db, mailer: Mailer, message: OutgoingMessage, now = Date.now()) {
  // Nothing goes to the people of a council a platform operator has deactivated: recorded as given up, never retried.
  const deactivated = await isDeactivatedOrganisation(db, message.organisationId);
  const result: DeliveryResult = deactivated
    ? { status: 'failed', error: ORGANISATION_DEACTIVATED }
    : await mailer.deliver({ to: message.to, subject: message.subject, text: message.liveText ?? message.text, calendar: message.calendar ?? null });
  const id = newId();
  const retryAt = result.status === 'failed' && !deactivated ? nextRetryAt(now, 1, now) : null;
  await db.transaction(async (tx) => {
    await tx.insert(mailOutbox).values({
      id,
      organisationId: message.organisationId,
      personId: message.personId,
      toAddress: message.to,
      locale: message.locale,
      subject: message.subject,
      text: message.text,
      // A delivered message's link is a live credential: once sent, nobody needs it here.
      liveText: result.status === 'sent' || deactivated ? null : (message.liveText ?? null),
      template: message.template ?? null,
      calendar: message.calendar ?? null,
      status: deactivated ? 'gave-up' : result.status,
      error: result.status === 'failed' ? result.error : null,
      attempts: 1,
      nextAttemptAt: retryAt,
      sentAt: result.status === 'sent' ? now : null,
      createdAt: now,
    });
    if (retryAt !== null) await enqueueJob(tx, { kind: MAIL_RETRY_JOB, payload: { outboxId: id }, runAt: retryAt, dedupeKey: `${MAIL_RETRY_JOB}:${id}` }, now);
  });
  return { id, result };
}

/** Sends a templated e-mail (invitation, reset) in the recipient's language; its link is shown only to them. */
export async function sendMail(db: Db, mailer: Mailer, request: MailRequest, now = Date.now()) {
  const { subject, text } = renderMail(request);
  const withheld = renderMail({ ...request, link: translator(request.locale)('email.linkWithheld') }).text;
  const { result } = await deliverMessage(db, mailer, {
    organisationId: request.organisationId,
    personId: request.personId,
    to: request.to,
    locale: request.locale,
    subject,
    text: withheld,
    liveText: text,
    template: request.template,
  }, now);
  return result;
}

/** The next daily digest time after `now`: 07:00 UTC (07:00 in winter, 08:00 in summer in Wales). */
export function nextDigestAt(now: number): number {
  const day = new Date(now);
  const today = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 7);
  return today > now ? today : today + 24 * 60 * MINUTE;
}

/** Whether the person has turned off this kind of notice on their account page. */
export async function hasOptedOut(db: Db, personId: string, kind: NoticeKind): Promise<boolean> {
  const [row] = await db.select({ kind: noticePreferences.kind }).from(noticePreferences).where(and(eq(noticePreferences.personId, personId), eq(noticePreferences.kind, kind)));
  return row !== undefined;
}

/** Why a message to a deactivated council's person was recorded and not sent. */
export const ORGANISATION_DEACTIVATED = 'The council has been deactivated';

/** Whether an organisation has been deactivated by a platform operator (its people then get no e-mail). */
export async function isDeactivatedOrganisation(db: Db, organisationId: string | null): Promise<boolean> {
  if (organisationId === null) return false;
  const [row] = await db.select({ deactivatedAt: organisations.deactivatedAt }).from(organisations).where(eq(organisations.id, organisationId));
  return row?.deactivatedAt != null;
}

/**
 * Sends a notice to one person. A digestible notice waits for their daily digest (one e-mail a
 * day listing them all); any other goes at once. Notices carry no live links. A notice of a
 * `kind` the person has turned off is not sent at all, nor any notice to the people of a
 * deactivated council (scheduled reminders keep running for everyone else).
 */
export async function sendNotice(
  db: Db,
  mailer: Mailer,
  notice: Omit<OutgoingMessage, 'liveText' | 'template'> & { personId: string },
  options: { digestible: boolean; now?: number; kind?: NoticeKind },
): Promise<{ id: string; status: 'digest-queued' | 'sent' | 'kept' | 'failed' } | { id: null; status: 'opted-out' | 'organisation-deactivated' }> {
  const now = options.now ?? Date.now();
  if (options.kind && (await hasOptedOut(db, notice.personId, options.kind))) return { id: null, status: 'opted-out' };
  if (await isDeactivatedOrganisation(db, notice.organisationId)) return { id: null, status: 'organisation-deactivated' };
  if (!options.digestible) {
    const { id, result } = await deliverMessage(db, mailer, notice, now);
    return { id, status: result.status };
  }
  const id = newId();
  const runAt = nextDigestAt(now);
  await db.transaction(async (tx) => {
    await tx.insert(mailOutbox).values({ ...notice, id, toAddress: notice.to, liveText: null, template: null, status: 'digest-queued', attempts: 0, createdAt: now });
    // One digest job per person per day, however many notices are waiting.
    await enqueueJob(tx, { kind: MAIL_DIGEST_JOB, payload: { personId: notice.personId }, runAt, dedupeKey: `${MAIL_DIGEST_JOB}:${notice.personId}:${runAt}` }, now);
  });
  return { id, status: 'digest-queued' };
}

/** The scope's organisation's outbox, newest first, without any message bodies. */
export async function listOutbox({ db, organisationId }: Scope, limit = 100) {
  return db
    .select({ id: mailOutbox.id, toAddress: mailOutbox.toAddress, subject: mailOutbox.subject, locale: mailOutbox.locale, status: mailOutbox.status, createdAt: mailOutbox.createdAt })
    .from(mailOutbox)
    .where(eq(mailOutbox.organisationId, organisationId))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}

/**
 * One outbox message of the scope's organisation as its viewer may see it: the live link only
 * in a message addressed to them, so no administrator can read another person's sign-in link.
 */
export async function getOutboxMessage(scope: Scope, id: string) {
  const [row] = await scope.db.select().from(mailOutbox).where(and(eq(mailOutbox.organisationId, scope.organisationId), eq(mailOutbox.id, id)));
  if (!row) return null;
  const { liveText, ...rest } = row;
  const own = row.personId === scope.viewer.id;
  return { ...rest, text: own && liveText ? liveText : row.text, linkWithheld: !own && isMailTemplate(row.template), resendable: row.personId !== null };
}
