import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { needOverrides, needRules, personRoles, people, teamMemberships, teams } from '../../../db/schema/index.ts';
import { checkOverride, NEEDS, resolveNeed, type Need, type NeedRule, type ResolvedNeed } from '../../domain/training/index.ts';
import { ROLES, type Role } from '../../domain/people/index.ts';
import { mayInOrganisation, mayOnPerson } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { personTarget, type Scope } from '../people/index.ts';
import { newId } from '../platform/index.ts';

/** A programme as the needs analysis reads it from the content: its id, title and current module list. */
export type TnaProgramme = { id: string; title: { en: string; cy: string }; modules: readonly string[] };

/** A stored needs rule with its id (teamId '' = every team, role '' = every role). */
export type StoredNeedRule = NeedRule & { id: string; updatedAt: number };

export type NeedRuleInput = { programmeId: string; teamId: string; role: string; need: Need; workshopRequired: boolean };
export type NeedRuleErrorKey = 'needsRules.errors.programme' | 'needsRules.errors.team' | 'needsRules.errors.role' | 'needsRules.errors.need';
export type NeedsResult = { ok: true } | { ok: false; error: 'not-allowed' | 'not-found' } | { ok: false; error: 'invalid'; fields: Record<string, NeedRuleErrorKey | 'tna.errors.need' | 'tna.errors.reason' | 'tna.errors.programme'> };

/** The organisation's needs rules, by programme, then team, then role. */
export async function listNeedRules(scope: Scope): Promise<StoredNeedRule[]> {
  const rows = await scope.db
    .select()
    .from(needRules)
    .where(eq(needRules.organisationId, scope.organisationId))
    .orderBy(asc(needRules.programmeId), asc(needRules.teamId), asc(needRules.role));
  return rows.map((r) => ({ id: r.id, programmeId: r.programmeId, teamId: r.teamId, role: r.role, need: r.need, workshopRequired: r.workshopRequired, updatedAt: r.updatedAt }));
}

/**
 * Adds or changes the one rule for (programme, team, role) — admins only, audited. Programme ids
 * are checked against the content's; the team must be the organisation's.
 */
export async function saveNeedRule(scope: Scope, input: NeedRuleInput, programmeIds: readonly string[], ip: string | null): Promise<NeedsResult> {
  if (!mayInOrganisation(scope.viewer, 'training.rules.manage')) return { ok: false, error: 'not-allowed' };
  const fields: Record<string, NeedRuleErrorKey> = {};
  if (!programmeIds.includes(input.programmeId)) fields.programmeId = 'needsRules.errors.programme';
  if (input.role !== '' && !(ROLES as readonly string[]).includes(input.role)) fields.role = 'needsRules.errors.role';
  if (!(NEEDS as readonly string[]).includes(input.need)) fields.need = 'needsRules.errors.need';
  if (input.teamId !== '') {
    const [team] = await scope.db.select({ id: teams.id }).from(teams).where(and(eq(teams.id, input.teamId), eq(teams.organisationId, scope.organisationId)));
    if (!team) fields.teamId = 'needsRules.errors.team';
  }
  if (Object.keys(fields).length > 0) return { ok: false, error: 'invalid', fields };
  const now = scope.now.getTime();
  await scope.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(needRules)
      .values({ id: newId(), organisationId: scope.organisationId, ...input, updatedBy: scope.viewer.id, updatedAt: now })
      .onConflictDoUpdate({
        target: [needRules.organisationId, needRules.programmeId, needRules.teamId, needRules.role],
        set: { need: input.need, workshopRequired: input.workshopRequired, updatedBy: scope.viewer.id, updatedAt: now },
      })
      .returning({ id: needRules.id });
    await recordAudit(tx, { organisationId: scope.organisationId, actorId: scope.viewer.id, action: 'needs-rule.changed', detail: { rule: saved!.id, ...input }, ip }, now);
  });
  return { ok: true };
}

/** Removes one rule of the organisation — admins only, audited; another organisation's id is "not found". */
export async function removeNeedRule(scope: Scope, ruleId: string, ip: string | null): Promise<NeedsResult> {
  if (!mayInOrganisation(scope.viewer, 'training.rules.manage')) return { ok: false, error: 'not-allowed' };
  const now = scope.now.getTime();
  return scope.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(needRules)
      .where(and(eq(needRules.id, ruleId), eq(needRules.organisationId, scope.organisationId)))
      .returning({ programmeId: needRules.programmeId, teamId: needRules.teamId, role: needRules.role });
    if (!gone) return { ok: false, error: 'not-found' } as const;
    await recordAudit(tx, { organisationId: scope.organisationId, actorId: scope.viewer.id, action: 'needs-rule.changed', detail: { rule: ruleId, removed: true, ...gone }, ip }, now);
    return { ok: true } as const;
  });
}

/**
 * A manager of one of the person's teams (or an admin) sets that person's need for one programme,
 * with a reason; audited (the reason is not copied into the log). Someone the viewer may not act
 * for looks exactly like no one.
 */
export async function overrideNeed(
  scope: Scope,
  personId: string,
  input: { programmeId: string; need: string; reason: string },
  programmeIds: readonly string[],
  ip: string | null,
): Promise<NeedsResult> {
  const target = await personTarget(scope.db, personId);
  if (!target || !mayOnPerson(scope.viewer, 'training.need.override', target)) return { ok: false, error: 'not-found' };
  const fields: Record<string, 'tna.errors.need' | 'tna.errors.reason' | 'tna.errors.programme'> = { ...checkOverride(input) };
  if (!programmeIds.includes(input.programmeId)) fields.programmeId = 'tna.errors.programme';
  if (Object.keys(fields).length > 0) return { ok: false, error: 'invalid', fields };
  const need = input.need as Need;
  const reason = input.reason.trim();
  const now = scope.now.getTime();
  await scope.db.transaction(async (tx) => {
    await tx
      .insert(needOverrides)
      .values({ personId, programmeId: input.programmeId, organisationId: scope.organisationId, need, reason, setBy: scope.viewer.id, setAt: now })
      .onConflictDoUpdate({ target: [needOverrides.personId, needOverrides.programmeId], set: { need, reason, setBy: scope.viewer.id, setAt: now } });
    await recordAudit(tx, { organisationId: scope.organisationId, actorId: scope.viewer.id, subjectId: personId, action: 'need.overridden', detail: { programme: input.programmeId, need }, ip }, now);
  });
  return { ok: true };
}

/** A person as the needs rules read them: their teams (all of them) and roles. */
export type NeedsPerson = { id: string; name: string; teamIds: string[]; roles: Role[] };

/** The needs of a set of people: who they are, the organisation's rules, and each person's resolved need for a programme. */
export type NeedsInputs = {
  people: NeedsPerson[];
  rules: StoredNeedRule[];
  /** The person's need for a programme from the rules, or their override; resolved once per teams, roles and programme. */
  needOf: (person: NeedsPerson, programmeId: string) => ResolvedNeed;
};

/**
 * The one loader of needs inputs for many people (the needs analysis and the rollout page): the
 * people `personIds` selects (SQL selecting ids), restricted to the organisation, one row each with
 * their teams and roles packed, the rules, and those people's overrides: three statements in all.
 */
export async function loadNeedsInputs(scope: Scope, personIds: SQL): Promise<NeedsInputs> {
  const { db, organisationId } = scope;
  const [rows, rules, overrides] = await Promise.all([
    db.all<{ id: string; name: string; teams: string | null; roles: string | null }>(sql`
      select p.id, p.name,
        (select group_concat(tm.team_id, ' ') from team_memberships tm where tm.person_id = p.id) as teams,
        (select group_concat(r.role, ' ') from person_roles r where r.person_id = p.id) as roles
      from people p where p.organisation_id = ${organisationId} and p.id in (${personIds})`),
    listNeedRules(scope),
    db
      .select({ personId: needOverrides.personId, programmeId: needOverrides.programmeId, need: needOverrides.need, reason: needOverrides.reason })
      .from(needOverrides)
      .where(and(eq(needOverrides.organisationId, organisationId), sql`${needOverrides.personId} in (${personIds})`)),
  ]);
  const people = rows.map((r) => ({ id: r.id, name: r.name, teamIds: r.teams ? r.teams.split(' ') : [], roles: (r.roles ? r.roles.split(' ') : []) as Role[] }));
  const overrideOf = new Map(overrides.map((o) => [`${o.personId}\u0000${o.programmeId}`, o]));
  // Most people share their teams and roles with many others: resolve each combination once.
  const resolved = new Map<string, ResolvedNeed>();
  const needOf = (person: NeedsPerson, programmeId: string): ResolvedNeed => {
    const override = overrideOf.get(`${person.id}\u0000${programmeId}`);
    if (override) return resolveNeed(rules, person, programmeId, override);
    const k = `${programmeId}\u0000${person.teamIds.join(' ')}\u0000${person.roles.join(' ')}`;
    let need = resolved.get(k);
    if (!need) resolved.set(k, (need = resolveNeed(rules, person, programmeId, null)));
    return need;
  };
  return { people, rules, needOf };
}

/** One person's need for each programme, resolved from the rules and their overrides (with the override's reason). */
export type PersonNeed = ResolvedNeed & { programmeId: string; reason: string | null };

/**
 * The needs of one person, resolved now from the rules and overrides: needs are never stored per
 * person, so someone added today has the needs of their teams and roles without any extra step.
 */
export async function needsOf(scope: Scope, personId: string, programmes: readonly TnaProgramme[]): Promise<PersonNeed[]> {
  const { db, organisationId } = scope;
  const [rules, overrides, memberships, roles] = await Promise.all([
    listNeedRules(scope),
    db.select().from(needOverrides).where(and(eq(needOverrides.personId, personId), eq(needOverrides.organisationId, organisationId))),
    db.select({ teamId: teamMemberships.teamId }).from(teamMemberships).where(eq(teamMemberships.personId, personId)),
    db.select({ role: personRoles.role }).from(personRoles).innerJoin(people, eq(people.id, personRoles.personId)).where(and(eq(personRoles.personId, personId), eq(people.organisationId, organisationId))),
  ]);
  const person = { teamIds: memberships.map((m) => m.teamId), roles: roles.map((r) => r.role as Role) };
  return programmes.map((p) => {
    const override = overrides.find((o) => o.programmeId === p.id) ?? null;
    return { programmeId: p.id, ...resolveNeed(rules, person, p.id, override), reason: override?.reason ?? null };
  });
}
