import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { mentorLinks, people, personRoles, teamManagers, teamMemberships, teams } from '../../../db/schema/index.ts';
import { ROLES, type Role } from '../../domain/people/index.ts';
import { localePath, nameIn, type Locale } from '../../domain/common/index.ts';
import { recordAudit } from '../audit/index.ts';
import { passOnMentoringWork } from '../mentoring/index.ts';
import { accountLinkUrl, issueAccountLink } from '../auth/index.ts';
import { deletePersonSessions } from '../auth/index.ts';
import { newId } from '../platform/index.ts';
import { fields, type FieldErrors } from '../platform/index.ts';
import type { Mailer } from '../mail/index.ts';
import { sendMail, type DeliveryResult } from '../mail/index.ts';
import { getPerson, getPersonInAnyOrganisation, listTeams, normaliseEmail } from './people-repo.ts';
import type { Scope } from './scope.ts';

/** What every admin action needs: the acting administrator's scope, where from, and how to reach people. */
export type AdminContext = { scope: Scope; mailer: Mailer; publicUrl: URL; ip: string | null };

export type AdminResult<T = void> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const roleList = z.array(z.enum(ROLES, { error: 'errors.invalidChoice' })).min(1, { error: 'errors.roleRequired' });
const idList = z.array(z.string().max(64));

export const inviteSchema = z.object({
  name: fields.requiredText(200),
  email: fields.email(),
  locale: fields.locale(),
  roles: roleList,
  teamIds: idList,
});
export type InviteInput = z.infer<typeof inviteSchema>;

export const accessSchema = z.object({
  roles: roleList,
  teamIds: idList,
  managedTeamIds: idList,
  mentorId: z.string().max(64),
});
export type AccessInput = z.infer<typeof accessSchema>;

export const detailsSchema = z.object({ name: fields.requiredText(200), locale: fields.locale() });
export const teamSchema = z.object({ nameEn: fields.requiredText(120), nameCy: fields.requiredText(120) });

async function unknownTeamIds({ db, organisationId }: Scope, ids: readonly string[]): Promise<boolean> {
  if (!ids.length) return false;
  const found = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.organisationId, organisationId), inArray(teams.id, [...ids])));
  return found.length !== new Set(ids).size;
}

async function sendInvitation(ctx: AdminContext, person: { id: string; email: string; name: string; locale: Locale }, token: string) {
  return sendMail(ctx.scope.db, ctx.mailer, {
    organisationId: ctx.scope.organisationId,
    organisationName: nameIn(person.locale, ctx.scope.viewer.organisation),
    personId: person.id,
    to: person.email,
    recipientName: person.name,
    locale: person.locale,
    template: 'invitation',
    link: accountLinkUrl(ctx.publicUrl, person.locale, token),
  }, ctx.scope.now.getTime());
}

async function tellAboutExistingAccount(ctx: AdminContext, personId: string, now: number): Promise<DeliveryResult> {
  const person = await getPersonInAnyOrganisation(ctx.scope.db, personId);
  // Gone since the check a moment ago: nothing to send, answered like a message kept back.
  if (!person) return { status: 'kept' };
  return sendMail(ctx.scope.db, ctx.mailer, {
    organisationId: person.organisationId,
    organisationName: nameIn(person.locale, ctx.scope.viewer.organisation),
    personId: person.id,
    to: person.email,
    recipientName: person.name,
    locale: person.locale,
    template: 'accountExists',
    link: new URL(localePath(person.locale, '/forgot-password'), ctx.publicUrl).href,
  }, now);
}

/**
 * Invites one person: creates the account (status invited), its roles and teams, and e-mails a
 * link. An address already used in this organisation is refused (the admin can see it anyway).
 * An address with an account in another organisation gets the same answer as a new one, so no
 * organisation learns who has accounts elsewhere: no account is made (`id` is null) and the
 * person is told by e-mail, recorded in their own organisation's outbox. `delivery` says whether
 * the message was e-mailed, only kept in the outbox (no mail server) or queued for retries.
 */
export async function invitePerson(ctx: AdminContext, input: InviteInput): Promise<AdminResult<{ id: string | null; delivery: DeliveryResult['status'] }>> {
  const now = ctx.scope.now.getTime();
  if (await unknownTeamIds(ctx.scope, input.teamIds)) return { ok: false, errors: { teamIds: { key: 'errors.invalidChoice' } } };
  const created = await ctx.scope.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: people.id, organisationId: people.organisationId }).from(people).where(eq(people.email, normaliseEmail(input.email)));
    if (taken) return taken.organisationId === ctx.scope.organisationId ? null : { kind: 'elsewhere' as const, personId: taken.id };
    const id = newId();
    await tx.insert(people).values({ id, organisationId: ctx.scope.organisationId, email: normaliseEmail(input.email), name: input.name, locale: input.locale, status: 'invited', createdAt: now, updatedAt: now });
    await tx.insert(personRoles).values([...new Set(input.roles)].map((role) => ({ personId: id, role })));
    if (input.teamIds.length) await tx.insert(teamMemberships).values([...new Set(input.teamIds)].map((teamId) => ({ personId: id, teamId })));
    const token = await issueAccountLink(tx, id, 'invitation', now);
    await recordAudit(tx, { organisationId: ctx.scope.organisationId, actorId: ctx.scope.viewer.id, subjectId: id, action: 'person.invited', detail: { roles: input.roles, teamIds: input.teamIds }, ip: ctx.ip }, now);
    return { kind: 'created' as const, id, token };
  });
  if (!created) return { ok: false, errors: { email: { key: 'errors.emailTaken' } } };
  if (created.kind === 'elsewhere') {
    const told = await tellAboutExistingAccount(ctx, created.personId, now);
    return { ok: true, value: { id: null, delivery: told.status } };
  }
  const sent = await sendInvitation(ctx, { id: created.id, email: normaliseEmail(input.email), name: input.name, locale: input.locale }, created.token);
  return { ok: true, value: { id: created.id, delivery: sent.status } };
}

/**
 * Sends a fresh invitation to someone who has not yet set a password; the old link stops working.
 * `delivery` says whether it was e-mailed, only kept in the outbox or queued for retries.
 */
export async function resendInvitation(ctx: AdminContext, personId: string): Promise<AdminResult<{ delivery: DeliveryResult['status'] }>> {
  const now = ctx.scope.now.getTime();
  const person = await getPerson(ctx.scope, personId);
  if (!person || person.status !== 'invited') return { ok: false, errors: { _form: { key: 'errors.invalidChoice' } } };
  const token = await ctx.scope.db.transaction(async (tx) => {
    const t = await issueAccountLink(tx, person.id, 'invitation', now);
    await recordAudit(tx, { organisationId: person.organisationId, actorId: ctx.scope.viewer.id, subjectId: person.id, action: 'person.invitation-resent', ip: ctx.ip }, now);
    return t;
  });
  const sent = await sendInvitation(ctx, person, token);
  return { ok: true, value: { delivery: sent.status } };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

/** Changes a person's roles, teams, managed teams and mentor; each kind of change is audited. */
export async function updateAccess(ctx: AdminContext, personId: string, input: AccessInput): Promise<AdminResult> {
  const now = ctx.scope.now.getTime();
  const org = ctx.scope.organisationId;
  const person = await getPerson(ctx.scope, personId);
  if (!person) return { ok: false, errors: { _form: { key: 'person.notFound' } } };
  const errors: FieldErrors = {};
  if (personId === ctx.scope.viewer.id && !input.roles.includes('admin')) errors.roles = { key: 'errors.ownAdminRole' };
  if (await unknownTeamIds(ctx.scope, input.teamIds)) errors.teamIds = { key: 'errors.invalidChoice' };
  if (await unknownTeamIds(ctx.scope, input.managedTeamIds)) errors.managedTeamIds = { key: 'errors.invalidChoice' };
  if (input.mentorId) {
    const mentor = await getPerson(ctx.scope, input.mentorId);
    const isMentor = mentor && (await ctx.scope.db.select().from(personRoles).where(and(eq(personRoles.personId, mentor.id), eq(personRoles.role, 'mentor')))).length > 0;
    if (!mentor || mentor.id === personId || !isMentor) errors.mentorId = { key: 'errors.mentorInvalid' };
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  await ctx.scope.db.transaction(async (tx) => {
    const audit = (action: 'person.roles-changed' | 'person.teams-changed' | 'person.managed-teams-changed' | 'person.mentor-changed', detail: Record<string, unknown>) =>
      recordAudit(tx, { organisationId: org, actorId: ctx.scope.viewer.id, subjectId: personId, action, detail, ip: ctx.ip }, now);
    const roles = (await tx.select().from(personRoles).where(eq(personRoles.personId, personId))).map((r) => r.role);
    if (!sameSet(roles, input.roles)) {
      await tx.delete(personRoles).where(eq(personRoles.personId, personId));
      await tx.insert(personRoles).values([...new Set(input.roles)].map((role: Role) => ({ personId, role })));
      await audit('person.roles-changed', { from: roles, to: input.roles });
    }
    const memberOf = (await tx.select().from(teamMemberships).where(eq(teamMemberships.personId, personId))).map((r) => r.teamId);
    if (!sameSet(memberOf, input.teamIds)) {
      await tx.delete(teamMemberships).where(eq(teamMemberships.personId, personId));
      if (input.teamIds.length) await tx.insert(teamMemberships).values([...new Set(input.teamIds)].map((teamId) => ({ personId, teamId })));
      await audit('person.teams-changed', { from: memberOf, to: input.teamIds });
    }
    // Managing teams only makes sense for managers; dropping the role drops the teams.
    const managedTeamIds = input.roles.includes('manager') ? input.managedTeamIds : [];
    const manages = (await tx.select().from(teamManagers).where(eq(teamManagers.personId, personId))).map((r) => r.teamId);
    if (!sameSet(manages, managedTeamIds)) {
      await tx.delete(teamManagers).where(eq(teamManagers.personId, personId));
      if (managedTeamIds.length) await tx.insert(teamManagers).values([...new Set(managedTeamIds)].map((teamId) => ({ personId, teamId })));
      await audit('person.managed-teams-changed', { from: manages, to: managedTeamIds });
    }
    const [link] = await tx.select().from(mentorLinks).where(eq(mentorLinks.menteeId, personId));
    if ((link?.mentorId ?? '') !== input.mentorId) {
      await tx.delete(mentorLinks).where(eq(mentorLinks.menteeId, personId));
      if (input.mentorId) await tx.insert(mentorLinks).values({ menteeId: personId, mentorId: input.mentorId, createdAt: now });
      await audit('person.mentor-changed', { from: link?.mentorId ?? null, to: input.mentorId || null });
      // The old mentor's open work for this person goes to the new one (or to the admins).
      if (link) await passOnMentoringWork(tx, { organisationId: org, menteeIds: [personId], fromMentorId: link.mentorId, toMentorId: input.mentorId || null, actorId: ctx.scope.viewer.id, ip: ctx.ip, now });
    }
    if (roles.includes('mentor') && !input.roles.includes('mentor')) {
      await tx.delete(mentorLinks).where(eq(mentorLinks.mentorId, personId));
      await passOnMentoringWork(tx, { organisationId: org, menteeIds: 'all-of-mentor', fromMentorId: personId, toMentorId: null, actorId: ctx.scope.viewer.id, ip: ctx.ip, now });
    }
  });
  return { ok: true, value: undefined };
}

export async function updateDetails(ctx: AdminContext, personId: string, input: z.infer<typeof detailsSchema>): Promise<AdminResult> {
  const now = ctx.scope.now.getTime();
  const person = await getPerson(ctx.scope, personId);
  if (!person) return { ok: false, errors: { _form: { key: 'person.notFound' } } };
  if (person.name === input.name && person.locale === input.locale) return { ok: true, value: undefined };
  await ctx.scope.db.transaction(async (tx) => {
    await tx.update(people).set({ name: input.name, locale: input.locale, updatedAt: now }).where(eq(people.id, personId));
    await recordAudit(tx, { organisationId: person.organisationId, actorId: ctx.scope.viewer.id, subjectId: personId, action: 'person.details-changed', detail: { from: { name: person.name, locale: person.locale }, to: input }, ip: ctx.ip }, now);
  });
  return { ok: true, value: undefined };
}

/** Deactivating ends every session at once; reactivating restores an account that had a password. */
export async function setActive(ctx: AdminContext, personId: string, active: boolean): Promise<AdminResult> {
  const now = ctx.scope.now.getTime();
  const person = await getPerson(ctx.scope, personId);
  if (!person) return { ok: false, errors: { _form: { key: 'person.notFound' } } };
  if (!active && personId === ctx.scope.viewer.id) return { ok: false, errors: { _form: { key: 'errors.ownAccount' } } };
  const status = active ? (person.passwordHash ? 'active' : 'invited') : 'deactivated';
  if (person.status === status) return { ok: true, value: undefined };
  await ctx.scope.db.transaction(async (tx) => {
    await tx.update(people).set({ status, updatedAt: now }).where(eq(people.id, personId));
    await recordAudit(tx, { organisationId: person.organisationId, actorId: ctx.scope.viewer.id, subjectId: personId, action: active ? 'person.reactivated' : 'person.deactivated', ip: ctx.ip }, now);
    // A deactivated mentor's open work goes to the organisation's admins.
    if (!active) await passOnMentoringWork(tx, { organisationId: person.organisationId, menteeIds: 'all-of-mentor', fromMentorId: personId, toMentorId: null, actorId: ctx.scope.viewer.id, ip: ctx.ip, now });
  });
  if (!active) await deletePersonSessions(ctx.scope.db, personId);
  return { ok: true, value: undefined };
}

export async function createTeam(ctx: AdminContext, input: z.infer<typeof teamSchema>): Promise<AdminResult<{ id: string }>> {
  const now = ctx.scope.now.getTime();
  const existing = await listTeams(ctx.scope);
  if (existing.some((t) => t.nameEn.toLowerCase() === input.nameEn.toLowerCase())) return { ok: false, errors: { nameEn: { key: 'errors.teamNameTaken' } } };
  if (existing.some((t) => t.nameCy.toLowerCase() === input.nameCy.toLowerCase())) return { ok: false, errors: { nameCy: { key: 'errors.teamNameTaken' } } };
  const id = newId();
  await ctx.scope.db.transaction(async (tx) => {
    await tx.insert(teams).values({ id, organisationId: ctx.scope.organisationId, nameEn: input.nameEn, nameCy: input.nameCy, createdAt: now });
    await recordAudit(tx, { organisationId: ctx.scope.organisationId, actorId: ctx.scope.viewer.id, action: 'team.created', detail: { teamId: id, ...input }, ip: ctx.ip }, now);
  });
  return { ok: true, value: { id } };
}

export async function renameTeam(ctx: AdminContext, teamId: string, input: z.infer<typeof teamSchema>): Promise<AdminResult> {
  const now = ctx.scope.now.getTime();
  const existing = await listTeams(ctx.scope);
  const team = existing.find((t) => t.id === teamId);
  if (!team) return { ok: false, errors: { _form: { key: 'errors.invalidChoice' } } };
  const others = existing.filter((t) => t.id !== teamId);
  if (others.some((t) => t.nameEn.toLowerCase() === input.nameEn.toLowerCase())) return { ok: false, errors: { nameEn: { key: 'errors.teamNameTaken' } } };
  if (others.some((t) => t.nameCy.toLowerCase() === input.nameCy.toLowerCase())) return { ok: false, errors: { nameCy: { key: 'errors.teamNameTaken' } } };
  await ctx.scope.db.transaction(async (tx) => {
    await tx.update(teams).set(input).where(eq(teams.id, teamId));
    await recordAudit(tx, { organisationId: ctx.scope.organisationId, actorId: ctx.scope.viewer.id, action: 'team.renamed', detail: { teamId, from: { nameEn: team.nameEn, nameCy: team.nameCy }, to: input }, ip: ctx.ip }, now);
  });
  return { ok: true, value: undefined };
}
