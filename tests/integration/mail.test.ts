import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { mailOutbox } from '../../db/schema/index.ts';
import { requestPasswordReset, setPasswordFromLink } from '../../src/server/auth/account-links.ts';
import { signIn } from '../../src/server/auth/sign-in.ts';
import { smtpMailer } from '../../src/server/mail/mailer.ts';
import { startSmtpServer } from './smtp.ts';
import { freshDatabase, PUBLIC_URL, tokenFromText } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
  smtp = await startSmtpServer();
});
afterEach(async () => {
  database.cleanup();
  await smtp.close();
});

describe('a forgotten password', () => {
  it('is reset through a link e-mailed over SMTP, in the person’s language', async () => {
    const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    await requestPasswordReset(database.db, mailer, PUBLIC_URL, 'Learner@Camau.Example', '10.0.0.1');

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual(['learner@camau.example']);
    expect(mail!.from).toBe('no-reply@camau.test');
    expect(mail!.subject).toBe('Gosod cyfrinair newydd ar gyfer Camau'); // the demo learner works in Welsh
    expect(mail!.text).toContain('http://camau.test/cy/set-password?token=');

    const token = tokenFromText(mail!.text);
    const set = await setPasswordFromLink(database.db, { token, password: 'cerdded ar hyd y prom', confirm: 'cerdded ar hyd y prom', ip: null });
    expect(set.ok).toBe(true);
    expect((await signIn(database.db, { email: 'learner@camau.example', password: 'cerdded ar hyd y prom', ip: '10.0.0.1' })).ok).toBe(true);
    expect(await signIn(database.db, { email: 'learner@camau.example', password: 'camau-demo-2026', ip: '10.0.0.1' })).toEqual({ ok: false, reason: 'invalid' });

    const [stored] = await database.db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt));
    expect(stored).toMatchObject({ status: 'sent', toAddress: 'learner@camau.example', locale: 'cy' });
    // Once delivered, the live link is not kept where administrators can read it.
    expect(stored!.text).not.toContain('set-password?token=');
    expect(stored!.text).toContain('[dolen heb ei dangos: dim ond i’r sawl yr anfonwyd hwn ato y mae’n gweithio]');
    expect(stored!.liveText).toBeNull();
  });

  it('sends nothing for an unknown address, and the caller cannot tell the difference', async () => {
    const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    await expect(requestPasswordReset(database.db, mailer, PUBLIC_URL, 'nobody@camau.example', '10.0.0.1')).resolves.toBeUndefined();
    expect(smtp.received).toHaveLength(0);
    expect(await database.db.select().from(mailOutbox)).toHaveLength(0);
  });

  it('makes the previous link stop working when a new one is asked for', async () => {
    const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    await requestPasswordReset(database.db, mailer, PUBLIC_URL, 'mentor@camau.example', null);
    await requestPasswordReset(database.db, mailer, PUBLIC_URL, 'mentor@camau.example', null);
    const [first, second] = smtp.received.map((m) => tokenFromText(m.text));
    expect(await setPasswordFromLink(database.db, { token: first!, password: 'hen ddolen, dim lwc', confirm: 'hen ddolen, dim lwc', ip: null })).toEqual({ ok: false, reason: 'invalid-link' });
    expect((await setPasswordFromLink(database.db, { token: second!, password: 'dolen newydd sy’n gweithio', confirm: 'dolen newydd sy’n gweithio', ip: null })).ok).toBe(true);
  });

  it('is kept in the outbox as failed, not lost, when the mail server cannot be reached', async () => {
    await smtp.close();
    const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    await requestPasswordReset(database.db, mailer, PUBLIC_URL, 'admin@camau.example', null);
    const [stored] = await database.db.select().from(mailOutbox);
    expect(stored).toMatchObject({ status: 'failed', toAddress: 'admin@camau.example', locale: 'en', subject: 'Set a new Camau password' });
    expect(stored!.error).toBeTruthy();
    smtp = await startSmtpServer(); // for afterEach
  });

  it('sends at most three links an hour to one address', async () => {
    const mailer = smtpMailer(smtp.url, 'Camau <no-reply@camau.test>');
    for (let i = 0; i < 5; i++) await requestPasswordReset(database.db, mailer, PUBLIC_URL, 'manager@camau.example', '10.0.0.7');
    expect(smtp.received).toHaveLength(3);
  });
});
