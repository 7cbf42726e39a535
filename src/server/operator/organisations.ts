import { and, asc, eq, inArray, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import { organisations, people, personRoles, sessions } from '../../../db/schema/index.ts';
import { nameIn, type Locale } from '../../domain/common/index.ts';
import { accountLinkUrl, issueAccountLink } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { sendMail, type DeliveryResult, type Mailer } from '../mail/index.ts';
import { normaliseEmail, type OperatorScope, type Organisation } from '../people/index.ts';
import { fields, newId, type FieldErrors } from '../platform/index.ts';
import { recordPlatformAudit } from './platform-audit.ts';

/** What an operator's change needs: their scope, the mailer and links' base, and their address for the log. */
export type OperatorContext = { scope: OperatorScope; mailer: Mailer; publicUrl: URL; ip: string | null };

export type OperatorResult<T = void> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** A council as the operator sees it: names, dates and whether it takes part in the comparison; nothing of its people. */
export type CouncilSummary = Pick<Organisation, 'id' | 'nameEn' | 'nameCy' | 'defaultLocale' | 'createdAt' | 'deactivatedAt'> & { sharesFigures: boolean };

export const organisationNamesSchema = z.object({ nameEn: fields.requiredText(120), nameCy: fields.requiredText(120) });
export const newOrganisationSchema = organisationNamesSchema.extend({
  defaultLocale: fields.locale(),
  adminName: fields.requiredText(200),
  adminEmail: fields.email(),
});

const councilColumns = {
  id: organisations.id,
  nameEn: organisations.nameEn,
  nameCy: organisations.nameCy,
  defaultLocale: organisations.defaultLocale,
  createdAt: organisations.createdAt,
  deactivatedAt: organisations.deactivatedAt,
  sharesFiguresSince: organisations.sharesFiguresSince,
};

const summary = ({ sharesFiguresSince, ...row }: { sharesFiguresSince: number | null } & Omit<CouncilSummary, 'sharesFigures'>): CouncilSummary => ({ ...row, sharesFigures: sharesFiguresSince !== null });

/** Every council (never the platform's own row), oldest first. */
export async function listCouncils({ db }: OperatorScope): Promise<CouncilSummary[]> {
  const rows = await db.select(councilColumns).from(organisations).where(eq(organisations.kind, 'council')).orderBy(asc(organisations.createdAt), asc(organisations.nameEn));
  return rows.map(summary);
}

/** One council, or null (the platform's own row is no council). */
export async function getCouncil({ db }: OperatorScope, id: string): Promise<CouncilSummary | null> {
  const [row] = await db.select(councilColumns).from(organisations).where(and(eq(organisations.id, id), eq(organisations.kind, 'council')));
  return row ? summary(row) : null;
}

type Reader = Pick<OperatorScope['db'], 'select'>;

/** Errors for names another council already has (in either language), so councils can be told apart. */
async function takenNames(db: Reader, names: { nameEn: string; nameCy: string }, exceptId: string | null): Promise<FieldErrors> {
  const same = await db
    .select({ nameEn: organisations.nameEn, nameCy: organisations.nameCy })
    .from(organisations)
    .where(and(eq(organisations.kind, 'council'), or(eq(organisations.nameEn, names.nameEn), eq(organisations.nameCy, names.nameCy)), exceptId ? ne(organisations.id, exceptId) : undefined));
  const errors: FieldErrors = {};
  if (same.some((o) => o.nameEn === names.nameEn)) errors.nameEn = { key: 'operator.errors.nameTaken' };
  if (same.some((o) => o.nameCy === names.nameCy)) errors.nameCy = { key: 'operator.errors.nameTaken' };
  return errors;
}

/**
 * Creates a council with its first administrator (invited, no password yet) in one transaction,
 * audited in the platform log and in the council's own log, then e-mails the administrator their
 * set-password link in the council's default language. An address that already has an account
 * anywhere is refused: the operator may know, and one address is one account.
 */
export async function createOrganisation(
  ctx: OperatorContext,
  input: z.infer<typeof newOrganisationSchema>,
): Promise<OperatorResult<{ id: string; delivery: DeliveryResult['status'] }>> {
  const { db, operator } = ctx.scope;
  const now = ctx.scope.now.getTime();
  const email = normaliseEmail(input.adminEmail);
  const locale: Locale = input.defaultLocale;
  const created = await db.transaction(async (tx) => {
    const errors = await takenNames(tx, input, null);
    const [taken] = await tx.select({ id: people.id }).from(people).where(eq(people.email, email));
    if (taken) errors.adminEmail = { key: 'errors.emailTaken' };
    if (Object.keys(errors).length) return { ok: false as const, errors };
    const organisationId = newId();
    const adminId = newId();
    await tx.insert(organisations).values({ id: organisationId, nameEn: input.nameEn, nameCy: input.nameCy, defaultLocale: locale, createdAt: now, kind: 'council' });
    await tx.insert(people).values({ id: adminId, organisationId, email, name: input.adminName, locale, status: 'invited', createdAt: now, updatedAt: now });
    await tx.insert(personRoles).values({ personId: adminId, role: 'admin' });
    const token = await issueAccountLink(tx, adminId, 'invitation', now);
    await recordAudit(tx, { organisationId, actorId: null, subjectId: adminId, action: 'person.invited', detail: { roles: ['admin'], via: 'operator' }, ip: ctx.ip }, now);
    await recordPlatformAudit(tx, { actorId: operator.id, organisationId, action: 'organisation.created', detail: { nameEn: input.nameEn, nameCy: input.nameCy, defaultLocale: locale }, ip: ctx.ip }, now);
    return { ok: true as const, organisationId, adminId, token };
  });
  if (!created.ok) return created;
  const sent = await sendMail(db, ctx.mailer, {
    organisationId: created.organisationId,
    organisationName: nameIn(locale, input),
    personId: created.adminId,
    to: email,
    recipientName: input.adminName,
    locale,
    template: 'invitation',
    link: accountLinkUrl(ctx.publicUrl, locale, created.token),
  }, now);
  return { ok: true, value: { id: created.organisationId, delivery: sent.status } };
}

/** Renames a council in both languages; audited with the names before and after. */
export async function renameOrganisation(ctx: OperatorContext, id: string, input: z.infer<typeof organisationNamesSchema>): Promise<OperatorResult> {
  const { db, operator } = ctx.scope;
  const now = ctx.scope.now.getTime();
  return db.transaction(async (tx) => {
    const [council] = await tx.select().from(organisations).where(and(eq(organisations.id, id), eq(organisations.kind, 'council')));
    if (!council) return { ok: false, errors: { _form: { key: 'operator.errors.notFound' } } };
    const errors = await takenNames(tx, input, id);
    if (Object.keys(errors).length) return { ok: false, errors };
    await tx.update(organisations).set({ nameEn: input.nameEn, nameCy: input.nameCy }).where(eq(organisations.id, id));
    await recordPlatformAudit(tx, { actorId: operator.id, organisationId: id, action: 'organisation.renamed', detail: { from: { nameEn: council.nameEn, nameCy: council.nameCy }, to: input }, ip: ctx.ip }, now);
    return { ok: true, value: undefined };
  });
}

/**
 * Deactivates a council (its people can no longer sign in, every live session of theirs ends and
 * it leaves the comparison: reactivated, its admin decides afresh whether to take part) or
 * reactivates it. Doing what is already so changes nothing and records nothing.
 */
export async function setOrganisationActive(ctx: OperatorContext, id: string, active: boolean): Promise<OperatorResult> {
  const { db, operator } = ctx.scope;
  const now = ctx.scope.now.getTime();
  return db.transaction(async (tx) => {
    const [council] = await tx.select().from(organisations).where(and(eq(organisations.id, id), eq(organisations.kind, 'council')));
    if (!council) return { ok: false, errors: { _form: { key: 'operator.errors.notFound' } } };
    if ((council.deactivatedAt === null) === active) return { ok: true, value: undefined };
    await tx.update(organisations).set(active ? { deactivatedAt: null } : { deactivatedAt: now, sharesFiguresSince: null }).where(eq(organisations.id, id));
    if (!active) await tx.delete(sessions).where(inArray(sessions.personId, tx.select({ id: people.id }).from(people).where(eq(people.organisationId, id))));
    await recordPlatformAudit(tx, { actorId: operator.id, organisationId: id, action: active ? 'organisation.reactivated' : 'organisation.deactivated', detail: active ? undefined : { leftComparison: council.sharesFiguresSince !== null }, ip: ctx.ip }, now);
    return { ok: true, value: undefined };
  });
}
