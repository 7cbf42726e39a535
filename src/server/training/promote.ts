import { and, eq, inArray } from 'drizzle-orm';
import { bookings, workshops } from '../../../db/schema/index.ts';
import { londonDate } from '../../domain/common/index.ts';
import { bookingOpen, lowestFreeSeat, promotions } from '../../domain/training/index.ts';
import type { Tx } from '../cpd/index.ts';

/** The live queue of a workshop, read inside the caller's write transaction. */
export async function readQueue(tx: Tx, workshopId: string) {
  const rows = await tx
    .select({ id: bookings.id, personId: bookings.personId, state: bookings.state, seq: bookings.seq, seat: bookings.seat })
    .from(bookings)
    .where(and(eq(bookings.workshopId, workshopId), inArray(bookings.state, ['booked', 'waiting'])));
  return {
    booked: rows.filter((r) => r.state === 'booked').map((r) => ({ id: r.id, personId: r.personId, seat: r.seat ?? 0 })),
    waiting: rows.filter((r) => r.state === 'waiting').map((r) => ({ id: r.id, personId: r.personId, seq: r.seq })),
  };
}

/**
 * Gives every free place to the waiting list, first come first served, inside the caller's write
 * transaction (after a cancellation or more places). Nobody is promoted once booking has closed.
 */
export async function promoteWaiting(tx: Tx, workshopId: string, now: number) {
  const [workshop] = await tx.select().from(workshops).where(eq(workshops.id, workshopId));
  if (!workshop || !bookingOpen(workshop.bookingClosesOn, londonDate(now), workshop.cancelledAt !== null)) return [];
  const queue = await readQueue(tx, workshopId);
  const chosen = promotions(queue.waiting, workshop.places - queue.booked.length);
  const taken = queue.booked.map((b) => b.seat);
  const changes: { personId: string; workshopId: string; change: 'promoted' }[] = [];
  for (const personId of chosen) {
    const seat = lowestFreeSeat(taken, workshop.places);
    const waiting = queue.waiting.find((w) => w.personId === personId);
    if (seat === null || !waiting) break;
    taken.push(seat);
    await tx.update(bookings).set({ state: 'booked', seat, bookedAt: now, updatedAt: now }).where(eq(bookings.id, waiting.id));
    changes.push({ personId, workshopId, change: 'promoted' });
  }
  return changes;
}
