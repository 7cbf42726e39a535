/**
 * sent · kept (no SMTP configured) · failed (being retried) · gave-up (failed after 24 hours of
 * retries) · digest-queued (waiting for the person's daily digest) · digested (sent in one).
 */
export const MAIL_STATUSES = ['sent', 'kept', 'failed', 'gave-up', 'digest-queued', 'digested'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
