import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { accountTokens, jobs, mailOutbox, organisations } from '../../db/schema/index.ts';
import { requestPasswordReset, setPasswordFromLink } from '../../src/server/auth/account-links.ts';
import { mailJobKinds } from '../../src/server/mail/jobs.ts';
import { smtpMailer, type Mailer } from '../../src/server/mail/mailer.ts';
import { deliverMessage, getOutboxMessage, ORGANISATION_DEACTIVATED, RETRY_WINDOW_MS, sendNotice } from '../../src/server/mail/outbox.ts';
import { resendOutboxMessage } from '../../src/server/mail/resend.ts';
import { runDueJobs } from '../../src/server/platform/jobs/runner.ts';
import { startSmtpServer } from './smtp.ts';
import { scopeOf } from '../support/scope.ts';
import { demoAdmin, freshDatabase, PUBLIC_URL, quietMailer, tokenFromText } from './support.ts';

const T0 = Date.UTC(2031, 2, 3, 9, 0); // Monday 3 March 2031, 09:00 UTC: a fixed clock
const MINUTE = 60_000;

let database: Awaited<ReturnType<typeof freshDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(async () => {
  database.cleanup();
  await smtp?.close();
  smtp = undefined;
});

const runJobs = (mailer: Mailer, at: number) => runDueJobs({ db: database.db, kinds: mailJobKinds(mailer), now: () => at });

async function onlyOutboxRow() {
  const rows = await database.db.select().from(mailOutbox);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('a failed delivery', () => {
  it('is retried with back-off and delivered once the mail server accepts it', async () => {
    smtp = await startSmtpServer({ refuse: (attempt) => attempt <= 2 });
    const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    await requestPasswordReset(database.db, mailer, PUBLIC_URL, 'mentor@camau.example', null, T0);
    expect(await onlyOutboxRow()).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: T0 + MINUTE });

    await runJobs(mailer, T0 + 30_000); // not due yet
    expect(smtp.attempts()).toBe(1);
    await runJobs(mailer, T0 + MINUTE); // refused again: next try five minutes later
    expect(await onlyOutboxRow()).toMatchObject({ status: 'failed', attempts: 2, nextAttemptAt: T0 + 6 * MINUTE });
    await runJobs(mailer, T0 + 6 * MINUTE);

    expect(smtp.received).toHaveLength(1);
    expect(await onlyOutboxRow()).toMatchObject({ status: 'sent', attempts: 3, sentAt: T0 + 6 * MINUTE, liveText: null, nextAttemptAt: null, error: null });
    // What finally arrived carries a link that works.
    const token = tokenFromText(smtp.received[0]!.text);
    const set = await setPasswordFromLink(database.db, { token, password: 'pont dros yr afon', confirm: 'pont dros yr afon', ip: null }, T0 + 10 * MINUTE);
    expect(set.ok).toBe(true);
  });

  it('is flagged as failed after 24 hours of retries when the mail server never accepts it', async () => {
    smtp = await startSmtpServer({ refuse: () => true });
    const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    await requestPasswordReset(database.db, mailer, PUBLIC_URL, 'mentor@camau.example', null, T0);
    const tried: number[] = [T0];
    // Follow the clock to each retry the queue asks for.
    for (;;) {
      const [pending] = await database.db.select().from(jobs).where(eq(jobs.status, 'pending'));
      if (!pending) break;
      tried.push(pending.runAt);
      await runJobs(mailer, pending.runAt);
    }
    const gaps = tried.slice(1).map((at, i) => (at - tried[i]!) / MINUTE);
    expect(gaps.slice(0, 5)).toEqual([1, 5, 15, 60, 60]);
    expect(tried.at(-1)).toBe(T0 + RETRY_WINDOW_MS);
    expect(smtp.attempts()).toBe(tried.length);
    expect(smtp.received).toHaveLength(0);
    const row = await onlyOutboxRow();
    expect(row).toMatchObject({ status: 'gave-up', attempts: tried.length, nextAttemptAt: null, liveText: null });
    expect(row.error).toContain('Mailbox busy');
    // Nothing more is tried once it has been given up.
    await runJobs(mailer, T0 + 2 * RETRY_WINDOW_MS);
    expect(smtp.attempts()).toBe(tried.length);
  });
});

describe('digestible notices', () => {
  it('are collected into one e-mail a day per person, in their language, while other notices go at once', async () => {
    smtp = await startSmtpServer();
    const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    const toElin = { organisationId: 'demo-org', personId: 'demo-learner', to: 'learner@camau.example', locale: 'cy' as const };
    await sendNotice(database.db, mailer, { ...toElin, subject: 'Adolygiad newydd gan eich mentor', text: 'Mae Gwenno wedi adolygu eich ymarfer.' }, { digestible: true, now: T0 });
    await sendNotice(database.db, mailer, { ...toElin, subject: 'Modiwl newydd ar gael', text: 'Mae modiwl ar gynadleddau achos ar gael.' }, { digestible: true, now: T0 + 3 * 60 * MINUTE });
    await sendNotice(database.db, mailer, { ...toElin, subject: 'Cyfarfod wedi’i ganslo', text: 'Mae’r cyfarfod heddiw wedi’i ganslo.' }, { digestible: false, now: T0 + 4 * 60 * MINUTE });
    expect(smtp.received.map((m) => m.subject)).toEqual(['Cyfarfod wedi’i ganslo']);

    await runJobs(mailer, T0 + 8 * 60 * MINUTE); // later the same day: the digest is not due
    expect(smtp.received).toHaveLength(1);
    const nextMorning = Date.UTC(2031, 2, 4, 7, 0);
    await runJobs(mailer, nextMorning);
    await runJobs(mailer, nextMorning + 24 * 60 * MINUTE);

    expect(smtp.received).toHaveLength(2);
    const digest = smtp.received[1]!;
    expect(digest.to).toEqual(['learner@camau.example']);
    expect(digest.subject).toBe('Eich hysbysiadau Camau (2)');
    expect(digest.text).toContain('Helo Elin Hughes');
    expect(digest.text).toContain('Adolygiad newydd gan eich mentor');
    expect(digest.text).toContain('Mae modiwl ar gynadleddau achos ar gael.');
    const rows = await database.db.select().from(mailOutbox).where(eq(mailOutbox.status, 'digested'));
    const digestRow = await database.db.select().from(mailOutbox).where(and(eq(mailOutbox.subject, digest.subject), eq(mailOutbox.status, 'sent')));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.digestId === digestRow[0]!.id)).toBe(true);
  });
});

describe('the outbox', () => {
  it('never shows an administrator a live link in someone else’s undelivered message; re-sending gives the person a fresh one', async () => {
    smtp = await startSmtpServer({ refuse: () => true });
    const failing = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    // Another person's reset link fails to go out, as in the reported takeover.
    await requestPasswordReset(database.db, failing, PUBLIC_URL, 'mentor@camau.example', null, T0);
    const stored = await onlyOutboxRow();
    const admin = await demoAdmin(database, { now: T0 + MINUTE, mailer: quietMailer });

    const asAdmin = await getOutboxMessage(admin.scope, stored.id);
    expect(asAdmin!.text).not.toMatch(/set-password\?token=/);
    expect(asAdmin!.text).toContain('[link not shown: it works only for the person this was sent to]');
    expect(asAdmin).toMatchObject({ linkWithheld: true, resendable: true });
    expect(asAdmin).not.toHaveProperty('liveText');
    // The person it was addressed to still reads their own link.
    const asAddressee = await getOutboxMessage(await scopeOf(database.db, 'demo-mentor'), stored.id);
    const oldToken = tokenFromText(asAddressee!.text);

    expect(await resendOutboxMessage(admin, stored.id)).toEqual({ ok: true, value: undefined });
    const fresh = (await database.db.select().from(mailOutbox)).find((m) => m.id !== stored.id)!;
    expect(fresh).toMatchObject({ toAddress: 'mentor@camau.example', template: 'reset', status: 'kept' });
    expect(fresh.text).not.toMatch(/set-password\?token=/);
    const newToken = tokenFromText(fresh.liveText!);
    const attempt = (token: string) => setPasswordFromLink(database.db, { token, password: 'golau ar y bryn', confirm: 'golau ar y bryn', ip: null }, T0 + 2 * MINUTE);
    expect(await attempt(oldToken)).toEqual({ ok: false, reason: 'invalid-link' });
    expect((await attempt(newToken)).ok).toBe(true);
  });

  it('shows an administrator the link in a message addressed to themselves', async () => {
    await requestPasswordReset(database.db, quietMailer, PUBLIC_URL, 'admin@camau.example', null, T0);
    const admin = await demoAdmin(database);
    const own = await getOutboxMessage(admin.scope, (await onlyOutboxRow()).id);
    expect(own).toMatchObject({ linkWithheld: false });
    expect(tokenFromText(own!.text)).toBeTruthy();
  });

  it('refuses to re-send a message of another organisation', async () => {
    await requestPasswordReset(database.db, quietMailer, PUBLIC_URL, 'mentor@camau.example', null, T0);
    const admin = await demoAdmin(database);
    const stranger = { ...admin, scope: { ...admin.scope, organisationId: 'another-org', viewer: { ...admin.scope.viewer, organisationId: 'another-org' } } };
    expect(await resendOutboxMessage(stranger, (await onlyOutboxRow()).id)).toEqual({ ok: false, errors: { _form: { key: 'outbox.resendRefused' } } });
    expect(await getOutboxMessage(stranger.scope, (await onlyOutboxRow()).id)).toBeNull();
  });
});

describe('a council a platform operator has deactivated', () => {
  const deactivate = () => database.db.update(organisations).set({ deactivatedAt: T0 }).where(eq(organisations.id, 'demo-org'));

  it('gets no e-mail: a message is recorded as given up, with its link dropped, and never tried', async () => {
    smtp = await startSmtpServer();
    const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    await deactivate();
    await requestPasswordReset(database.db, mailer, PUBLIC_URL, 'mentor@camau.example', null, T0);
    const notice = { organisationId: 'demo-org', personId: 'demo-mentor', to: 'mentor@camau.example', locale: 'en' as const, subject: 'A reminder', text: 'Your workshop is tomorrow.' };
    expect(await sendNotice(database.db, mailer, notice, { digestible: false, now: T0 })).toEqual({ id: null, status: 'organisation-deactivated' });
    expect(await sendNotice(database.db, mailer, notice, { digestible: true, now: T0 })).toEqual({ id: null, status: 'organisation-deactivated' });
    // A message with a live link that reaches delivery anyway is recorded as given up, its link dropped.
    await deliverMessage(database.db, mailer, { ...notice, subject: 'Set your password', liveText: 'https://camau.test/set-password?token=secret' }, T0);
    await runJobs(mailer, T0 + RETRY_WINDOW_MS);
    expect(smtp.attempts()).toBe(0);
    // No reset link is issued at all; nothing is queued or retried.
    expect(await database.db.select().from(accountTokens)).toHaveLength(0);
    expect(await onlyOutboxRow()).toMatchObject({ status: 'gave-up', liveText: null, error: ORGANISATION_DEACTIVATED });
    expect(await database.db.select().from(jobs).where(eq(jobs.status, 'pending'))).toHaveLength(0);
  });

  it('gets no retry of a message that failed before it was deactivated', async () => {
    smtp = await startSmtpServer({ refuse: (attempt) => attempt === 1 });
    const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    await requestPasswordReset(database.db, mailer, PUBLIC_URL, 'mentor@camau.example', null, T0);
    expect(await onlyOutboxRow()).toMatchObject({ status: 'failed' });
    await deactivate();
    await runJobs(mailer, T0 + MINUTE);
    expect(smtp.received).toHaveLength(0);
    expect(await onlyOutboxRow()).toMatchObject({ status: 'gave-up', error: ORGANISATION_DEACTIVATED, liveText: null });
  });
});
