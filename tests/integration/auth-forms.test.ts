import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { people, sessions } from '../../db/schema/index.ts';
import { accountForm } from '../../src/server/auth/account-form.ts';
import { setPasswordForm } from '../../src/server/auth/set-password-form.ts';
import { createSession } from '../../src/server/auth/sessions.ts';
import { signInForm } from '../../src/server/auth/sign-in-form.ts';
import { scopeOf } from '../support/scope.ts';
import { formPost, freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

describe('the sign-in form', () => {
  it('refuses empty fields with 422 and no session', async () => {
    const result = await signInForm(database.db, formPost({ email: ' ', password: '' }), '10.0.0.1', 'en');
    expect(result).toMatchObject({ status: 422, redirect: null, session: null, refusal: null, errors: { email: { key: 'errors.required' }, password: { key: 'errors.required' } } });
  });

  it('refuses an oversized address or password as invalid, not with a 5xx', async () => {
    const result = await signInForm(database.db, formPost({ email: `${'a'.repeat(250)}@example.org`, password: 'x'.repeat(5000) }), '10.0.0.1', 'en');
    expect(result).toMatchObject({ status: 422, errors: { email: { key: 'errors.emailInvalid' }, password: { key: 'errors.passwordTooLong' } } });
  });

  it('answers a wrong password with 401 and one refusal, never echoing the password', async () => {
    const result = await signInForm(database.db, formPost({ email: 'learner@camau.example', password: 'not the password', next: '/learn' }), '10.0.0.1', 'en');
    expect(result).toMatchObject({ status: 401, redirect: null, session: null, errors: {}, refusal: { key: 'signIn.invalid' }, values: { email: 'learner@camau.example', next: '/learn' } });
    expect(result.values).not.toHaveProperty('password');
  });

  it('answers a locked account with 429 and how long to wait', async () => {
    const start = Date.now();
    for (let i = 0; i < 10; i++) await signInForm(database.db, formPost({ email: 'mentor@camau.example', password: `wrong ${i}` }), `10.1.0.${i}`, 'en', start + i);
    const result = await signInForm(database.db, formPost({ email: 'mentor@camau.example', password: DEMO_PASSWORD }), '10.1.1.1', 'en', start + 20);
    expect(result).toMatchObject({ status: 429, session: null, refusal: { key: 'signIn.lockedMany', params: { minutes: 5 } }, retryAfterSeconds: 300 });
  });

  it('starts a session at a safe "next" path only', async () => {
    const ok = await signInForm(database.db, formPost({ email: 'learner@camau.example', password: DEMO_PASSWORD, next: '/learn' }), '10.0.0.2', 'cy');
    expect(ok).toMatchObject({ status: 303, redirect: '/cy/learn', refusal: null });
    expect(ok.session?.token).toEqual(expect.any(String));
    const elsewhere = await signInForm(database.db, formPost({ email: 'learner@camau.example', password: DEMO_PASSWORD, next: '//evil.example/' }), '10.0.0.2', 'cy');
    expect(elsewhere.redirect).toBe('/cy/home');
  });

  const rememberedLocale = async (email: string) => (await database.db.select({ locale: people.locale }).from(people).where(eq(people.email, email)))[0]?.locale;

  it('lands a person who remembered English on the Welsh home page when they sign in on the Welsh page, and remembers Welsh', async () => {
    await database.db.update(people).set({ locale: 'en' }).where(eq(people.email, 'learner@camau.example'));
    const result = await signInForm(database.db, formPost({ email: 'learner@camau.example', password: DEMO_PASSWORD }, '/cy/sign-in'), '10.0.0.4', 'cy');
    expect(result).toMatchObject({ status: 303, redirect: '/cy/home' });
    expect(await rememberedLocale('learner@camau.example')).toBe('cy');
  });

  it('lands a person who remembered Welsh on the English "next" page when they sign in on the English page, and remembers English', async () => {
    await database.db.update(people).set({ locale: 'cy' }).where(eq(people.email, 'learner@camau.example'));
    const result = await signInForm(database.db, formPost({ email: 'learner@camau.example', password: DEMO_PASSWORD, next: '/learn' }, '/sign-in'), '10.0.0.5', 'en');
    expect(result).toMatchObject({ status: 303, redirect: '/learn' });
    expect(await rememberedLocale('learner@camau.example')).toBe('en');
  });

  it('leaves the remembered language alone when a sign-in is refused', async () => {
    await database.db.update(people).set({ locale: 'cy' }).where(eq(people.email, 'learner@camau.example'));
    await signInForm(database.db, formPost({ email: 'learner@camau.example', password: 'not the password' }), '10.0.0.6', 'en');
    expect(await rememberedLocale('learner@camau.example')).toBe('cy');
  });
});

describe('the set-password form', () => {
  it('answers a link that does not work with 410 and keeps only the token', async () => {
    const result = await setPasswordForm(database.db, formPost({ token: 'abc.def', password: 'a good long password', confirm: 'a good long password' }), null, 'en');
    expect(result).toEqual({ status: 410, errors: {}, values: { token: 'abc.def' }, redirect: null, session: null });
  });
});

describe('the account form', () => {
  const context = async (personId = 'demo-learner') => ({ scope: await scopeOf(database.db, personId), sessionId: (await createSession(database.db, personId)).session.id, ip: '10.0.0.3', locale: 'en' as const });

  it('saves the language and goes to the account page in that language', async () => {
    const result = await accountForm(await context(), formPost({ action: 'language', locale: 'en' }));
    expect(result).toMatchObject({ redirect: '/account?done=language', endSession: false });
    expect((await database.db.select({ locale: people.locale }).from(people).where(eq(people.id, 'demo-learner')))[0]?.locale).toBe('en');
  });

  it('keeps the sign-out choice but not the passwords when a change is refused', async () => {
    const result = await accountForm(await context(), formPost({ action: 'password', current: 'wrong', password: 'short', confirm: 'short', signOutOthers: 'yes' }));
    expect(result).toMatchObject({ status: 422, redirect: null, values: { action: 'password', signOutOthers: 'yes' }, errors: { current: { key: 'account.currentWrong' } } });
    expect(Object.keys(result.values).sort()).toEqual(['action', 'signOutOthers']);
  });

  it('ends every session, this one too, when asked to sign out everywhere', async () => {
    const result = await accountForm(await context(), formPost({ action: 'sign-out-everywhere' }));
    expect(result).toMatchObject({ redirect: '/sign-in?signed-out', endSession: true });
    expect(await database.db.select().from(sessions).where(eq(sessions.personId, 'demo-learner'))).toHaveLength(0);
  });

  it('refuses an unknown action', async () => {
    expect(await accountForm(await context(), formPost({ action: 'delete-me' }))).toMatchObject({ status: 422, endSession: false, errors: { _form: { key: 'errors.invalidChoice' } } });
  });
});
