import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { healthChecks } from '../../../db/schema/index.ts';
import { getDb } from './db.ts';

/** How long one write check stands for: load balancers may poll often, the database is written rarely. */
export const HEALTH_WRITE_INTERVAL_MS = 5_000;

let last: { at: number; ok: boolean } | null = null;

/**
 * Whether the database answers and takes a write: one tiny row in health_checks is rewritten at
 * most every HEALTH_WRITE_INTERVAL_MS; in between, the last answer stands.
 */
export async function databaseWorks(db?: Db, now = Date.now()): Promise<boolean> {
  if (last && now - last.at < HEALTH_WRITE_INTERVAL_MS) return last.ok;
  let ok: boolean;
  try {
    const database = db ?? (await getDb());
    await database.run(sql`SELECT 1`);
    await database.insert(healthChecks).values({ id: 1, checkedAt: now }).onConflictDoUpdate({ target: healthChecks.id, set: { checkedAt: now } });
    ok = true;
  } catch {
    ok = false;
  }
  last = { at: now, ok };
  return ok;
}
