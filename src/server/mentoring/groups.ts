import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { groupMembers, mentoringGroups, mentoringSessions, people } from '../../../db/schema/index.ts';
import type { SessionState } from '../../domain/mentoring/index.ts';
import { hasRole, mayOnGroup } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Scope } from '../people/index.ts';
import { newId, type FieldErrors } from '../platform/index.ts';
import { cancelPlannedSessionIn } from './sessions.ts';

export const GROUP_NAME_MAX = 120;
export const GROUP_MAX_MEMBERS = 40;

export type GroupInput = { id?: string | null; name: string; memberIds: readonly string[]; revision?: number | null };
export type SaveGroupResult = { ok: true; id: string } | { ok: false; errors: FieldErrors } | { ok: false; conflict: true } | { ok: false; notFound: true };

async function loadGroup(scope: Scope, id: string) {
  const [group] = await scope.db.select().from(mentoringGroups).where(eq(mentoringGroups.id, id));
  if (!group) return null;
  const members = await scope.db.select({ personId: groupMembers.personId }).from(groupMembers).where(eq(groupMembers.groupId, id));
  return { group, memberIds: members.map((m) => m.personId) };
}

/**
 * Creates or renames a mentor's support group and sets its members: the mentor's mentees or
 * anyone active in the organisation. A person of another organisation (or no one) is a field
 * error and nothing is saved; a stale revision is a conflict. Audited with ids only.
 */
export async function saveGroup(scope: Scope, input: GroupInput, ip: string | null): Promise<SaveGroupResult> {
  const now = scope.now.getTime();
  const existing = input.id ? await loadGroup(scope, input.id) : null;
  if (input.id && (!existing || !mayOnGroup(scope.viewer, 'group.edit', { organisationId: existing.group.organisationId, mentorId: existing.group.mentorId, memberIds: existing.memberIds }))) {
    return { ok: false, notFound: true };
  }
  if (!existing && !hasRole(scope.viewer, 'mentor')) return { ok: false, notFound: true };
  // A cancelled group is kept for its history only.
  if (existing && existing.group.archivedAt !== null) return { ok: false, notFound: true };
  const errors: FieldErrors = {};
  const name = input.name.trim();
  if (!name) errors.name = { key: 'errors.required' };
  else if (name.length > GROUP_NAME_MAX) errors.name = { key: 'errors.tooLong', params: { max: GROUP_NAME_MAX } };
  const memberIds = [...new Set(input.memberIds.map((id) => id.trim()).filter(Boolean))].filter((id) => id !== scope.viewer.id);
  if (!memberIds.length) errors.memberIds = { key: 'groups.errors.noMembers' };
  else if (memberIds.length > GROUP_MAX_MEMBERS) errors.memberIds = { key: 'groups.errors.tooMany' };
  else {
    const found = await scope.db
      .select({ id: people.id })
      .from(people)
      .where(and(inArray(people.id, memberIds), eq(people.organisationId, scope.organisationId), eq(people.status, 'active')));
    if (found.length !== memberIds.length) errors.memberIds = { key: 'groups.errors.member' };
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  return scope.db.transaction(async (tx): Promise<SaveGroupResult> => {
    let id: string;
    if (existing) {
      id = existing.group.id;
      const updated = await tx
        .update(mentoringGroups)
        .set({ name, updatedAt: now, revision: sql`${mentoringGroups.revision} + 1` })
        .where(and(eq(mentoringGroups.id, id), eq(mentoringGroups.revision, input.revision ?? -1)))
        .returning({ id: mentoringGroups.id });
      if (!updated.length) return { ok: false, conflict: true };
      const removed = existing.memberIds.filter((m) => !memberIds.includes(m));
      if (removed.length) await tx.delete(groupMembers).where(and(eq(groupMembers.groupId, id), inArray(groupMembers.personId, removed)));
    } else {
      id = newId();
      await tx.insert(mentoringGroups).values({ id, organisationId: scope.organisationId, mentorId: scope.viewer.id, name, createdAt: now, updatedAt: now });
    }
    const added = memberIds.filter((m) => !existing?.memberIds.includes(m));
    if (added.length) await tx.insert(groupMembers).values(added.map((personId) => ({ groupId: id, personId, addedAt: now })));
    await recordAudit(tx, { organisationId: scope.organisationId, actorId: scope.viewer.id, action: existing ? 'group.edited' : 'group.created', detail: { groupId: id }, ip }, now);
    return { ok: true, id };
  });
}

export type GroupView = {
  id: string;
  name: string;
  revision: number;
  members: { id: string; name: string }[];
  sessions: { id: string; date: string; startsAt: string; state: SessionState; topic: string | null }[];
  /** Whether its mentor cancelled it: it keeps its history but takes no new sessions. */
  cancelled: boolean;
};

/** A group for its mentor: the members' names and that group's sessions only; null for anyone else. */
export async function groupView(scope: Scope, id: string): Promise<GroupView | null> {
  const found = await loadGroup(scope, id);
  if (!found) return null;
  const { group, memberIds } = found;
  if (!mayOnGroup(scope.viewer, 'group.view', { organisationId: group.organisationId, mentorId: group.mentorId, memberIds })) return null;
  const [members, sessions] = await Promise.all([
    memberIds.length ? scope.db.select({ id: people.id, name: people.name }).from(people).where(and(inArray(people.id, memberIds), eq(people.organisationId, group.organisationId))).orderBy(asc(people.name)) : [],
    scope.db
      .select({ id: mentoringSessions.id, date: mentoringSessions.date, startsAt: mentoringSessions.startsAt, state: mentoringSessions.state, topic: mentoringSessions.topic })
      .from(mentoringSessions)
      .where(eq(mentoringSessions.groupId, group.id))
      .orderBy(desc(mentoringSessions.date), desc(mentoringSessions.startsAt)),
  ]);
  return { id: group.id, name: group.name, revision: group.revision, members, sessions, cancelled: group.archivedAt !== null };
}

export type CancelGroupResult = { ok: true; cancelledSessionIds: string[] } | { ok: false; errors: FieldErrors } | { ok: false; conflict: true } | { ok: false; notFound: true };

/**
 * Cancels one of the viewer's groups, once confirmed: the group is archived (kept for its history)
 * and each of its planned sessions cancelled as a single session is, in one transaction, audited
 * `group.cancelled` with the group id only. Answers the cancelled sessions' ids so the caller can
 * send their cancellations after commit. A stale revision is a conflict and changes nothing.
 */
export async function cancelGroup(scope: Scope, input: { id: string; revision: number | null; confirmed: boolean }, ip: string | null): Promise<CancelGroupResult> {
  const now = scope.now.getTime();
  const found = await loadGroup(scope, input.id);
  if (!found || found.group.archivedAt !== null) return { ok: false, notFound: true };
  const { group, memberIds } = found;
  if (!mayOnGroup(scope.viewer, 'group.edit', { organisationId: group.organisationId, mentorId: group.mentorId, memberIds })) return { ok: false, notFound: true };
  if (!input.confirmed) return { ok: false, errors: { confirm: { key: 'groups.errors.confirmCancel' } } };
  return scope.db.transaction(async (tx): Promise<CancelGroupResult> => {
    const archived = await tx
      .update(mentoringGroups)
      .set({ archivedAt: now, updatedAt: now, revision: sql`${mentoringGroups.revision} + 1` })
      .where(and(eq(mentoringGroups.id, group.id), eq(mentoringGroups.revision, input.revision ?? -1), isNull(mentoringGroups.archivedAt)))
      .returning({ id: mentoringGroups.id });
    if (!archived.length) return { ok: false, conflict: true };
    const planned = await tx.select().from(mentoringSessions).where(and(eq(mentoringSessions.groupId, group.id), eq(mentoringSessions.state, 'planned')));
    const cancelledSessionIds: string[] = [];
    for (const session of planned) if (await cancelPlannedSessionIn(tx, scope, session, null, ip)) cancelledSessionIds.push(session.id);
    await recordAudit(tx, { organisationId: scope.organisationId, actorId: scope.viewer.id, action: 'group.cancelled', detail: { groupId: group.id }, ip }, now);
    return { ok: true, cancelledSessionIds };
  });
}

export type GroupRow = { id: string; name: string; members: number };

/** The viewer's own groups (not archived), by name, with how many members each has. */
export async function listMyGroups(scope: Scope): Promise<GroupRow[]> {
  const rows = await scope.db
    .select({ id: mentoringGroups.id, name: mentoringGroups.name, members: sql<number>`(select count(*) from ${groupMembers} where ${groupMembers.groupId} = ${mentoringGroups.id})` })
    .from(mentoringGroups)
    .where(and(eq(mentoringGroups.organisationId, scope.organisationId), eq(mentoringGroups.mentorId, scope.viewer.id), isNull(mentoringGroups.archivedAt)))
    .orderBy(asc(mentoringGroups.name));
  return rows.map((r) => ({ ...r, members: Number(r.members) }));
}

/** The people a mentor may put in a group: their mentees first, then everyone else active in the organisation. */
export async function groupCandidates(scope: Scope): Promise<{ mentees: { id: string; name: string }[]; others: { id: string; name: string }[] }> {
  const everyone = await scope.db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.organisationId, scope.organisationId), eq(people.status, 'active')))
    .orderBy(asc(people.name));
  const others = everyone.filter((p) => p.id !== scope.viewer.id);
  return { mentees: others.filter((p) => scope.viewer.menteeIds.includes(p.id)), others: others.filter((p) => !scope.viewer.menteeIds.includes(p.id)) };
}
