// The waiting-list rules: first come, first served, and nobody jumps the queue.
export type Queue = {
  booked: readonly { personId: string; seat: number }[];
  waiting: readonly { personId: string; seq: number }[];
};
export type BookingDecision = 'book' | 'wait' | 'already' | 'closed';

/** What pressing "Book a place" does: a place while one is free and nobody waits, else a waiting place; once per person. */
export function decideBooking(q: Queue, places: number, personId: string, open: boolean): BookingDecision {
  if (q.booked.some((b) => b.personId === personId) || q.waiting.some((w) => w.personId === personId)) return 'already';
  if (!open) return 'closed';
  // A free place while people wait is theirs (promotion), not a newcomer's.
  return q.booked.length < places && q.waiting.length === 0 ? 'book' : 'wait';
}

/** The lowest seat number 1..places nobody holds, or null when every seat is taken. */
export function lowestFreeSeat(taken: readonly number[], places: number): number | null {
  const held = new Set(taken);
  for (let seat = 1; seat <= places; seat++) if (!held.has(seat)) return seat;
  return null;
}

/** First `free` waiting people by arrival order (seq ascending): nobody jumps the queue. */
export function promotions(waiting: readonly { personId: string; seq: number }[], free: number): string[] {
  if (free <= 0) return [];
  return byArrival(waiting).slice(0, free).map((w) => w.personId);
}

/** A person's 1-based place on the waiting list, or null when they are not on it. */
export function waitingPosition(waiting: readonly { personId: string; seq: number }[], personId: string): number | null {
  const index = byArrival(waiting).findIndex((w) => w.personId === personId);
  return index === -1 ? null : index + 1;
}

/** How many places are free: never negative, even if places were lowered below the number booked. */
export function placesLeft(places: number, bookedCount: number): number {
  return Math.max(0, places - bookedCount);
}

function byArrival<T extends { seq: number }>(waiting: readonly T[]): T[] {
  return [...waiting].sort((a, b) => a.seq - b.seq);
}
