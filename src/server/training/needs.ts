import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { needOverrides, needRules, personRoles, people, teamMemberships, teams } from '../../../db/schema/index.ts';
import { checkOverride, NEEDS, resolveNeed, type Need, type NeedRule, type ResolvedNeed } from '../../domain/training/index.ts';
import { ROLES, type Role } from '../../domain/people/index.ts';
import { mayInOrganisation, mayOnPerson } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { personTarget, type Scope } from '../people/index.ts';
import { jsonList, newId } from '../platform/index.ts';

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
 * organisation's people that `where` keeps (an SQL condition on `people` aliased `p`), each with
 * all their teams and roles, the rules and the overrides. Two statements whatever the number of
 * people (the people with their teams and roles as JSON lists; the rules and overrides as JSON): never one per person.
 */
export async function loadNeedsInputs(scope: Scope, where: SQL): Promise<NeedsInputs> {
  const { db, organisationId } = scope;
  const [rows, [org]] = await Promise.all([
    db.all<{ id: string; name: string; teams: string; roles: string }>(sql`select p.id, p.name,
      (select json_group_array(tm.team_id) from team_memberships tm where tm.person_id = p.id) as teams,
      (select json_group_array(r.role) from person_roles r where r.person_id = p.id) as roles
      from people p where p.organisation_id = ${organisationId} and ${where}`),
    // Rules in the order listNeedRules gives; overrides are few: the organisation's, keeping those of the people in view below.
    db.all<{ rules: string; overrides: string }>(sql`select
      (select json_group_array(json_array(id, programme_id, team_id, role, need, workshop_required, updated_at)) from (
        select id, programme_id, team_id, role, need, workshop_required, updated_at from need_rules where organisation_id = ${organisationId} order by programme_id, team_id, role)) as rules,
      (select json_group_array(json_array(person_id, programme_id, need, reason)) from need_overrides where organisation_id = ${organisationId}) as overrides`),
  ]);
  const rules = jsonList<[string, string, string, Role | '', Need, number, number]>(org?.rules).map(
    ([id, programmeId, teamId, role, need, workshopRequired, updatedAt]): StoredNeedRule => ({ id, programmeId, teamId, role, need, workshopRequired: workshopRequired === 1, updatedAt }),
  );
  const overrides = jsonList<[string, string, Need, string]>(org?.overrides).map(([personId, programmeId, need, reason]) => ({ personId, programmeId, need, reason }));
  const byId = new Map<string, NeedsPerson>();
  for (const r of rows) byId.set(r.id, { id: r.id, name: r.name, teamIds: JSON.parse(r.teams) as string[], roles: JSON.parse(r.roles) as Role[] });
  const overridesOf = new Map<string, Map<string, (typeof overrides)[number]>>();
  for (const o of overrides) {
    if (!byId.has(o.personId)) continue;
    const mine = overridesOf.get(o.personId) ?? new Map();
    overridesOf.set(o.personId, mine.set(o.programmeId, o));
  }
  // Most people share their teams and roles with many others: people alike share one cache of needs by programme.
  const cacheOf = new Map<NeedsPerson, Map<string, ResolvedNeed>>();
  const cacheByProfile = new Map<string, Map<string, ResolvedNeed>>();
  for (const person of byId.values()) {
    const profile = `${[...person.teamIds].sort().join(' ')}\u0000${[...person.roles].sort().join(' ')}`;
    const cache = cacheByProfile.get(profile) ?? new Map<string, ResolvedNeed>();
    cacheByProfile.set(profile, cache);
    cacheOf.set(person, cache);
  }
  const needOf = (person: NeedsPerson, programmeId: string): ResolvedNeed => {
    const override = overridesOf.get(person.id)?.get(programmeId);
    if (override) return resolveNeed(rules, person, programmeId, override);
    const cache = cacheOf.get(person);
    let need = cache?.get(programmeId);
    if (!need) {
      need = resolveNeed(rules, person, programmeId, null);
      cache?.set(programmeId, need);
    }
    return need;
  };
  return { people: [...byId.values()], rules, needOf };
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
