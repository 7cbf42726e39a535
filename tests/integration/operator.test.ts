import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, desc, eq } from 'drizzle-orm';
import { openDatabase } from '../../db/client.ts';
import { DEMO_ORGANISATION_ID, DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { DEMO_OPERATOR_ID } from '../../db/seed/demo-operator.ts';
import { auditEvents, mailOutbox, organisations, people, personRoles, platformAuditEvents, sessions } from '../../db/schema/index.ts';
import { setPasswordFromLink } from '../../src/server/auth/account-links.ts';
import { signIn } from '../../src/server/auth/sign-in.ts';
import { createSession } from '../../src/server/auth/sessions.ts';
import { authFromSession, operatorSignedIn } from '../../src/server/auth/signed-in.ts';
import { loadViewer } from '../../src/server/people/people-repo.ts';
import { ScopeRefused } from '../../src/server/people/scope.ts';
import {
  createOrganisation,
  createOrganisationForm,
  getCouncil,
  listCouncils,
  listPlatformAudit,
  organisationForm,
  renameOrganisation,
  setOrganisationActive,
  type OperatorContext,
} from '../../src/server/operator/index.ts';
import { formPost, freshDatabase, latestLinkToken, PUBLIC_URL, quietMailer } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

/** The demo operator acting, as the operator's pages do, at `now`. */
async function operatorCtx(now = Date.now()): Promise<OperatorContext> {
  const { token } = await createSession(database.db, DEMO_OPERATOR_ID, now);
  const { auth } = await authFromSession(database.db, token, new Date(now));
  const { sessionId: _s, ...scope } = operatorSignedIn({ auth });
  return { scope, mailer: quietMailer, publicUrl: PUBLIC_URL, ip: '10.0.0.9' };
}

const gwent = { nameEn: 'Gwent Council', nameCy: 'Cyngor Gwent', defaultLocale: 'cy' as const, adminName: 'Nia Bowen', adminEmail: 'nia.bowen@gwent.example' };

async function platformLog() {
  return database.db.select().from(platformAuditEvents).orderBy(asc(platformAuditEvents.id));
}

describe('a platform operator’s request', () => {
  it('carries the operator’s own scope and an organisation scope that refuses', async () => {
    const { token } = await createSession(database.db, DEMO_OPERATOR_ID);
    const { auth } = await authFromSession(database.db, token);
    expect(auth?.viewer).toMatchObject({ id: DEMO_OPERATOR_ID, operator: true, roles: [] });
    expect(auth?.operator?.operator.id).toBe(DEMO_OPERATOR_ID);
    expect(() => auth!.scope.organisationId).toThrow(ScopeRefused);
    expect(() => auth!.scope.db).toThrow(ScopeRefused);
  });

  it('is never an operator’s for council staff', async () => {
    const { token } = await createSession(database.db, 'demo-admin');
    const { auth } = await authFromSession(database.db, token);
    expect(auth?.viewer.operator).toBe(false);
    expect(auth?.operator).toBeNull();
    expect(() => operatorSignedIn({ auth })).toThrow(/not operators/);
  });

  it('lets the demo operator sign in with the demo password', async () => {
    expect((await signIn(database.db, { email: 'operator@camau.example', password: DEMO_PASSWORD, ip: '10.0.0.1' })).ok).toBe(true);
  });
});

describe('the operator’s list of organisations', () => {
  it('shows councils only, with whether each takes part in the comparison', async () => {
    const ctx = await operatorCtx();
    await database.db.update(organisations).set({ sharesFiguresSince: 1 }).where(eq(organisations.id, DEMO_ORGANISATION_ID));
    const councils = await listCouncils(ctx.scope);
    expect(councils.map((c) => [c.nameEn, c.sharesFigures])).toEqual([
      ['Example Council', true],
      ['Another Council', false],
    ]);
    expect(Object.keys(councils[0]!).sort()).toEqual(['createdAt', 'deactivatedAt', 'defaultLocale', 'id', 'nameCy', 'nameEn', 'sharesFigures']);
    expect(await getCouncil(ctx.scope, 'demo-platform')).toBeNull();
  });
});

describe('creating an organisation', () => {
  it('creates the council and invites its first administrator in the council’s language, audited', async () => {
    const ctx = await operatorCtx();
    const result = await createOrganisation(ctx, gwent);
    expect(result).toMatchObject({ ok: true, value: { delivery: 'kept' } });
    const id = result.ok ? result.value.id : '';
    const [council] = await database.db.select().from(organisations).where(eq(organisations.id, id));
    expect(council).toMatchObject({ kind: 'council', nameEn: 'Gwent Council', nameCy: 'Cyngor Gwent', defaultLocale: 'cy', deactivatedAt: null, sharesFiguresSince: null });
    const [admin] = await database.db.select().from(people).where(eq(people.organisationId, id));
    expect(admin).toMatchObject({ email: 'nia.bowen@gwent.example', name: 'Nia Bowen', status: 'invited', locale: 'cy', passwordHash: null });
    expect(await database.db.select({ role: personRoles.role }).from(personRoles).where(eq(personRoles.personId, admin!.id))).toEqual([{ role: 'admin' }]);

    const mail = await latestLinkToken(database);
    expect(mail.to).toBe('nia.bowen@gwent.example');
    expect(mail.subject).toBe('Gwahoddiad i Camau');
    expect(mail.text).toContain('/cy/set-password?token=');
    expect(mail.text).toContain('Cyngor Gwent');

    expect(await platformLog()).toEqual([
      expect.objectContaining({ actorId: DEMO_OPERATOR_ID, organisationId: id, action: 'organisation.created', ip: '10.0.0.9', detail: { nameEn: 'Gwent Council', nameCy: 'Cyngor Gwent', defaultLocale: 'cy' } }),
    ]);
    const councilLog = await database.db.select().from(auditEvents).where(eq(auditEvents.organisationId, id));
    expect(councilLog).toEqual([expect.objectContaining({ action: 'person.invited', subjectId: admin!.id, actorId: null })]);

    // The administrator sets a password from the link and signs in to their own council.
    const set = await setPasswordFromLink(database.db, { token: mail.token, password: 'tair afon a dwy bont', confirm: 'tair afon a dwy bont', ip: null });
    expect(set.ok).toBe(true);
    const signedIn = await signIn(database.db, { email: 'nia.bowen@gwent.example', password: 'tair afon a dwy bont', ip: '10.0.0.2' });
    expect(signedIn.ok).toBe(true);
    expect((await loadViewer(database.db, admin!.id))?.organisationId).toBe(id);
  });

  it('refuses a name another council has, and an address that already has an account, changing nothing', async () => {
    const ctx = await operatorCtx();
    const result = await createOrganisation(ctx, { ...gwent, nameEn: 'Example Council', nameCy: 'Cyngor Enghreifftiol', adminEmail: 'learner@camau.example' });
    expect(result).toEqual({ ok: false, errors: { nameEn: { key: 'operator.errors.nameTaken' }, nameCy: { key: 'operator.errors.nameTaken' }, adminEmail: { key: 'errors.emailTaken' } } });
    expect(await database.db.select().from(organisations)).toHaveLength(3);
    expect(await platformLog()).toEqual([]);
  });

  it('answers a form with missing fields with 422, every field’s error and what was typed', async () => {
    const ctx = await operatorCtx();
    const result = await createOrganisationForm(ctx, formPost({ nameEn: 'Powys Council', nameCy: '', defaultLocale: 'xx', adminName: 'Ann', adminEmail: 'not an address' }), 'en');
    expect(result.status).toBe(422);
    expect(Object.keys(result.errors).sort()).toEqual(['adminEmail', 'defaultLocale', 'nameCy']);
    expect(result.values).toMatchObject({ nameEn: 'Powys Council', adminName: 'Ann', adminEmail: 'not an address' });
    const made = await createOrganisationForm(ctx, formPost({ ...gwent }), 'cy');
    expect(made.redirect).toBe('/cy/operator?done=created-kept');
  });
});

describe('renaming, deactivating and reactivating a council', () => {
  it('renames both names, audited with the names before and after', async () => {
    const ctx = await operatorCtx();
    expect(await renameOrganisation(ctx, DEMO_ORGANISATION_ID, { nameEn: 'Example County Council', nameCy: 'Cyngor Sir Enghreifftiol' })).toEqual({ ok: true, value: undefined });
    expect(await getCouncil(ctx.scope, DEMO_ORGANISATION_ID)).toMatchObject({ nameEn: 'Example County Council', nameCy: 'Cyngor Sir Enghreifftiol' });
    expect(await platformLog()).toEqual([
      expect.objectContaining({ action: 'organisation.renamed', organisationId: DEMO_ORGANISATION_ID, detail: { from: { nameEn: 'Example Council', nameCy: 'Cyngor Enghreifftiol' }, to: { nameEn: 'Example County Council', nameCy: 'Cyngor Sir Enghreifftiol' } } }),
    ]);
    expect(await renameOrganisation(ctx, 'demo-platform', { nameEn: 'x', nameCy: 'y' })).toEqual({ ok: false, errors: { _form: { key: 'operator.errors.notFound' } } });
  });

  it('deactivating ends its people’s sessions and stops them signing in; reactivating lets them back', async () => {
    const ctx = await operatorCtx();
    const { token } = await createSession(database.db, 'demo-learner');
    const other = await createSession(database.db, 'demo-other-admin');
    await database.db.update(organisations).set({ sharesFiguresSince: Date.now() }).where(eq(organisations.id, DEMO_ORGANISATION_ID));

    expect(await setOrganisationActive(ctx, DEMO_ORGANISATION_ID, false)).toEqual({ ok: true, value: undefined });
    // It leaves the comparison; reactivated, its admin decides afresh whether to take part.
    const [left] = await database.db.select({ since: organisations.sharesFiguresSince }).from(organisations).where(eq(organisations.id, DEMO_ORGANISATION_ID));
    expect(left?.since).toBeNull();
    const people = await database.db.select({ personId: sessions.personId }).from(sessions);
    expect(people.map((s) => s.personId).sort()).toEqual(['demo-operator', 'demo-other-admin']);
    expect((await authFromSession(database.db, token)).auth).toBeNull();
    expect(await loadViewer(database.db, 'demo-learner')).toBeNull();
    const refused = await signIn(database.db, { email: 'learner@camau.example', password: DEMO_PASSWORD, ip: '10.0.0.3' });
    expect(refused).toEqual({ ok: false, reason: 'invalid' });
    // Another council goes on as before.
    expect((await authFromSession(database.db, other.token)).auth?.viewer.id).toBe('demo-other-admin');

    expect(await setOrganisationActive(ctx, DEMO_ORGANISATION_ID, true)).toEqual({ ok: true, value: undefined });
    expect((await signIn(database.db, { email: 'learner@camau.example', password: DEMO_PASSWORD, ip: '10.0.0.3' })).ok).toBe(true);
    expect((await platformLog()).map((e) => [e.action, e.organisationId, e.actorId])).toEqual([
      ['organisation.deactivated', DEMO_ORGANISATION_ID, DEMO_OPERATOR_ID],
      ['organisation.reactivated', DEMO_ORGANISATION_ID, DEMO_OPERATOR_ID],
    ]);
  });

  it('deactivates only when the warning is confirmed, keeping the form’s answer a clear 422', async () => {
    const ctx = await operatorCtx();
    const unconfirmed = await organisationForm(ctx, DEMO_ORGANISATION_ID, formPost({ action: 'deactivate' }), 'en');
    expect(unconfirmed).toMatchObject({ status: 422, errors: { confirm: { key: 'operator.errors.confirmDeactivate' } }, redirect: null });
    expect((await getCouncil(ctx.scope, DEMO_ORGANISATION_ID))?.deactivatedAt).toBeNull();
    const confirmed = await organisationForm(ctx, DEMO_ORGANISATION_ID, formPost({ action: 'deactivate', confirm: 'yes' }), 'cy');
    expect(confirmed.redirect).toBe(`/cy/operator/organisations/${DEMO_ORGANISATION_ID}?done=deactivated`);
    const renamed = await organisationForm(ctx, DEMO_ORGANISATION_ID, formPost({ action: 'rename', nameEn: 'Another Council', nameCy: 'Cyngor Newydd' }), 'en');
    expect(renamed).toMatchObject({ status: 422, errors: { nameEn: { key: 'operator.errors.nameTaken' } }, values: { nameEn: 'Another Council', nameCy: 'Cyngor Newydd' } });
  });
});

describe('the platform audit log', () => {
  it('lists who did what to which organisation, newest first, with the operators’ own sign-ins', async () => {
    const ctx = await operatorCtx(1_000);
    await renameOrganisation({ ...ctx, scope: { ...ctx.scope, now: new Date(2_000) } }, DEMO_ORGANISATION_ID, { nameEn: 'First', nameCy: 'Cyntaf' });
    await signIn(database.db, { email: 'operator@camau.example', password: DEMO_PASSWORD, ip: '10.0.0.5' }, 2_500);
    // A council's own sign-ins stay in that council's log.
    await signIn(database.db, { email: 'admin@camau.example', password: DEMO_PASSWORD, ip: '10.0.0.6' }, 2_600);
    await setOrganisationActive({ ...ctx, scope: { ...ctx.scope, now: new Date(3_000) } }, DEMO_ORGANISATION_ID, false);
    const { rows, total } = await listPlatformAudit(ctx.scope);
    expect(total).toBe(3);
    expect(rows.map((r) => [r.action, r.actorName, r.organisation?.nameEn ?? null, r.at])).toEqual([
      [{ kind: 'platform', action: 'organisation.deactivated' }, 'Gweithredwr Platfform', 'First', 3_000],
      [{ kind: 'account', action: 'sign-in.success' }, 'Gweithredwr Platfform', null, 2_500],
      [{ kind: 'platform', action: 'organisation.renamed' }, 'Gweithredwr Platfform', 'First', 2_000],
    ]);
  });
});

describe('npm run admin:create -- --operator', () => {
  const run = promisify(execFile);
  const script = join(import.meta.dirname, '../../scripts/admin-create.ts');

  it('makes the platform’s row once, invites the operator with a link, and leaves councils to the council path', async () => {
    const url = `file:${join(database.dir, 'script.db')}`;
    const env = { ...process.env, DATABASE_URL: url, CAMAU_DEMO: 'off', SMTP_URL: '', PUBLIC_URL: 'https://camau.example.org' };
    const first = await run(process.execPath, [script, '--operator', '--email', 'Op@Example.org', '--name', 'Olwen Operator', '--language', 'en'], { env });
    expect(first.stdout).toMatch(/Olwen Operator <op@example\.org> is a platform operator/);
    expect(first.stdout).toMatch(/https:\/\/camau\.example\.org\/set-password\?token=/);
    await run(process.execPath, [script, '--operator', '--email', 'second@example.org', '--name', 'Second Operator'], { env });

    // The council path does not count the platform's row: there is still no council to join.
    await expect(run(process.execPath, [script, '--email', 'admin@gwynedd.example', '--name', 'Ann Admin'], { env })).rejects.toMatchObject({ stderr: expect.stringMatching(/no organisation yet/) });
    await run(process.execPath, [script, '--email', 'admin@gwynedd.example', '--name', 'Ann Admin', '--organisation-en', 'Gwynedd Council', '--organisation-cy', 'Cyngor Gwynedd'], { env });
    // With one council and the platform's row, "the organisation" is the council.
    await run(process.execPath, [script, '--email', 'second.admin@gwynedd.example', '--name', 'Bob Admin'], { env });

    const script_db = await openDatabase(url);
    try {
      const orgs = await script_db.db.select().from(organisations).orderBy(asc(organisations.createdAt));
      expect(orgs.map((o) => [o.kind, o.nameEn, o.nameCy])).toEqual([
        ['platform', 'Camau platform', 'Platfform Camau'],
        ['council', 'Gwynedd Council', 'Cyngor Gwynedd'],
      ]);
      const operators = await script_db.db.select().from(people).where(eq(people.organisationId, orgs[0]!.id)).orderBy(asc(people.createdAt), asc(people.email));
      expect(operators.map((p) => [p.email, p.status])).toEqual([
        ['op@example.org', 'invited'],
        ['second@example.org', 'invited'],
      ]);
      expect(await script_db.db.select().from(personRoles).where(eq(personRoles.personId, operators[0]!.id))).toEqual([]);
      const admins = await script_db.db.select({ email: people.email }).from(people).where(eq(people.organisationId, orgs[1]!.id)).orderBy(asc(people.email));
      expect(admins.map((a) => a.email)).toEqual(['admin@gwynedd.example', 'second.admin@gwynedd.example']);
      const log = await script_db.db.select().from(platformAuditEvents).orderBy(desc(platformAuditEvents.id));
      expect(log.map((e) => [e.action, e.actorId])).toEqual([
        ['operator.created', null],
        ['operator.created', null],
      ]);
      const [mail] = await script_db.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, 'op@example.org')));
      expect(mail?.subject).toBe('You are invited to Camau');
    } finally {
      script_db.client.close();
    }
  }, 180_000);
});

describe('the operator’s comparison between councils', () => {
  it('names the councils taking part and gives medians, never a council’s own figure', async () => {
    const { operatorComparison } = await import('../../src/server/operator/index.ts');
    const { token } = await createSession(database.db, DEMO_OPERATOR_ID);
    const { auth } = await authFromSession(database.db, token);
    const scope = operatorSignedIn({ auth });
    const content = { programmes: [], vignettes: [], rubrics: [] };
    const councils = await database.db.select({ id: organisations.id, nameEn: organisations.nameEn }).from(organisations).where(eq(organisations.kind, 'council'));
    await database.db.update(organisations).set({ sharesFiguresSince: Date.now() }).where(eq(organisations.id, DEMO_ORGANISATION_ID));
    const comparison = await operatorComparison(scope, { from: '2025-01-01', to: '2026-12-31' }, content);
    // Only the council that opted in is named.
    expect(comparison.participants.map((p) => p.nameEn)).toEqual(councils.filter((c) => c.id === DEMO_ORGANISATION_ID).map((c) => c.nameEn));
    expect(councils.length).toBeGreaterThan(1);
    for (const figure of comparison.figures) expect(Object.keys(figure)).not.toContain('organisationId');
    expect(JSON.stringify(comparison.figures)).not.toMatch(/demo-(org|mon|conwy)/);
  });
});
