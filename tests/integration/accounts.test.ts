import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { auditEvents, mailOutbox, people, sessions } from '../../db/schema/index.ts';
import { findUsableAccountLink, LINK_LIFETIME_MS, setPasswordFromLink } from '../../src/server/auth/account-links.ts';
import { changePassword } from '../../src/server/auth/account.ts';
import { signIn } from '../../src/server/auth/sign-in.ts';
import { createSession, SESSION_ABSOLUTE_LIFETIME_MS, SESSION_IDLE_TIMEOUT_MS, validateSessionToken } from '../../src/server/auth/sessions.ts';
import { invitePerson, setActive, updateAccess } from '../../src/server/people/people-admin.ts';
import { getPerson, getPersonInAnyOrganisation, listPeople } from '../../src/server/people/people-repo.ts';
import { authFromSession, signedIn } from '../../src/server/auth/signed-in.ts';
import { scopeOf } from '../support/scope.ts';
import { demoAdmin, freshDatabase, latestLinkToken } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

describe('an invitation', () => {
  it('lets the invited person set a password and then sign in', async () => {
    const admin = await demoAdmin(database);
    const invited = await invitePerson(admin, { name: 'Anwen Parry', email: 'Anwen.Parry@example.org', locale: 'cy', roles: ['learner'], teamIds: ['demo-team-coast'] });
    expect(invited.ok).toBe(true);

    const mail = await latestLinkToken(database);
    expect(mail.to).toBe('anwen.parry@example.org');
    expect(mail.subject).toBe('Gwahoddiad i Camau'); // in the recipient's language
    expect(mail.text).toContain('Helo Anwen Parry');

    const before = await signIn(database.db, { email: 'anwen.parry@example.org', password: 'tair afon a dwy bont', ip: '10.0.0.1' });
    expect(before).toEqual({ ok: false, reason: 'invalid' });

    const set = await setPasswordFromLink(database.db, { token: mail.token, password: 'tair afon a dwy bont', confirm: 'tair afon a dwy bont', ip: '10.0.0.1' });
    expect(set.ok).toBe(true);

    const after = await signIn(database.db, { email: 'ANWEN.PARRY@example.org', password: 'tair afon a dwy bont', ip: '10.0.0.1' });
    expect(after.ok).toBe(true);
    const [person] = await database.db.select().from(people).where(eq(people.email, 'anwen.parry@example.org'));
    expect(person?.status).toBe('active');
  });

  it('works only once', async () => {
    await invitePerson(await demoAdmin(database), { name: 'Once Only', email: 'once@example.org', locale: 'en', roles: ['learner'], teamIds: [] });
    const { token } = await latestLinkToken(database);
    const input = { token, password: 'first good password', confirm: 'first good password', ip: null };
    expect((await setPasswordFromLink(database.db, input)).ok).toBe(true);
    expect(await setPasswordFromLink(database.db, { ...input, password: 'second good password', confirm: 'second good password' })).toEqual({ ok: false, reason: 'invalid-link' });
  });

  it('expires after 7 days', async () => {
    const start = Date.now();
    await invitePerson(await demoAdmin(database, { now: start }), { name: 'Late Comer', email: 'late@example.org', locale: 'en', roles: ['learner'], teamIds: [] });
    const { token } = await latestLinkToken(database);
    expect(await findUsableAccountLink(database.db, token, start + LINK_LIFETIME_MS.invitation - 1)).not.toBeNull();
    expect(await findUsableAccountLink(database.db, token, start + LINK_LIFETIME_MS.invitation)).toBeNull();
  });

  it('is refused with a wrong secret of the right length', async () => {
    await invitePerson(await demoAdmin(database), { name: 'Guess Target', email: 'guess@example.org', locale: 'en', roles: ['learner'], teamIds: [] });
    const { token } = await latestLinkToken(database);
    const [id, secret] = token.split('.') as [string, string];
    const forged = `${id}.${secret[0] === 'a' ? 'b' : 'a'}${secret.slice(1)}`;
    expect(await findUsableAccountLink(database.db, forged)).toBeNull();
    expect(await setPasswordFromLink(database.db, { token: forged, password: 'a good long password', confirm: 'a good long password', ip: null })).toEqual({ ok: false, reason: 'invalid-link' });
  });

  it('keeps the link usable when the new password is refused', async () => {
    await invitePerson(await demoAdmin(database), { name: 'Weak Choice', email: 'weak@example.org', locale: 'en', roles: ['learner'], teamIds: [] });
    const { token } = await latestLinkToken(database);
    expect(await setPasswordFromLink(database.db, { token, password: 'password', confirm: 'password', ip: null })).toEqual({
      ok: false,
      reason: 'invalid-input',
      errors: { password: { key: 'errors.passwordTooCommon' } },
    });
    expect(await findUsableAccountLink(database.db, token)).not.toBeNull();
  });

  it('cannot reuse an address that already has an account in the same organisation', async () => {
    const result = await invitePerson(await demoAdmin(database), { name: 'Copy', email: 'learner@camau.example', locale: 'en', roles: ['learner'], teamIds: [] });
    expect(result).toEqual({ ok: false, errors: { email: { key: 'errors.emailTaken' } } });
  });

  it('answers an address with an account in another organisation as it answers a new one, and tells that person by e-mail', async () => {
    const admin = await demoAdmin(database);
    const fresh = await invitePerson(admin, { name: 'New Person', email: 'new.person@example.org', locale: 'en', roles: ['learner'], teamIds: [] });
    const elsewhere = await invitePerson(admin, { name: 'Carys', email: 'Carys.Meredith@arall.example', locale: 'en', roles: ['learner'], teamIds: [] });
    expect(fresh).toMatchObject({ ok: true, value: { delivery: 'kept' } });
    expect(elsewhere).toEqual({ ok: true, value: { id: null, delivery: 'kept' } });

    // No second account; the existing one stays where it was.
    const carys = await database.db.select().from(people).where(eq(people.email, 'carys.meredith@arall.example'));
    expect(carys.map((p) => [p.id, p.organisationId])).toEqual([['demo-other-p01', 'demo-other-org']]);
    // The inviting organisation's outbox holds nothing about that person; theirs holds the notice, in their language.
    const mails = await database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'carys.meredith@arall.example'));
    expect(mails.map((m) => [m.organisationId, m.personId, m.subject])).toEqual([['demo-other-org', 'demo-other-p01', 'Mae gennych chi gyfrif Camau yn barod']]);
    expect(mails[0]!.text).toContain('Cyngor Enghreifftiol');
    expect(mails[0]!.text).not.toMatch(/set-password\?token=/);
  });

  it('cannot put someone in another organisation’s team', async () => {
    const result = await invitePerson(await demoAdmin(database), { name: 'Stray', email: 'stray@example.org', locale: 'en', roles: ['learner'], teamIds: ['demo-other-team'] });
    expect(result).toEqual({ ok: false, errors: { teamIds: { key: 'errors.invalidChoice' } } });
  });
});

describe('sessions', () => {
  async function signInLearner(now: number) {
    const result = await signIn(database.db, { email: 'learner@camau.example', password: DEMO_PASSWORD, ip: '10.0.0.2' }, now);
    if (!result.ok) throw new Error('demo learner could not sign in');
    return result.token;
  }

  it('end after 30 minutes without activity', async () => {
    const start = Date.now();
    const token = await signInLearner(start);
    expect(await validateSessionToken(database.db, token, start + SESSION_IDLE_TIMEOUT_MS - 1)).not.toBeNull();
    const again = await signInLearner(start);
    expect(await validateSessionToken(database.db, again, start + SESSION_IDLE_TIMEOUT_MS)).toBeNull();
  });

  it('stay alive while used, but never beyond 12 hours', async () => {
    const start = Date.now();
    const token = await signInLearner(start);
    let now = start;
    // Active every 20 minutes for just under 12 hours.
    while (now + 20 * 60_000 < start + SESSION_ABSOLUTE_LIFETIME_MS) {
      now += 20 * 60_000;
      expect(await validateSessionToken(database.db, token, now)).not.toBeNull();
    }
    expect(await validateSessionToken(database.db, token, start + SESSION_ABSOLUTE_LIFETIME_MS)).toBeNull();
  });

  it('get a new token at every sign-in', async () => {
    const now = Date.now();
    expect(await signInLearner(now)).not.toBe(await signInLearner(now));
  });

  it('all end when an administrator deactivates the person', async () => {
    const now = Date.now();
    const first = await signInLearner(now);
    const second = await signInLearner(now);
    const result = await setActive(await demoAdmin(database), 'demo-learner', false);
    expect(result.ok).toBe(true);
    expect(await validateSessionToken(database.db, first)).toBeNull();
    expect(await validateSessionToken(database.db, second)).toBeNull();
    expect(await signIn(database.db, { email: 'learner@camau.example', password: DEMO_PASSWORD, ip: '10.0.0.2' })).toEqual({ ok: false, reason: 'invalid' });
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'person.deactivated'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: 'demo-admin', subjectId: 'demo-learner', ip: '127.0.0.1' });

    expect((await setActive(await demoAdmin(database), 'demo-learner', true)).ok).toBe(true);
    expect((await signIn(database.db, { email: 'learner@camau.example', password: DEMO_PASSWORD, ip: '10.0.0.2' })).ok).toBe(true);
  });

  it('on other devices end when a password change asks for it, and this one stays', async () => {
    const now = Date.now();
    const other = await signInLearner(now);
    const current = await signInLearner(now);
    const currentSession = (await validateSessionToken(database.db, current))!;
    const result = await changePassword(await scopeOf(database.db, 'demo-learner'), {
      sessionId: currentSession.id,
      current: DEMO_PASSWORD,
      password: 'llwybr newydd i’r mynydd',
      confirm: 'llwybr newydd i’r mynydd',
      signOutOthers: true,
      ip: null,
    });
    expect(result).toEqual({ ok: true });
    expect(await validateSessionToken(database.db, other)).toBeNull();
    expect(await validateSessionToken(database.db, current)).not.toBeNull();
  });

  it('stay put when the current password is wrong', async () => {
    const token = await signInLearner(Date.now());
    const session = (await validateSessionToken(database.db, token))!;
    const result = await changePassword(await scopeOf(database.db, 'demo-learner'), { sessionId: session.id, current: 'wrong password', password: 'a fine new phrase', confirm: 'a fine new phrase', signOutOthers: true, ip: null });
    expect(result).toEqual({ ok: false, errors: { current: { key: 'account.currentWrong' } } });
    expect(await database.db.select().from(sessions)).toHaveLength(1);
  });
});

describe('signing in', () => {
  it('locks an account for five minutes after ten failures, whatever the password', async () => {
    const start = Date.now();
    for (let i = 0; i < 10; i++) {
      expect(await signIn(database.db, { email: 'mentor@camau.example', password: `wrong ${i}`, ip: `10.1.0.${i}` }, start + i)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await signIn(database.db, { email: 'mentor@camau.example', password: DEMO_PASSWORD, ip: '10.1.1.1' }, start + 20)).toEqual({ ok: false, reason: 'locked', minutes: 5 });
    expect((await signIn(database.db, { email: 'mentor@camau.example', password: DEMO_PASSWORD, ip: '10.1.1.1' }, start + 5 * 60_000 + 1)).ok).toBe(true);
  });

  it('counts guesses sent in parallel, so they cannot all slip under the limit', async () => {
    const start = Date.now();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(database.db, { email: 'manager@camau.example', password: `parallel ${i}`, ip: `10.2.0.${i}` }, start)));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(20);
  });

  it('limits one address spraying passwords across many accounts', async () => {
    const start = Date.now();
    for (let i = 0; i < 50; i++) {
      await signIn(database.db, { email: `nobody${i}@example.org`, password: 'guess', ip: '192.0.2.9' }, start + i);
    }
    const blocked = await signIn(database.db, { email: 'learner@camau.example', password: DEMO_PASSWORD, ip: '192.0.2.9' }, start + 100);
    expect(blocked).toMatchObject({ ok: false, reason: 'locked' });
    expect((await signIn(database.db, { email: 'learner@camau.example', password: DEMO_PASSWORD, ip: '192.0.2.10' }, start + 100)).ok).toBe(true);
  });

  it('records successes and failures in the audit log', async () => {
    await signIn(database.db, { email: 'learner@camau.example', password: 'nope', ip: '10.0.0.3' });
    await signIn(database.db, { email: 'learner@camau.example', password: DEMO_PASSWORD, ip: '10.0.0.3' });
    const actions = (await database.db.select().from(auditEvents)).map((e) => [e.action, e.subjectId, e.ip]);
    expect(actions).toEqual([
      ['sign-in.failure', 'demo-learner', '10.0.0.3'],
      ['sign-in.success', 'demo-learner', '10.0.0.3'],
    ]);
  });
});

describe('changing someone’s access', () => {
  it('audits each kind of change and refuses a mentor from another organisation', async () => {
    const admin = await demoAdmin(database);
    const refused = await updateAccess(admin, 'demo-p03', { roles: ['learner'], teamIds: ['demo-team-assessment'], managedTeamIds: [], mentorId: 'demo-other-admin' });
    expect(refused).toEqual({ ok: false, errors: { mentorId: { key: 'errors.mentorInvalid' } } });

    const result = await updateAccess(admin, 'demo-p03', { roles: ['learner', 'manager'], teamIds: ['demo-team-coast'], managedTeamIds: ['demo-team-uplands'], mentorId: 'demo-mentor-2' });
    expect(result.ok).toBe(true);
    const actions = (await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, 'demo-p03'))).map((e) => e.action).sort();
    expect(actions).toEqual(['person.managed-teams-changed', 'person.mentor-changed', 'person.roles-changed', 'person.teams-changed']);
  });

  it('will not let an administrator remove their own administrator role', async () => {
    const result = await updateAccess(await demoAdmin(database), 'demo-admin', { roles: ['learner'], teamIds: [], managedTeamIds: [], mentorId: '' });
    expect(result).toEqual({ ok: false, errors: { roles: { key: 'errors.ownAdminRole' } } });
  });

  it('cannot touch a person in another organisation', async () => {
    const result = await updateAccess(await demoAdmin(database), 'demo-other-p01', { roles: ['admin'], teamIds: [], managedTeamIds: [], mentorId: '' });
    expect(result).toEqual({ ok: false, errors: { _form: { key: 'person.notFound' } } });
    expect((await setActive(await demoAdmin(database), 'demo-other-p01', false)).ok).toBe(false);
  });
});

describe('the current-password check when changing a password', () => {
  it('counts wrong guesses against the sign-in limit, so a stolen session cannot guess freely', async () => {
    const start = Date.now();
    const token = await (async () => {
      const r = await signIn(database.db, { email: 'learner@camau.example', password: DEMO_PASSWORD, ip: '10.9.0.1' }, start);
      if (!r.ok) throw new Error('no sign-in');
      return r.token;
    })();
    const session = (await validateSessionToken(database.db, token, start))!;
    const attempt = async (current: string, at: number) =>
      changePassword(await scopeOf(database.db, 'demo-learner', at), { sessionId: session.id, current, password: 'a fine new phrase', confirm: 'a fine new phrase', signOutOthers: false, ip: '10.9.0.1' });
    for (let i = 0; i < 10; i++) expect(await attempt(`guess ${i}`, start + i)).toEqual({ ok: false, errors: { current: { key: 'account.currentWrong' } } });
    expect(await attempt(DEMO_PASSWORD, start + 20)).toEqual({ ok: false, errors: { current: { key: 'signIn.lockedMany', params: { minutes: 5 } } } });
  });
});

describe('looking a person up', () => {
  it('finds someone only within the organisation of the scope asking', async () => {
    expect((await getPerson(await scopeOf(database.db, 'demo-admin'), 'demo-learner'))?.id).toBe('demo-learner');
    expect(await getPerson(await scopeOf(database.db, 'demo-other-p01'), 'demo-learner')).toBeNull();
    expect((await getPersonInAnyOrganisation(database.db, 'demo-learner'))?.organisationId).toBe('demo-org');
  });

  it('lets an administrator change only people of their own organisation', async () => {
    const ctx = await demoAdmin(database);
    expect(await updateAccess(ctx, 'demo-other-p01', { roles: ['learner'], teamIds: [], managedTeamIds: [], mentorId: '' })).toMatchObject({ ok: false, errors: { _form: { key: 'person.notFound' } } });
  });
});

describe('a request scope', () => {
  it('reads only its own organisation’s rows, even when a search matches someone elsewhere', async () => {
    const home = await listPeople(await scopeOf(database.db, 'demo-admin'));
    const other = await listPeople(await scopeOf(database.db, 'demo-other-admin'));
    expect(home.total).toBeGreaterThan(0);
    expect(home.people.every((p) => p.organisationId === 'demo-org')).toBe(true);
    expect(other.people.map((p) => p.id).sort()).toEqual(['demo-other-admin', 'demo-other-p01']);
    // Carys Meredith belongs to the other organisation only.
    expect((await listPeople(await scopeOf(database.db, 'demo-admin'), { q: 'Carys' })).people).toEqual([]);
    expect((await listPeople(await scopeOf(database.db, 'demo-other-admin'), { q: 'Carys' })).people.map((p) => p.id)).toEqual(['demo-other-p01']);
  });
});

describe('the signed-in state of a request', () => {
  it('holds the session, the person and their scope together', async () => {
    const { token, session } = await createSession(database.db, 'demo-learner');
    const now = new Date();
    const { auth, staleSessionId } = await authFromSession(database.db, token, now);
    expect(staleSessionId).toBeNull();
    expect(auth).toMatchObject({ sessionId: session.id, viewer: { id: 'demo-learner', organisationId: 'demo-org' }, scope: { organisationId: 'demo-org', now } });
    expect(auth!.scope.viewer).toBe(auth!.viewer);
  });

  it('is nothing at all, with the session named for ending, when the person may no longer sign in', async () => {
    const { token, session } = await createSession(database.db, 'demo-learner');
    await database.db.update(people).set({ status: 'deactivated' }).where(eq(people.id, 'demo-learner'));
    expect(await authFromSession(database.db, token)).toEqual({ auth: null, staleSessionId: session.id });
  });

  it('is handed to a page whole, and a page on a route left open by mistake fails loudly', async () => {
    const { token } = await createSession(database.db, 'demo-learner');
    const { auth } = await authFromSession(database.db, token);
    expect(signedIn({ auth })).toBe(auth);
    expect(() => signedIn({ auth: null })).toThrow(/open without signing in/);
  });

  it('is nothing at all for a missing or unknown token', async () => {
    expect(await authFromSession(database.db, undefined)).toEqual({ auth: null, staleSessionId: null });
    expect(await authFromSession(database.db, 'abc.def')).toEqual({ auth: null, staleSessionId: null });
  });
});
