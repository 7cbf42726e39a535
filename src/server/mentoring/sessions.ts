import { and, asc, desc, eq, inArray, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import {
  agreedActions,
  groupMembers,
  mentoringGroups,
  mentoringSessions,
  mentorLinks,
  people,
  sessionAttendance,
  sessionPrivateNotes,
  sessionTakeaways,
} from '../../../db/schema/index.ts';
import {
  actionHistory,
  carryForward,
  checkSession,
  filledActions,
  sessionState,
  awaitsRecording,
  type ActionInput,
  type AgreedAction,
  type Attendance,
  type CarryDecision,
  type FocusTag,
  type SessionFormat,
  type SessionInput,
  type SessionKind,
  type SessionState,
} from '../../domain/mentoring/index.ts';
import { mayOnGroup, mayOnPerson, mayOnSession, type SessionTarget } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Tx } from '../cpd/index.ts';
import { personTarget, type Scope } from '../people/index.ts';
import { newId, type FieldErrors } from '../platform/index.ts';
import { recordSessionCpd } from './session-cpd.ts';
import { londonClock } from './session-time.ts';

/** The longest "what I took from it" line. */
export const TAKEAWAY_MAX = 1_000;

type SessionRow = typeof mentoringSessions.$inferSelect;
type ActionRow = typeof agreedActions.$inferSelect;

/** An action row as the form posts it: an existing row keeps its id. */
export type ActionRowInput = ActionInput & { id?: string | null };
/** A participant's attendance at a group session, by person id. */
export type AttendanceInput = Readonly<Record<string, Attendance>>;

export type SaveSessionInput = Omit<SessionInput, 'actions'> & {
  id?: string | null;
  revision?: number | null;
  requestKey: string;
  location?: string | null;
  actions: ActionRowInput[];
  /** What happens to earlier open actions (new 1:1 sessions only); each needs a decision, or nothing is saved. */
  carry: Readonly<Record<string, CarryDecision>>;
  attendance?: AttendanceInput;
};

/** What changed for the calendar: 'planned' and 'updated' send invitations, null changes nothing outside. */
export type SessionChange = 'planned' | 'updated' | 'recorded' | null;
export type SaveSessionResult =
  | { ok: true; id: string; change: SessionChange; repeat: boolean }
  | { ok: false; errors: FieldErrors }
  | { ok: false; conflict: true }
  | { ok: false; notFound: true };

function toAgreedAction(row: ActionRow): AgreedAction {
  return {
    id: row.id,
    sessionId: row.sessionId,
    position: row.position,
    text: row.text,
    ownerId: row.ownerId,
    dueDate: row.dueDate,
    state: row.state,
    carriedFromId: row.carriedFromId,
    doneAt: row.doneAt,
    doneBy: row.doneBy,
    updatedAt: row.updatedAt,
  };
}

async function attendeeIdsOf(db: Scope['db'], session: Pick<SessionRow, 'id' | 'groupId'>): Promise<string[]> {
  const rows = await db.select({ personId: sessionAttendance.personId }).from(sessionAttendance).where(eq(sessionAttendance.sessionId, session.id));
  const ids = new Set(rows.map((r) => r.personId));
  if (session.groupId) {
    const members = await db.select({ personId: groupMembers.personId }).from(groupMembers).where(eq(groupMembers.groupId, session.groupId));
    for (const m of members) ids.add(m.personId);
  }
  return [...ids];
}

/** The policy's view of a session, or null when there is no such session anywhere. */
async function sessionTarget(db: Scope['db'], id: string): Promise<{ row: SessionRow; target: SessionTarget } | null> {
  const [row] = await db.select().from(mentoringSessions).where(eq(mentoringSessions.id, id));
  if (!row) return null;
  return { row, target: { organisationId: row.organisationId, authorId: row.authorId, menteeId: row.menteeId, attendeeIds: await attendeeIdsOf(db, row) } };
}

/** Who may own an action of this session: the author and the mentee, or the group's members. */
async function participantsOf(scope: Scope, input: { kind: SessionKind; menteeId?: string | null; groupId?: string | null }): Promise<string[]> {
  if (input.kind === 'one-to-one') return [scope.viewer.id, ...(input.menteeId ? [input.menteeId] : [])];
  if (!input.groupId) return [scope.viewer.id];
  const members = await scope.db.select({ personId: groupMembers.personId }).from(groupMembers).where(eq(groupMembers.groupId, input.groupId));
  return [scope.viewer.id, ...members.map((m) => m.personId)];
}

async function mayRecordWith(scope: Scope, input: { kind: SessionKind; menteeId?: string | null; groupId?: string | null }): Promise<boolean> {
  if (input.kind === 'one-to-one') {
    if (!input.menteeId) return false;
    const target = await personTarget(scope.db, input.menteeId);
    // Sessions are part of the mentoring relationship: only the person's own mentor records them.
    return target !== null && mayOnPerson(scope.viewer, 'mentoring.assign', target);
  }
  if (!input.groupId) return false;
  const [group] = await scope.db.select().from(mentoringGroups).where(eq(mentoringGroups.id, input.groupId));
  if (!group || group.archivedAt !== null) return false;
  const members = await scope.db.select({ personId: groupMembers.personId }).from(groupMembers).where(eq(groupMembers.groupId, group.id));
  return mayOnGroup(scope.viewer, 'group.edit', { organisationId: group.organisationId, mentorId: group.mentorId, memberIds: members.map((m) => m.personId) });
}

function fieldErrors(keys: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  // The domain's keys are all message keys of the sessions namespace.
  for (const [field, key] of Object.entries(keys)) errors[field] = { key: key as FieldErrors[string]['key'] };
  return errors;
}

/**
 * Saves a new session or an edit of one of the viewer's sessions, in one write transaction: the
 * session, its private note (its own table), its agreed actions, the earlier open actions done,
 * carried forward or dropped (new sessions only), attendance, the attendees' CPD time and the
 * audit entry (ids only). A repeated request key answers the first session (a double-clicked
 * Save); a stale revision answers a conflict and writes nothing. The state follows the clock:
 * a session whose start is still to come is planned, otherwise recorded. A new 1:1 session
 * whose mentee has earlier open actions without a decision answers a field error for each
 * (`carry[id]`) and saves nothing, so no action is carried forward unseen.
 */
export async function saveSession(scope: Scope, input: SaveSessionInput, ip: string | null): Promise<SaveSessionResult> {
  const now = scope.now.getTime();
  const clock = londonClock(now);
  const existing = input.id ? await sessionTarget(scope.db, input.id) : null;
  if (input.id && (!existing || !mayOnSession(scope.viewer, 'session.edit', existing.target))) return { ok: false, notFound: true };
  if (existing && existing.row.state === 'cancelled') return { ok: false, notFound: true };
  // An edit keeps who the session is with: CPD and invitations follow the people it was planned with.
  const who = existing
    ? { kind: existing.row.kind, menteeId: existing.row.menteeId, groupId: existing.row.groupId }
    : { kind: input.kind, menteeId: input.kind === 'one-to-one' ? input.menteeId?.trim() || null : null, groupId: input.kind === 'group' ? input.groupId?.trim() || null : null };
  const checked: SessionInput = { ...input, ...who, menteeId: who.menteeId ?? undefined, groupId: who.groupId ?? undefined };
  const errors = fieldErrors(checkSession(checked, clock.date));
  if (!existing && !errors.kind && !errors.menteeId && !errors.groupId && !(await mayRecordWith(scope, who))) {
    errors[who.kind === 'group' ? 'groupId' : 'menteeId'] = { key: who.kind === 'group' ? 'sessions.errors.group' : 'sessions.errors.mentee' };
  }
  const participants = await participantsOf(scope, who);
  for (const { index, action } of filledActions(input.actions)) {
    const field = `actions[${index}].owner`;
    if (!errors[field] && action.ownerId.trim() && !participants.includes(action.ownerId)) errors[field] = { key: 'sessions.errors.actionOwner' };
  }
  if (!existing && who.kind === 'one-to-one' && who.menteeId && !errors.menteeId && !(await isRepeat(scope, input.requestKey))) {
    // Nothing is carried forward unseen: every earlier open action needs its decision from the form.
    for (const action of await openActionsOf(scope.db, scope, who.menteeId)) {
      if (!Object.hasOwn(input.carry, action.id)) errors[`carry[${action.id}]`] = { key: 'sessions.errors.carryUndecided', params: { action: action.text } };
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  const state: SessionState = sessionState(input.date, input.startsAt, clock, false);
  return scope.db.transaction(async (tx): Promise<SaveSessionResult> => {
    if (!existing) {
      const [repeat] = await tx
        .select({ id: mentoringSessions.id })
        .from(mentoringSessions)
        .where(and(eq(mentoringSessions.authorId, scope.viewer.id), eq(mentoringSessions.requestKey, input.requestKey)));
      if (repeat) return { ok: true, id: repeat.id, change: null, repeat: true };
    }
    const facts = {
      date: input.date,
      startsAt: input.startsAt,
      durationMinutes: input.durationMinutes,
      format: input.format,
      focus: input.focus,
      location: input.location?.trim() || null,
      topic: who.kind === 'group' ? input.topic?.trim() || null : null,
      sharedSummary: input.sharedSummary.trim(),
      state,
      updatedAt: now,
    };
    let id: string;
    let change: SessionChange;
    if (existing) {
      id = existing.row.id;
      const updated = await tx
        .update(mentoringSessions)
        .set({ ...facts, revision: sql`${mentoringSessions.revision} + 1` })
        .where(and(eq(mentoringSessions.id, id), eq(mentoringSessions.revision, input.revision ?? -1), ne(mentoringSessions.state, 'cancelled')))
        .returning({ id: mentoringSessions.id });
      if (!updated.length) return { ok: false, conflict: true };
      change = state === 'planned' ? (existing.row.state === 'planned' ? 'updated' : 'planned') : 'recorded';
    } else {
      id = newId();
      await tx.insert(mentoringSessions).values({
        id,
        organisationId: scope.organisationId,
        authorId: scope.viewer.id,
        kind: who.kind,
        menteeId: who.menteeId,
        groupId: who.groupId,
        requestKey: input.requestKey,
        createdAt: now,
        ...facts,
      });
      change = state === 'planned' ? 'planned' : 'recorded';
    }
    await savePrivateNote(tx, id, scope.viewer.id, input.privateNotes, now);
    await saveActions(tx, scope, id, existing ? null : who.menteeId, input, now);
    const attendees = await saveAttendance(tx, id, who, state, input.attendance ?? {});
    const mentorName = scope.viewer.name;
    const groupName = who.groupId ? ((await tx.select({ name: mentoringGroups.name }).from(mentoringGroups).where(eq(mentoringGroups.id, who.groupId)))[0]?.name ?? '') : '';
    await recordSessionCpd(tx, { id, kind: who.kind, state, date: input.date, startsAt: input.startsAt, durationMinutes: input.durationMinutes, mentorName, groupName }, attendees);
    await recordAudit(
      tx,
      { organisationId: scope.organisationId, actorId: scope.viewer.id, subjectId: who.menteeId, action: existing ? 'session.edited' : 'session.created', detail: { sessionId: id }, ip },
      now,
    );
    return { ok: true, id, change, repeat: false };
  });
}

/** Whether the viewer already saved a session with this request key (a double-clicked Save). */
async function isRepeat(scope: Scope, requestKey: string): Promise<boolean> {
  const [row] = await scope.db
    .select({ id: mentoringSessions.id })
    .from(mentoringSessions)
    .where(and(eq(mentoringSessions.authorId, scope.viewer.id), eq(mentoringSessions.requestKey, requestKey)));
  return !!row;
}

async function savePrivateNote(tx: Tx, sessionId: string, authorId: string, text: string, now: number): Promise<void> {
  const note = text.trim();
  if (!note) {
    await tx.delete(sessionPrivateNotes).where(and(eq(sessionPrivateNotes.sessionId, sessionId), eq(sessionPrivateNotes.authorId, authorId)));
    return;
  }
  await tx
    .insert(sessionPrivateNotes)
    .values({ sessionId, authorId, text: note, updatedAt: now })
    .onConflictDoUpdate({ target: sessionPrivateNotes.sessionId, set: { text: note, updatedAt: now } });
}

async function saveActions(tx: Tx, scope: Scope, sessionId: string, carryFromMentee: string | null, input: SaveSessionInput, now: number): Promise<void> {
  let position = 0;
  if (carryFromMentee) {
    const open = await openActionsOf(tx, scope, carryFromMentee);
    const { updates, inserts } = carryForward(open, input.carry, sessionId, now, { actorId: scope.viewer.id });
    for (const u of updates) {
      await tx.update(agreedActions).set({ state: u.state, doneAt: u.doneAt, doneBy: u.doneBy, updatedAt: u.updatedAt }).where(and(eq(agreedActions.id, u.id), eq(agreedActions.state, 'open')));
    }
    if (inserts.length) await tx.insert(agreedActions).values(inserts.map((row) => ({ ...row, id: newId(), organisationId: scope.organisationId })));
    position = inserts.length;
  } else {
    const [last] = await tx.select({ position: agreedActions.position }).from(agreedActions).where(eq(agreedActions.sessionId, sessionId)).orderBy(desc(agreedActions.position)).limit(1);
    position = last ? last.position + 1 : 0;
  }
  const own = await tx.select().from(agreedActions).where(eq(agreedActions.sessionId, sessionId));
  const byId = new Map(own.map((row) => [row.id, row]));
  for (const row of input.actions) {
    const existing = row.id ? byId.get(row.id) : undefined;
    const filled = !!(row.text.trim() || row.ownerId.trim() || row.dueDate.trim());
    if (existing) {
      // Clearing a row drops the action rather than deleting it, so a carried action's history stays whole.
      if (!filled) {
        if (existing.state === 'open') await tx.update(agreedActions).set({ state: 'dropped', updatedAt: now }).where(eq(agreedActions.id, existing.id));
      } else {
        await tx.update(agreedActions).set({ text: row.text.trim(), ownerId: row.ownerId, dueDate: row.dueDate.trim(), updatedAt: now }).where(eq(agreedActions.id, existing.id));
      }
    } else if (filled) {
      await tx.insert(agreedActions).values({
        id: newId(),
        organisationId: scope.organisationId,
        sessionId,
        position: position++,
        text: row.text.trim(),
        ownerId: row.ownerId,
        dueDate: row.dueDate.trim(),
        state: 'open',
        updatedAt: now,
      });
    }
  }
}

async function saveAttendance(
  tx: Tx,
  sessionId: string,
  who: { kind: SessionKind; menteeId: string | null; groupId: string | null },
  state: SessionState,
  attendance: AttendanceInput,
): Promise<{ personId: string; attendance: Attendance }[]> {
  let rows: { personId: string; attendance: Attendance }[];
  if (who.kind === 'one-to-one') rows = who.menteeId ? [{ personId: who.menteeId, attendance: 'present' }] : [];
  else {
    const members = who.groupId ? await tx.select({ personId: groupMembers.personId }).from(groupMembers).where(eq(groupMembers.groupId, who.groupId)) : [];
    rows = members.map((m) => ({ personId: m.personId, attendance: attendance[m.personId] ?? 'present' }));
  }
  await tx.delete(sessionAttendance).where(eq(sessionAttendance.sessionId, sessionId));
  // Until it has happened, nobody has attended: the rows are written when the session is recorded.
  if (state === 'recorded' && rows.length) await tx.insert(sessionAttendance).values(rows.map((r) => ({ sessionId, ...r })));
  return rows;
}

/**
 * Open agreed actions of the organisation's sessions that were not cancelled, with their session's
 * mentee and date, oldest session first: the one query behind carrying forward, the overview and
 * the progress section. `where` narrows it (whose sessions, whose actions).
 */
export async function openActionRows(db: Pick<Scope['db'], 'select'>, scope: Scope, where: SQL | undefined) {
  return db
    .select({ action: agreedActions, menteeId: mentoringSessions.menteeId, sessionDate: mentoringSessions.date })
    .from(agreedActions)
    .innerJoin(mentoringSessions, eq(mentoringSessions.id, agreedActions.sessionId))
    .where(and(eq(agreedActions.organisationId, scope.organisationId), eq(agreedActions.state, 'open'), ne(mentoringSessions.state, 'cancelled'), where))
    .orderBy(asc(mentoringSessions.date), asc(mentoringSessions.startsAt), asc(agreedActions.position));
}

async function openActionsOf(db: Pick<Scope['db'], 'select'>, scope: Scope, menteeId: string): Promise<AgreedAction[]> {
  const rows = await openActionRows(db, scope, and(eq(mentoringSessions.authorId, scope.viewer.id), eq(mentoringSessions.menteeId, menteeId)));
  // Positions restart in every session; the order across sessions is what carrying forward keeps.
  return rows.map(({ action }, index) => ({ ...toAgreedAction(action), position: index }));
}

/** The open actions of the viewer's earlier sessions with this mentee, oldest first (for the new-session form). */
export async function previousOpenActions(scope: Scope, menteeId: string): Promise<AgreedAction[]> {
  if (!scope.viewer.menteeIds.includes(menteeId)) return [];
  return openActionsOf(scope.db, scope, menteeId);
}

/**
 * Cancels one of the viewer's planned sessions: a higher revision (the cancellation's SEQUENCE),
 * no CPD time, audited. A stale revision is a conflict; a session already held cannot be cancelled.
 */
export async function cancelSession(
  scope: Scope,
  id: string,
  revision: number,
  ip: string | null,
): Promise<{ ok: true } | { ok: false; notFound: true } | { ok: false; conflict: true } | { ok: false; errors: FieldErrors }> {
  const found = await sessionTarget(scope.db, id);
  if (!found || !mayOnSession(scope.viewer, 'session.edit', found.target)) return { ok: false, notFound: true };
  if (found.row.state !== 'planned') return { ok: false, errors: { _form: { key: 'sessions.errors.notPlanned' } } };
  return scope.db.transaction(async (tx) => ((await cancelPlannedSessionIn(tx, scope, found.row, revision, ip)) ? { ok: true as const } : { ok: false as const, conflict: true as const }));
}

/**
 * Inside a write transaction, cancels one planned session of the viewer: a higher revision (the
 * cancellation's SEQUENCE), its CPD time removed, audited `session.cancelled`. False when it is no
 * longer planned or `revision` (when given) is stale. The caller sends the cancellations after commit.
 */
export async function cancelPlannedSessionIn(tx: Tx, scope: Scope, row: SessionRow, revision: number | null, ip: string | null): Promise<boolean> {
  const now = scope.now.getTime();
  const updated = await tx
    .update(mentoringSessions)
    .set({ state: 'cancelled', cancelledAt: now, updatedAt: now, revision: sql`${mentoringSessions.revision} + 1` })
    // The organisation too: a row handed in by a caller can never reach another organisation's session.
    .where(and(eq(mentoringSessions.id, row.id), eq(mentoringSessions.organisationId, scope.organisationId), revision === null ? undefined : eq(mentoringSessions.revision, revision), eq(mentoringSessions.state, 'planned')))
    .returning({ id: mentoringSessions.id });
  if (!updated.length) return false;
  const who = { kind: row.kind, menteeId: row.menteeId, groupId: row.groupId };
  const attendees = await saveAttendance(tx, row.id, who, 'cancelled', {});
  await recordSessionCpd(tx, { id: row.id, kind: row.kind, state: 'cancelled', date: row.date, startsAt: row.startsAt, durationMinutes: row.durationMinutes, mentorName: scope.viewer.name, groupName: '' }, attendees);
  await recordAudit(tx, { organisationId: scope.organisationId, actorId: scope.viewer.id, subjectId: row.menteeId, action: 'session.cancelled', detail: { sessionId: row.id }, ip }, now);
  return true;
}

export type SessionActionView = {
  id: string;
  text: string;
  ownerId: string;
  ownerName: string;
  dueDate: string;
  state: AgreedAction['state'];
  /** The day the action was first agreed, when it was carried forward from an earlier session. */
  firstAgreedOn: string | null;
  carriedTimes: number;
};

/** A session as its author or a participant sees it. It never carries the private note: see `privateNoteOf`. */
export type SessionView = {
  id: string;
  kind: SessionKind;
  state: SessionState;
  date: string;
  startsAt: string;
  durationMinutes: number;
  format: SessionFormat;
  focus: FocusTag[];
  location: string | null;
  /** A group session's topic; null for a 1:1. */
  topic: string | null;
  sharedSummary: string;
  revision: number;
  author: { id: string; name: string };
  mentee: { id: string; name: string } | null;
  group: { id: string; name: string } | null;
  attendees: { id: string; name: string; attendance: Attendance | null }[];
  actions: SessionActionView[];
  takeaways: { id: string; personId: string; name: string; text: string; createdAt: number }[];
  canEdit: boolean;
  canAddTakeaway: boolean;
};

/** One session for someone the policy lets see it, else null (no such session, another organisation, not theirs). */
export async function sessionView(scope: Scope, id: string): Promise<SessionView | null> {
  const found = await sessionTarget(scope.db, id);
  if (!found || !mayOnSession(scope.viewer, 'session.view', found.target)) return null;
  const { row } = found;
  const { db } = scope;
  const sameThread = row.groupId ? eq(mentoringSessions.groupId, row.groupId) : and(eq(mentoringSessions.menteeId, row.menteeId ?? ''), eq(mentoringSessions.authorId, row.authorId));
  const [thread, names, attendance, takeaways, group] = await Promise.all([
    db
      .select({ action: agreedActions, date: mentoringSessions.date })
      .from(agreedActions)
      .innerJoin(mentoringSessions, eq(mentoringSessions.id, agreedActions.sessionId))
      .where(and(eq(agreedActions.organisationId, row.organisationId), sameThread!)),
    db.select({ id: people.id, name: people.name }).from(people).where(eq(people.organisationId, row.organisationId)),
    db.select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, row.id)),
    db.select().from(sessionTakeaways).where(eq(sessionTakeaways.sessionId, row.id)).orderBy(asc(sessionTakeaways.createdAt)),
    row.groupId ? db.select({ id: mentoringGroups.id, name: mentoringGroups.name }).from(mentoringGroups).where(eq(mentoringGroups.id, row.groupId)) : Promise.resolve([]),
  ]);
  const nameOf = new Map(names.map((p) => [p.id, p.name]));
  const all = thread.map((t) => toAgreedAction(t.action));
  const dateOfSession = new Map(thread.map((t) => [t.action.sessionId, t.date]));
  const actions = thread
    .filter((t) => t.action.sessionId === row.id)
    .sort((a, b) => a.action.position - b.action.position)
    .map(({ action }): SessionActionView => {
      const history = actionHistory(all, action.id);
      const first = history[0]!;
      return {
        id: action.id,
        text: action.text,
        ownerId: action.ownerId,
        ownerName: nameOf.get(action.ownerId) ?? '',
        dueDate: action.dueDate,
        state: action.state,
        firstAgreedOn: history.length > 1 ? (dateOfSession.get(first.sessionId) ?? null) : null,
        carriedTimes: history.length - 1,
      };
    });
  const attendanceOf = new Map(attendance.map((a) => [a.personId, a.attendance]));
  const attendees = found.target.attendeeIds.concat(row.menteeId && !found.target.attendeeIds.includes(row.menteeId) ? [row.menteeId] : []);
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    date: row.date,
    startsAt: row.startsAt,
    durationMinutes: row.durationMinutes,
    format: row.format,
    focus: row.focus,
    location: row.location,
    topic: row.topic,
    sharedSummary: row.sharedSummary,
    revision: row.revision,
    author: { id: row.authorId, name: nameOf.get(row.authorId) ?? '' },
    mentee: row.menteeId ? { id: row.menteeId, name: nameOf.get(row.menteeId) ?? '' } : null,
    group: group[0] ?? null,
    attendees: attendees.map((personId) => ({ id: personId, name: nameOf.get(personId) ?? '', attendance: attendanceOf.get(personId) ?? null })),
    actions,
    takeaways: takeaways.map((t) => ({ id: t.id, personId: t.personId, name: nameOf.get(t.personId) ?? '', text: t.text, createdAt: t.createdAt })),
    canEdit: mayOnSession(scope.viewer, 'session.edit', found.target) && row.state !== 'cancelled',
    canAddTakeaway: mayOnSession(scope.viewer, 'session.takeaway', found.target) && row.state === 'recorded',
  };
}

/**
 * The private note of a session, read only for its author: the one way to read a private note.
 * The policy decides ('session.private-notes'), and the query also filters by author, so no
 * policy slip elsewhere can show it to anyone else.
 */
export async function privateNoteOf(scope: Scope, id: string): Promise<string | null> {
  const found = await sessionTarget(scope.db, id);
  if (!found || !mayOnSession(scope.viewer, 'session.private-notes', found.target)) return null;
  const [note] = await scope.db
    .select({ text: sessionPrivateNotes.text })
    .from(sessionPrivateNotes)
    .innerJoin(mentoringSessions, eq(mentoringSessions.id, sessionPrivateNotes.sessionId))
    .where(and(eq(sessionPrivateNotes.sessionId, id), eq(sessionPrivateNotes.authorId, scope.viewer.id), eq(mentoringSessions.authorId, scope.viewer.id), eq(mentoringSessions.organisationId, scope.organisationId)));
  return note?.text ?? null;
}

export type AuthoredSessionRow = { id: string; kind: SessionKind; date: string; startsAt: string; state: SessionState; withName: string; openActions: number; awaitsRecording: boolean };

/** The viewer's own sessions (as author), latest first, with who they were with, their open actions, and whether they wait to be recorded. */
export async function listMySessionsAsMentor(scope: Scope): Promise<AuthoredSessionRow[]> {
  const open = scope.db
    .select({ sessionId: agreedActions.sessionId, n: sql<number>`count(*)`.as('n') })
    .from(agreedActions)
    .where(eq(agreedActions.state, 'open'))
    .groupBy(agreedActions.sessionId)
    .as('open_counts');
  const rows = await scope.db
    .select({
      id: mentoringSessions.id,
      kind: mentoringSessions.kind,
      date: mentoringSessions.date,
      startsAt: mentoringSessions.startsAt,
      state: mentoringSessions.state,
      menteeName: people.name,
      groupName: mentoringGroups.name,
      openActions: open.n,
    })
    .from(mentoringSessions)
    .leftJoin(people, eq(people.id, mentoringSessions.menteeId))
    .leftJoin(mentoringGroups, eq(mentoringGroups.id, mentoringSessions.groupId))
    .leftJoin(open, eq(open.sessionId, mentoringSessions.id))
    .where(and(eq(mentoringSessions.organisationId, scope.organisationId), eq(mentoringSessions.authorId, scope.viewer.id)))
    .orderBy(desc(mentoringSessions.date), desc(mentoringSessions.startsAt));
  const clock = londonClock(scope.now.getTime());
  return rows.map((r) => ({
    id: r.id, kind: r.kind, date: r.date, startsAt: r.startsAt, state: r.state, withName: r.menteeName ?? r.groupName ?? '', openActions: Number(r.openActions ?? 0),
    awaitsRecording: awaitsRecording(r, clock),
  }));
}

/** Sessions the viewer took part in (as mentee or group member), newest first, without cancelled ones. */
export async function mySessions(scope: Scope): Promise<SessionView[]> {
  const me = scope.viewer.id;
  const attended = scope.db.select({ id: sessionAttendance.sessionId }).from(sessionAttendance).where(eq(sessionAttendance.personId, me));
  const inMyGroups = scope.db.select({ id: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.personId, me));
  const rows = await scope.db
    .select({ id: mentoringSessions.id })
    .from(mentoringSessions)
    .where(
      and(
        eq(mentoringSessions.organisationId, scope.organisationId),
        ne(mentoringSessions.state, 'cancelled'),
        or(eq(mentoringSessions.menteeId, me), inArray(mentoringSessions.id, attended), inArray(mentoringSessions.groupId, inMyGroups)),
      ),
    )
    .orderBy(desc(mentoringSessions.date), desc(mentoringSessions.startsAt));
  const views = await Promise.all(rows.map((r) => sessionView(scope, r.id)));
  return views.filter((v): v is SessionView => v !== null);
}

export type MyOpenAction = { id: string; sessionId: string; text: string; dueDate: string; sessionDate: string };

/** The viewer's own open agreed actions, soonest due first. */
export async function myOpenActions(scope: Scope): Promise<MyOpenAction[]> {
  return scope.db
    .select({ id: agreedActions.id, sessionId: agreedActions.sessionId, text: agreedActions.text, dueDate: agreedActions.dueDate, sessionDate: mentoringSessions.date })
    .from(agreedActions)
    .innerJoin(mentoringSessions, eq(mentoringSessions.id, agreedActions.sessionId))
    .where(and(eq(agreedActions.organisationId, scope.organisationId), eq(agreedActions.ownerId, scope.viewer.id), eq(agreedActions.state, 'open'), ne(mentoringSessions.state, 'cancelled')))
    .orderBy(asc(agreedActions.dueDate), asc(agreedActions.position));
}

/** Marks one of the viewer's own open actions done (the mentee's side of "mark done"). */
export async function markMyActionDone(scope: Scope, actionId: string): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const now = scope.now.getTime();
  const [action] = await scope.db.select().from(agreedActions).where(and(eq(agreedActions.id, actionId), eq(agreedActions.organisationId, scope.organisationId)));
  const found = action ? await sessionTarget(scope.db, action.sessionId) : null;
  const mine = action && found && action.ownerId === scope.viewer.id && mayOnSession(scope.viewer, 'session.view', found.target);
  if (!mine) return { ok: false, errors: { _form: { key: 'sessions.errors.action' } } };
  const updated = await scope.db
    .update(agreedActions)
    .set({ state: 'done', doneAt: now, doneBy: scope.viewer.id, updatedAt: now })
    .where(and(eq(agreedActions.id, actionId), eq(agreedActions.ownerId, scope.viewer.id), eq(agreedActions.state, 'open')))
    .returning({ id: agreedActions.id });
  return updated.length ? { ok: true } : { ok: false, errors: { _form: { key: 'sessions.errors.action' } } };
}

/** Adds the viewer's "what I took from it" line to a recorded session they took part in. */
export async function addTakeaway(scope: Scope, sessionId: string, text: string): Promise<{ ok: true } | { ok: false; notFound: true } | { ok: false; errors: FieldErrors }> {
  const found = await sessionTarget(scope.db, sessionId);
  if (!found || !mayOnSession(scope.viewer, 'session.takeaway', found.target) || found.row.state !== 'recorded') return { ok: false, notFound: true };
  const line = text.trim();
  if (!line) return { ok: false, errors: { takeaway: { key: 'sessions.errors.takeaway' } } };
  if (line.length > TAKEAWAY_MAX) return { ok: false, errors: { takeaway: { key: 'sessions.errors.takeawayTooLong' } } };
  await scope.db.insert(sessionTakeaways).values({ id: newId(), sessionId, personId: scope.viewer.id, text: line, createdAt: scope.now.getTime() });
  return { ok: true };
}

/** SQL: whether the person `personId` has a mentor, sessions or a group to see (the My mentoring link). */
export function myMentoringExists(personId: SQL | AnyColumn): SQL<number> {
  return sql<number>`(exists (select 1 from ${mentorLinks} where ${mentorLinks.menteeId} = ${personId}) or exists (select 1 from ${mentoringSessions} where ${mentoringSessions.menteeId} = ${personId}) or exists (select 1 from ${groupMembers} where ${groupMembers.personId} = ${personId}))`;
}
