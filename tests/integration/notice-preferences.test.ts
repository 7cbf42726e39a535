import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { mailOutbox } from '../../db/schema/index.ts';
import { accountForm } from '../../src/server/auth/account-form.ts';
import { noticesReceived, setNoticesReceived } from '../../src/server/mail/notice-preferences.ts';
import { sendNotice } from '../../src/server/mail/outbox.ts';
import { scopeOf } from '../support/scope.ts';
import { formPost, freshDatabase, quietMailer } from './support.ts';

const T0 = Date.UTC(2031, 2, 3, 9, 0);
let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const notice = { organisationId: 'demo-org', personId: 'demo-learner', to: 'learner@camau.example', locale: 'cy' as const, subject: 'Gwaith newydd', text: 'Mae gwaith newydd.' };

describe('turning off a kind of notice', () => {
  it('everyone receives every kind until they turn one off', async () => {
    const scope = await scopeOf(database.db, 'demo-learner', T0);
    expect(await noticesReceived(scope)).toEqual(['assignment-set', 'assignment-reminder', 'assignment-overdue', 'feedback-released']);
  });

  it('stops that kind being queued and leaves the other kinds alone', async () => {
    const scope = await scopeOf(database.db, 'demo-learner', T0);
    await setNoticesReceived(scope, ['assignment-set', 'assignment-overdue', 'feedback-released']);

    const skipped = await sendNotice(database.db, quietMailer, notice, { digestible: true, kind: 'assignment-reminder', now: T0 });
    const queued = await sendNotice(database.db, quietMailer, notice, { digestible: true, kind: 'assignment-set', now: T0 });

    expect(skipped).toEqual({ id: null, status: 'opted-out' });
    expect(queued.status).toBe('digest-queued');
    const rows = await database.db.select().from(mailOutbox).where(eq(mailOutbox.personId, 'demo-learner'));
    expect(rows.map((r) => r.id)).toEqual([queued.id]);
  });

  it('is one person’s choice: another person still gets that kind', async () => {
    await setNoticesReceived(await scopeOf(database.db, 'demo-learner', T0), []);
    const other = await sendNotice(database.db, quietMailer, { ...notice, personId: 'demo-mentor', to: 'mentor@camau.example' }, { digestible: true, kind: 'assignment-set', now: T0 });
    expect(other.status).toBe('digest-queued');
  });

  it('is saved from the account page’s checkboxes, and an unknown kind is refused with nothing changed', async () => {
    const scope = await scopeOf(database.db, 'demo-learner', T0);
    const ctx = { scope, sessionId: 'none', ip: null, locale: 'cy' as const };

    const saved = await accountForm(ctx, formPost({ action: 'notices', receive: ['feedback-released'] }, '/account'));
    expect(saved.redirect).toBe('/cy/account?done=notices');
    expect(await noticesReceived(scope)).toEqual(['feedback-released']);

    const refused = await accountForm(ctx, formPost({ action: 'notices', receive: ['feedback-released', 'everything'] }, '/account'));
    expect(refused.status).toBe(422);
    expect(refused.errors?.receive).toEqual({ key: 'errors.invalidChoice' });
    expect(await noticesReceived(scope)).toEqual(['feedback-released']);

    await accountForm(ctx, formPost({ action: 'notices' }, '/account'));
    expect(await noticesReceived(scope)).toEqual([]);
  });
});
