import { and, asc, eq, inArray, sql, sum } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { bookings, people, registerRows, teamMemberships } from '../../../db/schema/index.ts';
import { londonDate } from '../../domain/common/index.ts';
import { cancelledLate, checkRegisterRow, cpdMinutesFor, type RegisterMark } from '../../domain/training/index.ts';
import { mayMarkRegisterRow, mayOnWorkshop, type WorkshopTarget } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { setAttendedCpd, type Tx } from '../cpd/index.ts';
import type { Scope } from '../people/index.ts';
import { londonTimeOf, type FieldErrors } from '../platform/index.ts';
import { queueReactionRequests } from './training-jobs.ts';
import { searchPeople } from './people-picker.ts';
import { workshopTarget, type TrainingRefusal, type Workshop } from './workshops.ts';

/** One person on a register as the viewer may see them. */
export type RegisterRowView = {
  personId: string;
  name: string;
  walkIn: boolean;
  /** Their booking now: a place, a place they gave up after booking closed, or one given up otherwise (null for a walk-in). */
  booking: 'booked' | 'cancelled-late' | 'cancelled' | null;
  mark: RegisterMark | null;
  minutes: number | null;
};

export type RegisterView = {
  workshop: Workshop;
  startsAt: string;
  endsAt: string;
  /** The workshop's length in minutes: what "Attended" records, and the most "Attended part" may. */
  lengthMinutes: number;
  /** Changes with every save, so a save over someone else's is caught (409). */
  revision: number;
  /** Marking opens on the day of the workshop. */
  open: boolean;
  /** Facilitators and admins mark the whole register and add walk-ins; managers only their teams' rows. */
  whole: boolean;
  rows: RegisterRowView[];
};

export type RegisterResult = { ok: true } | { ok: false; error: TrainingRefusal | 'conflict'; errors?: FieldErrors };

/** The length of a workshop in whole minutes. */
export function workshopMinutes(workshop: Pick<Workshop, 'startAt' | 'endAt'>): number {
  return Math.max(0, Math.round((workshop.endAt - workshop.startAt) / 60_000));
}

async function teamsOf(db: Db | Tx, personIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!personIds.length) return map;
  const rows = await db.select().from(teamMemberships).where(inArray(teamMemberships.personId, [...personIds]));
  for (const row of rows) map.set(row.personId, [...(map.get(row.personId) ?? []), row.teamId]);
  return map;
}

async function registerRevision(db: Db | Tx, workshopId: string): Promise<number> {
  const [row] = await db.select({ total: sum(registerRows.revision) }).from(registerRows).where(eq(registerRows.workshopId, workshopId));
  return Number(row?.total ?? 0);
}

/** Everyone on the register (booked, cancelled late, or already marked), with the rows this viewer may mark. */
async function rowsFor(db: Db | Tx, viewer: Scope['viewer'], target: WorkshopTarget, workshop: Workshop): Promise<RegisterRowView[]> {
  const workshopId = workshop.id;
  const [booked, cancelled, marked] = await Promise.all([
    db
      .select({ personId: bookings.personId, state: bookings.state, name: people.name })
      .from(bookings)
      .innerJoin(people, eq(people.id, bookings.personId))
      .where(and(eq(bookings.workshopId, workshopId), eq(bookings.state, 'booked'))),
    // A cancelled workshop ends every place at once: nobody cancelled late.
    workshop.cancelledAt !== null
      ? Promise.resolve([])
      : db
          .select({ personId: bookings.personId, endedAt: bookings.endedAt, name: people.name })
          .from(bookings)
          .innerJoin(people, eq(people.id, bookings.personId))
          .where(and(eq(bookings.workshopId, workshopId), eq(bookings.state, 'cancelled'))),
    db
      .select({ personId: registerRows.personId, mark: registerRows.mark, minutes: registerRows.minutes, walkIn: registerRows.walkIn, name: people.name })
      .from(registerRows)
      .innerJoin(people, eq(people.id, registerRows.personId))
      .where(eq(registerRows.workshopId, workshopId)),
  ]);
  const rows = new Map<string, RegisterRowView>();
  for (const b of booked) rows.set(b.personId, { personId: b.personId, name: b.name, walkIn: false, booking: 'booked', mark: null, minutes: null });
  for (const c of cancelled) {
    if (rows.has(c.personId) || c.endedAt === null || !cancelledLate(londonDate(c.endedAt), workshop.bookingClosesOn)) continue;
    rows.set(c.personId, { personId: c.personId, name: c.name, walkIn: false, booking: 'cancelled-late', mark: null, minutes: null });
  }
  for (const m of marked) {
    const row = rows.get(m.personId) ?? { personId: m.personId, name: m.name, walkIn: m.walkIn, booking: m.walkIn ? null : 'cancelled', mark: null, minutes: null };
    rows.set(m.personId, { ...row, walkIn: m.walkIn, mark: m.mark, minutes: m.minutes });
  }
  const teams = await teamsOf(db, [...rows.keys()]);
  return [...rows.values()]
    .filter((row) => mayMarkRegisterRow(viewer, target, teams.get(row.personId) ?? []))
    .sort((a, b) => a.name.localeCompare(b.name, 'cy'));
}

/** Who may open a register: its facilitators and admins (all of it), or a manager of some team (their rows). */
function mayOpenRegister(viewer: Scope['viewer'], target: WorkshopTarget): boolean {
  return mayOnWorkshop(viewer, 'workshop.view', target) && mayMarkRegisterRow(viewer, target, viewer.managedTeamIds);
}

/**
 * A workshop's attendance register as the viewer may mark it: facilitators and admins see every
 * row; a manager only the rows of people in teams they manage. Null when they may not see it.
 */
export async function registerFor(scope: Scope, workshopId: string): Promise<RegisterView | null> {
  const { db, viewer, organisationId } = scope;
  const found = await workshopTarget(db, organisationId, workshopId);
  if (!found || !mayOpenRegister(viewer, found.target)) return null;
  const { workshop, target } = found;
  return {
    workshop,
    startsAt: londonTimeOf(workshop.startAt),
    endsAt: londonTimeOf(workshop.endAt),
    lengthMinutes: workshopMinutes(workshop),
    revision: await registerRevision(db, workshopId),
    open: londonDate(scope.now.getTime()) >= workshop.date,
    whole: mayOnWorkshop(viewer, 'workshop.register', target),
    rows: await rowsFor(db, viewer, target, workshop),
  };
}

/** One row of the register as submitted: a mark, and minutes for "attended part". */
export type RegisterMarkInput = { personId: string; mark: string; minutes: number | null };

/**
 * Saves the rows of the register the viewer may mark and the walk-ins they add (facilitators and
 * admins only), in one transaction, and sets each person's CPD minutes for the workshop
 * (`setAttendedCpd`): a corrected mark corrects the entry, never adds a second. `revision` is the
 * one the form was drawn from: a save in between answers `conflict` and writes nothing.
 */
export async function saveRegister(
  scope: Scope,
  workshopId: string,
  marks: readonly RegisterMarkInput[],
  walkIns: readonly string[],
  revision: number,
  ip: string | null,
): Promise<RegisterResult> {
  const { db, viewer, organisationId } = scope;
  const now = scope.now.getTime();
  return db.transaction(async (tx): Promise<RegisterResult> => {
    const found = await workshopTarget(tx, organisationId, workshopId);
    if (!found || !mayOpenRegister(viewer, found.target)) return { ok: false, error: 'not-found' };
    const { workshop, target } = found;
    if (londonDate(now) < workshop.date) return { ok: false, error: 'closed' };
    if ((await registerRevision(tx, workshopId)) !== revision) return { ok: false, error: 'conflict' };
    const length = workshopMinutes(workshop);
    const allowed = new Map((await rowsFor(tx, viewer, target, workshop)).map((r) => [r.personId, r]));
    const errors: FieldErrors = {};
    for (const row of marks) {
      if (!allowed.has(row.personId)) return { ok: false, error: 'not-allowed' };
      if (row.mark === '') continue;
      const error = checkRegisterRow(row.mark, row.minutes, length);
      if (error) errors[`${error === 'register.errors.mark' ? 'mark' : 'minutes'}-${row.personId}`] = { key: error };
    }
    const newcomers = [...new Set(walkIns)].filter((id) => !allowed.has(id));
    if (newcomers.length) {
      const whole = mayOnWorkshop(viewer, 'workshop.register', target);
      const known = whole
        ? await tx.select({ id: people.id }).from(people).where(and(inArray(people.id, newcomers), eq(people.organisationId, organisationId), eq(people.status, 'active')))
        : [];
      if (known.length !== newcomers.length) errors.walkIns = { key: 'register.errors.walkIn' };
    }
    if (Object.keys(errors).length) return { ok: false, error: 'invalid', errors };

    const writes: { personId: string; mark: RegisterMark; minutes: number | null; walkIn: boolean }[] = [];
    for (const row of marks) {
      if (row.mark === '') continue;
      const mark = row.mark as RegisterMark;
      const before = allowed.get(row.personId)!;
      const minutes = mark === 'attended-part' ? row.minutes : null;
      if (before.mark === mark && before.minutes === minutes) continue;
      writes.push({ personId: row.personId, mark, minutes, walkIn: before.walkIn });
    }
    for (const personId of newcomers) writes.push({ personId, mark: 'attended', minutes: null, walkIn: true });
    for (const w of writes) {
      await tx
        .insert(registerRows)
        .values({ workshopId, personId: w.personId, mark: w.mark, minutes: w.minutes, walkIn: w.walkIn, markedBy: viewer.id, markedAt: now, revision: 1 })
        .onConflictDoUpdate({
          target: [registerRows.workshopId, registerRows.personId],
          set: { mark: w.mark, minutes: w.minutes, markedBy: viewer.id, markedAt: now, revision: sql`${registerRows.revision} + 1` },
        });
      await setAttendedCpd(
        tx,
        {
          personId: w.personId,
          kind: 'workshop',
          sourceId: workshopId,
          activityId: workshopId,
          programmeId: workshop.programmeId,
          title: { en: workshop.title, cy: workshop.title },
          completedAt: workshop.endAt,
        },
        cpdMinutesFor(w.mark, w.minutes, length),
      );
    }
    const attended = writes.filter((w) => w.mark === 'attended' || w.mark === 'attended-part').map((w) => w.personId);
    await queueReactionRequests(tx, workshop, attended, now);
    if (writes.length) {
      await recordAudit(tx, { organisationId, actorId: viewer.id, action: 'register.saved', detail: { workshopId, rows: writes.length, walkIns: newcomers.length }, ip }, now);
    }
    return { ok: true };
  });
}

/**
 * People a facilitator may add to a register as walk-ins: those already ticked (kept from an
 * earlier search), then those found by `query`; never anyone on the register already.
 */
export async function walkInCandidates(scope: Scope, workshopId: string, query: string, ticked: readonly string[] = []): Promise<{ id: string; name: string }[]> {
  const view = await registerFor(scope, workshopId);
  if (!view?.whole) return [];
  const onRegister = new Set(view.rows.map((r) => r.personId));
  const keep = [...new Set(ticked)].filter((id) => !onRegister.has(id)).slice(0, 50);
  const kept = keep.length
    ? await scope.db
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(eq(people.organisationId, scope.organisationId), eq(people.status, 'active'), inArray(people.id, keep)))
        .orderBy(asc(people.name))
    : [];
  return [...kept, ...(await searchPeople(scope, query, [...onRegister, ...kept.map((p) => p.id)]))];
}
