import { and, eq, inArray, max } from 'drizzle-orm';
import { bookings, workshops } from '../../../db/schema/index.ts';
import { londonDate } from '../../domain/common/index.ts';
import { bookingOpen, decideBooking, lowestFreeSeat, type BookingState } from '../../domain/training/index.ts';
import { mayOnPerson, mayOnWorkshop, type Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Tx } from '../cpd/index.ts';
import { personTarget, type Scope } from '../people/index.ts';
import { newId } from '../platform/index.ts';
import { promoteWaiting, readQueue } from './promote.ts';
import { queueWorkshopReminders } from './training-jobs.ts';
import { workshopTarget, type BookingChange, type TrainingResult } from './workshops.ts';

export type BookingOutcome = {
  /** The person's place now: 'booked' or 'waiting', or how an earlier booking with the same request ended. */
  state: BookingState;
  /** True when nothing new was made: the person already had a place (a double click, a repeated POST). */
  already: boolean;
  changes: BookingChange[];
};

/** A unique index refused the row: a concurrent duplicate of the same booking. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = (e as Error & { cause?: unknown }).cause) {
    if (/UNIQUE constraint failed|SQLITE_CONSTRAINT_UNIQUE/.test(e.message) || (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
  }
  return false;
}

async function livePlace(tx: Pick<Tx, 'select'>, workshopId: string, personId: string) {
  const [row] = await tx
    .select({ state: bookings.state })
    .from(bookings)
    .where(and(eq(bookings.workshopId, workshopId), eq(bookings.personId, personId), inArray(bookings.state, ['booked', 'waiting'])));
  return row ?? null;
}

/**
 * Books a place for the viewer (or, with `personId`, for a team member: 'training.book-for'), or a
 * waiting-list place when the workshop is full. One write transaction re-reads the queue, so the
 * places are never exceeded whoever presses at the same moment, in any process; the unique indexes
 * are the backstop: a duplicate they refuse is answered as the place the person now has (read
 * again), and a seat taken meanwhile is tried once more. A repeated request (same `requestKey`)
 * makes nothing new. The place's reminder (or waiting-list notice) is queued in the same transaction.
 */
export async function book(
  scope: Scope,
  workshopId: string,
  opts: { personId?: string; requestKey: string },
  ip: string | null,
): Promise<TrainingResult<BookingOutcome>> {
  const { db, viewer, organisationId } = scope;
  const now = scope.now.getTime();
  const personId = opts.personId ?? viewer.id;
  const found = await workshopTarget(db, organisationId, workshopId);
  if (!found || !mayOnWorkshop(viewer, 'workshop.view', found.target)) return { ok: false, error: 'not-found' };
  if (personId === viewer.id) {
    if (!mayOnWorkshop(viewer, 'workshop.book', found.target)) return { ok: false, error: 'not-allowed' };
  } else {
    const person = await personTarget(db, personId);
    if (!person || !mayOnPerson(viewer, 'training.book-for', person)) return { ok: false, error: 'not-found' };
    // The workshop must be open to the person booked, not just to the manager booking.
    const asPerson: Actor = { id: person.id, organisationId: person.organisationId, roles: [], teamIds: person.teamIds, managedTeamIds: [], menteeIds: [] };
    if (!mayOnWorkshop(asPerson, 'workshop.book', found.target)) return { ok: false, error: 'not-allowed' };
  }
  const requestKey = opts.requestKey.slice(0, 64) || null;
  const attempt = () =>
    db.transaction(async (tx): Promise<TrainingResult<BookingOutcome>> => {
      if (requestKey) {
        const [same] = await tx
          .select({ state: bookings.state })
          .from(bookings)
          .where(and(eq(bookings.workshopId, workshopId), eq(bookings.personId, personId), eq(bookings.requestKey, requestKey)));
        if (same) return { ok: true, value: { state: same.state, already: true, changes: [] } };
      }
      const placed = await placeInQueue(tx, workshopId, personId, { bookedBy: viewer.id, requestKey, organisationId }, now);
      if (placed === 'closed' || placed === 'not-found') return { ok: false, error: placed };
      if (placed === 'already') {
        const place = await livePlace(tx, workshopId, personId);
        // The queue just read holds them, so the same transaction finds their place.
        if (!place) throw new Error(`booking: the queue of ${workshopId} holds ${personId} but no live place does`);
        return { ok: true, value: { state: place.state, already: true, changes: [] } };
      }
      const { state } = placed;
      if (personId !== viewer.id) {
        await recordAudit(tx, { organisationId, actorId: viewer.id, subjectId: personId, action: 'booking.made-for', detail: { workshopId, state }, ip }, now);
      }
      const changes: BookingChange[] = [{ personId, workshopId, change: state }];
      await queueWorkshopReminders(tx, changes, now);
      return { ok: true, value: { state, already: false, changes } };
    });
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another request took the row first: report the place it made, never one nobody holds.
      const place = await livePlace(db, workshopId, personId);
      if (place) return { ok: true, value: { state: place.state, already: true, changes: [] } };
      // The index refused a seat or arrival number another booker took meanwhile: queue again, once.
      if (tries === 2) throw error;
    }
  }
}

/**
 * Puts a person in a workshop's queue inside the caller's write transaction: a place while one is
 * free and nobody waits, else the next waiting place; the queue is read again here, never trusted
 * from before the transaction.
 */
async function placeInQueue(
  tx: Tx,
  workshopId: string,
  personId: string,
  by: { bookedBy: string; requestKey: string | null; organisationId: string },
  now: number,
): Promise<'closed' | 'not-found' | 'already' | { id: string; state: 'booked' | 'waiting' }> {
  const [workshop] = await tx.select().from(workshops).where(eq(workshops.id, workshopId));
  if (!workshop) return 'not-found';
  const queue = await readQueue(tx, workshopId);
  const open = bookingOpen(workshop.bookingClosesOn, londonDate(now), workshop.cancelledAt !== null);
  const decision = decideBooking(queue, workshop.places, personId, open);
  if (decision === 'closed' || decision === 'already') return decision;
  const [last] = await tx.select({ seq: max(bookings.seq) }).from(bookings).where(eq(bookings.workshopId, workshopId));
  const seat = decision === 'book' ? lowestFreeSeat(queue.booked.map((b) => b.seat), workshop.places) : null;
  const state = seat === null ? 'waiting' : 'booked';
  const id = newId();
  await tx.insert(bookings).values({
    id,
    organisationId: by.organisationId,
    workshopId,
    personId,
    state,
    seq: (last?.seq ?? 0) + 1,
    seat,
    bookedBy: by.bookedBy,
    requestKey: by.requestKey,
    queuedAt: now,
    bookedAt: state === 'booked' ? now : null,
    updatedAt: now,
  });
  return { id, state };
}

/**
 * Moves a person's place to another workshop of the same programme ('training.book-for': their
 * manager, or an admin), in one transaction: a place there if one is free, else its waiting list;
 * the place left behind goes to the first person waiting. The person is told.
 */
export async function moveBooking(
  scope: Scope,
  bookingId: string,
  toWorkshopId: string,
  ip: string | null,
): Promise<TrainingResult<{ state: 'booked' | 'waiting'; changes: BookingChange[] }>> {
  const { db, viewer, organisationId } = scope;
  const now = scope.now.getTime();
  const [row] = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.id, bookingId), eq(bookings.organisationId, organisationId), inArray(bookings.state, ['booked', 'waiting'])));
  if (!row) return { ok: false, error: 'not-found' };
  const person = await personTarget(db, row.personId);
  if (!person || !mayOnPerson(viewer, 'training.book-for', person)) return { ok: false, error: 'not-found' };
  const [from, to] = await Promise.all([workshopTarget(db, organisationId, row.workshopId), workshopTarget(db, organisationId, toWorkshopId)]);
  if (!from || !to || to.workshop.id === from.workshop.id || !mayOnWorkshop(viewer, 'workshop.view', to.target)) return { ok: false, error: 'not-found' };
  const asPerson: Actor = { id: person.id, organisationId: person.organisationId, roles: [], teamIds: person.teamIds, managedTeamIds: [], menteeIds: [] };
  if (to.workshop.programmeId !== from.workshop.programmeId || !mayOnWorkshop(asPerson, 'workshop.book', to.target)) return { ok: false, error: 'not-allowed' };
  return db.transaction(async (tx): Promise<TrainingResult<{ state: 'booked' | 'waiting'; changes: BookingChange[] }>> => {
    const [still] = await tx.select({ state: bookings.state }).from(bookings).where(eq(bookings.id, bookingId));
    if (!still || (still.state !== 'booked' && still.state !== 'waiting')) return { ok: false, error: 'not-found' };
    const placed = await placeInQueue(tx, toWorkshopId, row.personId, { bookedBy: viewer.id, requestKey: null, organisationId }, now);
    if (placed === 'closed' || placed === 'not-found') return { ok: false, error: placed };
    if (placed === 'already') return { ok: false, error: 'not-allowed' };
    await tx.update(bookings).set({ state: 'moved', movedTo: placed.id, endedAt: now, updatedAt: now }).where(eq(bookings.id, bookingId));
    const changes: BookingChange[] = [
      { personId: row.personId, workshopId: row.workshopId, change: 'moved' },
      { personId: row.personId, workshopId: toWorkshopId, change: placed.state },
    ];
    if (still.state === 'booked') changes.push(...(await promoteWaiting(tx, row.workshopId, now)));
    await queueWorkshopReminders(tx, changes, now);
    await recordAudit(tx, { organisationId, actorId: viewer.id, subjectId: row.personId, action: 'booking.moved', detail: { from: row.workshopId, to: toWorkshopId, state: placed.state }, ip }, now);
    return { ok: true, value: { state: placed.state, changes } };
  });
}

/** Cancels the viewer's place; the first person waiting gets it at once, in the same transaction. */
export async function cancelBooking(scope: Scope, workshopId: string): Promise<TrainingResult<{ changes: BookingChange[] }>> {
  return endPlace(scope, workshopId, 'booked');
}

/** Takes the viewer off the waiting list; everyone behind them moves up one. */
export async function leaveWaitingList(scope: Scope, workshopId: string): Promise<TrainingResult<{ changes: BookingChange[] }>> {
  return endPlace(scope, workshopId, 'waiting');
}

async function endPlace(scope: Scope, workshopId: string, from: 'booked' | 'waiting'): Promise<TrainingResult<{ changes: BookingChange[] }>> {
  const { db, viewer, organisationId } = scope;
  const now = scope.now.getTime();
  const found = await workshopTarget(db, organisationId, workshopId);
  if (!found || !mayOnWorkshop(viewer, 'workshop.view', found.target)) return { ok: false, error: 'not-found' };
  return db.transaction(async (tx): Promise<TrainingResult<{ changes: BookingChange[] }>> => {
    const [row] = await tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.workshopId, workshopId), eq(bookings.personId, viewer.id), eq(bookings.state, from), eq(bookings.organisationId, organisationId)));
    if (!row) return { ok: false, error: 'not-found' };
    const state = from === 'booked' ? 'cancelled' : 'left';
    await tx.update(bookings).set({ state, endedAt: now, updatedAt: now }).where(eq(bookings.id, row.id));
    const changes: BookingChange[] = [{ personId: viewer.id, workshopId, change: state }];
    if (from === 'booked') changes.push(...(await promoteWaiting(tx, workshopId, now)));
    await queueWorkshopReminders(tx, changes, now);
    return { ok: true, value: { changes } };
  });
}
