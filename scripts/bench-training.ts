// Workshop booking under a rush: 50 people press "Book a place" on one workshop at the same moment.
// Part of `npm run bench` (scripts/bench.ts); `npx node scripts/bench-training.ts` prints the figures alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { bookings, organisations, people, personRoles, workshops } from '../db/schema/index.ts';
import { addDays, londonDate, percentile } from '../src/domain/common/index.ts';
import { loadViewer, scopeFor } from '../src/server/people/index.ts';
import { londonInstant } from '../src/server/platform/index.ts';
import { book } from '../src/server/training/index.ts';

export const RUSH_BOOKERS = 50;
export const RUSH_PLACES = 10;
const ROUNDS = 5;

export type BookingRush = { bookers: number; places: number; rounds: number; medianPerSecond: number; worstMs: number; overCapacity: number; waiting: number; outOfOrder: number };

/**
 * 50 simultaneous bookers on one workshop of 10 places, five times over (a fresh workshop each
 * round), through the same `book` the page calls: bookings per second, and how many places were
 * ever handed out over capacity (must be 0) or out of arrival order.
 */
export async function bookingRush(dir: string): Promise<BookingRush> {
  const { db, client } = await openDatabase(`file:${join(dir, 'booking-rush.db')}`);
  try {
    await migrateDatabase(db);
    const now = Date.now();
    await db.insert(organisations).values({ id: 'rush', nameEn: 'Rush', nameCy: 'Rhuthr', defaultLocale: 'cy', createdAt: now });
    const ids = Array.from({ length: RUSH_BOOKERS }, (_, i) => `r${i}`);
    await db.insert(people).values(ids.map((id) => ({ id, organisationId: 'rush', email: `${id}@rush.example`, name: `R ${id}`, locale: 'cy' as const, status: 'active' as const, createdAt: now, updatedAt: now })));
    await db.insert(personRoles).values(ids.map((personId) => ({ personId, role: 'learner' as const })));
    const scopes = await Promise.all(ids.map(async (id) => scopeFor(db, (await loadViewer(db, id))!, new Date(now))));
    const date = addDays(londonDate(now), 14);
    const perSecond: number[] = [];
    let worstMs = 0;
    let overCapacity = 0;
    let waiting = 0;
    let outOfOrder = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const id = `rush-${round}`;
      await db.insert(workshops).values({ id, organisationId: 'rush', programmeId: 'risk-model', title: `Rush ${round}`, date, startAt: londonInstant(date, '09:30'), endAt: londonInstant(date, '12:30'), venue: 'Neuadd', deliveryLanguage: 'cy', places: RUSH_PLACES, bookingClosesOn: date, openToAll: true, revision: 0, createdAt: now, updatedAt: now });
      const start = performance.now();
      const results = await Promise.all(scopes.map((scope) => book(scope, id, { requestKey: `${scope.viewer.id}-${round}` }, null)));
      const ms = performance.now() - start;
      worstMs = Math.max(worstMs, ms);
      perSecond.push(RUSH_BOOKERS / (ms / 1000));
      if (results.some((r) => !r.ok)) throw new Error('a booking was refused');
      const [booked] = await db.select({ n: count() }).from(bookings).where(and(eq(bookings.workshopId, id), eq(bookings.state, 'booked')));
      overCapacity += Math.max(0, (booked?.n ?? 0) - RUSH_PLACES);
      const queue = await db.select({ seq: bookings.seq, state: bookings.state }).from(bookings).where(eq(bookings.workshopId, id));
      waiting += queue.filter((b) => b.state === 'waiting').length;
      // Everyone booked arrived before everyone waiting: nobody jumped the queue.
      const lastBooked = Math.max(...queue.filter((b) => b.state === 'booked').map((b) => b.seq));
      outOfOrder += queue.filter((b) => b.state === 'waiting' && b.seq < lastBooked).length;
    }
    return { bookers: RUSH_BOOKERS, places: RUSH_PLACES, rounds: ROUNDS, medianPerSecond: percentile(perSecond, 50), worstMs, overCapacity, waiting: waiting / ROUNDS, outOfOrder };
  } finally {
    client.close();
  }
}

/** The rows of the benchmarks table for a booking rush. */
export function bookingRushRows(rush: BookingRush): string[] {
  return [
    `| ${rush.bookers} simultaneous bookers on one workshop of ${rush.places} places (${rush.rounds} rounds): bookings per second, median | ${rush.medianPerSecond.toFixed(0)} bookings/s (slowest round ${rush.worstMs.toFixed(0)} ms for all ${rush.bookers}) | reported |`,
    `| places over capacity, over all rounds | ${rush.overCapacity} | 0 |`,
    `| waiting per round; waiting places ahead of a booked one (queue jumped) | ${rush.waiting}; ${rush.outOfOrder} | ${rush.bookers - rush.places}; 0 |`,
  ];
}

if (process.argv[1]?.endsWith('bench-training.ts')) {
  const dir = mkdtempSync(join(tmpdir(), 'camau-bench-training-'));
  try {
    console.log(bookingRushRows(await bookingRush(dir)).join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
