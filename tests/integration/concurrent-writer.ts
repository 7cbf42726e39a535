// One of the two writer processes of concurrent-writers.test.ts: opens the database file of
// argv[2] with the project's openDatabase and, when the test says go, makes argv[4] short write
// transactions (argv[5] at a time) as writer argv[3]. It reports how long it held its longest
// transaction and the longest time its event loop was blocked.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { openDatabase } from '../../db/client.ts';

const entries = sqliteTable('test_entries', { id: text('id').primaryKey(), writer: text('writer').notNull(), n: integer('n').notNull() });
const counters = sqliteTable('test_counters', { id: integer('id').primaryKey(), value: integer('value').notNull() });

const [url, writer, total, parallel] = [process.argv[2]!, process.argv[3]!, Number(process.argv[4]), Number(process.argv[5])];
const { db, client } = await openDatabase(url);
const delay = monitorEventLoopDelay({ resolution: 1 });
let longestHeldMs = 0;
let failures = 0;

async function one(n: number): Promise<void> {
  let began = 0;
  try {
    await db.transaction(async (tx) => {
      began = performance.now();
      await tx.insert(entries).values({ id: `${writer}-${n}`, writer, n });
      // Read, then write what was read plus one: a lost update would show in the final count.
      const [row] = await tx.select({ value: counters.value }).from(counters).where(eq(counters.id, 1));
      await tx.update(counters).set({ value: row!.value + 1 }).where(eq(counters.id, 1));
    });
    // From BEGIN IMMEDIATE done to COMMIT done: how long this process held the write lock.
    longestHeldMs = Math.max(longestHeldMs, performance.now() - began);
  } catch (error) {
    failures++;
    console.error(`${writer}-${n}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

process.on('message', async (message) => {
  if (message !== 'go') return;
  delay.enable();
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    // Each transaction starts from an event of its own, as a request's does (the local driver
    // answers synchronously, so back-to-back transactions would never let a timer run).
    for (let n = next++; n < total; n = next++) {
      await new Promise((resolve) => setImmediate(resolve));
      await one(n);
    }
  }));
  const elapsedMs = performance.now() - started;
  delay.disable();
  client.close();
  process.send!({ writer, failures, elapsedMs, longestHeldMs, longestBlockMs: delay.max / 1e6, p99BlockMs: delay.percentile(99) / 1e6, samples: delay.count }, () => process.exit(0));
});
process.send!('ready');
