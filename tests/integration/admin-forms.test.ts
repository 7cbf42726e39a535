import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { mailOutbox, people } from '../../db/schema/index.ts';
import { getPersonDetail } from '../../src/server/people/people-repo.ts';
import { personAdminForm } from '../../src/server/people/person-admin-form.ts';
import { teamForm } from '../../src/server/people/team-form.ts';
import { inviteForm, inviteNotice, INVITE_NOTICES } from '../../src/server/people/invite-form.ts';
import { smtpMailer } from '../../src/server/mail/mailer.ts';
import { translator } from '../../src/i18n/index.ts';
import { startSmtpServer } from './smtp.ts';
import { importProblemText, peopleImportForm } from '../../src/server/people/people-import-form.ts';
import { demoAdmin, formPost, freshDatabase, PUBLIC_URL } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
  database.cleanup();
});

const statusOf = async (id: string) => (await database.db.select({ status: people.status }).from(people).where(eq(people.id, id)))[0]?.status;

describe('the person page form', () => {
  it('saves details and sends the administrator back to the person with a notice', async () => {
    const result = await personAdminForm(await demoAdmin(database), 'demo-p03', formPost({ action: 'details', name: 'Cai Pritchard-Jones', locale: 'cy' }), 'en');
    expect(result.redirect).toBe('/admin/people/demo-p03?done=saved');
    const person = await getPersonDetail((await demoAdmin(database)).scope, 'demo-p03');
    expect(person).toMatchObject({ name: 'Cai Pritchard-Jones', locale: 'cy' });
  });

  it('shows the details form again with what was typed when the name is empty', async () => {
    const result = await personAdminForm(await demoAdmin(database), 'demo-p03', formPost({ action: 'details', name: '  ', locale: 'en' }), 'cy');
    expect(result).toMatchObject({ status: 422, redirect: null, errors: { name: { key: 'errors.required' } }, values: { action: 'details', name: '  ', locale: 'en' } });
  });

  it('changes access and refuses a person with no role, keeping the ticked boxes as lists', async () => {
    const admin = await demoAdmin(database);
    const saved = await personAdminForm(admin, 'demo-p03', formPost({ action: 'access', roles: ['learner', 'mentor'], teamIds: ['demo-team-coast'], managedTeamIds: [], mentorId: '' }), 'en');
    expect(saved.redirect).toBe('/admin/people/demo-p03?done=saved');
    expect((await getPersonDetail((await demoAdmin(database)).scope, 'demo-p03'))?.roles.sort()).toEqual(['learner', 'mentor']);

    const refused = await personAdminForm(admin, 'demo-p03', formPost({ action: 'access', teamIds: ['demo-team-coast'], mentorId: '' }), 'en');
    expect(refused).toMatchObject({ status: 422, redirect: null, errors: { roles: { key: 'errors.roleRequired' } } });
    expect(refused.values).toMatchObject({ action: 'access', roles: [], teamIds: ['demo-team-coast'], managedTeamIds: [] });
  });

  it('deactivates and reactivates a person, each with its own notice', async () => {
    const admin = await demoAdmin(database);
    expect((await personAdminForm(admin, 'demo-p03', formPost({ action: 'deactivate' }), 'en')).redirect).toBe('/admin/people/demo-p03?done=deactivated');
    expect(await statusOf('demo-p03')).toBe('deactivated');
    expect((await personAdminForm(admin, 'demo-p03', formPost({ action: 'reactivate' }), 'cy')).redirect).toBe('/cy/admin/people/demo-p03?done=reactivated');
    expect(await statusOf('demo-p03')).toBe('active');
  });

  it('refuses to let administrators deactivate themselves', async () => {
    const result = await personAdminForm(await demoAdmin(database), 'demo-admin', formPost({ action: 'deactivate' }), 'en');
    expect(result).toMatchObject({ status: 422, redirect: null, errors: { _form: { key: 'errors.ownAccount' } } });
    expect(await statusOf('demo-admin')).toBe('active');
  });

  it('resends an invitation only to someone still invited', async () => {
    const admin = await demoAdmin(database);
    const before = (await database.db.select().from(mailOutbox)).length;
    // With no mail server the notice says the invitation was kept, not sent.
    expect((await personAdminForm(admin, 'demo-p23', formPost({ action: 'resend' }), 'en')).redirect).toBe('/admin/people/demo-p23?done=resent-kept');
    expect((await database.db.select().from(mailOutbox)).length).toBe(before + 1);
    const refused = await personAdminForm(admin, 'demo-p03', formPost({ action: 'resend' }), 'en');
    expect(refused).toMatchObject({ status: 422, errors: { _form: { key: 'errors.invalidChoice' } } });
  });

  it('says a re-sent invitation was e-mailed only when the mail server took it', async () => {
    smtp = await startSmtpServer();
    const admin = await demoAdmin(database, { mailer: smtpMailer(smtp.url, 'Camau <no-reply@camau.test>') });
    const result = await personAdminForm(admin, 'demo-p23', formPost({ action: 'resend' }), 'cy');
    expect(result.redirect).toBe('/cy/admin/people/demo-p23?done=resent-emailed');
    expect(smtp.received).toHaveLength(1);
    expect(translator('cy')('person.inviteResentEmailed', { email: 'x@example.org' })).toContain('x@example.org');
  });

  it('refuses an action it does not know, including names of object methods', async () => {
    const admin = await demoAdmin(database);
    for (const action of ['promote', 'constructor', '__proto__', '']) {
      const result = await personAdminForm(admin, 'demo-p03', formPost({ action }), 'en');
      expect(result, action).toMatchObject({ status: 422, redirect: null, errors: { _form: { key: 'errors.invalidChoice' } } });
    }
  });

  it('answers 404 for a person who is not in the organisation', async () => {
    const result = await personAdminForm(await demoAdmin(database), 'nobody', formPost({ action: 'deactivate' }), 'en');
    expect(result).toMatchObject({ status: 404, redirect: null });
  });
});

describe('the teams form', () => {
  it('adds a team, or renames one when a team id is sent', async () => {
    const admin = await demoAdmin(database);
    expect((await teamForm(admin, formPost({ nameEn: 'Harbour Team', nameCy: 'Tîm yr Harbwr' }), 'en')).redirect).toBe('/admin/teams?done=added');
    expect((await teamForm(admin, formPost({ teamId: 'demo-team-coast', nameEn: 'Shore Team', nameCy: 'Tîm y Lan' }), 'cy')).redirect).toBe('/cy/admin/teams?done=renamed');
  });

  it('keeps the team id with the errors, so the page reopens the rename form that was sent', async () => {
    const result = await teamForm(await demoAdmin(database), formPost({ teamId: 'demo-team-coast', nameEn: 'Uplands Children and Families Team', nameCy: '' }), 'en');
    expect(result).toMatchObject({ status: 422, redirect: null, values: { teamId: 'demo-team-coast' }, errors: { nameCy: { key: 'errors.required' } } });
  });
});

describe('the invitation form', () => {
  const anwen = () => formPost({ name: 'Anwen Parry', email: 'anwen.parry@example.org', locale: 'cy', roles: ['learner'] });

  it('invites and goes back to the people list, saying the invitation was e-mailed when the mail server took it', async () => {
    smtp = await startSmtpServer();
    const result = await inviteForm(await demoAdmin(database, { mailer: smtpMailer(smtp.url, 'Camau <no-reply@camau.test>') }), anwen(), 'cy');
    expect(result.redirect).toBe('/cy/admin/people?done=invitation-emailed');
    expect(smtp.received.map((m) => m.to)).toEqual([['anwen.parry@example.org']]);
  });

  it('says the invitation is only kept in the outbox when no mail server is set up', async () => {
    const result = await inviteForm(await demoAdmin(database), anwen(), 'en');
    expect(result.redirect).toBe('/admin/people?done=invitation-kept');
  });

  it('says the invitation is queued for retries when the mail server refuses it', async () => {
    smtp = await startSmtpServer({ refuse: () => true });
    const result = await inviteForm(await demoAdmin(database, { mailer: smtpMailer(smtp.url, 'Camau <no-reply@camau.test>') }), anwen(), 'en');
    expect(result.redirect).toBe('/admin/people?done=invitation-queued');
    const [kept] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'anwen.parry@example.org'));
    expect(kept?.status).toBe('failed');
  });

  it('answers an address with an account in another organisation exactly as a new one', async () => {
    const result = await inviteForm(await demoAdmin(database), formPost({ name: 'Carys', email: 'carys.meredith@arall.example', locale: 'en', roles: ['learner'] }), 'en');
    expect(result.redirect).toBe('/admin/people?done=invitation-kept');
  });

  it('shows each notice in both languages, and none for a value it does not know', () => {
    for (const [done, key] of Object.entries(INVITE_NOTICES)) {
      expect(inviteNotice(done)).toBe(key);
      expect(translator('en')(key)).not.toBe(translator('cy')(key));
    }
    expect(translator('en')(inviteNotice('invitation-emailed')!)).toMatch(/^The invitation was emailed\./);
    expect(translator('en')(inviteNotice('invitation-kept')!)).toMatch(/^No mail server is set up, so the invitation was not emailed/);
    expect(translator('cy')(inviteNotice('invitation-kept')!)).toMatch(/^Does dim gweinydd e-bost wedi’i osod/);
    expect(inviteNotice('invited')).toBeNull();
    expect(inviteNotice('constructor')).toBeNull();
    expect(inviteNotice(null)).toBeNull();
  });

  it('keeps what was typed, with the ticked boxes as lists, when the address is missing', async () => {
    const result = await inviteForm(await demoAdmin(database), formPost({ name: 'Anwen Parry', email: '', locale: 'cy', roles: ['learner', 'mentor'] }), 'en');
    expect(result).toMatchObject({ status: 422, redirect: null, errors: { email: { key: 'errors.required' } }, values: { name: 'Anwen Parry', roles: ['learner', 'mentor'], teamIds: [] } });
  });
});

describe('the people import form', () => {
  const upload = (csv: string | null) => {
    const form = new FormData();
    if (csv !== null) form.append('file', new File([csv], 'people.csv', { type: 'text/csv' }));
    return new Request(new URL('/admin/people/import', PUBLIC_URL), { method: 'POST', body: form });
  };

  it('imports every row and says how many', async () => {
    const result = await peopleImportForm(await demoAdmin(database), upload('name,email,team,roles,language\nAnwen Parry,anwen.parry@example.org,,learner,cy\n'), 'en');
    expect(result.redirect).toBe('/admin/people/import?imported=1');
  });

  it('refuses a form without a file as a whole', async () => {
    expect(await peopleImportForm(await demoAdmin(database), upload(null), 'en')).toMatchObject({ status: 422, errors: { file: { key: 'import.noFile' } }, problems: [] });
  });

  it('lists the problems line by line and imports nothing', async () => {
    const result = await peopleImportForm(await demoAdmin(database), upload('name,email,team,roles,language\nAnwen Parry,not-an-address,,learner,cy\n'), 'en');
    expect(result).toMatchObject({ status: 422, redirect: null, errors: {} });
    expect(result.problems).toEqual([expect.objectContaining({ line: 2, field: 'email' })]);
  });

  it('names the line and the column of each problem, in the page’s language', async () => {
    const result = await peopleImportForm(await demoAdmin(database), upload('name,email,team,roles,language\n,anwen.parry@example.org,,learner,cy\n'), 'cy');
    expect(result.problems.map((p) => importProblemText(translator('cy'), p))).toEqual(['Llinell 2, colofn “name”: Mae angen llenwi’r maes hwn.']);
    expect(result.problems.map((p) => importProblemText(translator('en'), p))).toEqual(['Line 2, column “name”: This field is required.']);
  });
});
